/*
 * The estimate as CSV, one row per context (src/render/estimate_csv.c).
 */
#ifndef CARVE_ESTIMATE_CSV_H
#define CARVE_ESTIMATE_CSV_H

#include <stdio.h>

#include "carve/model_estimate.h"

void estimate_print_csv(FILE *fp, const struct estimate *e);

#endif
