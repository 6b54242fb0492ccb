/*
 * Resource-constrained list scheduling of malleable tasks, one working
 * day at a time: each day, tasks already started are served first, then
 * tasks whose predecessors have all ended, both in a fixed priority
 * order; a task takes at most its own limit of full-time engineers and
 * what is left of its pool that day. Engineers freed by a task that
 * ends go on with the next task of its group (the next step of the same
 * context) the same day, and to other tasks from the next day on, so a
 * context's steps run back to back. Deterministic. Days on which nothing
 * starts or ends are repeated, not recomputed (scheduler.c), with the
 * same result to the bit. The scheduler borrows every array it is given.
 */
#ifndef CARVE_SCHEDULER_H
#define CARVE_SCHEDULER_H

#include <stddef.h>

struct scheduler {
	size_t nr; /* tasks */
	const double *max_rate; /* per task: full-time engineers at most */
	const long *pool; /* per task: team index, -1 for the shared one */
	const long *group; /* per task: its context, -1 for none */
	const size_t *succ_start; /* CSR successors: nr + 1 offsets */
	const size_t *succ;
	const size_t *preds_nr; /* per task */
	const size_t *pos; /* per task: priority position, 0 first */
	const double *capacity; /* shared full-time engineers per day */
	size_t horizon; /* days in capacity; the schedule stops there */
	const double *pool_capacity; /* per team, every day */
	size_t pools_nr;
	double min_start; /* a task starts with at least this much */
};

struct schedule_work;

struct schedule {
	size_t *start, *end; /* per task (end included); horizon if never */
	double *used; /* per day, full-time engineer-days (or NULL) */
	size_t days; /* the last end + 1 */
	int finished;
	size_t stuck; /* unfinished: the day it gave up */
	struct schedule_work *work; /* kept between runs (scheduler.c) */
};

/* Allocates o's arrays for s (used only when `with_used`). */
void schedule_init(struct schedule *o, const struct scheduler *s,
		   int with_used);
void schedule_release(struct schedule *o);

/*
 * Schedules s's tasks with efforts effort[0..nr) (engineer-days). Stops
 * at the horizon, or as soon as the shared capacity is zero for good
 * while shared work remains.
 */
void scheduler_run(const struct scheduler *s, const double *effort,
		   struct schedule *o);

#endif
