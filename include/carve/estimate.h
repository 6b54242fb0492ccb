/*
 * Estimating the estimate part of the model (carve/model_estimate.h):
 * engineer-days to move each context (and the phase-0 platform work), as
 * Monte Carlo ranges over every rate and factor. estimate_build() makes
 * one from a scan and its contexts; estimate_build_sizes() from declared
 * sizes (no repository needed); estimate_rerun() completes one read from
 * a model file.
 *
 * How carve roadmap (and any scheduler) should use it:
 *
 *   struct estimate *e = NULL;
 *   struct seams *s = NULL;
 *   struct estimate_options eo;
 *   (m and cfg: pipeline_need(&p, PIPELINE_SCAN) of pipeline.h)
 *   if (estimate_contexts(&s, &m, &cfg, in.arg, threads, 0)) goto done;
 *   estimate_options_init(&eo);
 *   eo.config = &cfg;                     (rates, target; may be NULL)
 *   if (estimate_build(&e, m.scan, s, &eo)) goto done;
 *   (or m.estimate, already there when a model file holds one, and
 *   estimate_build_sizes() for --sizes FILE)
 *   double *days = xcalloc(e->nr, sizeof(*days));
 *   for (size_t t = 0; t < e->trials; t++) {
 *           double p0 = estimate_trial(e, t, days);
 *           ... schedule phase 0 (p0 engineer-days), then each context
 *           c (skip e->contexts[c].excluded) with days[c] ...
 *   }
 *   estimate_free(e);
 *
 * Trial t of every context comes from the same draw of the team-wide
 * factors (rate, test speed, interface cost, service cost), so the
 * contexts of one trial are correlated as they will be in reality: a
 * slow team is slow everywhere. Keep them together (schedule trial by
 * trial, then take percentiles of the finish dates); never mix context
 * a of trial 3 with context b of trial 7. estimate_trial() recomputes a
 * trial from counter-based random numbers (seed, trial, stream), so it
 * is exact in any order and on any thread; e->draws caches the whole
 * matrix when it is small. From a model file: model_load_json() fills
 * m->estimate, estimate_rerun() completes it, and estimate_trial() works
 * the same on it.
 */
#ifndef CARVE_ESTIMATE_H
#define CARVE_ESTIMATE_H

#include <stddef.h>

#include "carve/model_estimate.h"

struct config;
struct data_report;
struct history;
struct scan;
struct seams;

#define ESTIMATE_TRIALS 10000
#define ESTIMATE_SEED 1
/* e->draws is kept when trials x contexts is at most this */
#define ESTIMATE_MAX_DRAWS (4u << 20)

#define ESTIMATE_PERT_STEPS 1024

struct estimate_options {
	const char *target; /* target language; NULL: config, else none */
	/* rate overrides "python->go=40" (or "python->go=20,31,60") */
	const char **rates;
	size_t rates_nr;
	const char **exclude; /* context names left out */
	size_t exclude_nr;
	unsigned long seed;
	size_t trials;
	enum estimate_dist_kind dist; /* for figures given as one number */
	const struct config *config; /* carve.json: rates, target; or NULL */
	const struct history *history; /* --calibrate, or NULL */
	/*
	 * carve data's findings (owned tables per context), or NULL: then
	 * estimate_build() analyses the repository itself unless no_data
	 */
	const struct data_report *data;
	int no_data;
	int threads;
};

void estimate_options_init(struct estimate_options *o);

/*
 * Estimates the contexts of `seams` (proposed or declared) over `scan`.
 * Rates and target come from o (options first, then o->config's "rates"
 * and "target"); a bad rate is an error naming the file and key.
 * Returns 0 with *out the caller's (estimate_free), or <0 after
 * reporting.
 */
int estimate_build(struct estimate **out, const struct scan *scan,
		   const struct seams *seams, const struct estimate_options *o);

/*
 * The same from a sizes file (JSON: {"contexts": [{"name": ..., "code":
 * {"python": 25000}, "tests": {...}, "generated": N, "interfaces": N,
 * "tables": N}]}, see carve-estimate(1)) instead of a repository.
 */
int estimate_build_sizes(struct estimate **out, const char *path,
			 const struct estimate_options *o);

struct model;
/*
 * The contexts a planning command estimates (src/plan/estimate_input.c):
 * mines the history into m->history as carve seams does (unless
 * no_history, a model file `arg`, or no git work tree), then proposes
 * contexts with carve seams' defaults and cfg's declared contexts, so
 * estimate and roadmap see what 'carve seams' shows. Returns 0 with *out
 * the caller's (seams_free), or <0 after reporting.
 */
int estimate_contexts(struct seams **out, struct model *m,
		      const struct config *cfg, const char *arg, int threads,
		      int no_history);
/*
 * --calibrate (src/plan/calibrate.c): net lines added per active
 * author-day (distinct author and calendar day with a commit, merges
 * left out) from the history h of scan's repository, into
 * e->calibration. Returns 0 or <0 after reporting.
 */
int estimate_calibrate(struct estimate *e, const struct scan *scan,
		       const struct history *h);

/*
 * Writes trial t's engineer-days of every context into days[0..e->nr)
 * (0 for excluded ones) and returns the phase-0 engineer-days of that
 * trial. Deterministic for (seed, t).
 */
double estimate_trial(const struct estimate *e, size_t t, double *days);

/* The quantile of d at probability u (0 < u < 1). */
double estimate_dist_quantile(const struct estimate_dist *d, double u);

struct strbuf;
/*
 * Sets d (src/plan/dist.c); values must be finite, positive and ordered
 * low <= likely <= high, else CARVE_EINVALID and d is left empty.
 */
int estimate_dist_set(struct estimate_dist *d, enum estimate_dist_kind kind,
		      double low, double likely, double high);
double estimate_dist_mean(const struct estimate_dist *d);
/* "lognormal 15 / 31 / 60 (P10 / median / P90)" */
void estimate_dist_describe(struct strbuf *sb, const struct estimate_dist *d);
void estimate_dist_copy(struct estimate_dist *dst,
			const struct estimate_dist *src);

/*
 * COCOMO II for `rewritten` lines (another language) and `moved` lines
 * (same language), nominal drivers, reuse model (src/plan/cocomo.c).
 */
void estimate_cocomo_compute(struct estimate_cocomo *out, double rewritten,
			     double moved);

/*
 * Completes an estimate read from a model (estimate_json_load() keeps
 * the inputs only): the distributions' tables, then the Monte Carlo
 * from the stored inputs and seed, so that ranges and draws are those
 * carve estimate computed.
 */
void estimate_rerun(struct estimate *e);

#endif
