/*
 * The report's inventory: languages with their share of the code,
 * modules, the largest files, what was not counted and the external
 * packages, each table capped at the report's row limit.
 */
#include <stdio.h>
#include <stdlib.h>

#include "carve/html.h"
#include "carve/language.h"
#include "carve/model.h"
#include "carve/report.h"
#include "carve/scan.h"
#include "carve/xmalloc.h"

static void group_table(struct report *r, const char *name,
			const struct scan_group *g, size_t nr,
			unsigned long total)
{
	const char *hdr[] = { name,    "files",      "code", "comment",
			      "blank", "complexity", "% code" };
	size_t shown = nr < r->max_rows ? nr : r->max_rows;

	report_table_begin(r, "lrrrrrr", hdr);
	for (size_t i = 0; i < shown; i++) {
		char c[6][32];
		const char *row[7];
		double pct = total ? 100.0 * (double)g[i].counts.code /
					     (double)total
				   : 0;

		snprintf(c[0], 32, "%zu", g[i].files);
		report_num(c[1], g[i].counts.code);
		report_num(c[2], g[i].counts.comment);
		report_num(c[3], g[i].counts.blank);
		report_num(c[4], g[i].counts.complexity);
		snprintf(c[5], 32, "%.1f", pct);
		row[0] = g[i].name;
		for (int k = 0; k < 6; k++)
			row[k + 1] = c[k];
		/* the share as a bar beside the name */
		fprintf(r->fp,
			"<tr><td><span class=bar style=\"width:%.0fpx\">"
			"</span>",
			pct * 1.2 + 1);
		html_puts(r->fp, row[0]);
		fputs("</td>", r->fp);
		for (int k = 1; k < 7; k++)
			html_element(r->fp, "td class=n", row[k]);
		fputs("</tr>\n", r->fp);
	}
	report_table_end(r, nr - shown, "carve scan lists them all");
}

static int by_code(const void *a, const void *b, void *arg)
{
	const struct scan_file *f = arg;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	if (f[x].counts.code != f[y].counts.code)
		return f[x].counts.code < f[y].counts.code ? 1 : -1;
	return x < y ? -1 : x > y;
}

static void largest_files(struct report *r)
{
	const struct scan *s = r->m->scan;
	const char *hdr[] = { "file", "language", "module", "code",
			      "complexity" };
	size_t *idx = xmalloc((s->nr ? s->nr : 1) * sizeof(*idx)), n = 0;
	size_t top = r->max_rows < 20 ? r->max_rows : 20;

	for (size_t f = 0; f < s->nr; f++)
		if (s->files[f].status == FILE_COUNTED)
			idx[n++] = f;
	qsort_r(idx, n, sizeof(*idx), by_code, s->files);
	report_table_begin(r, "cllrr", hdr);
	for (size_t i = 0; i < n && i < top; i++) {
		const struct scan_file *f = &s->files[idx[i]];
		char code[32], cx[32];
		const char *row[] = { f->path, f->lang ? f->lang->name : "",
				      f->module, code, cx };

		report_num(code, f->counts.code);
		report_num(cx, f->counts.complexity);
		report_table_row(r, "cllrr", row);
	}
	report_table_end(r, n > top ? n - top : 0,
			 "carve scan -f csv lists every file");
	free(idx);
}

static void not_counted(struct report *r)
{
	const struct scan *s = r->m->scan;
	const char *hdr[] = { "status", "files" };
	int any = 0;

	for (int i = 1; i <= FILE_SPECIAL; i++)
		any |= s->status_count[i] != 0;
	if (!any)
		return;
	fputs("<h3>Not counted</h3>\n", r->fp);
	report_table_begin(r, "lr", hdr);
	for (int i = 1; i <= FILE_SPECIAL; i++) {
		char n[32];
		const char *row[] = { scan_status_name(i), n };

		if (!s->status_count[i])
			continue;
		report_num(n, s->status_count[i]);
		report_table_row(r, "lr", row);
	}
	report_table_end(r, 0, NULL);
	report_note(r, "carve scan --explain-excludes says why each file was "
		       "left out.");
}

static void externals(struct report *r)
{
	const struct scan *s = r->m->scan;
	const char *hdr[] = { "package", "references", "files" };
	size_t shown = 0, more = 0;

	for (size_t i = 0; i < s->externals_nr; i++)
		more += !s->externals[i].stdlib;
	if (!more)
		return;
	fputs("<h3>Third-party packages</h3>\n", r->fp);
	report_table_begin(r, "crr", hdr);
	for (size_t i = 0; i < s->externals_nr && shown < r->max_rows; i++) {
		const struct scan_external *e = &s->externals[i];
		char refs[32], files[32];
		const char *row[] = { e->name, refs, files };

		if (e->stdlib)
			continue;
		report_num(refs, e->refs);
		report_num(files, e->files);
		report_table_row(r, "crr", row);
		shown++;
	}
	report_table_end(r, more - shown, "carve graph lists them all");
}

int report_inventory(struct report *r)
{
	const struct scan *s = r->m->scan;

	fputs("<h3>Languages</h3>\n", r->fp);
	if (!s->languages_nr)
		report_note(r, "No file in a known language was counted.");
	else
		group_table(r, "language", s->languages, s->languages_nr,
			    s->total.code);
	if (s->modules_nr) {
		fputs("<h3>Modules</h3>\n", r->fp);
		group_table(r, "module", s->modules, s->modules_nr,
			    s->total.code);
		fputs("<h3>Largest files</h3>\n", r->fp);
		largest_files(r);
	}
	not_counted(r);
	externals(r);
	return 0;
}
