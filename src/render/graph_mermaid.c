/*
 * carve graph -f mermaid: the dependency graph as a Mermaid flowchart,
 * nodes numbered in the graph's (name) order so the text is stable.
 */

#include "carve/graph.h"
#include "carve/graph_export.h"
#include "carve/graph_text.h"

/*
 * A quoted Mermaid label: '"' ends it, '#' starts an entity code and
 * '<' '>' '&' would be HTML, so those become entity codes (#quot; ...).
 */
static void label(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputs("#quot;", fp);
		else if (*s == '#')
			fputs("#35;", fp);
		else if (*s == '<')
			fputs("#lt;", fp);
		else if (*s == '>')
			fputs("#gt;", fp);
		else if (*s == '&')
			fputs("#amp;", fp);
		else if (*s == '\n' || *s == '\r')
			fputc(' ', fp);
		else
			fputc(*s, fp);
	}
	fputc('"', fp);
}

/* "class n1,n4 cycle" for the kept nodes on cycles (or hubs), if any */
static void classes(FILE *fp, const struct graph *g, const struct graph_view *v,
		    const char *name, int hub)
{
	int any = 0;

	for (size_t i = 0; i < g->nr; i++) {
		if (!v->node[i] ||
		    !(hub ? g->nodes[i].hub : g->nodes[i].scc >= 0))
			continue;
		fprintf(fp, "%sn%zu", any ? "," : "    class ", i);
		any = 1;
	}
	if (any)
		fprintf(fp, " %s\n", name);
}

void graph_print_mermaid(FILE *fp, const struct graph *g,
			 const struct graph_view *v, const char *title)
{
	/* %% comments run to the end of the line */
	fputs("%% ", fp);
	for (const char *s = title; *s; s++)
		fputc(*s == '\n' ? ' ' : *s, fp);
	fputs("\nflowchart LR\n", fp);
	for (size_t i = 0; i < g->nr; i++) {
		if (!v->node[i])
			continue;
		fprintf(fp, "    n%zu[", i);
		label(fp, g->nodes[i].name);
		fputs("]\n", fp);
	}
	for (size_t e = 0; e < g->edges_nr; e++) {
		const struct graph_edge *x = &g->edges[e];

		if (!v->edge[e])
			continue;
		fprintf(fp, "    n%zu %s|%lu| n%zu\n", x->from,
			x->cut ? "-.->" : "-->", x->weight, x->to);
	}
	classes(fp, g, v, "cycle", 0);
	classes(fp, g, v, "hub", 1);
	fputs("    classDef cycle stroke:#c0392b,stroke-width:2px\n"
	      "    classDef hub fill:#fdebd0\n",
	      fp);
}
