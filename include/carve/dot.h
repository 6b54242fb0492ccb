/*
 * Drawing a dependency graph with Graphviz: the graph is built with
 * cgraph and laid out and rendered with gvc (no `dot` process), or
 * written as DOT text. Nodes and edges can be masked out.
 */
#ifndef CARVE_DOT_H
#define CARVE_DOT_H

#include <stdio.h>

#include "carve/options.h"

struct graph;

struct dot_options {
	const char *title;      /* graph label, may be NULL */
	const char *node_keep;  /* per node: draw it (NULL: all) */
	const char *edge_keep;  /* per edge: draw it (NULL: all) */
	enum output_format format; /* FORMAT_DOT, FORMAT_SVG or FORMAT_PNG */
};

/*
 * Renders g to fp: directories as clusters, edge width by weight, cycle
 * edges in red with suggested cuts dashed, hubs grey and apart. Returns
 * 0 or <0 after reporting.
 */
int dot_render(FILE *fp, const struct graph *g, const struct dot_options *o);

/*
 * Lays out g with dot and renders it as `format` ("svg", "png") to fp.
 * Graphviz renders to memory first: its own writer exits the process on
 * a write error (a full disk), where carve reports and fails. Returns 0
 * or <0 after reporting.
 */
struct Agraph_s;
int dot_layout_render(FILE *fp, struct Agraph_s *g, const char *format);

struct strbuf;
/*
 * Appends s as the text of a Graphviz label or name: valid UTF-8 with
 * control characters replaced (utf8_sanitize_text) and backslashes
 * doubled, so that a file named `a\N.c` is drawn as written.
 */
void dot_add_text(struct strbuf *out, const char *s);

#endif
