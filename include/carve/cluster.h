/*
 * Community detection on a weighted undirected graph given as a node
 * count and a list of links: igraph's Leiden algorithm with the
 * modularity objective at a chosen resolution, several seeded runs with
 * the best kept, nodes pinned to declared groups, small leftovers joined
 * to their strongest neighbour, and a search over the resolution for a
 * wanted number of communities. Membership arrays are the caller's.
 */
#ifndef CARVE_CLUSTER_H
#define CARVE_CLUSTER_H

#include <stddef.h>

struct cluster_link {
	size_t a, b;
	double w; /* > 0 */
};

struct cluster_problem {
	size_t n; /* nodes 0 .. n-1 */
	const struct cluster_link *links;
	size_t links_nr;
	const double *size; /* per node, for min_size (NULL: 1 each) */
	const int *pinned; /* per node: a declared group (NULL: none) */
};

struct cluster_options {
	double resolution; /* 1 is classic modularity; higher: smaller */
	int runs; /* seeded Leiden runs; the best Q is kept */
	unsigned long seed; /* run i uses seed + i */
	double min_size; /* smaller communities join a neighbour */
};

/*
 * Clusters p into membership[0 .. n-1] (numbered 0 .. k-1 in order of
 * each community's first node): Leiden runs, then each community holding
 * more than one pinned node is split so that each unpinned member joins
 * the pinned node it links to most (or stays with the others), then
 * communities smaller than min_size join the one they link to most (a
 * community with a pinned node never joins another). Sets *q to the
 * modularity (resolution 1) and returns k, or <0 after reporting.
 */
long cluster_run(size_t *membership, const struct cluster_problem *p,
		 const struct cluster_options *o, double *q);

/*
 * Searches the resolution so that cluster_run() gives `k` communities
 * (not counting those of isolated nodes), then merges the most strongly
 * linked pair while there are more. Sets o->resolution to the one used;
 * returns the number of communities, or <0.
 */
long cluster_run_k(size_t *membership, const struct cluster_problem *p,
		   struct cluster_options *o, size_t k, double *q);

/* Modularity of a membership with k communities at `resolution`. */
double cluster_modularity(const size_t *membership, size_t k,
			  const struct cluster_problem *p, double resolution);

#endif
