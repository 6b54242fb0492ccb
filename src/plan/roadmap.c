/*
 * carve roadmap's model: contexts and their dependencies become tasks
 * (phase 0, the steps of each extraction, data separation), cycles are
 * broken at named edges, waves and the MVE are chosen, and the
 * scheduler runs once on the P50 efforts and once per Monte Carlo
 * trial. Percentiles, the critical path and the monthly utilisation
 * are read off the runs.
 */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "carve/error.h"
#include "carve/estimate_build.h"
#include "carve/graph.h"
#include "carve/plan.h"
#include "carve/pool.h"
#include "carve/roadmap.h"
#include "carve/scheduler.h"
#include "carve/select.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

static void note(struct roadmap *r, const char *fmt, ...) CARVE_PRINTF(2, 3);

static void note(struct roadmap *r, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	ALLOC_GROW(r->notes, r->notes_nr + 1, r->notes_alloc);
	r->notes[r->notes_nr++] = strbuf_detach(&sb, NULL);
}

static long find_context(const struct roadmap *r, const char *name)
{
	for (size_t i = 0; i < r->nr; i++)
		if (!strcmp(r->contexts[i].name, name))
			return (long)i;
	return -1;
}

/* ---- cycles: strongly connected components ---- */

/* Contexts in a cycle are ordered by (rank, name); deps against it cut. */
static int cycle_before(const struct roadmap_context *a,
			const struct roadmap_context *b)
{
	long ra = a->rank ? a->rank : LONG_MAX,
	     rb = b->rank ? b->rank : LONG_MAX;

	if (ra != rb)
		return ra < rb;
	return strcmp(a->name, b->name) < 0;
}

static void break_cycles(struct roadmap *r, const struct roadmap_input *in)
{
	struct graph_edge *edges;
	size_t *comp, *count;

	/*
	 * graph_tarjan wants the edges grouped by `from`: a counting sort
	 * keeps each context's dependencies in their declared order
	 */
	edges = xcalloc(in->deps_nr + 1, sizeof(*edges));
	comp = xcalloc(r->nr + 1, sizeof(*comp));
	count = xcalloc(r->nr + 1, sizeof(*count));
	for (size_t i = 0; i < in->deps_nr; i++)
		count[in->deps[i].from + 1]++;
	for (size_t i = 0; i < r->nr; i++)
		count[i + 1] += count[i];
	for (size_t i = 0; i < in->deps_nr; i++) {
		struct graph_edge *e = &edges[count[in->deps[i].from]++];

		e->from = in->deps[i].from;
		e->to = in->deps[i].to;
	}
	graph_tarjan(r->nr, edges, in->deps_nr, NULL, comp);
	for (size_t i = 0; i < r->nr; i++)
		r->contexts[i].cycle = -1;
	memset(count, 0, (r->nr + 1) * sizeof(*count));
	for (size_t i = 0; i < r->nr; i++)
		count[comp[i]]++;
	for (size_t i = 0; i < r->nr; i++) {
		size_t c = comp[i];
		struct roadmap_cycle *y;
		long idx = -1;

		if (count[c] < 2)
			continue;
		for (size_t k = 0; k < r->cycles_nr; k++)
			if (comp[r->cycles[k].contexts[0]] == c)
				idx = (long)k;
		if (idx < 0) {
			r->cycles = xreallocarray(r->cycles, r->cycles_nr + 1,
						  sizeof(*r->cycles));
			idx = (long)r->cycles_nr++;
			memset(&r->cycles[idx], 0, sizeof(*r->cycles));
			r->cycles[idx].contexts =
				xcalloc(count[c], sizeof(size_t));
		}
		y = &r->cycles[idx];
		y->contexts[y->nr++] = i;
		r->contexts[i].cycle = idx;
	}
	r->deps = xcalloc(in->deps_nr + 1, sizeof(*r->deps));
	for (size_t i = 0; i < in->deps_nr; i++) {
		const struct roadmap_dep *d = &in->deps[i];
		long cy = r->contexts[d->from].cycle;

		if (d->from == d->to)
			continue;
		if (cy >= 0 && cy == r->contexts[d->to].cycle &&
		    !cycle_before(&r->contexts[d->to], &r->contexts[d->from])) {
			/* `from` goes first, so its need of `to` is cut */
			struct roadmap_cycle *y = &r->cycles[cy];

			y->cuts = xreallocarray(y->cuts, y->cuts_nr + 1,
						sizeof(*y->cuts));
			y->cuts[y->cuts_nr++] = *d;
			continue;
		}
		r->deps[r->deps_nr++] = *d;
	}
	free(count);
	free(comp);
	free(edges);
}

/* ---- tasks ---- */

static size_t add_task(struct roadmap *r, size_t *alloc, const char *name,
		       enum roadmap_kind kind, long context, double effort,
		       double max_rate)
{
	struct roadmap_task *t;

	ALLOC_GROW(r->tasks, r->tasks_nr + 1, *alloc);
	t = &r->tasks[r->tasks_nr];
	memset(t, 0, sizeof(*t));
	t->name = xstrdup(name);
	t->kind = kind;
	t->context = context;
	t->pool = -1;
	t->effort = effort;
	t->max_rate = max_rate;
	return r->tasks_nr++;
}

static void add_pred(struct roadmap_task *t, size_t pred)
{
	t->preds = xreallocarray(t->preds, t->preds_nr + 1, sizeof(*t->preds));
	t->preds[t->preds_nr++] = pred;
}

static double phase0_total(const struct plan *p)
{
	double sum = 0;

	for (size_t i = 0; i < p->phase0_nr; i++)
		sum += p->phase0[i].days;
	return sum;
}

static int build_tasks(struct roadmap *r, const struct roadmap_input *in)
{
	struct plan *p = r->plan;
	struct strbuf sb = STRBUF_INIT;
	size_t alloc = 0;
	double p0 = phase0_total(p);
	double scale = in->phase0_p50 >= 0 && !p->set_phase0 && p0 > 0
			       ? in->phase0_p50 / p0
			       : 1;

	for (size_t i = 0; i < p->phase0_nr; i++)
		add_task(r, &alloc, p->phase0[i].name, TASK_PHASE0, -1,
			 p->phase0[i].days * scale, p->max_per_context);
	for (size_t c = 0; c < r->nr; c++) {
		struct roadmap_context *x = &r->contexts[c];

		x->first_task = r->tasks_nr;
		x->tasks_nr = p->steps_nr;
		for (size_t s = 0; s < p->steps_nr; s++) {
			size_t t;

			strbuf_reset(&sb);
			strbuf_addf(&sb, "%s: %s", x->name, p->steps[s].name);
			t = add_task(r, &alloc, sb.buf, TASK_STEP, (long)c,
				     x->p50 * p->steps[s].share,
				     p->max_per_context);
			if (s)
				add_pred(&r->tasks[t], t - 1);
			else
				for (size_t k = 0; k < p->phase0_nr; k++)
					add_pred(&r->tasks[t], k);
		}
	}
	for (size_t i = 0; i < r->deps_nr; i++) {
		const struct roadmap_context *from =
			&r->contexts[r->deps[i].from];
		const struct roadmap_context *to = &r->contexts[r->deps[i].to];

		add_pred(&r->tasks[from->first_task],
			 to->first_task + to->tasks_nr - 1);
	}
	for (size_t i = 0; i < p->data_nr; i++) {
		size_t t = add_task(r, &alloc, p->data[i].name, TASK_DATA, -1,
				    p->data[i].days, p->max_per_context);

		for (size_t k = 0; k < p->data[i].after_nr; k++) {
			long c = find_context(r, p->data[i].after[k]);

			if (c < 0) {
				strbuf_release(&sb);
				return error("'%s': plan.data[%zu].after: '%s' "
					     "is no context",
					     p->path, i, p->data[i].after[k]);
			}
			add_pred(&r->tasks[t], r->contexts[c].first_task +
						       r->contexts[c].tasks_nr -
						       1);
		}
	}
	for (size_t i = 0; i < p->teams_nr; i++) {
		for (size_t k = 0; k < p->teams[i].contexts_nr; k++) {
			long c = find_context(r, p->teams[i].contexts[k]);
			struct roadmap_context *x;

			if (c < 0) {
				strbuf_release(&sb);
				return error("'%s': plan.teams[%zu].contexts: "
					     "'%s' is no context",
					     p->path, i,
					     p->teams[i].contexts[k]);
			}
			x = &r->contexts[c];
			if (x->owner) {
				strbuf_release(&sb);
				return error("'%s': plan.teams: '%s' is owned "
					     "by both '%s' and '%s'",
					     p->path, x->name, x->owner,
					     p->teams[i].name);
			}
			x->owner = p->teams[i].name;
			for (size_t s = 0; s < x->tasks_nr; s++)
				r->tasks[x->first_task + s].pool = (long)i;
		}
	}
	strbuf_release(&sb);
	return 0;
}

/* ---- priority, waves, MVE ---- */

struct order_ctx {
	const struct roadmap *r;
	const long *rank;
};

static const struct order_ctx *sort_ctx;

static int task_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const struct roadmap *r = sort_ctx->r;
	long rx = sort_ctx->rank[x], ry = sort_ctx->rank[y];
	double cx = r->tasks[x].priority_cp, cy = r->tasks[y].priority_cp;
	int by_cp = r->plan->priority == PLAN_PRIORITY_CRITICAL_PATH;

	if (by_cp && cx != cy)
		return cx > cy ? -1 : 1;
	if (rx != ry)
		return rx < ry ? -1 : 1;
	if (cx != cy)
		return cx > cy ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* Topological order of the tasks (Kahn; preds always exist acyclic). */
static size_t *topo_order(const struct roadmap *r, const size_t *succ_start,
			  const size_t *succ)
{
	size_t *order = xcalloc(r->tasks_nr + 1, sizeof(*order));
	size_t *waiting = xcalloc(r->tasks_nr + 1, sizeof(*waiting));
	size_t head = 0, tail = 0;

	for (size_t t = 0; t < r->tasks_nr; t++)
		if (!(waiting[t] = r->tasks[t].preds_nr))
			order[tail++] = t;
	while (head < tail) {
		size_t t = order[head++];

		for (size_t k = succ_start[t]; k < succ_start[t + 1]; k++)
			if (!--waiting[succ[k]])
				order[tail++] = succ[k];
	}
	if (tail != r->tasks_nr)
		BUG("roadmap tasks still have a cycle");
	free(waiting);
	return order;
}

static void set_waves(struct roadmap *r)
{
	/* deps are acyclic now; relax until stable (at most nr rounds) */
	int changed = 1;

	for (size_t i = 0; i < r->nr; i++)
		r->contexts[i].wave = 1;
	for (size_t round = 0; changed && round <= r->nr; round++) {
		changed = 0;
		for (size_t i = 0; i < r->deps_nr; i++) {
			struct roadmap_context *f =
				&r->contexts[r->deps[i].from];
			const struct roadmap_context *t =
				&r->contexts[r->deps[i].to];

			if (f->wave < t->wave + 1) {
				f->wave = t->wave + 1;
				changed = 1;
			}
		}
	}
	r->waves = 0;
	for (size_t i = 0; i < r->nr; i++)
		if (r->contexts[i].wave > r->waves)
			r->waves = r->contexts[i].wave;
}

static const struct roadmap *end_of;

/* Contexts by end (then start, then index): the order they are done. */
static int by_end(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	const struct roadmap_context *x = &end_of->contexts[a],
				     *y = &end_of->contexts[b];

	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return a < b ? -1 : a > b;
}

static int choose_mve(struct roadmap *r)
{
	struct plan *p = r->plan;
	size_t *order;
	double total = 0, sum = 0;
	int by_loc = r->nr > 0;

	for (size_t i = 0; i < r->nr; i++)
		r->contexts[i].phase = PHASE_ENDGAME;
	if (p->mve) {
		for (size_t i = 0; i < p->mve_nr; i++) {
			long c = find_context(r, p->mve[i]);

			if (c < 0)
				return error(
					"'%s': plan.mve: '%s' is no context",
					p->path, p->mve[i]);
			r->contexts[c].phase = PHASE_MVE;
		}
		/* what an MVE context depends on comes before it: MVE too */
		for (size_t round = 0; round <= r->nr; round++) {
			int changed = 0;

			for (size_t i = 0; i < r->deps_nr; i++)
				if (r->contexts[r->deps[i].from].phase ==
					    PHASE_MVE &&
				    r->contexts[r->deps[i].to].phase !=
					    PHASE_MVE) {
					r->contexts[r->deps[i].to].phase =
						PHASE_MVE;
					changed = 1;
				}
			if (!changed)
				break;
		}
		return 0;
	}
	/*
	 * The contexts the P50 schedule finishes first, holding mve_share
	 * of the code lines (of the effort when sizes are unknown): a
	 * context ends after what it depends on, so the set is closed.
	 */
	for (size_t i = 0; i < r->nr; i++)
		if (!r->contexts[i].loc)
			by_loc = 0;
	order = roadmap_context_order(r); /* by start, then end */
	end_of = r;
	qsort(order, r->nr, sizeof(*order), by_end);
	end_of = NULL;
	for (size_t i = 0; i < r->nr; i++)
		total += by_loc ? (double)r->contexts[i].loc
				: r->contexts[i].p50;
	for (size_t i = 0; i < r->nr && sum < p->mve_share * total - 1e-9;
	     i++) {
		struct roadmap_context *x = &r->contexts[order[i]];

		x->phase = PHASE_MVE;
		sum += by_loc ? (double)x->loc : x->p50;
	}
	free(order);
	return 0;
}

/* ---- reading the runs ---- */

static void set_phases(struct roadmap *r)
{
	for (size_t t = 0; t < r->tasks_nr; t++) {
		struct roadmap_task *x = &r->tasks[t];

		if (x->kind == TASK_PHASE0)
			x->phase = PHASE_0;
		else if (x->kind == TASK_STEP)
			x->phase = r->contexts[x->context].phase;
		else {
			/* data separation: MVE when all it follows is */
			x->phase = x->preds_nr ? PHASE_MVE : PHASE_ENDGAME;
			for (size_t k = 0; k < x->preds_nr; k++)
				if (r->tasks[x->preds[k]].phase != PHASE_MVE)
					x->phase = PHASE_ENDGAME;
		}
	}
}

/* Milestone days of one run: ends[] per task; horizon when not done. */
static void milestone_days(const struct roadmap *r, const size_t *end,
			   size_t days[PHASE_NR])
{
	for (int ph = 0; ph < PHASE_NR; ph++)
		days[ph] = 0;
	for (size_t t = 0; t < r->tasks_nr; t++) {
		enum roadmap_phase ph = r->tasks[t].phase;

		if (end[t] + 1 > days[ph])
			days[ph] = end[t] + 1;
		/* the finish is the end of everything */
		if (end[t] + 1 > days[PHASE_ENDGAME])
			days[PHASE_ENDGAME] = end[t] + 1;
	}
	/* the MVE milestone includes phase 0 */
	if (days[PHASE_0] > days[PHASE_MVE])
		days[PHASE_MVE] = days[PHASE_0];
	for (int ph = 0; ph < PHASE_NR; ph++)
		days[ph] = days[ph] ? days[ph] - 1 : 0;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of a sorted array of n values. */
static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static size_t rank_index(size_t n, double q)
{
	size_t k = (size_t)ceil(q * (double)n);

	return k ? k - 1 : 0;
}

DEFINE_SELECT(select_u32, uint32_t)
DEFINE_SELECT(select_float, float)

static void critical_path(struct roadmap *r)
{
	/* keys end x (tasks + 1) + index sort by end, then index */
	size_t *by_end = xcalloc(r->tasks_nr + 1, sizeof(*by_end));
	size_t last = 0, nr = 0;
	long t = -1;

	r->critical = xcalloc(r->tasks_nr + 1, sizeof(*r->critical));
	for (size_t i = 0; i < r->tasks_nr; i++) {
		if (t < 0 || r->tasks[i].end > last) {
			last = r->tasks[i].end;
			t = (long)i;
		}
		by_end[i] = r->tasks[i].end * (r->tasks_nr + 1) + i;
	}
	qsort(by_end, r->tasks_nr, sizeof(*by_end), cmp_size);
	while (t >= 0) {
		struct roadmap_task *x = &r->tasks[t];
		long next = -1;
		size_t best = 0;

		x->critical = 1;
		r->critical[nr++] = (size_t)t;
		if (!x->start)
			break;
		/* the predecessor that held it up, else whoever freed the
		 * engineers it waited for (ended the day before it began) */
		for (size_t k = 0; k < x->preds_nr; k++) {
			const struct roadmap_task *y = &r->tasks[x->preds[k]];

			/* a step's successor in its context may start the
			 * day it ends */
			if (y->end + 1 >= x->start && y->end <= x->start &&
			    (next < 0 || y->end > best)) {
				next = (long)x->preds[k];
				best = y->end;
			}
		}
		if (next < 0) {
			size_t key = (x->start - 1) * (r->tasks_nr + 1), lo = 0,
			       hi = r->tasks_nr;

			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;

				if (by_end[mid] < key)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo < r->tasks_nr &&
			    by_end[lo] / (r->tasks_nr + 1) == x->start - 1)
				next = (long)(by_end[lo] % (r->tasks_nr + 1));
		}
		t = next;
	}
	/* first to last */
	for (size_t i = 0; i < nr / 2; i++) {
		size_t tmp = r->critical[i];

		r->critical[i] = r->critical[nr - 1 - i];
		r->critical[nr - 1 - i] = tmp;
	}
	r->critical_nr = nr;
	for (size_t i = 0; i < nr; i++)
		if (r->tasks[r->critical[i]].context >= 0)
			r->contexts[r->tasks[r->critical[i]].context].critical =
				1;
	free(by_end);
}

/* ---- the build ---- */

struct runner {
	struct scheduler s;
	size_t *succ_start, *succ, *preds_nr, *pos;
	long *pool, *group;
	double *max_rate, *capacity, *pool_capacity;
	double *effort; /* per task, this run */
	double *share; /* per task: share of its context's effort */
	double *phase0_share; /* per phase-0 task: share of phase 0 */
};

static void runner_release(struct runner *u)
{
	free(u->succ_start);
	free(u->succ);
	free(u->preds_nr);
	free(u->pos);
	free(u->pool);
	free(u->group);
	free(u->max_rate);
	free(u->capacity);
	free(u->pool_capacity);
	free(u->effort);
	free(u->share);
	free(u->phase0_share);
}

static void runner_init(struct runner *u, struct roadmap *r)
{
	struct plan *p = r->plan;
	size_t n = r->tasks_nr, *count, *order;
	long *rank;
	struct order_ctx oc;
	calendar_day end;
	double p0 = phase0_total(p);

	memset(u, 0, sizeof(*u));
	u->succ_start = xcalloc(n + 2, sizeof(size_t));
	u->preds_nr = xcalloc(n + 1, sizeof(size_t));
	u->pos = xcalloc(n + 1, sizeof(size_t));
	u->pool = xcalloc(n + 1, sizeof(long));
	u->group = xcalloc(n + 1, sizeof(long));
	u->max_rate = xcalloc(n + 1, sizeof(double));
	u->effort = xcalloc(n + 1, sizeof(double));
	u->share = xcalloc(n + 1, sizeof(double));
	u->phase0_share = xcalloc(p->phase0_nr + 1, sizeof(double));
	for (size_t t = 0; t < n; t++) {
		const struct roadmap_task *x = &r->tasks[t];

		u->preds_nr[t] = x->preds_nr;
		u->pool[t] = x->pool;
		u->group[t] = x->context;
		u->max_rate[t] = x->max_rate;
		u->effort[t] = x->effort;
		if (x->kind == TASK_STEP)
			u->share[t] =
				p->steps[(t -
					  r->contexts[x->context].first_task)]
					.share;
		for (size_t k = 0; k < x->preds_nr; k++)
			u->succ_start[x->preds[k] + 1]++;
	}
	for (size_t i = 0; i < p->phase0_nr; i++)
		u->phase0_share[i] = p0 > 0 ? p->phase0[i].days / p0 : 0;
	for (size_t t = 0; t < n; t++)
		u->succ_start[t + 1] += u->succ_start[t];
	u->succ = xcalloc(u->succ_start[n] + 1, sizeof(size_t));
	count = xcalloc(n + 1, sizeof(size_t));
	for (size_t t = 0; t < n; t++)
		for (size_t k = 0; k < r->tasks[t].preds_nr; k++) {
			size_t pr = r->tasks[t].preds[k];

			u->succ[u->succ_start[pr] + count[pr]++] = t;
		}
	free(count);
	/* critical path priority: longest chain to the end at full speed */
	order = topo_order(r, u->succ_start, u->succ);
	for (size_t i = n; i-- > 0;) {
		struct roadmap_task *x = &r->tasks[order[i]];
		double best = 0;

		for (size_t k = u->succ_start[order[i]];
		     k < u->succ_start[order[i] + 1]; k++)
			if (r->tasks[u->succ[k]].priority_cp > best)
				best = r->tasks[u->succ[k]].priority_cp;
		x->priority_cp = x->effort / x->max_rate + best;
	}
	rank = xcalloc(n + 1, sizeof(long));
	for (size_t t = 0; t < n; t++) {
		const struct roadmap_task *x = &r->tasks[t];

		rank[t] = x->kind == TASK_PHASE0 ? 0
			  : x->kind == TASK_DATA ? LONG_MAX
			  : r->contexts[x->context].rank
				  ? r->contexts[x->context].rank
				  : LONG_MAX - 1;
		order[t] = t;
	}
	oc.r = r;
	oc.rank = rank;
	sort_ctx = &oc;
	qsort(order, n, sizeof(*order), task_cmp);
	sort_ctx = NULL;
	for (size_t i = 0; i < n; i++)
		u->pos[order[i]] = i;
	free(order);
	free(rank);
	/* the horizon and the capacity of each working day */
	end = p->cal.start + (calendar_day)(PLAN_HORIZON_YEARS * 365.2425);
	u->s.horizon = calendar_index(&p->cal, end);
	u->capacity = xcalloc(u->s.horizon + 1, sizeof(double));
	for (size_t w = 0; w < u->s.horizon; w++) {
		calendar_day d = calendar_workday(&p->cal, w);

		u->capacity[w] = plan_engineers_on(p, d) * p->focus;
	}
	u->pool_capacity = xcalloc(p->teams_nr + 1, sizeof(double));
	for (size_t i = 0; i < p->teams_nr; i++)
		u->pool_capacity[i] = p->teams[i].engineers * p->focus;
	u->s.nr = n;
	u->s.max_rate = u->max_rate;
	u->s.pool = u->pool;
	u->s.group = u->group;
	u->s.succ_start = u->succ_start;
	u->s.succ = u->succ;
	u->s.preds_nr = u->preds_nr;
	u->s.pos = u->pos;
	u->s.capacity = u->capacity;
	u->s.pool_capacity = u->pool_capacity;
	u->s.pools_nr = p->teams_nr;
	u->s.min_start = p->focus;
}

/* Task efforts of trial t, into effort[]. */
static void trial_efforts(const struct roadmap *r, const struct runner *u,
			  const struct roadmap_input *in, size_t t,
			  double *days, double *effort)
{
	double p0 = in->trial(in->trial_data, t, days);

	for (size_t i = 0; i < r->tasks_nr; i++) {
		const struct roadmap_task *x = &r->tasks[i];

		if (x->kind == TASK_STEP)
			effort[i] = days[x->context] * u->share[i];
		else if (x->kind == TASK_PHASE0 && p0 >= 0 &&
			 !r->plan->set_phase0)
			effort[i] = p0 * u->phase0_share[i];
		else
			effort[i] = x->effort;
	}
}

static void explain_unfinished(struct roadmap *r, const struct runner *u,
			       const struct schedule *o)
{
	char d[16];
	double left = 0;
	long big = -1;

	for (size_t t = 0; t < r->tasks_nr; t++)
		if (o->end[t] >= u->s.horizon)
			left += r->tasks[t].effort;
	calendar_format(d, roadmap_date(r, o->stuck < u->s.horizon
						   ? o->stuck
						   : u->s.horizon - 1));
	if (o->stuck < u->s.horizon &&
	    r->plan->capacity_end_how != PLAN_CAPACITY_ZERO &&
	    r->plan->capacity_end) {
		char how[160];

		note(r,
		     "the declared capacity ends %s (plan.capacity): %.0f "
		     "engineer-days are never scheduled",
		     plan_capacity_end_text(how, sizeof(how), r->plan), left);
		return;
	}
	if (o->stuck < u->s.horizon) {
		note(r,
		     "capacity is 0 from %s on (plan.capacity): %.0f "
		     "engineer-days are never scheduled",
		     d, left);
		return;
	}
	for (size_t c = 0; c < r->nr; c++)
		if (big < 0 || r->contexts[c].p50 > r->contexts[big].p50)
			big = (long)c;
	note(r,
	     "the schedule does not end within %d years (by %s): %.0f "
	     "engineer-days left%s%s%s",
	     PLAN_HORIZON_YEARS, d, left,
	     big >= 0 ? "; the largest context '" : "",
	     big >= 0 ? r->contexts[big].name : "", big >= 0 ? "'" : "");
}

/* Stretches of days with work waiting and nobody to do it. */
static void explain_waits(struct roadmap *r, const struct runner *u,
			  size_t days)
{
	size_t w = 0;

	while (w < days && w < u->s.horizon) {
		size_t from;
		char a[16], b[16];

		if (u->capacity[w] > 0) {
			w++;
			continue;
		}
		from = w;
		while (w < days && w < u->s.horizon && u->capacity[w] <= 0)
			w++;
		note(r,
		     "no engineers from %s to %s (plan.capacity): the "
		     "schedule waits %zu working days",
		     calendar_format(a, roadmap_date(r, from)),
		     calendar_format(b, roadmap_date(r, w - 1)), w - from);
	}
}

/*
 * The working days a run used: up to its last task's end, or, when the
 * declared capacity ended first, up to where it stopped (partly done
 * tasks count too). A run that went on to the horizon keeps its last
 * task's end, so that its weekly series stays short.
 */
static size_t run_days(const struct schedule *o, const struct runner *u)
{
	if (!o->finished && o->stuck < u->s.horizon && o->stuck > o->days)
		return o->stuck;
	return o->days;
}

static void utilisation(struct roadmap *r, const struct runner *u,
			const struct schedule *o)
{
	size_t alloc = 0;
	long cur_y = -1, cur_m = -1;

	for (size_t w = 0; w < run_days(o, u) && w < u->s.horizon; w++) {
		char d[16];
		long y, m;
		struct roadmap_month *mo;

		calendar_format(d, roadmap_date(r, w));
		y = strtol(d, NULL, 10);
		m = strtol(d + 5, NULL, 10);
		if (y != cur_y || m != cur_m) {
			ALLOC_GROW(r->months, r->months_nr + 1, alloc);
			mo = &r->months[r->months_nr++];
			d[8] = '0';
			d[9] = '1';
			calendar_parse(&mo->first, d);
			mo->capacity = mo->used = 0;
			cur_y = y;
			cur_m = m;
		}
		mo = &r->months[r->months_nr - 1];
		mo->capacity += u->capacity[w];
		for (size_t i = 0; i < r->plan->teams_nr; i++)
			mo->capacity += u->pool_capacity[i];
		mo->used += o->used[w];
	}
}

/* Remaining engineer-days at the end of each week of a run. */
static void weekly_remaining(const struct schedule *o, size_t days,
			     double total, size_t weeks, float *out)
{
	double done = 0;
	size_t w = 0;

	for (size_t k = 0; k < weeks; k++) {
		for (; w < (k + 1) * 5 && w < days; w++)
			done += o->used[w];
		out[k] = (float)(total - done > 0 ? total - done : 0);
	}
}

/* Engineer-days a run left undone. */
static double unscheduled(const struct schedule *o, const struct runner *u,
			  double total)
{
	size_t days = o->finished ? o->days : o->stuck;
	double done = 0;

	for (size_t w = 0; w < days && w < u->s.horizon; w++)
		done += o->used[w];
	return total - done > 0 ? total - done : 0;
}

/* Buckets of a week's histogram: a non-negative float's top 12 bits. */
#define HIST_SHIFT 19
#define HIST_NR (1u << (31 - HIST_SHIFT))

static uint32_t float_bucket(float f)
{
	uint32_t bits;

	memcpy(&bits, &f, sizeof(bits));
	return bits >> HIST_SHIFT;
}

/*
 * The P50, P10 and P90 of one week's remaining efforts v[0..n), into
 * out[0..3). Non-negative floats order as their bits do, so a histogram
 * of the top bits (exponent and 4 bits of mantissa, hist[HIST_NR]) finds
 * the bucket of each rank in one pass; a second gathers those buckets
 * into tmp[n], where a selection on a few dozen values finishes:
 * exactly the sorted trials' ranks, for a fraction of three selections
 * over all of them. v is reordered.
 */
static void week_ranks(float *v, size_t n, float out[3], uint32_t *hist,
		       float *tmp)
{
	/* ascending, with where each goes in out[] */
	size_t k[3] = { rank_index(n, 0.10), rank_index(n, 0.50),
			rank_index(n, 0.90) };
	static const int slot[3] = { 1, 0, 2 };
	uint32_t b[3];
	size_t below[3], at[3], fill[3], seen = 0;
	int r = 0;

	memset(hist, 0, HIST_NR * sizeof(*hist));
	for (size_t t = 0; t < n; t++) {
		if (!(v[t] >= 0)) {
			/* not what a week holds: select over them all */
			out[2] = select_float(v, n, k[2]);
			out[0] = select_float(v, k[2] + 1, k[1]);
			out[1] = select_float(v, k[1] + 1, k[0]);
			return;
		}
		hist[float_bucket(v[t])]++;
	}
	for (uint32_t i = 0; i < HIST_NR && r < 3; i++) {
		while (r < 3 && k[r] < seen + hist[i]) {
			b[r] = i;
			below[r] = seen;
			r++;
		}
		seen += hist[i];
	}
	/* each distinct bucket once in tmp, ranks sharing one share it */
	for (r = 0, seen = 0; r < 3; r++) {
		if (r && b[r] == b[r - 1]) {
			at[r] = at[r - 1];
			continue;
		}
		at[r] = seen;
		seen += hist[b[r]];
	}
	memcpy(fill, at, sizeof(fill));
	for (size_t t = 0; t < n; t++) {
		uint32_t x = float_bucket(v[t]);

		for (r = 0; r < 3; r++)
			if (x == b[r]) {
				tmp[fill[r]++] = v[t];
				break;
			}
	}
	for (r = 0; r < 3; r++)
		out[slot[r]] =
			select_float(tmp + at[r], hist[b[r]], k[r] - below[r]);
}

/* Trials a worker takes at a time. */
#define TRIAL_BLOCK 16

/* A worker's own: one trial's efforts and schedule. */
struct trial_worker {
	double *days, *effort;
	struct schedule o;
	size_t used_to; /* o.used is 0 from there on */
};

/* What the trials write, each in its own slots; and each worker's. */
struct trials {
	struct roadmap *r;
	const struct runner *u;
	const struct roadmap_input *in;
	size_t nr, last_step;
	uint32_t *ends; /* task-major: ends[task * nr + trial] */
	uint32_t *ms; /* phase-major */
	float **weekly;
	size_t *weeks;
	double *totals, *shorts, *tails;
	char *unfinished;
	/* per worker: one week of every trial, its histogram, a scratch */
	float **v, **tmp;
	uint32_t **hist;
	struct trial_worker *w;
};

static void one_trial(struct trials *tr, struct trial_worker *w, size_t t)
{
	const struct roadmap *r = tr->r;
	const struct runner *u = tr->u;
	struct schedule *o = &w->o;
	size_t n = r->tasks_nr, trials = tr->nr, md[PHASE_NR];
	double total = 0;

	trial_efforts(r, u, tr->in, t, w->days, w->effort);
	scheduler_run(&u->s, w->effort, o);
	/*
	 * A run writes the use of every day before it stopped: only what
	 * an earlier, longer run left after that is cleared
	 */
	if (o->stuck < w->used_to)
		memset(o->used + o->stuck, 0,
		       (w->used_to - o->stuck) * sizeof(*o->used));
	w->used_to = o->stuck;
	tr->unfinished[t] = !o->finished;
	for (size_t i = 0; i < n; i++) {
		tr->ends[i * trials + t] = (uint32_t)o->end[i];
		total += w->effort[i];
	}
	tr->totals[t] = total;
	/* what is left when the profile's last step begins */
	if (tr->last_step) {
		double before = 0;

		for (size_t d = 0; d < tr->last_step && d < o->days; d++)
			before += o->used[d];
		tr->tails[t] = total - before > 0.5 ? total - before : 0;
	}
	if (!o->finished)
		tr->shorts[t] = unscheduled(o, u, total);
	milestone_days(r, o->end, md);
	for (int ph = 0; ph < PHASE_NR; ph++)
		tr->ms[ph * trials + t] = (uint32_t)md[ph];
	tr->weeks[t] = run_days(o, u) / 5 + 1;
	tr->weekly[t] = xcalloc(tr->weeks[t], sizeof(float));
	weekly_remaining(o, run_days(o, u), total, tr->weeks[t], tr->weekly[t]);
}

static void trial_block(void *ctx, size_t block, int worker)
{
	struct trials *tr = ctx;

	for (size_t t = block * TRIAL_BLOCK;
	     t < tr->nr && t < (block + 1) * TRIAL_BLOCK; t++)
		one_trial(tr, &tr->w[worker], t);
}

/* Task i's P90, P85, P50 and P10 end over the trials. */
static void task_ranks(void *ctx, size_t i, int worker)
{
	struct trials *tr = ctx;
	struct roadmap_task *x = &tr->r->tasks[i];
	size_t trials = tr->nr;
	uint32_t *v = tr->ends + i * trials;
	size_t k90 = rank_index(trials, 0.90);
	size_t k85 = rank_index(trials, 0.85);
	size_t k50 = rank_index(trials, 0.50);

	(void)worker;
	/* each lower rank lies among the values up to the higher */
	x->end_p90 = select_u32(v, trials, k90);
	x->end_p85 = select_u32(v, k90 + 1, k85);
	x->end_p50 = select_u32(v, k85 + 1, k50);
	x->end_p10 = select_u32(v, k50 + 1, rank_index(trials, 0.10));
}

/* Week k's ranks of the remaining effort over the trials. */
static void week_of_trials(void *ctx, size_t k, int worker)
{
	struct trials *tr = ctx;
	float *v = tr->v[worker];

	/* what a run left undone stays left: 0 once it finished */
	for (size_t t = 0; t < tr->nr; t++)
		v[t] = tr->weekly[t][k < tr->weeks[t] ? k : tr->weeks[t] - 1];
	week_ranks(v, tr->nr, tr->r->weekly + 3 * k, tr->hist[worker],
		   tr->tmp[worker]);
}

/*
 * The trials, on in->threads threads: each trial draws its efforts from
 * its own counter-based random numbers and has its own slots, so the
 * results do not depend on the threads or the order.
 */
static void monte_carlo(struct roadmap *r, struct runner *u,
			const struct roadmap_input *in)
{
	size_t n = r->tasks_nr, trials = r->trials;
	int threads = in->threads > 1 ? in->threads : 1;
	struct trials tr = { r, u, in, trials };
	uint32_t *ends = tr.ends = xcalloc(trials * n + 1, sizeof(*ends));
	uint32_t *ms = tr.ms = xcalloc(trials * PHASE_NR + 1, sizeof(*ms));
	float **weekly = tr.weekly = xcalloc(trials + 1, sizeof(*weekly));
	size_t *weeks = tr.weeks = xcalloc(trials + 1, sizeof(*weeks));
	size_t unfinished = 0, max_weeks = r->weeks_nr;
	double *totals = tr.totals = xcalloc(trials + 1, sizeof(*totals));
	double *shorts = tr.shorts = xcalloc(trials + 1, sizeof(*shorts));
	double *tails = tr.tails = xcalloc(trials + 1, sizeof(*tails));
	size_t last_step = 0;
	struct estimate_range range;

	/* the working day the open-ended last step of a profile begins */
	if (r->plan->capacity_nr > 1 && !r->plan->capacity_end &&
	    r->plan->capacity[r->plan->capacity_nr - 1].engineers > 0)
		last_step = calendar_index(
			&r->plan->cal,
			r->plan->capacity[r->plan->capacity_nr - 1].from);
	tr.last_step = last_step;
	tr.unfinished = xcalloc(trials + 1, 1);
	if ((size_t)threads > (trials + TRIAL_BLOCK - 1) / TRIAL_BLOCK)
		threads = (int)((trials + TRIAL_BLOCK - 1) / TRIAL_BLOCK);
	if (threads < 1)
		threads = 1;
	tr.w = xcalloc(threads, sizeof(*tr.w));
	for (int i = 0; i < threads; i++) {
		tr.w[i].days = xcalloc(r->nr + 1, sizeof(double));
		tr.w[i].effort = xcalloc(n + 1, sizeof(double));
		schedule_init(&tr.w[i].o, &u->s, 1);
	}
	pool_for((trials + TRIAL_BLOCK - 1) / TRIAL_BLOCK, threads, trial_block,
		 &tr);
	for (int i = 0; i < threads; i++) {
		free(tr.w[i].days);
		free(tr.w[i].effort);
		schedule_release(&tr.w[i].o);
	}
	free(tr.w);
	for (size_t t = 0; t < trials; t++) {
		unfinished += tr.unfinished[t];
		if (weeks[t] > max_weeks)
			max_weeks = weeks[t];
	}
	free(tr.unfinished);
	pool_for(n, threads, task_ranks, &tr);
	for (int ph = 0; ph < PHASE_NR; ph++) {
		uint32_t *v = ms + ph * trials;

		qsort(v, trials, sizeof(*v), cmp_u32);
		r->milestones[ph].p10 = v[rank_index(trials, 0.10)];
		r->milestones[ph].p50 = v[rank_index(trials, 0.50)];
		r->milestones[ph].p85 = v[rank_index(trials, 0.85)];
		r->milestones[ph].p90 = v[rank_index(trials, 0.90)];
	}
	/* what the declared capacity leaves undone, at each rank */
	qsort(shorts, trials, sizeof(*shorts), cmp_double);
	r->milestones[PHASE_ENDGAME].short_p10 =
		shorts[rank_index(trials, 0.10)];
	r->milestones[PHASE_ENDGAME].short_p50 =
		shorts[rank_index(trials, 0.50)];
	r->milestones[PHASE_ENDGAME].short_p90 =
		shorts[rank_index(trials, 0.90)];
	qsort(tails, trials, sizeof(*tails), cmp_double);
	r->tail_p50 = tails[rank_index(trials, 0.50)];
	r->tail_p90 = tails[rank_index(trials, 0.90)];
	r->tail_day = last_step;
	free(tails);
	estimate_range_of(&range, totals, trials);
	r->effort_p10 = range.p10;
	r->effort_p50 = range.p50;
	r->effort_p90 = range.p90;
	free(totals);
	free(shorts);
	r->weeks_nr = max_weeks;
	r->weekly = xcalloc(3 * max_weeks + 1, sizeof(float));
	tr.v = xcalloc(threads, sizeof(*tr.v));
	tr.tmp = xcalloc(threads, sizeof(*tr.tmp));
	tr.hist = xcalloc(threads, sizeof(*tr.hist));
	for (int i = 0; i < threads; i++) {
		tr.v[i] = xcalloc(trials + 1, sizeof(float));
		tr.tmp[i] = xcalloc(trials + 1, sizeof(float));
		tr.hist[i] = xcalloc(HIST_NR, sizeof(uint32_t));
	}
	pool_for(max_weeks, threads, week_of_trials, &tr);
	for (int i = 0; i < threads; i++) {
		free(tr.v[i]);
		free(tr.tmp[i]);
		free(tr.hist[i]);
	}
	free(tr.v);
	free(tr.tmp);
	free(tr.hist);
	for (size_t t = 0; t < trials; t++)
		free(weekly[t]);
	r->weekly_p50 =
		xreallocarray(r->weekly_p50, max_weeks + 1, sizeof(double));
	if (unfinished)
		note(r,
		     "%zu of %zu trials do not finish with the capacity "
		     "declared (plan.capacity): they have no finish date, "
		     "only the engineer-months they lack",
		     unfinished, trials);
	free(weekly);
	free(weeks);
	free(ms);
	free(ends);
}

int roadmap_build(struct roadmap **out, struct plan *plan,
		  const struct roadmap_input *in)
{
	struct roadmap *r = xcalloc(1, sizeof(*r));
	struct runner u;
	struct schedule o;
	size_t md[PHASE_NR];
	int ret = CARVE_EINVALID;
	static const char *const ms_names[] = { "phase 0", "MVE", "finish" };

	memset(&u, 0, sizeof(u));
	memset(&o, 0, sizeof(o));
	r->plan = plan;
	r->source = in->source;
	r->nr = in->nr;
	r->contexts = xcalloc(in->nr + 1, sizeof(*r->contexts));
	for (size_t i = 0; i < in->nr; i++) {
		struct roadmap_context *x = &r->contexts[i];

		x->name = xstrdup(in->contexts[i].name);
		x->p10 = in->contexts[i].p10;
		x->p50 = in->contexts[i].p50;
		x->p90 = in->contexts[i].p90;
		x->loc = in->contexts[i].loc;
		x->rank = in->contexts[i].rank;
		r->total_effort += x->p50;
		if (x->p50 / plan->max_per_context >
		    PLAN_HORIZON_YEARS * 365.2425 * 5 / 7)
			note(r,
			     "context '%s' needs %.0f engineer-days: at "
			     "most %g engineers on it, it alone takes more "
			     "than %d years",
			     x->name, x->p50, plan->max_per_context,
			     PLAN_HORIZON_YEARS);
	}
	break_cycles(r, in);
	if (build_tasks(r, in))
		goto done;
	for (size_t t = 0; t < r->tasks_nr; t++)
		if (r->tasks[t].kind != TASK_STEP)
			r->total_effort += r->tasks[t].effort;
	set_waves(r);
	runner_init(&u, r);
	schedule_init(&o, &u.s, 1);
	scheduler_run(&u.s, u.effort, &o);
	r->finished = o.finished;
	if (!o.finished)
		explain_unfinished(r, &u, &o);
	explain_waits(r, &u, o.finished ? o.days : o.stuck);
	for (size_t t = 0; t < r->tasks_nr; t++) {
		struct roadmap_task *x = &r->tasks[t];

		x->start = o.start[t];
		x->end = o.end[t];
		x->engineers =
			x->end >= x->start && x->end < u.s.horizon
				? x->effort / (double)(x->end - x->start + 1)
				: 0;
		x->end_p50 = x->end_p85 = x->end_p10 = x->end_p90 = x->end;
	}
	for (size_t c = 0; c < r->nr; c++) {
		struct roadmap_context *x = &r->contexts[c];

		x->start = r->tasks[x->first_task].start;
		x->end = r->tasks[x->first_task + x->tasks_nr - 1].end;
		/* mean full-time engineers over its span */
		x->engineers =
			x->end < u.s.horizon && x->end >= x->start
				? x->p50 / (double)(x->end - x->start + 1)
				: 0;
	}
	if (choose_mve(r))
		goto done;
	set_phases(r);
	milestone_days(r, o.end, md);
	for (int ph = 0; ph < PHASE_NR; ph++) {
		r->milestones[ph].name = ms_names[ph];
		r->milestones[ph].day = r->milestones[ph].p50 =
			r->milestones[ph].p85 = r->milestones[ph].p10 =
				r->milestones[ph].p90 = md[ph];
		r->milestones[ph].reached = 0;
	}
	for (size_t t = 0; t < r->tasks_nr; t++)
		r->milestones[r->tasks[t].phase].reached = 1;
	r->milestones[PHASE_MVE].reached |= r->milestones[PHASE_0].reached;
	r->milestones[PHASE_ENDGAME].reached = r->tasks_nr > 0;
	critical_path(r);
	utilisation(r, &u, &o);
	r->weeks_nr = run_days(&o, &u) / 5 + 1;
	r->weekly_p50 = xcalloc(r->weeks_nr + 1, sizeof(double));
	{
		float *tmp = xcalloc(r->weeks_nr + 1, sizeof(float));

		weekly_remaining(&o, run_days(&o, &u), r->total_effort,
				 r->weeks_nr, tmp);
		for (size_t k = 0; k < r->weeks_nr; k++)
			r->weekly_p50[k] = tmp[k];
		free(tmp);
	}
	if (in->trial && in->trials) {
		size_t planned = r->weeks_nr;

		r->trials = in->trials;
		if (r->tasks_nr &&
		    r->trials > ROADMAP_MAX_TRIAL_TASKS / r->tasks_nr) {
			r->trials = ROADMAP_MAX_TRIAL_TASKS / r->tasks_nr;
			if (r->trials < ROADMAP_MIN_TRIALS)
				r->trials = ROADMAP_MIN_TRIALS;
			if (r->trials > in->trials)
				r->trials = in->trials;
			note(r,
			     "%zu tasks: %zu Monte Carlo trials instead of "
			     "%zu",
			     r->tasks_nr, r->trials, in->trials);
		}
		monte_carlo(r, &u, in);
		for (size_t k = planned; k < r->weeks_nr; k++)
			r->weekly_p50[k] = r->weekly_p50[planned - 1];
	} else {
		r->effort_p10 = r->effort_p50 = r->effort_p90 = r->total_effort;
		if (!o.finished)
			r->milestones[PHASE_ENDGAME].short_p10 =
				r->milestones[PHASE_ENDGAME].short_p50 =
					r->milestones[PHASE_ENDGAME].short_p90 =
						unscheduled(&o, &u,
							    r->total_effort);
	}
	/*
	 * One effort model: the estimate's own total over all its trials,
	 * even when fewer are scheduled (the dates' trials are its first)
	 */
	if (in->total_p50 > 0) {
		r->effort_p10 = in->total_p10;
		r->effort_p50 = in->total_p50;
		r->effort_p90 = in->total_p90;
	}
	r->horizon = u.s.horizon;
	for (size_t c = 0; c < r->nr; c++) {
		struct roadmap_context *x = &r->contexts[c];
		const struct roadmap_task *last =
			&r->tasks[x->first_task + x->tasks_nr - 1];

		x->end_p50 = last->end_p50;
		x->end_p85 = last->end_p85;
		x->end_p10 = last->end_p10;
		x->end_p90 = last->end_p90;
	}
	r->weeks = xcalloc(r->weeks_nr + 1, sizeof(*r->weeks));
	for (size_t k = 0; k < r->weeks_nr; k++) {
		struct roadmap_week *w = &r->weeks[k];

		w->date = roadmap_date(r, k * 5 + 4);
		roadmap_remaining(r, w->date, &w->planned, &w->p50, &w->p10,
				  &w->p90);
	}
	*out = r;
	r = NULL;
	ret = 0;
done:
	schedule_release(&o);
	runner_release(&u);
	roadmap_free(r);
	return ret;
}

void roadmap_free(struct roadmap *r)
{
	if (!r)
		return;
	for (size_t t = 0; t < r->tasks_nr; t++) {
		free(r->tasks[t].name);
		free(r->tasks[t].preds);
	}
	free(r->tasks);
	for (size_t c = 0; c < r->nr; c++)
		free(r->contexts[c].name);
	free(r->contexts);
	free(r->deps);
	for (size_t i = 0; i < r->cycles_nr; i++) {
		free(r->cycles[i].contexts);
		free(r->cycles[i].cuts);
	}
	free(r->cycles);
	free(r->critical);
	free(r->months);
	for (size_t i = 0; i < r->notes_nr; i++)
		free(r->notes[i]);
	free(r->notes);
	free(r->weekly);
	free(r->weekly_p50);
	free(r->weeks);
	free(r);
}

void roadmap_remaining(const struct roadmap *r, calendar_day day,
		       double *planned, double *p50, double *p10, double *p90)
{
	struct calendar *cal = &r->plan->cal;
	size_t w, k;

	if (day < cal->start) {
		*planned = *p50 = *p10 = *p90 = r->total_effort;
		return;
	}
	/* the first week ending on or after `day` (a day off belongs to
	 * the week after it), as roadmap_saved_remaining() reads it */
	w = calendar_index(cal, day);
	k = w / 5;
	/* past a run's last week, what it left stays (0 once finished) */
	*planned = r->weekly_p50[k < r->weeks_nr ? k : r->weeks_nr - 1];
	if (!r->trials || !r->weekly) {
		*p50 = *p10 = *p90 = *planned;
		return;
	}
	k = k < r->weeks_nr ? k : r->weeks_nr - 1;
	*p50 = r->weekly[3 * k];
	*p10 = r->weekly[3 * k + 1];
	*p90 = r->weekly[3 * k + 2];
}

static const struct roadmap *order_of;

static int by_start(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	const struct roadmap_context *x = &order_of->contexts[a],
				     *y = &order_of->contexts[b];

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* Contexts by start, then end (the order they are extracted in). */
size_t *roadmap_context_order(const struct roadmap *r)
{
	size_t *order = xcalloc(r->nr + 1, sizeof(*order));

	for (size_t i = 0; i < r->nr; i++)
		order[i] = i;
	order_of = r;
	qsort(order, r->nr, sizeof(*order), by_start);
	order_of = NULL;
	return order;
}
