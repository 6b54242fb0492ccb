/*
 * Unit tests for the burndown's parts that need no repository: the
 * sample instants, the scope and share, the Monte Carlo forecast on
 * series whose answer is known by hand, and the chart's axis and lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "carve/burndown.h"
#include "carve/chart.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

#define DAY 86400
/* 2024-01-01 00:00 UTC, a Monday */
#define JAN1 1704067200LL

static void weekly_dates_start_on_monday(void **state)
{
	int64_t *d;
	/* Wednesday 2024-01-03 12:00 to Wednesday 2024-12-25 12:00 */
	size_t nr = snapshots_dates(&d, JAN1 + 2 * DAY + 43200,
				    JAN1 + 359 * DAY + 43200, 0, 0,
				    SNAPSHOT_WEEK);

	(void)state;
	/* Mondays 2024-01-08 .. 2024-12-30: the first past the last commit */
	assert_int_equal(nr, 52);
	assert_int_equal(d[0], JAN1 + 7 * DAY);
	assert_int_equal(d[51], JAN1 + 364 * DAY);
	free(d);
}

static void daily_dates_start_on_the_day(void **state)
{
	int64_t *d;
	size_t nr = snapshots_dates(&d, JAN1 + 2 * DAY + 43200,
				    JAN1 + 4 * DAY + 3600, 0, 0, DAY);

	(void)state;
	/* 01-04, 01-05 (the first after 01-05 01:00 is 01-06) */
	assert_int_equal(nr, 3);
	assert_int_equal(d[0], JAN1 + 3 * DAY);
	assert_int_equal(d[2], JAN1 + 5 * DAY);
	free(d);
}

static void since_before_the_first_commit(void **state)
{
	int64_t *d;
	/* since Thursday 2023-12-28: from Monday 2023-12-25 */
	size_t nr = snapshots_dates(&d, JAN1 + 2 * DAY, JAN1 + 9 * DAY,
				    JAN1 - 4 * DAY, 0, SNAPSHOT_WEEK);

	(void)state;
	assert_int_equal(nr, 3); /* 01-01, 01-08, 01-15 */
	assert_int_equal(d[0], JAN1);
	free(d);
}

/* weekly points with these legacy (and scope added) values */
static struct snapshots *series(const uint64_t *legacy, const uint64_t *added,
				size_t nr, size_t start)
{
	struct snapshots *s = xcalloc(1, sizeof(*s));

	s->points = xcalloc(nr, sizeof(*s->points));
	s->nr = nr;
	for (size_t i = 0; i < nr; i++) {
		s->points[i].date = JAN1 + (int64_t)i * 7 * DAY;
		s->points[i].sum[SNAP_LEGACY].code = legacy[i];
		s->points[i].scope_added = added ? added[i] : 0;
	}
	s->start = s->points[start].date;
	return s;
}

static void steady_burn_finishes_on_a_known_date(void **state)
{
	static const uint64_t legacy[] = { 100, 90, 80, 70 };
	struct snapshots *s = series(legacy, NULL, 4, 0);
	struct burndown_forecast f;

	(void)state;
	burndown_forecast(&f, s, 1000, 1);
	/* every interval burns 10: 70 left take exactly 7 more weeks */
	assert_true(f.ok);
	assert_int_equal(f.steps, 3);
	assert_int_equal(f.remaining, 70);
	assert_int_equal(f.p50, s->points[3].date + 7 * 7 * DAY);
	assert_int_equal(f.p10, f.p50);
	assert_int_equal(f.p90, f.p50);
	assert_true(fabs(f.burn_per_week - 10) < 1e-9);
	snapshots_free(s);
}

static void uneven_burns_spread_the_dates(void **state)
{
	/* burns 20, 20, 0, 20: 20 left take one draw with p = 3/4 */
	static const uint64_t legacy[] = { 80, 60, 40, 40, 20 };
	struct snapshots *s = series(legacy, NULL, 5, 0);
	struct burndown_forecast a, b;

	(void)state;
	burndown_forecast(&a, s, 2000, 1);
	burndown_forecast(&b, s, 2000, 2);
	assert_true(a.ok);
	/*
	 * done within one week: 75% of trials (>= 10% and 50%, < 90%);
	 * within two: 1 - 1/16 = 93.75% (>= 90%), whatever the seed
	 */
	assert_int_equal(a.p10, s->points[4].date + 7 * DAY);
	assert_int_equal(a.p50, s->points[4].date + 7 * DAY);
	assert_int_equal(a.p90, s->points[4].date + 2 * 7 * DAY);
	assert_int_equal(a.p50, b.p50);
	assert_int_equal(a.p90, b.p90);
	snapshots_free(s);
}

static void no_forecast_without_progress(void **state)
{
	static const uint64_t grows[] = { 100, 100, 110 };
	static const uint64_t short_[] = { 100, 90 };
	struct snapshots *s = series(grows, NULL, 3, 0);
	struct burndown_forecast f;

	(void)state;
	burndown_forecast(&f, s, 100, 1);
	assert_false(f.ok);
	assert_non_null(strstr(f.why_not, "did not shrink"));
	snapshots_free(s);
	s = series(short_, NULL, 2, 0);
	burndown_forecast(&f, s, 100, 1);
	assert_false(f.ok);
	assert_non_null(strstr(f.why_not, "fewer than two"));
	snapshots_free(s);
}

static void nothing_left_is_done(void **state)
{
	static const uint64_t legacy[] = { 100, 0 };
	struct snapshots *s = series(legacy, NULL, 2, 0);
	struct burndown_forecast f;

	(void)state;
	burndown_forecast(&f, s, 100, 1);
	assert_true(f.ok);
	assert_int_equal(f.p50, s->points[1].date);
	snapshots_free(s);
}

static void scope_and_share(void **state)
{
	/* start at point 1 (legacy 1,000); 200 added by point 3 */
	static const uint64_t legacy[] = { 1000, 1000, 900, 600 };
	static const uint64_t added[] = { 0, 0, 100, 200 };
	struct snapshots *s = series(legacy, added, 4, 1);

	(void)state;
	assert_int_equal(burndown_base(s), 1000);
	assert_int_equal(burndown_scope(s, 0), 1000); /* before: itself */
	assert_int_equal(burndown_scope(s, 3), 1200);
	/* nothing on the new side: 0% whatever legacy did (churn) */
	assert_true(burndown_share(s, 3) == 0);
	assert_true(burndown_share(s, 0) == 0);
	/* new / (legacy + new): 200 / (600 + 200); the 200 lines added to
	 * legacy are scope growth and do not lower it */
	s->points[3].sum[SNAP_NEW].code = 200;
	assert_true(fabs(burndown_share(s, 3) - 0.25) < 1e-12);
	/* all moved */
	s->points[3].sum[SNAP_LEGACY].code = 0;
	assert_true(burndown_share(s, 3) == 1);
	snapshots_free(s);
}

static void nice_steps(void **state)
{
	(void)state;
	/* 2,550 / 6 = 425: steps of 100 give 26 ticks, 200 13, 500 6 */
	assert_true(chart_nice_step(2550, 6) == 500);
	assert_true(chart_nice_step(9, 6) == 2);
	assert_true(chart_nice_step(600000, 6) == 100000);
	assert_true(chart_nice_step(0, 6) == 1);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

static void chart_lines_gaps_and_markers(void **state)
{
	int64_t x[] = { JAN1, JAN1 + 30 * DAY, JAN1 + 60 * DAY,
			JAN1 + 90 * DAY };
	double y[] = { 100, NAN, 50, 40 };
	double lo[] = { 90, 80, 40, 30 }, hi[] = { 110, 100, 60, 50 };
	struct chart_series s[2] = {
		{ "a <b>", "#000000", x, y, NULL, NULL, 4, 0 },
		{ "plan", "#0000ff", x, y, lo, hi, 4, 1 },
	};
	struct chart_marker m = { JAN1 + 45 * DAY, "today", "#ff0000", 0 };
	struct chart c = { "T & co", NULL, "code lines", 0, 0, s, 2, &m, 1 };
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	chart_svg(&sb, &c);
	/* the gap splits each line in two: four polylines */
	assert_int_equal(count(sb.buf, "<polyline"), 4);
	assert_int_equal(count(sb.buf, "<polygon"), 1);
	assert_int_equal(count(sb.buf, "stroke-dasharray=\"8 5\""), 3);
	assert_non_null(strstr(sb.buf, "T &amp; co"));
	assert_non_null(strstr(sb.buf, "a &lt;b&gt;"));
	assert_non_null(strstr(sb.buf, ">today<"));
	assert_non_null(strstr(sb.buf, "width=\"1200\" height=\"600\""));
	/* month ticks from 2024-01 to 2024-03 */
	assert_non_null(strstr(sb.buf, ">2024-02<"));
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(weekly_dates_start_on_monday),
		cmocka_unit_test(daily_dates_start_on_the_day),
		cmocka_unit_test(since_before_the_first_commit),
		cmocka_unit_test(steady_burn_finishes_on_a_known_date),
		cmocka_unit_test(uneven_burns_spread_the_dates),
		cmocka_unit_test(no_forecast_without_progress),
		cmocka_unit_test(nothing_left_is_done),
		cmocka_unit_test(scope_and_share),
		cmocka_unit_test(nice_steps),
		cmocka_unit_test(chart_lines_gaps_and_markers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
