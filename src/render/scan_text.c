/*
 * carve scan's text: the tables by language and by module, the counts
 * of files by status, libclang's summary, the files not counted (with
 * --explain-excludes) and the assumptions.
 */
#include <string.h>

#include "carve/assumptions_text.h"
#include "carve/model.h"
#include "carve/scan.h"
#include "carve/scan_text.h"
#include "carve/strbuf.h"
#include "carve/symdeps.h"
#include "carve/table.h"

static void fmt_count(struct strbuf *sb, unsigned long long n)
{
	strbuf_reset(sb);
	strbuf_add_thousands(sb, n);
}

static void print_groups(FILE *fp, const char *title,
			 const struct scan_group *g, size_t nr, size_t top,
			 const struct line_counts *total, size_t total_files)
{
	static const char *const headers[] = {
		NULL,	 "files",      "code",	 "comment",
		"blank", "complexity", "% code",
	};
	const char *hdr[7];
	struct strbuf cell[7];
	struct table *t;
	size_t shown = top && top < nr ? top : nr;

	memcpy(hdr, headers, sizeof(hdr));
	hdr[0] = title;
	t = table_new("lrrrrrr", hdr);
	for (int c = 0; c < 7; c++)
		strbuf_init(&cell[c], 0);
	for (size_t i = 0; i <= shown; i++) {
		const struct line_counts *lc = i < shown ? &g[i].counts : total;
		const char *row[7];

		if (i == shown)
			table_add_rule(t);
		strbuf_reset(&cell[0]);
		strbuf_addstr(&cell[0], i < shown ? g[i].name : "total");
		if (i == shown && shown < nr)
			strbuf_addf(&cell[0], " (%zu %s, %zu shown)", nr, title,
				    shown);
		fmt_count(&cell[1], i < shown ? g[i].files : total_files);
		fmt_count(&cell[2], lc->code);
		fmt_count(&cell[3], lc->comment);
		fmt_count(&cell[4], lc->blank);
		fmt_count(&cell[5], lc->complexity);
		strbuf_reset(&cell[6]);
		strbuf_addf(&cell[6], "%.1f",
			    total->code ? 100.0 * (double)lc->code /
						  (double)total->code
					: 0.0);
		for (int c = 0; c < 7; c++)
			row[c] = cell[c].buf;
		table_add_row(t, row);
	}
	fputc('\n', fp);
	table_print(t, fp);
	table_free(t);
	for (int c = 0; c < 7; c++)
		strbuf_release(&cell[c]);
}

static void print_explain(FILE *fp, const struct scan *s)
{
	static const char *const headers[] = { "path", "status", "reason" };
	struct table *t = table_new("lll", headers);
	size_t n = 0;

	for (size_t i = 0; i < s->nr; i++) {
		const struct scan_file *f = &s->files[i];
		const char *row[3];

		if (f->status == FILE_COUNTED)
			continue;
		row[0] = f->path;
		row[1] = scan_status_name(f->status);
		row[2] = f->reason ? f->reason : "";
		table_add_row(t, row);
		n++;
	}
	fprintf(fp, "\nnot counted: %zu files\n", n);
	if (n)
		table_print(t, fp);
	table_free(t);
}

static void print_clang(FILE *fp, const struct scan *s)
{
	const struct symdeps *sd = s->clang;
	size_t symbol_edges = 0;

	for (size_t i = 0; i < s->edges_nr; i++)
		symbol_edges += s->edges[i].kind == DEP_SYMBOL;
	fprintf(fp,
		"\nlibclang: %zu translation units (%zu parsed, %zu "
		"cached, %zu failed, %zu crashed), %zu errors, %zu warnings; "
		"%zu symbol edges, %zu references to no repository file\n",
		sd->units, sd->parsed, sd->cached, sd->failed, sd->crashed,
		sd->errors, sd->warnings, symbol_edges, sd->index.unresolved);
	for (size_t i = 0; i < sd->crashed_nr; i++)
		fprintf(fp, "  crashed libclang: %s\n", sd->crashed_files[i]);
	for (size_t i = 0; i < sd->failed_nr; i++)
		fprintf(fp, "  not parsed: %s\n", sd->failed_files[i]);
	if (sd->messages_nr)
		fputs("  most frequent errors (units):\n", fp);
	for (size_t i = 0; i < sd->messages_nr; i++)
		fprintf(fp, "  %6zu  %s\n", sd->messages[i].units,
			sd->messages[i].text);
}

void scan_print_text(FILE *fp, const struct model *m, size_t top, int explain)
{
	const struct scan *s = m->scan;
	size_t not_counted = s->nr - s->status_count[FILE_COUNTED];

	fprintf(fp, "%s", s->root);
	if (*s->prefix)
		fprintf(fp, "/%s", s->prefix);
	if (s->is_git)
		fprintf(fp, " (git, %s%.12s%s%s)", *s->head ? "HEAD " : "",
			*s->head ? s->head : "no commits yet",
			s->branch ? " on " : "", s->branch ? s->branch : "");
	else
		fputs(" (not a git work tree: directory walk)", fp);
	fputc('\n', fp);
	print_groups(fp, "language", s->languages, s->languages_nr, 0,
		     &s->total, s->status_count[FILE_COUNTED]);
	print_groups(fp, "module", s->modules, s->modules_nr, top, &s->total,
		     s->status_count[FILE_COUNTED]);
	fprintf(fp, "\n%zu files: %zu counted", s->nr,
		s->status_count[FILE_COUNTED]);
	for (int i = FILE_UNKNOWN; i <= FILE_SPECIAL; i++)
		if (s->status_count[i])
			fprintf(fp, ", %zu %s", s->status_count[i],
				scan_status_name(i));
	fputc('\n', fp);
	if (s->clang)
		print_clang(fp, s);
	if (s->blind_nr)
		fprintf(fp,
			"\nblind spots (at least %d files, under one "
			"dependency per %d):\n",
			SCAN_BLIND_MIN_FILES, SCAN_BLIND_FILES_PER_EDGE);
	for (size_t i = 0; i < s->blind_nr; i++)
		fprintf(fp, "  %s\n", s->blind[i].text);
	if (explain)
		print_explain(fp, s);
	else if (not_counted)
		fputs("(--explain-excludes lists the files not counted and "
		      "why)\n",
		      fp);
	assumptions_print_text(fp, m);
}
