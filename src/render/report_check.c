/*
 * The report's boundary check (carve check's part): how many imports
 * break the rules of carve.json, and each one with its rule.
 */
#include <stdio.h>

#include "carve/check.h"
#include "carve/html.h"
#include "carve/report.h"
#include "carve/scan.h"
#include "carve/strbuf.h"

int report_check(struct report *r)
{
	const struct check *c = r->check;
	const char *hdr[] = { "file", "line", "violation" };
	struct strbuf sb = STRBUF_INIT;
	size_t shown = c->nr < r->max_rows ? c->nr : r->max_rows;

	strbuf_addf(&sb, "%zu violation%s of %zu rule%s over %d contexts.",
		    c->nr, c->nr == 1 ? "" : "s", c->rules_nr,
		    c->rules_nr == 1 ? "" : "s", c->contexts.nr);
	fprintf(r->fp, "<p class=%s>", c->nr ? "bad" : "ok");
	html_puts(r->fp, sb.buf);
	fputs("</p>\n", r->fp);
	if (!c->nr)
		goto done;
	report_table_begin(r, "crl", hdr);
	for (size_t i = 0; i < shown; i++) {
		const struct check_violation *v = &c->v[i];
		char line[32];
		const char *row[] = { c->scan->files[v->from].path, line, "" };

		snprintf(line, sizeof(line), "%u", v->line);
		if (!v->line)
			line[0] = '\0';
		strbuf_reset(&sb);
		check_message(c, v, &sb);
		row[2] = sb.buf;
		report_table_row(r, "crl", row);
	}
	report_table_end(r, c->nr - shown, "carve check lists them all");
done:
	strbuf_release(&sb);
	return 0;
}
