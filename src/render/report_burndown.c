/*
 * The report's burndown: carve burndown's chart inline (burndown_chart),
 * its forecast beside the plan's dates, the samples, and the "migrated"
 * tile from the actual series.
 */
#include <stdio.h>
#include <string.h>

#include "carve/burndown.h"
#include "carve/burndown_chart.h"
#include "carve/html.h"
#include "carve/model.h"
#include "carve/plan.h"
#include "carve/report.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

int report_burndown_tile(struct report *r)
{
	const struct snapshots *s;
	struct strbuf sb = STRBUF_INIT, what = STRBUF_INIT;
	char a[32], b[32], d[16];
	const struct snapshot_point *last;

	if (!r->burndown || !r->burndown->actual->nr)
		return 0;
	s = r->burndown->actual;
	last = &s->points[s->nr - 1];
	burndown_date(d, sizeof(d), last->date);
	strbuf_addf(&sb, "%.1f%%", 100 * burndown_share(s, s->nr - 1));
	strbuf_addf(&what,
		    "migrated by %s (new / (legacy + new)): %s code "
		    "lines left in legacy, %s in new (carve burndown)",
		    d, report_num(a, last->sum[SNAP_LEGACY].code),
		    report_num(b, last->sum[SNAP_NEW].code));
	report_tile(r, sb.buf, what.buf);
	strbuf_release(&sb);
	strbuf_release(&what);
	return 1;
}

static void chart(struct report *r, const struct burndown *b)
{
	struct strbuf svg = STRBUF_INIT;
	const char *name = r->m->scan->root;
	const char *slash = strrchr(name, '/');

	if (b->actual->nr < 2) {
		report_note(r, "One sample only: the chart needs two. Give "
			       "the repository more history, or a shorter "
			       "interval (carve burndown --interval).");
		return;
	}
	burndown_chart(&svg, b, slash && slash[1] ? slash + 1 : name);
	report_inline_svg(r, svg.buf, svg.len,
			  "Legacy code lines left (falling) against the "
			  "plan with its P10-P90 band, new code lines "
			  "(rising) per sample; scope growth (code added to "
			  "legacy since the start) as its own line; "
			  "milestones, the forecast and today.");
	strbuf_release(&svg);
}

/* The plan's finish percentile, "after" the capacity when past it. */
static const char *plan_date(char *buf, size_t size, const struct burndown *b,
			     int64_t t)
{
	char end[16];

	if (t) {
		burndown_date(buf, size, t);
	} else if (b->capacity_end) {
		burndown_date(end, sizeof(end), b->capacity_end - 86400);
		snprintf(buf, size, "after %s", end);
	} else {
		snprintf(buf, size, "none");
	}
	return buf;
}

static void forecast(struct report *r, const struct burndown *b)
{
	static const char *const hdr[] = { "finish", "P50", "P90", "from" };
	const struct burndown_forecast *f = &b->forecast;
	struct strbuf from = STRBUF_INIT;
	char p50[32], p90[32];

	fputs("<h3>Forecast and plan</h3>\n", r->fp);
	report_table_begin(r, "lrrl", hdr);
	if (f->ok) {
		burndown_finish_text(p50, sizeof(p50), b, f->p50);
		burndown_finish_text(p90, sizeof(p90), b, f->p90);
		strbuf_addf(&from,
			    "the pace so far: %zu trials drawing from %zu "
			    "observed intervals, net %.0f code lines a week",
			    f->trials, f->steps, f->burn_per_week);
		{
			const char *row[] = { "forecast", p50, p90, from.buf };

			report_table_row(r, "lrrl", row);
		}
	}
	if (b->planned_nr) {
		const char *row[] = { "plan", p50, p90,
				      "carve roadmap's schedule of the plan "
				      "(carve estimate's trials)" };

		plan_date(p50, sizeof(p50), b, b->planned_p50);
		plan_date(p90, sizeof(p90), b, b->planned_p90);
		report_table_row(r, "lrrl", row);
	}
	report_table_end(r, 0, NULL);
	if (b->planned_nr && b->short_p90 > 0) {
		strbuf_reset(&from);
		strbuf_addf(&from,
			    "The capacity declared (plan.capacity) falls "
			    "short: by %.0f engineer-months at P90, %.0f at "
			    "P50; no date past its end is a forecast.",
			    b->short_p90 * 12 / PLAN_ENGINEER_DAYS_PER_YEAR,
			    b->short_p50 * 12 / PLAN_ENGINEER_DAYS_PER_YEAR);
		report_note(r, from.buf);
	}
	if (!f->ok)
		report_note(r, f->why_not);
	else if (b->planned_p50)
		html_element(r->fp, b->slips ? "p class=bad" : "p class=ok",
			     b->slips ? "The forecast slips: at the pace so "
					"far the migration ends after the "
					"plan's P50."
				      : "On track: the forecast's P50 is not "
					"after the plan's.");
	else if (!b->planned_nr)
		report_note(r, "No plan to compare with: add a \"plan\" to "
			       "carve.json.");
	strbuf_release(&from);
}

/*
 * The newest samples, each run of identical figures folded into one row
 * dated by its last sample, with their count and the first one's date.
 */
static void samples(struct report *r, const struct burndown *b)
{
	static const char *const hdr[] = { "date", "commit", "legacy",
					   "new",  "scope",  "migrated" };
	const struct snapshots *s = b->actual;
	size_t *first = xmalloc((s->nr + 1) * sizeof(*first));
	size_t runs = burndown_fold(b, 0, first);
	size_t skip = runs > r->max_rows ? runs - r->max_rows : 0;
	int folded = 0;

	fputs("<h3>Samples</h3>\n", r->fp);
	report_table_begin(r, "lcrrrr", hdr);
	/* the newest are the ones a reader asks about */
	for (size_t k = skip; k < runs; k++) {
		size_t i = first[k + 1] - 1, n = first[k + 1] - first[k];
		const struct snapshot_point *p = &s->points[i];
		char d[64], a[16], c[16], l[32], nw[32], sc[32], pct[16];
		const char *row[] = { d, c, l, nw, sc, pct };

		burndown_date(d, sizeof(d), p->date);
		if (n > 1) {
			burndown_date(a, sizeof(a), s->points[first[k]].date);
			snprintf(d + strlen(d), sizeof(d) - strlen(d),
				 " (%zu samples from %s)", n, a);
			folded = 1;
		}
		snprintf(c, sizeof(c), "%.10s", p->commit);
		report_num(l, p->sum[SNAP_LEGACY].code);
		report_num(nw, p->sum[SNAP_NEW].code);
		report_num(sc, burndown_scope(s, i));
		snprintf(pct, sizeof(pct), "%.1f%%",
			 100 * burndown_share(s, i));
		report_table_row(r, "lcrrrr", row);
	}
	report_table_end(r, skip,
			 "the oldest; carve burndown -f csv lists "
			 "them all");
	if (folded)
		report_note(r, "Samples in a row with the same figures are "
			       "one row: its last date, and how many "
			       "samples since which date.");
	free(first);
}

int report_burndown(struct report *r)
{
	const struct burndown *b = r->burndown;
	const struct snapshots *s = b->actual;
	struct strbuf sb = STRBUF_INIT;
	char first[16], last[16], start[16];

	burndown_date(first, sizeof(first), s->points[0].date);
	burndown_date(last, sizeof(last), s->points[s->nr - 1].date);
	burndown_date(start, sizeof(start), s->start);
	strbuf_addf(&sb,
		    "Code lines under carve.json's \"legacy\" and \"new\" "
		    "in %zu samples of the git history from %s to %s, "
		    "counted as carve scan counts them; the migration "
		    "started %s",
		    s->nr, first, last, start);
	strbuf_addch(&sb, '.');
	fputs("<p>", r->fp);
	html_puts(r->fp, sb.buf);
	fputs("</p>\n", r->fp);
	if (s->all_legacy)
		report_note(r, "No \"legacy\" paths in carve.json: every path "
			       "not in \"new\" counts as legacy.");
	chart(r, b);
	forecast(r, b);
	samples(r, b);
	strbuf_release(&sb);
	return 0;
}
