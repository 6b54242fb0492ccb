/*
 * carve api's CSV (one row per endpoint) and DOT (contexts, an edge
 * from each calling context to the serving one), src/render/api_out.c.
 */
#ifndef CARVE_API_OUT_H
#define CARVE_API_OUT_H

#include <stdio.h>

#include "carve/model_api.h"

void api_print_csv(FILE *fp, const struct api_report *r);
void api_print_dot(FILE *fp, const struct api_report *r);

#endif
