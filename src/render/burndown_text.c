/*
 * carve burndown's text: the samples as a table with a sparkline of the
 * legacy code, the plan beside them, the forecast, and the assumptions.
 */
#include <string.h>

#include "carve/assumptions_text.h"
#include "carve/burndown.h"
#include "carve/burndown_text.h"
#include "carve/model.h"
#include "carve/plan.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/table.h"
#include "carve/xmalloc.h"

static void thousands(struct strbuf *sb, unsigned long long n)
{
	strbuf_setlen(sb, 0);
	strbuf_add_thousands(sb, n);
}

static const char *count_or_dash(char *buf, size_t size, long n)
{
	if (n < 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%ld", n);
	return buf;
}

/* Eight levels of U+2581..U+2588, one per sample (at most 64). */
static void sparkline(FILE *fp, const struct snapshots *s)
{
	static const char *const bars[] = { "\u2581", "\u2582", "\u2583",
					    "\u2584", "\u2585", "\u2586",
					    "\u2587", "\u2588" };
	size_t width = s->nr < 64 ? s->nr : 64;
	uint64_t max = 0;

	for (size_t i = 0; i < s->nr; i++)
		if (s->points[i].sum[SNAP_LEGACY].code > max)
			max = s->points[i].sum[SNAP_LEGACY].code;
	fputs("legacy  ", fp);
	for (size_t k = 0; k < width; k++) {
		size_t i = width > 1 ? k * (s->nr - 1) / (width - 1) : 0;
		uint64_t v = s->points[i].sum[SNAP_LEGACY].code;

		fputs(bars[max ? (size_t)(v * 7 / max) : 0], fp);
	}
	fputc('\n', fp);
}

/* The dependencies or violations known in run k (the latest), or -1. */
static long run_count(const struct snapshots *s, const size_t *first, size_t k,
		      int violations)
{
	long n = -1;

	for (size_t i = first[k]; i < first[k + 1]; i++) {
		long v = violations ? s->points[i].violations
				    : s->points[i].deps_to_legacy;

		if (v >= 0)
			n = v;
	}
	return n;
}

/*
 * The samples: legacy code left beside the plan's (when there is one),
 * the new code and the share migrated, the scope growth apart. Runs of
 * samples with the same figures are one row, dated first..last (count).
 */
static void print_table(FILE *fp, const struct burndown *b)
{
	static const char *const hdr[] = { "date",	    "commit",
					   "legacy",	    "new",
					   "migrated",	    "scope added",
					   "deps in",	    "violations",
					   "planned legacy" };
	const struct snapshots *s = b->actual;
	int cols = b->planned_nr ? 9 : 8;
	struct table *t = table_new(cols == 9 ? "llrrrrrrr" : "llrrrrrr", hdr);
	struct strbuf c[9];
	size_t *first = xmalloc((s->nr + 1) * sizeof(*first));
	size_t runs = burndown_fold(b, b->planned_nr > 0, first);
	size_t *pick = xmalloc((runs + 1) * sizeof(*pick));
	size_t rows = 0, folded = 0;

	/* the runs with dependencies when there are a few, else 24 */
	for (size_t k = 0; k < runs; k++)
		if (run_count(s, first, k, 0) >= 0)
			pick[rows++] = k;
	if (rows < 2 || rows > 30) {
		rows = runs <= 24 ? runs : 24;
		/* evenly spread over the runs, the last one included */
		for (size_t r = 0; r < rows; r++)
			pick[r] = rows > 1 ? r * (runs - 1) / (rows - 1) : 0;
	}
	for (int k = 0; k < 9; k++)
		strbuf_init(&c[k], 0);
	for (size_t r = 0; r < rows; r++) {
		size_t k = pick[r], i = first[k + 1] - 1;
		size_t n = first[k + 1] - first[k];
		const struct snapshot_point *p = &s->points[i];
		const struct burndown_planned *pl =
			burndown_planned_at(b, p->date);
		const char *row[9];
		char d[16], n1[24];

		strbuf_setlen(&c[0], 0);
		if (n > 1) {
			burndown_date(d, sizeof(d), s->points[first[k]].date);
			strbuf_addf(&c[0], "%s..", d);
			burndown_date(d, sizeof(d), p->date);
			strbuf_addf(&c[0], "%s (%zu)", d, n);
			folded++;
		} else {
			burndown_date(d, sizeof(d), p->date);
			strbuf_addstr(&c[0], p->tag ? p->tag : d);
		}
		strbuf_setlen(&c[1], 0);
		strbuf_add(&c[1], p->commit, 10);
		thousands(&c[2], p->sum[SNAP_LEGACY].code);
		thousands(&c[3], p->sum[SNAP_NEW].code);
		strbuf_setlen(&c[4], 0);
		strbuf_addf(&c[4], "%.1f%%", 100 * burndown_share(s, i));
		thousands(&c[5], p->scope_added);
		strbuf_setlen(&c[6], 0);
		strbuf_addstr(&c[6], count_or_dash(n1, sizeof(n1),
						   run_count(s, first, k, 0)));
		strbuf_setlen(&c[7], 0);
		strbuf_addstr(&c[7], count_or_dash(n1, sizeof(n1),
						   run_count(s, first, k, 1)));
		strbuf_setlen(&c[8], 0);
		if (pl)
			strbuf_add_thousands(
				&c[8],
				(unsigned long long)(pl->legacy_code + 0.5));
		else
			strbuf_addstr(&c[8], "-");
		for (int j = 0; j < cols; j++)
			row[j] = c[j].buf;
		table_add_row(t, row);
	}
	table_print(t, fp);
	table_free(t);
	if (folded)
		fputs("FIRST..LAST (N): N samples in a row with the same "
		      "figures, one row (carve burndown -f csv lists each)\n",
		      fp);
	for (int k = 0; k < 9; k++)
		strbuf_release(&c[k]);
	free(pick);
	free(first);
}

/* Engineer-months in engineer-days (an engineer-year is 12 of them). */
static double months(double days)
{
	return days * 12 / PLAN_ENGINEER_DAYS_PER_YEAR;
}

static void print_forecast(FILE *fp, const struct burndown *b)
{
	const struct burndown_forecast *f = &b->forecast;
	char p50[32], p90[32];

	if (!f->ok) {
		fprintf(fp, "forecast: none: %s\n", f->why_not);
	} else if (!f->remaining) {
		fputs("forecast: done: no legacy code left\n", fp);
	} else {
		fprintf(fp,
			"forecast: P50 %s, P90 %s (Monte Carlo, %zu trials "
			"over %zu observed intervals, net %.0f code lines a "
			"week)\n",
			burndown_finish_text(p50, sizeof(p50), b, f->p50),
			burndown_finish_text(p90, sizeof(p90), b, f->p90),
			f->trials, f->steps, f->burn_per_week);
	}
	if (!b->planned_nr) {
		fputs("plan:     none (no roadmap in the model)\n", fp);
		return;
	}
	if (b->planned_p50)
		burndown_date(p50, sizeof(p50), b->planned_p50);
	if (b->planned_p90)
		burndown_date(p90, sizeof(p90), b->planned_p90);
	if (!b->planned_p50 || !b->planned_p90) {
		char end[32] = "-", last[16];

		if (b->capacity_end) {
			burndown_date(last, sizeof(last),
				      b->capacity_end - 86400);
			snprintf(end, sizeof(end), "after %s", last);
		}
		if (!b->planned_p50)
			memcpy(p50, end, sizeof(end));
		if (!b->planned_p90)
			memcpy(p90, end, sizeof(end));
	}
	fprintf(fp, "plan:     P50 %s, P90 %s%s\n", p50, p90,
		b->slips ? "  SLIPS: the forecast is past the plan" : "");
	if (b->short_p90 > 0)
		fprintf(fp,
			"          the capacity declared (plan.capacity) "
			"falls short: by %.0f engineer-months at P90, %.0f at "
			"P50\n",
			months(b->short_p90), months(b->short_p50));
}

void burndown_print_text(FILE *fp, const struct model *m,
			 const struct burndown *b)
{
	const struct snapshots *s = b->actual;
	const struct snapshot_point *last = &s->points[s->nr - 1];
	struct strbuf n1 = STRBUF_INIT, n2 = STRBUF_INIT, n3 = STRBUF_INIT;
	char first[16], end[16], start[16], viol[24];

	burndown_date(first, sizeof(first), s->points[0].date);
	burndown_date(end, sizeof(end), last->date);
	burndown_date(start, sizeof(start), s->start);
	fprintf(fp, "burndown of %s (%.12s): %zu %s samples, %s to %s\n",
		m->scan->root, s->head, s->nr, b->interval ? "dated" : "tag",
		first, end);
	if (s->all_legacy)
		fputs("no \"legacy\" in carve.json: every path not in "
		      "\"new\" counts as legacy\n",
		      fp);
	thousands(&n1, burndown_base(s));
	fprintf(fp, "migration start %s: legacy %s code lines\n", start,
		n1.buf);
	thousands(&n1, last->sum[SNAP_LEGACY].code);
	thousands(&n2, last->sum[SNAP_NEW].code);
	thousands(&n3, last->scope_added);
	fprintf(fp,
		"now: legacy %s, new %s code lines: %.1f%% migrated (new / "
		"(legacy + new))\n"
		"scope growth: %s code lines added to legacy since the "
		"start\n",
		n1.buf, n2.buf, 100 * burndown_share(s, s->nr - 1), n3.buf);
	if (last->deps_to_legacy >= 0)
		fprintf(fp,
			"dependencies into legacy: %ld; carve check "
			"violations: %s\n",
			last->deps_to_legacy,
			count_or_dash(viol, sizeof(viol), last->violations));
	if (s->before_first)
		fprintf(fp,
			"%zu sample dates before the first commit left out\n",
			s->before_first);
	if (s->out_of_order)
		fprintf(fp,
			"%zu commits dated before their parent: samples "
			"follow the chain, by commit date\n",
			s->out_of_order);
	if (s->missing)
		fprintf(fp, "%zu missing objects skipped (a partial clone?)\n",
			s->missing);
	if (s->nr < 2)
		fputs("the history is shorter than one interval: one "
		      "sample only\n",
		      fp);
	fputc('\n', fp);
	print_table(fp, b);
	sparkline(fp, s);
	fputc('\n', fp);
	print_forecast(fp, b);
	assumptions_print_text(fp, m);
	strbuf_release(&n1);
	strbuf_release(&n2);
	strbuf_release(&n3);
}
