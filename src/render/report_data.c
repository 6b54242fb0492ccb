/*
 * The report's data ownership and API surface (carve data's and carve
 * api's parts): the shared tables with their writers, each context's
 * tables and database coupling, and the endpoints each context serves
 * with the contexts calling them.
 */
#include <stdio.h>

#include "carve/api.h"
#include "carve/data.h"
#include "carve/data_text.h"
#include "carve/html.h"
#include "carve/report.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/strbuf.h"

int report_data(struct report *r)
{
	const struct data_report *d = r->data;
	const char *thdr[] = { "table", "suggested owner", "written by" };
	const char *chdr[] = { "context", "tables owned", "shared written",
			       "coupling", "reads of others' tables" };
	struct strbuf sb = STRBUF_INIT, cell = STRBUF_INIT;
	size_t shown = 0;

	strbuf_addf(&sb,
		    "%zu tables, %zu written by more than one context; "
		    "database coupling %.1f%% (%lu of %lu reads and writes "
		    "touch another context's table).",
		    d->tables_nr, d->shared_nr, 100 * d->coupling, d->crossing,
		    d->accesses);
	fprintf(r->fp, "<p class=%s>", d->shared_nr ? "bad" : "ok");
	html_puts(r->fp, sb.buf);
	fputs("</p>\n", r->fp);
	if (!d->frameworks_nr) {
		/* "0 tables" must not read as a database nobody uses */
		fputs("<p class=bad>", r->fp);
		html_puts(
			r->fp,
			"No ORM model recognised; looked for " DATA_ORMS_LOOKED_FOR
			". The tables come from SQL text only.");
		fputs("</p>\n", r->fp);
	}
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "Set aside (never an owner, never make a table "
			   "shared): ");
	data_aside_text(&sb, d, 0);
	strbuf_addch(&sb, '.');
	fputs("<p>", r->fp);
	html_puts(r->fp, sb.buf);
	fputs("</p>\n", r->fp);
	if (d->shared_nr) {
		report_table_begin(r, "lll", thdr);
		for (size_t i = 0; i < d->tables_nr; i++) {
			const struct data_table *t = &d->tables[i];
			const char *row[3];

			if (!t->shared || shown++ >= r->max_rows)
				continue;
			strbuf_reset(&cell);
			for (size_t c = 0; c < t->uses_nr; c++)
				if (t->uses[c].n[DATA_WRITE])
					strbuf_addf(&cell, "%s%s (%lu)",
						    cell.len ? ", " : "",
						    d->contexts[c].name,
						    t->uses[c].n[DATA_WRITE]);
			row[0] = t->name;
			row[1] = d->contexts[t->owner].name;
			row[2] = cell.buf;
			report_table_row(r, "lll", row);
		}
		report_table_end(r,
				 shown > r->max_rows ? shown - r->max_rows : 0,
				 "carve data lists them all");
	}
	shown = 0;
	report_table_begin(r, "lrrrl", chdr);
	for (size_t c = 0; c < d->contexts_nr; c++) {
		const struct data_context *x = &d->contexts[c];
		char owned[32], shared[32], coupling[32];
		const char *row[5];

		if (!x->reads && !x->writes && !x->owned_nr)
			continue;
		if (shown++ >= r->max_rows)
			continue;
		snprintf(owned, sizeof(owned), "%zu", x->owned_nr);
		snprintf(shared, sizeof(shared), "%zu", x->shared_nr);
		snprintf(coupling, sizeof(coupling), "%.1f%%",
			 100 * x->coupling);
		strbuf_reset(&cell);
		for (size_t i = 0; i < x->foreign_reads_nr; i++)
			strbuf_addf(&cell, "%s%s", i ? ", " : "",
				    d->tables[x->foreign_reads[i]].name);
		row[0] = x->name;
		row[1] = owned;
		row[2] = shared;
		row[3] = coupling;
		row[4] = cell.buf;
		report_table_row(r, "lrrrl", row);
	}
	report_table_end(r, shown > r->max_rows ? shown - r->max_rows : 0,
			 "carve data lists them all");
	strbuf_release(&sb);
	strbuf_release(&cell);
	return 0;
}

int report_api(struct report *r)
{
	const struct api_report *a = r->api;
	const char *hdr[] = { "context", "method", "path", "file",
			      "called from" };
	struct strbuf sb = STRBUF_INIT, cell = STRBUF_INIT;
	size_t shown = a->nr < r->max_rows ? a->nr : r->max_rows;

	strbuf_addf(&sb,
		    "%zu endpoints declared; %zu calls by path from another "
		    "context. Each is routed to its new service and compared "
		    "side by side when its context is extracted.",
		    a->nr, a->calls);
	fputs("<p>", r->fp);
	html_puts(r->fp, sb.buf);
	fputs("</p>\n", r->fp);
	if (a->notice) {
		fputs("<p class=\"notice\">", r->fp);
		html_puts(r->fp, a->notice);
		fputs("</p>\n", r->fp);
	}
	if (!a->nr)
		goto done;
	report_table_begin(r, "lllll", hdr);
	for (size_t i = 0; i < shown; i++) {
		const struct api_entry *e = &a->entries[i];
		const char *row[5];

		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s:%u", a->scan->files[e->file].path,
			    e->ep->line);
		strbuf_reset(&cell);
		for (size_t k = 0; k < e->callers_nr; k++)
			strbuf_addf(&cell, "%s%s", k ? ", " : "",
				    a->seams->contexts[e->callers[k]].name);
		row[0] = e->context >= 0 ? a->seams->contexts[e->context].name
					 : "";
		row[1] = e->ep->method;
		row[2] = e->ep->path;
		row[3] = sb.buf;
		row[4] = cell.buf;
		report_table_row(r, "lllll", row);
	}
	report_table_end(r, a->nr - shown, "carve api lists them all");
done:
	strbuf_release(&sb);
	strbuf_release(&cell);
	return 0;
}
