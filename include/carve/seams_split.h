/*
 * Libraries inside a context, from the direction of its dependencies
 * (src/analysis/seams_split.c), from libclang's symbol edges that
 * seams_symbols.c keeps: run on the clustering of carve seams, after the
 * large contexts are split.
 */
#ifndef CARVE_SEAMS_SPLIT_H
#define CARVE_SEAMS_SPLIT_H

#include <stddef.h>

struct scan;
struct seams_graph;

/*
 * Per scan edge, whether the library split counts it (1) or not (0):
 * libclang's symbol edges that repeat an #include of the same pair, that
 * use a macro defined in a source file, or whose definition the user
 * reaches through no #include (two definitions of one name) are left out
 * (seams_symbols.c). Returns NULL when the scan has no symbol edges;
 * else an array of scan->edges_nr flags for the caller to free.
 */
char *seams_symbol_evidence(const struct scan *scan);

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
			     const struct seams_graph *g, const size_t *node_of,
			     const int *pinned, size_t n, size_t *membership,
			     size_t *k);

#endif
