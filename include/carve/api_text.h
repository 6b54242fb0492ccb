/*
 * carve api's text printer.
 */
#ifndef CARVE_API_TEXT_H
#define CARVE_API_TEXT_H

#include <stddef.h>
#include <stdio.h>

struct api_report;

/* The endpoints of r by context (top of each) and who calls them. */
void api_print_text(FILE *fp, const struct api_report *r, size_t top);

#endif
