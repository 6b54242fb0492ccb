/*
 * The dependency graph in Graphviz, through cgraph and gvc. Node names
 * are quoted by cgraph itself, so a path holding quotes or HTML cannot
 * break the DOT or the SVG.
 */
#include <errno.h>
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

int dot_layout_render(FILE *fp, Agraph_t *g, const char *format)
{
	GVC_t *gvc = dot_gvc();
	char *data = NULL;
	unsigned int len = 0;
	int ret = 0;

	if (gvLayout(gvc, g, "dot")) {
		ret = error("graphviz could not lay out the graph");
	} else {
		if (gvRenderData(gvc, g, format, &data, &len))
			ret = error("graphviz could not render %s", format);
		else if (fwrite(data, 1, len, fp) != len)
			ret = error("cannot write the %s: %s", format,
				    strerror(errno));
		gvFreeRenderData(data);
		gvFreeLayout(gvc, g);
	}
	return ret;
}

void dot_add_text(struct strbuf *out, const char *s)
{
	char *clean = utf8_sanitize_text(s);

	for (const char *p = clean; *p; p++) {
		if (*p == '\\')
			strbuf_addch(out, '\\');
		strbuf_addch(out, *p);
	}
	free(clean);
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
	int ret = 0;

	set(root, "rankdir", "LR");
	set(root, "fontname", "Helvetica");
	set(root, "nodesep", "0.2");
	if (o->title) {
		dot_add_text(&sb, o->title);
		set(root, "label", sb.buf);
		set(root, "labelloc", "t");
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
			strbuf_addstr(&sb, "cluster_");
			dot_add_text(&sb, dir.buf);
			parent = agsubg(root, sb.buf, 1);
			set(parent, "label", sb.buf + strlen("cluster_"));
			set(parent, "style", "rounded");
			set(parent, "color", "#bbbbbb");
		}
		label = utf8_sanitize_text(n->name);
		node[v] = agnode(parent, label, 1);
		free(label);
		strbuf_reset(&sb);
		dot_add_text(&sb, n->name);
		strbuf_addf(&sb, "\n%lu lines", n->code);
		set(node[v], "label", sb.buf);
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
			ret = error("cannot write the DOT graph: %s",
				    strerror(errno));
	} else {
		ret = dot_layout_render(
			fp, root, o->format == FORMAT_PNG ? "png" : "svg");
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
