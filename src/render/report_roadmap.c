/*
 * The report's roadmap, read from the "roadmap" part as carve roadmap -f
 * json writes it (so a model file and a fresh schedule read the same):
 * the drawing (gvc, when the schedule itself is at hand), the milestones
 * with P50/P85 dates, the critical path, and a Gantt chart of bars in
 * plain HTML and CSS (no script, nothing loaded from elsewhere).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "carve/calendar.h"
#include "carve/config.h"
#include "carve/html.h"
#include "carve/plan.h"
#include "carve/report.h"
#include "carve/roadmap.h"
#include "carve/roadmap_dot.h"
#include "carve/strbuf.h"

static const char *str(const cJSON *o, const char *key)
{
	const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(x) ? x->valuestring : "";
}

static const cJSON *milestone(const cJSON *part, const char *name)
{
	const cJSON *x;

	cJSON_ArrayForEach (x, cJSON_GetObjectItemCaseSensitive(part, "milestones"))
		if (!strcmp(str(x, "name"), name))
			return x;
	return NULL;
}

void report_roadmap_tiles(struct report *r)
{
	const cJSON *fin =
		r->roadmap_part ? milestone(r->roadmap_part, "finish") : NULL;
	struct strbuf sb = STRBUF_INIT, what = STRBUF_INIT;

	if (!fin) {
		report_tile_hint(r, "finish date P50 (P10-P90)",
				 r->roadmap_hint ? r->roadmap_hint
						 : "run carve roadmap");
		return;
	}
	strbuf_addf(&sb, "%s (%s to %s)",
		    *str(fin, "p50") ? str(fin, "p50") : "none",
		    *str(fin, "p10") ? str(fin, "p10") : "none",
		    *str(fin, "p90") ? str(fin, "p90") : "none");
	strbuf_addf(&what,
		    "finish P50 (P10 to P90; none: not within the "
		    "capacity declared) from %s",
		    str(r->roadmap_part, "start"));
	report_tile(r, sb.buf, what.buf);
	strbuf_release(&sb);
	strbuf_release(&what);
}

/* A whole number of engineer-days from the part, rounded, with commas. */
static const char *part_days(char *buf, const cJSON *part, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(part, key);

	return report_num(buf,
			  cJSON_IsNumber(v) && v->valuedouble > 0
				  ? (unsigned long long)(v->valuedouble + 0.5)
				  : 0);
}

static void intro(struct report *r, const cJSON *part)
{
	const cJSON *trials = cJSON_GetObjectItemCaseSensitive(part, "trials");
	const cJSON *notes = cJSON_GetObjectItemCaseSensitive(part, "notes");
	const cJSON *x;
	struct strbuf sb = STRBUF_INIT;
	char p50[32], p10[32], p90[32];

	/* one effort model: the estimate's total, as its section prints */
	strbuf_addf(&sb,
		    "The migration scheduled from %s on the team's capacity "
		    "and calendar: %s engineer-days P50 (P10-P90 %s-%s, from "
		    "%s); P50, P10 and P90 dates over %d Monte Carlo trials.",
		    str(part, "start"), part_days(p50, part, "effort_p50"),
		    part_days(p10, part, "effort_p10"),
		    part_days(p90, part, "effort_p90"), str(part, "source"),
		    cJSON_IsNumber(trials) ? trials->valueint : 0);
	if (cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(part, "finished")))
		strbuf_addstr(&sb, " The schedule does not finish: see the "
				   "notes below.");
	fputs("<p>", r->fp);
	html_puts(r->fp, sb.buf);
	fputs("</p>\n", r->fp);
	cJSON_ArrayForEach (x, notes)
		if (cJSON_IsString(x))
			report_note(r, x->valuestring);
	strbuf_release(&sb);
}

static int drawing(struct report *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;
	int ret;

	if (!r->roadmap) {
		report_note(r, "The drawing is made while scheduling: run "
			       "carve report on the repository (with the "
			       "plan in carve.json) to see it.");
		return 0;
	}
	mem = open_memstream(&buf, &len);
	ret = roadmap_render(mem, r->roadmap, FORMAT_SVG, "migration roadmap");
	fclose(mem);
	if (!ret)
		report_inline_svg(r, buf, len,
				  "Phases as boxes, waves left to right, one "
				  "node per "
				  "context (P50 effort and dates); bold: the "
				  "critical "
				  "path.");
	free(buf);
	return ret;
}

/* What the declared capacity leaves undone, as carve roadmap says it. */
static void shortfall(struct report *r, const cJSON *fin)
{
	const cJSON *p90 =
		cJSON_GetObjectItemCaseSensitive(fin, "short_days_p90");
	const cJSON *p50 =
		cJSON_GetObjectItemCaseSensitive(fin, "short_days_p50");
	struct strbuf sb = STRBUF_INIT;

	if (!cJSON_IsNumber(p90) || !(p90->valuedouble > 0))
		return;
	strbuf_addf(&sb,
		    "The capacity declared (plan.capacity) falls short: by "
		    "%.0f engineer-months at P90, %.0f at P50; none: no "
		    "date, the work does not finish with the engineers "
		    "declared.",
		    p90->valuedouble * 12 / PLAN_ENGINEER_DAYS_PER_YEAR,
		    cJSON_IsNumber(p50) ? p50->valuedouble * 12 /
						  PLAN_ENGINEER_DAYS_PER_YEAR
					: 0);
	report_note(r, sb.buf);
	strbuf_release(&sb);
}

static void milestones(struct report *r, const cJSON *part)
{
	static const char *const hdr[] = { "milestone", "at P50 efforts", "P50",
					   "P10", "P90" };
	const cJSON *x;

	fputs("<h3>Milestones</h3>\n", r->fp);
	report_table_begin(r, "lrrrr", hdr);
	cJSON_ArrayForEach (x, cJSON_GetObjectItemCaseSensitive(part, "milestones")) {
		const char *row[] = { str(x, "name"),
				      *str(x, "planned") ? str(x, "planned")
							 : "none",
				      *str(x, "p50") ? str(x, "p50") : "none",
				      *str(x, "p10") ? str(x, "p10") : "none",
				      *str(x, "p90") ? str(x, "p90") : "none" };

		report_table_row(r, "lrrrr", row);
	}
	report_table_end(r, 0, NULL);
	shortfall(r, milestone(part, "finish"));
}

/* The critical path with each context's steps ("ctx: port") as one. */
static void critical(struct report *r, const cJSON *part)
{
	const cJSON *x;
	struct strbuf sb = STRBUF_INIT, last = STRBUF_INIT;
	size_t n = 0;

	fputs("<h3>Critical path</h3>\n", r->fp);
	cJSON_ArrayForEach (x, cJSON_GetObjectItemCaseSensitive(part, "critical_path")) {
		const char *name = cJSON_IsString(x) ? x->valuestring : "";
		const char *colon = strstr(name, ": ");
		size_t len = colon ? (size_t)(colon - name) : strlen(name);

		if (last.len == len && !strncmp(last.buf, name, len))
			continue;
		strbuf_reset(&last);
		strbuf_add(&last, name, len);
		strbuf_addf(&sb, "%s%s", n++ ? " \xe2\x86\x92 " : "", last.buf);
	}
	if (n) {
		fputs("<p>", r->fp);
		html_puts(r->fp, sb.buf);
		fputs("</p>\n", r->fp);
	} else {
		report_note(r, "No critical path: nothing was scheduled.");
	}
	strbuf_release(&sb);
	strbuf_release(&last);
}

/* Gantt rows: phase-0 and data tasks, and each context as one bar. */
struct bar {
	const char *name, *what, *start, *end;
	calendar_day from, to;
	int critical;
};

static size_t add_bars(struct bar *bars, size_t n, const cJSON *arr,
		       const char *what, const char *skip_kind)
{
	const cJSON *x;

	cJSON_ArrayForEach (x, arr) {
		struct bar *b = &bars[n];

		if (skip_kind && !strcmp(str(x, "kind"), skip_kind))
			continue;
		b->name = str(x, "name");
		b->what = *what ? what : str(x, "phase");
		b->start = str(x, "start");
		b->end = str(x, "end");
		if (calendar_parse(&b->from, b->start) ||
		    calendar_parse(&b->to, b->end))
			continue;
		b->critical =
			cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(x, "critical"));
		n++;
	}
	return n;
}

static int by_start(const void *a, const void *b)
{
	const struct bar *x = a, *y = b;

	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	return x->to < y->to ? -1 : x->to > y->to;
}

static void gantt(struct report *r, const cJSON *part)
{
	const cJSON *tasks = cJSON_GetObjectItemCaseSensitive(part, "tasks");
	const cJSON *ctx = cJSON_GetObjectItemCaseSensitive(part, "contexts");
	size_t cap = (size_t)cJSON_GetArraySize(tasks) +
		     (size_t)cJSON_GetArraySize(ctx);
	struct bar *bars = calloc(cap ? cap : 1, sizeof(*bars));
	size_t n = 0, shown;
	calendar_day lo, hi;

	fputs("<h3>Schedule</h3>\n", r->fp);
	n = add_bars(bars, n, tasks, "", "step");
	n = add_bars(bars, n, ctx, "", NULL);
	if (!n) {
		report_note(r, "No task was scheduled: nothing to chart.");
		free(bars);
		return;
	}
	qsort(bars, n, sizeof(*bars), by_start);
	lo = bars[0].from;
	hi = bars[0].to;
	for (size_t i = 0; i < n; i++)
		if (bars[i].to > hi)
			hi = bars[i].to;
	shown = n < r->max_rows ? n : r->max_rows;
	fprintf(r->fp,
		"<div class=gantt><div class=gh><span>%s</span>"
		"<span>start</span><span>end</span><span></span>"
		"</div>\n",
		"task or context");
	for (size_t i = 0; i < shown; i++) {
		const struct bar *b = &bars[i];
		double span = (double)(hi - lo + 1);
		double left = 100.0 * (double)(b->from - lo) / span;
		double width = 100.0 * (double)(b->to - b->from + 1) / span;

		fputs("<div class=gr><span>", r->fp);
		html_puts(r->fp, b->name);
		fputs(" <small>", r->fp);
		html_puts(r->fp, b->what);
		fputs("</small></span><span>", r->fp);
		html_puts(r->fp, b->start);
		fputs("</span><span>", r->fp);
		html_puts(r->fp, b->end);
		fprintf(r->fp,
			"</span><span class=gt><i class=\"gb%s\" "
			"style=\"left:%.2f%%;width:%.2f%%\"></i></span></"
			"div>\n",
			b->critical ? " crit" : "", left,
			width < 0.3 ? 0.3 : width);
	}
	fputs("</div>\n", r->fp);
	report_more(r, n - shown, "carve roadmap -f csv lists them all");
	fputs("<p class=more>Bars from the first start to the last end at P50 "
	      "efforts; red: on the critical path.</p>\n",
	      r->fp);
	free(bars);
}

int report_roadmap(struct report *r)
{
	const cJSON *part = r->roadmap_part;
	int ret;

	intro(r, part);
	ret = drawing(r);
	milestones(r, part);
	critical(r, part);
	gantt(r, part);
	return ret;
}
