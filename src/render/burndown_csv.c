/*
 * carve burndown -f csv: one row per sample (RFC 4180, ISO dates).
 */
#include <math.h>

#include "carve/burndown.h"
#include "carve/burndown_csv.h"
#include "carve/csv.h"
#include "carve/xmalloc.h"

static void csv_long(FILE *fp, long n)
{
	if (n >= 0)
		csv_number(fp, (unsigned long long)n);
}

static void csv_fixed(FILE *fp, double v, int decimals)
{
	if (!isnan(v))
		fprintf(fp, "%.*f", decimals, v);
}

void burndown_print_csv(FILE *fp, const struct burndown *b)
{
	static const char *const cols[] = {
		"date",
		"commit",
		"commit_date",
		"tag",
		"legacy_code",
		"new_code",
		"other_code",
		"legacy_files",
		"new_files",
		"scope_added",
		"scope",
		"share_migrated",
		"deps_to_legacy",
		"violations",
		"planned_remaining_days",
		"planned_p10_days",
		"planned_p90_days",
		"planned_legacy_code",
		"ideal_days",
	};
	const struct snapshots *s = b->actual;

	for (size_t c = 0; c < sizeof(cols) / sizeof(*cols); c++) {
		if (c)
			csv_sep(fp);
		csv_text(fp, cols[c]);
	}
	csv_end(fp);
	for (size_t i = 0; i < s->nr; i++) {
		const struct snapshot_point *p = &s->points[i];
		const struct burndown_planned *pl =
			burndown_planned_at(b, p->date);
		char d[16];

		burndown_date(d, sizeof(d), p->date);
		csv_text(fp, d);
		csv_sep(fp);
		csv_text(fp, p->commit);
		csv_sep(fp);
		burndown_date(d, sizeof(d), p->commit_time);
		csv_text(fp, d);
		csv_sep(fp);
		csv_text(fp, p->tag ? p->tag : "");
		for (int k = 0; k < SNAP_CLASSES; k++) {
			csv_sep(fp);
			csv_number(fp, p->sum[k].code);
		}
		csv_sep(fp);
		csv_number(fp, p->sum[SNAP_LEGACY].files);
		csv_sep(fp);
		csv_number(fp, p->sum[SNAP_NEW].files);
		csv_sep(fp);
		csv_number(fp, p->scope_added);
		csv_sep(fp);
		csv_number(fp, burndown_scope(s, i));
		csv_sep(fp);
		csv_fixed(fp, burndown_share(s, i), 4);
		csv_sep(fp);
		csv_long(fp, p->deps_to_legacy);
		csv_sep(fp);
		csv_long(fp, p->violations);
		csv_sep(fp);
		csv_fixed(fp, pl ? pl->remaining_days : NAN, 1);
		csv_sep(fp);
		csv_fixed(fp, pl ? pl->low_days : NAN, 1);
		csv_sep(fp);
		csv_fixed(fp, pl ? pl->high_days : NAN, 1);
		csv_sep(fp);
		csv_fixed(fp, pl ? round(pl->legacy_code) : NAN, 0);
		csv_sep(fp);
		csv_fixed(fp, pl ? pl->ideal : NAN, 1);
		csv_end(fp);
	}
}
