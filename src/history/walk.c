/*
 * The commit walk: the commits reachable from a revision, newest first
 * by committer date as `git log` lists them, read with libgit2's commit
 * parser. Not libgit2's revwalk: version 1.5 stops at the first missing
 * parent, so it could not walk a shallow clone at all.
 */
#include <errno.h>
#include <git2.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

#include "carve/error.h"
#include "carve/historylog.h"
#include "carve/oidmap.h"
#include "carve/progress.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/* A max-heap of commits by committer time, ties by id (deterministic). */
struct queue {
	git_commit **items;
	size_t nr, alloc;
};

static int newer(git_commit *a, git_commit *b)
{
	git_time_t ta = git_commit_time(a), tb = git_commit_time(b);

	if (ta != tb)
		return ta > tb;
	return git_oid_cmp(git_commit_id(a), git_commit_id(b)) < 0;
}

static void queue_push(struct queue *q, git_commit *c)
{
	size_t i;

	ALLOC_GROW(q->items, q->nr + 1, q->alloc);
	i = q->nr++;
	while (i && newer(c, q->items[(i - 1) / 2])) {
		q->items[i] = q->items[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	q->items[i] = c;
}

static git_commit *queue_pop(struct queue *q)
{
	git_commit *top, *last;
	size_t i = 0;

	if (!q->nr)
		return NULL;
	top = q->items[0];
	last = q->items[--q->nr];
	for (;;) {
		size_t child = 2 * i + 1;

		if (child >= q->nr)
			break;
		if (child + 1 < q->nr &&
		    newer(q->items[child + 1], q->items[child]))
			child++;
		if (!newer(q->items[child], last))
			break;
		q->items[i] = q->items[child];
		i = child;
	}
	if (q->nr)
		q->items[i] = last;
	return top;
}

static void parent_missing(const git_oid *pid, const git_commit *child)
{
	const git_error *e = git_error_last();
	char p[GIT_OID_HEXSZ + 1], c[GIT_OID_HEXSZ + 1];

	git_oid_tostr(p, sizeof(p), pid);
	git_oid_tostr(c, sizeof(c), git_commit_id(child));
	warning("cannot read commit %s, parent of %s: %s; history stops "
		"there",
		p, c, e && e->message ? e->message : "not found");
	git_error_clear();
}

/* The commits a shallow clone's history stops at (<gitdir>/shallow). */
static void read_shallow(struct oidmap *set, git_repository *repo)
{
	struct strbuf path = STRBUF_INIT, sb = STRBUF_INIT;
	int added, ret;

	/* (read into a buffer of its own: the content is appended) */
	strbuf_addf(&path, "%s/shallow", git_repository_path(repo));
	ret = strbuf_read_file(&sb, path.buf, 1 << 26);
	strbuf_release(&path);
	if (ret) {
		strbuf_release(&sb);
		return;
	}
	for (char *line = sb.buf; *line;) {
		char *end = strchr(line, '\n');
		git_oid id;

		if (end)
			*end = '\0';
		if (!git_oid_fromstrn(&id, line, strlen(line)) &&
		    strlen(line) == GIT_OID_HEXSZ)
			oidmap_insert(set, id.id, &added);
		line = end ? end + 1 : line + strlen(line);
	}
	strbuf_release(&sb);
}

/* Marks every ancestor of `from` (the A of A..B) as hidden. */
static int hide_ancestors(struct oidmap *hidden, git_repository *repo,
			  const git_oid *from)
{
	git_oid *stack = NULL;
	size_t nr = 0, alloc = 0;
	int added;

	ALLOC_GROW(stack, nr + 1, alloc);
	stack[nr++] = *from;
	while (nr) {
		git_oid id = stack[--nr];
		git_commit *c;

		oidmap_insert(hidden, id.id, &added);
		if (!added || git_commit_lookup(&c, repo, &id) < 0)
			continue;
		for (unsigned i = 0; i < git_commit_parentcount(c); i++) {
			ALLOC_GROW(stack, nr + 1, alloc);
			stack[nr++] = *git_commit_parent_id(c, i);
		}
		git_commit_free(c);
	}
	git_error_clear();
	free(stack);
	return 0;
}

/*
 * An author's name in the commit's declared encoding (the "encoding"
 * header), converted to UTF-8; bytes that are still not UTF-8 are
 * replaced when the name is interned.
 */
static void to_utf8(struct strbuf *out, const char *s, const char *encoding)
{
	iconv_t cd;
	char *in = (char *)s, *o;
	size_t inleft = strlen(s), outleft;

	strbuf_reset(out);
	if (!encoding || !strcasecmp(encoding, "UTF-8") ||
	    !strcasecmp(encoding, "utf8") ||
	    (cd = iconv_open("UTF-8", encoding)) == (iconv_t)-1) {
		strbuf_addstr(out, s);
		return;
	}
	strbuf_grow(out, 4 * inleft + 1);
	o = out->buf;
	outleft = 4 * inleft;
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		strbuf_reset(out);
		strbuf_addstr(out, s);
	} else {
		strbuf_setlen(out, (size_t)(o - out->buf));
	}
	iconv_close(cd);
}

static void record(struct hlog *log, git_commit *c, struct strbuf *name,
		   struct strbuf *email)
{
	const git_signature *author = git_commit_author(c);
	const char *enc = git_commit_message_encoding(c);
	struct hlog_commit *hc;
	struct strbuf tmp = STRBUF_INIT;

	ALLOC_GROW(log->commits, log->nr + 1, log->alloc);
	hc = &log->commits[log->nr++];
	memset(hc, 0, sizeof(*hc));
	memcpy(hc->id, git_commit_id(c)->id, 20);
	memcpy(hc->tree, git_commit_tree_id(c)->id, 20);
	hc->parents = git_commit_parentcount(c);
	if (hc->parents)
		memcpy(hc->parent, git_commit_parent_id(c, 0)->id, 20);
	if (hc->parents > 1)
		hc->flags |= HLOG_MERGE;
	hc->commit_time = git_commit_time(c);
	hc->time = author ? author->when.time : hc->commit_time;
	hc->tz = author ? author->when.offset : 0;
	to_utf8(name, author && author->name ? author->name : "", enc);
	to_utf8(&tmp, author && author->email ? author->email : "", enc);
	strbuf_reset(email);
	strbuf_addstr(email, tmp.buf);
	hc->author = hlog_person(log, name->buf, email->buf);
	if (hc->commit_time > log->people[hc->author].latest)
		log->people[hc->author].latest = hc->commit_time;
	strbuf_release(&tmp);
}

static int by_id(const void *a, const void *b)
{
	return memcmp(a, b, 20);
}

/* In o->known (sorted)? Sets *o->reached when it is o->reach. */
static int known(const struct hlog_walk_options *o, const unsigned char *id)
{
	if (!o->known_nr || !bsearch(id, o->known, o->known_nr, 20, by_id))
		return 0;
	if (o->reach && o->reached && !memcmp(id, o->reach, 20))
		*o->reached = 1;
	return 1;
}

int hlog_walk(struct hlog *log, git_repository *repo,
	      const struct hlog_walk_options *o)
{
	const char *rev = o->rev ? o->rev : "HEAD";
	struct oidmap seen = OIDMAP_INIT, hidden = OIDMAP_INIT;
	struct oidmap shallow = OIDMAP_INIT;
	struct queue q = { 0 };
	struct strbuf name = STRBUF_INIT, email = STRBUF_INIT;
	git_revspec spec = { 0 };
	git_object *start = NULL;
	git_commit *c = NULL;
	struct progress *progress = NULL;
	size_t kept = 0;
	int ret = 0, added;

	log->shallow = git_repository_is_shallow(repo) == 1;
	if (!o->rev && git_repository_head_unborn(repo) == 1)
		return 0; /* no commits yet: an empty history */
	if (git_revparse(&spec, repo, rev) < 0) {
		ret = error("cannot resolve revision '%s': %s", rev,
			    git_error_last() ? git_error_last()->message
					     : "unknown");
		goto done;
	}
	if (spec.flags & GIT_REVSPEC_MERGE_BASE) {
		ret = error("'%s': A...B ranges are not supported; use A..B",
			    rev);
		goto done;
	}
	if (spec.flags & GIT_REVSPEC_RANGE) {
		git_object *from = NULL;

		if (git_object_peel(&from, spec.from, GIT_OBJECT_COMMIT) < 0) {
			ret = error("'%s' does not name a commit", rev);
			goto done;
		}
		hide_ancestors(&hidden, repo, git_object_id(from));
		git_object_free(from);
		if (git_object_peel(&start, spec.to, GIT_OBJECT_COMMIT) < 0) {
			ret = error("'%s' does not name a commit", rev);
			goto done;
		}
	} else if (git_object_peel(&start, spec.from, GIT_OBJECT_COMMIT) < 0) {
		ret = error("'%s' does not name a commit", rev);
		goto done;
	}
	git_oid_tostr(log->head, sizeof(log->head), git_object_id(start));
	read_shallow(&shallow, repo);
	if (oidmap_find(&hidden, git_object_id(start)->id))
		goto done; /* B is an ancestor of A: nothing to show */
	if (known(o, git_object_id(start)->id))
		goto done; /* summed up already */
	if (git_commit_lookup(&c, repo, git_object_id(start)) < 0) {
		ret = error("cannot read commit %s", log->head);
		goto done;
	}
	oidmap_insert(&seen, git_commit_id(c)->id, &added);
	queue_push(&q, c);
	c = NULL;
	progress = progress_start("history", "commits walked", 0);
	while ((c = queue_pop(&q))) {
		int64_t t = git_commit_time(c);
		int old = o->since && t < o->since;
		int cut = oidmap_find(&shallow, git_commit_id(c)->id) != NULL;

		if (!old && !(o->until && t > o->until)) {
			record(log, c, &name, &email);
			kept++;
			progress_add(progress, 1);
		}
		for (unsigned i = 0;
		     !old && !cut && i < git_commit_parentcount(c); i++) {
			const git_oid *pid = git_commit_parent_id(c, i);
			git_commit *parent;

			if (oidmap_find(&hidden, pid->id) || known(o, pid->id))
				continue;
			oidmap_insert(&seen, pid->id, &added);
			if (!added)
				continue;
			if (git_commit_lookup(&parent, repo, pid) < 0) {
				/*
				 * a parent that is not there (not a shallow
				 * clone's, those stop above): a missing or
				 * corrupt object; history stops, and says why
				 */
				parent_missing(pid, c);
				log->broken++;
				cut |= i == 0;
				continue;
			}
			queue_push(&q, parent);
		}
		if (cut && log->nr &&
		    !memcmp(log->commits[log->nr - 1].id, git_commit_id(c)->id,
			    20)) {
			log->commits[log->nr - 1].flags |= HLOG_CUT;
			log->cut++;
		}
		git_commit_free(c);
		c = NULL;
		if (o->max_commits && kept >= o->max_commits)
			break;
	}
done:
	progress_stop(progress);
	while ((c = queue_pop(&q)))
		git_commit_free(c);
	free(q.items);
	git_object_free(start);
	git_object_free(spec.from);
	git_object_free(spec.to);
	oidmap_release(&seen);
	oidmap_release(&hidden);
	oidmap_release(&shallow);
	strbuf_release(&name);
	strbuf_release(&email);
	return ret;
}
