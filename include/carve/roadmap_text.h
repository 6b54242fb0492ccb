/*
 * The roadmap printed as text and CSV (src/render/roadmap_text.c).
 */
#ifndef CARVE_ROADMAP_TEXT_H
#define CARVE_ROADMAP_TEXT_H

#include <stdio.h>

#include "carve/model_roadmap.h"

struct model;
struct strbuf;

void roadmap_print_text(FILE *fp, const struct roadmap *r,
			const struct model *m);
void roadmap_print_csv(FILE *fp, const struct roadmap *r);
/* The critical path with each context's steps collapsed into it. */
void roadmap_critical_summary(struct strbuf *sb, const struct roadmap *r);

#endif
