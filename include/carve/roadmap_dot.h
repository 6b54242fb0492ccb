/*
 * The roadmap drawn with Graphviz (src/render/roadmap_dot.c).
 */
#ifndef CARVE_ROADMAP_DOT_H
#define CARVE_ROADMAP_DOT_H

#include <stdio.h>

#include "carve/model_roadmap.h"
#include "carve/options.h"

/*
 * Draws the roadmap with cgraph and gvc as DOT, SVG or PNG: phases as
 * clusters, waves as ranks, one node per context, critical path bold.
 * Returns 0 or <0 after reporting.
 */
int roadmap_render(FILE *fp, const struct roadmap *r, enum output_format format,
		   const char *title);

#endif
