/*
 * The roadmap part of the model: the migration schedule carve roadmap
 * computed (roadmap_build(), carve/roadmap.h), tasks, contexts, cycles,
 * milestones, months and the remaining effort week by week, on the
 * typed "plan" of carve.json (carve/plan.h); roadmap_json_add()
 * writes it (src/model/roadmap_json.c). A roadmap read back from a model
 * file is a struct roadmap_saved (src/model/roadmap_load.c): the weekly
 * series and milestones carve burndown needs.
 */
#ifndef CARVE_MODEL_ROADMAP_H
#define CARVE_MODEL_ROADMAP_H

#include <stddef.h>

#include "carve/calendar.h"
#include "carve/plan.h"

struct cJSON;

/* Context `from` depends on (is extracted after) context `to`. */
struct roadmap_dep {
	size_t from, to;
	unsigned long refs; /* weight, for choosing cycle cuts */
};

enum roadmap_kind { TASK_PHASE0, TASK_STEP, TASK_DATA };
enum roadmap_phase { PHASE_0, PHASE_MVE, PHASE_ENDGAME, PHASE_NR };

struct roadmap_task {
	char *name;
	enum roadmap_kind kind;
	enum roadmap_phase phase;
	long context; /* index into roadmap.contexts, -1 for none */
	long pool; /* team index, -1 for the shared capacity */
	double effort; /* engineer-days at P50 */
	double max_rate; /* full-time engineers it can take at most */
	size_t *preds; /* tasks that end before it starts */
	size_t preds_nr;
	double priority_cp; /* critical path: working days at full speed */
	/* the schedule on P50 efforts (working day indexes, end included) */
	size_t start, end;
	double engineers; /* mean full-time engineers while it ran */
	/* over the Monte Carlo trials (working day index of the end) */
	size_t end_p50, end_p85, end_p10, end_p90;
	int critical; /* on the critical path of the P50 schedule */
};

struct roadmap_context {
	char *name;
	double p10, p50, p90;
	unsigned long loc;
	long rank;
	size_t wave; /* 1 + the longest chain of dependencies before it */
	enum roadmap_phase phase;
	const char *owner; /* team name or NULL (shared capacity) */
	size_t first_task, tasks_nr; /* its steps */
	size_t start, end, end_p50, end_p85, end_p10, end_p90;
	double engineers; /* mean full-time engineers over its span */
	int critical;
	long cycle; /* index into roadmap.cycles, -1 */
};

/* Contexts depending on each other in a cycle, and the edges cut. */
struct roadmap_cycle {
	size_t *contexts;
	size_t nr;
	struct roadmap_dep *cuts; /* dependencies to cut first */
	size_t cuts_nr;
};

struct roadmap_milestone {
	const char *name; /* "phase 0", "MVE", "finish" */
	size_t day, p50, p85; /* working day indexes; day: P50 efforts */
	size_t p10, p90;
	/*
	 * Engineer-days the declared capacity falls short by at P10, P50
	 * and P90 (0: the trials at that rank finish; then the date is a
	 * forecast, else it is none)
	 */
	double short_p10, short_p50, short_p90;
	int reached; /* 0: nothing in the phase */
};

/* Capacity and use of one calendar month (full-time engineer-days). */
struct roadmap_month {
	calendar_day first; /* the first day of the month */
	double capacity, used;
};

/*
 * A roadmap read back from a model file (src/model/roadmap_load.c): what
 * carve burndown and carve report need, the planned remaining effort
 * week by week and the milestones, and the part itself so that a command
 * rewriting the model keeps it as it was. Owns everything.
 */
struct roadmap_week {
	calendar_day date; /* the last working day of the week */
	double planned, p50, p10, p90; /* remaining engineer-days */
};

struct roadmap {
	struct plan *plan;
	struct roadmap_task *tasks;
	size_t tasks_nr;
	struct roadmap_context *contexts;
	size_t nr;
	struct roadmap_dep *deps; /* kept after cycles were broken */
	size_t deps_nr;
	struct roadmap_cycle *cycles;
	size_t cycles_nr;
	struct roadmap_milestone milestones[PHASE_NR];
	size_t *critical; /* task indexes, first to last */
	size_t critical_nr;
	struct roadmap_month *months;
	size_t months_nr;
	char **notes; /* waits and warnings worth printing with the plan */
	size_t notes_nr, notes_alloc;
	size_t trials;
	size_t waves;
	int finished; /* 0: gave up at the horizon or on zero capacity */
	double total_effort; /* engineer-days: the P50 efforts scheduled */
	/* total engineer-days over the trials (carve estimate's total) */
	double effort_p10, effort_p50, effort_p90;
	size_t horizon; /* working day index past the declared capacity */
	/*
	 * A profile whose last step lasts: engineer-days still to do when
	 * that step begins (working day tail_day), at P50 and P90; what
	 * the last step's engineers alone are then forecast to finish
	 */
	size_t tail_day;
	double tail_p50, tail_p90;
	const char *source;
	/* remaining engineer-days per week (5 working days) over the
	 * trials: P50, P10 and P90 of week k at 3k.. 3k+2 */
	float *weekly; /* 3 x weeks_nr, NULL without trials */
	size_t weeks_nr;
	double *weekly_p50; /* the P50-effort schedule, weeks_nr */
	/* weeks_nr: remaining at the end of each week, as the model
	 * writes it (roadmap_remaining() at roadmap_date(r, 5k + 4)) */
	struct roadmap_week *weeks;
};

/* The date of working day index `day` (the plan's calendar). */
calendar_day roadmap_date(const struct roadmap *r, size_t day);

/* Adds "roadmap" to a model's JSON root (src/model/roadmap_json.c). */
void roadmap_json_add(struct cJSON *root, const struct roadmap *r);

struct roadmap_saved_milestone {
	char *name;
	calendar_day planned, p50, p85;
};

struct roadmap_saved {
	struct cJSON *part; /* the "roadmap" object as read */
	calendar_day start;
	double effort; /* engineer-days at P50 */
	struct roadmap_week *weeks;
	size_t weeks_nr;
	struct roadmap_saved_milestone *milestones;
	size_t milestones_nr;
};

/*
 * Reads a model's "roadmap" part; returns 0 with *out the caller's
 * (roadmap_saved_free), or <0 after reporting what is malformed.
 */
int roadmap_saved_load(struct roadmap_saved **out, const struct cJSON *part,
		       const char *path);
/* The same as roadmap_remaining(), from the saved weekly series. */
void roadmap_saved_remaining(const struct roadmap_saved *s, calendar_day day,
			     double *planned, double *p50, double *p10,
			     double *p90);
void roadmap_saved_free(struct roadmap_saved *s);

#endif
