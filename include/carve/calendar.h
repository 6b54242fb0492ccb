/*
 * A working calendar: ISO 8601 dates as day numbers, the working days of
 * the week, and holidays (single days or ranges). The roadmap counts
 * time in working days from its start and prints dates from here.
 */
#ifndef CARVE_CALENDAR_H
#define CARVE_CALENDAR_H

#include <stddef.h>

/* Days since 1970-01-01 (proleptic Gregorian); negative before. */
typedef long calendar_day;

/* A holiday range, both ends included. */
struct calendar_range {
	calendar_day from, to;
};

struct calendar {
	calendar_day start; /* the first day (a working day once set up) */
	unsigned weekdays; /* bit d set: weekday d works (0 Monday) */
	struct calendar_range *holidays; /* sorted, merged */
	size_t holidays_nr, holidays_alloc;
	calendar_day *workdays; /* working day index -> day, grown lazily */
	size_t workdays_nr, workdays_alloc;
};

#define CALENDAR_WEEKDAYS_MON_FRI 0x1fu
#define CALENDAR_INIT                                                \
	{                                                            \
		0, CALENDAR_WEEKDAYS_MON_FRI, NULL, 0, 0, NULL, 0, 0 \
	}

/*
 * Parses an ISO 8601 calendar date "YYYY-MM-DD" (a real date: no
 * 2027-02-30). Returns 0, or CARVE_EINVALID without reporting.
 */
int calendar_parse(calendar_day *out, const char *s);
/*
 * Writes "YYYY-MM-DD" into buf (at least CALENDAR_DATE_SIZE bytes): after
 * year 9999 "+YYYYY-MM-DD" (ISO 8601's expanded years); returns buf.
 */
#define CALENDAR_DATE_SIZE 16
char *calendar_format(char *buf, calendar_day d);
/* 0 Monday .. 6 Sunday. */
int calendar_weekday(calendar_day d);
/* Parses "mon".."sun" (or the full English name); -1 when unknown. */
int calendar_weekday_parse(const char *s);

/*
 * Adds holidays from..to (both included). Returns 1 when the range
 * overlaps one added before (the days are counted once), else 0.
 */
int calendar_add_holiday(struct calendar *c, calendar_day from,
			 calendar_day to);
/* True when d is a working weekday and no holiday. */
int calendar_is_workday(const struct calendar *c, calendar_day d);
/*
 * The date of working day `index` counted from c->start (0: the first
 * working day on or after the start). Working days are cached; the
 * calendar must have at least one working weekday.
 */
calendar_day calendar_workday(struct calendar *c, size_t index);
/*
 * The index of the first working day on or after d (d before the start
 * gives 0).
 */
size_t calendar_index(struct calendar *c, calendar_day d);
void calendar_release(struct calendar *c);

#endif
