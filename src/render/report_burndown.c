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
#include "carve/report.h"
#include "carve/scan.h"
#include "carve/strbuf.h"

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
			  "plan with its P15-P85 band, new code lines "
			  "(rising) per sample; scope growth (code added to "
			  "legacy since the start) as its own line; "
			  "milestones, the forecast and today.");
	strbuf_release(&svg);
}

static void forecast(struct report *r, const struct burndown *b)
{
	static const char *const hdr[] = { "finish", "P50", "P85", "from" };
	const struct burndown_forecast *f = &b->forecast;
	struct strbuf from = STRBUF_INIT;
	char p50[16], p85[16];

	fputs("<h3>Forecast and plan</h3>\n", r->fp);
	report_table_begin(r, "lrrl", hdr);
	if (f->ok) {
		burndown_date(p50, sizeof(p50), f->p50);
		burndown_date(p85, sizeof(p85), f->p85);
		strbuf_addf(&from,
			    "the pace so far: %zu trials drawing from %zu "
			    "observed intervals, net %.0f code lines a week",
			    f->trials, f->steps, f->burn_per_week);
		{
			const char *row[] = { "forecast", p50, p85, from.buf };

			report_table_row(r, "lrrl", row);
		}
	}
	if (b->planned_p50) {
		const char *row[] = { "plan", p50, p85,
				      "carve roadmap's schedule of the plan" };

		burndown_date(p50, sizeof(p50), b->planned_p50);
		burndown_date(p85, sizeof(p85), b->planned_p85);
		report_table_row(r, "lrrl", row);
	}
	report_table_end(r, 0, NULL);
	if (!f->ok)
		report_note(r, f->why_not);
	else if (b->planned_p50)
		html_element(r->fp, b->slips ? "p class=bad" : "p class=ok",
			     b->slips ? "The forecast slips: at the pace so "
					"far the migration ends after the "
					"plan's P50."
				      : "On track: the forecast's P50 is not "
					"after the plan's.");
	else
		report_note(r, "No plan to compare with: add a \"plan\" to "
			       "carve.json.");
	strbuf_release(&from);
}

static void samples(struct report *r, const struct snapshots *s)
{
	static const char *const hdr[] = { "date", "commit", "legacy",
					   "new",  "scope",  "migrated" };
	size_t skip = s->nr > r->max_rows ? s->nr - r->max_rows : 0;

	fputs("<h3>Samples</h3>\n", r->fp);
	report_table_begin(r, "lcrrrr", hdr);
	/* the newest are the ones a reader asks about */
	for (size_t i = skip; i < s->nr; i++) {
		const struct snapshot_point *p = &s->points[i];
		char d[16], c[16], l[32], n[32], sc[32], pct[16];
		const char *row[] = { d, c, l, n, sc, pct };

		burndown_date(d, sizeof(d), p->date);
		snprintf(c, sizeof(c), "%.10s", p->commit);
		report_num(l, p->sum[SNAP_LEGACY].code);
		report_num(n, p->sum[SNAP_NEW].code);
		report_num(sc, burndown_scope(s, i));
		snprintf(pct, sizeof(pct), "%.1f%%",
			 100 * burndown_share(s, i));
		report_table_row(r, "lcrrrr", row);
	}
	report_table_end(r, skip,
			 "the oldest; carve burndown -f csv lists "
			 "them all");
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
	samples(r, s);
	strbuf_release(&sb);
	return 0;
}
