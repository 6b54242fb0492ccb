/*
 * The report's drawing of the dependencies between the proposed
 * contexts, laid out by Graphviz (gvc) and written inline as SVG, at
 * its own size (its labels as large as the text; the figure scrolls).
 * Too many contexts to read make a matrix instead (report_dsm.c).
 */
#include <stdio.h>
#include <stdlib.h>

#include "carve/model.h"
#include "carve/report.h"
#include "carve/seams.h"
#include "carve/seams_dot.h"
#include "carve/strbuf.h"

int report_graph(struct report *r)
{
	const struct seams *s = r->seams;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;
	int ret;

	if (!s->crossings_nr) {
		report_note(r, "No dependency crosses a context: nothing to "
			       "draw.");
		return 0;
	}
	if (s->nr > r->max_nodes)
		return report_dsm(r);
	mem = open_memstream(&buf, &len);
	ret = seams_render(mem, s, 1, NULL);
	fclose(mem);
	if (!ret)
		report_inline_svg(
			r, buf, len,
			"Each box is a proposed context (files, code lines, "
			"extraction rank); each arrow a dependency, labelled "
			"with its references. Red: a cycle between contexts; "
			"dashed: the suggested cut; grey: the shared kernel.");
	free(buf);
	return ret;
}
