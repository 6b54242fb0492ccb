/*
 * The tree diff of one commit: both trees walked side by side in git's
 * order, subtrees with equal ids skipped unread. Trees are read as raw
 * objects from the object database and parsed here, because libgit2's
 * git_tree_lookup parses every entry of a tree (modes through strtol) and
 * caches it, which made the walk of git/git's history twice as slow as
 * this loop, and git_diff_tree_to_tree expands subtrees it need not.
 */
#include <git2.h>
#include <string.h>

#include "carve/error.h"
#include "carve/historylog.h"
#include "carve/strbuf.h"

struct tree {
	git_odb_object *obj;
	const char *p, *end;
};

struct entry {
	unsigned mode;
	const char *name;
	size_t len;
	const unsigned char *id;
};

#define IS_DIR(m) (((m)&0170000) == 0040000)

/* Modes as git canonicalises them (old trees hold 100664 and the like). */
static unsigned canon_mode(unsigned mode)
{
	switch (mode & 0170000) {
	case 0040000:
	case 0120000:
	case 0160000:
		return mode & 0170000;
	default:
		return 0100000 | ((mode & 0100) ? 0755 : 0644);
	}
}

static int tree_open(struct tree *t, git_odb *odb, const unsigned char *id)
{
	t->obj = NULL;
	t->p = t->end = NULL;
	if (!id)
		return 0;
	if (git_odb_read(&t->obj, odb, (const git_oid *)id) < 0) {
		git_error_clear();
		return GIT_ENOTFOUND;
	}
	t->p = git_odb_object_data(t->obj);
	t->end = t->p + git_odb_object_size(t->obj);
	return 0;
}

/* Reads the next entry; 0 at the end (or where the tree is damaged). */
static int tree_next(struct tree *t, struct entry *e)
{
	const char *p = t->p, *nul;
	unsigned mode = 0;

	if (p >= t->end)
		return 0;
	while (p < t->end && *p >= '0' && *p <= '7')
		mode = (mode << 3) + (unsigned)(*p++ - '0');
	if (p >= t->end || *p != ' ')
		return 0;
	p++;
	nul = memchr(p, '\0', (size_t)(t->end - p));
	if (!nul || t->end - nul < 21)
		return 0;
	e->mode = canon_mode(mode);
	e->name = p;
	e->len = (size_t)(nul - p);
	e->id = (const unsigned char *)nul + 1;
	t->p = nul + 21;
	return 1;
}

/* git's order: names compared bytewise, a directory as if ending in '/' */
static int entry_cmp(const struct entry *a, const struct entry *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->name, b->name, n);
	unsigned ca, cb;

	if (c)
		return c;
	ca = n < a->len ? (unsigned char)a->name[n] : IS_DIR(a->mode) ? '/' : 0;
	cb = n < b->len ? (unsigned char)b->name[n] : IS_DIR(b->mode) ? '/' : 0;
	return (int)ca - (int)cb;
}

struct walk {
	git_odb *odb;
	struct strbuf *path;
	treediff_fn fn;
	void *payload;
};

static void path_push(struct strbuf *path, size_t base, const struct entry *e)
{
	strbuf_setlen(path, base);
	if (base)
		strbuf_addch(path, '/');
	strbuf_add(path, e->name, e->len);
}

static int diff(struct walk *w, const unsigned char *a, const unsigned char *b);

/* One side of a pair of entries: a whole subtree or one file. */
static int one_side(struct walk *w, const struct entry *e, int is_new)
{
	if (IS_DIR(e->mode))
		return is_new ? diff(w, NULL, e->id) : diff(w, e->id, NULL);
	if (is_new)
		w->fn(w->payload, w->path->buf, w->path->len, NULL, 0, e->id,
		      e->mode);
	else
		w->fn(w->payload, w->path->buf, w->path->len, e->id, e->mode,
		      NULL, 0);
	return 0;
}

static int diff(struct walk *w, const unsigned char *a, const unsigned char *b)
{
	struct tree ta, tb;
	struct entry x, y;
	size_t base = w->path->len;
	int hx, hy, ret;

	if ((ret = tree_open(&ta, w->odb, a)))
		return ret;
	if ((ret = tree_open(&tb, w->odb, b))) {
		git_odb_object_free(ta.obj);
		return ret;
	}
	hx = tree_next(&ta, &x);
	hy = tree_next(&tb, &y);
	while (!ret && (hx || hy)) {
		int c = !hx ? 1 : !hy ? -1 : entry_cmp(&x, &y);

		path_push(w->path, base, c > 0 ? &y : &x);
		if (c < 0) {
			ret = one_side(w, &x, 0);
			hx = tree_next(&ta, &x);
			continue;
		}
		if (c > 0) {
			ret = one_side(w, &y, 1);
			hy = tree_next(&tb, &y);
			continue;
		}
		if (memcmp(x.id, y.id, 20) || x.mode != y.mode) {
			if (IS_DIR(x.mode))
				ret = diff(w, x.id, y.id);
			else
				w->fn(w->payload, w->path->buf, w->path->len,
				      x.id, x.mode, y.id, y.mode);
		}
		hx = tree_next(&ta, &x);
		hy = tree_next(&tb, &y);
	}
	strbuf_setlen(w->path, base);
	git_odb_object_free(ta.obj);
	git_odb_object_free(tb.obj);
	return ret;
}

int treediff_run(git_odb *odb, const unsigned char *old_tree,
		 const unsigned char *new_tree, struct strbuf *path,
		 treediff_fn fn, void *payload)
{
	struct walk w = { odb, path, fn, payload };

	strbuf_reset(path);
	if (old_tree && new_tree && !memcmp(old_tree, new_tree, 20))
		return 0;
	return diff(&w, old_tree, new_tree);
}
