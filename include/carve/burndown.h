/*
 * The burndown part of the model: the actual series sampled from git
 * (snapshots.h), the forecast drawn from its observed throughput, and
 * the planned series from the roadmap when one is known. A struct
 * burndown owns its snapshots and arrays; burndown_free() releases all.
 */
#ifndef CARVE_BURNDOWN_H
#define CARVE_BURNDOWN_H

#include <stddef.h>
#include <stdint.h>

#include "carve/snapshots.h"

#define BURNDOWN_TRIALS 10000
#define BURNDOWN_HORIZON (20 * 365 * 86400LL) /* give up after 20 years */

struct burndown_forecast {
	int ok; /* P50 and P85 are known */
	const char *why_not; /* static text when !ok */
	size_t steps; /* intervals observed since the start */
	double burn_per_week; /* mean net code lines removed from legacy */
	uint64_t remaining; /* legacy code lines at the last sample */
	int64_t p50, p85; /* completion dates */
	size_t trials, unfinished; /* trials past the horizon */
	uint64_t seed;
};

/* One period of the plan (from the roadmap). */
struct burndown_planned {
	int64_t date;
	/* engineer-days left: on P50 efforts, and the roadmap's P15-P85 */
	double remaining_days, low_days, high_days;
	double legacy_code; /* legacy code lines the plan expects left */
	double share; /* share of the effort done, 0..1 */
	double ideal; /* the straight line from start to planned end, days */
};

struct burndown_milestone {
	int64_t date;
	char *name;
};

struct burndown {
	struct snapshots *actual;
	int64_t interval; /* seconds, 0 for per-tag samples */
	int64_t today; /* the today marker */
	const char *today_source;
	struct burndown_forecast forecast;
	struct burndown_planned *planned; /* NULL without a roadmap */
	size_t planned_nr;
	struct burndown_milestone *milestones;
	size_t milestones_nr;
	int64_t planned_p50, planned_p85; /* 0 when unknown */
	int slips; /* the forecast's P50 is past the plan's P50 */
	struct glob_list legacy,
		new_paths; /* carve.json's (strings borrowed) */
};

/* How to build a burndown (burndown_run). */
struct burndown_options {
	struct snapshot_options snap; /* legacy, new, config set by the run */
	int64_t today; /* 0: SOURCE_DATE_EPOCH, else the newest commit */
	int trials;
	unsigned long long seed;
	int no_plan; /* leave carve.json's plan out */
	int set_interval, set_start; /* given as options (for assumptions) */
};

#define BURNDOWN_OPTIONS_INIT                                            \
	{                                                                \
		.snap = { .interval = SNAPSHOT_WEEK, .deps_every = -1 }, \
		.trials = BURNDOWN_TRIALS, .seed = 1                     \
	}

struct config;
struct model;
struct input_options;

/*
 * The whole burndown of the repository m->scan names, with carve.json
 * `cfg` (its legacy, new, plan.start and plan): sampled, planned,
 * forecast, and its assumptions recorded in m. cfg must outlive the
 * result. Returns 0 with *out the caller's (burndown_free), or <0 after
 * reporting (a malformed key, not a git repository, no sample in range).
 */
int burndown_run(struct burndown **out, struct model *m,
		 const struct config *cfg, const struct input_options *io,
		 struct burndown_options *o);

struct strbuf;
/*
 * The 1200x600 chart of b as SVG (src/emit/burndown_chart.c): actual
 * legacy and new code, scope, the plan with its band, milestones,
 * forecast and today markers; `name` goes in the title.
 */
void burndown_chart(struct strbuf *svg, const struct burndown *b,
		    const char *name);

/* Writes t as YYYY-MM-DD (UTC) into buf, "-" for 0. */
void burndown_date(char *buf, size_t size, int64_t t);

/* Code lines of the legacy paths at the start (the scope's base). */
uint64_t burndown_base(const struct snapshots *s);
/* Scope at sample i: legacy code at the start plus code added since. */
uint64_t burndown_scope(const struct snapshots *s, size_t i);
/* Share of the scope migrated at sample i, 0..1. */
double burndown_share(const struct snapshots *s, size_t i);

/*
 * The Monte Carlo forecast: from the last sample's legacy code lines,
 * intervals drawn at random (with replacement, `seed`) from the net
 * burns observed since the start, until nothing is left; P50 and P85 of
 * the completion dates over `trials`.
 */
void burndown_forecast(struct burndown_forecast *f, const struct snapshots *s,
		       size_t trials, uint64_t seed);
/*
 * The planned series from carve roadmap's schedule of carve.json's
 * "plan" (contexts declared there, or found by seams and estimate on
 * the model's scan): one period per interval from the plan's start to
 * its P85 finish, its milestones, and its P50/P85 finish dates. The
 * roadmap's assumptions are added to m. Returns 0 or <0 after
 * reporting.
 */
int burndown_plan(struct burndown *b, struct model *m, const struct config *cfg,
		  const struct input_options *io, unsigned long seed);

/* Compares the forecast with the planned dates (sets b->slips). */
void burndown_compare(struct burndown *b);
void burndown_free(struct burndown *b);

struct cJSON;
/* The model's "burndown" part (the caller owns the result). */
struct cJSON *burndown_to_json(const struct burndown *b);

#endif
