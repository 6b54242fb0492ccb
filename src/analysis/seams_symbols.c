/*
 * Which of libclang's symbol edges carve seams counts when it looks for
 * libraries inside a context (seams_split.c: the direction of the
 * calls). A symbol edge says that a file uses a symbol defined in
 * another; three kinds of them say nothing of the kind:
 *
 *  - a repeat: the pair is linked already by an #include (a.c includes
 *    b.h and uses its macro): one dependency, not two;
 *  - a macro defined in a source file, used from elsewhere: no other
 *    translation unit sees it, so the use is a header's, read in the
 *    context of the file that includes it (history.h testing
 *    READLINE_LIBRARY, which each readline .c file defines): the
 *    dependency runs the other way;
 *  - a definition the user cannot see: libclang names a function by its
 *    spelling (c:@F@xmalloc), so two definitions of one name in two
 *    libraries (bash's xmalloc.c and lib/readline/xmalloc.c) are one
 *    symbol, and the index picks one of them for every user. A use
 *    counts only when its file reaches, through its #includes, a file
 *    of the definition's directory (or sits there itself).
 *
 * The second made history.c "use" twelve readline files, and readline's
 * history library one strongly connected group with readline
 * (BENCHMARKS.md, "libraries inside a folder").
 */
#include <stdint.h>
#include <string.h>

#include "carve/language.h"
#include "carve/scan.h"
#include "carve/seams_split.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

static int is_header(const struct scan_file *f)
{
	const char *name = f->lang ? f->lang->name : "";

	return !strcmp(name, "C Header") || !strcmp(name, "C++ Header");
}

static int macros_only(const struct scan_edge *e)
{
	for (size_t i = 0; i < e->symbols_nr; i++)
		if (e->symbols[i].kind != SYMBOL_MACRO)
			return 0;
	return 1;
}

/* Edge indexes grouped by their first file: idx[first[f] .. first[f+1]). */
struct by_file {
	size_t *first, *idx;
};

static void group_edges(struct by_file *b, const struct scan *scan,
			enum dep_kind kind, int want)
{
	size_t *fill = xcalloc(scan->nr + 1, sizeof(*fill));

	b->first = xcalloc(scan->nr + 1, sizeof(*b->first));
	for (size_t k = 0; k < scan->edges_nr; k++)
		if ((scan->edges[k].kind == kind) == want)
			b->first[scan->edges[k].from + 1]++;
	for (size_t f = 0; f < scan->nr; f++)
		b->first[f + 1] += b->first[f];
	b->idx = xmalloc((b->first[scan->nr] ? b->first[scan->nr] : 1) *
			 sizeof(*b->idx));
	for (size_t k = 0; k < scan->edges_nr; k++) {
		size_t f = scan->edges[k].from;

		if ((scan->edges[k].kind == kind) == want)
			b->idx[b->first[f] + fill[f]++] = k;
	}
	free(fill);
}

static void by_file_release(struct by_file *b)
{
	free(b->first);
	free(b->idx);
}

char *seams_symbol_evidence(const struct scan *scan)
{
	struct strmap dirs = STRMAP_INIT;
	struct by_file inc, other;
	size_t *dir_of, *seen, *dir_seen, *stack, ndirs = 0, gen = 0;
	size_t user = SIZE_MAX;
	char **names;
	char *keep = NULL;
	int any = 0;

	for (size_t k = 0; k < scan->edges_nr && !any; k++)
		any = scan->edges[k].kind == DEP_SYMBOL;
	if (!any)
		return NULL;
	keep = xmalloc(scan->edges_nr);
	memset(keep, 1, scan->edges_nr);
	dir_of = xmalloc((scan->nr ? scan->nr : 1) * sizeof(*dir_of));
	names = xmalloc((scan->nr ? scan->nr : 1) * sizeof(*names));
	for (size_t f = 0; f < scan->nr; f++) {
		const char *p = scan->files[f].path, *slash = strrchr(p, '/');
		char *d = xstrndup(p, slash ? (size_t)(slash - p) : 0);
		uintptr_t id = (uintptr_t)strmap_get(&dirs, d);

		if (!id) {
			names[ndirs] = d;
			id = ++ndirs;
			strmap_put(&dirs, d, (void *)id);
		} else {
			free(d);
		}
		dir_of[f] = (size_t)id - 1;
	}
	group_edges(&inc, scan, DEP_INCLUDE, 1);
	group_edges(&other, scan, DEP_SYMBOL, 0);
	seen = xcalloc(scan->nr ? scan->nr : 1, sizeof(*seen));
	dir_seen = xcalloc(ndirs ? ndirs : 1, sizeof(*dir_seen));
	stack = xmalloc((scan->nr ? scan->nr : 1) * sizeof(*stack));
	for (size_t k = 0; k < scan->edges_nr; k++) {
		const struct scan_edge *e = &scan->edges[k];
		size_t from = e->from, sp = 0;

		if (e->kind != DEP_SYMBOL)
			continue;
		if (!is_header(&scan->files[e->to]) && macros_only(e)) {
			keep[k] = 0;
			continue;
		}
		for (size_t i = other.first[from]; i < other.first[from + 1];
		     i++)
			if (scan->edges[other.idx[i]].to == e->to)
				keep[k] = 0;
		if (!keep[k] || dir_of[from] == dir_of[e->to])
			continue;
		/* the directories the user reaches by #include: walked
		 * again only when the user changes */
		if (from != user) {
			user = from;
			gen++;
			seen[from] = gen;
			stack[sp++] = from;
			while (sp) {
				size_t f = stack[--sp];

				dir_seen[dir_of[f]] = gen;
				for (size_t i = inc.first[f];
				     i < inc.first[f + 1]; i++) {
					size_t t = scan->edges[inc.idx[i]].to;

					if (seen[t] != gen) {
						seen[t] = gen;
						stack[sp++] = t;
					}
				}
			}
		}
		if (dir_seen[dir_of[e->to]] != gen)
			keep[k] = 0;
	}
	free(stack);
	free(dir_seen);
	free(seen);
	by_file_release(&inc);
	by_file_release(&other);
	free(dir_of);
	for (size_t i = 0; i < ndirs; i++)
		free(names[i]);
	free(names);
	strmap_release(&dirs);
	return keep;
}
