/*
 * Distances between two partitions (clusterings) of the same n objects,
 * each given as one label per object (a[i] in 0 .. ka-1): MoJo and
 * MoJoFM (Tzerpos and Holt 1999; Wen and Tzerpos 2003 and 2004), a2a
 * (Behnamghader et al. 2017) and the adjusted Rand index. Nothing here
 * allocates anything the caller must free.
 */
#ifndef CARVE_MOJO_H
#define CARVE_MOJO_H

#include <stddef.h>

/*
 * mno(A, B): the fewest Move and Join operations that turn A into B.
 * Each cluster of A is tagged with the group of B it shares most objects
 * with (ties give a choice); moves are the objects outside their
 * cluster's tag, joins are the clusters of A less the groups they can
 * be spread over, a maximum bipartite matching (Wen and Tzerpos's exact
 * algorithm).
 */
unsigned long mojo_mno(const size_t *a, size_t ka, const size_t *b, size_t kb,
		       size_t n);
/*
 * max over every partition A of mno(A, B): n - g, where g counts, over
 * B's group sizes in ascending order, each size larger than the count so
 * far (the published MoJo tool's maxDistanceTo).
 */
unsigned long mojo_max_mno(const size_t *b, size_t kb, size_t n);
/* MoJoFM(A, B) = (1 - mno(A, B) / max mno(any A, B)) x 100. */
double mojo_fm(const size_t *a, size_t ka, const size_t *b, size_t kb,
	       size_t n);
/*
 * a2a(A, B) = (1 - mto(A, B) / (aco(A) + aco(B))) x 100 on a shared set
 * of objects: mto = |ka - kb| + moves, moves = n - the largest total
 * overlap of a one-to-one matching of clusters (Hungarian algorithm;
 * greedy above a size limit, *approximate then set), aco(X) = kx + 2n.
 */
double mojo_a2a(const size_t *a, size_t ka, const size_t *b, size_t kb,
		size_t n, int *approximate);
/*
 * Adjusted Rand index (Hubert and Arabie), computed by igraph; 1 for
 * identical partitions, about 0 for independent ones. Returns 1 when n < 2
 * and when both partitions are trivial alike.
 */
double mojo_ari(const size_t *a, size_t ka, const size_t *b, size_t kb,
		size_t n);

#endif
