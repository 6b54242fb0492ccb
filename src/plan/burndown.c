/*
 * The burndown's arithmetic: the scope line (legacy code at the start
 * plus what was added to it since), the share migrated, and the Monte
 * Carlo forecast of the completion date from the observed weekly burns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "carve/burndown.h"
#include "carve/splitmix.h"
#include "carve/xmalloc.h"

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

void burndown_forecast(struct burndown_forecast *f, const struct snapshots *s,
		       size_t trials, uint64_t seed)
{
	int64_t *burn, *dur, *done;
	size_t n = 0, first = burndown_start_index(s);
	int64_t total = 0, span = 0, last;
	uint64_t state = seed;

	memset(f, 0, sizeof(*f));
	f->seed = seed;
	f->trials = trials;
	if (!s->nr) {
		f->why_not = "no samples";
		return;
	}
	f->remaining = s->points[s->nr - 1].sum[SNAP_LEGACY].code;
	last = s->points[s->nr - 1].date;
	burn = xcalloc(s->nr + 1, sizeof(*burn));
	dur = xcalloc(s->nr + 1, sizeof(*dur));
	for (size_t i = first + 1; i < s->nr; i++) {
		burn[n] = (int64_t)s->points[i - 1].sum[SNAP_LEGACY].code -
			  (int64_t)s->points[i].sum[SNAP_LEGACY].code;
		dur[n] = s->points[i].date - s->points[i - 1].date;
		total += burn[n];
		span += dur[n];
		n++;
	}
	f->steps = n;
	if (span > 0)
		f->burn_per_week = (double)total * (7 * 86400) / (double)span;
	if (!f->remaining) {
		f->ok = 1;
		f->p10 = f->p50 = f->p90 = last; /* nothing left */
		goto out;
	}
	if (n < 2) {
		f->why_not = "fewer than two intervals since the migration "
			     "start";
		goto out;
	}
	if (total <= 0) {
		f->why_not = "the legacy code did not shrink over the "
			     "intervals observed";
		goto out;
	}
	done = xmalloc((trials + 1) * sizeof(*done));
	for (size_t t = 0; t < trials; t++) {
		int64_t left = (int64_t)f->remaining, time = 0;

		while (left > 0 && time < BURNDOWN_HORIZON) {
			size_t k = (size_t)(splitmix64_next(&state) % n);

			left -= burn[k];
			time += dur[k];
		}
		if (left > 0) {
			f->unfinished++;
			time = INT64_MAX;
		}
		done[t] = time;
	}
	qsort(done, trials, sizeof(*done), cmp_i64);
	/* the smallest time reached by at least that share of trials */
	{
		int64_t p10 = done[(trials * 10 + 99) / 100 - 1];
		int64_t p50 = done[(trials * 50 + 99) / 100 - 1];
		int64_t p90 = done[(trials * 90 + 99) / 100 - 1];

		if (p90 == INT64_MAX) {
			f->why_not = "more than 10% of the trials do not "
				     "finish within 20 years";
		} else {
			f->ok = 1;
			f->p10 = last + p10;
			f->p50 = last + p50;
			f->p90 = last + p90;
		}
	}
	free(done);
out:
	free(burn);
	free(dur);
}

void burndown_compare(struct burndown *b)
{
	b->slips = b->forecast.ok && b->planned_p50 &&
		   b->forecast.p50 > b->planned_p50;
}

void burndown_free(struct burndown *b)
{
	if (!b)
		return;
	snapshots_free(b->actual);
	glob_list_release(&b->legacy);
	glob_list_release(&b->new_paths);
	free(b->planned);
	for (size_t i = 0; i < b->milestones_nr; i++)
		free(b->milestones[i].name);
	free(b->milestones);
	free(b);
}
