/*
 * The roadmap printed: text and CSV (src/render/roadmap_text.c), Mermaid
 * (roadmap_mermaid.c), TaskJuggler and MS Project (roadmap_pm.c), and
 * drawn with Graphviz (roadmap_dot.c).
 */
#ifndef CARVE_RENDER_ROADMAP_H
#define CARVE_RENDER_ROADMAP_H

#include <stdio.h>

#include "carve/model_roadmap.h"
#include "carve/options.h"

struct model;

void roadmap_print_text(FILE *fp, const struct roadmap *r,
			const struct model *m);
void roadmap_print_csv(FILE *fp, const struct roadmap *r);
void roadmap_print_mermaid(FILE *fp, const struct roadmap *r);
void roadmap_print_tjp(FILE *fp, const struct roadmap *r);
void roadmap_print_msproject(FILE *fp, const struct roadmap *r);
struct strbuf;
/* The critical path with each context's steps collapsed into it. */
void roadmap_critical_summary(struct strbuf *sb, const struct roadmap *r);
/*
 * Draws the roadmap with cgraph and gvc as DOT, SVG or PNG: phases as
 * clusters, waves as ranks, one node per context, critical path bold.
 * Returns 0 or <0 after reporting.
 */
int roadmap_render(FILE *fp, const struct roadmap *r, enum output_format format,
		   const char *title);

#endif
