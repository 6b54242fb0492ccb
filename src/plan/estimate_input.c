/*
 * The contexts carve estimate (and roadmap) plan for: the history, when
 * there is one, and carve seams' proposal with its defaults.
 */
#include "carve/estimate.h"
#include "carve/error.h"
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
	if (!no_history && !m->history && m->scan->is_git && *m->scan->head &&
	    !model_is_file(arg ? arg : ".")) {
		struct history_options ho = { 0 };

		ho.max_changeset = HISTORY_MAX_CHANGESET;
		ho.min_revs = HISTORY_MIN_REVS;
		ho.min_shared = HISTORY_MIN_SHARED;
		ho.min_coupling = HISTORY_MIN_COUPLING;
		ho.max_blob_size = HISTORY_MAX_BLOB_SIZE;
		ho.threads = threads;
		ho.config = cfg;
		if (history_run(&m->history, m->scan, &ho))
			warning("no history: contexts from the static graph "
				"and folders");
	}
	if (!no_history)
		o.history = m->history;
	return seams_propose(out, m->scan, &o);
}
