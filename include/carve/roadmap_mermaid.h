/*
 * The roadmap as a Mermaid Gantt chart (src/render/roadmap_mermaid.c).
 */
#ifndef CARVE_ROADMAP_MERMAID_H
#define CARVE_ROADMAP_MERMAID_H

#include <stdio.h>

#include "carve/model_roadmap.h"

void roadmap_print_mermaid(FILE *fp, const struct roadmap *r);

#endif
