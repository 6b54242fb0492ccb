/*
 * The symbol index across translation units, and its resolution into
 * symbol edges: a reference goes to the definition the unit saw, else to
 * the repository file that defines the symbol's USR (the nearest in the
 * tree when several do: two programs may each define main), else to the
 * declaration's file. A header's references count once, not once per
 * unit that included it.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/language.h"
#include "carve/model_scan.h"
#include "carve/strbuf.h"
#include "carve/symindex.h"
#include "carve/xmalloc.h"

/*
 * An interned string, and for a USR the definitions and references that
 * name it: headers are read by many units, and their definitions and
 * references merge as they arrive instead of piling up for the sort.
 */
struct symstr {
	const char *s;
	size_t *defs, defs_nr, defs_alloc;
	size_t *refs, refs_nr, refs_alloc;
};

static struct symstr *intern(struct symindex *ix, const char *s)
{
	struct symstr *hit = strmap_get(&ix->strings, s);

	if (hit)
		return hit;
	hit = arena_alloc(&ix->arena, sizeof(*hit));
	hit->s = arena_strdup(&ix->arena, s);
	strmap_put(&ix->strings, hit->s, hit);
	return hit;
}

const char *symindex_intern(struct symindex *ix, const char *s)
{
	return intern(ix, s)->s;
}

void symindex_add_def(struct symindex *ix, const char *usr, const char *name,
		      enum symbol_kind kind, size_t file)
{
	struct symstr *u = intern(ix, usr);
	struct symdef *d;

	for (size_t i = 0; i < u->defs_nr; i++)
		if (ix->defs[u->defs[i]].file == file)
			return;
	ALLOC_GROW(u->defs, u->defs_nr + 1, u->defs_alloc);
	u->defs[u->defs_nr++] = ix->defs_nr;
	ALLOC_GROW(ix->defs, ix->defs_nr + 1, ix->defs_alloc);
	d = &ix->defs[ix->defs_nr++];
	d->usr = u->s;
	d->name = symindex_intern(ix, name);
	d->kind = kind;
	d->file = file;
}

/* The same text seen by several units counts once. */
static void merge_ref(struct symref *o, const struct symref *r)
{
	if (r->count > o->count)
		o->count = r->count;
	if (o->target < 0)
		o->target = r->target;
	if (o->decl < 0)
		o->decl = r->decl;
}

void symindex_add_ref(struct symindex *ix, const struct symref *ref)
{
	struct symstr *u = intern(ix, ref->usr);
	struct symref *r;

	for (size_t i = 0; i < u->refs_nr; i++)
		if (ix->refs[u->refs[i]].from == ref->from) {
			merge_ref(&ix->refs[u->refs[i]], ref);
			return;
		}
	ALLOC_GROW(u->refs, u->refs_nr + 1, u->refs_alloc);
	u->refs[u->refs_nr++] = ix->refs_nr;
	ALLOC_GROW(ix->refs, ix->refs_nr + 1, ix->refs_alloc);
	r = &ix->refs[ix->refs_nr++];
	*r = *ref;
	r->usr = u->s;
	r->name = symindex_intern(ix, ref->name);
}

static int cmp_def(const void *a, const void *b)
{
	const struct symdef *x = a, *y = b;
	int c = strcmp(x->usr, y->usr);

	if (c)
		return c;
	return x->file < y->file ? -1 : x->file > y->file;
}

static int cmp_ref(const void *a, const void *b)
{
	const struct symref *x = a, *y = b;

	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	return strcmp(x->usr, y->usr);
}

/* The lists of each USR point into defs and refs: renumber them. */
static void reindex(struct symindex *ix)
{
	struct strmap_entry *e;

	strmap_for_each (&ix->strings, e) {
		struct symstr *u = e->value;

		u->defs_nr = u->refs_nr = 0;
	}
	for (size_t i = 0; i < ix->defs_nr; i++) {
		struct symstr *u = strmap_get(&ix->strings, ix->defs[i].usr);

		ALLOC_GROW(u->defs, u->defs_nr + 1, u->defs_alloc);
		u->defs[u->defs_nr++] = i;
	}
	for (size_t i = 0; i < ix->refs_nr; i++) {
		struct symstr *u = strmap_get(&ix->strings, ix->refs[i].usr);

		ALLOC_GROW(u->refs, u->refs_nr + 1, u->refs_alloc);
		u->refs[u->refs_nr++] = i;
	}
}

void symindex_finish(struct symindex *ix)
{
	if (ix->defs_nr)
		qsort(ix->defs, ix->defs_nr, sizeof(*ix->defs), cmp_def);
	if (ix->refs_nr)
		qsort(ix->refs, ix->refs_nr, sizeof(*ix->refs), cmp_ref);
	reindex(ix);
}

static int is_header(const char *path)
{
	const char *dot = strrchr(path, '.');

	return dot && (!strcmp(dot, ".h") || !strcmp(dot, ".hh") ||
		       !strcmp(dot, ".hpp") || !strcmp(dot, ".hxx") ||
		       !strcmp(dot, ".H"));
}

long symindex_pair(const struct scan *scan, const struct strmap *by_path,
		   size_t file, int mode)
{
	static const char *const exts[] = { ".c", ".cc", ".cpp", ".cxx" };
	const char *path = scan->files[file].path;
	const char *dot = strrchr(path, '.');
	struct strbuf sb = STRBUF_INIT;
	long ret = -1;

	if (!mode || !is_header(path))
		return -1;
	for (size_t i = 0; i < (mode == SYMINDEX_PAIR_C ? 1 : 4) && ret < 0;
	     i++) {
		void *hit;

		strbuf_reset(&sb);
		strbuf_add(&sb, path, (size_t)(dot - path));
		strbuf_addstr(&sb, exts[i]);
		hit = strmap_get(by_path, sb.buf);
		if (hit)
			ret = (long)((size_t)hit - 1);
	}
	strbuf_release(&sb);
	return ret;
}

/* Length of the directory prefix two paths share. */
static size_t common_dir(const char *a, const char *b)
{
	size_t n = 0;

	for (size_t i = 0; a[i] && a[i] == b[i]; i++)
		if (a[i] == '/')
			n = i + 1;
	return n;
}

/* The defining file of usr for a reference from `from`, or -1. */
static long find_def(const struct symindex *ix, const struct scan *scan,
		     const char *usr, size_t from)
{
	size_t lo = 0, hi = ix->defs_nr, best_len = 0;
	long best = -1;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(ix->defs[mid].usr, usr) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < ix->defs_nr && ix->defs[i].usr == usr; i++) {
		size_t file = ix->defs[i].file;
		size_t n;

		if (file == from)
			return (long)file;
		n = common_dir(scan->files[file].path, scan->files[from].path);
		if (best < 0 || n > best_len) {
			best = (long)file;
			best_len = n;
		}
	}
	return best;
}

struct hop {
	size_t from, to;
	const struct symref *ref;
};

static int cmp_hop(const void *a, const void *b)
{
	const struct hop *x = a, *y = b;
	int c;

	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	if (x->ref->kind != y->ref->kind)
		return (int)x->ref->kind - (int)y->ref->kind;
	c = strcmp(x->ref->name, y->ref->name);
	return c ? c : strcmp(x->ref->usr, y->ref->usr);
}

static size_t pair_of(const struct scan *scan, const struct strmap *by_path,
		      size_t file, int pair)
{
	long p;

	p = symindex_pair(scan, by_path, file, pair);
	return p < 0 ? file : (size_t)p;
}

void symindex_edges(struct symindex *ix, struct scan *scan, int pair_headers)
{
	struct strmap by_path = STRMAP_INIT;
	struct hop *hops = NULL;
	size_t nr = 0, alloc = 0, edges_alloc = scan->edges_nr;

	for (size_t i = 0; i < scan->nr; i++)
		if (scan->files[i].status == FILE_COUNTED)
			strmap_put(&by_path, scan->files[i].path,
				   (void *)(i + 1));
	ix->unresolved = 0;
	for (size_t i = 0; i < ix->refs_nr; i++) {
		const struct symref *r = &ix->refs[i];
		long to = r->target;
		struct hop *h;

		if (to < 0)
			to = find_def(ix, scan, r->usr, r->from);
		if (to < 0)
			to = r->decl;
		if (to < 0) {
			ix->unresolved++;
			continue;
		}
		ALLOC_GROW(hops, nr + 1, alloc);
		h = &hops[nr];
		h->from = pair_of(scan, &by_path, r->from, pair_headers);
		h->to = pair_of(scan, &by_path, (size_t)to, pair_headers);
		h->ref = r;
		if (h->from != h->to)
			nr++;
	}
	if (nr)
		qsort(hops, nr, sizeof(*hops), cmp_hop);
	for (size_t i = 0; i < nr;) {
		size_t j = i, n = 0;
		struct scan_edge *e;

		while (j < nr && hops[j].from == hops[i].from &&
		       hops[j].to == hops[i].to)
			j++;
		ALLOC_GROW(scan->edges, scan->edges_nr + 1, edges_alloc);
		e = &scan->edges[scan->edges_nr++];
		memset(e, 0, sizeof(*e));
		e->from = hops[i].from;
		e->to = hops[i].to;
		e->kind = DEP_SYMBOL;
		e->symbols = arena_alloc(&scan->arena,
					 (j - i) * sizeof(*e->symbols));
		for (size_t k = i; k < j; k++) {
			const struct symref *r = hops[k].ref;

			e->weight += r->count;
			/* pairing can bring one symbol twice */
			if (n && !strcmp(e->symbols[n - 1].usr, r->usr))
				continue;
			e->symbols[n].name =
				arena_strdup(&scan->arena, r->name);
			e->symbols[n].usr = arena_strdup(&scan->arena, r->usr);
			e->symbols[n++].kind = r->kind;
		}
		e->symbols_nr = n;
		i = j;
	}
	if (scan->edges_nr)
		qsort(scan->edges, scan->edges_nr, sizeof(*scan->edges),
		      scan_edge_cmp);
	free(hops);
	strmap_release(&by_path);
}

void symindex_release(struct symindex *ix)
{
	struct strmap_entry *e;

	if (!ix)
		return;
	strmap_for_each (&ix->strings, e) {
		struct symstr *u = e->value;

		free(u->defs);
		free(u->refs);
	}
	free(ix->defs);
	free(ix->refs);
	strmap_release(&ix->strings);
	arena_release(&ix->arena);
	memset(ix, 0, sizeof(*ix));
}
static const char *const kind_names[] = {
	[SYMBOL_FUNCTION] = "function", [SYMBOL_VARIABLE] = "variable",
	[SYMBOL_TYPE] = "type",		[SYMBOL_CONSTANT] = "constant",
	[SYMBOL_MACRO] = "macro",
};

const char *symbol_kind_name(enum symbol_kind kind)
{
	return kind_names[kind];
}

int symbol_kind_parse(const char *name)
{
	for (int i = 0; i <= SYMBOL_MACRO; i++)
		if (!strcmp(kind_names[i], name))
			return i;
	return -1;
}
