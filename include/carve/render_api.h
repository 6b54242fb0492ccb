/*
 * The api part printed as CSV (one row per endpoint) and drawn as DOT
 * (src/render/api_out.c).
 */
#ifndef CARVE_RENDER_API_H
#define CARVE_RENDER_API_H

#include <stdio.h>

#include "carve/model_api.h"

void api_print_csv(FILE *fp, const struct api_report *r);
void api_print_dot(FILE *fp, const struct api_report *r);

#endif
