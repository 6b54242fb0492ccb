/*
 * The roadmap for project managers' tools: a TaskJuggler project and
 * MS Project XML (src/render/roadmap_pm.c).
 */
#ifndef CARVE_ROADMAP_PM_H
#define CARVE_ROADMAP_PM_H

#include <stdio.h>

#include "carve/model_roadmap.h"

void roadmap_print_tjp(FILE *fp, const struct roadmap *r);
void roadmap_print_msproject(FILE *fp, const struct roadmap *r);

#endif
