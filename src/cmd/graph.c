/*
 * carve graph: the module or file dependency graph, its cycles with the
 * edges to cut, fan-in/fan-out, hubs and external packages; as text,
 * JSON, a Graphviz drawing (DOT, SVG, PNG), a Mermaid flowchart or
 * GraphML.
 */

#include "carve/cli.h"
#include "carve/cmd.h"
#include "carve/dot.h"
#include "carve/graph.h"
#include "carve/graph_export.h"
#include "carve/graph_json.h"
#include "carve/graph_text.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/pipeline.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

static const struct cli_command graph_cmd = {
	"graph",
	{ CLI_USAGE_INPUT },
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

static void view_build(struct graph_view *v, const struct graph *g,
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

static void view_release(struct graph_view *v)
{
	free(v->node);
	free(v->edge);
}

static const char *const levels[] = { "module", "file", NULL };

static int parse_args(struct graph_args *a, int argc, char **argv)
{
	int ret, level = 0;
	const struct cli_opt opts[] = {
		CLI_COMMON(&a->common,
			   "text (default), json, dot, svg, png, mermaid or "
			   "graphml",
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

	common_options_init(&a->common,
			    "text,json,dot,svg,png,mermaid,graphml");
	a->depth = 1;
	a->max_nodes = 400;
	a->top = 15;
	if ((ret = cli_parse_input(&a->input, &a->common, &graph_cmd, opts,
				   argc, argv)))
		return ret;
	a->level = level ? GRAPH_FILES : GRAPH_MODULES;
	return 0;
}

int cmd_graph(int argc, char **argv)
{
	struct graph_args a = { 0 };
	struct pipeline p;
	struct outfile out = OUTFILE_INIT;
	struct graph g = GRAPH_INIT;
	struct graph_view v = { 0 };
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
		      graph_level_name(g.level));
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
			"the %s graph instead",
			before, graph_level_name(g.level), a.max_nodes,
			graph_level_name(coarser));
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
	if (a.common.format == FORMAT_MERMAID ||
	    a.common.format == FORMAT_GRAPHML) {
		strbuf_addf(&title, "%s dependencies of %s",
			    graph_level_name(g.level), p.m.scan->root);
		if (a.common.format == FORMAT_MERMAID)
			graph_print_mermaid(out.fp, &g, &v, title.buf);
		else if (graph_print_graphml(out.fp, &g, &v, title.buf))
			goto done;
	} else if (a.common.format == FORMAT_JSON) {
		graph_print_json(out.fp, &g, &v, p.m.scan);
	} else if (a.common.format == FORMAT_TEXT) {
		graph_print_text(out.fp, &g, &v, p.m.scan, (size_t)a.top);
	} else {
		struct dot_options o = { NULL, v.node, v.edge, a.common.format };

		strbuf_addf(&title, "%s dependencies of %s",
			    graph_level_name(g.level), p.m.scan->root);
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
