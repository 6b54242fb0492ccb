/*
 * The report's history section (carve history's part): the span of the
 * log, hotspots (changes x complexity), change coupling between modules
 * and between files, and the main authors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "carve/history.h"
#include "carve/html.h"
#include "carve/model.h"
#include "carve/report.h"
#include "carve/strbuf.h"

static const char *day(char *buf, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!t || !gmtime_r(&tt, &tm))
		return "?";
	strftime(buf, 32, "%Y-%m-%d", &tm);
	return buf;
}

static void hotspots(struct report *r, const struct history *h)
{
	const char *hdr[] = { "file", "changes", "code", "complexity",
			      "hotspot", "main author" };
	size_t nr, *order = history_hotspots(h->files, h->files_nr, &nr);
	size_t top = r->max_rows < 20 ? r->max_rows : 20;

	if (!nr) {
		report_note(r, "No file of the scan changed in the history.");
		free(order);
		return;
	}
	report_table_begin(r, "crrrrl", hdr);
	for (size_t i = 0; i < nr && i < top; i++) {
		const struct history_entity *e = &h->files[order[i]];
		char c[4][32];
		const char *row[] = { e->name, c[0], c[1], c[2], c[3], "" };

		report_num(c[0], e->revisions);
		report_num(c[1], e->code);
		report_num(c[2], e->complexity);
		report_num(c[3], e->hotspot);
		if (e->authors_nr)
			row[5] = h->authors[e->authors[0].who].name;
		report_table_row(r, "crrrrl", row);
	}
	report_table_end(r, nr > top ? nr - top : 0,
			 "carve history --top 0 lists them all");
	free(order);
}

static void coupling(struct report *r, const struct history *h, int modules)
{
	const struct history_coupling *c =
		modules ? &h->module_coupling : &h->file_coupling;
	const struct history_entity *e = modules ? h->modules : h->files;
	const char *hdr[] = { modules ? "module" : "file",
			      modules ? "module" : "file", "shared changes",
			      "degree %" };
	const char *al = modules ? "llrr" : "ccrr";
	size_t top = r->max_rows < 25 ? r->max_rows : 25;

	if (!c->nr) {
		report_note(r, modules ? "No module pair passes the coupling "
					 "thresholds."
				       : "No file pair passes the coupling "
					 "thresholds.");
		return;
	}
	report_table_begin(r, al, hdr);
	for (size_t i = 0; i < c->nr && i < top; i++) {
		const struct history_pair *p = &c->pairs[i];
		char s[32], d[32];
		const char *row[] = { e[p->a].name, e[p->b].name, s, d };

		report_num(s, p->shared);
		snprintf(d, sizeof(d), "%d", p->degree);
		report_table_row(r, al, row);
	}
	report_table_end(r, c->nr > top ? c->nr - top : 0,
			 "carve history -f code-maat --analysis coupling");
}

static void authors(struct report *r, const struct history *h)
{
	const char *hdr[] = { "author", "commits", "lines added",
			      "lines deleted", "first", "last" };
	size_t top = r->max_rows < 15 ? r->max_rows : 15;

	report_table_begin(r, "lrrrrr", hdr);
	for (size_t i = 0; i < h->authors_nr && i < top; i++) {
		const struct history_author *a = &h->authors[i];
		char c[5][32];
		const char *row[] = { a->name, c[0], c[1], c[2], c[3], c[4] };

		report_num(c[0], a->commits);
		report_num(c[1], a->added);
		report_num(c[2], a->deleted);
		row[4] = day(c[3], a->first);
		row[5] = day(c[4], a->last);
		report_table_row(r, "lrrrrr", row);
	}
	report_table_end(r, h->authors_nr > top ? h->authors_nr - top : 0,
			 "carve history --top 0 lists them all");
}

int report_history(struct report *r)
{
	const struct history *h = r->m->history;
	struct strbuf sb = STRBUF_INIT;
	char a[32], b[32], n[32];

	strbuf_addf(&sb, "%s commit%s from %s to %s by %zu author%s",
		    report_num(n, h->commits), h->commits == 1 ? "" : "s",
		    day(a, h->first), day(b, h->last), h->authors_nr,
		    h->authors_nr == 1 ? "" : "s");
	if (h->shallow)
		strbuf_addstr(&sb, " (a shallow clone: the history is cut)");
	fputs("<p>", r->fp);
	html_puts(r->fp, sb.buf);
	fputs(". A hotspot is a file that changes often and is complex: "
	      "changes &times; complexity.</p>\n<h3>Hotspots</h3>\n",
	      r->fp);
	hotspots(r, h);
	fputs("<h3>Modules that change together</h3>\n", r->fp);
	coupling(r, h, 1);
	fputs("<h3>Files that change together</h3>\n", r->fp);
	coupling(r, h, 0);
	fputs("<h3>Authors</h3>\n", r->fp);
	authors(r, h);
	strbuf_release(&sb);
	return 0;
}
