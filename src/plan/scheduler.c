/*
 * List scheduling day by day. Started tasks keep their claim on the
 * engineers (no thrashing between half-done extractions); what is left
 * goes to ready tasks by priority. Lists are kept sorted by priority
 * position, so a day costs the tasks it serves, not all tasks.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/scheduler.h"
#include "carve/xmalloc.h"

#define EPS 1e-9

void schedule_init(struct schedule *o, const struct scheduler *s,
		   int with_used)
{
	memset(o, 0, sizeof(*o));
	o->start = xcalloc(s->nr ? s->nr : 1, sizeof(*o->start));
	o->end = xcalloc(s->nr ? s->nr : 1, sizeof(*o->end));
	if (with_used)
		o->used = xcalloc(s->horizon ? s->horizon : 1,
				  sizeof(*o->used));
}

void schedule_release(struct schedule *o)
{
	if (!o)
		return;
	free(o->start);
	free(o->end);
	free(o->used);
	memset(o, 0, sizeof(*o));
}

/* A list of task indexes sorted by priority position. */
struct list {
	size_t *v;
	size_t nr, alloc;
};

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

/* Drops the entries marked in `gone` (keeping the order). */
static void list_compact(struct list *l, const char *gone)
{
	size_t k = 0;

	for (size_t i = 0; i < l->nr; i++)
		if (!gone[l->v[i]])
			l->v[k++] = l->v[i];
	l->nr = k;
}

static double min3(double a, double b, double c)
{
	double m = a < b ? a : b;

	return m < c ? m : c;
}

void scheduler_run(const struct scheduler *s, const double *effort,
		   struct schedule *o)
{
	double *rem = xcalloc(s->nr ? s->nr : 1, sizeof(*rem));
	size_t *waiting = xcalloc(s->nr ? s->nr : 1, sizeof(*waiting));
	char *done = xcalloc(s->nr ? s->nr : 1, 1);
	char *moved = xcalloc(s->nr ? s->nr : 1, 1);
	double *pool = xcalloc(s->pools_nr ? s->pools_nr : 1, sizeof(*pool));
	struct list active = { 0 }, ready = { 0 }, ended = { 0 };
	size_t left = s->nr, shared_left = 0, last_capacity = 0;
	size_t w;

	for (size_t d = 0; d < s->horizon; d++)
		if (s->capacity[d] > EPS)
			last_capacity = d + 1;
	for (size_t t = 0; t < s->nr; t++) {
		rem[t] = effort[t] > 0 ? effort[t] : 0;
		waiting[t] = s->preds_nr[t];
		o->start[t] = o->end[t] = s->horizon;
		shared_left += s->pool[t] < 0;
		if (!waiting[t])
			list_insert(&ready, s->pos, t);
	}
	o->finished = 0;
	for (w = 0; w < s->horizon && left; w++) {
		double cap = s->capacity[w], used = 0;
		int pools_left = 0;

		if (shared_left && w >= last_capacity &&
		    !s->pools_nr)
			break; /* nobody will ever work on it again */
		for (size_t p = 0; p < s->pools_nr; p++) {
			pool[p] = s->pool_capacity[p];
			pools_left += pool[p] > EPS;
		}
		ended.nr = 0;
		for (size_t i = 0; i < active.nr; i++) {
			size_t t = active.v[i];
			double *c = s->pool[t] < 0 ? &cap : &pool[s->pool[t]];
			double a = min3(s->max_rate[t], *c, rem[t]);

			if (a <= 0 && rem[t] > EPS)
				continue;
			rem[t] -= a;
			*c -= a;
			used += a;
			if (rem[t] <= EPS) {
				done[t] = 1;
				ALLOC_GROW(ended.v, ended.nr + 1, ended.alloc);
				ended.v[ended.nr++] = t;
			}
		}
		for (size_t i = 0; i < ready.nr; i++) {
			size_t t = ready.v[i];
			double *c = s->pool[t] < 0 ? &cap : &pool[s->pool[t]];
			double need = min3(s->min_start, s->max_rate[t], rem[t]);
			double a;

			if (cap <= EPS && !pools_left)
				break;
			if (*c + EPS < need || (*c <= EPS && rem[t] > EPS))
				continue;
			a = min3(s->max_rate[t], *c, rem[t]);
			o->start[t] = w;
			moved[t] = 1;
			rem[t] -= a;
			*c -= a;
			used += a;
			if (rem[t] <= EPS) {
				done[t] = 1;
				ALLOC_GROW(ended.v, ended.nr + 1, ended.alloc);
				ended.v[ended.nr++] = t;
			} else {
				list_insert(&active, s->pos, t);
			}
			if (s->pool[t] >= 0 && pool[s->pool[t]] <= EPS)
				pools_left--;
		}
		if (o->used)
			o->used[w] = used;
		list_compact(&ready, moved);
		list_compact(&active, done);
		/* successors may start tomorrow */
		for (size_t i = 0; i < ended.nr; i++) {
			size_t t = ended.v[i];

			o->end[t] = w;
			left--;
			shared_left -= s->pool[t] < 0;
			for (size_t k = s->succ_start[t]; k < s->succ_start[t + 1];
			     k++)
				if (!--waiting[s->succ[k]])
					list_insert(&ready, s->pos, s->succ[k]);
		}
	}
	o->finished = !left;
	o->stuck = w;
	o->days = 0;
	for (size_t t = 0; t < s->nr; t++)
		if (done[t] && o->end[t] + 1 > o->days)
			o->days = o->end[t] + 1;
	if (!left && !s->nr)
		o->days = 0;
	free(rem);
	free(waiting);
	free(done);
	free(moved);
	free(pool);
	free(active.v);
	free(ready.v);
	free(ended.v);
}
