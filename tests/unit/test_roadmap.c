/*
 * Unit tests for the list scheduler and the roadmap built on it, on
 * cases small enough to work out by hand (in the comments).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "carve/plan.h"
#include "carve/roadmap.h"
#include "carve/scheduler.h"

#define HORIZON 100

struct fixture {
	double max_rate[4], capacity[HORIZON];
	long pool[4], group[4];
	size_t succ_start[5], succ[4], preds_nr[4], pos[4];
	struct scheduler s;
};

/* n tasks, no dependencies, capacity `cap` every day, priority 0, 1.. */
static void setup(struct fixture *f, size_t n, double cap, double max)
{
	memset(f, 0, sizeof(*f));
	for (size_t t = 0; t < n; t++) {
		f->max_rate[t] = max;
		f->pool[t] = -1;
		f->group[t] = (long)t;
		f->pos[t] = t;
	}
	for (size_t w = 0; w < HORIZON; w++)
		f->capacity[w] = cap;
	f->s.nr = n;
	f->s.max_rate = f->max_rate;
	f->s.pool = f->pool;
	f->s.group = f->group;
	f->s.succ_start = f->succ_start;
	f->s.succ = f->succ;
	f->s.preds_nr = f->preds_nr;
	f->s.pos = f->pos;
	f->s.capacity = f->capacity;
	f->s.horizon = HORIZON;
	f->s.min_start = 1;
}

static void priority_then_capacity(void **state)
{
	struct fixture f;
	struct schedule o;
	double effort[2] = { 10, 10 };

	(void)state;
	/* one engineer: task 0 (first in priority) days 0-9, then 1 */
	setup(&f, 2, 1, 4);
	schedule_init(&o, &f.s, 1);
	scheduler_run(&f.s, effort, &o);
	assert_true(o.finished);
	assert_int_equal(o.start[0], 0);
	assert_int_equal(o.end[0], 9);
	assert_int_equal(o.start[1], 10);
	assert_int_equal(o.end[1], 19);
	assert_int_equal(o.days, 20);
	schedule_release(&o);
	/* four engineers, at most 2 each: both at once, 5 days */
	setup(&f, 2, 4, 2);
	schedule_init(&o, &f.s, 1);
	scheduler_run(&f.s, effort, &o);
	assert_int_equal(o.end[0], 4);
	assert_int_equal(o.end[1], 4);
	assert_true(o.used[0] > 3.999 && o.used[0] < 4.001);
	schedule_release(&o);
}

static void dependency_and_same_day_steps(void **state)
{
	struct fixture f;
	struct schedule o;
	/* 0 -> 1 in one group (steps of a context); 2 alone after 0 */
	double effort[3] = { 3, 4, 2 };

	(void)state;
	setup(&f, 3, 2, 2);
	f.group[1] = 0;
	f.preds_nr[1] = f.preds_nr[2] = 1;
	f.succ_start[1] = 2; /* task 0: successors 1 and 2 */
	f.succ_start[2] = 2;
	f.succ_start[3] = 2;
	f.succ[0] = 1;
	f.succ[1] = 2;
	schedule_init(&o, &f.s, 0);
	scheduler_run(&f.s, effort, &o);
	/* day 0: 2 on task 0 (1 left); day 1: 1 ends task 0 and the other
	 * engineer goes on with task 1 at once (same group): 1 done, 3
	 * left; day 2: 2 -> 1 left; day 3: task 1 ends with 1, and the
	 * engineer it frees starts new work only tomorrow. Task 2 (ready
	 * since day 2, but nobody free) takes both on day 4 and ends */
	assert_int_equal(o.end[0], 1);
	assert_int_equal(o.start[1], 1);
	assert_int_equal(o.end[1], 3);
	assert_int_equal(o.start[2], 4);
	assert_int_equal(o.end[2], 4);
	schedule_release(&o);
}

static void zero_capacity_waits_or_stops(void **state)
{
	struct fixture f;
	struct schedule o;
	double effort[1] = { 4 };

	(void)state;
	setup(&f, 1, 1, 1);
	/* nobody on days 2-5: 2 days of work, a wait, 2 more */
	for (size_t w = 2; w < 6; w++)
		f.capacity[w] = 0;
	schedule_init(&o, &f.s, 0);
	scheduler_run(&f.s, effort, &o);
	assert_true(o.finished);
	assert_int_equal(o.end[0], 7);
	schedule_release(&o);
	/* nobody from day 2 on, for good: it stops there */
	for (size_t w = 2; w < HORIZON; w++)
		f.capacity[w] = 0;
	schedule_init(&o, &f.s, 0);
	scheduler_run(&f.s, effort, &o);
	assert_false(o.finished);
	assert_int_equal(o.stuck, 2);
	assert_int_equal(o.end[0], HORIZON);
	schedule_release(&o);
}

/* Written to JSON and read back, the weekly series says the same. */
static void saved_agrees(const struct roadmap *r, calendar_day mon)
{
	cJSON *root = cJSON_CreateObject();
	struct roadmap_saved *s = NULL;

	roadmap_json_add(root, r);
	assert_int_equal(
		roadmap_saved_load(&s, cJSON_GetObjectItem(root, "roadmap"),
				   "test"),
		0);
	assert_int_equal(s->weeks_nr, r->weeks_nr);
	assert_int_equal(s->milestones_nr, 3);
	assert_int_equal(s->start, mon);
	for (calendar_day d = mon - 3; d < mon + 200; d += 3) {
		double a[4], b[4];

		roadmap_remaining(r, d, &a[0], &a[1], &a[2], &a[3]);
		roadmap_saved_remaining(s, d, &b[0], &b[1], &b[2], &b[3]);
		for (int i = 0; i < 4; i++)
			assert_true(a[i] - b[i] < 0.006 && b[i] - a[i] < 0.006);
	}
	roadmap_saved_free(s);
	cJSON_Delete(root);
}

static void roadmap_cycles_waves_remaining(void **state)
{
	struct plan p;
	struct roadmap *r = NULL;
	struct roadmap_context_in c[3] = {
		{ "a", 10, 10, 10, 0, 1 },
		{ "b", 10, 10, 10, 0, 2 },
		{ "c", 20, 20, 20, 0, 3 },
	};
	/* a <-> b (a cycle), c after b */
	struct roadmap_dep d[3] = { { 0, 1, 5 }, { 1, 0, 7 }, { 2, 1, 1 } };
	struct roadmap_input in = { 0 };
	double planned, p50, p10, p90;
	calendar_day mon;

	(void)state;
	calendar_parse(&mon, "2027-01-04");
	assert_int_equal(plan_load(&p, NULL, mon), 0);
	in.contexts = c;
	in.nr = 3;
	in.deps = d;
	in.deps_nr = 3;
	in.phase0_p50 = -1;
	assert_int_equal(roadmap_build(&r, &p, &in), 0);
	/* a ranks first, so its need of b (a -> b) is cut */
	assert_int_equal(r->cycles_nr, 1);
	assert_int_equal(r->cycles[0].cuts_nr, 1);
	assert_int_equal(r->cycles[0].cuts[0].from, 0);
	assert_int_equal(r->cycles[0].cuts[0].to, 1);
	/* waves: a 1, b 2 (after a), c 3 (after b) */
	assert_int_equal(r->contexts[0].wave, 1);
	assert_int_equal(r->contexts[1].wave, 2);
	assert_int_equal(r->contexts[2].wave, 3);
	assert_true(r->contexts[1].start > r->contexts[0].end);
	assert_true(r->finished);
	/* default phase 0 is 170 engineer-days: total 210 */
	assert_true(r->total_effort > 209.99 && r->total_effort < 210.01);
	roadmap_remaining(r, mon - 1, &planned, &p50, &p10, &p90);
	assert_true(planned > 209.99 && p90 > 209.99);
	roadmap_remaining(r, mon + 3650, &planned, &p50, &p10, &p90);
	assert_true(planned < 1e-6 && p50 < 1e-6);
	saved_agrees(r, mon);
	roadmap_free(r);
	plan_release(&p);
}

static void roadmap_two_cycles(void **state)
{
	struct plan p;
	struct roadmap *r = NULL;
	struct roadmap_context_in c[5] = {
		{ "a", 10, 10, 10, 0, 1 }, { "b", 10, 10, 10, 0, 2 },
		{ "c", 10, 10, 10, 0, 3 }, { "d", 10, 10, 10, 0, 4 },
		{ "e", 10, 10, 10, 0, 5 },
	};
	/* b <-> d is declared first, a <-> e second; c needs b, on no cycle */
	struct roadmap_dep d[5] = {
		{ 3, 1, 1 }, { 1, 3, 1 }, { 4, 0, 1 }, { 0, 4, 1 }, { 2, 1, 1 },
	};
	struct roadmap_input in = { 0 };
	calendar_day mon;

	(void)state;
	calendar_parse(&mon, "2027-01-04");
	assert_int_equal(plan_load(&p, NULL, mon), 0);
	in.contexts = c;
	in.nr = 5;
	in.deps = d;
	in.deps_nr = 5;
	in.phase0_p50 = -1;
	assert_int_equal(roadmap_build(&r, &p, &in), 0);
	/* cycles come in the order of their first context: {a, e}, {b, d} */
	assert_int_equal(r->cycles_nr, 2);
	assert_int_equal(r->cycles[0].nr, 2);
	assert_int_equal(r->cycles[0].contexts[0], 0);
	assert_int_equal(r->cycles[0].contexts[1], 4);
	assert_int_equal(r->cycles[1].nr, 2);
	assert_int_equal(r->cycles[1].contexts[0], 1);
	assert_int_equal(r->cycles[1].contexts[1], 3);
	assert_int_equal(r->contexts[2].cycle, -1);
	assert_int_equal(r->contexts[4].cycle, 0);
	assert_int_equal(r->contexts[3].cycle, 1);
	/* the higher-ranked member of each goes first: a -> e, b -> d cut */
	assert_int_equal(r->cycles[0].cuts_nr, 1);
	assert_int_equal(r->cycles[0].cuts[0].from, 0);
	assert_int_equal(r->cycles[0].cuts[0].to, 4);
	assert_int_equal(r->cycles[1].cuts_nr, 1);
	assert_int_equal(r->cycles[1].cuts[0].from, 1);
	assert_int_equal(r->cycles[1].cuts[0].to, 3);
	roadmap_free(r);
	plan_release(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(priority_then_capacity),
		cmocka_unit_test(dependency_and_same_day_steps),
		cmocka_unit_test(zero_capacity_waits_or_stops),
		cmocka_unit_test(roadmap_cycles_waves_remaining),
		cmocka_unit_test(roadmap_two_cycles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
