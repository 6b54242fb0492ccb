/*
 * The estimate part of the model: engineer-days to move each context
 * (and the phase-0 platform work), as Monte Carlo ranges over every rate
 * and factor, with the assumptions behind them. estimate_build()
 * (carve/estimate.h) makes one; estimate_json_add() and
 * estimate_json_load() write and read it (src/model/estimate_json.c),
 * which also names the distributions and releases it all. A struct
 * estimate owns everything it points to; estimate_free() releases all.
 */
#ifndef CARVE_MODEL_ESTIMATE_H
#define CARVE_MODEL_ESTIMATE_H

#include <stddef.h>

#include "carve/error.h"

struct cJSON;

#define ESTIMATE_MAX_CONTEXTS 10000

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
	const char *why; /* one of estimate_whys[], or NULL */
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

/* "lognormal", "pert" or "fixed", and back (CARVE_EINVALID). */
/*
 * Why a context is left out, as "excluded" of the JSON: the option, only
 * generated code, no code lines at all, and code lines none of which move
 * (all in "new", all outside "legacy", all of roles not priced).
 */
enum estimate_why {
	ESTIMATE_WHY_OPTION,
	ESTIMATE_WHY_GENERATED,
	ESTIMATE_WHY_EMPTY,
	ESTIMATE_WHY_NEW,
	ESTIMATE_WHY_LEGACY,
	ESTIMATE_WHY_ROLES,
	ESTIMATE_WHY_NR,
};
extern const char *const estimate_whys[ESTIMATE_WHY_NR];

const char *estimate_dist_name(enum estimate_dist_kind kind);
int estimate_dist_parse_kind(enum estimate_dist_kind *out, const char *s);
void estimate_dist_release(struct estimate_dist *d);
/*
 * Stores a distribution's kind and figures, checked: finite, positive
 * and low <= likely <= high, else CARVE_EINVALID and d is left as it
 * was. Without its tables: estimate_dist_set() (carve/estimate.h) makes
 * a complete one.
 */
int estimate_dist_init(struct estimate_dist *d, enum estimate_dist_kind kind,
		       double low, double likely, double high);

/* Records an assumption of the estimate (strings copied). */
void estimate_assume(struct estimate *e, const char *name, const char *source,
		     const char *fmt, ...) CARVE_PRINTF(4, 5);

void estimate_free(struct estimate *e);

/* The "estimate" part of a model's JSON (src/model/estimate_json.c). */
void estimate_json_add(struct cJSON *root, const struct estimate *e);
/*
 * Reads a model's "estimate" part back: its inputs, seed and results as
 * written, checked (every distribution finite, positive and ordered).
 * The Monte Carlo is not rerun here: estimate_rerun() (carve/estimate.h)
 * completes the distributions and the draws. Returns 0, or <0 after
 * reporting.
 */
int estimate_json_load(struct estimate **out, const struct cJSON *part,
		       const char *path);

#endif
