/*
 * carve init's evidence of a migration under way: code leaving one
 * directory for another over a meaningful span of the history. Names
 * shared by the two trees (what git's history says one lost, what the
 * scan finds in the other) propose pairs; the sampled history
 * (snapshots.h) of the best few decides, so a folder that only grew, or
 * a one-commit reorganisation, is never declared a migration.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "carve/glob.h"
#include "carve/init_config.h"
#include "carve/model_history.h"
#include "carve/scan.h"
#include "carve/snapshots.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

#define MAX_DEPTH 2 /* directories "a" and "a/b" can be either side */
#define MAX_TRIED 3 /* pairs sampled, best first */
#define SAMPLE_DAYS 28
#define MIN_SHRINK 0.10 /* of the legacy side's peak since new code */
#define MAX_ONE_STEP 0.80 /* of the shrink, in a single interval */

/* A directory's names: the segment below it, extension dropped. */
struct area {
	const char *dir;
	struct strmap lost; /* name -> (uint64_t *) lines deleted there */
	struct strmap now; /* name -> (uint64_t *) code lines in the scan */
	struct strmap born; /* name -> (int64_t *) first change there */
	uint64_t code; /* code lines in the scan under it */
};

struct pair {
	struct area *from, *to;
	size_t names;
	uint64_t score; /* sum over names of min(lost, now) */
	int64_t began; /* the earliest first change of `to`'s names */
};

static struct area *area_of(struct strmap *areas, struct arena *a,
			    const char *dir, size_t len)
{
	char *key = arena_strndup(a, dir, len);
	struct area *x = strmap_get(areas, key);

	if (!x) {
		x = xcalloc(1, sizeof(*x));
		x->dir = key;
		strmap_put(areas, key, x);
	}
	return x;
}

static uint64_t *counter(struct strmap *m, struct arena *a, const char *k,
			 size_t len)
{
	char *key = arena_strndup(a, k, len);
	uint64_t *v = strmap_get(m, key);

	if (!v) {
		v = arena_alloc(a, sizeof(*v));
		*v = 0;
		strmap_put(m, key, v);
	}
	return v;
}

/*
 * Adds to each directory of `path` up to MAX_DEPTH that has a
 * name below it: "a/b/c.py" gives ("a", "b") and ("a/b", "c").
 */
static void each_area(struct strmap *areas, struct arena *a, const char *path,
		      uint64_t lost, uint64_t now, int64_t born)
{
	const char *slash = path;

	for (int d = 0; d < MAX_DEPTH && (slash = strchr(slash, '/')); d++) {
		const char *name = slash + 1, *end = strchr(name, '/');
		size_t len = end ? (size_t)(end - name) : strlen(name);
		struct area *x =
			area_of(areas, a, path, (size_t)(slash - path));

		if (!end) {
			const char *dot = memchr(name, '.', len);

			/* "users.py" and "users/" are one name */
			if (dot && dot > name)
				len = (size_t)(dot - name);
		}
		x->code += now;
		if (len) {
			*counter(&x->lost, a, name, len) += lost;
			*counter(&x->now, a, name, len) += now;
			if (born) {
				int64_t *b = (int64_t *)counter(&x->born, a,
								name, len);

				if (!*b || born < *b)
					*b = born;
			}
		}
		slash++;
	}
}

static int nested(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t n = la < lb ? la : lb;

	return !strncmp(a, b, n) && (la == lb || (la < lb ? b : a)[n] == '/');
}

static int by_score(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return strcmp(x->from->dir, y->from->dir)
		       ? strcmp(x->from->dir, y->from->dir)
		       : strcmp(x->to->dir, y->to->dir);
}

/*
 * The sampled series of one pair decides: from the first sample with
 * code in `to`, `from` must lose at least MIN_SHRINK of its peak, in at
 * least two intervals with no single one holding MAX_ONE_STEP of the
 * loss, while `to` gains code.
 */
static int confirm(struct init_move *mv, const struct pair *p, const char *root,
		   const struct init_moves_options *o, const char **why)
{
	struct glob_list legacy = GLOB_LIST_INIT, fresh = GLOB_LIST_INIT;
	struct snapshot_options so = { 0 };
	struct snapshots *s = NULL;
	struct strbuf lg = STRBUF_INIT, nw = STRBUF_INIT;
	uint64_t peak = 0, last_l, shrink = 0, step_max = 0;
	size_t i0, steps = 0;
	int ok = 0;

	strbuf_addf(&lg, "%s/**", p->from->dir);
	strbuf_addf(&nw, "%s/**", p->to->dir);
	glob_list_add(&legacy, lg.buf);
	glob_list_add(&fresh, nw.buf);
	so.interval = SAMPLE_DAYS * 86400;
	so.legacy = &legacy;
	so.new_paths = &fresh;
	so.config = o->config;
	so.cache_dir = o->cache_dir;
	so.threads = o->threads;
	so.deps_every = 0;
	*why = "too little history to sample";
	if (snapshots_run(&s, root, &so) || s->nr < 3)
		goto done;
	for (i0 = 0; i0 < s->nr && !s->points[i0].sum[SNAP_NEW].code; i0++)
		;
	*why = "the second holds code in fewer than three samples";
	if (i0 + 2 >= s->nr)
		goto done;
	/* from the sample before the new code: a rename moves both at once */
	for (size_t i = i0 ? i0 - 1 : 0; i < s->nr; i++) {
		uint64_t l = s->points[i].sum[SNAP_LEGACY].code;

		if (l > peak)
			peak = l;
		if (i && i >= i0 &&
		    l < s->points[i - 1].sum[SNAP_LEGACY].code) {
			uint64_t d = s->points[i - 1].sum[SNAP_LEGACY].code - l;

			shrink += d;
			steps++;
			if (d > step_max)
				step_max = d;
		}
	}
	last_l = s->points[s->nr - 1].sum[SNAP_LEGACY].code;
	*why = "the first did not lose 10% of its code since the second "
	       "began";
	if (!peak || (double)(peak - last_l) < MIN_SHRINK * (double)peak)
		goto done;
	*why = "the first lost its code in one step (a reorganisation)";
	if (steps < 2 || (double)step_max > MAX_ONE_STEP * (double)shrink)
		goto done;
	*why = "the second did not grow";
	if (s->points[s->nr - 1].sum[SNAP_NEW].code <=
	    s->points[i0].sum[SNAP_NEW].code)
		goto done;
	*why = NULL;
	mv->from = p->from->dir;
	mv->to = p->to->dir;
	mv->names = p->names;
	mv->peak = peak;
	mv->legacy_now = last_l;
	mv->new_now = s->points[s->nr - 1].sum[SNAP_NEW].code;
	mv->began = p->began;
	mv->until = s->last_commit;
	ok = 1;
done:
	snapshots_free(s);
	glob_list_release(&legacy);
	glob_list_release(&fresh);
	strbuf_release(&lg);
	strbuf_release(&nw);
	return ok;
}

/* Areas holding code now under one name (for the pairs below). */
struct holders {
	struct area **v;
	size_t nr, alloc;
};

static int by_dir(const void *a, const void *b)
{
	return strcmp((*(struct area *const *)a)->dir,
		      (*(struct area *const *)b)->dir);
}

/*
 * Every (from, to) pair sharing a name that `from` lost code under and
 * `to` holds code under, scored by the smaller of the two per name.
 */
static struct pair *pairs_of(size_t *out_nr, struct area **list, size_t nr,
			     struct arena *a)
{
	struct strmap held = STRMAP_INIT, index = STRMAP_INIT;
	struct strbuf key = STRBUF_INIT;
	struct pair *pairs = NULL;
	size_t npairs = 0, alloc = 0;
	struct strmap_entry *e;

	for (size_t j = 0; j < nr; j++)
		strmap_for_each (&list[j]->now, e) {
			struct holders *h = strmap_get(&held, e->key);

			if (!*(uint64_t *)e->value)
				continue;
			if (!h) {
				h = arena_alloc(a, sizeof(*h));
				memset(h, 0, sizeof(*h));
				strmap_put(&held, e->key, h);
			}
			ALLOC_GROW(h->v, h->nr + 1, h->alloc);
			h->v[h->nr++] = list[j];
		}
	for (size_t i = 0; i < nr; i++)
		strmap_for_each (&list[i]->lost, e) {
			uint64_t lost = *(uint64_t *)e->value;
			struct holders *h = strmap_get(&held, e->key);

			for (size_t k = 0; lost && h && k < h->nr; k++) {
				struct area *to = h->v[k];
				uint64_t now = *(uint64_t *)strmap_get(&to->now,
								       e->key);
				int64_t *born = strmap_get(&to->born, e->key);
				struct pair *p;
				size_t *slot;

				if (to == list[i] ||
				    nested(list[i]->dir, to->dir))
					continue;
				strbuf_reset(&key);
				strbuf_addf(&key, "%s\n%s", list[i]->dir,
					    to->dir);
				slot = strmap_get(&index, key.buf);
				if (!slot) {
					ALLOC_GROW(pairs, npairs + 1, alloc);
					memset(&pairs[npairs], 0,
					       sizeof(*pairs));
					pairs[npairs].from = list[i];
					pairs[npairs].to = to;
					slot = arena_alloc(a, sizeof(*slot));
					*slot = npairs++;
					strmap_put(&index,
						   arena_strdup(a, key.buf),
						   slot);
				}
				p = &pairs[*slot];
				p->names++;
				p->score += lost < now ? lost : now;
				if (born && *born &&
				    (!p->began || *born < p->began))
					p->began = *born;
			}
		}
	strmap_for_each (&held, e)
		free(((struct holders *)e->value)->v);
	strmap_release(&held);
	strmap_release(&index);
	strbuf_release(&key);
	*out_nr = npairs;
	return pairs;
}

int init_moves_find(struct init_move *mv, struct arena *keep,
		    const struct scan *scan, const struct history *h,
		    const struct init_moves_options *o)
{
	struct strmap areas = STRMAP_INIT, files = STRMAP_INIT;
	struct arena a = ARENA_INIT;
	struct area **list = NULL;
	struct pair *pairs = NULL;
	size_t nr = 0, alloc = 0, npairs = 0;
	struct strmap_entry *e;
	const char *why = NULL;
	int found = 0;

	memset(mv, 0, sizeof(*mv));
	if (!h || !scan->is_git)
		return 0;
	for (size_t f = 0; f < scan->nr; f++)
		if (scan->files[f].status == FILE_COUNTED)
			strmap_put(&files, scan->files[f].path,
				   (void *)&scan->files[f]);
	/* what each directory lost (history) and holds (scan), by name */
	for (size_t f = 0; f < h->files_nr; f++) {
		const struct history_entity *he = &h->files[f];
		const struct scan_file *sf = strmap_get(&files, he->name);

		each_area(&areas, &a, he->name, he->deleted,
			  sf ? sf->counts.code : 0, he->first);
	}
	strmap_for_each (&areas, e) {
		ALLOC_GROW(list, nr + 1, alloc);
		list[nr++] = e->value;
	}
	if (nr)
		qsort(list, nr, sizeof(*list), by_dir);
	pairs = pairs_of(&npairs, list, nr, &a);
	if (npairs)
		qsort(pairs, npairs, sizeof(*pairs), by_score);
	/*
	 * Both sides must still hold counted files: carve check refuses a
	 * "legacy" or "new" that matches none (a migration already over).
	 */
	for (size_t i = 0, tried = 0; i < npairs && tried < MAX_TRIED && !found;
	     i++) {
		if (!pairs[i].from->code || !pairs[i].to->code)
			continue;
		tried++;
		found = confirm(mv, &pairs[i], scan->root, o, &why);
		if (tried == 1 && !found) {
			/* the best candidate's verdict, for the comment */
			mv->from = pairs[i].from->dir;
			mv->to = pairs[i].to->dir;
			mv->names = pairs[i].names;
			mv->why_not = why;
		}
	}
	if (mv->from) {
		mv->from = arena_strdup(keep, mv->from);
		mv->to = arena_strdup(keep, mv->to);
	}
	if (found)
		mv->why_not = NULL;
	for (size_t i = 0; i < nr; i++) {
		strmap_release(&list[i]->lost);
		strmap_release(&list[i]->now);
		strmap_release(&list[i]->born);
		free(list[i]);
	}
	free(list);
	free(pairs);
	strmap_release(&areas);
	strmap_release(&files);
	arena_release(&a);
	return found;
}
