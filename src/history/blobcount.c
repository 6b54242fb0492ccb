/*
 * Code lines of blobs, counted once per blob id and language: what the
 * burndown's samples add up. Results live in an oidmap (blob id -> list
 * of results, one per language the blob was seen as, usually one) and in
 * the cache file "blobs.cache": a header line, then one record per
 * result, "<id>\t<language or *>\t<code>\t<counted>\n" ("*" for paths
 * whose language depends on content, such as a script without an
 * extension).
 */
#include <git2.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/arena.h"
#include "carve/blobcount.h"
#include "carve/error.h"
#include "carve/exclude.h"
#include "carve/language.h"
#include "carve/linecount.h"
#include "carve/oidmap.h"
#include "carve/outfile.h"
#include "carve/pool.h"
#include "carve/scancache.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

#define BLOBCOUNT_MAX_CACHE (1ULL << 31)

/* The key of a path whose language is detected from content. */
static const struct language by_content = { "*", "*",  SYNTAX_PLAIN,
					    0,	 NULL, NULL };

struct result {
	const struct language *lang; /* the key: path's language or by_content */
	struct blobcount_result r;
	struct result *next;
};

struct worker {
	git_repository *repo;
	git_odb *odb;
	struct strbuf buf;
};

struct pending {
	unsigned char id[20];
	const char *path;
	const struct language *key;
	struct blobcount_result r;
};

struct blobcount {
	char *gitdir;
	char *cache_path;
	int threads;
	uint64_t max_blob_size;
	const struct exclude_rules *ex;
	struct oidmap map; /* id -> struct result list */
	struct arena arena;
	struct worker *workers;
	struct pending *pending;
	size_t pending_nr, pending_alloc;
	size_t counted, loaded, missing;
};

static int hex_id(unsigned char *id, const char *hex)
{
	for (int i = 0; i < 20; i++) {
		unsigned v;

		if (sscanf(hex + 2 * i, "%2x", &v) != 1)
			return -1;
		id[i] = (unsigned char)v;
	}
	return 0;
}

static struct result *lookup(struct blobcount *bc, const unsigned char *id,
			     const struct language *key)
{
	struct oidmap_entry *e = oidmap_find(&bc->map, id);

	for (struct result *r = e ? e->value : NULL; r; r = r->next)
		if (r->lang == key)
			return r;
	return NULL;
}

static void remember(struct blobcount *bc, const unsigned char *id,
		     const struct language *key,
		     const struct blobcount_result *r)
{
	int added;
	struct oidmap_entry *e = oidmap_insert(&bc->map, id, &added);
	struct result *x = arena_alloc(&bc->arena, sizeof(*x));

	x->lang = key;
	x->r = *r;
	x->next = e->value;
	e->value = x;
}

/* A decimal number up to UINT_MAX ending at `end`. */
static int parse_count(const char *s, char end, unsigned *out)
{
	unsigned long v = 0;
	int digits = 0;

	for (; *s >= '0' && *s <= '9' && digits < 11; s++, digits++)
		v = v * 10 + (unsigned long)(*s - '0');
	if (!digits || v > UINT_MAX || *s != end)
		return -1;
	*out = (unsigned)v;
	return 0;
}

static void load(struct blobcount *bc)
{
	struct strbuf data = STRBUF_INIT;
	char *p = scancache_read_file(&data, bc->cache_path, "blobs",
				      BLOBCOUNT_FORMAT, BLOBCOUNT_MAX_CACHE);
	size_t bad = 0;

	while (p && *p) {
		char *nl = strchr(p, '\n'), *tab1, *tab2, *tab3;
		unsigned char id[20];
		const struct language *key;
		struct blobcount_result r = { 0 };
		unsigned code, counted;

		if (!nl)
			break; /* a torn tail */
		*nl = '\0';
		tab1 = strchr(p, '\t');
		tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
		tab3 = tab2 ? strchr(tab2 + 1, '\t') : NULL;
		if (!tab1 || tab1 - p != 40 ||
		    strspn(p, "0123456789abcdef") != 40 || !tab3 ||
		    hex_id(id, p) || parse_count(tab2 + 1, '\t', &code) ||
		    parse_count(tab3 + 1, '\0', &counted) || counted > 1) {
			bad++;
			p = nl + 1;
			continue;
		}
		*tab2 = '\0';
		key = !strcmp(tab1 + 1, "*") ? &by_content
					     : language_by_name(tab1 + 1);
		if (key && !lookup(bc, id, key)) {
			r.code = code;
			r.counted = counted != 0;
			remember(bc, id, key, &r);
			bc->loaded++;
		}
		p = nl + 1;
	}
	if (bad)
		warning("ignoring %zu damaged record%s of the blob cache '%s' "
			"(those blobs are counted again)",
			bad, bad == 1 ? "" : "s", bc->cache_path);
	strbuf_release(&data);
}

struct blobcount *blobcount_new(const char *gitdir, int threads,
				const char *cache_dir, uint64_t max_blob_size,
				const struct exclude_rules *ex)
{
	struct blobcount *bc = xcalloc(1, sizeof(*bc));

	bc->gitdir = xstrdup(gitdir);
	bc->threads = threads > 0 ? threads : 1;
	bc->max_blob_size = max_blob_size;
	bc->ex = ex;
	bc->workers = xcalloc((size_t)bc->threads, sizeof(*bc->workers));
	for (int i = 0; i < bc->threads; i++)
		strbuf_init(&bc->workers[i].buf, 0);
	if (cache_dir) {
		struct strbuf path = STRBUF_INIT;

		strbuf_addf(&path, "%s/blobs.cache", cache_dir);
		bc->cache_path = strbuf_detach(&path, NULL);
		load(bc);
	}
	return bc;
}

/* The key for a path: its language, by_content, or NULL for none. */
static const struct language *key_of(const char *path)
{
	if (language_needs_content(path))
		return &by_content;
	return language_detect(path, NULL, 0);
}

const struct blobcount_result *
blobcount_find(struct blobcount *bc, const unsigned char *id, const char *path)
{
	static const struct blobcount_result nothing = { 0 };
	const struct language *key = key_of(path);
	struct result *r;

	if (!key)
		return &nothing; /* no language: nothing to count */
	r = lookup(bc, id, key);
	return r ? &r->r : NULL;
}

/* Counts one blob as carve scan counts a file (src/scan/scan.c). */
static void count_one(struct blobcount *bc, struct pending *p, int w)
{
	struct worker *wk = &bc->workers[w];
	git_odb_object *obj = NULL;
	const struct language *lang;
	struct line_counts lc;
	size_t len;

	if (!wk->repo) {
		if (git_repository_open_bare(&wk->repo, bc->gitdir) < 0 ||
		    git_repository_odb(&wk->odb, wk->repo) < 0) {
			git_error_clear();
			p->r.missing = 1;
			return;
		}
	}
	if (git_odb_read(&obj, wk->odb, (const git_oid *)p->id) < 0) {
		git_error_clear();
		p->r.missing = 1;
		return;
	}
	len = git_odb_object_size(obj);
	if (len > bc->max_blob_size)
		goto done;
	/* the line counter wants a NUL after the bytes */
	strbuf_setlen(&wk->buf, 0);
	strbuf_add(&wk->buf, git_odb_object_data(obj), len);
	if (language_is_binary(wk->buf.buf, wk->buf.len) ||
	    exclude_by_content(bc->ex, p->path, wk->buf.buf, wk->buf.len))
		goto done;
	lang = p->key == &by_content
		       ? language_detect(p->path, wk->buf.buf, wk->buf.len)
		       : p->key;
	if (!lang)
		goto done;
	linecount_buffer(&lc, lang, wk->buf.buf, wk->buf.len);
	p->r.code = lc.code > UINT32_MAX ? UINT32_MAX : (uint32_t)lc.code;
	p->r.counted = 1;
done:
	git_odb_object_free(obj);
}

static void count_fn(void *ctx, size_t item, int worker)
{
	struct blobcount *bc = ctx;

	count_one(bc, &bc->pending[item], worker);
}

void blobcount_fill(struct blobcount *bc, const unsigned char *const *ids,
		    const char *const *paths, size_t nr)
{
	struct oidmap seen = OIDMAP_INIT;

	bc->pending_nr = 0;
	for (size_t i = 0; i < nr; i++) {
		const struct language *key = key_of(paths[i]);
		struct pending *p;
		struct oidmap_entry *e;
		int added;

		if (!key || lookup(bc, ids[i], key))
			continue;
		/* one read per blob and key within the batch */
		e = oidmap_insert(&seen, ids[i], &added);
		if (!added && e->value == (void *)key)
			continue;
		e->value = (void *)key;
		ALLOC_GROW(bc->pending, bc->pending_nr + 1, bc->pending_alloc);
		p = &bc->pending[bc->pending_nr++];
		memcpy(p->id, ids[i], 20);
		p->path = paths[i];
		p->key = key;
		memset(&p->r, 0, sizeof(p->r));
	}
	oidmap_release(&seen);
	pool_for(bc->pending_nr, bc->pending_nr < 64 ? 1 : bc->threads,
		 count_fn, bc);
	for (size_t i = 0; i < bc->pending_nr; i++) {
		struct pending *p = &bc->pending[i];

		if (lookup(bc, p->id, p->key))
			continue;
		remember(bc, p->id, p->key, &p->r);
		if (p->r.missing)
			bc->missing++;
		else
			bc->counted++;
	}
}

void blobcount_stats(const struct blobcount *bc, size_t *counted,
		     size_t *cached, size_t *missing)
{
	*counted = bc->counted;
	*cached = bc->loaded;
	*missing = bc->missing;
}

const char *blobcount_cache_path(const struct blobcount *bc)
{
	return bc->cache_path;
}

/* Records in id order, so the same results give the same file. */
static int cmp_entry(const void *a, const void *b)
{
	return memcmp(((const struct oidmap_entry *)a)->id,
		      ((const struct oidmap_entry *)b)->id, 20);
}

void blobcount_save(struct blobcount *bc)
{
	struct strbuf sb = STRBUF_INIT;
	struct oidmap_entry *entries;
	struct outfile out = OUTFILE_INIT;
	char *dir, *slash;
	size_t nr = 0;

	if (!bc->cache_path || !bc->counted)
		return;
	entries = xmalloc((bc->map.nr + 1) * sizeof(*entries));
	for (size_t i = 0; i < bc->map.alloc; i++)
		if (bc->map.slots[i].used)
			entries[nr++] = bc->map.slots[i];
	qsort(entries, nr, sizeof(*entries), cmp_entry);
	scancache_header(&sb, "blobs", BLOBCOUNT_FORMAT);
	for (size_t i = 0; i < nr; i++)
		for (struct result *r = entries[i].value; r; r = r->next) {
			if (r->r.missing)
				continue; /* try again next time */
			for (int k = 0; k < 20; k++)
				strbuf_addf(&sb, "%02x", entries[i].id[k]);
			strbuf_addf(&sb, "\t%s\t%u\t%d\n", r->lang->name,
				    r->r.code, r->r.counted);
		}
	free(entries);
	dir = xstrdup(bc->cache_path);
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	if (outfile_mkdirs(dir) || outfile_open_private(&out, bc->cache_path)) {
		warning("cannot write the blob cache '%s'", bc->cache_path);
		goto done;
	}
	fwrite(sb.buf, 1, sb.len, out.fp);
	if (outfile_commit(&out))
		warning("cannot write the blob cache '%s'", bc->cache_path);
done:
	outfile_abort(&out);
	free(dir);
	strbuf_release(&sb);
}

void blobcount_free(struct blobcount *bc)
{
	if (!bc)
		return;
	for (int i = 0; i < bc->threads; i++) {
		git_odb_free(bc->workers[i].odb);
		git_repository_free(bc->workers[i].repo);
		strbuf_release(&bc->workers[i].buf);
	}
	free(bc->workers);
	free(bc->pending);
	oidmap_release(&bc->map);
	arena_release(&bc->arena);
	free(bc->gitdir);
	free(bc->cache_path);
	free(bc);
}
