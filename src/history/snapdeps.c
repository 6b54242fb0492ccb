/*
 * The "monolith dependencies remaining" metric at a sample: the sample's
 * tree is turned into an in-memory scan (paths, languages, dependency
 * statements read from blobs, each blob lexed once), resolved by the
 * scan's resolvers, and counted; carve check runs on the same scan.
 *
 * The counts of each sample are cached in <cache dir>/burndown-deps.cache,
 * one line "<key> <deps to legacy> <violations>" per sample, the key a
 * SHA-1 of the tree, the legacy and new globs, carve.json, and the size
 * and modification time of the work-tree files the resolvers read for a
 * tree of these paths (go.mod, package.json, tsconfig.json, ...), so a
 * warm burndown resolves nothing.
 */
#include <git2.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "carve/config.h"
#include "carve/depcache.h"
#include "carve/deps.h"
#include "carve/error.h"
#include "carve/exclude.h"
#include "carve/historylog.h"
#include "carve/language.h"
#include "carve/module.h"
#include "carve/oidmap.h"
#include "carve/resolve.h"
#include "carve/scan.h"
#include "carve/snapshots.h"
#include "carve/strbuf.h"
#include "carve/outfile.h"
#include "carve/xmalloc.h"

#define SNAPDEPS_CACHE "burndown-deps.cache"
#define SNAPDEPS_CACHE_MAX (64u << 20)
#define SNAPDEPS_FORMAT 1

/* What one blob holds, as the scan would read it. */
struct blobdeps {
	const struct language *lang; /* NULL: not counted */
	const char *package;
	struct dep_list deps; /* strings in snapdeps.arena */
};

struct entry {
	const char *path;
	unsigned char id[20];
};

struct snapdeps {
	char *root;
	const struct snapshot_options *o;
	const struct exclude_rules *ex;
	struct oidmap blobs; /* blob id -> struct blobdeps */
	struct arena arena;
	struct strbuf buf, pkg;
	struct entry *v; /* the files of the tree being listed */
	size_t nr, alloc;
	struct arena paths;
	char *cache_path; /* NULL: --no-cache */
	struct strbuf base; /* what every key holds: globs, carve.json */
	struct oidmap cached; /* key -> struct counts */
	struct counts *counts;
	size_t counts_nr, counts_alloc;
	size_t added; /* samples counted in this run */
};

/* The cached counts of one sample. */
struct counts {
	unsigned char key[20];
	long deps_to_legacy, violations;
};

static void add_counts(struct snapdeps *d, const unsigned char *key,
		       long deps_to_legacy, long violations)
{
	struct counts *c;
	int added;

	ALLOC_GROW(d->counts, d->counts_nr + 1, d->counts_alloc);
	c = &d->counts[d->counts_nr];
	memcpy(c->key, key, 20);
	c->deps_to_legacy = deps_to_legacy;
	c->violations = violations;
	/* indexes, not pointers: the array grows */
	oidmap_insert(&d->cached, key, &added)->value =
		(void *)(d->counts_nr + 1);
	if (added)
		d->counts_nr++;
}

static void cache_header(struct strbuf *sb)
{
	strbuf_addf(sb, "carve-burndown-deps %d %s\n", SNAPDEPS_FORMAT,
		    CARVE_VERSION);
}

/* Reads the cache; a line out of range ends it (a torn or damaged file). */
static void cache_load(struct snapdeps *d)
{
	struct strbuf data = STRBUF_INIT, hdr = STRBUF_INIT;
	const char *p, *end;

	cache_header(&hdr);
	if (strbuf_read_file(&data, d->cache_path, SNAPDEPS_CACHE_MAX) ||
	    data.len < hdr.len || memcmp(data.buf, hdr.buf, hdr.len))
		goto done;
	p = data.buf + hdr.len;
	end = data.buf + data.len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		unsigned char key[20];
		long v[2];
		char *e;

		if (!nl || nl - p < 44 || p[40] != ' ' ||
		    strspn(p, "0123456789abcdef") != 40)
			break;
		for (int i = 0; i < 20; i++) {
			unsigned x;

			sscanf(p + 2 * i, "%2x", &x);
			key[i] = (unsigned char)x;
		}
		v[0] = strtol(p + 41, &e, 10);
		if (*e != ' ' || v[0] < -1)
			break;
		v[1] = strtol(e + 1, &e, 10);
		if (e != nl || v[1] < -1 || e == p + 41)
			break;
		add_counts(d, key, v[0], v[1]);
		p = nl + 1;
	}
done:
	strbuf_release(&data);
	strbuf_release(&hdr);
}

static void cache_save(struct snapdeps *d)
{
	struct outfile out = OUTFILE_INIT;
	struct strbuf sb = STRBUF_INIT;
	char *dir, *slash;

	if (!d->cache_path || !d->added)
		return;
	dir = xstrdup(d->cache_path);
	if ((slash = strrchr(dir, '/')))
		*slash = '\0';
	if (outfile_mkdirs(dir) < 0 ||
	    outfile_open_private(&out, d->cache_path)) {
		free(dir);
		return;
	}
	free(dir);
	cache_header(&sb);
	for (size_t i = 0; i < d->counts_nr; i++) {
		for (int k = 0; k < 20; k++)
			strbuf_addf(&sb, "%02x", d->counts[i].key[k]);
		strbuf_addf(&sb, " %ld %ld\n", d->counts[i].deps_to_legacy,
			    d->counts[i].violations);
	}
	fwrite(sb.buf, 1, sb.len, out.fp);
	outfile_commit(&out);
	outfile_abort(&out);
	strbuf_release(&sb);
}

static void base_globs(struct strbuf *sb, const char *name,
		       const struct glob_list *g)
{
	strbuf_addf(sb, "%s %d\n", name, g ? g->nr : 0);
	for (int i = 0; g && i < g->nr; i++) {
		strbuf_addstr(sb, g->patterns[i]);
		strbuf_addch(sb, '\0');
	}
}

struct snapdeps *snapdeps_new(const char *gitdir, const char *root,
			      const struct snapshot_options *o,
			      const struct exclude_rules *ex)
{
	struct snapdeps *d = xcalloc(1, sizeof(*d));

	d->root = xstrdup(root);
	d->o = o;
	d->ex = ex;
	strbuf_init(&d->buf, 0);
	strbuf_init(&d->pkg, 0);
	strbuf_init(&d->base, 0);
	if (!o->no_cache) {
		struct strbuf path = STRBUF_INIT, cfg = STRBUF_INIT;

		if (o->cache_dir)
			strbuf_addf(&path, "%s/" SNAPDEPS_CACHE, o->cache_dir);
		else
			strbuf_addf(&path, "%scarve/" SNAPDEPS_CACHE, gitdir);
		d->cache_path = strbuf_detach(&path, NULL);
		cache_header(&d->base);
		strbuf_addf(&d->base, "root %s\n", root);
		base_globs(&d->base, "legacy", o->legacy);
		base_globs(&d->base, "new", o->new_paths);
		strbuf_addf(&d->base, "check %d\n", o->violations != NULL);
		if (o->config && o->config->path &&
		    !strbuf_read_file(&cfg, o->config->path, 64u << 20)) {
			strbuf_addf(&d->base, "config %zu\n", cfg.len);
			strbuf_add(&d->base, cfg.buf, cfg.len);
		}
		strbuf_release(&cfg);
		cache_load(d);
	}
	return d;
}

/*
 * A file a resolver may read from the work tree for a tree holding it
 * (resolve_*.c): module and package manifests, TypeScript settings,
 * Ruby's Gemfile.lock and initializers, compile_commands.json.
 */
static int resolver_input(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t len;

	base = base ? base + 1 : path;
	len = strlen(base);
	return !strcmp(base, "go.mod") || !strcmp(base, "package.json") ||
	       !strcmp(base, "composer.json") || !strcmp(base, "Gemfile") ||
	       !strcmp(base, "Gemfile.lock") ||
	       !strcmp(base, "compile_commands.json") ||
	       (len > 5 && !strcmp(base + len - 5, ".json") &&
		(!strncmp(base, "tsconfig", 8) ||
		 !strncmp(base, "jsconfig", 8))) ||
	       (len > 3 && !strcmp(base + len - 3, ".rb") &&
		(!strncmp(path, "config/", 7) || strstr(path, "/config/")));
}

/* The key of one sample: the tree and the state of what resolvers read. */
static void sample_key(struct snapdeps *d, const unsigned char *tree,
		       unsigned char *key)
{
	struct depcache_inputs in = DEPCACHE_INPUTS_INIT;
	struct strbuf path = STRBUF_INIT;
	git_oid id;

	strbuf_add(&in.files, d->base.buf, d->base.len);
	strbuf_add(&in.files, tree, 20);
	for (int i = 0; i < 2; i++) {
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%scompile_commands.json", d->root,
			    i ? "build/" : "");
		depcache_note_input(&in, path.buf);
	}
	for (size_t i = 0; i < d->nr; i++) {
		if (!resolver_input(d->v[i].path))
			continue;
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s", d->root, d->v[i].path);
		depcache_note_input(&in, path.buf);
	}
	if (git_odb_hash(&id, in.files.buf, in.files.len, GIT_OBJECT_BLOB) <
	    0) {
		git_error_clear();
		memset(&id, 0, sizeof(id));
	}
	memcpy(key, id.id, 20);
	strbuf_release(&path);
	depcache_inputs_release(&in);
}

static void list_fn(void *payload, const char *path, size_t len,
		    const unsigned char *old_id, unsigned old_mode,
		    const unsigned char *new_id, unsigned new_mode)
{
	struct snapdeps *d = payload;
	char why[512];

	(void)old_id;
	(void)old_mode;
	if (!new_id || (new_mode & 0170000) != 0100000)
		return;
	if (exclude_by_path(d->ex, path, why, sizeof(why)))
		return;
	ALLOC_GROW(d->v, d->nr + 1, d->alloc);
	d->v[d->nr].path = arena_strndup(&d->paths, path, len);
	memcpy(d->v[d->nr].id, new_id, 20);
	d->nr++;
}

static const struct blobdeps *read_blob(struct snapdeps *d, git_odb *odb,
					const struct entry *e)
{
	struct oidmap_entry *me;
	struct blobdeps *b;
	git_odb_object *obj = NULL;
	int added;

	me = oidmap_insert(&d->blobs, e->id, &added);
	if (!added)
		return me->value;
	b = arena_alloc(&d->arena, sizeof(*b));
	me->value = b;
	if (git_odb_read(&obj, odb, (const git_oid *)e->id) < 0) {
		git_error_clear();
		return b; /* missing: no language, no statements */
	}
	strbuf_setlen(&d->buf, 0);
	strbuf_add(&d->buf, git_odb_object_data(obj), git_odb_object_size(obj));
	git_odb_object_free(obj);
	if (d->buf.len > (16u << 20) ||
	    language_is_binary(d->buf.buf, d->buf.len) ||
	    exclude_by_content(d->ex, e->path, d->buf.buf, d->buf.len))
		return b;
	b->lang = language_detect(e->path, d->buf.buf, d->buf.len);
	if (!b->lang)
		return b;
	deps_extract(&b->deps, &d->arena, b->lang, d->buf.buf, d->buf.len);
	if (module_package(&d->pkg, b->lang, d->buf.buf, d->buf.len))
		b->package = arena_strndup(&d->arena, d->pkg.buf, d->pkg.len);
	return b;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->path,
		      ((const struct entry *)b)->path);
}

int snapdeps_point(struct snapdeps *d, git_odb *odb, const unsigned char *tree,
		   long *deps_to_legacy, long *violations)
{
	struct strbuf path = STRBUF_INIT;
	struct scan *scan = NULL;
	unsigned char key[20];
	struct oidmap_entry *hit;
	int ret;

	d->nr = 0;
	ret = treediff_run(odb, NULL, tree, &path, list_fn, d);
	strbuf_release(&path);
	if (ret < 0)
		goto done;
	qsort(d->v, d->nr, sizeof(*d->v), by_path);
	if (d->cache_path) {
		sample_key(d, tree, key);
		if ((hit = oidmap_find(&d->cached, key))) {
			const struct counts *c =
				&d->counts[(size_t)hit->value - 1];

			*deps_to_legacy = c->deps_to_legacy;
			*violations = c->violations;
			goto done;
		}
	}
	scan = xcalloc(1, sizeof(*scan));
	scan->root = xstrdup(d->root);
	scan->prefix = xstrdup("");
	scan->is_git = 1;
	scan->files = xcalloc(d->nr + 1, sizeof(*scan->files));
	for (size_t i = 0; i < d->nr; i++) {
		const struct blobdeps *b = read_blob(d, odb, &d->v[i]);
		struct scan_file *f = &scan->files[scan->nr++];

		f->path = d->v[i].path;
		f->lang = b->lang;
		f->module = "";
		f->package = b->package;
		f->status = b->lang ? FILE_COUNTED : FILE_UNKNOWN;
		if (b->deps.nr) {
			/* the scan frees its lists: give it a copy */
			f->deps.refs =
				xmalloc(b->deps.nr * sizeof(*b->deps.refs));
			memcpy(f->deps.refs, b->deps.refs,
			       b->deps.nr * sizeof(*b->deps.refs));
			f->deps.nr = f->deps.alloc = b->deps.nr;
		}
	}
	if ((ret = resolve_scan(scan, NULL)))
		goto done;
	*deps_to_legacy = 0;
	for (size_t i = 0; i < scan->edges_nr; i++) {
		const struct scan_edge *e = &scan->edges[i];

		if (snapshots_class(d->o, scan->files[e->from].path) !=
			    SNAP_LEGACY &&
		    snapshots_class(d->o, scan->files[e->to].path) ==
			    SNAP_LEGACY)
			(*deps_to_legacy)++;
	}
	*violations = d->o->violations ? d->o->violations(d->o->config, scan)
				       : -1;
	if (d->cache_path) {
		add_counts(d, key, *deps_to_legacy, *violations);
		d->added++;
	}
done:
	scan_free(scan);
	arena_release(&d->paths);
	return ret;
}

void snapdeps_free(struct snapdeps *d)
{
	if (!d)
		return;
	cache_save(d);
	for (size_t i = 0; i < d->blobs.alloc; i++)
		if (d->blobs.slots[i].used) {
			struct blobdeps *b = d->blobs.slots[i].value;

			dep_list_release(&b->deps);
		}
	oidmap_release(&d->blobs);
	arena_release(&d->arena);
	strbuf_release(&d->buf);
	strbuf_release(&d->pkg);
	free(d->v);
	free(d->root);
	free(d->cache_path);
	strbuf_release(&d->base);
	oidmap_release(&d->cached);
	free(d->counts);
	free(d);
}
