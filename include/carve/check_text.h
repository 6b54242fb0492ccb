/*
 * carve check's text and GitHub annotation printers.
 */
#ifndef CARVE_CHECK_TEXT_H
#define CARVE_CHECK_TEXT_H

#include <stdio.h>

struct check;

/* The violations of c by rule, new ones marked, and stale entries. */
void check_print_text(FILE *fp, const struct check *c);

/* One GitHub Actions workflow command (::error) per new violation. */
void check_print_github(FILE *fp, const struct check *c);

#endif
