/*
 * The contexts carve estimate (and roadmap) plan for: the history, when
 * there is one, and carve seams' proposal with its defaults.
 */
#include "carve/error.h"
#include "carve/estimate.h"
#include "carve/history.h"
#include "carve/model.h"
#include "carve/scan.h"
#include "carve/seams.h"

int estimate_contexts(struct seams **out, struct model *m,
		      const struct config *cfg, const char *arg, int threads,
		      int no_history)
{
	struct seams_options o;

	seams_options_init(&o);
	o.config = cfg;
	if (!no_history) {
		struct input_options in = { arg, NULL, threads };

		if (input_history(m, cfg, &in))
			warning("no history: contexts from the static graph "
				"and folders");
		o.history = m->history;
	}
	return seams_propose(out, m->scan, &o);
}
