/*
 * carve graph -f graphml: the kept nodes and edges copied into an igraph
 * graph with C attributes, written by igraph's GraphML writer.
 */

#include <igraph/igraph.h>
#include <stdlib.h>

#include "carve/error.h"
#include "carve/graph.h"
#include "carve/graph_export.h"
#include "carve/graph_text.h"
#include "carve/strbuf.h"
#include "carve/utf8.h"
#include "carve/xmalloc.h"

static const char *const kind_names[] = { "include", "import", "require", "use",
					  "mod",     "export", "symbol" };

/* GraphML is XML: an attribute value must be valid UTF-8 */
static void set_vs(igraph_t *ig, const char *name, igraph_integer_t vid,
		   const char *value)
{
	char *clean = utf8_sanitize(value);

	SETVAS(ig, name, vid, clean);
	free(clean);
}

int graph_print_graphml(FILE *fp, const struct graph *g,
			const struct graph_view *v, const char *title)
{
	igraph_attribute_table_t *old;
	igraph_vector_int_t ends;
	igraph_t ig;
	size_t *id = xcalloc(g->nr ? g->nr : 1, sizeof(*id));
	size_t n = 0, m = 0;
	struct strbuf sb = STRBUF_INIT;
	int ret = -1;

	for (size_t i = 0; i < g->nr; i++)
		if (v->node[i])
			id[i] = n++;
	old = igraph_set_attribute_table(&igraph_cattribute_table);
	if (igraph_vector_int_init(&ends, 0)) {
		igraph_set_attribute_table(old);
		free(id);
		return error("cannot write GraphML: out of memory");
	}
	for (size_t e = 0; e < g->edges_nr; e++)
		if (v->edge[e]) {
			igraph_vector_int_push_back(&ends,
						    id[g->edges[e].from]);
			igraph_vector_int_push_back(&ends, id[g->edges[e].to]);
		}
	if (igraph_create(&ig, &ends, (igraph_integer_t)n, IGRAPH_DIRECTED)) {
		error("cannot write GraphML: igraph cannot build the graph");
		goto done_ends;
	}
	SETGAS(&ig, "title", title);
	SETGAS(&ig, "level", graph_level_name(g->level));
	for (size_t i = 0; i < g->nr; i++) {
		const struct graph_node *x = &g->nodes[i];
		igraph_integer_t vid = (igraph_integer_t)id[i];

		if (!v->node[i])
			continue;
		set_vs(&ig, "name", vid, x->name);
		SETVAN(&ig, "files", vid, (double)x->files);
		SETVAN(&ig, "code", vid, (double)x->code);
		SETVAN(&ig, "fan_in", vid, (double)x->fan_in);
		SETVAN(&ig, "fan_out", vid, (double)x->fan_out);
		/* 0: on no cycle; else the cycle's number, as in -f json */
		SETVAN(&ig, "cycle", vid, x->scc >= 0 ? (double)x->scc + 1 : 0);
		SETVAB(&ig, "hub", vid, x->hub != 0);
	}
	for (size_t e = 0; e < g->edges_nr; e++) {
		const struct graph_edge *x = &g->edges[e];

		if (!v->edge[e])
			continue;
		strbuf_reset(&sb);
		for (int b = 0; b < 7; b++)
			if (x->kinds & (1u << b))
				strbuf_addf(&sb, "%s%s", sb.len ? "," : "",
					    kind_names[b]);
		SETEAN(&ig, "weight", (igraph_integer_t)m, (double)x->weight);
		SETEAS(&ig, "kinds", (igraph_integer_t)m, sb.buf);
		SETEAB(&ig, "cut", (igraph_integer_t)m, x->cut != 0);
		m++;
	}
	if (igraph_write_graph_graphml(&ig, fp, 0))
		error("cannot write GraphML: igraph's writer failed");
	else
		ret = 0;
	igraph_destroy(&ig);
done_ends:
	igraph_vector_int_destroy(&ends);
	igraph_set_attribute_table(old);
	strbuf_release(&sb);
	free(id);
	return ret;
}
