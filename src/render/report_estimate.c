/*
 * The report's estimate: carve estimate's table (code by language, rate,
 * P50 and P10-P90 engineer-days, share per context), the totals, the
 * COCOMO II cross-check and the assumptions behind the figures, and the
 * two summary tiles.
 */
#include <math.h>
#include <stdio.h>

#include "carve/estimate.h"
#include "carve/html.h"
#include "carve/rates.h"
#include "carve/report.h"
#include "carve/strbuf.h"

/* Engineer-days as carve estimate's text rounds them. */
static const char *days(char *buf, double d)
{
	return report_num(buf, (unsigned long long)llround(d));
}

static const char *range(struct strbuf *sb, const struct estimate_range *x)
{
	char a[32], b[32];

	strbuf_reset(sb);
	strbuf_addf(sb, "%s-%s", days(a, x->p10), days(b, x->p90));
	return sb->buf;
}

void report_estimate_tiles(struct report *r)
{
	const struct estimate *e = r->estimate;
	struct strbuf sb = STRBUF_INIT;
	char buf[32];

	if (!e) {
		report_tile_hint(r, "effort P50 and P10-P90",
				 r->estimate_hint ? r->estimate_hint
						  : "run carve estimate");
		return;
	}
	strbuf_addf(&sb, "engineer-days, effort P50 (%.1f engineer-years)",
		    e->total_days.p50 / RATES_DAYS_PER_YEAR);
	report_tile(r, days(buf, e->total_days.p50), sb.buf);
	report_tile(r, range(&sb, &e->total_days),
		    "engineer-days, P10-P90 of the effort");
	strbuf_release(&sb);
}

static void context_row(struct report *r, const struct estimate *e,
			const struct estimate_context *x, struct strbuf *cells)
{
	const char *row[7];
	char code[32], p50[32];

	strbuf_reset(&cells[0]);
	strbuf_reset(&cells[1]);
	for (size_t i = 0; i < x->work_nr; i++) {
		const struct estimate_rate *rate = &e->rates[x->work[i].rate];

		strbuf_addf(&cells[0], "%s%s ", i ? ", " : "", rate->from);
		strbuf_add_thousands(&cells[0], x->work[i].code);
		strbuf_addf(&cells[1], "%s%.3g", i ? ", " : "",
			    rate->dist.likely);
	}
	strbuf_reset(&cells[3]);
	strbuf_addf(&cells[3], "%.1f%%", 100 * x->share);
	row[0] = x->name;
	row[1] = report_num(code, x->code);
	row[2] = cells[0].buf;
	row[3] = cells[1].buf;
	row[4] = days(p50, x->days.p50);
	row[5] = range(&cells[2], &x->days);
	row[6] = cells[3].buf;
	report_table_row(r, "lrlrrrr", row);
}

static void totals(struct report *r, const struct estimate *e,
		   unsigned long long code, struct strbuf *sb)
{
	const char *row[7];
	char a[32], b[32];

	strbuf_reset(&sb[3]);
	strbuf_addf(&sb[3], "%.1f%%",
		    e->total_days.mean > 0
			    ? 100 * e->phase0_days.mean / e->total_days.mean
			    : 0);
	row[0] = "phase 0 (platform)";
	row[1] = row[2] = row[3] = "";
	row[4] = days(a, e->phase0_days.p50);
	row[5] = range(&sb[2], &e->phase0_days);
	row[6] = sb[3].buf;
	report_table_row(r, "lrlrrrr", row);
	row[0] = "total";
	row[1] = report_num(b, code);
	row[4] = days(a, e->total_days.p50);
	row[5] = range(&sb[2], &e->total_days);
	row[6] = "100.0%";
	report_table_row(r, "lrlrrrr", row);
}

static void cross_check(struct report *r, const struct estimate *e)
{
	const struct estimate_cocomo *k = &e->cocomo;
	struct strbuf sb = STRBUF_INIT;

	if (k->days > 0)
		strbuf_addf(&sb,
			    "COCOMO II cross-check (post-architecture, nominal "
			    "drivers, reuse model): %.0f KSLOC adapted = %.0f "
			    "KESLOC (AAM %.2f), %.0f person-months = %.0f "
			    "engineer-days, %.2fx the P50 above.",
			    k->ksloc, k->esloc, k->aam, k->person_months,
			    k->days,
			    e->total_days.p50 > 0 ? k->days / e->total_days.p50
						  : 0);
	else
		strbuf_addstr(&sb, "COCOMO II cross-check: no code to size.");
	fputs("<p>", r->fp);
	html_puts(r->fp, sb.buf);
	fputs("</p>\n", r->fp);
	strbuf_release(&sb);
}

int report_estimate(struct report *r)
{
	static const char *const hdr[] = { "context",
					   "code",
					   "code by language",
					   "rate (lines/day)",
					   "P50",
					   "P10-P90",
					   "share" };
	static const char *const ahdr[] = { "assumption", "value", "source" };
	const struct estimate *e = r->estimate;
	struct strbuf cells[4] = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT,
				   STRBUF_INIT };
	unsigned long long code = 0;
	size_t active = 0, shown = 0, left = 0;
	char buf[32];

	for (size_t i = 0; i < e->nr; i++)
		if (!e->contexts[i].excluded) {
			active++;
			code += e->contexts[i].code;
		}
	strbuf_addf(&cells[0],
		    "Engineer-days to move %zu context%s (%s code lines) to "
		    "%s: percentiles over %zu Monte Carlo trials (seed %lu) "
		    "of every rate and factor below. P50: as likely under as "
		    "over; P10-P90: eight chances in ten to fall between.",
		    active, active == 1 ? "" : "s", report_num(buf, code),
		    e->target ? e->target
			      : "their own language (split, no "
				"rewrite)",
		    e->trials, e->seed);
	fputs("<p>", r->fp);
	html_puts(r->fp, cells[0].buf);
	fputs("</p>\n", r->fp);
	report_table_begin(r, "lrlrrrr", hdr);
	for (size_t i = 0; i < e->nr; i++) {
		if (e->contexts[i].excluded) {
			left++;
			continue;
		}
		if (shown++ < r->max_rows)
			context_row(r, e, &e->contexts[i], cells);
	}
	totals(r, e, code, cells);
	report_table_end(r, shown > r->max_rows ? shown - r->max_rows : 0,
			 "carve estimate lists them all");
	if (left) {
		strbuf_reset(&cells[0]);
		const char *sep = " ";

		strbuf_addstr(&cells[0], "Left out:");
		for (size_t i = 0; i < e->nr; i++)
			if (e->contexts[i].excluded) {
				strbuf_addf(&cells[0], "%s%s (%s)", sep,
					    e->contexts[i].name,
					    e->contexts[i].why);
				sep = "; ";
			}
		report_note(r, cells[0].buf);
	}
	cross_check(r, e);
	fputs("<h3>Assumptions of the estimate</h3>\n", r->fp);
	report_table_begin(r, "lll", ahdr);
	for (size_t i = 0; i < e->assume_nr; i++)
		report_table_row(r, "lll",
				 (const char *const *)&e->assume[3 * i]);
	report_table_end(r, 0, NULL);
	for (int i = 0; i < 4; i++)
		strbuf_release(&cells[i]);
	return 0;
}
