/*
 * carve seams' text and CSV printers and the comparison table of
 * --compare. They only read what they are given.
 */
#ifndef CARVE_SEAMS_TEXT_H
#define CARVE_SEAMS_TEXT_H

#include <stddef.h>
#include <stdio.h>

struct compare_result;
struct model;
struct seams;

/*
 * The proposed contexts of s (top rows of each table), their seams and
 * ranking, and m's assumptions.
 */
void seams_print_text(FILE *fp, const struct seams *s, const struct model *m,
		      size_t top);

/* One CSV row per file of a context: path, context. */
void seams_print_csv(FILE *fp, const struct seams *s);

/* The measures of --compare (MoJoFM and the others) as a table. */
void seams_print_comparison(FILE *fp, const struct compare_result *r);

#endif
