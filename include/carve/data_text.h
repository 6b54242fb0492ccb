/*
 * carve data's text printer.
 */
#ifndef CARVE_DATA_TEXT_H
#define CARVE_DATA_TEXT_H

#include <stddef.h>
#include <stdio.h>

struct data_report;
struct model;
struct strbuf;

/*
 * The tables of r (top rows of each list), shared tables, coupling per
 * context, and m's assumptions.
 */
void data_print_text(FILE *fp, const struct data_report *r,
		     const struct model *m, size_t top);
/*
 * One line: the ORM models found by framework, or a notice naming the
 * ORMs looked for when none was recognised.
 */
void data_print_orm_notice(FILE *fp, const struct data_report *r);
/*
 * "writes 3 in migrations, 0 in tests, 1 in fixtures, 0 in dev seeding"
 * (with `reads`, "; reads ..." after): the accesses set aside.
 */
void data_aside_text(struct strbuf *sb, const struct data_report *r,
		     int reads);

#endif
