/*
 * Line counts of changed files, as `git diff --numstat` gives them.
 * Modified text files are diffed by libgit2's xdiff (git_diff_blobs,
 * hunks without context, so a hunk's line counts are exactly the lines
 * added and deleted); added and deleted files are counted by their line
 * ends, which is what a diff against nothing gives.
 *
 * git_diff_blobs with NULL paths, not git_diff_buffers: on libgit2 1.5
 * git_diff_buffers computes the SHA-1 (with collision detection) of
 * both buffers before diffing, a third of the time on git/git, while
 * git_diff_blobs takes the ids it already has and, without a path, looks
 * up no diff driver attributes for the file.
 *
 * A per-thread cache of recently read blobs serves the usual case of a
 * file's new version being the old version of its next change.
 */
#include <git2.h>
#include <stdio.h>
#include <string.h>

#include "carve/error.h"
#include "carve/historylog.h"
#include "carve/oidmap.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/* git's buffer_is_binary: a NUL in the first 8000 bytes */
#define BINARY_PROBE 8000

struct cached_blob {
	unsigned char id[20];
	git_blob *blob;
	size_t size;
	struct cached_blob *prev, *next; /* most recently used first */
};

struct numstat {
	git_repository *repo;
	git_odb *odb;
	uint64_t max_blob_size;
	size_t budget, used;
	struct oidmap map; /* id -> struct cached_blob */
	struct cached_blob lru; /* list head */
	git_diff_options opts;
};

/* One side of a change: a blob, synthetic text (a gitlink), or nothing. */
struct side {
	git_blob *blob;
	const char *buf;
	size_t len;
	char text[64]; /* "Subproject commit <id>\n" */
	int missing, binary;
};

struct numstat *numstat_new(git_repository *repo, uint64_t max_blob_size,
			    size_t cache_bytes)
{
	struct numstat *ns = xcalloc(1, sizeof(*ns));

	ns->repo = repo;
	if (git_repository_odb(&ns->odb, repo) < 0)
		die("cannot open the object database: %s",
		    git_error_last()->message);
	ns->max_blob_size = max_blob_size;
	ns->budget = cache_bytes;
	ns->lru.prev = ns->lru.next = &ns->lru;
	git_diff_options_init(&ns->opts, GIT_DIFF_OPTIONS_VERSION);
	ns->opts.context_lines = 0;
	ns->opts.interhunk_lines = 0;
	ns->opts.flags = GIT_DIFF_FORCE_TEXT; /* binary files never get here */
	ns->opts.max_size = -1; /* nor do files too big */
	return ns;
}

static void lru_unlink(struct cached_blob *e)
{
	e->prev->next = e->next;
	e->next->prev = e->prev;
}

static void lru_push(struct numstat *ns, struct cached_blob *e)
{
	e->next = ns->lru.next;
	e->prev = &ns->lru;
	ns->lru.next->prev = e;
	ns->lru.next = e;
}

static void evict(struct numstat *ns, struct cached_blob *e)
{
	lru_unlink(e);
	oidmap_remove(&ns->map, e->id);
	ns->used -= e->size;
	git_blob_free(e->blob);
	free(e);
}

void numstat_free(struct numstat *ns)
{
	if (!ns)
		return;
	while (ns->lru.next != &ns->lru)
		evict(ns, ns->lru.next);
	oidmap_release(&ns->map);
	git_odb_free(ns->odb);
	free(ns);
}

/*
 * Returns the blob (a reference the caller frees), or NULL when it is
 * missing (*missing set) or bigger than max_blob_size (*too_big set).
 */
static git_blob *blob_get(struct numstat *ns, const unsigned char *id,
			  int *missing, int *too_big)
{
	struct oidmap_entry *me = oidmap_find(&ns->map, id);
	struct cached_blob *e;
	git_blob *blob, *dup;
	git_object_t type;
	size_t size;
	int added;

	if (me) {
		e = me->value;
		lru_unlink(e);
		lru_push(ns, e);
		git_blob_dup(&dup, e->blob);
		return dup;
	}
	if (git_odb_read_header(&size, &type, ns->odb, (const git_oid *)id) <
		    0 ||
	    type != GIT_OBJECT_BLOB) {
		git_error_clear();
		*missing = 1;
		return NULL;
	}
	if (size > ns->max_blob_size) {
		*too_big = 1;
		return NULL;
	}
	if (git_blob_lookup(&blob, ns->repo, (const git_oid *)id) < 0) {
		git_error_clear();
		*missing = 1;
		return NULL;
	}
	if (size > ns->budget / 8)
		return blob; /* too big to keep */
	while (ns->used + size > ns->budget && ns->lru.prev != &ns->lru)
		evict(ns, ns->lru.prev);
	e = xcalloc(1, sizeof(*e));
	memcpy(e->id, id, 20);
	e->size = size;
	git_blob_dup(&e->blob, blob);
	oidmap_insert(&ns->map, id, &added)->value = e;
	lru_push(ns, e);
	ns->used += size;
	return blob;
}

static void side_load(struct numstat *ns, struct side *s,
		      const unsigned char *id, unsigned mode)
{
	int too_big = 0;

	memset(s, 0, sizeof(*s));
	s->buf = "";
	if (!id || !mode)
		return;
	if ((mode & 0170000) == 0160000) {
		char hex[GIT_OID_HEXSZ + 1];

		git_oid_tostr(hex, sizeof(hex), (const git_oid *)id);
		s->len = (size_t)snprintf(s->text, sizeof(s->text),
					  "Subproject commit %s\n", hex);
		s->buf = s->text;
		return;
	}
	s->blob = blob_get(ns, id, &s->missing, &too_big);
	if (too_big) {
		s->binary = 1; /* as git's core.bigFileThreshold */
		return;
	}
	if (!s->blob)
		return;
	s->buf = git_blob_rawcontent(s->blob);
	s->len = (size_t)git_blob_rawsize(s->blob);
	s->binary = memchr(s->buf, '\0',
			   s->len < BINARY_PROBE ? s->len : BINARY_PROBE) !=
		    NULL;
}

static uint32_t count_lines(const char *buf, size_t len)
{
	const char *end = buf + len;
	uint32_t n = 0;

	while ((buf = memchr(buf, '\n', (size_t)(end - buf)))) {
		n++;
		buf++;
	}
	return n + (len && end[-1] != '\n');
}

struct tally {
	uint32_t added, deleted;
};

static int on_hunk(const git_diff_delta *delta, const git_diff_hunk *hunk,
		   void *payload)
{
	struct tally *t = payload;

	(void)delta;
	t->added += (uint32_t)hunk->new_lines;
	t->deleted += (uint32_t)hunk->old_lines;
	return 0;
}

static void diff_sides(struct numstat *ns, const struct side *a,
		       const struct side *b, struct tally *t)
{
	t->added = t->deleted = 0;
	if (a->blob && b->blob)
		git_diff_blobs(a->blob, NULL, b->blob, NULL, &ns->opts, NULL,
			       NULL, on_hunk, NULL, t);
	else
		git_diff_buffers(a->buf, a->len, NULL, b->buf, b->len, NULL,
				 &ns->opts, NULL, NULL, on_hunk, NULL, t);
}

void numstat_count(struct numstat *ns, const unsigned char *old_id,
		   unsigned old_mode, const unsigned char *new_id,
		   unsigned new_mode, uint32_t *added, uint32_t *deleted,
		   unsigned *flags)
{
	struct side a, b;
	struct tally t = { 0, 0 };

	side_load(ns, &a, old_id, old_mode);
	side_load(ns, &b, new_id, new_mode);
	*added = *deleted = 0;
	*flags = 0;
	if (a.missing || b.missing) {
		*flags = HLOG_MISSING;
	} else if (a.binary || b.binary) {
		*flags = HLOG_BINARY;
	} else if (old_id && new_id && !memcmp(old_id, new_id, 20) &&
		   old_mode == new_mode) {
		/* nothing changed */
	} else if (old_id && new_id && !memcmp(old_id, new_id, 20) &&
		   (old_mode & 0170000) == (new_mode & 0170000)) {
		/* a mode change only: "0 0" */
	} else if (!old_mode) {
		*added = count_lines(b.buf, b.len);
	} else if (!new_mode) {
		*deleted = count_lines(a.buf, a.len);
	} else {
		diff_sides(ns, &a, &b, &t);
		*added = t.added;
		*deleted = t.deleted;
	}
	git_blob_free(a.blob);
	git_blob_free(b.blob);
}

/*
 * git reads the "diff" attribute of each path from the work tree (then
 * the index): "binary" or "-diff" makes a file binary whatever its
 * content. Applied after the cache, so the cache holds content-only
 * results and a change of .gitattributes takes effect at once.
 */
/* Under one of the NUL-terminated directories of `dirs`. */
static int under(const struct strbuf *dirs, const char *path)
{
	for (const char *d = dirs->buf; d < dirs->buf + dirs->len;
	     d += strlen(d) + 1)
		if (!strncmp(path, d, strlen(d)))
			return 1;
	return 0;
}

void numstat_apply_attributes(struct hlog *log, git_repository *repo)
{
	char *binary = xcalloc(log->paths_nr + 1, 1);
	char *need = xcalloc(log->paths_nr + 1, 1);
	struct strbuf key = STRBUF_INIT, dirs = STRBUF_INIT;

	hlog_attribute_sources(&key, &dirs, repo, NULL);
	strbuf_release(&key);
	/* a binary or unreadable change has nothing to take away */
	for (size_t i = 0; dirs.len && i < log->changes_nr; i++) {
		const struct hlog_change *c = &log->changes[i];

		if (!(c->flags & (HLOG_BINARY | HLOG_MISSING)))
			need[c->path] = 1;
	}
	for (size_t p = 0; dirs.len && p < log->paths_nr; p++) {
		const char *value = NULL;

		if (!need[p] || !under(&dirs, log->paths[p]))
			continue;

		if (git_attr_get(&value, repo, GIT_ATTR_CHECK_FILE_THEN_INDEX,
				 log->paths[p], "diff") < 0) {
			git_error_clear();
			continue;
		}
		binary[p] = GIT_ATTR_IS_FALSE(value);
	}
	strbuf_release(&dirs);
	free(need);
	for (size_t i = 0; i < log->changes_nr; i++) {
		struct hlog_change *c = &log->changes[i];

		if (!binary[c->path] || (c->flags & HLOG_MISSING))
			continue;
		c->flags |= HLOG_BINARY;
		c->added = c->deleted = 0;
		c->rename_added = c->rename_deleted = 0;
	}
	free(binary);
}
