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
#include "carve/estimate.h"
#include "carve/model.h"
#include "carve/plan.h"
#include "carve/plan_input.h"
#include "carve/roadmap.h"
#include "carve/roadmap_source.h"
#include "carve/seams.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/* Trial t of the estimate, on the contexts the roadmap kept. */
static double estimate_trial_fn(void *data, size_t t, double *days)
{
	const struct roadmap_source *src = data;
	const struct estimate *e = src->used;
	double *all, p0;

	if (e->draws && e->phase0_draws) {
		/* the estimate's own draws, the same numbers */
		for (size_t i = 0; i < src->in.nr; i++)
			days[i] = e->draws[t * e->nr + src->index[i]];
		return e->phase0_draws[t];
	}
	/* a scratch of its own: trials run on several threads */
	all = xcalloc(e->nr + 1, sizeof(*all));
	p0 = estimate_trial(e, t, all);
	for (size_t i = 0; i < src->in.nr; i++)
		days[i] = all[src->index[i]];
	free(all);
	return p0;
}

/* The estimate of the model file when it covers these contexts. */
static int estimate_matches(const struct estimate *e, const struct seams *s)
{
	if (!e || e->nr != s->nr)
		return 0;
	for (size_t i = 0; i < s->nr; i++)
		if (strcmp(e->contexts[i].name, s->contexts[i].name))
			return 0;
	return 1;
}

/*
 * The estimate's contexts (those it keeps) as the scheduler's input;
 * with seams, their dependencies and ranking too.
 */
static void from_estimate(struct roadmap_source *src, const struct estimate *e,
			  const struct seams *seams, size_t trials)
{
	long *to_roadmap = xcalloc(e->nr + 1, sizeof(*to_roadmap));
	size_t nr = 0, deps = 0;

	src->contexts = xcalloc(e->nr + 1, sizeof(*src->contexts));
	src->index = xcalloc(e->nr + 1, sizeof(*src->index));
	for (size_t i = 0; i < e->nr; i++) {
		const struct estimate_context *x = &e->contexts[i];
		struct roadmap_context_in *c;

		to_roadmap[i] = -1;
		if (x->excluded)
			continue;
		c = &src->contexts[nr];
		c->name = x->name;
		c->p10 = x->days.p10;
		c->p50 = x->days.p50;
		c->p90 = x->days.p90;
		c->loc = x->code;
		c->rank = seams ? (long)seams->contexts[i].rank : 0;
		src->index[nr] = i;
		to_roadmap[i] = (long)nr++;
	}
	src->deps = xcalloc((seams ? seams->crossings_nr : 0) + 1,
			    sizeof(*src->deps));
	for (size_t i = 0; seams && i < seams->crossings_nr; i++) {
		const struct seams_crossing *x = &seams->crossings[i];

		if (to_roadmap[x->from] < 0 || to_roadmap[x->to] < 0)
			continue;
		src->deps[deps].from = (size_t)to_roadmap[x->from];
		src->deps[deps].to = (size_t)to_roadmap[x->to];
		src->deps[deps].refs = x->refs;
		deps++;
	}
	free(to_roadmap);
	src->in.contexts = src->contexts;
	src->in.nr = nr;
	src->in.deps = src->deps;
	src->in.deps_nr = deps;
	src->in.phase0_p50 = e->phase0_days.p50;
	src->in.total_p10 = e->total_days.p10;
	src->in.total_p50 = e->total_days.p50;
	src->in.total_p90 = e->total_days.p90;
	src->in.source = src->source;
	src->used = e;
	if (trials) {
		src->in.trial = estimate_trial_fn;
		src->in.trial_data = src;
		src->in.trials = trials < e->trials ? trials : e->trials;
	}
}

static void estimate_options(struct estimate_options *eo,
			     const struct roadmap_source *src,
			     const struct config *cfg, size_t trials,
			     unsigned long seed, int threads)
{
	estimate_options_init(eo);
	eo->config = cfg;
	eo->target = src->target;
	eo->seed = seed;
	if (trials)
		eo->trials = trials;
	eo->threads = threads;
}

static int from_repository(struct roadmap_source *src, struct model *m,
			   const struct config *cfg,
			   const struct input_options *io, size_t trials,
			   unsigned long seed)
{
	struct estimate_options eo;
	const struct estimate *e;
	const struct seams *seams;

	if (src->given) {
		/* the estimate the caller built (carve report's) */
		from_estimate(src, src->given, src->given_seams, trials);
		src->source = "carve estimate (seams' contexts)";
		src->in.source = src->source;
		return 0;
	}
	if (estimate_contexts(&src->seams, m, cfg, io->arg, io->threads, 0))
		return CARVE_ERR;
	seams = src->seams;
	if (!src->target && estimate_matches(m->estimate, seams)) {
		/* the model's own estimate (its seed and trials) */
		e = m->estimate;
		src->source = "the model's estimate (carve estimate)";
	} else {
		estimate_options(&eo, src, cfg, trials, seed, io->threads);
		if (estimate_build(&src->estimate, m->scan, seams, &eo))
			return CARVE_ERR;
		e = src->estimate;
		src->source = "carve estimate (seams' contexts)";
	}
	from_estimate(src, e, seams, trials);
	return 0;
}

int roadmap_source_sizes(struct roadmap_source *src, const char *path,
			 const struct config *cfg, size_t trials,
			 unsigned long seed, int threads)
{
	struct estimate_options eo;

	estimate_options(&eo, src, cfg, trials, seed, threads);
	if (estimate_build_sizes(&src->estimate, path, &eo))
		return CARVE_ERR;
	src->source = "carve estimate of the sizes in --sizes";
	from_estimate(src, src->estimate, NULL, trials);
	src->in.threads = threads;
	return 0;
}

int roadmap_source_open(struct roadmap_source *src, struct model *m,
			const struct config *cfg, const struct plan *p,
			const struct input_options *io, size_t trials,
			unsigned long seed)
{
	src->in.threads = io->threads;
	if (p->contexts_nr) {
		plan_input_init(&src->declared, &src->in, p, trials, seed);
		src->in.threads = io->threads;
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
	seams_free(src->seams);
	estimate_free(src->estimate);
	memset(src, 0, sizeof(*src));
}

void roadmap_assume(struct model *m, const struct plan *p,
		    const struct roadmap *r, int set_start, int set_trials,
		    int set_seed, unsigned long seed)
{
	struct strbuf sb = STRBUF_INIT;
	const char *cfg = p->path;
	char d[16];

	model_assume(m, "start",
		     set_start	    ? "option"
		     : p->start_set ? cfg
				    : "default",
		     "%s%s", calendar_format(d, p->cal.start),
		     set_start || p->start_set ? ""
					       : " (today; set plan.start for "
						 "fixed dates)");
	for (int i = 0; i < 7; i++)
		if (p->cal.weekdays & (1u << i)) {
			static const char *const names[] = {
				"mon", "tue", "wed", "thu", "fri", "sat", "sun"
			};

			strbuf_addf(&sb, "%s%s", sb.len ? " " : "", names[i]);
		}
	model_assume(m, "calendar",
		     p->cal.holidays_nr || p->cal.weekdays !=
						   CALENDAR_WEEKDAYS_MON_FRI
			     ? cfg
			     : "default",
		     "working days %s, %zu holiday range%s; %.2f working "
		     "days a month",
		     sb.buf, p->cal.holidays_nr,
		     p->cal.holidays_nr == 1 ? "" : "s", p->months_days);
	strbuf_reset(&sb);
	for (size_t i = 0; i < p->capacity_nr; i++)
		strbuf_addf(&sb, "%s%s: %g", i ? ", " : "",
			    calendar_format(d, p->capacity[i].from),
			    p->capacity[i].engineers);
	{
		char how[160];

		model_assume(m, "capacity", p->set_capacity ? cfg : "default",
			     "engineers from each date on: %s; the declared "
			     "capacity is %s%s",
			     sb.buf, p->capacity_end ? "until " : "",
			     plan_capacity_end_text(how, sizeof(how), p));
	}
	model_assume(m, "focus", p->set_focus ? cfg : "default",
		     "%.3g: engineer-days a weekday of each engineer brings "
		     "(capacity x focus = full-time engineers)%s",
		     p->focus,
		     p->set_focus ? ""
				  : "; the default is 220 engineer-days (the "
				    "unit of every rate and cost) over 260 "
				    "weekdays a year: the rates are all in, "
				    "nothing is taken off again");
	model_assume(m, "max engineers per context",
		     p->set_max ? cfg : "default",
		     "%g full-time engineers at most on one context at a "
		     "time (more do not make it faster)",
		     p->max_per_context);
	strbuf_reset(&sb);
	for (size_t i = 0; i < p->phase0_nr; i++)
		strbuf_addf(&sb, "%s%s %g", i ? ", " : "", p->phase0[i].name,
			    p->phase0[i].days);
	model_assume(m, "phase 0", p->set_phase0 ? cfg : "default",
		     "engineer-days: %s (strangler fig: routing, delivery, "
		     "observability and comparison before the first "
		     "extraction)%s",
		     sb.buf,
		     p->set_phase0 ? ""
				   : "; scaled to carve estimate's "
				     "phase 0 when it gives one");
	strbuf_reset(&sb);
	for (size_t i = 0; i < p->steps_nr; i++)
		strbuf_addf(&sb, "%s%s %g%%", i ? ", " : "", p->steps[i].name,
			    100 * p->steps[i].share);
	model_assume(m, "steps", p->set_steps ? cfg : "default",
		     "each extraction in order: %s of its effort (Khan "
		     "Academy's method)",
		     sb.buf);
	if (p->mve)
		model_assume(m, "MVE", cfg,
			     "the contexts in plan.mve and "
			     "what they depend on");
	else
		model_assume(m, "MVE", "default",
			     "the contexts the P50 schedule finishes first, "
			     "holding %g%% of the code lines (of the effort "
			     "when lines are unknown)",
			     100 * p->mve_share);
	model_assume(m, "priority", p->priority ? cfg : "default",
		     p->priority == PLAN_PRIORITY_RANK
			     ? "ready tasks by extraction rank, then critical "
			       "path (longest chain to the end at full "
			       "staffing); started tasks keep their engineers"
			     : "ready tasks by critical path (longest chain to "
			       "the end at full staffing), then extraction "
			       "rank; started tasks keep their engineers");
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
			     "full; P10, P50 and P90 (P85 in the JSON) by "
			     "nearest rank; a trial the declared capacity "
			     "does not finish has no date",
			     r->trials, seed);
	else
		model_assume(
			m, "Monte Carlo", "default",
			"no trials (no effort ranges): P10 = P50 = P90 = the "
			"schedule of the P50 efforts");
	strbuf_release(&sb);
}
