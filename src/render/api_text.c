/*
 * carve api's text: the endpoints of each context with their method,
 * path, file, line, framework and calling contexts.
 */

#include "carve/api.h"
#include "carve/api_text.h"
#include "carve/scan.h"
#include "carve/seams.h"

void api_print_text(FILE *fp, const struct api_report *r, size_t top)
{
	long cur = -2;
	size_t shown = 0, served = 0;

	for (size_t c = 0; c < r->contexts_nr; c++)
		served += r->per_context[c] > 0;
	fprintf(fp,
		"api of %s: %zu endpoints in %zu contexts, %zu calls by "
		"path from other contexts\n",
		r->scan->root, r->nr, served, r->calls);
	if (r->notice)
		fprintf(fp, "%s\n", r->notice);
	for (size_t i = 0; i < r->nr; i++) {
		const struct api_entry *e = &r->entries[i];

		if (e->context != cur) {
			if (cur != -2 && shown > top)
				fprintf(fp, "  ... %zu more\n", shown - top);
			cur = e->context;
			shown = 0;
			fprintf(fp, "\n%s: %zu endpoint%s\n",
				cur >= 0 ? r->seams->contexts[cur].name
					 : "(no context)",
				cur >= 0 ? r->per_context[cur] : 0,
				cur >= 0 && r->per_context[cur] == 1 ? ""
								     : "s");
		}
		if (shown++ >= top)
			continue;
		fprintf(fp, "  %-8s %s  (%s:%u, %s)", e->ep->method,
			*e->ep->path ? e->ep->path : "\"\"",
			r->scan->files[e->file].path, e->ep->line,
			e->ep->framework);
		for (size_t k = 0; k < e->callers_nr; k++)
			fprintf(fp, "%s%s", k ? ", " : "; called from ",
				r->seams->contexts[e->callers[k]].name);
		fputc('\n', fp);
	}
	if (cur != -2 && shown > top)
		fprintf(fp, "  ... %zu more\n", shown - top);
}
