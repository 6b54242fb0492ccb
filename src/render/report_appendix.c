/*
 * The report's appendix: what was read (the input, the repository, the
 * configuration) and every assumption behind the numbers, with where
 * each came from.
 */
#include <stdio.h>
#include <string.h>

#include "carve/config.h"
#include "carve/model.h"
#include "carve/report.h"
#include "carve/scan.h"

/* True when an earlier assumption says the same. */
static int repeated(const struct model *m, size_t i)
{
	const struct assumption *a = &m->assumptions[i];

	for (size_t j = 0; j < i; j++) {
		const struct assumption *b = &m->assumptions[j];

		if (!strcmp(a->name, b->name) && !strcmp(a->value, b->value) &&
		    !strcmp(a->source, b->source))
			return 1;
	}
	return 0;
}

int report_appendix(struct report *r)
{
	const struct model *m = r->m;
	const struct scan *s = m->scan;
	const char *hdr[] = { "assumption", "value", "source" };
	const char *in_hdr[] = { "input", "value" };
	char head[16];
	const char *rows[][2] = {
		{ "read", r->source },
		{ "repository root", s->root },
		{ "scanned sub-directory", *s->prefix ? s->prefix : "(all)" },
		{ "commit", head },
		{ "branch", s->branch ? s->branch : "" },
		{ "scanned at", s->scanned_at },
		{ "configuration",
		  r->cfg && r->cfg->path ? r->cfg->path : "none (defaults)" },
	};

	snprintf(head, sizeof(head), "%.12s", *s->head ? s->head : "-");
	fputs("<h3>Inputs</h3>\n", r->fp);
	report_table_begin(r, "lc", in_hdr);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		report_table_row(r, "lc", rows[i]);
	report_table_end(r, 0, NULL);
	fputs("<h3>Assumptions</h3>\n", r->fp);
	if (!m->assumptions_nr) {
		report_note(r, "None recorded.");
		return 0;
	}
	/* all of them: each number in the page rests on one of these */
	report_table_begin(r, "lll", hdr);
	for (size_t i = 0; i < m->assumptions_nr; i++) {
		const struct assumption *a = &m->assumptions[i];
		const char *row[] = { a->name, a->value, a->source };

		/* the roadmap's, recorded again by the burndown's plan */
		if (!repeated(m, i))
			report_table_row(r, "lll", row);
	}
	report_table_end(r, 0, NULL);
	return 0;
}
