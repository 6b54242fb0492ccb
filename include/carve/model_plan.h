/*
 * The "plan" part of carve.json, typed: calendar, capacity profile,
 * focus, per-context staffing limit, phase-0 platform work, migration
 * steps, MVE, teams, data separation and contexts declared with their
 * effort and dependencies. plan_load() (carve/plan.h) reads and checks
 * it; the roadmap part of the model borrows it. Strings are borrowed
 * from the config's cJSON document, which must outlive the plan; the
 * plan owns its arrays and its calendar.
 */
#ifndef CARVE_MODEL_PLAN_H
#define CARVE_MODEL_PLAN_H

#include <stddef.h>

#include "carve/calendar.h"

/* One step of the capacity profile: engineers from a date on. */
struct plan_capacity {
	calendar_day from;
	double engineers;
};

/* A phase-0 task or a migration step (share of a context's effort). */
struct plan_item {
	const char *name;
	double days; /* phase 0: engineer-days */
	double share; /* steps: share of the context's effort, sums to 1 */
};

/* A team that owns contexts: its own engineers work only on them. */
struct plan_team {
	const char *name;
	double engineers;
	const char **contexts;
	size_t contexts_nr;
};

/* Data separation (dual writes, backfill) after some contexts. */
struct plan_data {
	const char *name;
	double days;
	const char **after;
	size_t after_nr;
};

/* A context declared in plan.contexts with its effort and dependencies. */
struct plan_context {
	const char *name;
	double p50, p10, p90; /* engineer-days; p10 = p90 = p50 if unset */
	unsigned long loc; /* size proxy for the MVE share, 0 if unset */
	long rank; /* 1 = extract first, 0 unset */
	const char **depends; /* contexts extracted before this one */
	size_t depends_nr;
};

enum plan_priority {
	PLAN_PRIORITY_RANK, /* extraction ranking, then critical path */
	PLAN_PRIORITY_CRITICAL_PATH, /* critical path, then ranking */
};

struct plan {
	const char *path; /* the config file, for messages */
	struct calendar cal; /* start, working weekdays, holidays */
	int start_set;
	struct plan_capacity *capacity; /* by date; the last one lasts */
	size_t capacity_nr;
	double focus; /* share of engineers' time on the migration */
	double max_per_context; /* full-time engineers on one context */
	const char **mve; /* contexts of the MVE phase, or NULL */
	size_t mve_nr;
	double mve_share; /* else: the first contexts holding this share */
	struct plan_item *phase0;
	size_t phase0_nr;
	struct plan_item *steps;
	size_t steps_nr;
	struct plan_team *teams;
	size_t teams_nr;
	struct plan_data *data;
	size_t data_nr;
	struct plan_context *contexts;
	size_t contexts_nr;
	double months_days; /* working days in a month, for "months" */
	enum plan_priority priority;
	int set_capacity, set_focus, set_max, set_steps, set_phase0;
};

#endif
