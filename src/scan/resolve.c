/*
 * The resolver framework: indexes of the scanned files by path and by
 * directory, the dispatcher to each language family, and the pass that
 * turns every file's dependency statements into weighted file edges and
 * an inventory of external packages.
 */
#include <string.h>

#include "carve/depcache.h"
#include "carve/deps.h"
#include "carve/error.h"
#include "carve/language.h"
#include "carve/resolve.h"
#include "carve/scan.h"
#include "carve/stdlib.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

static int resolvable(const struct scan_file *f)
{
	return f->status == FILE_COUNTED || f->status == FILE_UNKNOWN;
}

/*
 * The indexes by path and by directory, built when first asked for (C#
 * asks for neither): the same keys put in the same order as when they
 * were built up front, so the maps' iteration order is the same.
 */
static struct resolver *index_paths(const struct resolver *cr)
{
	struct resolver *r = (struct resolver *)cr; /* one thread: see .h */
	const struct scan *scan = r->scan;

	if (r->paths_indexed)
		return r;
	r->paths_indexed = 1;
	for (size_t i = 0; i < scan->nr; i++)
		if (resolvable(&scan->files[i]))
			strmap_put(&r->by_path, scan->files[i].path,
				   (void *)(i + 1));
	return r;
}

static struct resolver *index_dirs(const struct resolver *cr)
{
	struct resolver *r = (struct resolver *)cr;
	const struct scan *scan = r->scan;
	struct strbuf dir = STRBUF_INIT;

	if (r->dirs_indexed)
		return r;
	r->dirs_indexed = 1;
	for (size_t i = 0; i < scan->nr; i++) {
		const struct scan_file *f = &scan->files[i];
		const char *slash;
		struct resolve_dir *d;
		char *key;

		if (!resolvable(f))
			continue;
		slash = strrchr(f->path, '/');
		strbuf_reset(&dir);
		if (slash)
			strbuf_add(&dir, f->path, (size_t)(slash - f->path));
		d = strmap_get(&r->by_dir, dir.buf);
		if (!d) {
			key = arena_strndup(&r->arena, dir.buf, dir.len);
			d = arena_alloc(&r->arena, sizeof(*d));
			strmap_put(&r->by_dir, key, d);
		}
		ALLOC_GROW(d->files, d->nr + 1, d->alloc);
		d->files[d->nr++] = i;
	}
	strbuf_release(&dir);
	return r;
}

const struct strmap *resolver_dirs(const struct resolver *r)
{
	return &index_dirs(r)->by_dir;
}

int resolver_has_lang(const struct resolver *r, const char *name, int counted)
{
	for (size_t i = 0; i < r->langs_nr; i++)
		if ((r->langs[i].counted || !counted) &&
		    !strcmp(r->langs[i].lang->name, name))
			return 1;
	return 0;
}

/* The scan's languages, each once (files of a language mostly follow). */
static void list_langs(struct resolver *r)
{
	const struct language *last = NULL;
	size_t k = 0;

	for (size_t i = 0; i < r->scan->nr; i++) {
		const struct scan_file *f = &r->scan->files[i];

		if (!f->lang)
			continue;
		if (f->lang != last) {
			for (k = 0; k < r->langs_nr; k++)
				if (r->langs[k].lang == f->lang)
					break;
			if (k == r->langs_nr) {
				ALLOC_GROW(r->langs, r->langs_nr + 1,
					   r->langs_alloc);
				r->langs[k].lang = f->lang;
				r->langs[k].counted = 0;
				r->langs_nr++;
			}
			last = f->lang;
		}
		if (f->status == FILE_COUNTED)
			r->langs[k].counted = 1;
	}
}

int resolver_init(struct resolver *r, const struct scan *scan,
		  struct depcache_inputs *inputs)
{
	memset(r, 0, sizeof(*r));
	r->scan = scan;
	r->inputs = inputs;
	list_langs(r);
	/* each family's prepare function is called here when it lands */
	if (resolve_python_prepare(r) || resolve_js_prepare(r))
		return CARVE_ERR;
	if (resolve_c_prepare(r) || resolve_go_prepare(r))
		return CARVE_ERR;
	if (resolve_java_prepare(r) || resolve_ruby_prepare(r) ||
	    resolve_php_prepare(r) || resolve_csharp_prepare(r) ||
	    resolve_rust_prepare(r))
		return CARVE_ERR;
	if (resolve_views_prepare(r))
		return CARVE_ERR;
	return 0;
}

void resolver_release(struct resolver *r)
{
	struct strmap_entry *e;

	if (!r)
		return;
	resolve_python_release(r);
	resolve_js_release(r);
	resolve_c_release(r);
	resolve_go_release(r);
	resolve_java_release(r);
	resolve_ruby_release(r);
	resolve_php_release(r);
	resolve_csharp_release(r);
	resolve_rust_release(r);
	resolve_views_release(r);
	strmap_for_each(&r->by_dir, e) {
		struct resolve_dir *d = e->value;

		free(d->files);
	}
	strmap_release(&r->by_path);
	strmap_release(&r->by_dir);
	free(r->langs);
	arena_release(&r->arena);
}

int resolver_read_file(const struct resolver *r, struct strbuf *sb,
		       const char *path, size_t max)
{
	depcache_note_input(r->inputs, path);
	return strbuf_read_file(sb, path, max);
}

long resolver_file(const struct resolver *r, const char *path)
{
	void *v = strmap_get(&index_paths(r)->by_path, path);

	return v ? (long)((size_t)v - 1) : -1;
}

const struct resolve_dir *resolver_dir(const struct resolver *r,
				       const char *dir)
{
	return strmap_get(&index_dirs(r)->by_dir, dir);
}

void resolve_files_push(struct resolve_files *f, size_t file)
{
	if (f->nr && f->files[f->nr - 1] == file)
		return;
	if (!f->nr) {
		f->one = file;
		f->files = &f->one;
		f->nr = 1;
		return;
	}
	if (f->files == &f->one) {
		f->alloc = 4;
		f->files = xmalloc(f->alloc * sizeof(*f->files));
		f->files[0] = f->one;
	}
	ALLOC_GROW(f->files, f->nr + 1, f->alloc);
	f->files[f->nr++] = file;
}

int resolve_files_out(struct resolve_out *out, const struct resolve_files *f)
{
	for (size_t i = 0; f && i < f->nr; i++)
		resolve_out_add(out, f->files[i]);
	return f && f->nr;
}

void resolve_files_release(struct resolve_files *f)
{
	if (f->files != &f->one)
		free(f->files);
}

void resolve_out_add(struct resolve_out *out, size_t file)
{
	for (size_t i = 0; i < out->nr; i++)
		if (out->files[i] == file)
			return;
	ALLOC_GROW(out->files, out->nr + 1, out->alloc);
	out->files[out->nr++] = file;
}

void resolve_out_external(struct resolver *r, struct resolve_out *out,
			  const char *name, size_t len)
{
	out->external = arena_strndup(&r->arena, name, len);
}

typedef void resolve_fn(struct resolver *r, size_t from,
			const struct dep_ref *d, struct resolve_out *out);

/* Go's: an #include (cgo's preamble) is C's. */
static void resolve_go_or_c(struct resolver *r, size_t from,
			    const struct dep_ref *d, struct resolve_out *out)
{
	if (d->kind == DEP_INCLUDE)
		resolve_c(r, from, d, out);
	else
		resolve_go(r, from, d, out);
}

/* Any other language's: an #include is C's, the rest is not resolved. */
static void resolve_includes(struct resolver *r, size_t from,
			     const struct dep_ref *d, struct resolve_out *out)
{
	if (d->kind == DEP_INCLUDE)
		resolve_c(r, from, d, out);
}

/* Each family registers its resolver here when it lands. */
static resolve_fn *family_resolver(const struct language *lang)
{
	static const struct {
		const char *lang;
		resolve_fn *fn;
	} families[] = {
		{ "Python", resolve_python }, { "JavaScript", resolve_js },
		{ "TypeScript", resolve_js }, { "Java", resolve_java },
		{ "Kotlin", resolve_java },   { "Scala", resolve_java },
		{ "Ruby", resolve_ruby },     { "PHP", resolve_php },
		{ "C#", resolve_csharp },     { "Rust", resolve_rust },
		{ "Go", resolve_go_or_c },
	};

	if (language_is_view(lang))
		return resolve_views;
	for (size_t i = 0; i < sizeof(families) / sizeof(*families); i++)
		if (!strcmp(lang->name, families[i].lang))
			return families[i].fn;
	return resolve_includes;
}

/* resolve_dep(), inlined in resolve_all()'s loop over every statement */
static inline void dispatch(struct resolver *r, size_t from,
			    const struct dep_ref *d, struct resolve_out *out)
{
	const struct language *lang = r->scan->files[from].lang;

	if (!lang)
		return;
	/* statements come file by file: the family is looked up once */
	if (lang != r->family_lang) {
		r->family_lang = lang;
		r->family = family_resolver(lang);
	}
	r->family(r, from, d, out);
}

void resolve_dep(struct resolver *r, size_t from, const struct dep_ref *d,
		 struct resolve_out *out)
{
	dispatch(r, from, d, out);
}

static int cmp_external(const void *a, const void *b)
{
	const struct scan_external *x = a, *y = b;

	if (x->refs != y->refs)
		return x->refs < y->refs ? 1 : -1;
	return strcmp(x->name, y->name);
}

/*
 * Sorts edges that come in runs of ascending `from` (one run per file,
 * as resolve_all() makes them): each run alone, by insertion while it
 * is short, as most are.
 */
static void sort_edges(struct scan_edge *e, size_t nr)
{
	for (size_t start = 0, end; start < nr; start = end) {
		for (end = start + 1; end < nr && e[end].from == e[start].from;)
			end++;
		if (end - start > 32) {
			qsort(e + start, end - start, sizeof(*e),
			      scan_edge_cmp);
			continue;
		}
		for (size_t i = start + 1; i < end; i++) {
			struct scan_edge x = e[i];
			size_t j = i;

			for (; j > start && scan_edge_cmp(&e[j - 1], &x) > 0;
			     j--)
				e[j] = e[j - 1];
			e[j] = x;
		}
	}
}

/* Sums references of the same (from, to, kind) into one edge. */
static size_t merge_edges(struct scan_edge *e, size_t nr)
{
	size_t out = 0;

	sort_edges(e, nr);
	for (size_t i = 0; i < nr; i++) {
		if (out && e[out - 1].from == e[i].from &&
		    e[out - 1].to == e[i].to && e[out - 1].kind == e[i].kind) {
			e[out - 1].weight += e[i].weight;
			e[out - 1].flags &= e[i].flags;
		} else {
			e[out++] = e[i];
		}
	}
	return out;
}

struct external_tally {
	size_t index; /* into the externals array */
	size_t last_file; /* plus one: counts each file once */
};

static int resolve_all(struct scan *scan, struct depcache_inputs *inputs)
{
	struct resolver r;
	struct resolve_out out = { 0 };
	struct strmap tally = STRMAP_INIT;
	struct arena tally_arena = ARENA_INIT;
	/* the last package and its tally: a family may name it by one copy */
	const char *last_external = NULL;
	struct external_tally *last_tally = NULL;
	size_t edges_alloc = 0, ext_alloc = 0;
	int ret;

	ret = resolver_init(&r, scan, inputs);
	if (ret)
		goto done;
	for (size_t i = 0; i < scan->nr; i++) {
		const struct scan_file *f = &scan->files[i];

		for (size_t k = 0; k < f->deps.nr; k++) {
			const struct dep_ref *d = &f->deps.refs[k];
			struct external_tally *t;

			if (d->flags & DEP_DECLARES)
				continue; /* a declaration, not a reference */
			out.nr = 0;
			out.external = NULL;
			out.quiet = 0;
			dispatch(&r, i, d, &out);
			for (size_t j = 0; j < out.nr; j++) {
				struct scan_edge *e;

				if (out.files[j] == i)
					continue; /* a file needs no edge to itself */
				ALLOC_GROW(scan->edges, scan->edges_nr + 1,
					   edges_alloc);
				e = &scan->edges[scan->edges_nr++];
				e->from = i;
				e->to = out.files[j];
				e->kind = d->kind;
				e->flags = d->flags;
				e->weight = 1;
			}
			if (!out.nr && !out.external) {
				scan->unresolved += !out.quiet;
				continue;
			}
			if (!out.external)
				continue;
			t = out.external == last_external
				    ? last_tally
				    : strmap_get(&tally, out.external);
			if (!t) {
				struct scan_external *x;

				t = arena_alloc(&tally_arena, sizeof(*t));
				ALLOC_GROW(scan->externals,
					   scan->externals_nr + 1, ext_alloc);
				t->index = scan->externals_nr++;
				x = &scan->externals[t->index];
				x->name = arena_strdup(&scan->arena,
						       out.external);
				x->refs = x->files = 0;
				x->stdlib =
					stdlib_has(f->lang, d->kind, x->name);
				strmap_put(&tally, x->name, t);
			}
			last_external = out.external;
			last_tally = t;
			scan->externals[t->index].refs++;
			if (t->last_file != i + 1) {
				scan->externals[t->index].files++;
				t->last_file = i + 1;
			}
		}
	}
	scan->edges_nr = merge_edges(scan->edges, scan->edges_nr);
	if (scan->externals_nr)
		qsort(scan->externals, scan->externals_nr,
		      sizeof(*scan->externals), cmp_external);
done:
	free(out.files);
	strmap_release(&tally);
	arena_release(&tally_arena);
	resolver_release(&r);
	return ret;
}

int resolve_scan(struct scan *scan, const char *cache_dir)
{
	struct depcache_inputs inputs = DEPCACHE_INPUTS_INIT;
	uint64_t key;
	int ret;

	if (!cache_dir) {
		scan_load_deps(scan);
		return resolve_all(scan, NULL);
	}
	key = depcache_key(scan);
	if (depcache_load(scan, cache_dir, key))
		return 0;
	scan_load_deps(scan);
	warning_record(&inputs.warnings);
	ret = resolve_all(scan, &inputs);
	warning_record(NULL);
	if (!ret)
		depcache_save(scan, cache_dir, key, &inputs);
	depcache_inputs_release(&inputs);
	return ret;
}
