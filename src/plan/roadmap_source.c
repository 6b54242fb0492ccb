/*
 * carve roadmap's input: declared contexts (plan.contexts), or the
 * contexts, dependencies and ranking of carve seams with the efforts of
 * carve estimate; and the assumptions printed beside the schedule.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/calendar.h"
#include "carve/config.h"
#include "carve/error.h"
#include "carve/input.h"
#include "carve/model.h"
#include "carve/plan.h"
#include "carve/roadmap.h"
#include "carve/roadmap_source.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

static int from_repository(struct roadmap_source *src, struct model *m,
			   const struct config *cfg,
			   const struct input_options *io, size_t trials,
			   unsigned long seed)
{
	(void)src;
	(void)m;
	(void)cfg;
	(void)io;
	(void)trials;
	(void)seed;
	return error("carve roadmap needs effort per context: declare the "
		     "contexts in carve.json \"plan.contexts\"");
}

int roadmap_source_open(struct roadmap_source *src, struct model *m,
			const struct config *cfg, const struct plan *p,
			const struct input_options *io, size_t trials,
			unsigned long seed)
{
	if (p->contexts_nr) {
		plan_input_init(&src->declared, &src->in, p, trials, seed);
		return 0;
	}
	return from_repository(src, m, cfg, io, trials, seed);
}

void roadmap_source_release(struct roadmap_source *src)
{
	if (!src)
		return;
	plan_input_release(&src->declared);
	free(src->contexts);
	free(src->deps);
	free(src->index);
	free(src->days);
	memset(src, 0, sizeof(*src));
}

void roadmap_assume(struct model *m, const struct plan *p,
		    const struct roadmap *r, int set_start, int set_trials,
		    int set_seed, unsigned long seed)
{
	struct strbuf sb = STRBUF_INIT;
	const char *cfg = p->path;
	char d[16];

	model_assume(m, "start", set_start ? "option" : p->start_set ? cfg :
		     "default", "%s%s", calendar_format(d, p->cal.start),
		     set_start || p->start_set ? "" :
		     " (today; set plan.start for fixed dates)");
	for (int i = 0; i < 7; i++)
		if (p->cal.weekdays & (1u << i)) {
			static const char *const names[] = {
				"mon", "tue", "wed", "thu", "fri", "sat", "sun"
			};

			strbuf_addf(&sb, "%s%s", sb.len ? " " : "", names[i]);
		}
	model_assume(m, "calendar", p->cal.holidays_nr || p->cal.weekdays !=
		     CALENDAR_WEEKDAYS_MON_FRI ? cfg : "default",
		     "working days %s, %zu holiday range%s; %.2f working "
		     "days a month", sb.buf, p->cal.holidays_nr,
		     p->cal.holidays_nr == 1 ? "" : "s", p->months_days);
	strbuf_reset(&sb);
	for (size_t i = 0; i < p->capacity_nr; i++)
		strbuf_addf(&sb, "%s%s: %g", i ? ", " : "",
			    calendar_format(d, p->capacity[i].from),
			    p->capacity[i].engineers);
	model_assume(m, "capacity", p->set_capacity ? cfg : "default",
		     "engineers from each date on: %s", sb.buf);
	model_assume(m, "focus", p->set_focus ? cfg : "default",
		     "%g of each engineer's time goes to the migration "
		     "(capacity x focus = full-time engineers)", p->focus);
	model_assume(m, "max engineers per context",
		     p->set_max ? cfg : "default",
		     "%g full-time engineers at most on one context at a "
		     "time (more do not make it faster)", p->max_per_context);
	strbuf_reset(&sb);
	for (size_t i = 0; i < p->phase0_nr; i++)
		strbuf_addf(&sb, "%s%s %g", i ? ", " : "", p->phase0[i].name,
			    p->phase0[i].days);
	model_assume(m, "phase 0", p->set_phase0 ? cfg : "default",
		     "engineer-days: %s (strangler fig: routing, delivery, "
		     "observability and comparison before the first "
		     "extraction)%s", sb.buf,
		     p->set_phase0 ? "" : "; scaled to carve estimate's "
		     "phase 0 when it gives one");
	strbuf_reset(&sb);
	for (size_t i = 0; i < p->steps_nr; i++)
		strbuf_addf(&sb, "%s%s %g%%", i ? ", " : "", p->steps[i].name,
			    100 * p->steps[i].share);
	model_assume(m, "steps", p->set_steps ? cfg : "default",
		     "each extraction in order: %s of its effort (Khan "
		     "Academy's method)", sb.buf);
	if (p->mve)
		model_assume(m, "MVE", cfg, "the contexts in plan.mve and "
			     "what they depend on");
	else
		model_assume(m, "MVE", "default",
			     "the contexts the P50 schedule finishes first, "
			     "holding %g%% of the code lines (of the effort "
			     "when lines are unknown)", 100 * p->mve_share);
	model_assume(m, "priority", p->priority ? cfg : "default",
		     p->priority == PLAN_PRIORITY_RANK ?
		     "ready tasks by extraction rank, then critical path "
		     "(longest chain to the end at full staffing); started "
		     "tasks keep their engineers" :
		     "ready tasks by critical path (longest chain to the "
		     "end at full staffing), then extraction rank; started "
		     "tasks keep their engineers");
	model_assume(m, "dependencies", "default",
		     "a context is extracted after the contexts it depends "
		     "on; cycles are broken at the dependencies listed; "
		     "phase 0 comes before every extraction");
	model_assume(m, "effort", "default", "%s",
		     r->source ? r->source : "plan.contexts");
	if (r->trials)
		model_assume(m, "Monte Carlo",
			     set_trials || set_seed ? "option" : "default",
			     "%zu trials from seed %lu, each scheduled in "
			     "full; P50/P85 by nearest rank", r->trials, seed);
	else
		model_assume(m, "Monte Carlo", "default",
			     "no trials (no effort ranges): P50 = P85 = the "
			     "schedule of the P50 efforts");
	strbuf_release(&sb);
}
