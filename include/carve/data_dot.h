/*
 * carve data drawn as DOT: contexts and the tables they read and write
 * (src/render/data_dot.c).
 */
#ifndef CARVE_DATA_DOT_H
#define CARVE_DATA_DOT_H

#include <stdio.h>

#include "carve/model_data.h"

void data_print_dot(FILE *fp, const struct data_report *r);

#endif
