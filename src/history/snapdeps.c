/*
 * The "monolith dependencies remaining" metric at a sample: the sample's
 * tree is turned into an in-memory scan (paths, languages, dependency
 * statements read from blobs, each blob lexed once), resolved by the
 * scan's resolvers, and counted; carve check runs on the same scan.
 */
#include <git2.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "carve/config.h"
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
#include "carve/xmalloc.h"

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
};

struct snapdeps *snapdeps_new(const char *gitdir, const char *root,
			      const struct snapshot_options *o,
			      const struct exclude_rules *ex)
{
	struct snapdeps *d = xcalloc(1, sizeof(*d));

	(void)gitdir;
	d->root = xstrdup(root);
	d->o = o;
	d->ex = ex;
	strbuf_init(&d->buf, 0);
	strbuf_init(&d->pkg, 0);
	return d;
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
	int ret;

	d->nr = 0;
	ret = treediff_run(odb, NULL, tree, &path, list_fn, d);
	strbuf_release(&path);
	if (ret < 0)
		goto done;
	qsort(d->v, d->nr, sizeof(*d->v), by_path);
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
done:
	scan_free(scan);
	arena_release(&d->paths);
	return ret;
}

void snapdeps_free(struct snapdeps *d)
{
	if (!d)
		return;
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
	free(d);
}
