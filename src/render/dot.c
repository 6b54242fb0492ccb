/*
 * The dependency graph in Graphviz, through cgraph and gvc. Node names
 * are quoted by cgraph itself, so a path holding quotes or HTML cannot
 * break the DOT or the SVG.
 */
#include <errno.h>
#include <fcntl.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

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

/* Graphviz's messages of one layout: kept, not printed (see below). */
static struct strbuf gv_messages = STRBUF_INIT;

static int keep_message(char *msg)
{
	if (gv_messages.len < 4096)
		strbuf_addstr(&gv_messages, msg);
	return 0;
}

/*
 * Lays out g with dot; 0, or -1 when Graphviz reported an error. After
 * an error ("trouble in init_rank", "lost edge") the layout is
 * half-built and Graphviz 2.42's gvFreeLayout() frees parts of it twice:
 * it is left to leak, and g must not be rendered.
 */
static int layout(GVC_t *gvc, Agraph_t *g)
{
	agusererrf old = agseterrf(keep_message);
	int ret, saved, null;

	/* libpathplan prints on stderr itself: that goes to /dev/null */
	fflush(stderr);
	saved = dup(2);
	null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (saved >= 0 && null >= 0)
		dup2(null, 2);
	strbuf_reset(&gv_messages);
	agreseterrors();
	ret = gvLayout(gvc, g, "dot") || agerrors() >= AGERR ? -1 : 0;
	agseterrf(old);
	fflush(stderr);
	if (saved >= 0 && null >= 0)
		dup2(saved, 2);
	if (saved >= 0)
		close(saved);
	if (null >= 0)
		close(null);
	return ret;
}

static int render(FILE *fp, GVC_t *gvc, Agraph_t *g, const char *format)
{
	char *data = NULL;
	unsigned int len = 0;
	int ret = 0;

	if (gvRenderData(gvc, g, format, &data, &len))
		ret = error("graphviz could not render %s", format);
	else if (fwrite(data, 1, len, fp) != len)
		ret = error("cannot write the %s: %s", format, strerror(errno));
	gvFreeRenderData(data);
	gvFreeLayout(gvc, g);
	return ret;
}

int dot_layout_render(FILE *fp, Agraph_t *g, const char *format)
{
	GVC_t *gvc = dot_gvc();
	int nodes = agnnodes(g);
	char *nl, *msg;

	if (!layout(gvc, g))
		return render(fp, gvc, g, format);
	/* the first message, on one line, without its "Error: " */
	msg = gv_messages.buf;
	if (!strncmp(msg, "Error: ", 7))
		msg += 7;
	nl = strchr(msg, '\n');
	if (nl)
		*nl = '\0';
	return error("graphviz could not lay out the graph: the layout failed "
		     "on %d node%s (%s); try --max-nodes or another --level",
		     nodes, nodes == 1 ? "" : "s", *msg ? msg : "no message");
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
			/*
			 * An edge label becomes a virtual node in dot's
			 * ranking, which with clusters makes Graphviz
			 * 2.42 free parts of the layout twice (or fail in
			 * init_rank): a drawing places it outside instead.
			 */
			set(edge, o->format == FORMAT_DOT ? "label" : "xlabel",
			    "cut?");
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
