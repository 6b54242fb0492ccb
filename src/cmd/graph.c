/*
 * carve graph: the module or file dependency graph, its cycles with the
 * edges to cut, fan-in/fan-out, hubs and external packages; as text,
 * JSON, or a Graphviz drawing (DOT, SVG, PNG).
 */
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "carve/cli.h"
#include "carve/cmd.h"
#include "carve/deps.h"
#include "carve/dot.h"
#include "carve/glob.h"
#include "carve/graph.h"
#include "carve/input.h"
#include "carve/model.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/pipeline.h"
#include "carve/pool.h"
#include "carve/progress.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/table.h"
#include "carve/utf8.h"
#include "carve/xmalloc.h"

static const char *const usage[] = {
	"[options] [PATH | MODEL.json]",
	NULL,
};
static const struct cli_command graph_cmd = {
	"graph",
	usage,
	"The dependency graph of the repository at PATH (default '.') or of a\n"
	"model written by 'carve scan -f json': cycles and the edges to cut,\n"
	"fan-in, fan-out, hubs and external packages.\n",
};

struct graph_args {
	struct common_options common;
	struct input_options input;
	enum graph_level level;
	const char *focus;
	int depth, cycles, min_weight, max_nodes, top;
	struct glob_list exclude;
};

static const char *level_name(enum graph_level level)
{
	return level == GRAPH_FILES ? "file" : level == GRAPH_MODULES ?
					       "module" : "top-level directory";
}

/* Which nodes and edges the filters keep. */
struct view {
	char *node;
	char *edge;
	size_t nodes, edges;
};

static void view_build(struct view *v, const struct graph *g,
		       const struct graph_args *a, long focus)
{
	v->node = xcalloc(g->nr ? g->nr : 1, 1);
	v->edge = xcalloc(g->edges_nr ? g->edges_nr : 1, 1);
	for (size_t i = 0; i < g->nr; i++)
		v->node[i] = !glob_list_match(&a->exclude, g->nodes[i].name) &&
			     (!a->cycles || g->nodes[i].scc >= 0);
	if (focus >= 0) {
		/* breadth first, both directions, up to --depth steps */
		int *dist = xmalloc((g->nr ? g->nr : 1) * sizeof(*dist));

		for (size_t i = 0; i < g->nr; i++)
			dist[i] = -1;
		dist[focus] = 0;
		for (int d = 0; d < a->depth; d++)
			for (size_t e = 0; e < g->edges_nr; e++) {
				size_t x = g->edges[e].from, y = g->edges[e].to;

				if (dist[x] == d && dist[y] < 0)
					dist[y] = d + 1;
				if (dist[y] == d && dist[x] < 0)
					dist[x] = d + 1;
			}
		for (size_t i = 0; i < g->nr; i++)
			v->node[i] &= dist[i] >= 0;
		free(dist);
	}
	v->nodes = v->edges = 0;
	for (size_t i = 0; i < g->nr; i++)
		v->nodes += v->node[i];
	for (size_t e = 0; e < g->edges_nr; e++) {
		const struct graph_edge *x = &g->edges[e];

		v->edge[e] = v->node[x->from] && v->node[x->to] &&
			     x->weight >= (unsigned long)a->min_weight;
		v->edges += v->edge[e];
	}
}

static void view_release(struct view *v)
{
	free(v->node);
	free(v->edge);
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
			const struct view *v, const char *title,
			int (*cmp)(const void *, const void *, void *),
			size_t top)
{
	static const char *const headers[] = {
		NULL, "fan-in", "fan-out", "refs in", "refs out",
		"instability", "code", "",
	};
	const char *hdr[8];
	size_t *order = xmalloc((g->nr ? g->nr : 1) * sizeof(*order));
	size_t n = 0;
	struct table *t;

	memcpy(hdr, headers, sizeof(hdr));
	hdr[0] = level_name(g->level);
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
		row[7] = x->hub ? "hub: shared-kernel candidate" :
			 x->scc >= 0 ? "on a cycle" : "";
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

static void print_text(FILE *fp, const struct graph *g, const struct view *v,
		       const struct scan *s, const struct graph_args *a)
{
	unsigned long refs = 0;
	size_t cycles = 0;

	for (size_t e = 0; e < g->edges_nr; e++)
		if (v->edge[e])
			refs += g->edges[e].weight;
	for (size_t i = 0; i < g->sccs_nr; i++)
		cycles += v->node[g->sccs[i].nodes[0]];
	fprintf(fp, "%s graph of %s: %zu nodes, %zu edges (%lu references), "
		"%zu cycles\n", level_name(g->level), s->root, v->nodes,
		v->edges, refs, cycles);
	fprintf(fp, "hub: used by at least %zu of the other %zu nodes\n",
		g->hub_threshold, g->nr ? g->nr - 1 : 0);
	print_nodes(fp, g, v, "most used (fan-in)", cmp_by_fan_in,
		    (size_t)a->top);
	print_nodes(fp, g, v, "most dependent (fan-out)", cmp_by_fan_out,
		    (size_t)a->top);
	fputs("\ncycles\n", fp);
	if (!cycles)
		fputs("  none\n", fp);
	for (size_t i = 0, shown = 0; i < g->sccs_nr; i++) {
		const struct graph_scc *c = &g->sccs[i];

		if (!v->node[c->nodes[0]])
			continue;
		fprintf(fp, "%zu. %zu %ss:", ++shown, c->nr,
			level_name(g->level));
		for (size_t j = 0; j < c->nr && j < 8; j++)
			fprintf(fp, " %s", g->nodes[c->nodes[j]].name);
		if (c->nr > 8)
			fprintf(fp, " ... (%zu more)", c->nr - 8);
		fprintf(fp, "\n   cut %zu edge%s (%lu references) to break "
			"it:\n", c->cuts_nr, c->cuts_nr == 1 ? "" : "s",
			c->cut_weight);
		for (size_t j = 0; j < c->cuts_nr; j++) {
			const struct graph_edge *x = &g->edges[c->cuts[j]];

			fprintf(fp, "     %s -> %s (%lu)\n",
				g->nodes[x->from].name, g->nodes[x->to].name,
				x->weight);
		}
	}
	print_externals(fp, s, (size_t)a->top);
	if (s->unresolved)
		fprintf(fp, "\n%zu references resolved to neither a file nor a "
			"package\n", s->unresolved);
}

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

static void print_json(FILE *fp, const struct graph *g, const struct view *v,
		       const struct scan *s)
{
	static const char *const kinds[] = { "include", "import", "require",
					     "use",	"mod",	  "export",
					     "symbol" };
	cJSON *root = cJSON_CreateObject();
	cJSON *graph, *nodes, *edges, *cycles, *ext;
	char *text, num[32];

	cJSON_AddStringToObject(root, "schema", MODEL_SCHEMA);
	graph = cJSON_AddObjectToObject(root, "graph");
	add_str(graph, "level", g->level == GRAPH_FILES ? "file" :
		g->level == GRAPH_MODULES ? "module" : "top");
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
				cJSON_AddItemToArray(k,
						     cJSON_CreateString(kinds[b]));
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

static const char *const levels[] = { "module", "file", NULL };

static int parse_args(struct graph_args *a, int argc, char **argv)
{
	int argi, ret, level = 0;
	const struct cli_opt opts[] = {
		CLI_COMMON(&a->common, "text (default), json, dot, svg or png",
			   "text",
			   "worker threads for the scan (default: CPUs)"),
		CLI_CHOICE(0, "level", &level, "LEVEL", levels,
			   "module (default) or file", "module"),
		CLI_STRING(0, "focus", &a->focus, "NAME",
			   "only NAME and its neighbours (see --depth)", NULL),
		CLI_INT(0, "depth", &a->depth, "N", 0, 1000,
			"neighbourhood depth for --focus", "1"),
		CLI_SWITCH(0, "cycles", &a->cycles, "only the nodes on cycles"),
		CLI_INT(0, "min-weight", &a->min_weight, "N", 0, 1 << 30,
			"leave out edges with fewer references", NULL),
		CLI_GLOBS(0, "exclude", &a->exclude, "GLOB",
			  "leave out nodes matching GLOB (repeatable)"),
		CLI_INT(0, "max-nodes", &a->max_nodes, "N", 1, 100000,
			"drawings with more nodes collapse to a coarser level",
			"400"),
		CLI_TOP(&a->top, "rows per table in text output", "15"),
		CLI_HELP_ROW,
		CLI_END,
	};

	common_options_init(&a->common, "text,json,dot,svg,png");
	a->depth = 1;
	a->max_nodes = 400;
	a->top = 15;
	if ((ret = cli_parse(&argi, &graph_cmd, opts, argc, argv)))
		return ret;
	if (input_from_args(&a->input, "graph", argc, argv, argi, &a->common))
		return CARVE_EINVALID;
	a->level = level ? GRAPH_FILES : GRAPH_MODULES;
	common_options_apply(&a->common);
	return 0;
}

int cmd_graph(int argc, char **argv)
{
	struct graph_args a = { 0 };
	struct pipeline p;
	struct outfile out = OUTFILE_INIT;
	struct graph g = GRAPH_INIT;
	struct view v = { 0 };
	struct strbuf title = STRBUF_INIT;
	long focus = -1;
	int ret;

	pipeline_init(&p);
	if ((ret = parse_args(&a, argc, argv))) {
		ret = cli_exit_status(ret);
		goto done;
	}
	ret = EXIT_FATAL;
	p.input = a.input;
	if (pipeline_need(&p, PIPELINE_SCAN))
		goto done;
	graph_build(&g, p.m.scan, a.level);
	if (a.focus && (focus = graph_find(&g, a.focus)) < 0) {
		error("--focus '%s' names no %s of the graph", a.focus,
		      level_name(g.level));
		goto done;
	}
	view_build(&v, &g, &a, focus);
	/* a drawing dot would need minutes for collapses to a coarser level */
	while ((a.common.format == FORMAT_DOT || a.common.format == FORMAT_SVG ||
		a.common.format == FORMAT_PNG) && v.nodes > (size_t)a.max_nodes &&
	       g.level != GRAPH_TOP) {
		enum graph_level coarser = g.level + 1;
		size_t before = v.nodes;

		warning("%zu %s nodes are more than --max-nodes %d: drawing "
			"the %s graph instead", before, level_name(g.level),
			a.max_nodes, level_name(coarser));
		view_release(&v);
		graph_release(&g);
		graph_build(&g, p.m.scan, coarser);
		focus = -1;
		view_build(&v, &g, &a, focus);
		strbuf_reset(&title);
		strbuf_addf(&title, "(collapsed from %zu nodes) ", before);
	}
	if (outfile_open(&out, a.common.output))
		goto done;
	if (a.common.format == FORMAT_TEXT)
		outfile_text(&out);
	if (a.common.format == FORMAT_JSON) {
		print_json(out.fp, &g, &v, p.m.scan);
	} else if (a.common.format == FORMAT_TEXT) {
		print_text(out.fp, &g, &v, p.m.scan, &a);
	} else {
		struct dot_options o = { NULL, v.node, v.edge, a.common.format };

		strbuf_addf(&title, "%s dependencies of %s",
			    level_name(g.level), p.m.scan->root);
		o.title = title.buf;
		if (dot_render(out.fp, &g, &o))
			goto done;
	}
	if (outfile_commit(&out))
		goto done;
	ret = EXIT_OK;
done:
	outfile_abort(&out);
	view_release(&v);
	graph_release(&g);
	pipeline_release(&p);
	glob_list_release(&a.exclude);
	strbuf_release(&title);
	return ret;
}
