/*
 * Merging models: the partial models of `carve scan --shard K/N` of one
 * repository, or the models of several repositories, into one. Files are
 * united by path (each repository's under its own directory when there
 * are several), edges by (from, to, kind); the symbol edges of partial
 * models are resolved again from their definitions and references
 * together, so a call in one shard reaches a definition in another.
 */
#include <string.h>

#include "carve/error.h"
#include "carve/model.h"
#include "carve/model_scan.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

struct merge {
	struct scan *scan;
	struct strmap index; /* merged path -> file index plus one */
	const char **prefix; /* per input: "" or "name/" */
	size_t edges_alloc, files_alloc, ext_alloc;
	int shards; /* some input is a partial model */
	unsigned shard_n;
	unsigned char *seen; /* shard numbers seen, 1..shard_n */
};

static const char *prefixed(struct merge *mg, size_t in, const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	const char *ret;

	if (!*mg->prefix[in])
		return arena_strdup(&mg->scan->arena, path);
	strbuf_addf(&sb, "%s%s", mg->prefix[in], path);
	ret = arena_strdup(&mg->scan->arena, sb.buf);
	strbuf_release(&sb);
	return ret;
}

static int cmp_file(const void *a, const void *b)
{
	const struct scan_file *x = a, *y = b;

	return strcmp(x->path, y->path);
}

static void add_files(struct merge *mg, size_t in, const struct scan *s)
{
	struct strmap seen = STRMAP_INIT;

	for (size_t i = 0; i < mg->scan->nr; i++)
		strmap_put(&seen, mg->scan->files[i].path, (void *)1);
	for (size_t i = 0; i < s->nr; i++) {
		const struct scan_file *f = &s->files[i];
		const char *path = prefixed(mg, in, f->path);
		struct scan_file *o;

		if (strmap_get(&seen, path))
			continue;
		ALLOC_GROW(mg->scan->files, mg->scan->nr + 1, mg->files_alloc);
		o = &mg->scan->files[mg->scan->nr++];
		*o = *f;
		memset(&o->deps, 0, sizeof(o->deps));
		o->pair = 0; /* an index into s: pairs do not cross models */
		o->path = path;
		if (f->module)
			o->module = prefixed(mg, in, f->module);
		if (f->reason)
			o->reason = arena_strdup(&mg->scan->arena, f->reason);
		if (f->package)
			o->package = arena_strdup(&mg->scan->arena, f->package);
		strmap_put(&seen, path, (void *)1);
	}
	strmap_release(&seen);
}

static size_t file_index(struct merge *mg, size_t in, const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	void *hit;

	strbuf_addf(&sb, "%s%s", mg->prefix[in], path);
	hit = strmap_get(&mg->index, sb.buf);
	strbuf_release(&sb);
	if (!hit)
		BUG("merged model lost '%s'", path);
	return (size_t)hit - 1;
}

static void add_edges(struct merge *mg, size_t in, const struct scan *s)
{
	int partial = s->clang && s->clang->partial;

	for (size_t i = 0; i < s->edges_nr; i++) {
		const struct scan_edge *e = &s->edges[i];
		struct scan_edge *o;

		/* resolved again from the index of every shard */
		if (partial && e->kind == DEP_SYMBOL)
			continue;
		ALLOC_GROW(mg->scan->edges, mg->scan->edges_nr + 1,
			   mg->edges_alloc);
		o = &mg->scan->edges[mg->scan->edges_nr++];
		*o = *e;
		o->from = file_index(mg, in, s->files[e->from].path);
		o->to = file_index(mg, in, s->files[e->to].path);
		o->symbols = NULL;
		o->symbols_nr = 0;
		if (!e->symbols_nr)
			continue;
		o->symbols = arena_alloc(&mg->scan->arena,
					 e->symbols_nr * sizeof(*o->symbols));
		for (size_t k = 0; k < e->symbols_nr; k++) {
			o->symbols[k].name = arena_strdup(&mg->scan->arena,
							  e->symbols[k].name);
			o->symbols[k].usr = arena_strdup(&mg->scan->arena,
							 e->symbols[k].usr);
			o->symbols[k].kind = e->symbols[k].kind;
		}
		o->symbols_nr = e->symbols_nr;
	}
}

static void add_clang(struct merge *mg, size_t in, const struct scan *s)
{
	const struct symdeps *sd = s->clang;
	struct symdeps *o;

	if (!sd)
		return;
	if (!mg->scan->clang) {
		o = xcalloc(1, sizeof(*o));
		mg->scan->clang = o;
		if (sd->compdb)
			o->compdb = arena_strdup(&o->arena, sd->compdb);
		if (sd->resource_dir)
			o->resource_dir =
				arena_strdup(&o->arena, sd->resource_dir);
		o->guessed = sd->guessed;
		o->pair_headers = sd->pair_headers;
	}
	o = mg->scan->clang;
	o->units += sd->units;
	o->parsed += sd->parsed;
	o->cached += sd->cached;
	o->failed += sd->failed;
	o->crashed += sd->crashed;
	o->errors += sd->errors;
	o->warnings += sd->warnings;
	o->include_edges_added += sd->include_edges_added;
	o->skipped_missing += sd->skipped_missing;
	o->skipped_outside += sd->skipped_outside;
	o->skipped_not_compiler += sd->skipped_not_compiler;
	o->skipped_not_c += sd->skipped_not_c;
	o->skipped_duplicates += sd->skipped_duplicates;
	o->relative_dirs += sd->relative_dirs;
	o->args_ignored += sd->args_ignored;
	o->args_refused += sd->args_refused;
	o->response_files += sd->response_files;
	if (sd->shard_n) {
		if (!mg->shard_n) {
			mg->shard_n = sd->shard_n;
			mg->seen = xcalloc(sd->shard_n + 1, 1);
		}
		if (sd->shard_n == mg->shard_n)
			mg->seen[sd->shard_k] = 1;
		else
			mg->shard_n = (unsigned)-1; /* mixed: unknown */
	}
	mg->shards |= sd->partial;
	for (size_t i = 0; i < sd->index.defs_nr; i++) {
		const struct symdef *d = &sd->index.defs[i];

		symindex_add_def(&o->index, d->usr, d->name, d->kind,
				 file_index(mg, in, s->files[d->file].path));
	}
	for (size_t i = 0; i < sd->index.refs_nr; i++) {
		struct symref r = sd->index.refs[i];

		r.from = file_index(mg, in, s->files[r.from].path);
		if (r.target >= 0)
			r.target = (long)file_index(mg, in,
						    s->files[r.target].path);
		if (r.decl >= 0)
			r.decl =
				(long)file_index(mg, in, s->files[r.decl].path);
		symindex_add_ref(&o->index, &r);
	}
}

/* Lists of names, united (sorted, without repeats) into the arena. */
static const char **unite(struct symdeps *o, const char **a, size_t a_nr,
			  const char *const *b, size_t b_nr, size_t *nr)
{
	const char **v = arena_alloc(&o->arena, (a_nr + b_nr + 1) * sizeof(*v));

	*nr = 0;
	for (size_t i = 0; i < a_nr; i++)
		v[(*nr)++] = a[i];
	for (size_t i = 0; i < b_nr; i++) {
		int dup = 0;

		for (size_t k = 0; k < a_nr && !dup; k++)
			dup = !strcmp(a[k], b[i]);
		if (!dup)
			v[(*nr)++] = arena_strdup(&o->arena, b[i]);
	}
	return v;
}

static void add_lists(struct merge *mg, size_t in, const struct scan *s)
{
	const struct symdeps *sd = s->clang;
	struct symdeps *o = mg->scan->clang;
	struct strbuf sb = STRBUF_INIT;
	const char **v;

	if (!sd)
		return;
	v = xcalloc(sd->crashed_nr + sd->failed_nr + 1, sizeof(*v));
	for (size_t i = 0; i < sd->crashed_nr; i++)
		v[i] = prefixed(mg, in, sd->crashed_files[i]);
	o->crashed_files = unite(o, o->crashed_files, o->crashed_nr, v,
				 sd->crashed_nr, &o->crashed_nr);
	for (size_t i = 0; i < sd->failed_nr; i++)
		v[i] = prefixed(mg, in, sd->failed_files[i]);
	o->failed_files = unite(o, o->failed_files, o->failed_nr, v,
				sd->failed_nr, &o->failed_nr);
	free(v);
	/* messages: the units of equal texts add up */
	for (size_t i = 0; i < sd->messages_nr; i++) {
		size_t k;

		for (k = 0; k < o->messages_nr; k++)
			if (!strcmp(o->messages[k].text, sd->messages[i].text))
				break;
		if (k == o->messages_nr) {
			struct symdeps_message *m = arena_alloc(
				&o->arena, (o->messages_nr + 1) * sizeof(*m));

			if (o->messages_nr)
				memcpy(m, o->messages,
				       o->messages_nr * sizeof(*m));
			m[k].text =
				arena_strdup(&o->arena, sd->messages[i].text);
			m[k].units = 0;
			o->messages = m;
			o->messages_nr++;
		}
		o->messages[k].units += sd->messages[i].units;
	}
	strbuf_release(&sb);
}

/* Shards and repeated inputs hold the same edge: keep one, symbols united. */
static void unite_edges(struct scan *s)
{
	size_t out = 0;

	if (s->edges_nr)
		qsort(s->edges, s->edges_nr, sizeof(*s->edges), scan_edge_cmp);
	for (size_t i = 0; i < s->edges_nr; i++) {
		struct scan_edge *e = &s->edges[i], *o;

		o = out ? &s->edges[out - 1] : NULL;
		if (!o || o->from != e->from || o->to != e->to ||
		    o->kind != e->kind) {
			s->edges[out++] = *e;
			continue;
		}
		if (e->weight > o->weight)
			o->weight = e->weight;
		o->flags &= e->flags;
		if (e->symbols_nr) {
			struct scan_symbol *v = arena_alloc(
				&s->arena,
				(o->symbols_nr + e->symbols_nr) * sizeof(*v));
			size_t n = o->symbols_nr;

			if (n)
				memcpy(v, o->symbols, n * sizeof(*v));
			for (size_t k = 0; k < e->symbols_nr; k++) {
				int dup = 0;

				for (size_t j = 0; j < o->symbols_nr && !dup;
				     j++)
					dup = !strcmp(v[j].usr,
						      e->symbols[k].usr);
				if (!dup)
					v[n++] = e->symbols[k];
			}
			o->symbols = v;
			o->symbols_nr = n;
		}
	}
	s->edges_nr = out;
}

static int cmp_external(const void *a, const void *b)
{
	const struct scan_external *x = a, *y = b;

	if (x->refs != y->refs)
		return x->refs < y->refs ? 1 : -1;
	return strcmp(x->name, y->name);
}

static void add_externals(struct merge *mg, const struct scan *s, int same_repo)
{
	struct scan *o = mg->scan;

	for (size_t i = 0; i < s->externals_nr; i++) {
		const struct scan_external *x = &s->externals[i];
		size_t k;

		for (k = 0; k < o->externals_nr; k++)
			if (!strcmp(o->externals[k].name, x->name))
				break;
		if (k == o->externals_nr) {
			ALLOC_GROW(o->externals, o->externals_nr + 1,
				   mg->ext_alloc);
			memset(&o->externals[k], 0, sizeof(o->externals[k]));
			o->externals[k].name = arena_strdup(&o->arena, x->name);
			o->externals[k].stdlib = x->stdlib;
			o->externals_nr++;
		}
		if (same_repo) {
			/* every shard lists the same lexical externals */
			if (x->refs > o->externals[k].refs)
				o->externals[k].refs = x->refs;
			if (x->files > o->externals[k].files)
				o->externals[k].files = x->files;
		} else {
			o->externals[k].refs += x->refs;
			o->externals[k].files += x->files;
		}
	}
}

/* "redis/", made unique among the inputs' names. */
static const char **prefixes(struct model *in, size_t nr, int same_repo,
			     struct arena *arena)
{
	const char **p = arena_alloc(arena, nr * sizeof(*p));
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < nr; i++) {
		const char *root = in[i].scan->root;
		const char *base = strrchr(root, '/');
		int n = 1;

		if (same_repo) {
			p[i] = "";
			continue;
		}
		base = base && base[1] ? base + 1 : root;
		for (;;) {
			int dup = 0;

			strbuf_reset(&sb);
			strbuf_addstr(&sb, base);
			if (n > 1)
				strbuf_addf(&sb, "-%d", n);
			strbuf_addch(&sb, '/');
			for (size_t k = 0; k < i && !dup; k++)
				dup = !strcmp(p[k], sb.buf);
			if (!dup)
				break;
			n++;
		}
		p[i] = arena_strdup(arena, sb.buf);
	}
	strbuf_release(&sb);
	return p;
}

int model_merge(struct model *out, struct model *in, size_t nr)
{
	struct merge mg = { 0 };
	struct arena arena = ARENA_INIT;
	struct scan *s;
	int same_repo = 1;

	if (!nr)
		return error("nothing to merge");
	for (size_t i = 1; i < nr; i++)
		if (strcmp(in[i].scan->root, in[0].scan->root) ||
		    strcmp(in[i].scan->prefix, in[0].scan->prefix))
			same_repo = 0;
	s = xcalloc(1, sizeof(*s));
	mg.scan = s;
	mg.prefix = prefixes(in, nr, same_repo, &arena);
	s->root = xstrdup(same_repo ? in[0].scan->root : "(merged)");
	s->prefix = xstrdup(same_repo ? in[0].scan->prefix : "");
	s->is_git = same_repo && in[0].scan->is_git;
	if (same_repo) {
		memcpy(s->head, in[0].scan->head, sizeof(s->head));
		if (in[0].scan->branch)
			s->branch = xstrdup(in[0].scan->branch);
	}
	memcpy(s->scanned_at, in[0].scan->scanned_at, sizeof(s->scanned_at));
	for (size_t i = 0; i < nr; i++)
		add_files(&mg, i, in[i].scan);
	if (s->nr)
		qsort(s->files, s->nr, sizeof(*s->files), cmp_file);
	for (size_t i = 0; i < s->nr; i++)
		strmap_put(&mg.index, s->files[i].path, (void *)(i + 1));
	for (size_t i = 0; i < nr; i++) {
		add_edges(&mg, i, in[i].scan);
		add_clang(&mg, i, in[i].scan);
		add_lists(&mg, i, in[i].scan);
		add_externals(&mg, in[i].scan, same_repo);
		if (!same_repo)
			s->unresolved += in[i].scan->unresolved;
		else if (in[i].scan->unresolved > s->unresolved)
			s->unresolved = in[i].scan->unresolved;
	}
	if (s->clang) {
		symindex_finish(&s->clang->index);
		if (mg.shards) {
			symindex_edges(&s->clang->index, s,
				       s->clang->pair_headers);
			/* every shard 1..N present: the model is whole */
			for (unsigned k = 1;
			     mg.shard_n && mg.shard_n != (unsigned)-1 &&
			     k <= mg.shard_n;
			     k++)
				if (!mg.seen[k]) {
					warning("shard %u/%u is missing: the "
						"merged model is partial",
						k, mg.shard_n);
					s->clang->partial = 1;
				}
		}
	}
	unite_edges(s);
	if (s->externals_nr)
		qsort(s->externals, s->externals_nr, sizeof(*s->externals),
		      cmp_external);
	scan_summarise(s);
	out->scan = s;
	for (size_t i = 0; i < nr; i++)
		for (size_t k = 0; k < in[i].assumptions_nr; k++) {
			const struct assumption *a = &in[i].assumptions[k];
			int dup = 0;

			for (size_t j = 0; j < out->assumptions_nr && !dup; j++)
				dup = !strcmp(out->assumptions[j].name,
					      a->name) &&
				      !strcmp(out->assumptions[j].value,
					      a->value);
			if (!dup && strcmp(a->name, "shard"))
				model_assume(out, a->name, a->source, "%s",
					     a->value);
		}
	free(mg.seen);
	strmap_release(&mg.index);
	arena_release(&arena);
	return 0;
}
