/*
 * Contexts declared in carve.json "plan.contexts" as the scheduler's
 * input: names, efforts, ranks, dependencies, and a Monte Carlo trial
 * function drawing correlated lognormal efforts.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "carve/plan.h"
#include "carve/plan_input.h"
#include "carve/roadmap.h"
#include "carve/splitmix.h"
#include "carve/xmalloc.h"

/* z of the 10th/90th percentile of the standard normal */
#define Z90 1.2815515655446004

static double uniform(uint64_t h)
{
	/* (0, 1): 53 random bits, never 0 */
	return ((double)(h >> 11) + 0.5) / 9007199254740992.0;
}

double plan_normal(unsigned long seed, size_t a, size_t b, unsigned stream)
{
	uint64_t h = splitmix64(
		splitmix64(splitmix64((uint64_t)seed) ^ (uint64_t)a) ^
		((uint64_t)b << 8 | stream));
	double u1 = uniform(h), u2 = uniform(splitmix64(h));

	/* Box-Muller */
	return sqrt(-2 * log(u1)) * cos(2 * M_PI * u2);
}

static double trial(void *data, size_t t, double *days)
{
	const struct plan_input *pi = data;
	const struct plan *p = pi->plan;
	double team = plan_normal(pi->seed, t, 0, 0);

	for (size_t c = 0; c < p->contexts_nr; c++) {
		const struct plan_context *x = &p->contexts[c];
		double z = sqrt(PLAN_CORRELATION) * team +
			   sqrt(1 - PLAN_CORRELATION) *
				   plan_normal(pi->seed, t, c + 1, 1);
		double hi = log(x->p90 / (x->p50 > 0 ? x->p50 : 1)) / Z90;
		double lo = x->p10 > 0 ? log(x->p50 / x->p10) / Z90 : hi;

		if (x->p50 <= 0) {
			days[c] = 0;
			continue;
		}
		/* a two-sided lognormal: its own spread on each side */
		days[c] = x->p50 * exp(z * (z >= 0 ? hi : lo));
	}
	return -1; /* phase 0: the plan's sizes */
}

void plan_input_init(struct plan_input *pi, struct roadmap_input *in,
		     const struct plan *p, size_t trials, unsigned long seed)
{
	size_t nr = 0;
	int spread = 0;

	memset(pi, 0, sizeof(*pi));
	memset(in, 0, sizeof(*in));
	pi->plan = p;
	pi->seed = seed;
	pi->contexts = xcalloc(p->contexts_nr + 1, sizeof(*pi->contexts));
	for (size_t c = 0; c < p->contexts_nr; c++) {
		const struct plan_context *x = &p->contexts[c];

		pi->contexts[c].name = x->name;
		pi->contexts[c].p10 = x->p10;
		pi->contexts[c].p50 = x->p50;
		pi->contexts[c].p90 = x->p90;
		pi->contexts[c].loc = x->loc;
		pi->contexts[c].rank = x->rank;
		nr += x->depends_nr;
		spread |= x->p10 != x->p50 || x->p90 != x->p50;
	}
	pi->deps = xcalloc(nr + 1, sizeof(*pi->deps));
	nr = 0;
	for (size_t c = 0; c < p->contexts_nr; c++)
		for (size_t d = 0; d < p->contexts[c].depends_nr; d++)
			for (size_t k = 0; k < p->contexts_nr; k++)
				if (!strcmp(p->contexts[k].name,
					    p->contexts[c].depends[d])) {
					pi->deps[nr].from = c;
					pi->deps[nr].to = k;
					pi->deps[nr].refs = 1;
					nr++;
				}
	in->contexts = pi->contexts;
	in->nr = p->contexts_nr;
	in->deps = pi->deps;
	in->deps_nr = nr;
	in->phase0_p50 = -1;
	in->source = "plan.contexts";
	if (spread && trials) {
		in->trial = trial;
		in->trial_data = pi;
		in->trials = trials;
	}
}

void plan_input_release(struct plan_input *pi)
{
	if (!pi)
		return;
	free(pi->contexts);
	free(pi->deps);
	memset(pi, 0, sizeof(*pi));
}
