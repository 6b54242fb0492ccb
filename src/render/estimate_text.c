/*
 * carve estimate's text output: one row per context (code by language,
 * rates, P50 and P10-P90 engineer-days, share), phase 0 and the total,
 * the cross-checks, and every assumption; with a baseline, the deltas of
 * a what-if scenario.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "carve/estimate.h"
#include "carve/estimate_text.h"
#include "carve/rates.h"
#include "carve/strbuf.h"
#include "carve/table.h"

#define COLS 8

static void days(struct strbuf *sb, double d)
{
	strbuf_add_thousands(sb, (unsigned long long)llround(d));
}

static const char *fmt_days(struct strbuf *sb, double d)
{
	strbuf_reset(sb);
	days(sb, d);
	return sb->buf;
}

static const char *fmt_range(struct strbuf *sb, const struct estimate_range *r)
{
	strbuf_reset(sb);
	days(sb, r->p10);
	strbuf_addstr(sb, "-");
	days(sb, r->p90);
	return sb->buf;
}

static const char *fmt_langs(struct strbuf *sb, const struct estimate *e,
			     const struct estimate_context *x)
{
	strbuf_reset(sb);
	for (size_t i = 0; i < x->work_nr && i < 3; i++) {
		strbuf_addf(sb, "%s%s ", i ? ", " : "",
			    e->rates[x->work[i].rate].from);
		strbuf_add_thousands(sb, x->work[i].code);
	}
	if (x->work_nr > 3)
		strbuf_addstr(sb, ", ...");
	return sb->buf;
}

static const char *fmt_rates(struct strbuf *sb, const struct estimate *e,
			     const struct estimate_context *x)
{
	strbuf_reset(sb);
	for (size_t i = 0; i < x->work_nr && i < 3; i++)
		strbuf_addf(sb, "%s%.3g", i ? ", " : "",
			    e->rates[x->work[i].rate].dist.likely);
	if (x->work_nr > 3)
		strbuf_addstr(sb, ", ...");
	return sb->buf;
}

static const char *fmt_delta(struct strbuf *sb, double now, double before)
{
	strbuf_reset(sb);
	strbuf_addch(sb, now >= before ? '+' : '-');
	days(sb, fabs(now - before));
	/* a share of under one day says nothing */
	if (before >= 1)
		strbuf_addf(sb, " (%+.0f%%)", 100 * (now - before) / before);
	return sb->buf;
}

static const struct estimate_context *find(const struct estimate *e,
					   const char *name)
{
	for (size_t c = 0; e && c < e->nr; c++)
		if (!strcmp(e->contexts[c].name, name))
			return &e->contexts[c];
	return NULL;
}

static void add_row(struct table *t, const char *name, const char *code,
		    const char *langs, const char *rates,
		    const struct estimate_range *r, double share,
		    const struct estimate_range *before)
{
	struct strbuf cell[4] = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT,
				  STRBUF_INIT };
	const char *row[COLS];
	char pct[16];

	snprintf(pct, sizeof(pct), "%.1f%%", 100 * share);
	row[0] = name;
	row[1] = code;
	row[2] = langs;
	row[3] = rates;
	row[4] = fmt_days(&cell[0], r->p50);
	row[5] = fmt_range(&cell[1], r);
	row[6] = pct;
	row[7] = before ? fmt_delta(&cell[2], r->p50, before->p50) : "";
	table_add_row(t, row);
	for (int i = 0; i < 4; i++)
		strbuf_release(&cell[i]);
}

static void print_cross_checks(FILE *fp, const struct estimate *e)
{
	const struct estimate_cocomo *k = &e->cocomo;

	fputs("\ncross-checks\n", fp);
	if (k->days > 0)
		fprintf(fp,
			"  COCOMO II (post-architecture, nominal drivers, "
			"reuse "
			"model): %.0f KSLOC adapted = %.0f KESLOC (AAM %.2f), "
			"%.0f person-months = %.0f engineer-days, %.2fx "
			"carve's total P50\n",
			k->ksloc, k->esloc, k->aam, k->person_months, k->days,
			e->total_days.p50 > 0 ? k->days / e->total_days.p50
					      : 0);
	else
		fputs("  COCOMO II: no code to size\n", fp);
	if (!e->calibration.done)
		return;
	if (!e->calibration.author_days) {
		fputs("  history: no commits with an author to calibrate "
		      "against\n",
		      fp);
		return;
	}
	fprintf(fp,
		"  history: %lld net lines added over %zu active author-days "
		"= %.1f lines per author-day (new code, not ports)",
		(long long)e->calibration.net_lines, e->calibration.author_days,
		e->calibration.rate);
	for (size_t r = 0; r < e->rates_nr; r++) {
		const struct estimate_rate *x = &e->rates[r];

		if (!x->code)
			continue;
		fprintf(fp, "%s %s->%s %.3g (%.2fx)",
			r ? "," : "; rates used:", x->from, x->to,
			x->dist.likely,
			e->calibration.rate > 0
				? x->dist.likely / e->calibration.rate
				: 0);
	}
	fputc('\n', fp);
}

void estimate_print_text(FILE *fp, const struct estimate *e,
			 const struct estimate *baseline)
{
	const char *hdr[COLS] = {
		"context",   "code",
		"languages", "rate",
		"P50",	     "P10-P90",
		"share",     baseline ? "P50 vs baseline" : ""
	};
	struct table *t = table_new("lrlrrrrr", hdr);
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, c = STRBUF_INIT;
	unsigned long long code = 0;
	size_t active = 0, left = 0;

	for (size_t i = 0; i < e->nr; i++) {
		const struct estimate_context *x = &e->contexts[i];
		const struct estimate_context *before = find(baseline, x->name);

		if (x->excluded) {
			left++;
			continue;
		}
		active++;
		code += x->code;
		strbuf_reset(&a);
		strbuf_add_thousands(&a, x->code);
		add_row(t, x->name, a.buf, fmt_langs(&b, e, x),
			fmt_rates(&c, e, x), &x->days, x->share,
			before && !before->excluded ? &before->days : NULL);
	}
	add_row(t, "phase 0 (platform)", "", "", "", &e->phase0_days,
		e->total_days.mean > 0
			? e->phase0_days.mean / e->total_days.mean
			: 0,
		baseline ? &baseline->phase0_days : NULL);
	table_add_rule(t);
	strbuf_reset(&a);
	strbuf_add_thousands(&a, code);
	add_row(t, "total", a.buf, "", "", &e->total_days, 1,
		baseline ? &baseline->total_days : NULL);

	fprintf(fp,
		"estimate: %zu context%s, %s code lines, target %s; "
		"engineer-days, %zu trials (seed %lu)\n",
		active, active == 1 ? "" : "s", a.buf,
		e->target ? e->target : "none (split, no rewrite)", e->trials,
		e->seed);
	table_print(t, fp);
	table_free(t);
	fprintf(fp,
		"total P80 %s engineer-days; P50 %.1f engineer-years of %d "
		"days\n",
		fmt_days(&a, e->total_days.p80),
		e->total_days.p50 / RATES_DAYS_PER_YEAR, RATES_DAYS_PER_YEAR);
	if (left) {
		const char *sep = " ";

		fputs("left out:", fp);
		for (size_t i = 0; i < e->nr; i++)
			if (e->contexts[i].excluded) {
				fprintf(fp, "%s%s (%s)", sep,
					e->contexts[i].name,
					e->contexts[i].why);
				sep = "; ";
			}
		fputc('\n', fp);
	}
	print_cross_checks(fp, e);
	fputs("\nassumptions:\n", fp);
	for (size_t i = 0; i < e->assume_nr; i++)
		fprintf(fp, "  %s: %s [%s]\n", e->assume[3 * i],
			e->assume[3 * i + 1], e->assume[3 * i + 2]);
	strbuf_release(&a);
	strbuf_release(&b);
	strbuf_release(&c);
}
