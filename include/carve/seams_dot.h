/*
 * The seams proposal drawn with Graphviz (src/render/seams_dot.c).
 */
#ifndef CARVE_SEAMS_DOT_H
#define CARVE_SEAMS_DOT_H

#include <stdio.h>

#include "carve/model_seams.h"

/*
 * Draws the proposal with Graphviz as DOT text (svg 0) or SVG: contexts
 * as nodes, seams as edges labelled by references, cycles red, cuts
 * dashed. Returns 0 or <0 after reporting.
 */
int seams_render(FILE *fp, const struct seams *s, int svg, const char *title);

#endif
