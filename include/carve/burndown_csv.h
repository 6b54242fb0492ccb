/*
 * carve burndown -f csv.
 */
#ifndef CARVE_BURNDOWN_CSV_H
#define CARVE_BURNDOWN_CSV_H

#include <stdio.h>

struct burndown;

/* One row per sample: the actual series, the plan beside them. */
void burndown_print_csv(FILE *fp, const struct burndown *b);

#endif
