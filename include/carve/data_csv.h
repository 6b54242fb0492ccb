/*
 * carve data's CSV: one row per table and context (src/render/data_csv.c).
 */
#ifndef CARVE_DATA_CSV_H
#define CARVE_DATA_CSV_H

#include <stdio.h>

#include "carve/model_data.h"

void data_print_csv(FILE *fp, const struct data_report *r);

#endif
