/*
 * The "plan" part of carve.json: calendar, capacity profile, focus,
 * per-context staffing limit, phase-0 platform work, migration steps,
 * MVE, teams, data separation and contexts declared with their effort
 * and dependencies (usable without a repository scan), read into a
 * typed struct plan (src/model/plan.c) once, by config_load(), which
 * checks every key and names the file and key of anything wrong; a
 * command takes its own copy with plan_load(). Strings are borrowed
 * from the config's cJSON document, which must outlive the plan; the
 * plan owns its arrays and its calendar.
 */
#ifndef CARVE_PLAN_H
#define CARVE_PLAN_H

#include <stddef.h>

#include "carve/calendar.h"

struct cJSON;
struct config;

/* One step of the capacity profile: engineers from a date on. */
struct plan_capacity {
	calendar_day from;
	double engineers;
};

/*
 * Where the declared capacity ends (plan_capacity_end()): a standing team
 * ("capacity": N, or a profile of one step) stays; a profile of several
 * steps ends after its last step has lasted as long as the one before
 * it, unless that step says "until" (a date, or "open").
 */
enum plan_capacity_end {
	PLAN_CAPACITY_OPEN, /* a standing team: no end */
	PLAN_CAPACITY_UNTIL, /* the last step's "until" */
	PLAN_CAPACITY_OPEN_UNTIL, /* "until": "open" */
	PLAN_CAPACITY_RHYTHM, /* the last step lasts as long as the one before */
	PLAN_CAPACITY_ZERO, /* the last step has no engineers */
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

/*
 * carve.json's plan holds one, filled by plan_parse(); each command
 * takes a copy with plan_load(), which duplicates every array: an array
 * added here must be duplicated there and freed in plan_release().
 */
struct plan {
	const char *path; /* the config file, for messages */
	struct calendar cal; /* start, working weekdays, holidays */
	int start_set;
	struct plan_capacity *capacity; /* by date, each until the next */
	size_t capacity_nr;
	/* the first day past the declared capacity, 0: none (open) */
	calendar_day capacity_end;
	enum plan_capacity_end capacity_end_how;
	calendar_day capacity_until; /* the last step's "until", 0 unset */
	int capacity_open; /* "until": "open" */
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
	int capacity_from_start; /* "capacity": N, from the start on */
};

/*
 * The engineer-day every rate and cost is counted in: an engineer-year
 * is 220 of them (260 weekdays less holidays, leave and sickness), and
 * a weekday of a full-time engineer on the team brings 220 / 260 of
 * one. The default focus is that share, so that capacity x focus is in
 * the estimate's engineer-days (rates.h's figures are all in: meetings,
 * reviews and support are inside them, not taken off again).
 */
#define PLAN_ENGINEER_DAYS_PER_YEAR 220
#define PLAN_WEEKDAYS_PER_YEAR 260
#define PLAN_DEFAULT_FOCUS \
	((double)PLAN_ENGINEER_DAYS_PER_YEAR / PLAN_WEEKDAYS_PER_YEAR)
#define PLAN_DEFAULT_MAX_PER_CONTEXT 6
#define PLAN_DEFAULT_ENGINEERS 8
#define PLAN_DEFAULT_MVE_SHARE 0.8
/* A schedule that does not end within this many years is given up. */
#define PLAN_HORIZON_YEARS 50

/*
 * Reads carve.json's "plan" (v, or NULL for every default) and checks
 * every key; config_load() calls it once. Dates that depend on the day
 * the command runs are left to plan_load(). Returns 0 or <0 after
 * reporting "<file>: 'plan.<key>': <what was expected>, got <value>".
 */
int plan_parse(struct plan *p, const struct cJSON *v, const char *path);
/*
 * A copy of cfg's plan (cfg may be NULL or have none: every default)
 * with the defaults that depend on its start: `today` is the start when
 * plan.start is unset, the first working day from there the first day.
 */
int plan_load(struct plan *p, const struct config *cfg, calendar_day today);
void plan_release(struct plan *p);
/* True when cfg declares "plan.contexts" (no repository is needed). */
int plan_declares_contexts(const struct config *cfg);

/*
 * Engineers at working day `index` (the capacity step in force; 0 past
 * the end of the declared capacity).
 */
double plan_engineers(struct plan *p, size_t index);
/*
 * Engineers on day d: the step in force, 0 before the first step and
 * from p->capacity_end on.
 */
double plan_engineers_on(const struct plan *p, calendar_day d);
/*
 * Writes into buf (CALENDAR_DATE_SIZE + 80 bytes at least) how the
 * declared capacity ends, for notes and assumptions: "open-ended (a
 * standing team)", "2027-06-30 (plan.capacity's last step lasts as long
 * as the one before it)", ...; returns buf.
 */
char *plan_capacity_end_text(char *buf, size_t size, const struct plan *p);

#endif
