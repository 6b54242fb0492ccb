/*
 * The seams proposal drawn (src/render/seams_dot.c).
 */
#ifndef CARVE_RENDER_SEAMS_H
#define CARVE_RENDER_SEAMS_H

#include <stdio.h>

#include "carve/model_seams.h"

/*
 * Draws the proposal with Graphviz as DOT text (svg 0) or SVG: contexts
 * as nodes, seams as edges labelled by references, cycles red, cuts
 * dashed. Returns 0 or <0 after reporting.
 */
int seams_render(FILE *fp, const struct seams *s, int svg, const char *title);

#endif
