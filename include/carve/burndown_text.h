/*
 * carve burndown's text printer.
 */
#ifndef CARVE_BURNDOWN_TEXT_H
#define CARVE_BURNDOWN_TEXT_H

#include <stdio.h>

struct burndown;
struct model;

/* The samples of b, the plan, the forecast and m's assumptions. */
void burndown_print_text(FILE *fp, const struct model *m,
			 const struct burndown *b);

#endif
