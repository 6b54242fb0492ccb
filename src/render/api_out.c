/*
 * carve api's outputs other than text and JSON: CSV (one row per
 * endpoint) and DOT (contexts, an edge from each calling context to the
 * serving one labelled with the endpoints).
 */
#include <stdio.h>
#include <stdlib.h>

#include "carve/api_out.h"
#include "carve/csv.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/utf8.h"

static const char *ctx_name(const struct api_report *r, long c)
{
	return c >= 0 ? r->seams->contexts[c].name : "";
}

void api_print_csv(FILE *fp, const struct api_report *r)
{
	const char *hdr[] = { "context", "method", "path",   "framework",
			      "file",	 "line",   "callers" };

	for (size_t i = 0; i < 7; i++) {
		if (i)
			csv_sep(fp);
		csv_text(fp, hdr[i]);
	}
	csv_end(fp);
	for (size_t i = 0; i < r->nr; i++) {
		const struct api_entry *e = &r->entries[i];
		char callers[1024] = "";
		size_t n = 0;

		for (size_t c = 0; c < e->callers_nr && n < sizeof(callers);
		     c++)
			n += (size_t)snprintf(callers + n, sizeof(callers) - n,
					      "%s%s", c ? " " : "",
					      ctx_name(r, (long)e->callers[c]));
		csv_text(fp, ctx_name(r, e->context));
		csv_sep(fp);
		csv_text(fp, e->ep->method);
		csv_sep(fp);
		csv_text(fp, e->ep->path);
		csv_sep(fp);
		csv_text(fp, e->ep->framework);
		csv_sep(fp);
		csv_text(fp, r->scan->files[e->file].path);
		csv_sep(fp);
		csv_number(fp, e->ep->line);
		csv_sep(fp);
		csv_text(fp, callers);
		csv_end(fp);
	}
}

void api_print_dot(FILE *fp, const struct api_report *r)
{
	size_t nr = r->contexts_nr;
	unsigned long *calls = calloc(nr ? nr * nr : 1, sizeof(*calls));

	if (!calls)
		return;
	fputs("digraph api {\n  rankdir=LR;\n  node [shape=box, "
	      "fontname=Helvetica];\n",
	      fp);
	for (size_t c = 0; c < nr; c++)
		fprintf(fp, "  c%zu [label=\"%s\\n%zu endpoints\"];\n", c,
			r->seams->contexts[c].name, r->per_context[c]);
	for (size_t i = 0; i < r->nr; i++)
		for (size_t k = 0; k < r->entries[i].callers_nr; k++)
			if (r->entries[i].context >= 0)
				calls[r->entries[i].callers[k] * nr +
				      (size_t)r->entries[i].context]++;
	for (size_t a = 0; a < nr; a++)
		for (size_t b = 0; b < nr; b++)
			if (calls[a * nr + b])
				fprintf(fp, "  c%zu -> c%zu [label=\"%lu\"];\n",
					a, b, calls[a * nr + b]);
	fputs("}\n", fp);
	free(calls);
}
