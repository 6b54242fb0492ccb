/*
 * carve graph -f json: the nodes and edges a view keeps, with their
 * weights, cycles and the external packages, as one JSON document.
 */

#include <cjson/cJSON.h>

#include "carve/graph_json.h"
#include "carve/graph_text.h"
#include "carve/model.h"
#include "carve/scan.h"
#include "carve/utf8.h"
#include "carve/xmalloc.h"

static void add_str(cJSON *o, const char *key, const char *value)
{
	char *clean = utf8_sanitize(value);

	cJSON_AddStringToObject(o, key, clean);
	free(clean);
}

static void add_uint(cJSON *o, const char *key, unsigned long long n)
{
	char digits[24];

	snprintf(digits, sizeof(digits), "%llu", n);
	cJSON_AddRawToObject(o, key, digits);
}

void graph_print_json(FILE *fp, const struct graph *g,
		      const struct graph_view *v, const struct scan *s)
{
	static const char *const kinds[] = { "include", "import", "require",
					     "use",	"mod",	  "export",
					     "symbol" };
	cJSON *root = cJSON_CreateObject();
	cJSON *graph, *nodes, *edges, *cycles, *ext;
	char *text, num[32];

	cJSON_AddStringToObject(root, "schema", MODEL_SCHEMA);
	graph = cJSON_AddObjectToObject(root, "graph");
	add_str(graph, "level",
		g->level == GRAPH_FILES	    ? "file"
		: g->level == GRAPH_MODULES ? "module"
					    : "top");
	add_uint(graph, "hub_threshold", g->hub_threshold);
	nodes = cJSON_AddArrayToObject(graph, "nodes");
	for (size_t i = 0; i < g->nr; i++) {
		const struct graph_node *x = &g->nodes[i];
		cJSON *o;

		if (!v->node[i])
			continue;
		o = cJSON_CreateObject();
		add_str(o, "name", x->name);
		add_uint(o, "files", x->files);
		add_uint(o, "code", x->code);
		add_uint(o, "fan_in", x->fan_in);
		add_uint(o, "fan_out", x->fan_out);
		add_uint(o, "refs_in", x->weight_in);
		add_uint(o, "refs_out", x->weight_out);
		snprintf(num, sizeof(num), "%.4f", x->instability);
		cJSON_AddRawToObject(o, "instability", num);
		cJSON_AddBoolToObject(o, "hub", x->hub);
		if (x->scc >= 0)
			add_uint(o, "cycle", (unsigned long long)x->scc + 1);
		cJSON_AddItemToArray(nodes, o);
	}
	edges = cJSON_AddArrayToObject(graph, "edges");
	for (size_t e = 0; e < g->edges_nr; e++) {
		const struct graph_edge *x = &g->edges[e];
		cJSON *o, *k;

		if (!v->edge[e])
			continue;
		o = cJSON_CreateObject();
		add_str(o, "from", g->nodes[x->from].name);
		add_str(o, "to", g->nodes[x->to].name);
		add_uint(o, "weight", x->weight);
		k = cJSON_AddArrayToObject(o, "kinds");
		for (int b = 0; b < 7; b++)
			if (x->kinds & (1u << b))
				cJSON_AddItemToArray(
					k, cJSON_CreateString(kinds[b]));
		if (x->cut)
			cJSON_AddTrueToObject(o, "cut");
		cJSON_AddItemToArray(edges, o);
	}
	cycles = cJSON_AddArrayToObject(graph, "cycles");
	for (size_t i = 0; i < g->sccs_nr; i++) {
		const struct graph_scc *c = &g->sccs[i];
		cJSON *o, *members, *cuts;

		if (!v->node[c->nodes[0]])
			continue;
		o = cJSON_CreateObject();
		add_uint(o, "id", i + 1);
		members = cJSON_AddArrayToObject(o, "nodes");
		for (size_t j = 0; j < c->nr; j++) {
			char *n = utf8_sanitize(g->nodes[c->nodes[j]].name);

			cJSON_AddItemToArray(members, cJSON_CreateString(n));
			free(n);
		}
		cuts = cJSON_AddArrayToObject(o, "cuts");
		for (size_t j = 0; j < c->cuts_nr; j++) {
			const struct graph_edge *x = &g->edges[c->cuts[j]];
			cJSON *cut = cJSON_CreateObject();

			add_str(cut, "from", g->nodes[x->from].name);
			add_str(cut, "to", g->nodes[x->to].name);
			add_uint(cut, "weight", x->weight);
			cJSON_AddItemToArray(cuts, cut);
		}
		cJSON_AddItemToArray(cycles, o);
	}
	ext = cJSON_AddArrayToObject(graph, "externals");
	for (size_t i = 0; i < s->externals_nr; i++) {
		cJSON *o = cJSON_CreateObject();

		add_str(o, "name", s->externals[i].name);
		add_uint(o, "refs", s->externals[i].refs);
		add_uint(o, "files", s->externals[i].files);
		if (s->externals[i].stdlib)
			cJSON_AddTrueToObject(o, "stdlib");
		cJSON_AddItemToArray(ext, o);
	}
	text = cJSON_Print(root);
	fputs(text, fp);
	fputc('\n', fp);
	free(text);
	cJSON_Delete(root);
}
