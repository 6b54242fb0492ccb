/*
 * Sampled snapshots for the burndown: the first-parent chain of a
 * revision, one commit per interval (or per tag), and at each sample the
 * code lines of the legacy, new and other paths. The first sample's tree
 * is listed whole; each later one is reached by the tree diff from the
 * previous sample, so only changed paths are looked at, and each blob's
 * lines come from the blob counter (counted once, cached by id).
 */
#include <git2.h>
#include <stdlib.h>
#include <string.h>

#include "carve/blobcount.h"
#include "carve/config.h"
#include "carve/error.h"
#include "carve/filelist.h"
#include "carve/exclude.h"
#include "carve/historylog.h"
#include "carve/oidmap.h"
#include "carve/progress.h"
#include "carve/snapshots.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

struct link {
	unsigned char id[20], tree[20];
	int64_t time;
};

struct sample {
	int64_t date;
	const struct link *at;
	const char *tag;
};

struct change {
	const char *path;
	unsigned char old_id[20], new_id[20];
	int has_old, has_new;
};

struct step {
	struct change *v;
	size_t nr, alloc;
	struct arena arena;
	const struct exclude_rules *ex;
};

#define IS_FILE(m) (((m)&0170000) == 0100000)

static void hex(char *out, const unsigned char *id)
{
	for (int i = 0; i < 20; i++)
		snprintf(out + 2 * i, 3, "%02x", id[i]);
}

static int64_t monday(int64_t t)
{
	int64_t day = t >= 0 ? t / 86400 : (t - 86399) / 86400;

	/* 1970-01-01 was a Thursday: day 0 is three days after a Monday */
	return (day - ((day % 7 + 7 + 3) % 7)) * 86400;
}

size_t snapshots_dates(int64_t **out, int64_t first, int64_t last,
		       int64_t since, int64_t until, int64_t interval)
{
	int64_t from = since ? since : first, end = until ? until : last;
	int64_t base, d;
	size_t nr = 0, alloc = 0;

	*out = NULL;
	if (interval <= 0 || end < from)
		return 0;
	/* weeks start on Monday; other intervals on a UTC day */
	base = interval % SNAPSHOT_WEEK == 0
		       ? monday(from)
		       : from - (from % 86400 + 86400) % 86400;
	for (d = base + interval;; d += interval) {
		ALLOC_GROW(*out, nr + 1, alloc);
		(*out)[nr++] = d;
		if (d > end)
			break;
	}
	return nr;
}

/* The first-parent chain from `rev`, oldest first. */
static int walk_chain(struct link **out, size_t *nr, char *head,
		      git_repository *repo, const char *rev)
{
	git_object *obj = NULL, *peeled = NULL;
	git_commit *c = NULL;
	size_t alloc = 0;
	int ret = 0;

	*out = NULL;
	*nr = 0;
	if (git_revparse_single(&obj, repo, rev) < 0) {
		ret = error_code(CARVE_EINVALID, "cannot resolve '%s': %s", rev,
				 git_error_last() ? git_error_last()->message
						  : "unknown revision");
		goto done;
	}
	if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) < 0) {
		ret = error_code(CARVE_EINVALID, "'%s' names no commit", rev);
		goto done;
	}
	git_object_free(obj);
	obj = peeled;
	hex(head, (const unsigned char *)git_object_id(obj));
	/*
	 * Parent by parent rather than with a revwalk: libgit2's revwalk
	 * yields nothing when a parent is absent (a shallow clone, a
	 * missing object), where the chain should end at the last commit.
	 */
	if (git_commit_lookup(&c, repo, git_object_id(obj)) < 0) {
		ret = error("cannot read commit %s of '%s'", head, rev);
		goto done;
	}
	while (c) {
		git_commit *parent = NULL;

		ALLOC_GROW(*out, *nr + 1, alloc);
		memcpy((*out)[*nr].id, git_commit_id(c)->id, 20);
		memcpy((*out)[*nr].tree, git_commit_tree_id(c)->id, 20);
		(*out)[*nr].time = (int64_t)git_commit_time(c);
		(*nr)++;
		if (git_commit_parentcount(c) &&
		    git_commit_parent(&parent, c, 0) < 0)
			parent = NULL; /* cut (shallow) or missing: it ends */
		git_commit_free(c);
		c = parent;
	}
	git_error_clear();
	for (size_t i = 0; i < *nr / 2; i++) {
		struct link t = (*out)[i];

		(*out)[i] = (*out)[*nr - 1 - i];
		(*out)[*nr - 1 - i] = t;
	}
done:
	git_object_free(obj);
	return ret;
}

/*
 * The newest commit of the chain dated before `date` (as `git rev-list
 * --first-parent -1 --until=<date - 1s>`), or NULL: with dates out of
 * order, the chain's order decides, not the dates.
 */
static const struct link *at_date(const struct link *chain, size_t nr,
				  int64_t date)
{
	for (size_t i = nr; i-- > 0;)
		if (chain[i].time < date)
			return &chain[i];
	return NULL;
}

struct tag_ctx {
	git_repository *repo;
	struct oidmap *reachable; /* commit id -> its link */
	struct sample *v;
	size_t nr, alloc;
	struct arena *arena;
};

static int tag_fn(const char *name, git_oid *oid, void *payload)
{
	struct tag_ctx *t = payload;
	git_object *ref = NULL, *obj = NULL;
	struct oidmap_entry *e;
	int bad;

	(void)oid;
	bad = git_revparse_single(&ref, t->repo, name) < 0 ||
	      git_object_peel(&obj, ref, GIT_OBJECT_COMMIT) < 0;
	git_object_free(ref);
	if (bad) {
		git_error_clear();
		git_object_free(obj);
		return 0; /* a tag of a tree or blob */
	}
	e = oidmap_find(t->reachable, git_object_id(obj)->id);
	if (e) {
		ALLOC_GROW(t->v, t->nr + 1, t->alloc);
		t->v[t->nr].at = e->value;
		t->v[t->nr].date = ((const struct link *)e->value)->time;
		t->v[t->nr].tag = arena_strdup(
			t->arena,
			name + (strncmp(name, "refs/tags/", 10) ? 0 : 10));
		t->nr++;
	}
	git_object_free(obj);
	return 0;
}

static int by_date_then_tag(const void *a, const void *b)
{
	const struct sample *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return strcmp(x->tag, y->tag);
}

/*
 * One sample per tag whose commit is reachable from the head (any
 * parent, not only the first), dated by that commit.
 */
static int tag_samples(struct sample **out, size_t *nr, git_repository *repo,
		       const unsigned char *head, struct link **extra,
		       struct arena *arena)
{
	struct oidmap reachable = OIDMAP_INIT;
	struct tag_ctx t = { repo, &reachable, NULL, 0, 0, arena };
	git_revwalk *walk = NULL;
	git_oid oid;
	size_t n = 0, alloc = 0;

	*extra = NULL;
	if (git_revwalk_new(&walk, repo) < 0 ||
	    git_revwalk_push(walk, (const git_oid *)head) < 0)
		return error("cannot walk the history: %s",
			     git_error_last() ? git_error_last()->message : "");
	while (git_revwalk_next(&oid, walk) == 0) {
		ALLOC_GROW(*extra, n + 1, alloc);
		memcpy((*extra)[n].id, oid.id, 20);
		n++;
	}
	git_error_clear();
	git_revwalk_free(walk);
	for (size_t i = 0; i < n; i++) {
		int added;
		git_commit *c;

		if (git_commit_lookup(&c, repo,
				      (const git_oid *)(*extra)[i].id) < 0) {
			git_error_clear();
			continue;
		}
		memcpy((*extra)[i].tree, git_commit_tree_id(c)->id, 20);
		(*extra)[i].time = (int64_t)git_commit_time(c);
		git_commit_free(c);
		oidmap_insert(&reachable, (*extra)[i].id, &added)->value =
			&(*extra)[i];
	}
	git_tag_foreach(repo, tag_fn, &t);
	git_error_clear();
	oidmap_release(&reachable);
	if (t.nr)
		qsort(t.v, t.nr, sizeof(*t.v), by_date_then_tag);
	*out = t.v;
	*nr = t.nr;
	return 0;
}

static void change_fn(void *payload, const char *path, size_t len,
		      const unsigned char *old_id, unsigned old_mode,
		      const unsigned char *new_id, unsigned new_mode)
{
	struct step *s = payload;
	int has_old = old_id && IS_FILE(old_mode);
	int has_new = new_id && IS_FILE(new_mode);
	struct change *c;
	char why[512];

	if (!has_old && !has_new)
		return; /* symbolic links, submodules */
	if (exclude_by_path(s->ex, path, why, sizeof(why)))
		return; /* as carve scan leaves it out */
	ALLOC_GROW(s->v, s->nr + 1, s->alloc);
	c = &s->v[s->nr++];
	c->path = arena_strndup(&s->arena, path, len);
	c->has_old = has_old;
	c->has_new = has_new;
	if (has_old)
		memcpy(c->old_id, old_id, 20);
	if (has_new)
		memcpy(c->new_id, new_id, 20);
}

int snapshots_class(const struct snapshot_options *o, const char *path)
{
	if (o->new_paths && glob_list_match(o->new_paths, path))
		return SNAP_NEW;
	if (!o->legacy || !o->legacy->nr || glob_list_match(o->legacy, path))
		return SNAP_LEGACY;
	return SNAP_OTHER;
}

/*
 * Applies one step's changes to the sums of p (copied from the previous
 * sample) and returns the code lines added to legacy files: growth of a
 * file, or a new file that is not an exact move of a deleted one.
 */
static uint64_t apply(struct snapshot_point *p, struct step *s,
		      struct blobcount *bc, const struct snapshot_options *o)
{
	const unsigned char **ids = xmalloc((2 * s->nr + 1) * sizeof(*ids));
	const char **paths = xmalloc((2 * s->nr + 1) * sizeof(*paths));
	struct oidmap moved = OIDMAP_INIT;
	int64_t sum[SNAP_CLASSES][2] = { { 0 } };
	uint64_t added = 0;
	size_t n = 0;

	for (size_t i = 0; i < s->nr; i++) {
		if (s->v[i].has_old) {
			ids[n] = s->v[i].old_id;
			paths[n++] = s->v[i].path;
		}
		if (s->v[i].has_new) {
			ids[n] = s->v[i].new_id;
			paths[n++] = s->v[i].path;
		}
	}
	blobcount_fill(bc, ids, paths, n);
	/* deleted legacy blobs: the same blob added elsewhere is a move */
	for (size_t i = 0; i < s->nr; i++) {
		int dummy;

		if (s->v[i].has_old && !s->v[i].has_new &&
		    snapshots_class(o, s->v[i].path) == SNAP_LEGACY)
			oidmap_insert(&moved, s->v[i].old_id, &dummy);
	}
	for (size_t i = 0; i < s->nr; i++) {
		const struct change *c = &s->v[i];
		int k = snapshots_class(o, c->path);
		const struct blobcount_result *a = NULL, *b = NULL;
		int64_t before = 0, after = 0;

		if (c->has_old &&
		    (a = blobcount_find(bc, c->old_id, c->path))) {
			before = a->code;
			sum[k][0] -= a->code;
			sum[k][1] -= a->counted;
		}
		if (c->has_new &&
		    (b = blobcount_find(bc, c->new_id, c->path))) {
			after = b->code;
			sum[k][0] += b->code;
			sum[k][1] += b->counted;
		}
		if (k != SNAP_LEGACY || after <= before)
			continue;
		if (!c->has_old && oidmap_find(&moved, c->new_id))
			continue;
		added += (uint64_t)(after - before);
	}
	for (int k = 0; k < SNAP_CLASSES; k++) {
		p->sum[k].code =
			(uint64_t)((int64_t)p->sum[k].code + sum[k][0]);
		p->sum[k].files =
			(uint64_t)((int64_t)p->sum[k].files + sum[k][1]);
	}
	oidmap_release(&moved);
	free(ids);
	free(paths);
	return added;
}

/* Where the migration starts, and the scope added since, per sample. */
static void set_start(struct snapshots *s, const struct snapshot_options *o,
		      const uint64_t *added)
{
	uint64_t scope = 0;

	if (o->start) {
		s->start = o->start;
	} else {
		s->start = s->nr ? s->points[0].date : 0;
		s->start_source = "first sample";
		/* the last sample before new code appears */
		for (size_t i = 0; i < s->nr; i++)
			if (s->points[i].sum[SNAP_NEW].code) {
				s->start = s->points[i ? i - 1 : 0].date;
				s->start_source = "the sample before the first "
						  "new code";
				break;
			}
	}
	for (size_t i = 0; i < s->nr; i++) {
		if (i && s->points[i - 1].date >= s->start)
			scope += added[i];
		s->points[i].scope_added = scope;
	}
}

int snapshots_run(struct snapshots **out, const char *root,
		  const struct snapshot_options *o)
{
	struct snapshots *s = xcalloc(1, sizeof(*s));
	git_repository *repo = NULL;
	git_odb *odb = NULL;
	struct link *chain = NULL, *tagged = NULL;
	struct sample *samples = NULL;
	size_t chain_nr = 0, samples_nr = 0;
	struct exclude_rules ex = EXCLUDE_RULES_INIT;
	struct step step = { 0 };
	struct strbuf path = STRBUF_INIT, dir = STRBUF_INIT;
	struct blobcount *bc = NULL;
	struct snapdeps *deps = NULL;
	struct progress *progress = NULL;
	const unsigned char *prev = NULL;
	uint64_t *added = NULL;
	int ret = 0;

	*out = NULL;
	if ((ret = filelist_repo_open(&repo, root, 0)) == CARVE_EINVALID)
		goto done;
	if (ret) {
		ret = error_code(CARVE_EINVALID,
				 "'%s' is not in a git repository: the actual "
				 "burndown is read from its history",
				 root);
		goto done;
	}
	hlog_tune_libgit2();
	if (git_repository_odb(&odb, repo) < 0) {
		ret = error("cannot open the objects of '%s'", root);
		goto done;
	}
	if (git_repository_head_unborn(repo) == 1 && !o->rev) {
		ret = error_code(CARVE_EINVALID,
				 "'%s' has no commits yet: no history to "
				 "sample",
				 root);
		goto done;
	}
	if ((ret = walk_chain(&chain, &chain_nr, s->head, repo,
			      o->rev ? o->rev : "HEAD")))
		goto done;
	for (size_t i = 0; i < chain_nr; i++) {
		if (!i || chain[i].time < s->first_commit)
			s->first_commit = chain[i].time;
		if (!i || chain[i].time > s->last_commit)
			s->last_commit = chain[i].time;
		if (i && chain[i].time < chain[i - 1].time)
			s->out_of_order++;
	}
	s->chain = chain_nr;
	s->all_legacy = !o->legacy || !o->legacy->nr;
	s->start_source = o->start ? "option" : NULL;
	if (o->by_tag) {
		unsigned char head[20];

		for (int i = 0; i < 20; i++) {
			unsigned v;

			sscanf(s->head + 2 * i, "%2x", &v);
			head[i] = (unsigned char)v;
		}
		if ((ret = tag_samples(&samples, &samples_nr, repo, head,
				       &tagged, &s->arena)))
			goto done;
	} else {
		int64_t *dates;
		size_t nr = snapshots_dates(
			&dates, s->first_commit, s->last_commit, o->since,
			o->until, o->interval ? o->interval : SNAPSHOT_WEEK);

		samples = xcalloc(nr + 1, sizeof(*samples));
		for (size_t i = 0; i < nr; i++) {
			const struct link *l =
				at_date(chain, chain_nr, dates[i]);

			if (!l) {
				s->before_first++;
				continue;
			}
			samples[samples_nr].date = dates[i];
			samples[samples_nr++].at = l;
		}
		free(dates);
	}
	/* sampling range for tags too */
	{
		size_t k = 0;

		for (size_t i = 0; i < samples_nr; i++)
			if ((!o->since || samples[i].date >= o->since) &&
			    (!o->until || samples[i].date <= o->until))
				samples[k++] = samples[i];
		samples_nr = k;
	}
	ex.config = o->config ? &o->config->exclude : NULL;
	ex.config_path = o->config ? o->config->path : NULL;
	step.ex = &ex;
	if (!o->no_cache) {
		if (o->cache_dir)
			strbuf_addstr(&dir, o->cache_dir);
		else
			strbuf_addf(&dir, "%scarve", git_repository_path(repo));
	}
	bc = blobcount_new(git_repository_path(repo), o->threads,
			   o->no_cache ? NULL : dir.buf,
			   o->max_blob_size ? o->max_blob_size : (16ULL << 20),
			   &ex);
	s->deps_every = o->deps_every >= 0 ? o->deps_every
					   : (int)((samples_nr + 23) / 24);
	if (o->deps_every < 0 && s->deps_every < 1)
		s->deps_every = 1;
	if (s->deps_every > 0)
		deps = snapdeps_new(git_repository_path(repo), root, o, &ex);
	s->points = xcalloc(samples_nr + 1, sizeof(*s->points));
	added = xcalloc(samples_nr + 1, sizeof(*added));
	progress = progress_start("sampling history", "samples", samples_nr);
	for (size_t i = 0; i < samples_nr; i++) {
		struct snapshot_point *p = &s->points[s->nr];
		const struct link *l = samples[i].at;

		if (s->nr)
			*p = s->points[s->nr - 1];
		p->date = samples[i].date;
		hex(p->commit, l->id);
		p->commit_time = l->time;
		p->tag = samples[i].tag;
		p->deps_to_legacy = p->violations = -1;
		step.nr = 0;
		if (treediff_run(odb, prev, l->tree, &path, change_fn, &step) <
		    0) {
			warning("tree of commit %s is missing: sample of %s "
				"left out",
				p->commit, p->tag ? p->tag : "its date");
			s->missing++;
			arena_release(&step.arena);
			progress_add(progress, 1);
			continue;
		}
		added[s->nr] = apply(p, &step, bc, o);
		arena_release(&step.arena);
		prev = l->tree;
		if (deps && (s->nr % (size_t)s->deps_every == 0 ||
			     i + 1 == samples_nr)) {
			if (!snapdeps_point(deps, odb, l->tree,
					    &p->deps_to_legacy, &p->violations))
				s->dep_points++;
		}
		s->nr++;
		progress_add(progress, 1);
	}
	progress_stop(progress);
	set_start(s, o, added);
	{
		size_t counted, cached, missing;

		blobcount_stats(bc, &counted, &cached, &missing);
		s->blobs_counted = counted;
		s->blobs_cached = cached;
		s->missing += missing;
	}
	if (blobcount_cache_path(bc))
		s->cache_path = xstrdup(blobcount_cache_path(bc));
	blobcount_save(bc);
	*out = s;
	s = NULL;
done:
	snapshots_free(s);
	snapdeps_free(deps);
	blobcount_free(bc);
	free(step.v);
	free(samples);
	free(chain);
	free(tagged);
	free(added);
	strbuf_release(&path);
	strbuf_release(&dir);
	glob_list_release(&ex.user);
	git_odb_free(odb);
	git_repository_free(repo);
	return ret;
}

void snapshots_free(struct snapshots *s)
{
	if (!s)
		return;
	free(s->points);
	free(s->cache_path);
	arena_release(&s->arena);
	free(s);
}
