/*
 * Building the burndown part of the model (carve/model_burndown.h): the
 * actual series sampled from git (snapshots.h), the forecast drawn from
 * its observed throughput, and the planned series from the roadmap when
 * one is known. A struct burndown owns its snapshots and arrays;
 * burndown_free() releases all.
 */
#ifndef CARVE_BURNDOWN_H
#define CARVE_BURNDOWN_H

#include <stddef.h>
#include <stdint.h>

#include "carve/model_burndown.h"
#include "carve/snapshots.h"

#define BURNDOWN_TRIALS 10000
#define BURNDOWN_HORIZON (20 * 365 * 86400LL) /* give up after 20 years */

/* How to build a burndown (burndown_run). */
struct burndown_options {
	struct snapshot_options snap; /* legacy, new, config set by the run */
	int64_t today; /* 0: SOURCE_DATE_EPOCH, else the newest commit */
	int trials;
	unsigned long long seed;
	int no_plan; /* leave carve.json's plan out */
	const char *target; /* the plan's estimate --target, or NULL */
	/* the estimate already made of these seams' contexts (carve
	 * report's, borrowed) for the plan to schedule, or NULL */
	const struct estimate *estimate;
	const struct seams *seams;
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
struct estimate;
struct seams;

/* burndown_declared(): carve.json declares neither legacy nor new */
#define BURNDOWN_EUNDECLARED (-20)

/*
 * 0 when carve.json `cfg` declares "legacy" or "new" (or both, not
 * empty), else BURNDOWN_EUNDECLARED after saying how to declare them
 * (`root` names the repository when there is no carve.json). A
 * burndown without them would count churn as migration.
 */
int burndown_declared(const struct config *cfg, const char *root);

/*
 * The whole burndown of the repository m->scan names, with carve.json
 * `cfg` (its legacy, new, plan.start and plan): sampled, planned,
 * forecast, and its assumptions recorded in m. cfg must outlive the
 * result. Returns 0 with *out the caller's (burndown_free), or <0 after
 * reporting (BURNDOWN_EUNDECLARED, a malformed key, not a git
 * repository, no sample in range).
 */
int burndown_run(struct burndown **out, struct model *m,
		 const struct config *cfg, const struct input_options *io,
		 struct burndown_options *o);

/*
 * The Monte Carlo forecast: from the last sample's legacy code lines,
 * intervals drawn at random (with replacement, `seed`) from the net
 * burns observed since the start, until nothing is left; P10, P50 and
 * P90 of the completion dates over `trials`.
 */
void burndown_forecast(struct burndown_forecast *f, const struct snapshots *s,
		       size_t trials, uint64_t seed);
/*
 * The planned series from carve roadmap's schedule of carve.json's
 * "plan" (contexts declared there, or found by seams and estimate on
 * the model's scan, estimated with o->target or carve.json's, or
 * o->estimate when given): one period
 * per interval from the plan's start to its P90 finish (to the end of the
 * declared capacity when the P90 is past it), its milestones, and its
 * P10/P50/P90 finish dates: carve roadmap's with the same trials (the
 * estimate's 10,000) and o->seed. The roadmap's assumptions are added to
 * m. Returns 0 or <0 after reporting.
 */
int burndown_plan(struct burndown *b, struct model *m, const struct config *cfg,
		  const struct input_options *io,
		  const struct burndown_options *o);

/* Compares the forecast with the planned dates (sets b->slips). */
void burndown_compare(struct burndown *b);
void burndown_free(struct burndown *b);

#endif
