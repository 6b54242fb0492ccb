/*
 * The roadmap's input from the contexts the plan declares
 * (plan.contexts of carve.json, src/plan/plan_input.c): their efforts
 * as distributions, drawn per trial with a correlation between them.
 */
#ifndef CARVE_PLAN_INPUT_H
#define CARVE_PLAN_INPUT_H

#include <stddef.h>

#include "carve/plan.h"

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
