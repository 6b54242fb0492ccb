/*
 * carve roadmap drawn with Graphviz (cgraph builds, gvc lays out and
 * renders): phases as clusters, one node per context extraction (its
 * steps collapsed) labelled with effort, dates and owner, dependency
 * edges (so dot's ranks are the waves), the critical path bold, and the
 * milestones as diamonds. Above ROADMAP_DOT_MAX_CONTEXTS the contexts of
 * one wave and phase become one node, so dot is never handed a graph it
 * needs minutes for (nor above ROADMAP_DOT_MAX_DEPS dependencies).
 */
#include <errno.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdio.h>
#include <string.h>

#include "carve/dot.h"
#include "carve/dot_gvc.h"
#include "carve/dot_ids.h"
#include "carve/error.h"
#include "carve/plan.h"
#include "carve/roadmap.h"
#include "carve/roadmap_dot.h"
#include "carve/strbuf.h"
#include "carve/utf8.h"
#include "carve/xmalloc.h"

#define ROADMAP_DOT_MAX_CONTEXTS 150
/* 150 contexts with 440 dependencies lay out in 2 s of CPU */
#define ROADMAP_DOT_MAX_DEPS 600

static void set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, "");
}

static void set_label(void *obj, const char *text)
{
	char *s = utf8_sanitize(text);

	set(obj, "label", s);
	free(s);
}

/* A date, or "none" past the declared capacity: no forecast there. */
static char *date(char *buf, const struct roadmap *r, size_t day)
{
	if (r->horizon && day >= r->horizon) {
		memcpy(buf, "none", 5);
		return buf;
	}
	return calendar_format(buf, roadmap_date(r, day));
}

struct drawing {
	const struct roadmap *r;
	Agraph_t *root, *cluster[PHASE_NR];
	Agnode_t **node; /* per context (shared by a group when collapsed) */
	Agnode_t **task; /* per task that is no step */
	Agnode_t *milestone[PHASE_NR];
	int collapsed;
};

static Agnode_t *new_node(struct drawing *g, enum roadmap_phase ph,
			  const char *id)
{
	return agnode(g->cluster[ph] ? g->cluster[ph] : g->root, (char *)id, 1);
}

static void edge(struct drawing *g, Agnode_t *a, Agnode_t *b, int bold,
		 int dashed)
{
	Agedge_t *e;

	if (!a || !b || a == b)
		return;
	/* one edge per pair: collapsed groups share many dependencies */
	e = agedge(g->root, a, b, NULL, 0);
	if (!e)
		e = agedge(g->root, a, b, NULL, 1);
	if (bold)
		set(e, "penwidth", "3");
	if (dashed)
		set(e, "style", "dashed");
}

static void context_nodes(struct drawing *g, struct strbuf *sb)
{
	const struct roadmap *r = g->r;
	char a[16], b[16], id[64];

	for (size_t i = 0; i < r->nr; i++) {
		const struct roadmap_context *x = &r->contexts[i];

		if (g->collapsed) {
			snprintf(id, sizeof(id), "wave %zu %d", x->wave,
				 (int)x->phase);
			g->node[i] = agnode(g->root, id, 0);
			if (g->node[i])
				continue;
		} else {
			snprintf(id, sizeof(id), "c%zu", i);
		}
		g->node[i] = new_node(g, x->phase, id);
		strbuf_reset(sb);
		if (!g->collapsed) {
			strbuf_addf(sb,
				    "%s\n%.0f engineer-days (P50)\n%s .. "
				    "%s\n%s",
				    x->name, x->p50, date(a, r, x->start),
				    date(b, r, x->end),
				    x->owner ? x->owner : "shared");
			set_label(g->node[i], sb->buf);
			if (x->critical)
				set(g->node[i], "penwidth", "3");
			continue;
		}
		{
			/* the whole group: count, effort, span */
			size_t n = 0, start = (size_t)-1, end = 0;
			double eff = 0;
			int crit = 0;

			for (size_t j = 0; j < r->nr; j++) {
				const struct roadmap_context *y =
					&r->contexts[j];

				if (y->wave != x->wave || y->phase != x->phase)
					continue;
				n++;
				eff += y->p50;
				crit |= y->critical;
				if (y->start < start)
					start = y->start;
				if (y->end > end)
					end = y->end;
			}
			strbuf_addf(sb,
				    "wave %zu: %zu contexts\n%.0f "
				    "engineer-days (P50)\n%s .. %s",
				    x->wave, n, eff, date(a, r, start),
				    date(b, r, end));
			set_label(g->node[i], sb->buf);
			if (crit)
				set(g->node[i], "penwidth", "3");
		}
	}
}

static void milestones(struct drawing *g, struct strbuf *sb)
{
	const struct roadmap *r = g->r;
	char a[16], b[16], c[16];

	for (int ph = 0; ph < PHASE_NR; ph++) {
		const struct roadmap_milestone *m = &r->milestones[ph];

		if (!m->reached)
			continue;
		g->milestone[ph] = agnode(g->root, (char *)m->name, 1);
		strbuf_reset(sb);
		strbuf_addf(sb, "%s\n%s\nP50 %s, P90 %s", m->name,
			    date(a, r, m->day), date(b, r, m->p50),
			    date(c, r, m->p90));
		set_label(g->milestone[ph], sb->buf);
		set(g->milestone[ph], "shape", "diamond");
		set(g->milestone[ph], "style", "filled");
		set(g->milestone[ph], "fillcolor", "#f7dc6f");
	}
}

static void edges(struct drawing *g)
{
	const struct roadmap *r = g->r;
	char *has_dependent = xcalloc(r->nr + 1, 1);
	char *has_mve_dependent = xcalloc(r->nr + 1, 1);

	for (size_t i = 0; i < r->deps_nr; i++) {
		const struct roadmap_dep *d = &r->deps[i];

		edge(g, g->node[d->to], g->node[d->from],
		     r->contexts[d->to].critical &&
			     r->contexts[d->from].critical,
		     0);
		has_dependent[d->to] = 1;
		if (r->contexts[d->from].phase == PHASE_MVE)
			has_mve_dependent[d->to] = 1;
	}
	for (size_t t = 0; t < r->tasks_nr; t++) {
		const struct roadmap_task *x = &r->tasks[t];

		if (x->kind == TASK_PHASE0)
			edge(g, g->task[t], g->milestone[PHASE_0], x->critical,
			     1);
		if (x->kind == TASK_DATA) {
			for (size_t k = 0; k < x->preds_nr; k++) {
				long c = r->tasks[x->preds[k]].context;

				if (c < 0)
					continue;
				edge(g, g->node[c], g->task[t],
				     x->critical && r->contexts[c].critical, 0);
				has_dependent[c] = 1;
				if (x->phase == PHASE_MVE)
					has_mve_dependent[c] = 1;
			}
			edge(g, g->task[t],
			     g->milestone[x->phase == PHASE_MVE ? PHASE_MVE
								: PHASE_ENDGAME],
			     x->critical, 1);
		}
	}
	for (size_t i = 0; i < r->nr; i++) {
		const struct roadmap_context *x = &r->contexts[i];

		if (x->wave == 1)
			edge(g, g->milestone[PHASE_0], g->node[i], x->critical,
			     1);
		if (x->phase == PHASE_MVE && !has_mve_dependent[i])
			edge(g, g->node[i], g->milestone[PHASE_MVE],
			     x->critical, 1);
		if (!has_dependent[i])
			edge(g, g->node[i], g->milestone[PHASE_ENDGAME],
			     x->critical && x->phase != PHASE_MVE, 1);
	}
	if (g->milestone[PHASE_MVE] != g->milestone[PHASE_ENDGAME])
		edge(g, g->milestone[PHASE_MVE], g->milestone[PHASE_ENDGAME], 0,
		     1);
	free(has_dependent);
	free(has_mve_dependent);
}

int roadmap_render(FILE *fp, const struct roadmap *r, enum output_format format,
		   const char *title)
{
	static const char *const names[] = { "cluster_phase0", "cluster_mve",
					     "cluster_endgame" };
	static const char *const labels[] = { "phase 0", "MVE", "endgame" };
	struct drawing g = { 0 };
	struct strbuf sb = STRBUF_INIT;
	char a[16], b[16];
	int ret = 0;

	g.r = r;
	g.collapsed = r->nr > ROADMAP_DOT_MAX_CONTEXTS ||
		      r->deps_nr > ROADMAP_DOT_MAX_DEPS;
	g.root = agopen("roadmap", Agdirected, &dot_ids);
	g.node = xcalloc(r->nr + 1, sizeof(*g.node));
	g.task = xcalloc(r->tasks_nr + 1, sizeof(*g.task));
	set(g.root, "rankdir", "LR");
	set(g.root, "fontname", "Helvetica");
	set(g.root, "newrank", "true");
	if (title) {
		strbuf_addstr(&sb, title);
		if (g.collapsed)
			strbuf_addf(&sb,
				    " (%zu contexts: one node per wave "
				    "and phase)",
				    r->nr);
		set_label(g.root, sb.buf);
		set(g.root, "labelloc", "t");
	}
	agattr(g.root, AGNODE, "shape", "box");
	agattr(g.root, AGNODE, "style", "rounded");
	agattr(g.root, AGNODE, "fontname", "Helvetica");
	agattr(g.root, AGNODE, "fontsize", "10");
	agattr(g.root, AGEDGE, "color", "#555555");
	for (int ph = 0; ph < PHASE_NR; ph++) {
		int any = 0;

		for (size_t t = 0; t < r->tasks_nr; t++)
			any |= r->tasks[t].phase == (enum roadmap_phase)ph;
		if (!any)
			continue;
		g.cluster[ph] = agsubg(g.root, (char *)names[ph], 1);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s: until %s (P90 %s)", labels[ph],
			    date(a, r, r->milestones[ph].day),
			    date(b, r, r->milestones[ph].p90));
		set_label(g.cluster[ph], sb.buf);
		set(g.cluster[ph], "style", "rounded");
		set(g.cluster[ph], "color", "#999999");
	}
	for (size_t t = 0; t < r->tasks_nr; t++) {
		const struct roadmap_task *x = &r->tasks[t];
		char id[32];

		if (x->kind == TASK_STEP)
			continue;
		snprintf(id, sizeof(id), "t%zu", t);
		g.task[t] = new_node(&g, x->phase, id);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s\n%.0f engineer-days\n%s .. %s", x->name,
			    x->effort, date(a, r, x->start),
			    date(b, r, x->end));
		set_label(g.task[t], sb.buf);
		set(g.task[t], "style", "rounded,filled");
		set(g.task[t], "fillcolor", "#eaf2f8");
		if (x->critical)
			set(g.task[t], "penwidth", "3");
	}
	context_nodes(&g, &sb);
	milestones(&g, &sb);
	edges(&g);
	if (format == FORMAT_DOT) {
		if (agwrite(g.root, fp) == EOF)
			ret = error("cannot write the DOT graph: %s",
				    strerror(errno));
	} else {
		ret = dot_layout_render(fp, g.root,
					format == FORMAT_PNG ? "png" : "svg");
	}
	agclose(g.root);
	free(g.node);
	free(g.task);
	strbuf_release(&sb);
	return ret;
}
