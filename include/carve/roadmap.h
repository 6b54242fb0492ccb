/*
 * The migration schedule: phase-0 platform work, one extraction per
 * context split into the migration steps, data separation; ordered by
 * dependency (cycles broken at named edges), resource-levelled on the
 * team's capacity and calendar by list scheduling with a fixed
 * priority, run once on the P50 efforts and once per Monte Carlo trial
 * for P50/P85 dates, into the roadmap part of the model
 * (carve/model_roadmap.h). A struct roadmap owns everything it points
 * to; it borrows the plan (and its calendar), which must outlive it.
 */
#ifndef CARVE_ROADMAP_H
#define CARVE_ROADMAP_H

#include <stddef.h>

#include "carve/calendar.h"
#include "carve/model_roadmap.h"

/* the estimate's trials: the dates come from the trials of the efforts */
#define ROADMAP_DEFAULT_TRIALS 10000
/* trials x tasks above this: fewer trials (at least ROADMAP_MIN_TRIALS) */
#define ROADMAP_MAX_TRIAL_TASKS 4000000
#define ROADMAP_MIN_TRIALS 100

/* What the scheduler needs to know of one context. */
struct roadmap_context_in {
	const char *name;
	double p10, p50, p90; /* engineer-days */
	unsigned long loc; /* size proxy for the MVE share (0: use effort) */
	long rank; /* first-extraction ranking, 1 first; 0 none */
};

/*
 * Efforts of Monte Carlo trial t: fills days[0..nr) with each context's
 * engineer-days and returns phase 0's engineer-days (< 0: use the
 * plan's phase-0 sizes). Called from several threads at once, for
 * different t, when roadmap_input.threads > 1.
 */
typedef double (*roadmap_trial_fn)(void *data, size_t t, double *days);

struct roadmap_input {
	const struct roadmap_context_in *contexts;
	size_t nr;
	const struct roadmap_dep *deps;
	size_t deps_nr;
	roadmap_trial_fn trial; /* NULL: no Monte Carlo */
	void *trial_data;
	size_t trials;
	int threads; /* the trials run on as many threads (0, 1: one) */
	double phase0_p50; /* engineer-days of phase 0 (< 0: the plan's) */
	/* the total's P10/P50/P90 of the estimate behind, or all 0 */
	double total_p10, total_p50, total_p90;
	const char *source; /* where the efforts come from, for the text */
};

/*
 * Builds the tasks, breaks cycles, schedules on P50 efforts, then once
 * per trial. Returns 0 with *out the caller's (roadmap_free), or <0
 * after reporting (an MVE naming an unknown context, ...). A schedule
 * that cannot finish (zero capacity for good, or beyond
 * PLAN_HORIZON_YEARS) is not an error: r->finished is 0 and r->notes
 * say why.
 */
int roadmap_build(struct roadmap **out, struct plan *plan,
		  const struct roadmap_input *in);
void roadmap_free(struct roadmap *r);

/*
 * For burndown: planned remaining engineer-days at the end of the week
 * (5 working days) holding `day` (a day off: the week after it): on
 * the P50 efforts (*planned), and the P50, P10 and P90 over the trials
 * (equal to *planned without trials). Before the start, the whole
 * effort; after the end, 0.
 */
void roadmap_remaining(const struct roadmap *r, calendar_day day,
		       double *planned, double *p50, double *p10, double *p90);

/* Context indexes by start, then end (the caller frees). */
size_t *roadmap_context_order(const struct roadmap *r);

#endif
