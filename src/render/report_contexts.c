/*
 * The report's proposal (carve seams' part): the extraction ranking
 * with every score, the cycles between contexts and their cuts, and per
 * context its files and its seam (what crosses it, each way).
 */
#include <stdio.h>

#include "carve/html.h"
#include "carve/report.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/strbuf.h"

static void ranking(struct report *r, const struct seams *s)
{
	const char *hdr[] = { "rank",     "context",  "score", "coupling",
			      "change",   "boundary", "dependents", "files",
			      "code" };
	size_t top = s->ranking_nr < r->max_rows ? s->ranking_nr : r->max_rows;

	report_table_begin(r, "rlrrrrrrr", hdr);
	for (size_t i = 0; i < top; i++) {
		const struct seams_context *x = &s->contexts[s->ranking[i]];
		char c[9][32];
		const char *row[9];

		snprintf(c[0], 32, "%zu", i + 1);
		snprintf(c[2], 32, "%.2f", x->rank_score);
		for (int k = 0; k < CRIT_NR; k++)
			snprintf(c[3 + k], 32, x->score[k] < 0 ? "-" : "%.2f",
				 x->score[k]);
		report_num(c[7], x->files_nr);
		report_num(c[8], x->code);
		for (int k = 0; k < 9; k++)
			row[k] = c[k];
		row[1] = x->name;
		report_table_row(r, "rlrrrrrrr", row);
	}
	report_table_end(r, s->ranking_nr - top, "carve seams --top 0");
	report_note(r, "Each score runs from 0 (worst) to 1 (best) and the "
		       "rank follows their mean: least coupled, most often "
		       "changed (needs history), clearest boundary, fewest "
		       "dependents.");
}

static void cycles(struct report *r, const struct seams *s)
{
	const char *hdr[] = { "#", "contexts", "cut to break it", "refs" };
	struct strbuf names = STRBUF_INIT, cuts = STRBUF_INIT;
	char n[32], w[32];

	fputs("<h3>Cycles between contexts</h3>\n", r->fp);
	if (!s->cycles_nr) {
		report_note(r, "None: the contexts can be extracted in "
			       "dependency order.");
		return;
	}
	report_table_begin(r, "rllr", hdr);
	for (size_t i = 0; i < s->cycles_nr && i < r->max_rows; i++) {
		const struct seams_cycle *c = &s->cycles[i];
		const char *row[] = { n, names.buf, cuts.buf, w };

		strbuf_reset(&names);
		strbuf_reset(&cuts);
		for (size_t j = 0; j < c->nr; j++)
			strbuf_addf(&names, "%s%s", j ? ", " : "",
				    s->contexts[c->contexts[j]].name);
		for (size_t j = 0; j < c->cuts_nr; j++) {
			const struct seams_crossing *x =
				&s->crossings[c->cuts[j]];

			strbuf_addf(&cuts, "%s%s \xe2\x86\x92 %s (%lu)",
				    j ? "; " : "", s->contexts[x->from].name,
				    s->contexts[x->to].name, x->refs);
		}
		snprintf(n, sizeof(n), "%zu", i + 1);
		report_num(w, c->cut_refs);
		row[1] = names.buf;
		row[2] = cuts.buf;
		report_table_row(r, "rllr", row);
	}
	report_table_end(r,
			 s->cycles_nr > r->max_rows ? s->cycles_nr - r->max_rows
						    : 0,
			 NULL);
	strbuf_release(&names);
	strbuf_release(&cuts);
}

static void seam(struct report *r, const struct seams *s, size_t ctx, int out)
{
	const char *hdr[] = { out ? "depends on" : "used by", "refs", "edges",
			      out ? "imports" : "imported" };
	struct strbuf sb = STRBUF_INIT;
	size_t rows = 0, more = 0;

	for (size_t i = 0; i < s->crossings_nr; i++) {
		const struct seams_crossing *c = &s->crossings[i];
		char refs[32], edges[32];
		const char *row[] = { "", refs, edges, sb.buf };

		if ((out ? c->from : c->to) != ctx)
			continue;
		if (rows >= r->max_rows) {
			more++;
			continue;
		}
		if (!rows++)
			report_table_begin(r, "lrrl", hdr);
		strbuf_reset(&sb);
		for (size_t j = 0; j < c->targets_nr && j < 5; j++)
			strbuf_addf(&sb, "%s%s (%lu)", j ? ", " : "",
				    c->targets[j].path, c->targets[j].refs);
		if (c->targets_nr > 5)
			strbuf_addf(&sb, ", %zu more", c->targets_nr - 5);
		for (size_t j = 0; j < c->symbols_nr && j < 5; j++)
			strbuf_addf(&sb, "%s%s (%lu)", j ? ", " : "; symbols ",
				    c->symbols[j].path, c->symbols[j].refs);
		if (c->symbols_nr > 5)
			strbuf_addf(&sb, ", %zu more", c->symbols_nr - 5);
		row[0] = s->contexts[out ? c->to : c->from].name;
		row[3] = sb.buf;
		report_num(refs, c->refs);
		report_num(edges, c->edges);
		report_table_row(r, "lrrl", row);
	}
	if (rows)
		report_table_end(r, more, NULL);
	strbuf_release(&sb);
}

static void context(struct report *r, const struct seams *s, size_t i)
{
	const struct seams_context *x = &s->contexts[i];
	struct strbuf sb = STRBUF_INIT;
	char code[32];
	size_t shown;

	strbuf_addf(&sb, "%s \xe2\x80\x94 %zu file%s, %s code lines", x->name,
		    x->files_nr, x->files_nr == 1 ? "" : "s",
		    report_num(code, x->code));
	if (x->kernel)
		strbuf_addstr(&sb, " (shared kernel: hubs nearly everything "
				   "uses)");
	else if (x->rank)
		strbuf_addf(&sb, ", extract #%zu", x->rank);
	fputs("<details><summary>", r->fp);
	html_puts(r->fp, sb.buf);
	fputs("</summary>\n", r->fp);
	strbuf_reset(&sb);
	strbuf_addf(&sb,
		    "Cohesion %.2f (%lu references inside); %lu references "
		    "out to %zu contexts, %lu in from %zu.",
		    x->cohesion, x->internal, x->refs_out, x->fan_out,
		    x->refs_in, x->fan_in);
	if (x->changes)
		strbuf_addf(&sb, " %zu file changes in the history.",
			    x->changes);
	fputs("<p>", r->fp);
	html_puts(r->fp, sb.buf);
	fputs("</p>\n", r->fp);
	seam(r, s, i, 1);
	seam(r, s, i, 0);
	fputs("<p>Files: ", r->fp);
	shown = x->files_nr < r->max_rows ? x->files_nr : r->max_rows;
	for (size_t j = 0; j < shown; j++) {
		fputs(j ? ", <code>" : "<code>", r->fp);
		html_puts(r->fp, s->scan->files[x->files[j]].path);
		fputs("</code>", r->fp);
	}
	if (shown < x->files_nr)
		fprintf(r->fp, " and %zu more (carve seams -f csv)",
			x->files_nr - shown);
	fputs("</p></details>\n", r->fp);
	strbuf_release(&sb);
}

int report_contexts(struct report *r)
{
	const struct seams *s = r->seams;
	struct strbuf sb = STRBUF_INIT;
	size_t shown = s->nr < r->max_rows ? s->nr : r->max_rows, kernel = 0;

	for (size_t i = 0; i < s->nr; i++)
		kernel += s->contexts[i].kernel ? s->contexts[i].files_nr : 0;
	strbuf_addf(&sb, "%zu contexts", s->nr - (kernel > 0));
	if (kernel)
		strbuf_addf(&sb, " and a shared kernel of %zu file%s", kernel,
			    kernel == 1 ? "" : "s");
	strbuf_addf(&sb,
		    "; modularity %.3f; %lu of %lu references "
		    "(%.1f%%) cross a context boundary.",
		    s->modularity, s->refs_crossing, s->refs_total,
		    s->refs_total ? 100.0 * (double)s->refs_crossing /
					    (double)s->refs_total
				  : 0.0);
	fputs("<p>", r->fp);
	html_puts(r->fp, sb.buf);
	fputs("</p>\n<h3>What to extract first</h3>\n", r->fp);
	ranking(r, s);
	cycles(r, s);
	fputs("<h3>Each context and its seam</h3>\n", r->fp);
	for (size_t i = 0; i < shown; i++)
		context(r, s, i);
	if (shown < s->nr)
		fprintf(r->fp,
			"<p class=more>%zu more contexts not shown (carve "
			"seams).</p>\n",
			s->nr - shown);
	strbuf_release(&sb);
	return 0;
}
