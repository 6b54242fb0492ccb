/*
 * Libraries inside a context, from the direction of its dependencies
 * (src/analysis/seams_split.c): run on the clustering of carve seams,
 * after the large contexts are split.
 */
#ifndef CARVE_SEAMS_SPLIT_H
#define CARVE_SEAMS_SPLIT_H

#include <stddef.h>

struct scan;
struct seams_graph;

/*
 * In each group of `membership` (n nodes of the clustering problem,
 * groups 0 .. *k-1; node_of maps the graph's units to nodes, SIZE_MAX
 * for none; pinned nodes are declared and stay), a strongly connected
 * component of SEAMS_DEFAULT_MIN_SIZE nodes or more that the group's
 * largest component depends on becomes a group of its own, numbered
 * from *k on (*k grows), with the nodes that touch it and neither use
 * nor are used by the largest component. Only libclang's symbol edges
 * make such components: without them nothing changes. Returns the
 * number of groups added.
 */
size_t seams_split_libraries(const struct scan *scan,
			     const struct seams_graph *g,
			     const size_t *node_of, const int *pinned, size_t n,
			     size_t *membership, size_t *k);

#endif
