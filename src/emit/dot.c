/*
 * The dependency graph in Graphviz, through cgraph and gvc. Node names
 * are quoted by cgraph itself, so a path holding quotes or HTML cannot
 * break the DOT or the SVG.
 */
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <math.h>
#include <string.h>

#include "carve/dot.h"
#include "carve/dot_gvc.h"
#include "carve/dot_ids.h"
#include "carve/error.h"
#include "carve/graph.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/utf8.h"
#include "carve/xmalloc.h"

static void set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, "");
}

/* The directory that holds a node: "a/b" for "a/b/c", "" for "c". */
static void parent_dir(struct strbuf *out, const char *name)
{
	const char *slash = strrchr(name, '/');

	strbuf_reset(out);
	if (slash)
		strbuf_add(out, name, (size_t)(slash - name));
}

int dot_render(FILE *fp, const struct graph *g, const struct dot_options *o)
{
	Agraph_t *root = agopen("carve", Agdirected, &dot_ids);
	Agnode_t **node = xcalloc(g->nr ? g->nr : 1, sizeof(*node));
	struct strmap clusters = STRMAP_INIT;
	struct strbuf dir = STRBUF_INIT, sb = STRBUF_INIT;
	size_t *members = xcalloc(g->nr ? g->nr : 1, sizeof(*members));
	char **names = xcalloc(g->nr ? g->nr : 1, sizeof(*names));
	GVC_t *gvc = NULL;
	int ret = 0;

	set(root, "rankdir", "LR");
	set(root, "fontname", "Helvetica");
	set(root, "nodesep", "0.2");
	if (o->title) {
		char *t = utf8_sanitize(o->title);

		set(root, "label", t);
		set(root, "labelloc", "t");
		free(t);
	}
	agattr(root, AGNODE, "shape", "box");
	agattr(root, AGNODE, "style", "rounded");
	agattr(root, AGNODE, "fontname", "Helvetica");
	agattr(root, AGNODE, "fontsize", "10");
	agattr(root, AGEDGE, "color", "#555555");
	agattr(root, AGEDGE, "arrowsize", "0.6");
	agattr(root, AGEDGE, "fontname", "Helvetica");
	agattr(root, AGEDGE, "fontsize", "9");

	/* how many drawn nodes share each directory: clusters of 2 or more */
	for (size_t v = 0; v < g->nr; v++) {
		size_t *count;

		if (o->node_keep && !o->node_keep[v])
			continue;
		parent_dir(&dir, g->nodes[v].name);
		count = strmap_get(&clusters, dir.buf);
		if (!count) {
			names[v] = xstrndup(dir.buf, dir.len);
			count = &members[v];
			strmap_put(&clusters, names[v], count);
		}
		(*count)++;
	}
	for (size_t v = 0; v < g->nr; v++) {
		const struct graph_node *n = &g->nodes[v];
		Agraph_t *parent = root;
		size_t *count;
		char *label;

		if (o->node_keep && !o->node_keep[v])
			continue;
		parent_dir(&dir, n->name);
		count = strmap_get(&clusters, dir.buf);
		if (n->hub) {
			parent = agsubg(root, "cluster_shared_kernel", 1);
			set(parent, "label", "shared kernel (hubs)");
			set(parent, "style", "dashed");
		} else if (dir.len && count && *count > 1) {
			strbuf_reset(&sb);
			strbuf_addf(&sb, "cluster_%s", dir.buf);
			parent = agsubg(root, sb.buf, 1);
			label = utf8_sanitize(dir.buf);
			set(parent, "label", label);
			set(parent, "style", "rounded");
			set(parent, "color", "#bbbbbb");
			free(label);
		}
		label = utf8_sanitize(n->name);
		node[v] = agnode(parent, label, 1);
		free(label);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s\n%lu lines", n->name, n->code);
		label = utf8_sanitize(sb.buf);
		set(node[v], "label", label);
		free(label);
		if (n->hub) {
			set(node[v], "style", "rounded,filled");
			set(node[v], "fillcolor", "#dddddd");
		}
		if (n->scc >= 0)
			set(node[v], "color", "#c0392b");
	}
	for (size_t e = 0; e < g->edges_nr; e++) {
		const struct graph_edge *x = &g->edges[e];
		Agedge_t *edge;
		char buf[32];

		if ((o->edge_keep && !o->edge_keep[e]) || !node[x->from] ||
		    !node[x->to])
			continue;
		edge = agedge(root, node[x->from], node[x->to], NULL, 1);
		snprintf(buf, sizeof(buf), "%.1f",
			 1.0 + log2((double)(x->weight ? x->weight : 1)));
		set(edge, "penwidth", buf);
		snprintf(buf, sizeof(buf), "%lu", x->weight);
		set(edge, "tooltip", buf);
		if (g->nodes[x->from].scc >= 0 &&
		    g->nodes[x->from].scc == g->nodes[x->to].scc)
			set(edge, "color", "#c0392b");
		if (x->cut) {
			set(edge, "style", "dashed");
			set(edge, "label", "cut?");
			set(edge, "fontcolor", "#c0392b");
		}
		if (g->nodes[x->to].hub && !x->cut) {
			/* everything uses a hub: draw those edges faintly */
			set(edge, "constraint", "false");
			set(edge, "color", "#cccccc");
			set(edge, "penwidth", "0.8");
		}
	}

	if (o->format == FORMAT_DOT) {
		if (agwrite(root, fp) == EOF)
			ret = error("cannot write the DOT graph");
	} else {
		gvc = dot_gvc();
		if (gvLayout(gvc, root, "dot")) {
			ret = error("graphviz could not lay out the graph");
		} else {
			if (gvRender(gvc, root, o->format == FORMAT_PNG ?
				     "png" : "svg", fp))
				ret = error("graphviz could not render %s",
					    o->format == FORMAT_PNG ? "PNG" :
					    "SVG");
			gvFreeLayout(gvc, root);
		}
	}
	agclose(root);
	for (size_t v = 0; v < g->nr; v++)
		free(names[v]);
	free(names);
	free(members);
	strmap_release(&clusters);
	strbuf_release(&dir);
	strbuf_release(&sb);
	free(node);
	return ret;
}
