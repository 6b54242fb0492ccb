/*
 * Graph building and analysis. Tarjan's algorithm runs on an explicit
 * stack so that a chain of 100,000 files cannot overflow the C stack.
 * Cycle cuts are greedy: remove the lightest edge of the largest
 * remaining cycle until none is left, then give back every removed edge
 * that no longer closes a cycle, so the list stays short. That costs a
 * pass over the component per cut, so a component of more than
 * GREEDY_EDGES edges is cut by the ordering heuristic of Eades, Lin and
 * Smyth instead (weighted): one pass, every backward edge a cut.
 */
#include <string.h>

#include "carve/deps.h"
#include "carve/graph.h"
#include "carve/scan.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

static int cmp_edge(const void *a, const void *b)
{
	const struct graph_edge *x = a, *y = b;

	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	return 0;
}

struct frame {
	size_t node;
	size_t next; /* next edge to look at */
};

size_t graph_tarjan(size_t nr, const struct graph_edge *edges,
		    size_t edges_nr, const int *removed, size_t *comp)
{
	size_t *first = xcalloc(nr + 1, sizeof(*first));
	size_t *index = xmalloc((nr ? nr : 1) * sizeof(*index));
	size_t *low = xmalloc((nr ? nr : 1) * sizeof(*low));
	char *on_stack = xcalloc(nr ? nr : 1, 1);
	size_t *stack = xmalloc((nr ? nr : 1) * sizeof(*stack));
	struct frame *call = xmalloc((nr ? nr : 1) * sizeof(*call));
	size_t sp = 0, counter = 0, ncomp = 0;
	const size_t unvisited = (size_t)-1;

	/* edges are sorted by from: first[v]..first[v+1] are v's */
	for (size_t e = 0; e < edges_nr; e++)
		first[edges[e].from + 1]++;
	for (size_t v = 0; v < nr; v++)
		first[v + 1] += first[v];
	for (size_t v = 0; v < nr; v++)
		index[v] = unvisited;

	for (size_t root = 0; root < nr; root++) {
		size_t depth = 0;

		if (index[root] != unvisited)
			continue;
		call[depth++] = (struct frame){ root, first[root] };
		index[root] = low[root] = counter++;
		stack[sp++] = root;
		on_stack[root] = 1;
		while (depth) {
			struct frame *f = &call[depth - 1];
			size_t v = f->node;

			if (f->next < first[v + 1]) {
				size_t e = f->next++, w;

				if (removed && removed[e])
					continue;
				w = edges[e].to;
				if (index[w] == unvisited) {
					index[w] = low[w] = counter++;
					stack[sp++] = w;
					on_stack[w] = 1;
					call[depth++] = (struct frame){ w,
									first[w] };
				} else if (on_stack[w] && index[w] < low[v]) {
					low[v] = index[w];
				}
				continue;
			}
			if (low[v] == index[v]) {
				size_t w;

				do {
					w = stack[--sp];
					on_stack[w] = 0;
					comp[w] = ncomp;
				} while (w != v);
				ncomp++;
			}
			depth--;
			if (depth && low[v] < low[call[depth - 1].node])
				low[call[depth - 1].node] = low[v];
		}
	}
	free(first);
	free(index);
	free(low);
	free(on_stack);
	free(stack);
	free(call);
	return ncomp;
}

/* True when edge e lies on a cycle of the graph without `removed` edges. */
static int on_cycle(size_t nr, const struct graph_edge *edges, size_t n,
		    const int *removed, size_t *comp, size_t e)
{
	graph_tarjan(nr, edges, n, removed, comp);
	return comp[edges[e].from] == comp[edges[e].to];
}

#define GREEDY_EDGES 4096

/* A max-heap of (key, node) with stale entries skipped on pop. */
struct heap_item {
	double key;
	size_t node;
};

static void heap_push(struct heap_item **h, size_t *n, size_t *alloc,
		      double key, size_t node)
{
	size_t i;

	ALLOC_GROW(*h, *n + 1, *alloc);
	i = (*n)++;
	while (i) {
		size_t parent = (i - 1) / 2;

		if ((*h)[parent].key > key ||
		    ((*h)[parent].key == key && (*h)[parent].node <= node))
			break;
		(*h)[i] = (*h)[parent];
		i = parent;
	}
	(*h)[i] = (struct heap_item){ key, node };
}

static struct heap_item heap_pop(struct heap_item *h, size_t *n)
{
	struct heap_item top = h[0], last = h[--*n];
	size_t i = 0;

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= *n)
			break;
		if (c + 1 < *n &&
		    (h[c + 1].key > h[c].key ||
		     (h[c + 1].key == h[c].key && h[c + 1].node < h[c].node)))
			c++;
		if (last.key > h[c].key ||
		    (last.key == h[c].key && last.node <= h[c].node))
			break;
		h[i] = h[c];
		i = c;
	}
	if (*n)
		h[i] = last;
	return top;
}

/*
 * Eades-Lin-Smyth on the edges not `removed`, weighted: take sinks to
 * the back and sources to the front while there are any, else the node
 * with the largest out-weight minus in-weight to the front. Edges that
 * point backwards in the order are the cuts (a feedback arc set), put in
 * *cuts; returns their number.
 */
static size_t els_cuts(const struct graph *g, const int *removed,
		       size_t **cuts)
{
	size_t nr = g->nr, m = g->edges_nr, one = nr ? nr : 1;
	size_t *first = xcalloc(nr + 1, sizeof(*first));
	size_t *fin = xcalloc(nr + 1, sizeof(*fin));
	size_t *in = xmalloc((m ? m : 1) * sizeof(*in));
	size_t *outd = xcalloc(one, sizeof(*outd));
	size_t *ind = xcalloc(one, sizeof(*ind));
	double *delta = xcalloc(one, sizeof(*delta));
	char *done = xcalloc(one, 1);
	size_t *pos = xmalloc(one * sizeof(*pos));
	size_t *queue = xmalloc(3 * one * sizeof(*queue));
	size_t front = 0, back = nr, qh = 0, qt = 0, left = 0, n = 0;
	struct heap_item *heap = NULL;
	size_t heap_nr = 0, heap_alloc = 0, alloc = 0;

	for (size_t e = 0; e < m; e++) {
		const struct graph_edge *x = &g->edges[e];

		first[x->from + 1]++;
		if (removed[e])
			continue;
		outd[x->from]++;
		ind[x->to]++;
		fin[x->to + 1]++;
		delta[x->from] += (double)x->weight;
		delta[x->to] -= (double)x->weight;
	}
	for (size_t v = 0; v < nr; v++) {
		first[v + 1] += first[v];
		fin[v + 1] += fin[v];
	}
	{
		size_t *at = xmalloc(one * sizeof(*at));

		memcpy(at, fin, one * sizeof(*at));
		for (size_t e = 0; e < m; e++)
			if (!removed[e])
				in[at[g->edges[e].to]++] = e;
		free(at);
	}
	for (size_t v = 0; v < nr; v++) {
		if (!outd[v] && !ind[v]) {
			done[v] = 1;
			continue;
		}
		left++;
		if (!outd[v] || !ind[v])
			queue[qt++] = v;
		heap_push(&heap, &heap_nr, &heap_alloc, delta[v], v);
	}
	while (left) {
		size_t v = SIZE_MAX;

		while (qh < qt && v == SIZE_MAX)
			if (!done[queue[qh]])
				v = queue[qh];
			else
				qh++;
		if (v != SIZE_MAX)
			qh++;
		while (v == SIZE_MAX) {
			struct heap_item it = heap_pop(heap, &heap_nr);

			if (!done[it.node] && it.key == delta[it.node])
				v = it.node;
		}
		/* a sink goes to the back, anything else to the front */
		pos[v] = !outd[v] ? --back : front++;
		done[v] = 1;
		left--;
		for (size_t e = first[v]; e < first[v + 1]; e++) {
			const struct graph_edge *x = &g->edges[e];

			if (removed[e] || done[x->to])
				continue;
			delta[x->to] += (double)x->weight;
			if (!--ind[x->to])
				queue[qt++] = x->to;
			heap_push(&heap, &heap_nr, &heap_alloc, delta[x->to],
				  x->to);
		}
		for (size_t k = fin[v]; k < fin[v + 1]; k++) {
			const struct graph_edge *x = &g->edges[in[k]];

			if (done[x->from])
				continue;
			delta[x->from] -= (double)x->weight;
			if (!--outd[x->from])
				queue[qt++] = x->from;
			heap_push(&heap, &heap_nr, &heap_alloc, delta[x->from],
				  x->from);
		}
	}
	*cuts = NULL;
	for (size_t e = 0; e < m; e++)
		if (!removed[e] && pos[g->edges[e].from] > pos[g->edges[e].to]) {
			ALLOC_GROW(*cuts, n + 1, alloc);
			(*cuts)[n++] = e;
		}
	free(heap);
	free(first);
	free(fin);
	free(in);
	free(outd);
	free(ind);
	free(delta);
	free(done);
	free(pos);
	free(queue);
	return n;
}

/* Lightest first, then by edge index. */
static int cmp_cut(const void *a, const void *b, void *ctx)
{
	const struct graph_edge *e = ((const struct graph *)ctx)->edges;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	if (e[x].weight != e[y].weight)
		return e[x].weight < e[y].weight ? -1 : 1;
	return x < y ? -1 : x > y;
}

static void find_cuts(struct graph *g, struct graph_scc *c)
{
	int *removed = xcalloc(g->edges_nr ? g->edges_nr : 1, sizeof(int));
	size_t *comp = xmalloc((g->nr ? g->nr : 1) * sizeof(*comp));
	size_t *cuts = NULL, nr = 0, alloc = 0, inside = 0;
	char *in = xcalloc(g->nr ? g->nr : 1, 1);

	for (size_t i = 0; i < c->nr; i++)
		in[c->nodes[i]] = 1;
	/* only edges inside this component matter */
	for (size_t e = 0; e < g->edges_nr; e++) {
		removed[e] = !(in[g->edges[e].from] && in[g->edges[e].to]);
		inside += !removed[e];
	}
	if (inside > GREEDY_EDGES) {
		nr = els_cuts(g, removed, &cuts);
		if (nr)
			qsort_r(cuts, nr, sizeof(*cuts), cmp_cut, g);
		goto cut;
	}
	for (;;) {
		size_t ncomp = graph_tarjan(g->nr, g->edges, g->edges_nr,
					    removed, comp);
		size_t *size = xcalloc(ncomp, sizeof(*size));
		size_t best = (size_t)-1, big = 0;

		for (size_t v = 0; v < g->nr; v++)
			if (in[v])
				size[comp[v]]++;
		for (size_t k = 0; k < ncomp; k++)
			if (size[k] > size[big])
				big = k;
		for (size_t e = 0; size[big] > 1 && e < g->edges_nr; e++) {
			const struct graph_edge *x = &g->edges[e];

			if (removed[e] || comp[x->from] != big ||
			    comp[x->to] != big)
				continue;
			if (best == (size_t)-1 ||
			    x->weight < g->edges[best].weight)
				best = e;
		}
		free(size);
		if (best == (size_t)-1)
			break;
		removed[best] = 1;
		ALLOC_GROW(cuts, nr + 1, alloc);
		cuts[nr++] = best;
	}
	/* give back cuts that are not needed, heaviest first */
	for (size_t i = nr; i-- > 0;) {
		removed[cuts[i]] = 0;
		if (on_cycle(g->nr, g->edges, g->edges_nr, removed, comp,
			     cuts[i])) {
			removed[cuts[i]] = 1;
		} else {
			memmove(&cuts[i], &cuts[i + 1],
				(nr - i - 1) * sizeof(*cuts));
			nr--;
		}
	}
cut:
	c->cuts = cuts;
	c->cuts_nr = nr;
	for (size_t i = 0; i < nr; i++) {
		g->edges[cuts[i]].cut = 1;
		c->cut_weight += g->edges[cuts[i]].weight;
	}
	free(removed);
	free(comp);
	free(in);
}

static int cmp_scc(const void *a, const void *b)
{
	const struct graph_scc *x = a, *y = b;

	if (x->nr != y->nr)
		return x->nr < y->nr ? 1 : -1;
	return x->nodes[0] < y->nodes[0] ? -1 : 1;
}

static void analyse(struct graph *g)
{
	size_t *comp = xmalloc((g->nr ? g->nr : 1) * sizeof(*comp));
	size_t ncomp = graph_tarjan(g->nr, g->edges, g->edges_nr, NULL, comp);
	size_t *size = xcalloc(ncomp ? ncomp : 1, sizeof(*size));
	long *scc_of = xmalloc((ncomp ? ncomp : 1) * sizeof(*scc_of));
	size_t alloc = 0;

	for (size_t e = 0; e < g->edges_nr; e++) {
		struct graph_edge *x = &g->edges[e];

		g->nodes[x->from].fan_out++;
		g->nodes[x->from].weight_out += x->weight;
		g->nodes[x->to].fan_in++;
		g->nodes[x->to].weight_in += x->weight;
	}
	/* a hub is used by at least half of the other nodes (and by 3) */
	g->hub_threshold = g->nr / 2; /* half of the others, rounded up */
	if (g->hub_threshold < 3)
		g->hub_threshold = 3;
	for (size_t v = 0; v < g->nr; v++) {
		struct graph_node *n = &g->nodes[v];
		size_t deg = n->fan_in + n->fan_out;

		n->instability = deg ? (double)n->fan_out / (double)deg : 0.0;
		n->hub = n->fan_in >= g->hub_threshold;
		n->scc = -1;
		size[comp[v]]++;
	}
	for (size_t k = 0; k < ncomp; k++)
		scc_of[k] = -1;
	/* nodes are in name order, so each component's list is sorted */
	for (size_t v = 0; v < g->nr; v++) {
		size_t k = comp[v];
		struct graph_scc *c;

		if (size[k] < 2)
			continue;
		if (scc_of[k] < 0) {
			ALLOC_GROW(g->sccs, g->sccs_nr + 1, alloc);
			scc_of[k] = (long)g->sccs_nr;
			c = &g->sccs[g->sccs_nr++];
			memset(c, 0, sizeof(*c));
			c->nodes = xmalloc(size[k] * sizeof(*c->nodes));
		}
		c = &g->sccs[scc_of[k]];
		c->nodes[c->nr++] = v;
	}
	if (g->sccs_nr)
		qsort(g->sccs, g->sccs_nr, sizeof(*g->sccs), cmp_scc);
	for (size_t i = 0; i < g->sccs_nr; i++) {
		for (size_t j = 0; j < g->sccs[i].nr; j++)
			g->nodes[g->sccs[i].nodes[j]].scc = (long)i;
		find_cuts(g, &g->sccs[i]);
	}
	free(comp);
	free(size);
	free(scc_of);
}

void graph_analyse(struct graph *g)
{
	analyse(g);
}

/* The name of file f's node at `level`. */
static const char *node_name(struct graph *g, const struct scan_file *f,
			     enum graph_level level)
{
	const char *slash;

	if (level == GRAPH_FILES)
		return f->path;
	if (level == GRAPH_MODULES)
		return f->module;
	slash = strchr(f->path, '/');
	return slash ? arena_strndup(&g->arena, f->path,
				     (size_t)(slash - f->path)) : ".";
}

static int cmp_name(const void *a, const void *b)
{
	const struct graph_node *x = a, *y = b;

	return strcmp(x->name, y->name);
}

int graph_build(struct graph *g, const struct scan *scan,
		enum graph_level level)
{
	struct strmap index = STRMAP_INIT;
	size_t *node_of = xmalloc((scan->nr ? scan->nr : 1) * sizeof(*node_of));
	const char **names = xcalloc(scan->nr ? scan->nr : 1, sizeof(*names));
	size_t alloc = 0, edges_alloc = 0, out = 0;

	memset(g, 0, sizeof(*g));
	g->level = level;
	for (size_t i = 0; i < scan->nr; i++) {
		const struct scan_file *f = &scan->files[i];
		const char *name;

		node_of[i] = (size_t)-1;
		if (f->status != FILE_COUNTED)
			continue;
		name = names[i] = node_name(g, f, level);
		if (!strmap_get(&index, name)) {
			ALLOC_GROW(g->nodes, g->nr + 1, alloc);
			memset(&g->nodes[g->nr], 0, sizeof(*g->nodes));
			g->nodes[g->nr++].name = name;
			strmap_put(&index, name, (void *)1);
		}
	}
	if (g->nr)
		qsort(g->nodes, g->nr, sizeof(*g->nodes), cmp_name);
	for (size_t v = 0; v < g->nr; v++)
		strmap_put(&index, g->nodes[v].name, (void *)(v + 1));
	for (size_t i = 0; i < scan->nr; i++) {
		const struct scan_file *f = &scan->files[i];
		size_t v;

		if (f->status != FILE_COUNTED)
			continue;
		v = (size_t)strmap_get(&index, names[i]) - 1;
		node_of[i] = v;
		g->nodes[v].files++;
		g->nodes[v].code += f->counts.code;
	}
	for (size_t k = 0; k < scan->edges_nr; k++) {
		const struct scan_edge *se = &scan->edges[k];
		size_t from = node_of[se->from], to = node_of[se->to];
		struct graph_edge *x;

		if (from == (size_t)-1 || to == (size_t)-1 || from == to)
			continue;
		ALLOC_GROW(g->edges, g->edges_nr + 1, edges_alloc);
		x = &g->edges[g->edges_nr++];
		memset(x, 0, sizeof(*x));
		x->from = from;
		x->to = to;
		x->weight = se->weight;
		x->kinds = 1u << se->kind;
	}
	if (g->edges_nr)
		qsort(g->edges, g->edges_nr, sizeof(*g->edges), cmp_edge);
	for (size_t k = 0; k < g->edges_nr; k++) {
		if (out && g->edges[out - 1].from == g->edges[k].from &&
		    g->edges[out - 1].to == g->edges[k].to) {
			g->edges[out - 1].weight += g->edges[k].weight;
			g->edges[out - 1].kinds |= g->edges[k].kinds;
		} else {
			g->edges[out++] = g->edges[k];
		}
	}
	g->edges_nr = out;
	strmap_release(&index);
	free(node_of);
	free(names);
	analyse(g);
	return 0;
}

long graph_find(const struct graph *g, const char *name)
{
	size_t lo = 0, hi = g->nr;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(g->nodes[mid].name, name);

		if (!c)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

void graph_release(struct graph *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->sccs_nr; i++) {
		free(g->sccs[i].nodes);
		free(g->sccs[i].cuts);
	}
	free(g->sccs);
	free(g->nodes);
	free(g->edges);
	arena_release(&g->arena);
	memset(g, 0, sizeof(*g));
}
