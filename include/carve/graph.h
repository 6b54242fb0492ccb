/*
 * The dependency graph at file or module level, built from the scan's
 * file edges: strongly connected components (iterative Tarjan, no
 * recursion), for each cycle a short list of the lightest edges whose
 * removal breaks it, and per node fan-in, fan-out, instability and
 * whether it is a hub that almost everything uses. A graph owns its
 * arrays; node names are borrowed from the scan, which must outlive it.
 */
#ifndef CARVE_GRAPH_H
#define CARVE_GRAPH_H

#include <stddef.h>

#include "carve/arena.h"

struct scan;

enum graph_level {
	GRAPH_FILES,
	GRAPH_MODULES,
	GRAPH_TOP, /* first directory of each path: for collapsed drawings */
};

struct graph_node {
	const char *name;       /* file path or module name */
	size_t files;           /* files aggregated into the node */
	unsigned long code;     /* code lines */
	size_t fan_in, fan_out; /* distinct neighbours */
	unsigned long weight_in, weight_out; /* references */
	double instability;     /* fan_out / (fan_in + fan_out), 0 if none */
	long scc;               /* index into sccs, -1 when on no cycle */
	int hub;                /* used by at least half of the others */
};

struct graph_edge {
	size_t from, to;
	unsigned long weight; /* references, summed over files and kinds */
	unsigned kinds;       /* bit (1 << enum dep_kind) per kind seen */
	int cut;              /* suggested cut to break a cycle */
};

struct graph_scc {
	size_t *nodes; /* sorted by name */
	size_t nr;
	size_t *cuts;  /* edge indexes, lightest first */
	size_t cuts_nr;
	unsigned long cut_weight;
};

struct graph {
	enum graph_level level;
	struct graph_node *nodes; /* sorted by name */
	size_t nr;
	struct graph_edge *edges; /* sorted by (from, to) */
	size_t edges_nr;
	struct graph_scc *sccs;   /* cycles only, largest first */
	size_t sccs_nr;
	size_t hub_threshold;     /* fan-in that makes a hub */
	struct arena arena;       /* names made for GRAPH_TOP */
};

#define GRAPH_INIT { 0 }

/*
 * Builds the graph of `scan` at `level` (counted files only) and analyses
 * it: components, cuts, metrics and hubs. Returns 0 or <0.
 */
int graph_build(struct graph *g, const struct scan *scan,
		enum graph_level level);
/*
 * Analyses a graph whose nodes and (from, to)-sorted edges the caller
 * filled in (carve seams' graph of contexts): fan-in and fan-out, hubs,
 * cycles and their cuts, as graph_build() does.
 */
void graph_analyse(struct graph *g);
/* Index of the node named `name`, or -1. */
long graph_find(const struct graph *g, const char *name);
void graph_release(struct graph *g);

/*
 * Strongly connected components of a graph given as sorted edges
 * (adjacency by `from`), without recursion; edges e with removed[e] set
 * are skipped (removed may be NULL). comp[i] receives node i's component
 * number; returns the number of components. The one Tarjan of the tree:
 * the roadmap's cycles of contexts use it too.
 */
size_t graph_tarjan(size_t nr, const struct graph_edge *edges,
		    size_t edges_nr, const int *removed, size_t *comp);

#endif
