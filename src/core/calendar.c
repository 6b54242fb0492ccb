/*
 * Working calendar: civil dates to day numbers and back (Howard
 * Hinnant's days_from_civil algorithm), weekdays, merged holiday ranges,
 * and a lazily grown table of working days for index <-> date lookups.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/calendar.h"
#include "carve/error.h"
#include "carve/xmalloc.h"

static calendar_day days_from_civil(long y, unsigned m, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(calendar_day z, long *y, unsigned *m, unsigned *d)
{
	long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (long)yoe + era * 400 + (*m <= 2);
}

static int is_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int calendar_parse(calendar_day *out, const char *s)
{
	static const unsigned mdays[] = { 31, 29, 31, 30, 31, 30,
					  31, 31, 30, 31, 30, 31 };
	long y;
	unsigned m, d;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    !is_digits(s, 4) || !is_digits(s + 5, 2) || !is_digits(s + 8, 2))
		return CARVE_EINVALID;
	y = strtol(s, NULL, 10);
	m = (unsigned)strtoul(s + 5, NULL, 10);
	d = (unsigned)strtoul(s + 8, NULL, 10);
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return CARVE_EINVALID;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 || y % 400 == 0)))
		return CARVE_EINVALID;
	*out = days_from_civil(y, m, d);
	return 0;
}

char *calendar_format(char *buf, calendar_day day)
{
	char tmp[48];
	long y;
	unsigned m, d;

	civil_from_days(day, &y, &m, &d);
	/* past 9999, ISO 8601's expanded form: "+10000-01-01", never cut */
	if (y > 99999999 || y < -9999999)
		snprintf(tmp, sizeof(tmp), "%s",
			 y > 0 ? "+99999999-12-31" : "-9999999-01-01");
	else if (y > 9999)
		snprintf(tmp, sizeof(tmp), "+%ld-%02u-%02u", y, m, d);
	else
		snprintf(tmp, sizeof(tmp), "%04ld-%02u-%02u", y, m, d);
	memcpy(buf, tmp, strlen(tmp) + 1);
	return buf;
}

int calendar_weekday(calendar_day d)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0) */
	long w = (d + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

int calendar_weekday_parse(const char *s)
{
	static const char *const names[] = { "monday",	 "tuesday", "wednesday",
					     "thursday", "friday",  "saturday",
					     "sunday" };

	for (int i = 0; i < 7; i++)
		if (!strcmp(s, names[i]) ||
		    (strlen(s) == 3 && !strncmp(s, names[i], 3)))
			return i;
	return -1;
}

int calendar_add_holiday(struct calendar *c, calendar_day from, calendar_day to)
{
	size_t i = 0, j;
	int overlap = 0;

	if (to < from)
		BUG("holiday range ends before it starts");
	/* keep ranges sorted and disjoint: merge every range touching it */
	while (i < c->holidays_nr && c->holidays[i].to < from)
		i++;
	for (j = i; j < c->holidays_nr && c->holidays[j].from <= to; j++) {
		overlap = 1;
		if (c->holidays[j].from < from)
			from = c->holidays[j].from;
		if (c->holidays[j].to > to)
			to = c->holidays[j].to;
	}
	if (j == i) {
		ALLOC_GROW(c->holidays, c->holidays_nr + 1, c->holidays_alloc);
		memmove(c->holidays + i + 1, c->holidays + i,
			(c->holidays_nr - i) * sizeof(*c->holidays));
		c->holidays_nr++;
	} else if (j > i + 1) {
		memmove(c->holidays + i + 1, c->holidays + j,
			(c->holidays_nr - j) * sizeof(*c->holidays));
		c->holidays_nr -= j - i - 1;
	}
	c->holidays[i].from = from;
	c->holidays[i].to = to;
	c->workdays_nr = 0; /* the table is stale */
	return overlap;
}

int calendar_is_workday(const struct calendar *c, calendar_day d)
{
	size_t lo = 0, hi = c->holidays_nr;

	if (!(c->weekdays & (1u << calendar_weekday(d))))
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->holidays[mid].to < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return !(lo < c->holidays_nr && c->holidays[lo].from <= d);
}

static void grow_to(struct calendar *c, size_t index)
{
	calendar_day d;

	if (!(c->weekdays & 0x7fu))
		BUG("a calendar without working weekdays");
	d = c->workdays_nr ? c->workdays[c->workdays_nr - 1] + 1 : c->start;
	while (c->workdays_nr <= index) {
		while (!calendar_is_workday(c, d))
			d++;
		ALLOC_GROW(c->workdays, c->workdays_nr + 1, c->workdays_alloc);
		c->workdays[c->workdays_nr++] = d++;
	}
}

calendar_day calendar_workday(struct calendar *c, size_t index)
{
	if (index >= c->workdays_nr)
		grow_to(c, index);
	return c->workdays[index];
}

size_t calendar_index(struct calendar *c, calendar_day d)
{
	size_t lo = 0, hi;

	if (d <= c->start)
		return 0;
	while (calendar_workday(c, c->workdays_nr ? c->workdays_nr - 1 : 0) < d)
		grow_to(c, c->workdays_nr * 2 + 16);
	hi = c->workdays_nr;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->workdays[mid] < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void calendar_release(struct calendar *c)
{
	if (!c)
		return;
	free(c->holidays);
	free(c->workdays);
	c->holidays = NULL;
	c->workdays = NULL;
	c->holidays_nr = c->holidays_alloc = 0;
	c->workdays_nr = c->workdays_alloc = 0;
}
