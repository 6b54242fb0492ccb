/*
 * Unit tests for the clustering around igraph's Leiden: two cliques
 * joined by one weak link are two communities, whatever the seed; pinned
 * nodes never share a community; small leftovers join their strongest
 * neighbour; the resolution search finds the wanted count.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>

#include "carve/cluster.h"

/* Nodes 0-3 and 4-7 are cliques (weight 5), 3-4 a weak bridge (1). */
static struct cluster_link two_cliques[13];

static size_t make_two_cliques(void)
{
	size_t n = 0;

	for (size_t base = 0; base <= 4; base += 4)
		for (size_t i = 0; i < 4; i++)
			for (size_t j = i + 1; j < 4; j++)
				two_cliques[n++] =
					(struct cluster_link){ base + i,
							       base + j, 5 };
	two_cliques[n++] = (struct cluster_link){ 3, 4, 1 };
	return n;
}

static void two_cliques_two_communities(void **state)
{
	struct cluster_problem p = { 8, two_cliques, make_two_cliques(), NULL,
				     NULL };
	struct cluster_options o = { 1.0, 4, 1, 0 };
	size_t m[8];
	double q = 0;

	(void)state;
	for (unsigned long seed = 1; seed < 20; seed++) {
		o.seed = seed;
		assert_int_equal(cluster_run(m, &p, &o, &q), 2);
		/* numbered by first node: 0-3 are 0, 4-7 are 1 */
		for (size_t v = 0; v < 8; v++)
			assert_int_equal(m[v], v < 4 ? 0 : 1);
		assert_true(q > 0.4);
	}
}

static void pinned_nodes_stay_apart(void **state)
{
	/* pin 0 and 1: they are in one clique, yet end apart */
	static const int pinned[8] = { 1, 1, 0, 0, 0, 0, 0, 0 };
	struct cluster_problem p = { 8, two_cliques, make_two_cliques(), NULL,
				     pinned };
	struct cluster_options o = { 1.0, 4, 1, 0 };
	size_t m[8];

	(void)state;
	assert_true(cluster_run(m, &p, &o, NULL) >= 3);
	assert_int_not_equal(m[0], m[1]);
	/* the other clique stays whole */
	for (size_t v = 5; v < 8; v++)
		assert_int_equal(m[v], m[4]);
}

static void small_leftovers_join_neighbour(void **state)
{
	/* node 8 hangs off node 0 by weight 2, off node 7 by 1 */
	struct cluster_link links[15];
	size_t n = make_two_cliques();
	struct cluster_options o = { 50.0, 2, 1, 3 };
	struct cluster_problem p = { 9, links, n + 2, NULL, NULL };
	size_t m[9];

	(void)state;
	for (size_t i = 0; i < n; i++)
		links[i] = two_cliques[i];
	links[n] = (struct cluster_link){ 0, 8, 2 };
	links[n + 1] = (struct cluster_link){ 7, 8, 1 };
	/* a high resolution makes singletons; min_size 3 merges them back */
	assert_true(cluster_run(m, &p, &o, NULL) >= 1);
	assert_int_equal(m[8], m[0]);
}

static void search_finds_k(void **state)
{
	struct cluster_problem p = { 8, two_cliques, make_two_cliques(), NULL,
				     NULL };
	struct cluster_options o = { 1.0, 2, 1, 0 };
	size_t m[8];

	(void)state;
	assert_int_equal(cluster_run_k(m, &p, &o, 1, NULL), 1);
	o.resolution = 1.0;
	assert_int_equal(cluster_run_k(m, &p, &o, 2, NULL), 2);
	o.resolution = 1.0;
	assert_int_equal(cluster_run_k(m, &p, &o, 8, NULL), 8);
}

static void no_links(void **state)
{
	struct cluster_problem p = { 3, NULL, 0, NULL, NULL };
	struct cluster_options o = { 1.0, 2, 1, 2 };
	size_t m[3];

	(void)state;
	/* nothing links: every node alone, nothing to merge into */
	assert_int_equal(cluster_run(m, &p, &o, NULL), 3);
	p.n = 0;
	assert_int_equal(cluster_run(m, &p, &o, NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(two_cliques_two_communities),
		cmocka_unit_test(pinned_nodes_stay_apart),
		cmocka_unit_test(small_leftovers_join_neighbour),
		cmocka_unit_test(search_finds_k),
		cmocka_unit_test(no_links),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
