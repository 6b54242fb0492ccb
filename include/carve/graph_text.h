/*
 * carve graph's printers (text here, JSON in graph_json.h) and the view
 * they print: which nodes and edges of a graph the filters keep.
 */
#ifndef CARVE_GRAPH_TEXT_H
#define CARVE_GRAPH_TEXT_H

#include <stddef.h>
#include <stdio.h>

#include "carve/graph.h"

struct scan;

/* Which nodes and edges the filters keep (node[i], edge[e] set). */
struct graph_view {
	char *node;
	char *edge;
	size_t nodes, edges;
};

/* "file", "module" or "top-level directory" */
const char *graph_level_name(enum graph_level level);

/*
 * Totals, the cycles with the edges to cut, fan-in and fan-out (top
 * rows) and the external packages of s, for the nodes and edges of v.
 */
void graph_print_text(FILE *fp, const struct graph *g,
		      const struct graph_view *v, const struct scan *s,
		      size_t top);

#endif
