/*
 * Unit tests for the working calendar: ISO 8601 parsing (real days
 * only), day numbers checked against GNU date's epoch seconds / 86400,
 * weekdays, merged holiday ranges, working-day indexes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "carve/calendar.h"

static calendar_day day(const char *s)
{
	calendar_day d = 0;

	assert_int_equal(calendar_parse(&d, s), 0);
	return d;
}

static void parses_real_dates_only(void **state)
{
	calendar_day d;
	char buf[16];

	(void)state;
	/* `date -d 2027-01-04 +%s` is 1799020800 = 20822 days */
	assert_int_equal(day("2027-01-04"), 20822);
	assert_int_equal(day("1970-01-01"), 0);
	/* 951782400 / 86400 */
	assert_int_equal(day("2000-02-29"), 11016);
	assert_int_not_equal(calendar_parse(&d, "2027-02-29"), 0);
	assert_int_not_equal(calendar_parse(&d, "1900-02-29"), 0);
	assert_int_not_equal(calendar_parse(&d, "2027/01/04"), 0);
	assert_int_not_equal(calendar_parse(&d, "2027-1-4"), 0);
	assert_int_not_equal(calendar_parse(&d, "2027-13-01"), 0);
	assert_int_not_equal(calendar_parse(&d, "2027-04-31"), 0);
	assert_int_not_equal(calendar_parse(&d, "04-01-2027"), 0);
	assert_int_not_equal(calendar_parse(&d, ""), 0);
	assert_string_equal(calendar_format(buf, day("2028-02-29")),
			    "2028-02-29");
	assert_string_equal(calendar_format(buf, 20822 + 365), "2028-01-04");
}

static void weekdays(void **state)
{
	(void)state;
	/* date +%u: 2027-01-04 is 1 (Monday), 2027-01-01 5, 1970-01-01 4 */
	assert_int_equal(calendar_weekday(day("2027-01-04")), 0);
	assert_int_equal(calendar_weekday(day("2027-01-01")), 4);
	assert_int_equal(calendar_weekday(day("1970-01-01")), 3);
	assert_int_equal(calendar_weekday_parse("sat"), 5);
	assert_int_equal(calendar_weekday_parse("Sunday"), -1);
	assert_int_equal(calendar_weekday_parse("sunday"), 6);
}

static void holidays_merge_and_count_once(void **state)
{
	struct calendar c = CALENDAR_INIT;

	(void)state;
	c.start = day("2027-12-20"); /* a Monday */
	assert_int_equal(calendar_add_holiday(&c, day("2027-12-24"),
					      day("2027-12-31")),
			 0);
	/* overlaps the first: merged */
	assert_int_equal(calendar_add_holiday(&c, day("2027-12-30"),
					      day("2028-01-03")),
			 1);
	assert_int_equal(calendar_add_holiday(&c, day("2027-12-22"),
					      day("2027-12-22")),
			 0);
	assert_int_equal(c.holidays_nr, 2);
	assert_false(calendar_is_workday(&c, day("2027-12-27")));
	assert_true(calendar_is_workday(&c, day("2027-12-23")));
	/* working days: Mon 20, Tue 21, Thu 23, then Tue 2028-01-04 */
	assert_int_equal(calendar_workday(&c, 0), day("2027-12-20"));
	assert_int_equal(calendar_workday(&c, 2), day("2027-12-23"));
	assert_int_equal(calendar_workday(&c, 3), day("2028-01-04"));
	assert_int_equal(calendar_index(&c, day("2027-12-25")), 3);
	assert_int_equal(calendar_index(&c, day("2027-12-21")), 1);
	/* a holiday added later invalidates the cached days */
	calendar_add_holiday(&c, day("2028-01-04"), day("2028-01-04"));
	assert_int_equal(calendar_workday(&c, 3), day("2028-01-05"));
	calendar_release(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_real_dates_only),
		cmocka_unit_test(weekdays),
		cmocka_unit_test(holidays_merge_and_count_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
