/*
 * The estimate part of the model: engineer-days to move each context
 * (and the phase-0 platform work), as Monte Carlo ranges over every rate
 * and factor, with the assumptions behind them. estimate_build() makes
 * one from a scan and its contexts; estimate_build_sizes() from declared
 * sizes (no repository needed). A struct estimate owns everything it
 * points to; estimate_free() releases all.
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
 * m->estimate, and estimate_trial() works the same on it.
 */
#ifndef CARVE_ESTIMATE_H
#define CARVE_ESTIMATE_H

#include <stddef.h>
#include <stdio.h>

struct cJSON;
struct config;
struct history;
struct scan;
struct seams;

#define ESTIMATE_TRIALS 10000
#define ESTIMATE_SEED 1
#define ESTIMATE_MAX_CONTEXTS 10000
/* e->draws is kept when trials x contexts is at most this */
#define ESTIMATE_MAX_DRAWS (4u << 20)

/* Percentiles (and mean) of engineer-days over the trials. */
struct estimate_range {
	double p10, p50, p80, p90, mean;
};

enum estimate_dist_kind {
	DIST_LOGNORMAL, /* median likely; low and high its P10 and P90 */
	DIST_PERT, /* beta-PERT on [low, high] with mode likely */
	DIST_FIXED, /* always likely */
};

/*
 * A quantity that is not known exactly. For rates (lines per
 * engineer-day) low is the pessimistic value; for costs (engineer-days)
 * low is the optimistic one.
 */
struct estimate_dist {
	enum estimate_dist_kind kind;
	double low, likely, high;
	double *table; /* PERT: quantiles at ESTIMATE_PERT_STEPS + 1 points */
	double sigma; /* log-normal: ln(high / low) / (2 x 1.2816) */
};

#define ESTIMATE_PERT_STEPS 1024

/* One rate used: lines per engineer-day for a language pair. */
struct estimate_rate {
	char *from, *to; /* "python", "go"; from "unknown" for unknown */
	struct estimate_dist dist;
	char *source; /* where the figure comes from */
	int fallback; /* no entry for the pair: the documented fallback */
	unsigned long code; /* code lines ported at this rate */
};

/* Code of one source language within a context. */
struct estimate_work {
	size_t rate; /* index into estimate.rates */
	unsigned long code; /* code lines (tests included) */
	unsigned long tests; /* of which test code */
	double work, test_work; /* lines x complexity factor, non-test/test */
};

struct estimate_context {
	char *name;
	int kernel; /* the shared kernel of seams */
	int excluded; /* left out: see why; estimate_trial() gives 0 */
	const char *why; /* "no code lines", "only generated code",
			  * "--exclude-context", or NULL */
	unsigned long code; /* code lines, tests included */
	unsigned long tests; /* test code lines */
	unsigned long generated; /* generated lines (regenerated, not ported) */
	struct estimate_work *work; /* by code, descending */
	size_t work_nr;
	double complexity; /* code-weighted mean complexity factor */
	size_t interfaces; /* distinct interfaces crossing into it */
	size_t tables; /* owned tables (0 without data ownership) */
	int service; /* a new service: pays the fixed cost */
	/* at the likely value of every distribution: */
	double port_days, seam_days, fixed_days, data_days, likely_days;
	struct estimate_range days;
	double share; /* of the total mean, 0 to 1 (means add up) */
};

/* COCOMO II post-architecture cross-check (nominal drivers). */
struct estimate_cocomo {
	double ksloc; /* adapted (ported) size, thousands of lines */
	double esloc; /* equivalent new size, thousands (reuse model) */
	double aam; /* adaptation adjustment multiplier used */
	double exponent; /* E = B + 0.01 x sum of scale factors */
	double person_months, days;
};

/* --calibrate: what this repository's history delivered. */
struct estimate_calibration {
	int done;
	long long net_lines; /* lines added - deleted */
	size_t author_days; /* distinct (author, day) pairs with commits */
	double rate; /* net lines per active author-day */
};

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
	int threads;
};

struct estimate {
	char *target; /* NULL: every file stays in its language */
	struct estimate_rate *rates; /* used, by (from, to) */
	size_t rates_nr;
	struct estimate_context *contexts; /* in the order of the input */
	size_t nr;
	/* team-wide factors and fixed costs */
	struct estimate_dist test_speed; /* test code rate / code rate */
	struct estimate_dist interface; /* engineer-days per interface */
	struct estimate_dist service; /* engineer-days per new service */
	struct estimate_dist table; /* engineer-days per owned table */
	struct estimate_dist phase0; /* engineer-days, platform work */
	struct estimate_dist noise; /* per context, median 1 */
	double density; /* reference branch density (branches per line) */
	unsigned long seed;
	size_t trials;
	struct estimate_range phase0_days, total_days;
	double *draws; /* trials x nr (by trial), or NULL when too large */
	double *phase0_draws, *total_draws; /* per trial */
	struct estimate_cocomo cocomo;
	struct estimate_calibration calibration;
	/* assumptions: name, value, source ("default", "option", a file) */
	char **assume; /* triples */
	size_t assume_nr;
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
/* "lognormal", "pert" or "fixed", and back (CARVE_EINVALID). */
const char *estimate_dist_name(enum estimate_dist_kind kind);
int estimate_dist_parse_kind(enum estimate_dist_kind *out, const char *s);
/* "lognormal 15 / 31 / 60 (P10 / median / P90)" */
void estimate_dist_describe(struct strbuf *sb, const struct estimate_dist *d);
void estimate_dist_copy(struct estimate_dist *dst,
			const struct estimate_dist *src);
void estimate_dist_release(struct estimate_dist *d);

void estimate_free(struct estimate *e);

/*
 * COCOMO II for `rewritten` lines (another language) and `moved` lines
 * (same language), nominal drivers, reuse model (src/plan/cocomo.c).
 */
void estimate_cocomo_compute(struct estimate_cocomo *out, double rewritten,
			     double moved);

/* The "estimate" part of a model's JSON (src/emit/estimate_json.c). */
void estimate_json_add(struct cJSON *root, const struct estimate *e);
/*
 * Reads a model's "estimate" part back (and reruns its Monte Carlo from
 * the stored inputs and seed). Returns 0, or <0 after reporting.
 */
int estimate_json_load(struct estimate **out, const struct cJSON *part,
		       const char *path);

/* Text and CSV (src/emit/estimate_text.c, estimate_csv.c). */
void estimate_print_text(FILE *fp, const struct estimate *e,
			 const struct estimate *baseline);
void estimate_print_csv(FILE *fp, const struct estimate *e);

#endif
