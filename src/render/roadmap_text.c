/*
 * carve roadmap as text for people (milestones, contexts in extraction
 * order, the task timeline, critical path, cycles, monthly utilisation,
 * notes and assumptions) and as CSV (one row per task).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/csv.h"
#include "carve/model.h"
#include "carve/plan.h"
#include "carve/roadmap.h"
#include "carve/roadmap_text.h"
#include "carve/strbuf.h"
#include "carve/table.h"
#include "carve/xmalloc.h"

static const char *const phase_names[] = { "phase 0", "MVE", "endgame" };

/* A date, or "-" past the declared capacity: no forecast there. */
static char *date(char *buf, const struct roadmap *r, size_t day)
{
	if (r->horizon && day >= r->horizon) {
		memcpy(buf, "-", 2);
		return buf;
	}
	return calendar_format(buf, roadmap_date(r, day));
}

/* Engineer-months in engineer-days (an engineer-year is 12 of them). */
static double months(double days)
{
	return days * 12 / PLAN_ENGINEER_DAYS_PER_YEAR;
}

static void print_milestones(FILE *fp, const struct roadmap *r)
{
	const char *hdr[] = { "milestone", "planned", "P50", "P10", "P90" };
	struct table *t = table_new("lllll", hdr);
	const struct roadmap_milestone *fin = &r->milestones[PHASE_ENDGAME];

	for (int ph = 0; ph < PHASE_NR; ph++) {
		const struct roadmap_milestone *m = &r->milestones[ph];
		char a[16], b[16], c[16], d[16];
		const char *row[5];

		if (!m->reached)
			continue;
		row[0] = m->name;
		row[1] = date(a, r, m->day);
		row[2] = date(b, r, m->p50);
		row[3] = date(c, r, m->p10);
		row[4] = date(d, r, m->p90);
		table_add_row(t, row);
	}
	table_print(t, fp);
	table_free(t);
	if (fin->short_p90 > 0) {
		char how[160];

		fprintf(fp,
			"the capacity declared (plan.capacity) falls short: "
			"by %.0f engineer-months at P90, %.0f at P50, %.0f at "
			"P10; '-' is no date: the work does not finish with "
			"the engineers declared, which end %s\n",
			months(fin->short_p90), months(fin->short_p50),
			months(fin->short_p10),
			plan_capacity_end_text(how, sizeof(how), r->plan));
	}
	if (r->tail_day && r->tail_p90 > 0) {
		char d[16];

		fprintf(fp,
			"when the last step of plan.capacity begins (%s), "
			"%.0f engineer-months are left at P90 (%.0f at P50) "
			"for its %g engineers alone: the dates after it "
			"assume they stay until the end (its \"until\": "
			"\"open\"; give it a date to bound the forecast)\n",
			date(d, r, r->tail_day), months(r->tail_p90),
			months(r->tail_p50),
			r->plan->capacity[r->plan->capacity_nr - 1].engineers);
	}
}

static void print_contexts(FILE *fp, const struct roadmap *r)
{
	const char *hdr[] = { "context",    "wave",	 "phase",   "owner",
			      "effort P50", "start",	 "end",	    "P50 end",
			      "P90 end",    "engineers", "critical" };
	struct table *t = table_new("lrllrllllrl", hdr);
	size_t *order = roadmap_context_order(r);

	for (size_t i = 0; i < r->nr; i++) {
		const struct roadmap_context *x = &r->contexts[order[i]];
		char wave[32], eff[32], eng[32], a[16], b[16], c[16], d[16];
		const char *row[11];

		snprintf(wave, sizeof(wave), "%zu", x->wave);
		snprintf(eff, sizeof(eff), "%.0f", x->p50);
		snprintf(eng, sizeof(eng), "%.1f", x->engineers);
		row[0] = x->name;
		row[1] = wave;
		row[2] = phase_names[x->phase];
		row[3] = x->owner ? x->owner : "shared";
		row[4] = eff;
		row[5] = date(a, r, x->start);
		row[6] = date(b, r, x->end);
		row[7] = date(c, r, x->end_p50);
		row[8] = date(d, r, x->end_p90);
		row[9] = eng;
		row[10] = x->critical ? "yes" : "";
		table_add_row(t, row);
	}
	table_print(t, fp);
	table_free(t);
	free(order);
}

static void print_tasks(FILE *fp, const struct roadmap *r)
{
	const char *hdr[] = { "task", "phase",	   "effort",  "start",
			      "end",  "engineers", "P50 end", "P90 end" };
	struct table *t = table_new("llrllrll", hdr);

	for (size_t i = 0; i < r->tasks_nr; i++) {
		const struct roadmap_task *x = &r->tasks[i];
		char eff[32], eng[32], a[16], b[16], c[16], d[16];
		const char *row[8];

		snprintf(eff, sizeof(eff), "%.1f", x->effort);
		snprintf(eng, sizeof(eng), "%.1f", x->engineers);
		row[0] = x->name;
		row[1] = phase_names[x->phase];
		row[2] = eff;
		row[3] = date(a, r, x->start);
		row[4] = date(b, r, x->end);
		row[5] = eng;
		row[6] = date(c, r, x->end_p50);
		row[7] = date(d, r, x->end_p90);
		table_add_row(t, row);
	}
	table_print(t, fp);
	table_free(t);
}

/* The critical path with a context's steps collapsed into it. */
void roadmap_critical_summary(struct strbuf *sb, const struct roadmap *r)
{
	long last = -2;

	for (size_t i = 0; i < r->critical_nr; i++) {
		const struct roadmap_task *x = &r->tasks[r->critical[i]];
		char a[16];

		if (x->context >= 0 && x->context == last)
			continue;
		last = x->context >= 0 ? x->context : -2;
		if (sb->len)
			strbuf_addstr(sb, " -> ");
		strbuf_addf(sb, "%s (from %s)",
			    x->context >= 0 ? r->contexts[x->context].name
					    : x->name,
			    date(a, r, x->start));
	}
}

static void print_months(FILE *fp, const struct roadmap *r)
{
	const char *hdr[] = { "month", "capacity", "used", "utilisation" };
	struct table *t = table_new("lrrr", hdr);

	for (size_t i = 0; i < r->months_nr; i++) {
		const struct roadmap_month *m = &r->months[i];
		char a[16], cap[32], used[32], pct[32];
		const char *row[4];

		calendar_format(a, m->first);
		*strrchr(a, '-') = '\0'; /* the month: +10000-01 too */
		snprintf(cap, sizeof(cap), "%.0f", m->capacity);
		snprintf(used, sizeof(used), "%.0f", m->used);
		snprintf(pct, sizeof(pct), "%.0f%%",
			 m->capacity > 0 ? 100 * m->used / m->capacity : 0.0);
		row[0] = a;
		row[1] = cap;
		row[2] = used;
		row[3] = pct;
		table_add_row(t, row);
	}
	table_print(t, fp);
	table_free(t);
}

void roadmap_print_text(FILE *fp, const struct roadmap *r,
			const struct model *m)
{
	struct strbuf sb = STRBUF_INIT;
	char a[16];

	fprintf(fp,
		"roadmap: %zu contexts in %zu wave%s, %zu tasks, %.0f "
		"engineer-days P50 (P10-P90 %.0f-%.0f) from %s; start %s\n",
		r->nr, r->waves, r->waves == 1 ? "" : "s", r->tasks_nr,
		r->effort_p50, r->effort_p10, r->effort_p90,
		r->source ? r->source : "plan.contexts",
		calendar_format(a, r->plan->cal.start));
	if (!r->finished)
		fputs("the schedule does not finish: see the notes\n", fp);
	fprintf(fp,
		"\nmilestones (planned: on the P50 efforts; P50, P10, P90: "
		"over %zu trials)\n",
		r->trials);
	print_milestones(fp, r);
	fputs("\ncontexts in the order they are extracted\n", fp);
	print_contexts(fp, r);
	roadmap_critical_summary(&sb, r);
	fprintf(fp, "\ncritical path: %s\n", sb.len ? sb.buf : "none");
	if (r->cycles_nr) {
		fputs("\ncycles between contexts (dependencies to cut "
		      "first)\n",
		      fp);
		for (size_t i = 0; i < r->cycles_nr; i++) {
			const struct roadmap_cycle *c = &r->cycles[i];

			fprintf(fp, "%zu.", i + 1);
			for (size_t j = 0; j < c->nr; j++)
				fprintf(fp, " %s",
					r->contexts[c->contexts[j]].name);
			fputs("\n   cut:", fp);
			for (size_t j = 0; j < c->cuts_nr; j++)
				fprintf(fp, "%s %s -> %s (%lu)", j ? "," : "",
					r->contexts[c->cuts[j].from].name,
					r->contexts[c->cuts[j].to].name,
					c->cuts[j].refs);
			fputc('\n', fp);
		}
	}
	fputs("\ntimeline\n", fp);
	print_tasks(fp, r);
	fputs("\nutilisation by month (full-time engineer-days)\n", fp);
	print_months(fp, r);
	if (r->notes_nr) {
		fputs("\nnotes:\n", fp);
		for (size_t i = 0; i < r->notes_nr; i++)
			fprintf(fp, "  %s\n", r->notes[i]);
	}
	fputs("\nassumptions:\n", fp);
	for (size_t i = 0; i < m->assumptions_nr; i++)
		fprintf(fp, "  %s: %s [%s]\n", m->assumptions[i].name,
			m->assumptions[i].value, m->assumptions[i].source);
	strbuf_release(&sb);
}

void roadmap_print_csv(FILE *fp, const struct roadmap *r)
{
	static const char *const hdr[] = {
		"task", "context",   "phase",	"wave",	   "effort",   "start",
		"end",	"engineers", "p50_end", "p85_end", "critical",
	};
	char a[16], num[32];

	for (size_t i = 0; i < sizeof(hdr) / sizeof(*hdr); i++) {
		if (i)
			csv_sep(fp);
		csv_text(fp, hdr[i]);
	}
	csv_end(fp);
	for (size_t i = 0; i < r->tasks_nr; i++) {
		const struct roadmap_task *x = &r->tasks[i];

		csv_text(fp, x->name);
		csv_sep(fp);
		csv_text(fp,
			 x->context >= 0 ? r->contexts[x->context].name : "");
		csv_sep(fp);
		csv_text(fp, phase_names[x->phase]);
		csv_sep(fp);
		csv_number(fp,
			   x->context >= 0 ? r->contexts[x->context].wave : 0);
		csv_sep(fp);
		snprintf(num, sizeof(num), "%.2f", x->effort);
		csv_text(fp, num);
		csv_sep(fp);
		csv_text(fp, date(a, r, x->start));
		csv_sep(fp);
		csv_text(fp, date(a, r, x->end));
		csv_sep(fp);
		snprintf(num, sizeof(num), "%.2f", x->engineers);
		csv_text(fp, num);
		csv_sep(fp);
		csv_text(fp, date(a, r, x->end_p50));
		csv_sep(fp);
		csv_text(fp, date(a, r, x->end_p85));
		csv_sep(fp);
		csv_text(fp, x->critical ? "yes" : "no");
		csv_end(fp);
	}
}
