/*
 * List scheduling from event to event. Started tasks keep their claim on
 * the engineers (no thrashing between half-done extractions); what is
 * left goes to ready tasks by priority. A day on which nothing started
 * or ended is repeated as it is until the next event (a task ends, the
 * capacity changes): the running tasks keep their shares, the ready ones
 * still do not fit, so the days in between cost one subtraction per
 * running task and no scan of the ready list. Lists are kept sorted by
 * priority position and compacted only when they change. The scan of the
 * ready list stops as soon as no capacity left today could start any
 * task in it (each needs at least the least start of all ready tasks),
 * so that a day with hundreds of tasks waiting costs what it starts.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/scheduler.h"
#include "carve/xmalloc.h"

#define EPS 1e-9

/* A list of task indexes sorted by priority position. */
struct list {
	size_t *v;
	size_t nr, alloc;
};

void schedule_init(struct schedule *o, const struct scheduler *s, int with_used)
{
	memset(o, 0, sizeof(*o));
	o->start = xcalloc(s->nr ? s->nr : 1, sizeof(*o->start));
	o->end = xcalloc(s->nr ? s->nr : 1, sizeof(*o->end));
	if (with_used)
		o->used =
			xcalloc(s->horizon ? s->horizon : 1, sizeof(*o->used));
}

/* What a run works in, kept in its schedule from one run to the next. */
struct schedule_work {
	size_t nr, pools_nr; /* what it was allocated for */
	double *rem, *share, *pool, *pool_freed;
	size_t *waiting;
	char *done, *moved;
	struct list active, ready, ended, pending;
};

static void work_free(struct schedule_work *k)
{
	if (!k)
		return;
	free(k->rem);
	free(k->share);
	free(k->pool);
	free(k->pool_freed);
	free(k->waiting);
	free(k->done);
	free(k->moved);
	free(k->active.v);
	free(k->ready.v);
	free(k->ended.v);
	free(k->pending.v);
	free(k);
}

/* o's work space for s, cleared where a run expects zeros. */
static struct schedule_work *work_for(struct schedule *o,
				      const struct scheduler *s)
{
	struct schedule_work *k = o->work;
	size_t n = s->nr ? s->nr : 1;

	if (k && (k->nr != n || k->pools_nr != s->pools_nr)) {
		work_free(k);
		k = NULL;
	}
	if (!k) {
		k = xcalloc(1, sizeof(*k));
		k->nr = n;
		k->pools_nr = s->pools_nr;
		k->rem = xcalloc(n, sizeof(*k->rem));
		k->share = xcalloc(n, sizeof(*k->share));
		k->waiting = xcalloc(n, sizeof(*k->waiting));
		k->done = xcalloc(n, 1);
		k->moved = xcalloc(n, 1);
		k->pool = xcalloc(s->pools_nr + 1, sizeof(double));
		k->pool_freed = xcalloc(s->pools_nr + 1, sizeof(double));
		o->work = k;
		return k;
	}
	memset(k->share, 0, n * sizeof(*k->share));
	memset(k->done, 0, n);
	memset(k->moved, 0, n);
	k->active.nr = k->ready.nr = k->ended.nr = k->pending.nr = 0;
	return k;
}

void schedule_release(struct schedule *o)
{
	if (!o)
		return;
	work_free(o->work);
	free(o->start);
	free(o->end);
	free(o->used);
	memset(o, 0, sizeof(*o));
}

static void list_insert(struct list *l, const size_t *pos, size_t t)
{
	size_t lo = 0, hi = l->nr;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (pos[l->v[mid]] < pos[t])
			lo = mid + 1;
		else
			hi = mid;
	}
	ALLOC_GROW(l->v, l->nr + 1, l->alloc);
	memmove(l->v + lo + 1, l->v + lo, (l->nr - lo) * sizeof(*l->v));
	l->v[lo] = t;
	l->nr++;
}

/*
 * Drops the entries marked in `gone` (keeping the order), all of which
 * are among the first `upto`: the rest moves down in one block.
 */
static void list_compact(struct list *l, const char *gone, size_t upto)
{
	size_t k = 0;

	for (size_t i = 0; i < upto; i++)
		if (!gone[l->v[i]])
			l->v[k++] = l->v[i];
	/* an empty list has no array: memmove must not see NULL */
	if (l->nr > upto)
		memmove(l->v + k, l->v + upto, (l->nr - upto) * sizeof(*l->v));
	l->nr -= upto - k;
}

static double min3(double a, double b, double c)
{
	double m = a < b ? a : b;

	return m < c ? m : c;
}

/* The successor continuing t's group, if t is all it waits for. */
static long chain_next(const struct scheduler *s, const size_t *waiting,
		       size_t t)
{
	if (s->group[t] < 0)
		return -1;
	for (size_t k = s->succ_start[t]; k < s->succ_start[t + 1]; k++)
		if (s->group[s->succ[k]] == s->group[t] &&
		    waiting[s->succ[k]] == 1)
			return (long)s->succ[k];
	return -1;
}

struct day {
	double cap; /* shared capacity left */
	double *pool; /* team capacity left */
	double freed, *pool_freed; /* released today: usable tomorrow */
	double used;
};

/*
 * What a ready task needs to start: it stays the same while it waits,
 * since only a served task has its effort reduced.
 */
static double start_need(const struct scheduler *s, const double *rem, size_t t)
{
	return min3(s->min_start, s->max_rate[t], rem[t]);
}

/*
 * A lower bound of the needs of the ready tasks: min_start, unless some
 * need less (a short task, a capped rate), then the least of those since
 * there were none.
 */
struct need_bound {
	size_t small_nr;
	double small_min;
};

static void bound_add(struct need_bound *b, const struct scheduler *s,
		      double need)
{
	if (!(need < s->min_start))
		return;
	if (!b->small_nr++ || need < b->small_min)
		b->small_min = need;
}

static void bound_remove(struct need_bound *b, const struct scheduler *s,
			 double need)
{
	if (need < s->min_start)
		b->small_nr--;
}

static double bound_of(const struct need_bound *b, const struct scheduler *s)
{
	return b->small_nr ? b->small_min : s->min_start;
}

struct run {
	const struct scheduler *s;
	struct schedule *o;
	double *rem;
	double *share; /* engineers t had on the last day it was served */
	size_t *waiting;
	char *done;
	struct list ended, pending;
	struct day d;
	size_t w;
};

static double *pool_of(struct run *u, size_t t, double **freed)
{
	if (u->s->pool[t] < 0) {
		*freed = &u->d.freed;
		return &u->d.cap;
	}
	*freed = &u->d.pool_freed[u->s->pool[t]];
	return &u->d.pool[u->s->pool[t]];
}

/*
 * Whether no capacity left today, shared or of a team, reaches `need`
 * (a task started today takes only what nobody freed today).
 */
static int none_fits(const struct run *u, double need)
{
	if (u->d.cap - u->d.freed + EPS >= need)
		return 0;
	for (size_t p = 0; p < u->s->pools_nr; p++)
		if (u->d.pool[p] - u->d.pool_freed[p] + EPS >= need)
			return 0;
	return 1;
}

/*
 * Gives t up to `limit` full-time engineers today. A task that ends
 * hands what it had to the next step of its context at once; what is
 * left over is freed for tomorrow when the task was already running
 * (`fresh` unset), while a task started today (`fresh`) only takes
 * capacity nobody freed today.
 */
static void serve(struct run *u, size_t t, double limit, int fresh)
{
	const struct scheduler *s = u->s;

	for (;;) {
		double *freed, *c = pool_of(u, t, &freed);
		double avail = fresh ? *c - *freed : *c;
		double a = min3(limit, avail > 0 ? avail : 0, u->rem[t]);
		long next;

		u->rem[t] -= a;
		u->share[t] = a;
		*c -= a;
		u->d.used += a;
		if (u->rem[t] > EPS) {
			if (u->o->start[t] == u->w) {
				/* started today: running from tomorrow */
				ALLOC_GROW(u->pending.v, u->pending.nr + 1,
					   u->pending.alloc);
				u->pending.v[u->pending.nr++] = t;
			}
			return;
		}
		u->done[t] = 1;
		ALLOC_GROW(u->ended.v, u->ended.nr + 1, u->ended.alloc);
		u->ended.v[u->ended.nr++] = t;
		limit -= a;
		next = chain_next(s, u->waiting, t);
		if (next < 0) {
			if (!fresh && limit > 0)
				*freed += limit < *c ? limit : *c;
			return;
		}
		t = (size_t)next;
		u->waiting[t] = 0;
		u->o->start[t] = u->w;
	}
}

/*
 * After day w on which no task started or ended: repeats it for the days
 * after, as long as the capacity stays the same and no running task
 * would end (then every running task gets the same share again, in the
 * same order, and no ready task fits). The shares are subtracted day by
 * day, as the days themselves would, so the efforts left are the same
 * to the bit. Returns the last day repeated (w if none).
 */
static size_t repeat_quiet_day(struct run *u, const struct list *active,
			       size_t w, size_t last_capacity,
			       size_t shared_left)
{
	const struct scheduler *s = u->s;
	size_t d;

	for (d = w + 1; d < s->horizon; d++) {
		if (s->capacity[d] != s->capacity[w])
			break;
		if (shared_left && d >= last_capacity && !s->pools_nr)
			break;
		for (size_t i = 0; i < active->nr; i++) {
			size_t t = active->v[i];

			if (!(u->rem[t] - u->share[t] > EPS))
				return d - 1; /* t ends on day d */
		}
		for (size_t i = 0; i < active->nr; i++)
			u->rem[active->v[i]] -= u->share[active->v[i]];
		if (u->o->used)
			u->o->used[d] = u->d.used;
	}
	return d - 1;
}

void scheduler_run(const struct scheduler *s, const double *effort,
		   struct schedule *o)
{
	struct schedule_work *ws = work_for(o, s);
	char *moved = ws->moved;
	struct run u = { 0 };
	struct list active = ws->active, ready = ws->ready;
	struct need_bound bound = { 0 };
	size_t left = s->nr, shared_left = 0, last_capacity = 0;
	size_t w;

	u.s = s;
	u.o = o;
	u.rem = ws->rem;
	u.share = ws->share;
	u.waiting = ws->waiting;
	u.done = ws->done;
	u.d.pool = ws->pool;
	u.d.pool_freed = ws->pool_freed;
	u.ended = ws->ended;
	u.pending = ws->pending;
	for (last_capacity = s->horizon; last_capacity; last_capacity--)
		if (s->capacity[last_capacity - 1] > EPS)
			break;
	for (size_t t = 0; t < s->nr; t++) {
		u.rem[t] = effort[t] > 0 ? effort[t] : 0;
		u.waiting[t] = s->preds_nr[t];
		o->start[t] = o->end[t] = s->horizon;
		shared_left += s->pool[t] < 0;
		if (!u.waiting[t]) {
			list_insert(&ready, s->pos, t);
			bound_add(&bound, s, start_need(s, u.rem, t));
		}
	}
	for (w = 0; w < s->horizon && left; w++) {
		size_t started = 0, scanned;

		if (shared_left && w >= last_capacity && !s->pools_nr)
			break; /* nobody will ever work on it again */
		u.w = w;
		u.d.cap = s->capacity[w];
		u.d.freed = 0;
		u.d.used = 0;
		for (size_t p = 0; p < s->pools_nr; p++) {
			u.d.pool[p] = s->pool_capacity[p];
			u.d.pool_freed[p] = 0;
		}
		u.ended.nr = 0;
		u.pending.nr = 0;
		/* running tasks first (their chain successors join the
		 * active list after this loop, having had their share) */
		for (size_t i = 0; i < active.nr; i++)
			serve(&u, active.v[i], s->max_rate[active.v[i]], 0);
		for (scanned = 0; scanned < ready.nr; scanned++) {
			size_t t = ready.v[scanned];
			double *freed, *c = pool_of(&u, t, &freed);
			double avail = *c - *freed;
			double need = start_need(s, u.rem, t);

			if (u.d.cap - u.d.freed <= EPS && !s->pools_nr)
				break;
			if (none_fits(&u, bound_of(&bound, s)))
				break; /* every task left would be skipped */
			if (avail + EPS < need ||
			    (avail <= EPS && u.rem[t] > EPS))
				continue;
			bound_remove(&bound, s, need);
			o->start[t] = w;
			moved[t] = 1;
			started++;
			serve(&u, t, s->max_rate[t], 1);
		}
		if (o->used)
			o->used[w] = u.d.used;
		if (!started && !u.ended.nr && !u.pending.nr) {
			w = repeat_quiet_day(&u, &active, w, last_capacity,
					     shared_left);
			continue;
		}
		if (started)
			list_compact(&ready, moved, scanned);
		if (u.ended.nr)
			list_compact(&active, u.done, active.nr);
		for (size_t i = 0; i < u.pending.nr; i++)
			if (!u.done[u.pending.v[i]])
				list_insert(&active, s->pos, u.pending.v[i]);
		/* successors may start tomorrow */
		for (size_t i = 0; i < u.ended.nr; i++) {
			size_t t = u.ended.v[i];

			o->end[t] = w;
			left--;
			shared_left -= s->pool[t] < 0;
			for (size_t k = s->succ_start[t];
			     k < s->succ_start[t + 1]; k++) {
				size_t v = s->succ[k];

				if (o->start[v] != s->horizon)
					continue; /* went on at once */
				if (--u.waiting[v])
					continue;
				list_insert(&ready, s->pos, v);
				bound_add(&bound, s, start_need(s, u.rem, v));
			}
		}
	}
	o->finished = !left;
	o->stuck = w;
	o->days = 0;
	for (size_t t = 0; t < s->nr; t++)
		if (u.done[t] && o->end[t] + 1 > o->days)
			o->days = o->end[t] + 1;
	/* the lists' arrays, grown or not, for the next run */
	ws->active = active;
	ws->ready = ready;
	ws->ended = u.ended;
	ws->pending = u.pending;
}
