/*
 * carve graph -f json.
 */
#ifndef CARVE_GRAPH_JSON_H
#define CARVE_GRAPH_JSON_H

#include <stdio.h>

struct graph;
struct graph_view;
struct scan;

/* The nodes, edges, cycles and externals of g kept by v, as JSON. */
void graph_print_json(FILE *fp, const struct graph *g,
		      const struct graph_view *v, const struct scan *s);

#endif
