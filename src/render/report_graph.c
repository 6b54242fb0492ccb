/*
 * The report's drawing of the dependencies between the proposed
 * contexts, laid out by Graphviz (gvc) and written inline as SVG. Too
 * many contexts to read collapse to the top-level directories.
 */
#include <stdio.h>
#include <stdlib.h>

#include "carve/dot.h"
#include "carve/graph.h"
#include "carve/model.h"
#include "carve/report.h"
#include "carve/seams.h"
#include "carve/seams_dot.h"
#include "carve/strbuf.h"

/* The top-level directories and their dependencies, when they fit. */
static int draw_collapsed(struct report *r)
{
	struct graph g = GRAPH_INIT;
	struct dot_options o = { 0 };
	struct strbuf label = STRBUF_INIT;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;
	int ret = 0;

	if (graph_build(&g, r->m->scan, GRAPH_TOP))
		return -1;
	strbuf_addf(&label,
		    "%zu contexts are too many to draw (over %zu): the "
		    "dependencies between the %zu top-level directories "
		    "instead.",
		    r->seams->nr, r->max_nodes, g.nr);
	if (g.nr > REPORT_MAX_COLLAPSED) {
		strbuf_reset(&label);
		strbuf_addf(&label,
			    "%zu contexts and %zu top-level directories are "
			    "too many to draw (over %zu and %d): the tables "
			    "below list them.",
			    r->seams->nr, g.nr, r->max_nodes,
			    REPORT_MAX_COLLAPSED);
		report_note(r, label.buf);
		goto done;
	}
	o.format = FORMAT_SVG;
	mem = open_memstream(&buf, &len);
	ret = dot_render(mem, &g, &o);
	fclose(mem);
	if (!ret)
		report_inline_svg(r, buf, len, label.buf);
done:
	free(buf);
	strbuf_release(&label);
	graph_release(&g);
	return ret;
}

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
		return draw_collapsed(r);
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
