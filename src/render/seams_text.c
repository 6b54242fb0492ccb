/*
 * carve seams' printers: the text summary (each context with its files,
 * seam, owners and history; the extraction ranking; the assumptions), the
 * CSV of files and contexts, and the comparison with a declared clustering.
 */
#include <math.h>
#include <string.h>

#include "carve/assumptions_text.h"
#include "carve/compare.h"
#include "carve/csv.h"
#include "carve/model.h"
#include "carve/rank.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/seams_text.h"
#include "carve/strbuf.h"
#include "carve/table.h"
#include "carve/xmalloc.h"

static void add_num(struct strbuf *sb, unsigned long long n)
{
	strbuf_add_thousands(sb, n);
}

static const char *fmt_langs(struct strbuf *sb, const struct seams_context *x)
{
	strbuf_reset(sb);
	for (size_t i = 0; i < x->langs_nr && i < 4; i++) {
		if (i)
			strbuf_addstr(sb, ", ");
		strbuf_addf(sb, "%s ", x->langs[i].name);
		add_num(sb, x->langs[i].code);
	}
	if (x->langs_nr > 4)
		strbuf_addstr(sb, ", ...");
	return sb->buf;
}

static void print_crossings(FILE *fp, const struct seams *s, size_t ctx,
			    int out, size_t top)
{
	const char *hdr[] = { out ? "depends on" : "used by", "refs", "edges",
			      out ? "imports" : "imported" };
	struct table *t = table_new("lrrl", hdr);
	struct strbuf sb = STRBUF_INIT;
	size_t rows = 0, more = 0;

	for (size_t i = 0; i < s->crossings_nr; i++) {
		const struct seams_crossing *c = &s->crossings[i];
		char refs[32], edges[32];
		const char *row[4];

		if ((out ? c->from : c->to) != ctx)
			continue;
		if (rows++ >= top) {
			more++;
			continue;
		}
		strbuf_reset(&sb);
		for (size_t j = 0; j < c->targets_nr && j < 3; j++)
			strbuf_addf(&sb, "%s%s (%lu)", j ? ", " : "",
				    c->targets[j].path, c->targets[j].refs);
		if (c->targets_nr > 3)
			strbuf_addf(&sb, ", %zu more", c->targets_nr - 3);
		for (size_t j = 0; j < c->symbols_nr && j < 3; j++)
			strbuf_addf(&sb, "%s%s (%lu)", j ? ", " : "; symbols ",
				    c->symbols[j].path, c->symbols[j].refs);
		if (c->symbols_nr > 3)
			strbuf_addf(&sb, ", %zu more", c->symbols_nr - 3);
		snprintf(refs, sizeof(refs), "%lu", c->refs);
		snprintf(edges, sizeof(edges), "%zu", c->edges);
		row[0] = s->contexts[out ? c->to : c->from].name;
		row[1] = refs;
		row[2] = edges;
		row[3] = sb.buf;
		table_add_row(t, row);
	}
	if (rows) {
		struct strbuf ind = STRBUF_INIT;
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);

		table_print(t, mem);
		fclose(mem);
		/* indent the table under its context */
		for (char *line = buf; line && *line;) {
			char *nl = strchr(line, '\n');

			fprintf(fp, "    %.*s\n",
				nl ? (int)(nl - line) : (int)strlen(line),
				line);
			line = nl ? nl + 1 : NULL;
		}
		if (more)
			fprintf(fp, "    ... %zu more\n", more);
		free(buf);
		strbuf_release(&ind);
	}
	table_free(t);
	strbuf_release(&sb);
}

static void print_owners(FILE *fp, const char *what,
			 const struct seams_owner *o, size_t nr)
{
	if (!nr)
		return;
	fprintf(fp, "; %s", what);
	for (size_t i = 0; i < nr; i++)
		fprintf(fp, "%s %s %.0f%%", i ? "," : "", o[i].name,
			100 * o[i].share);
}

static void print_history(FILE *fp, const struct seams_context *x)
{
	fprintf(fp, "  history: %zu file changes", x->changes);
	if (x->coupled)
		fprintf(fp,
			"; change coupling across the seam %.0f%% (%lu "
			"of %lu shared changes)",
			100.0 * (double)x->leaked / (double)x->coupled,
			x->leaked, x->coupled);
	print_owners(fp, "authors", x->authors, x->authors_nr);
	print_owners(fp, "teams", x->teams, x->teams_nr);
	fputc('\n', fp);
}

static void print_context(FILE *fp, const struct seams *s, size_t i, size_t top)
{
	const struct seams_context *x = &s->contexts[i];
	struct strbuf sb = STRBUF_INIT, num = STRBUF_INIT;

	add_num(&num, x->code);
	fprintf(fp, "\n%s%s: %zu file%s, %s code lines (%s)", x->name,
		x->kernel	       ? " (hubs that nearly everything uses)"
		: x->unlinked	       ? " (files linked to nothing)"
		: x->declared	       ? " (declared in carve.json)"
		: x->role == ROLE_TEST ? " (tests: they move with the code "
					 "they test, not ranked)"
		: x->role == ROLE_MIGRATION ? " (migrations: they move with "
					      "the data, not ranked)"
		: x->role == ROLE_PLATFORM ? " (platform: docs, CI, build and "
					     "configuration beside no code; "
					     "never a service, not ranked)"
					    : "",
		x->files_nr, x->files_nr == 1 ? "" : "s", num.buf,
		fmt_langs(&sb, x));
	if (x->other) {
		strbuf_reset(&num);
		add_num(&num, x->other);
		fprintf(fp, ", and %s lines of docs, data and configuration",
			num.buf);
	}
	fputc('\n', fp);
	fprintf(fp,
		"  cohesion %.2f (%lu references inside), %lu out and "
		"%lu in across the seam, to %zu and from %zu contexts",
		x->cohesion, x->internal, x->refs_out, x->refs_in, x->fan_out,
		x->fan_in);
	if (x->rank)
		fprintf(fp, ", extraction rank %zu", x->rank);
	fputc('\n', fp);
	if (s->options.history)
		print_history(fp, x);
	if (x->cycle >= 0)
		fprintf(fp, "  on context cycle %ld\n", x->cycle + 1);
	if (x->files_nr <= 6 || x->kernel) {
		fputs("  files:", fp);
		for (size_t j = 0; j < x->files_nr && j < 12; j++)
			fprintf(fp, " %s", s->scan->files[x->files[j]].path);
		if (x->files_nr > 12)
			fprintf(fp, " ... (%zu more)", x->files_nr - 12);
		fputc('\n', fp);
	}
	print_crossings(fp, s, i, 1, top);
	print_crossings(fp, s, i, 0, top);
	strbuf_release(&sb);
	strbuf_release(&num);
}

static void print_ranking(FILE *fp, const struct seams *s, size_t top)
{
	const char *hdr[] = { "rank",	"context",  "score",	  "coupling",
			      "change", "boundary", "dependents", "files" };
	struct table *t = table_new("rlrrrrrr", hdr);

	fputs("\nfirst extraction (least coupled, most changed, smallest "
	      "seam, fewest dependents; 1 is best)\n",
	      fp);
	for (size_t r = 0; r < s->ranking_nr && r < top; r++) {
		const struct seams_context *x = &s->contexts[s->ranking[r]];
		char cell[8][32];
		const char *row[8];

		snprintf(cell[0], 32, "%zu", r + 1);
		snprintf(cell[2], 32, "%.2f", x->rank_score);
		for (int c = 0; c < CRIT_NR; c++) {
			if (x->score[c] < 0)
				snprintf(cell[3 + c], 32, "-");
			else
				snprintf(cell[3 + c], 32, "%.2f", x->score[c]);
		}
		snprintf(cell[7], 32, "%zu", x->files_nr);
		for (int c = 0; c < 8; c++)
			row[c] = cell[c];
		row[1] = x->name;
		table_add_row(t, row);
	}
	table_print(t, fp);
	table_free(t);
	if (s->ranking_nr > top)
		fprintf(fp, "... %zu more\n", s->ranking_nr - top);
	/* why the first three are first, in the counts behind the scores */
	for (size_t r = 0; r < s->ranking_nr && r < 3 && r < top; r++) {
		const struct seams_context *x = &s->contexts[s->ranking[r]];
		unsigned long all = x->internal + x->refs_out + x->refs_in;

		fprintf(fp,
			"  %zu. %s: %.0f%% of its %lu references cross the "
			"seam (%lu out, %lu in), %zu context%s depend%s on "
			"it, %lu file edges in the seam",
			r + 1, x->name,
			all ? 100.0 * (double)(x->refs_out + x->refs_in) /
				      (double)all :
			      0.0,
			all, x->refs_out, x->refs_in, x->fan_in,
			x->fan_in == 1 ? "" : "s", x->fan_in == 1 ? "s" : "",
			x->edges_out + x->edges_in);
		if (x->score[CRIT_CHANGE] >= 0)
			fprintf(fp, ", %zu file changes", x->changes);
		fputc('\n', fp);
	}
	if (s->rank_min_code)
		fprintf(fp,
			"  contexts under %lu code lines (1%% of the code) "
			"are fragments, code under one branch per %d lines "
			"is data, and code mostly under bin/, scripts/, "
			"tools/ or config/ is tooling and set-up: none is "
			"ranked\n",
			s->rank_min_code, RANK_DATA_LINES);
}

void seams_print_text(FILE *fp, const struct seams *s, const struct model *m,
		      size_t top)
{
	size_t counted = 0, proposed = 0;
	long kernel = -1;

	for (size_t i = 0; i < s->nr; i++) {
		counted += s->contexts[i].files_nr;
		if (s->contexts[i].kernel)
			kernel = (long)i;
		else
			proposed++;
	}
	fprintf(fp, "seams of %s: %zu contexts over %zu files (%zu units)",
		s->scan->root, proposed, counted,
		s->graph.nr - s->graph.folders_nr);
	if (kernel >= 0)
		fprintf(fp, ", shared kernel of %zu file%s",
			s->contexts[kernel].files_nr,
			s->contexts[kernel].files_nr == 1 ? "" : "s");
	fputc('\n', fp);
	fprintf(fp,
		"modularity %.3f, TurboMQ %.2f, %lu of %lu references "
		"(%.1f%%) cross contexts, %zu context cycle%s\n",
		s->modularity, s->turbo_mq, s->refs_crossing, s->refs_total,
		s->refs_total ? 100.0 * (double)s->refs_crossing /
					(double)s->refs_total
			      : 0.0,
		s->cycles_nr, s->cycles_nr == 1 ? "" : "s");
	if (s->wanted_missed)
		fprintf(fp, "--contexts %zu: only %zu found\n",
			s->options.contexts, s->wanted_missed);
	if (s->kept_whole)
		fprintf(fp,
			"%zu context%s over %g%% of the code kept whole: "
			"a split would cut %s links nearly as a random one "
			"(one piece) or follow %s layer folders\n",
			s->kept_whole, s->kept_whole == 1 ? "" : "s",
			100 * s->options.max_share,
			s->kept_whole == 1 ? "its" : "their",
			s->kept_whole == 1 ? "its" : "their");
	for (size_t i = 0; i < s->nr; i++)
		print_context(fp, s, i, top);
	fputs("\ncycles between contexts\n", fp);
	if (!s->cycles_nr)
		fputs("  none\n", fp);
	for (size_t i = 0; i < s->cycles_nr; i++) {
		const struct seams_cycle *c = &s->cycles[i];

		fprintf(fp, "%zu. %zu contexts:", i + 1, c->nr);
		for (size_t j = 0; j < c->nr; j++)
			fprintf(fp, " %s", s->contexts[c->contexts[j]].name);
		fprintf(fp,
			"\n   cut %zu dependenc%s (%lu references) to "
			"break it:\n",
			c->cuts_nr, c->cuts_nr == 1 ? "y" : "ies", c->cut_refs);
		for (size_t j = 0; j < c->cuts_nr; j++) {
			const struct seams_crossing *x =
				&s->crossings[c->cuts[j]];

			fprintf(fp, "     %s -> %s (%lu)\n",
				s->contexts[x->from].name,
				s->contexts[x->to].name, x->refs);
		}
	}
	print_ranking(fp, s, top);
	assumptions_print_text(fp, m);
}

void seams_print_csv(FILE *fp, const struct seams *s)
{
	csv_text(fp, "path");
	csv_sep(fp);
	csv_text(fp, "context");
	csv_end(fp);
	for (size_t f = 0; f < s->scan->nr; f++) {
		if (s->context_of[f] < 0)
			continue;
		csv_text(fp, s->scan->files[f].path);
		csv_sep(fp);
		csv_text(fp, s->contexts[s->context_of[f]].name);
		csv_end(fp);
	}
}

void seams_print_comparison(FILE *fp, const struct compare_result *r)
{
	const char *hdr[COMPARE_NR + 1] = { "measure" };
	struct table *t;
	const char *names[] = { "MoJoFM", "a2a", "adjusted Rand", "mno",
				"contexts" };

	for (int i = 0; i < COMPARE_NR; i++)
		hdr[i + 1] = compare_name(i);
	t = table_new("lrrrr", hdr);
	fprintf(fp,
		"\ncompared with %s: %zu files in %zu contexts; %zu of "
		"them counted by the scan (%.1f%%)",
		r->path, r->files, r->clusters, r->common,
		r->files ? 100.0 * (double)r->common / (double)r->files : 0.0);
	if (r->only_ours)
		fprintf(fp, ", %zu counted files it does not name (left out)",
			r->only_ours);
	if (r->duplicates)
		fprintf(fp, ", %zu repeated assignments (the last counts)",
			r->duplicates);
	fputc('\n', fp);
	if (r->missing_nr) {
		fprintf(fp, "not counted by the scan:");
		for (size_t i = 0; i < r->missing_nr && i < 8; i++)
			fprintf(fp, " %s", r->missing[i]);
		if (r->missing_nr > 8)
			fprintf(fp, " ... (%zu more)", r->missing_nr - 8);
		fputc('\n', fp);
	}
	for (int m = 0; m < 5; m++) {
		char cell[COMPARE_NR][32];
		const char *row[COMPARE_NR + 1];

		for (int i = 0; i < COMPARE_NR; i++) {
			if (m == 0)
				snprintf(cell[i], 32, "%.2f", r->fm[i]);
			else if (m == 1)
				snprintf(cell[i], 32, "%.2f", r->a2a[i]);
			else if (m == 2)
				/* no "-0.000" for an index of about 0 */
				snprintf(cell[i], 32, "%.3f",
					 fabs(r->ari[i]) < 5e-4 ? 0.0
								: r->ari[i]);
			else if (m == 3)
				snprintf(cell[i], 32, "%lu", r->mno[i]);
			else
				snprintf(cell[i], 32, "%zu", r->k[i]);
			row[i + 1] = cell[i];
		}
		row[0] = names[m];
		table_add_row(t, row);
	}
	table_print(t, fp);
	table_free(t);
	fprintf(fp,
		"MoJoFM = (1 - mno / %lu) x 100, %lu being the largest "
		"mno of any clustering of these %zu files%s\n",
		r->max_mno, r->max_mno, r->common,
		r->approximate ? "; a2a matched greedily (large)" : "");
}
