/*
 * carve seams drawn with Graphviz (cgraph builds, gvc lays out and
 * renders): one node per context, one edge per seam direction labelled
 * with its references, cycles in red with the suggested cuts dashed, the
 * shared kernel grey.
 */
#include <errno.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <math.h>
#include <string.h>
#include <stdio.h>

#include "carve/dot.h"
#include "carve/dot_ids.h"
#include "carve/error.h"
#include "carve/seams.h"
#include "carve/seams_dot.h"
#include "carve/strbuf.h"
#include "carve/utf8.h"
#include "carve/xmalloc.h"

static void set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, "");
}

int seams_render(FILE *fp, const struct seams *s, int svg, const char *title)
{
	Agraph_t *root = agopen("seams", Agdirected, &dot_ids);
	Agnode_t **node = xcalloc(s->nr ? s->nr : 1, sizeof(*node));
	struct strbuf sb = STRBUF_INIT;
	int ret = 0;

	set(root, "rankdir", "LR");
	set(root, "fontname", "Helvetica");
	if (title) {
		dot_add_text(&sb, title);
		set(root, "label", sb.buf);
		set(root, "labelloc", "t");
	}
	agattr(root, AGNODE, "shape", "box");
	agattr(root, AGNODE, "style", "rounded");
	agattr(root, AGNODE, "fontname", "Helvetica");
	agattr(root, AGNODE, "fontsize", "10");
	agattr(root, AGEDGE, "color", "#555555");
	agattr(root, AGEDGE, "fontname", "Helvetica");
	agattr(root, AGEDGE, "fontsize", "9");
	for (size_t i = 0; i < s->nr; i++) {
		const struct seams_context *x = &s->contexts[i];
		char *label;

		label = utf8_sanitize_text(x->name);
		node[i] = agnode(root, label, 1);
		free(label);
		strbuf_reset(&sb);
		dot_add_text(&sb, x->name);
		strbuf_addf(&sb, "\n%zu files, %lu lines", x->files_nr,
			    x->code);
		if (x->rank)
			strbuf_addf(&sb, "\nextract #%zu", x->rank);
		set(node[i], "label", sb.buf);
		if (x->kernel) {
			set(node[i], "style", "rounded,filled");
			set(node[i], "fillcolor", "#dddddd");
		}
		if (x->cycle >= 0)
			set(node[i], "color", "#c0392b");
	}
	for (size_t i = 0; i < s->crossings_nr; i++) {
		const struct seams_crossing *c = &s->crossings[i];
		Agedge_t *e = agedge(root, node[c->from], node[c->to], NULL, 1);
		char buf[32];

		snprintf(buf, sizeof(buf), "%lu", c->refs);
		set(e, "label", buf);
		snprintf(buf, sizeof(buf), "%.1f",
			 1.0 + log2((double)(c->refs ? c->refs : 1)));
		set(e, "penwidth", buf);
		if (s->contexts[c->from].cycle >= 0 &&
		    s->contexts[c->from].cycle == s->contexts[c->to].cycle)
			set(e, "color", "#c0392b");
		if (c->cut)
			set(e, "style", "dashed");
		if (s->contexts[c->to].kernel) {
			/* everything uses the kernel: draw it faintly (not
			 * constraint=false: with labels, Graphviz 2.43's dot
			 * layout frees the label nodes twice) */
			set(e, "color", "#cccccc");
		}
	}
	if (!svg) {
		if (agwrite(root, fp) == EOF)
			ret = error("cannot write the DOT graph: %s",
				    strerror(errno));
	} else {
		ret = dot_layout_render(fp, root, "svg");
	}
	agclose(root);
	free(node);
	strbuf_release(&sb);
	return ret;
}
