/*
 * The "plan" part of carve.json: calendar, capacity profile, focus,
 * per-context staffing limit, phase-0 platform work, migration steps,
 * MVE, teams, data separation and contexts declared with their effort
 * and dependencies (usable without a repository scan), typed in
 * carve/model_plan.h. plan_load() checks every key and names the file
 * and key of anything wrong.
 */
#ifndef CARVE_PLAN_H
#define CARVE_PLAN_H

#include <stddef.h>

#include "carve/calendar.h"
#include "carve/model_plan.h"

struct config;

#define PLAN_DEFAULT_FOCUS 0.8
#define PLAN_DEFAULT_MAX_PER_CONTEXT 6
#define PLAN_DEFAULT_ENGINEERS 8
#define PLAN_DEFAULT_MVE_SHARE 0.8
/* A schedule that does not end within this many years is given up. */
#define PLAN_HORIZON_YEARS 50

/*
 * Reads cfg's "plan" (cfg may be NULL or have none: every default).
 * `today` is the start when plan.start is unset. Returns 0 or <0 after
 * reporting "'<file>': plan.<key>: <what is wrong>".
 */
int plan_load(struct plan *p, const struct config *cfg, calendar_day today);
void plan_release(struct plan *p);
/* True when cfg declares "plan.contexts" (no repository is needed). */
int plan_declares_contexts(const struct config *cfg);

/* Engineers at working day `index` (the capacity step in force). */
double plan_engineers(struct plan *p, size_t index);

/*
 * Declared contexts as the scheduler's input (src/plan/plan_input.c):
 * each context's effort per Monte Carlo trial is lognormal with median
 * p50 and its p10/p90 (fixed when neither is given); contexts share a
 * team-wide draw (correlation PLAN_CORRELATION), as a slow team is slow
 * everywhere. Counter-based random numbers from `seed`: exact in any
 * order. The input borrows the plan; release it with
 * plan_input_release().
 */
#define PLAN_CORRELATION 0.5

struct roadmap_context_in;
struct roadmap_dep;
struct roadmap_input;
struct plan_input {
	const struct plan *plan;
	unsigned long seed;
	struct roadmap_context_in *contexts;
	struct roadmap_dep *deps;
};

void plan_input_init(struct plan_input *pi, struct roadmap_input *in,
		     const struct plan *p, size_t trials, unsigned long seed);
void plan_input_release(struct plan_input *pi);

/* A standard normal variate from (seed, a, b, stream); deterministic. */
double plan_normal(unsigned long seed, size_t a, size_t b, unsigned stream);

#endif
