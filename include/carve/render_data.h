/*
 * The data part printed as CSV (src/render/data_csv.c) and drawn as DOT
 * (src/render/data_dot.c).
 */
#ifndef CARVE_RENDER_DATA_H
#define CARVE_RENDER_DATA_H

#include <stdio.h>

#include "carve/model_data.h"

void data_print_csv(FILE *fp, const struct data_report *r);
void data_print_dot(FILE *fp, const struct data_report *r);

#endif
