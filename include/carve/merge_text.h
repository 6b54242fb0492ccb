/*
 * carve merge's text printer.
 */
#ifndef CARVE_MERGE_TEXT_H
#define CARVE_MERGE_TEXT_H

#include <stdio.h>

struct model;

/* Files, edges and libclang's units of the model merged from `inputs`. */
void merge_print_text(FILE *fp, const struct model *m, int inputs);

#endif
