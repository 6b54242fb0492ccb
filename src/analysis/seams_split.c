/*
 * Libraries inside a context, from the direction of its dependencies.
 * A flat folder may hold several libraries (bash's lib/readline builds
 * libreadline and libhistory from one directory), and the folder signal
 * keeps them together. With libclang's symbol edges the files of each
 * library call one another, so each library is a strongly connected
 * group of files; the library the rest uses calls nothing of the rest.
 * In a context whose largest strongly connected group uses another
 * group of SEAMS_DEFAULT_MIN_SIZE files or more, that group is a
 * library of its own and leaves the context with the files that belong
 * to it alone: those that only it uses (its private header), and those
 * that use it and nothing of the largest group.
 *
 * Without symbol edges nothing happens: #include edges say which
 * declarations a file reads, not which code it calls, and the groups
 * they make (a.c includes b.h, b.c includes a.h) are no libraries.
 */
#include <stdint.h>
#include <string.h>

#include "carve/graph.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/seams_graph.h"
#include "carve/seams_split.h"
#include "carve/xmalloc.h"

struct arcs {
	size_t *first, *to; /* node v's arcs: to[first[v] .. first[v+1]) */
	struct graph_edge *edges; /* the same arcs, sorted by from */
};

/* The arcs between nodes of one group, from the counted scan edges. */
static size_t make_arcs(struct arcs *a, const struct scan *scan,
			const struct seams_graph *g, const char *keep,
			const size_t *node_of, const int *pinned, size_t n,
			const size_t *membership)
{
	size_t(*pair)[2] =
		xmalloc((scan->edges_nr ? scan->edges_nr : 1) * sizeof(*pair));
	size_t m = 0, *fill;

	for (size_t k = 0; k < scan->edges_nr; k++) {
		size_t ua = g->unit_of[scan->edges[k].from];
		size_t ub = g->unit_of[scan->edges[k].to];
		size_t x, y;

		if ((keep && !keep[k]) || ua == SIZE_MAX || ub == SIZE_MAX)
			continue;
		x = node_of[ua];
		y = node_of[ub];
		if (x == SIZE_MAX || y == SIZE_MAX || x == y || pinned[x] ||
		    pinned[y] || membership[x] != membership[y])
			continue;
		pair[m][0] = x;
		pair[m][1] = y;
		m++;
	}
	a->first = xcalloc(n + 1, sizeof(*a->first));
	a->to = xmalloc((m ? m : 1) * sizeof(*a->to));
	a->edges = xcalloc(m ? m : 1, sizeof(*a->edges));
	fill = xcalloc(n + 1, sizeof(*fill));
	for (size_t i = 0; i < m; i++)
		a->first[pair[i][0] + 1]++;
	for (size_t v = 0; v < n; v++)
		a->first[v + 1] += a->first[v];
	for (size_t i = 0; i < m; i++) {
		size_t at = a->first[pair[i][0]] + fill[pair[i][0]]++;

		a->to[at] = pair[i][1];
		a->edges[at].from = pair[i][0];
		a->edges[at].to = pair[i][1];
	}
	free(fill);
	free(pair);
	return m;
}

size_t seams_split_libraries(const struct scan *scan,
			     const struct seams_graph *g, const size_t *node_of,
			     const int *pinned, size_t n, size_t *membership,
			     size_t *k)
{
	char *keep = seams_symbol_evidence(scan);
	struct arcs a;
	size_t *comp, *comp_size, *largest, comps, m, found = 0, groups = *k;
	size_t *lib; /* per component: its new group + 1, or 0 */
	size_t *lib_user; /* per node: the library of a user, + 1, or 0 */
	char *main_uses; /* per node: used from its group's largest */

	if (!keep || !n) {
		free(keep);
		return 0;
	}
	m = make_arcs(&a, scan, g, keep, node_of, pinned, n, membership);
	comp = xmalloc(n * sizeof(*comp));
	comps = graph_tarjan(n, a.edges, m, NULL, comp);
	comp_size = xcalloc(comps, sizeof(*comp_size));
	lib = xcalloc(comps, sizeof(*lib));
	for (size_t v = 0; v < n; v++)
		comp_size[comp[v]]++;
	/* per group: its largest component (the lowest on a tie) */
	largest = xmalloc((groups ? groups : 1) * sizeof(*largest));
	for (size_t c = 0; c < groups; c++)
		largest[c] = SIZE_MAX;
	for (size_t v = 0; v < n; v++) {
		size_t c = membership[v], x = comp[v];

		if (c >= groups || pinned[v])
			continue;
		if (largest[c] == SIZE_MAX ||
		    comp_size[x] > comp_size[largest[c]] ||
		    (comp_size[x] == comp_size[largest[c]] && x < largest[c]))
			largest[c] = x;
	}
	/* a component the largest of its group uses, of enough files */
	for (size_t v = 0; v < n; v++) {
		size_t c = membership[v];

		if (c >= groups || pinned[v] || comp[v] != largest[c])
			continue;
		for (size_t i = a.first[v]; i < a.first[v + 1]; i++) {
			size_t x = comp[a.to[i]];

			if (x != largest[c] && !lib[x] &&
			    comp_size[x] >= SEAMS_DEFAULT_MIN_SIZE)
				lib[x] = SIZE_MAX; /* numbered below */
		}
	}
	for (size_t v = 0; v < n; v++)
		if (lib[comp[v]] == SIZE_MAX) {
			lib[comp[v]] = *k + 1;
			(*k)++;
			found++;
		}
	/*
	 * The files that belong to a library alone: using it or used from
	 * it, neither using the largest component nor used from it.
	 */
	main_uses = xcalloc(n, 1);
	for (size_t v = 0; v < n && found; v++)
		if (membership[v] < groups && comp[v] == largest[membership[v]])
			for (size_t i = a.first[v]; i < a.first[v + 1]; i++)
				main_uses[a.to[i]] = 1;
	lib_user = xcalloc(n, sizeof(*lib_user));
	for (size_t v = 0; v < n && found; v++)
		for (size_t i = a.first[v]; i < a.first[v + 1]; i++)
			if (lib[comp[v]] && !lib_user[a.to[i]])
				lib_user[a.to[i]] = lib[comp[v]];
	for (size_t v = 0; v < n && found; v++) {
		size_t c = membership[v], to = 0;
		int uses_main = 0;

		if (c >= groups || pinned[v] || comp_size[comp[v]] > 1 ||
		    main_uses[v])
			continue;
		for (size_t i = a.first[v]; i < a.first[v + 1]; i++) {
			size_t x = comp[a.to[i]];

			if (x == largest[c])
				uses_main = 1;
			else if (lib[x] && !to)
				to = lib[x];
		}
		if (!to)
			to = lib_user[v];
		if (to && !uses_main)
			membership[v] = to - 1;
	}
	for (size_t v = 0; v < n; v++)
		if (lib[comp[v]] && membership[v] < groups)
			membership[v] = lib[comp[v]] - 1;
	free(main_uses);
	free(lib_user);
	free(largest);
	free(lib);
	free(comp_size);
	free(comp);
	free(a.first);
	free(a.to);
	free(a.edges);
	free(keep);
	return found;
}
