/*
 * Unit tests for the graph: components, cycle cuts, metrics and hubs on
 * small graphs worked out by hand, and a 200,000-node cycle that would
 * overflow a recursive Tarjan.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "carve/graph.h"
#include "carve/scan.h"

/* A scan with one counted file per module name, and the given edges. */
static struct scan *fake_scan(const char *const *names, size_t nr,
			      const size_t (*edges)[3], size_t edges_nr)
{
	struct scan *s = calloc(1, sizeof(*s));

	s->files = calloc(nr, sizeof(*s->files));
	s->nr = nr;
	for (size_t i = 0; i < nr; i++) {
		s->files[i].path = names[i];
		s->files[i].module = names[i];
		s->files[i].status = FILE_COUNTED;
		s->files[i].counts.code = 10;
	}
	s->edges = calloc(edges_nr ? edges_nr : 1, sizeof(*s->edges));
	s->edges_nr = edges_nr;
	for (size_t i = 0; i < edges_nr; i++) {
		s->edges[i].from = edges[i][0];
		s->edges[i].to = edges[i][1];
		s->edges[i].weight = (unsigned)edges[i][2];
		s->edges[i].kind = DEP_IMPORT;
	}
	return s;
}

static void free_scan(struct scan *s)
{
	free(s->files);
	free(s->edges);
	free(s);
}

static long edge_index(const struct graph *g, const char *from,
		       const char *to)
{
	long f = graph_find(g, from), t = graph_find(g, to);

	for (size_t e = 0; e < g->edges_nr; e++)
		if ((long)g->edges[e].from == f && (long)g->edges[e].to == t)
			return (long)e;
	return -1;
}

static void one_cycle_cut_at_lightest_edge(void **state)
{
	/* a->b (5), b->c (3), c->a (1), d->a (2) */
	static const char *const names[] = { "a", "b", "c", "d" };
	static const size_t edges[][3] = {
		{ 0, 1, 5 }, { 1, 2, 3 }, { 2, 0, 1 }, { 3, 0, 2 },
	};
	struct scan *s = fake_scan(names, 4, edges, 4);
	struct graph g;

	(void)state;
	assert_int_equal(graph_build(&g, s, GRAPH_MODULES), 0);
	assert_int_equal(g.nr, 4);
	assert_int_equal(g.sccs_nr, 1);
	assert_int_equal(g.sccs[0].nr, 3);      /* a, b, c */
	assert_int_equal(g.nodes[graph_find(&g, "d")].scc, -1);
	assert_int_equal(g.sccs[0].cuts_nr, 1); /* c->a, weight 1 */
	assert_int_equal(g.sccs[0].cuts[0], edge_index(&g, "c", "a"));
	assert_int_equal(g.sccs[0].cut_weight, 1);
	/* a: used by c and d, uses b: instability 1 / 3 */
	assert_int_equal(g.nodes[graph_find(&g, "a")].fan_in, 2);
	assert_int_equal(g.nodes[graph_find(&g, "a")].fan_out, 1);
	assert_true(g.nodes[graph_find(&g, "a")].instability > 0.333 &&
		    g.nodes[graph_find(&g, "a")].instability < 0.334);
	assert_int_equal(g.nodes[graph_find(&g, "a")].weight_in, 3);
	graph_release(&g);
	free_scan(s);
}

static void nested_cycles_need_two_cuts(void **state)
{
	/* a<->b (1 and 10), b<->c (2 and 1): a->b and c->b must go */
	static const char *const names[] = { "a", "b", "c" };
	static const size_t edges[][3] = {
		{ 0, 1, 1 }, { 1, 0, 10 }, { 1, 2, 2 }, { 2, 1, 1 },
	};
	struct scan *s = fake_scan(names, 3, edges, 4);
	struct graph g;

	(void)state;
	graph_build(&g, s, GRAPH_MODULES);
	assert_int_equal(g.sccs_nr, 1);
	assert_int_equal(g.sccs[0].nr, 3);
	assert_int_equal(g.sccs[0].cuts_nr, 2);
	assert_int_equal(g.sccs[0].cut_weight, 2);
	assert_true(g.edges[edge_index(&g, "a", "b")].cut);
	assert_true(g.edges[edge_index(&g, "c", "b")].cut);
	assert_false(g.edges[edge_index(&g, "b", "a")].cut);
	graph_release(&g);
	free_scan(s);
}

static void files_merge_into_modules(void **state)
{
	/* x/1 and x/2 are module x; two file edges to y sum to weight 7 */
	static const char *const paths[] = { "x/1", "x/2", "y/1" };
	static const size_t edges[][3] = { { 0, 2, 3 }, { 1, 2, 4 },
					   { 0, 1, 9 } };
	struct scan *s = fake_scan(paths, 3, edges, 3);
	struct graph g;

	(void)state;
	s->files[0].module = s->files[1].module = "x";
	s->files[2].module = "y";
	graph_build(&g, s, GRAPH_MODULES);
	assert_int_equal(g.nr, 2);
	assert_int_equal(g.edges_nr, 1); /* x->x is no edge */
	assert_int_equal(g.edges[0].weight, 7);
	assert_int_equal(g.nodes[graph_find(&g, "x")].files, 2);
	assert_int_equal(g.nodes[graph_find(&g, "x")].code, 20);
	graph_release(&g);
	graph_build(&g, s, GRAPH_FILES);
	assert_int_equal(g.nr, 3);
	assert_int_equal(g.edges_nr, 3);
	assert_int_equal(g.sccs_nr, 0);
	graph_release(&g);
	free_scan(s);
}

static void hub_is_used_by_half(void **state)
{
	/* h is used by a..f (6 of 6 others); a is used by b only */
	static const char *const names[] = { "a", "b", "c", "d", "e", "f",
					     "h" };
	static const size_t edges[][3] = {
		{ 0, 6, 1 }, { 1, 6, 1 }, { 2, 6, 1 }, { 3, 6, 1 },
		{ 4, 6, 1 }, { 5, 6, 1 }, { 1, 0, 1 },
	};
	struct scan *s = fake_scan(names, 7, edges, 7);
	struct graph g;

	(void)state;
	graph_build(&g, s, GRAPH_MODULES);
	assert_int_equal(g.hub_threshold, 3);
	assert_true(g.nodes[graph_find(&g, "h")].hub);
	assert_false(g.nodes[graph_find(&g, "a")].hub);
	assert_true(g.nodes[graph_find(&g, "h")].instability == 0.0);
	graph_release(&g);
	free_scan(s);
}

static void long_cycle_does_not_recurse(void **state)
{
	enum { N = 200000 };
	struct graph_edge *e = calloc(N, sizeof(*e));
	size_t *comp = malloc(N * sizeof(*comp));
	size_t ncomp;

	(void)state;
	for (size_t i = 0; i < N; i++) {
		e[i].from = i;
		e[i].to = (i + 1) % N;
		e[i].weight = 1;
	}
	ncomp = graph_tarjan(N, e, N, NULL, comp);
	assert_int_equal(ncomp, 1);
	assert_int_equal(comp[0], comp[N - 1]);
	/* without the back edge every node is its own component */
	{
		int *removed = calloc(N, sizeof(int));

		removed[N - 1] = 1;
		assert_int_equal(graph_tarjan(N, e, N, removed, comp), N);
		free(removed);
	}
	free(e);
	free(comp);
}

static void empty_graph(void **state)
{
	struct scan *s = fake_scan(NULL, 0, NULL, 0);
	struct graph g;

	(void)state;
	assert_int_equal(graph_build(&g, s, GRAPH_FILES), 0);
	assert_int_equal(g.nr, 0);
	assert_int_equal(g.sccs_nr, 0);
	assert_int_equal(graph_find(&g, "x"), -1);
	graph_release(&g);
	free_scan(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_cycle_cut_at_lightest_edge),
		cmocka_unit_test(nested_cycles_need_two_cuts),
		cmocka_unit_test(files_merge_into_modules),
		cmocka_unit_test(hub_is_used_by_half),
		cmocka_unit_test(long_cycle_does_not_recurse),
		cmocka_unit_test(empty_graph),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
