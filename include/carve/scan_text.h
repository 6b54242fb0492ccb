/*
 * carve scan's text printer.
 */
#ifndef CARVE_SCAN_TEXT_H
#define CARVE_SCAN_TEXT_H

#include <stddef.h>
#include <stdio.h>

struct model;

/*
 * The inventory of m's scan: languages, modules (top rows, 0 for all),
 * files by status, libclang's summary, with `explain` every file not
 * counted and why, then m's assumptions.
 */
void scan_print_text(FILE *fp, const struct model *m, size_t top, int explain);

#endif
