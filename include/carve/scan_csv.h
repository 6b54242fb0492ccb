/*
 * carve scan -f csv.
 */
#ifndef CARVE_SCAN_CSV_H
#define CARVE_SCAN_CSV_H

#include <stdio.h>

struct scan;

/*
 * One row per file: path, language, module, status, reason, size, blob,
 * code, comment, blank, complexity.
 */
void scan_print_csv(FILE *fp, const struct scan *s);

#endif
