/*
 * Aligned text tables for terminal output: left-aligned text columns,
 * right-aligned number columns, a rule under the header and above a total
 * row. The table copies every cell it is given.
 */
#ifndef CARVE_TABLE_H
#define CARVE_TABLE_H

#include <stdio.h>

struct table;

/* `align` has one char per column: 'l' or 'r'. */
struct table *table_new(const char *align, const char *const *headers);
/* Adds a row of as many cells as the table has columns. */
void table_add_row(struct table *t, const char *const *cells);
/* Marks the next row as a total (a rule is drawn above it). */
void table_add_rule(struct table *t);
void table_print(const struct table *t, FILE *fp);
void table_free(struct table *t);

#endif
