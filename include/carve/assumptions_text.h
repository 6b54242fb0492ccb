/*
 * The assumptions of a model as the text printers end with them: one
 * line each, name, value and where it came from.
 */
#ifndef CARVE_ASSUMPTIONS_TEXT_H
#define CARVE_ASSUMPTIONS_TEXT_H

#include <stdio.h>

struct model;

/* "\nassumptions:\n" then "  name: value [source]" for each of m's. */
void assumptions_print_text(FILE *fp, const struct model *m);

#endif
