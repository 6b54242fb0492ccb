/*
 * The event-driven scheduler against the day-by-day one it replaced,
 * kept here as the oracle: on thousands of random task graphs (chains
 * of steps, shared and team pools, holidays and capacity changes, zero
 * and fractional efforts) both give the same start and end of every
 * task and the same engineers used each day, to the bit; and so does a
 * second run on the same schedule, which reuses the first's work space.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "carve/scheduler.h"
#include "carve/splitmix.h"
#include "carve/xmalloc.h"

#define EPS 1e-9

/* ---- the oracle: scheduler.c as it was, one working day at a time ---- */

/* A list of task indexes sorted by priority position. */
struct ref_list {
	size_t *v;
	size_t nr, alloc;
};

static void ref_list_insert(struct ref_list *l, const size_t *pos, size_t t)
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

/* Drops the entries marked in `gone` (keeping the order). */
static void ref_list_compact(struct ref_list *l, const char *gone)
{
	size_t k = 0;

	for (size_t i = 0; i < l->nr; i++)
		if (!gone[l->v[i]])
			l->v[k++] = l->v[i];
	l->nr = k;
}

static double ref_min3(double a, double b, double c)
{
	double m = a < b ? a : b;

	return m < c ? m : c;
}

/* The successor continuing t's group, if t is all it waits for. */
static long ref_chain_next(const struct scheduler *s, const size_t *waiting,
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

struct ref_day {
	double cap; /* shared capacity left */
	double *pool; /* team capacity left */
	double freed, *pool_freed; /* released today: usable tomorrow */
	double used;
};

struct ref_run {
	const struct scheduler *s;
	struct schedule *o;
	double *rem;
	size_t *waiting;
	char *done;
	struct ref_list ended, pending;
	struct ref_day d;
	size_t w;
};

static double *ref_pool_of(struct ref_run *u, size_t t, double **freed)
{
	if (u->s->pool[t] < 0) {
		*freed = &u->d.freed;
		return &u->d.cap;
	}
	*freed = &u->d.pool_freed[u->s->pool[t]];
	return &u->d.pool[u->s->pool[t]];
}

/*
 * Gives t up to `limit` full-time engineers today. A task that ends
 * hands what it had to the next step of its context at once; what is
 * left over is freed for tomorrow when the task was already running
 * (`fresh` unset), while a task started today (`fresh`) only takes
 * capacity nobody freed today.
 */
static void ref_serve(struct ref_run *u, size_t t, double limit, int fresh)
{
	const struct scheduler *s = u->s;

	for (;;) {
		double *freed, *c = ref_pool_of(u, t, &freed);
		double avail = fresh ? *c - *freed : *c;
		double a = ref_min3(limit, avail > 0 ? avail : 0, u->rem[t]);
		long next;

		u->rem[t] -= a;
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
		next = ref_chain_next(s, u->waiting, t);
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

static void ref_scheduler_run(const struct scheduler *s, const double *effort,
			      struct schedule *o)
{
	size_t n = s->nr ? s->nr : 1;
	char *moved = xcalloc(n, 1);
	struct ref_run u = { 0 };
	struct ref_list active = { 0 }, ready = { 0 };
	size_t left = s->nr, shared_left = 0, last_capacity = 0;
	size_t w;

	u.s = s;
	u.o = o;
	u.rem = xcalloc(n, sizeof(*u.rem));
	u.waiting = xcalloc(n, sizeof(*u.waiting));
	u.done = xcalloc(n, 1);
	u.d.pool = xcalloc(s->pools_nr + 1, sizeof(double));
	u.d.pool_freed = xcalloc(s->pools_nr + 1, sizeof(double));
	for (size_t k = 0; k < s->horizon; k++)
		if (s->capacity[k] > EPS)
			last_capacity = k + 1;
	for (size_t t = 0; t < s->nr; t++) {
		u.rem[t] = effort[t] > 0 ? effort[t] : 0;
		u.waiting[t] = s->preds_nr[t];
		o->start[t] = o->end[t] = s->horizon;
		shared_left += s->pool[t] < 0;
		if (!u.waiting[t])
			ref_list_insert(&ready, s->pos, t);
	}
	for (w = 0; w < s->horizon && left; w++) {
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
			ref_serve(&u, active.v[i], s->max_rate[active.v[i]], 0);
		for (size_t i = 0; i < ready.nr; i++) {
			size_t t = ready.v[i];
			double *freed, *c = ref_pool_of(&u, t, &freed);
			double avail = *c - *freed;
			double need = ref_min3(s->min_start, s->max_rate[t],
					       u.rem[t]);

			if (u.d.cap - u.d.freed <= EPS && !s->pools_nr)
				break;
			if (avail + EPS < need ||
			    (avail <= EPS && u.rem[t] > EPS))
				continue;
			o->start[t] = w;
			moved[t] = 1;
			ref_serve(&u, t, s->max_rate[t], 1);
		}
		if (o->used)
			o->used[w] = u.d.used;
		ref_list_compact(&ready, moved);
		ref_list_compact(&active, u.done);
		for (size_t i = 0; i < u.pending.nr; i++)
			if (!u.done[u.pending.v[i]])
				ref_list_insert(&active, s->pos,
						u.pending.v[i]);
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
				if (!--u.waiting[v])
					ref_list_insert(&ready, s->pos, v);
			}
		}
	}
	o->finished = !left;
	o->stuck = w;
	o->days = 0;
	for (size_t t = 0; t < s->nr; t++)
		if (u.done[t] && o->end[t] + 1 > o->days)
			o->days = o->end[t] + 1;
	free(u.rem);
	free(u.waiting);
	free(u.done);
	free(moved);
	free(u.d.pool);
	free(u.d.pool_freed);
	free(active.v);
	free(ready.v);
	free(u.ended.v);
	free(u.pending.v);
}

/* ---- random instances ---- */

struct instance {
	struct scheduler s;
	double *max_rate, *capacity, *pool_capacity, *effort;
	long *pool, *group;
	size_t *succ_start, *succ, *preds_nr, *pos;
};

static uint64_t rng;

static size_t pick(size_t n)
{
	return (size_t)(splitmix64_next(&rng) % n);
}

static void make_instance(struct instance *x)
{
	static const double rates[] = { 0.5, 1, 1.5, 2, 3, 4 };
	size_t nr = 1 + pick(60), pools = pick(4) ? 0 : 1 + pick(3);
	size_t horizon = 50 + pick(400), edges = 0, *perm;
	size_t(*e)[2] = xcalloc(4 * nr + 1, sizeof(*e));
	double base = (double)(1 + pick(12)) / (pick(3) ? 1 : 2);

	memset(x, 0, sizeof(*x));
	x->max_rate = xcalloc(nr, sizeof(double));
	x->effort = xcalloc(nr, sizeof(double));
	x->pool = xcalloc(nr, sizeof(long));
	x->group = xcalloc(nr, sizeof(long));
	x->preds_nr = xcalloc(nr, sizeof(size_t));
	x->pos = xcalloc(nr, sizeof(size_t));
	x->succ_start = xcalloc(nr + 1, sizeof(size_t));
	x->capacity = xcalloc(horizon, sizeof(double));
	x->pool_capacity = xcalloc(pools + 1, sizeof(double));
	for (size_t t = 0; t < nr; t++) {
		x->max_rate[t] = rates[pick(6)];
		/* zero, whole and fractional efforts */
		x->effort[t] = pick(10) ? (double)pick(80) / (pick(2) ? 1 : 7)
					: 0;
		x->pool[t] = pools && pick(2) ? (long)pick(pools) : -1;
		/* runs of up to four tasks are the steps of one context */
		x->group[t] = pick(5) ? (long)(t / 4) : -1;
		if (t && x->group[t] >= 0 && x->group[t] == x->group[t - 1]) {
			e[edges][0] = t - 1;
			e[edges++][1] = t;
		}
		if (t && pick(3) == 0) {
			e[edges][0] = pick(t);
			e[edges++][1] = t;
		}
	}
	/* a random priority order */
	perm = xcalloc(nr, sizeof(size_t));
	for (size_t t = 0; t < nr; t++)
		perm[t] = t;
	for (size_t t = nr; t > 1; t--) {
		size_t k = pick(t), tmp = perm[t - 1];

		perm[t - 1] = perm[k];
		perm[k] = tmp;
	}
	for (size_t t = 0; t < nr; t++)
		x->pos[perm[t]] = t;
	free(perm);
	/* CSR successors */
	for (size_t k = 0; k < edges; k++) {
		x->succ_start[e[k][0] + 1]++;
		x->preds_nr[e[k][1]]++;
	}
	for (size_t t = 0; t < nr; t++)
		x->succ_start[t + 1] += x->succ_start[t];
	x->succ = xcalloc(edges + 1, sizeof(size_t));
	{
		size_t *fill = xcalloc(nr, sizeof(size_t));

		for (size_t k = 0; k < edges; k++)
			x->succ[x->succ_start[e[k][0]] + fill[e[k][0]]++] =
				e[k][1];
		free(fill);
	}
	free(e);
	/* long stretches of one capacity, holidays, changes, an end */
	for (size_t w = 0; w < horizon; w++) {
		if (!w || pick(25) == 0)
			base = pick(6) ? (double)pick(14) / (pick(2) ? 1 : 2)
				       : 0;
		x->capacity[w] = pick(40) ? base : 0;
	}
	if (pick(4) == 0)
		for (size_t w = horizon / 2; w < horizon; w++)
			x->capacity[w] = 0;
	for (size_t p = 0; p < pools; p++)
		x->pool_capacity[p] = (double)pick(8) / (pick(2) ? 1 : 2);
	x->s.nr = nr;
	x->s.max_rate = x->max_rate;
	x->s.pool = x->pool;
	x->s.group = x->group;
	x->s.succ_start = x->succ_start;
	x->s.succ = x->succ;
	x->s.preds_nr = x->preds_nr;
	x->s.pos = x->pos;
	x->s.capacity = x->capacity;
	x->s.horizon = horizon;
	x->s.pool_capacity = x->pool_capacity;
	x->s.pools_nr = pools;
	x->s.min_start = pick(2) ? 1 : 0.5;
}

static void free_instance(struct instance *x)
{
	free(x->max_rate);
	free(x->effort);
	free(x->pool);
	free(x->group);
	free(x->preds_nr);
	free(x->pos);
	free(x->succ_start);
	free(x->succ);
	free(x->capacity);
	free(x->pool_capacity);
}

static void same_as_day_by_day(void **state)
{
	size_t quiet = 0;

	(void)state;
	rng = 20261207;
	for (int i = 0; i < 3000; i++) {
		struct instance x;
		struct schedule a, b;

		make_instance(&x);
		schedule_init(&a, &x.s, 1);
		/* twice on the same schedule: a run's work space is kept
		 * for the next (the roadmap's trials), the second on other
		 * efforts must not see what the first left */
		for (int again = 0; again < 2; again++) {
			if (again) {
				for (size_t t = 0; t < x.s.nr; t++)
					x.effort[t] *= 0.5 + (double)(t % 3);
				memset(a.used, 0,
				       x.s.horizon * sizeof(*a.used));
			}
			schedule_init(&b, &x.s, 1);
			scheduler_run(&x.s, x.effort, &a);
			ref_scheduler_run(&x.s, x.effort, &b);
			assert_int_equal(a.finished, b.finished);
			assert_int_equal(a.stuck, b.stuck);
			assert_int_equal(a.days, b.days);
			for (size_t t = 0; t < x.s.nr; t++) {
				assert_int_equal(a.start[t], b.start[t]);
				assert_int_equal(a.end[t], b.end[t]);
			}
			/* bitwise: the days repeated add up the same */
			assert_memory_equal(a.used, b.used,
					    x.s.horizon * sizeof(*a.used));
			for (size_t t = 0; t < x.s.nr && !again; t++)
				quiet += a.end[t] > a.start[t] + 1;
			schedule_release(&b);
		}
		schedule_release(&a);
		free_instance(&x);
	}
	/* the instances do have days between events to jump over */
	assert_true(quiet > 1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_as_day_by_day),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
