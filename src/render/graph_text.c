/*
 * carve graph's text: the nodes and edges shown, cycles with the edges
 * to cut, fan-in and fan-out, and the external packages.
 */
#include <string.h>

#include "carve/graph_text.h"
#include "carve/scan.h"
#include "carve/table.h"
#include "carve/xmalloc.h"

const char *graph_level_name(enum graph_level level)
{
	return level == GRAPH_FILES	? "file"
	       : level == GRAPH_MODULES ? "module"
					: "top-level directory";
}

static int cmp_by_fan_in(const void *a, const void *b, void *ctx)
{
	const struct graph *g = ctx;
	const struct graph_node *x = &g->nodes[*(const size_t *)a];
	const struct graph_node *y = &g->nodes[*(const size_t *)b];

	if (x->fan_in != y->fan_in)
		return x->fan_in < y->fan_in ? 1 : -1;
	if (x->weight_in != y->weight_in)
		return x->weight_in < y->weight_in ? 1 : -1;
	return strcmp(x->name, y->name);
}

static int cmp_by_fan_out(const void *a, const void *b, void *ctx)
{
	const struct graph *g = ctx;
	const struct graph_node *x = &g->nodes[*(const size_t *)a];
	const struct graph_node *y = &g->nodes[*(const size_t *)b];

	if (x->fan_out != y->fan_out)
		return x->fan_out < y->fan_out ? 1 : -1;
	if (x->weight_out != y->weight_out)
		return x->weight_out < y->weight_out ? 1 : -1;
	return strcmp(x->name, y->name);
}

static void print_nodes(FILE *fp, const struct graph *g,
			const struct graph_view *v, const char *title,
			int (*cmp)(const void *, const void *, void *),
			size_t top)
{
	static const char *const headers[] = {
		NULL,	    "fan-in",	   "fan-out", "refs in",
		"refs out", "instability", "code",    "",
	};
	const char *hdr[8];
	size_t *order = xmalloc((g->nr ? g->nr : 1) * sizeof(*order));
	size_t n = 0;
	struct table *t;

	memcpy(hdr, headers, sizeof(hdr));
	hdr[0] = graph_level_name(g->level);
	for (size_t i = 0; i < g->nr; i++)
		if (v->node[i])
			order[n++] = i;
	qsort_r(order, n, sizeof(*order), cmp, (void *)g);
	t = table_new("lrrrrrrl", hdr);
	for (size_t i = 0; i < n && i < top; i++) {
		const struct graph_node *x = &g->nodes[order[i]];
		char cell[6][32];
		const char *row[8];

		snprintf(cell[0], 32, "%zu", x->fan_in);
		snprintf(cell[1], 32, "%zu", x->fan_out);
		snprintf(cell[2], 32, "%lu", x->weight_in);
		snprintf(cell[3], 32, "%lu", x->weight_out);
		snprintf(cell[4], 32, "%.2f", x->instability);
		snprintf(cell[5], 32, "%lu", x->code);
		row[0] = x->name;
		for (int c = 0; c < 6; c++)
			row[c + 1] = cell[c];
		row[7] = x->hub	       ? "hub: shared-kernel candidate"
			 : x->scc >= 0 ? "on a cycle"
				       : "";
		table_add_row(t, row);
	}
	fprintf(fp, "\n%s\n", title);
	table_print(t, fp);
	table_free(t);
	free(order);
}

/*
 * The third-party inventory, busiest first, then the standard library
 * packages on one line: what a migration carries along comes first.
 */
static void print_externals(FILE *fp, const struct scan *s, size_t top)
{
	size_t third = 0, std = 0, shown = 0;

	for (size_t i = 0; i < s->externals_nr; i++) {
		if (s->externals[i].stdlib)
			std++;
		else
			third++;
	}
	fprintf(fp,
		"\nexternal packages: %zu third-party, %zu standard "
		"library\n",
		third, std);
	for (size_t i = 0; i < s->externals_nr && shown < top; i++) {
		if (s->externals[i].stdlib)
			continue;
		fprintf(fp, "  %-32s %6zu refs in %zu files\n",
			s->externals[i].name, s->externals[i].refs,
			s->externals[i].files);
		shown++;
	}
	if (!std)
		return;
	fputs("  standard library:", fp);
	shown = 0;
	for (size_t i = 0; i < s->externals_nr && shown < top; i++) {
		if (!s->externals[i].stdlib)
			continue;
		fprintf(fp, "%s %s (%zu)", shown ? "," : "",
			s->externals[i].name, s->externals[i].refs);
		shown++;
	}
	fputs(shown < std ? ", ...\n" : "\n", fp);
}

void graph_print_text(FILE *fp, const struct graph *g,
		      const struct graph_view *v, const struct scan *s,
		      size_t top)
{
	unsigned long refs = 0;
	size_t cycles = 0;

	for (size_t e = 0; e < g->edges_nr; e++)
		if (v->edge[e])
			refs += g->edges[e].weight;
	for (size_t i = 0; i < g->sccs_nr; i++)
		cycles += v->node[g->sccs[i].nodes[0]];
	fprintf(fp,
		"%s graph of %s: %zu nodes, %zu edges (%lu references), "
		"%zu cycles\n",
		graph_level_name(g->level), s->root, v->nodes, v->edges, refs,
		cycles);
	fprintf(fp, "hub: used by at least %zu of the other %zu nodes\n",
		g->hub_threshold, g->nr ? g->nr - 1 : 0);
	print_nodes(fp, g, v, "most used (fan-in)", cmp_by_fan_in, top);
	print_nodes(fp, g, v, "most dependent (fan-out)", cmp_by_fan_out, top);
	fputs("\ncycles\n", fp);
	if (!cycles)
		fputs("  none\n", fp);
	for (size_t i = 0, shown = 0; i < g->sccs_nr; i++) {
		const struct graph_scc *c = &g->sccs[i];

		if (!v->node[c->nodes[0]])
			continue;
		fprintf(fp, "%zu. %zu %ss:", ++shown, c->nr,
			graph_level_name(g->level));
		for (size_t j = 0; j < c->nr && j < 8; j++)
			fprintf(fp, " %s", g->nodes[c->nodes[j]].name);
		if (c->nr > 8)
			fprintf(fp, " ... (%zu more)", c->nr - 8);
		fprintf(fp,
			"\n   cut %zu edge%s (%lu references) to break "
			"it:\n",
			c->cuts_nr, c->cuts_nr == 1 ? "" : "s", c->cut_weight);
		for (size_t j = 0; j < c->cuts_nr; j++) {
			const struct graph_edge *x = &g->edges[c->cuts[j]];

			fprintf(fp, "     %s -> %s (%lu)\n",
				g->nodes[x->from].name, g->nodes[x->to].name,
				x->weight);
		}
	}
	print_externals(fp, s, top);
	if (s->unresolved)
		fprintf(fp,
			"\n%zu references resolved to neither a file nor a "
			"package\n",
			s->unresolved);
}
