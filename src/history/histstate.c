/*
 * Extending a history summary by new commits: a summary of HEAD' whose
 * history holds the summarised HEAD is the old summary plus the summary
 * of the commits that are new, joined here. What the summary alone
 * cannot be extended with is kept beside it (struct hstate): the ids of
 * the commits summed up (so the walk stops at them), the people the
 * commits name and the author each is (authors are resolved again over
 * everyone), and the coupling counts of every pair that ever changed
 * together (the thresholds are applied again to the sums). Sums, minima
 * and maxima join exactly; what does not (an author the new people
 * split, or move to another team) makes the caller replay instead.
 * Grouping by day or ticket, renames followed, --since, --until,
 * --max-commits, ranges and shallow clones are never joined: a new
 * commit can change what an old one counts for.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/history.h"
#include "carve/historylog.h"
#include "carve/xmalloc.h"

void hstate_release(struct hstate *st)
{
	if (!st)
		return;
	free(st->ids);
	free(st->people);
	hcouple_release(&st->coupling[0]);
	hcouple_release(&st->coupling[1]);
	free(st->large_time);
	free(st->left_out);
	arena_release(&st->arena);
	memset(st, 0, sizeof(*st));
}

static int by_id(const void *a, const void *b)
{
	return memcmp(a, b, 20);
}

static int by_name_email(const void *x, const void *y)
{
	const struct hstate_person *a = x, *b = y;
	int cmp = strcmp(a->name, b->name);

	return cmp ? cmp : strcmp(a->email, b->email);
}

void hstate_from_log(struct hstate *st, const struct hlog *log,
		     const uint32_t *person_author)
{
	free(st->ids);
	st->ids = xmalloc(log->nr * 20 + 1);
	for (size_t i = 0; i < log->nr; i++)
		memcpy(st->ids + 20 * i, log->commits[i].id, 20);
	st->ids_nr = log->nr;
	if (st->ids_nr)
		qsort(st->ids, st->ids_nr, 20, by_id);
	free(st->people);
	st->people = xcalloc(log->people_nr + 1, sizeof(*st->people));
	for (size_t i = 0; i < log->people_nr; i++) {
		st->people[i].name =
			arena_strdup(&st->arena, log->people[i].name);
		st->people[i].email =
			arena_strdup(&st->arena, log->people[i].email);
		st->people[i].latest = log->people[i].latest;
		st->people[i].author = person_author[i];
	}
	st->people_nr = log->people_nr;
	if (st->people_nr)
		qsort(st->people, st->people_nr, sizeof(*st->people),
		      by_name_email);
}

struct large_item {
	struct history_large large;
	int64_t time;
};

static int newest_large(const void *x, const void *y)
{
	const struct large_item *a = x, *b = y;

	if (a->time != b->time)
		return a->time > b->time ? -1 : 1;
	return strcmp(a->large.id, b->large.id);
}

void hstate_sort_large(struct history *h, int64_t *time)
{
	struct large_item *items = xmalloc((h->large_nr + 1) * sizeof(*items));

	for (size_t i = 0; i < h->large_nr; i++) {
		items[i].large = h->large[i];
		items[i].time = time[i];
	}
	if (h->large_nr)
		qsort(items, h->large_nr, sizeof(*items), newest_large);
	for (size_t i = 0; i < h->large_nr; i++) {
		h->large[i] = items[i].large;
		time[i] = items[i].time;
	}
	free(items);
}

/* ---- joining -------------------------------------------------------- */

/* The earliest of two times, 0 being none (as summary.c counts them). */
static int64_t earliest(int64_t a, int64_t b)
{
	if (!a)
		return b;
	if (!b)
		return a;
	return a < b ? a : b;
}

static int64_t latest(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

/*
 * Sets map[x] for every author x of `h` from the people of `st`:
 * people_index[p] is each person's index among everyone, final[] their
 * author now. 0, or 1 (with *why) when one author would become two or
 * change teams.
 */
static int map_authors(uint32_t *map, const struct history *h,
		       const struct hstate *st, const uint32_t *people_index,
		       const uint32_t *final, const struct history *out,
		       const char **why)
{
	for (size_t x = 0; x < h->authors_nr; x++)
		map[x] = HLOG_NONE;
	for (size_t p = 0; p < st->people_nr; p++) {
		uint32_t x = st->people[p].author;
		uint32_t f = final[people_index[p]];

		if (x == HLOG_NONE)
			continue;
		if (x >= h->authors_nr) {
			*why = "the state names an author the summary has not";
			return 1;
		}
		if (map[x] != HLOG_NONE && map[x] != f) {
			*why = "a new name or email splits an author";
			return 1;
		}
		map[x] = f;
	}
	for (size_t x = 0; x < h->authors_nr; x++) {
		if (map[x] == HLOG_NONE) {
			*why = "an author of the summary has no person";
			return 1;
		}
		if (out->authors[map[x]].team != h->authors[x].team) {
			*why = "a new name or email moves an author to "
			       "another team";
			return 1;
		}
	}
	return 0;
}

static int by_who(const void *x, const void *y)
{
	const struct history_share *a = x, *b = y;

	return a->who < b->who ? -1 : a->who > b->who;
}

/* The shares of one entity from both sides, renumbered and summed. */
static struct history_share *join_shares(size_t *nr,
					 const struct history_share *a,
					 size_t a_nr, const uint32_t *a_map,
					 const struct history_share *b,
					 size_t b_nr, const uint32_t *b_map)
{
	struct history_share *s = xcalloc(a_nr + b_nr + 1, sizeof(*s));
	size_t n = 0, k = 0;

	for (size_t i = 0; i < a_nr; i++) {
		s[n] = a[i];
		s[n++].who = a_map ? a_map[a[i].who] : a[i].who;
	}
	for (size_t i = 0; i < b_nr; i++) {
		s[n] = b[i];
		s[n++].who = b_map ? b_map[b[i].who] : b[i].who;
	}
	if (n)
		qsort(s, n, sizeof(*s), by_who);
	for (size_t i = 0; i < n; i++) {
		if (k && s[k - 1].who == s[i].who) {
			s[k - 1].revisions += s[i].revisions;
			s[k - 1].added += s[i].added;
			s[k - 1].deleted += s[i].deleted;
		} else {
			s[k++] = s[i];
		}
	}
	*nr = k;
	if (!k) {
		free(s);
		return NULL;
	}
	return s;
}

static void add_entity(struct history_entity *e, const struct history_entity *x)
{
	e->revisions += x->revisions;
	e->added += x->added;
	e->deleted += x->deleted;
	e->binary += x->binary;
	e->first = earliest(e->first, x->first);
	e->last = latest(e->last, x->last);
}

/*
 * Joins the files (level 0) or modules (1) of both sides by name into
 * out, setting a_map and b_map (each side's index -> out's). Returns 0,
 * or 1 when a file is in another module on each side.
 */
static int join_entities(struct history *out, int level,
			 const struct history *a, const uint32_t *a_authors,
			 uint32_t *a_map, const struct history *b,
			 const uint32_t *b_authors, uint32_t *b_map,
			 const char **why)
{
	const struct history_entity *ea = level ? a->modules : a->files;
	const struct history_entity *eb = level ? b->modules : b->files;
	size_t na = level ? a->modules_nr : a->files_nr;
	size_t nb = level ? b->modules_nr : b->files_nr;
	struct history_entity *e = xcalloc(na + nb + 1, sizeof(*e));
	size_t i = 0, j = 0, n = 0;

	while (i < na || j < nb) {
		int cmp = i == na   ? 1
			  : j == nb ? -1
				    : strcmp(ea[i].name, eb[j].name);
		const struct history_entity *x = cmp <= 0 ? &ea[i] : NULL;
		const struct history_entity *y = cmp >= 0 ? &eb[j] : NULL;
		struct history_entity *t = &e[n];

		t->name = arena_strdup(&out->arena, x ? x->name : y->name);
		t->module = x ? x->module : y->module; /* set again below */
		if (x && y && !level &&
		    strcmp(x->module ? x->module : "",
			   y->module ? y->module : "")) {
			*why = "a file is in another module";
			free(e);
			return 1;
		}
		if (x)
			add_entity(t, x);
		if (y)
			add_entity(t, y);
		t->authors = join_shares(&t->authors_nr, x ? x->authors : NULL,
					 x ? x->authors_nr : 0, a_authors,
					 y ? y->authors : NULL,
					 y ? y->authors_nr : 0, b_authors);
		t->teams = join_shares(&t->teams_nr, x ? x->teams : NULL,
				       x ? x->teams_nr : 0, NULL,
				       y ? y->teams : NULL, y ? y->teams_nr : 0,
				       NULL);
		if (x)
			a_map[i++] = (uint32_t)n;
		if (y)
			b_map[j++] = (uint32_t)n;
		n++;
	}
	if (level) {
		out->modules = e;
		out->modules_nr = n;
	} else {
		out->files = e;
		out->files_nr = n;
	}
	return 0;
}

static size_t module_at(const struct history *h, const char *name)
{
	size_t lo = 0, hi = h->modules_nr;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(h->modules[mid].name, name ? name : "");

		if (!cmp)
			return mid;
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return SIZE_MAX;
}

/* Adds the counts of `c` (entities renumbered by map) to out. */
/*
 * The pairs of one side's counts in key order, renumbered: the sorted
 * array and the map's pairs (sorted) merged as they are read. The maps
 * keep the order of names, so a < b still and the order holds.
 */
struct pair_iter {
	const struct hcouple_pair *s, *m;
	size_t s_nr, s_at, m_nr, m_at;
	const uint32_t *map;
	struct hcouple_pair *owned;
};

static void iter_init(struct pair_iter *it, const struct hcouple *c,
		      const uint32_t *map)
{
	memset(it, 0, sizeof(*it));
	it->s = c->sorted;
	it->s_nr = c->sorted_nr;
	it->m = it->owned = hcouple_map_pairs(c, &it->m_nr);
	it->map = map;
}

static const struct hcouple_pair *iter_peek(const struct pair_iter *it,
					    int *from_map)
{
	const struct hcouple_pair *a = it->s_at < it->s_nr ? &it->s[it->s_at]
							   : NULL;
	const struct hcouple_pair *b = it->m_at < it->m_nr ? &it->m[it->m_at]
							   : NULL;

	*from_map = !a || (b && b->key < a->key);
	return *from_map ? b : a;
}

static uint64_t remap(const struct pair_iter *it, uint64_t key)
{
	return (uint64_t)it->map[key >> 32] << 32 | it->map[(uint32_t)key];
}

static void join_coupling(struct hcouple *out, const struct hcouple *x,
			  const uint32_t *xmap, const struct hcouple *y,
			  const uint32_t *ymap)
{
	struct pair_iter a, b;

	out->changesets = x->changesets + y->changesets;
	out->large = x->large + y->large;
	for (size_t i = 0; i < x->revs_nr; i++)
		out->revs[xmap[i]] += x->revs[i];
	for (size_t i = 0; i < y->revs_nr; i++)
		out->revs[ymap[i]] += y->revs[i];
	iter_init(&a, x, xmap);
	iter_init(&b, y, ymap);
	out->sorted_alloc = a.s_nr + a.m_nr + b.s_nr + b.m_nr + 1;
	out->sorted = xmalloc(out->sorted_alloc * sizeof(*out->sorted));
	for (;;) {
		int am, bm;
		const struct hcouple_pair *p = iter_peek(&a, &am);
		const struct hcouple_pair *q = iter_peek(&b, &bm);
		uint64_t pk = p ? remap(&a, p->key) : 0;
		uint64_t qk = q ? remap(&b, q->key) : 0;
		struct hcouple_pair *o;

		if (!p && !q)
			break;
		o = &out->sorted[out->sorted_nr++];
		if (p && (!q || pk <= qk)) {
			o->key = pk;
			o->shared = p->shared;
			*(am ? &a.m_at : &a.s_at) += 1;
			if (q && pk == qk) {
				o->shared += q->shared;
				*(bm ? &b.m_at : &b.s_at) += 1;
			}
		} else {
			o->key = qk;
			o->shared = q->shared;
			*(bm ? &b.m_at : &b.s_at) += 1;
		}
	}
	free(a.owned);
	free(b.owned);
}

/* Checks that the state's counts fit the summary they came with. */
static int fits(const struct history *h, const struct hstate *st)
{
	return st->coupling[0].revs_nr <= h->files_nr &&
	       st->coupling[1].revs_nr <= h->modules_nr &&
	       st->large_nr == h->large_nr;
}

int hstate_merge(struct history **out, struct hstate *out_st,
		 const struct history *old, struct hstate *old_st,
		 const struct history *add, const struct hstate *add_st,
		 git_repository *repo, const struct history_options *o,
		 const char **why)
{
	struct history *h = xcalloc(1, sizeof(*h));
	struct hlog people = HLOG_INIT;
	uint32_t *old_people = NULL, *add_people = NULL, *final = NULL;
	uint32_t *old_authors = NULL, *add_authors = NULL;
	uint32_t *maps[4] = { NULL };
	int ret = 1;

	*out = NULL;
	memset(out_st, 0, sizeof(*out_st));
	if (!fits(old, old_st) || !fits(add, add_st)) {
		*why = "the state does not fit its summary";
		goto done;
	}
	/* everyone, resolved again */
	old_people = xmalloc((old_st->people_nr + 1) * sizeof(*old_people));
	add_people = xmalloc((add_st->people_nr + 1) * sizeof(*add_people));
	for (int side = 0; side < 2; side++) {
		const struct hstate *x = side ? add_st : old_st;
		uint32_t *index = side ? add_people : old_people;

		for (size_t p = 0; p < x->people_nr; p++) {
			struct hlog_person *q;

			index[p] = hlog_person(&people, x->people[p].name,
					       x->people[p].email);
			q = &people.people[index[p]];
			if (x->people[p].latest > q->latest)
				q->latest = x->people[p].latest;
		}
	}
	final = xmalloc((people.people_nr + 1) * sizeof(*final));
	if (history_authors(h, repo, &people, o->config, final) < 0) {
		*why = "the authors cannot be resolved";
		goto done;
	}
	if (old->teams_nr != h->teams_nr || add->teams_nr != h->teams_nr) {
		*why = "the teams are not the summary's";
		goto done;
	}
	old_authors = xmalloc((old->authors_nr + 1) * sizeof(*old_authors));
	add_authors = xmalloc((add->authors_nr + 1) * sizeof(*add_authors));
	if (map_authors(old_authors, old, old_st, old_people, final, h, why) ||
	    map_authors(add_authors, add, add_st, add_people, final, h, why))
		goto done;
	for (int side = 0; side < 2; side++) {
		const struct history *x = side ? add : old;
		const uint32_t *map = side ? add_authors : old_authors;

		for (size_t i = 0; i < x->authors_nr; i++) {
			struct history_author *a = &h->authors[map[i]];
			const struct history_author *b = &x->authors[i];

			a->commits += b->commits;
			a->added += b->added;
			a->deleted += b->deleted;
			a->first = earliest(a->first, b->first);
			a->last = latest(a->last, b->last);
		}
	}
	for (size_t a = 0; a < h->authors_nr; a++) {
		struct history_author *x = &h->authors[a];
		struct history_team *t;

		if (x->team < 0)
			continue;
		t = &h->teams[x->team];
		t->commits += x->commits;
		t->authors += x->commits > 0;
		t->added += x->added;
		t->deleted += x->deleted;
	}

	/* files and modules by name */
	maps[0] = xmalloc((old->files_nr + 1) * sizeof(*maps[0]));
	maps[1] = xmalloc((add->files_nr + 1) * sizeof(*maps[1]));
	maps[2] = xmalloc((old->modules_nr + 1) * sizeof(*maps[2]));
	maps[3] = xmalloc((add->modules_nr + 1) * sizeof(*maps[3]));
	if (join_entities(h, 0, old, old_authors, maps[0], add, add_authors,
			  maps[1], why) ||
	    join_entities(h, 1, old, old_authors, maps[2], add, add_authors,
			  maps[3], why))
		goto done;
	for (size_t f = 0; f < h->files_nr; f++) {
		size_t m = module_at(h, h->files[f].module);

		if (m == SIZE_MAX) {
			*why = "a file's module is not among the modules";
			goto done;
		}
		h->files[f].module = h->modules[m].name;
		h->modules[m].files++;
	}

	/* coupling: the counts summed, the thresholds again */
	for (int level = 0; level < 2; level++) {
		struct hcouple *c = &out_st->coupling[level];
		size_t nr = level ? h->modules_nr : h->files_nr;

		c->revs_nr = c->revs_alloc = nr;
		c->revs = xcalloc(nr + 1, sizeof(*c->revs));
		/* both in key order: one pass, as sorted arrays (millions of
		 * pairs on a large history, a third of a map's memory) */
		join_coupling(c, &old_st->coupling[level], maps[2 * level],
			      &add_st->coupling[level], maps[2 * level + 1]);
		hcouple_release(&old_st->coupling[level]);
	}
	hcouple_finish(&h->file_coupling, &out_st->coupling[0], o->min_revs,
		       o->min_shared, o->min_coupling);
	hcouple_finish(&h->module_coupling, &out_st->coupling[1], o->min_revs,
		       o->min_shared, o->min_coupling);

	/* the large changes of both, newest first */
	h->large_nr = old->large_nr + add->large_nr;
	h->large = xcalloc(h->large_nr + 1, sizeof(*h->large));
	out_st->large_time = xcalloc(h->large_nr + 1, sizeof(int64_t));
	for (size_t i = 0; i < h->large_nr; i++) {
		int second = i >= old->large_nr;
		const struct history *x = second ? add : old;
		size_t k = second ? i - old->large_nr : i;

		h->large[i].id = arena_strdup(&h->arena, x->large[k].id);
		h->large[i].files = x->large[k].files;
		out_st->large_time[i] =
			(second ? add_st : old_st)->large_time[k];
	}
	hstate_sort_large(h, out_st->large_time);
	out_st->large_nr = h->large_nr;

	/* the totals */
	memcpy(h->head, add->head, sizeof(h->head));
	h->commits = old->commits + add->commits;
	h->merges = old->merges + add->merges;
	h->analysed = old->analysed + add->analysed;
	h->missing = old->missing + add->missing;
	h->unreadable = old->unreadable + add->unreadable;
	h->cut = old->cut + add->cut;
	h->mined = add->mined;
	h->cached = old->mined + old->cached + add->cached;
	h->added = old->added + add->added;
	h->deleted = old->deleted + add->deleted;
	h->changes = old->changes + add->changes;
	h->binary = old->binary + add->binary;
	h->filtered = old->filtered + add->filtered;
	h->first = earliest(old->first, add->first);
	h->last = latest(old->last, add->last);
	h->now = add->commits ? add->now : old->now;

	/* authors in their final order; the state's people with them */
	history_sort_authors(h, final, people.people_nr);
	hstate_from_log(out_st, &people, final);
	out_st->ids_nr = old_st->ids_nr + add_st->ids_nr;
	free(out_st->ids);
	out_st->ids = xmalloc(out_st->ids_nr * 20 + 1);
	{
		size_t i = 0, j = 0, n = 0;

		while (i < old_st->ids_nr || j < add_st->ids_nr) {
			const unsigned char *x = old_st->ids + 20 * i;
			const unsigned char *y = add_st->ids + 20 * j;
			int cmp = i == old_st->ids_nr	? 1
				  : j == add_st->ids_nr ? -1
							: memcmp(x, y, 20);

			memcpy(out_st->ids + 20 * n++, cmp <= 0 ? x : y, 20);
			i += cmp <= 0;
			j += cmp >= 0;
		}
		out_st->ids_nr = n;
	}
	/* the paths left out by either */
	out_st->left_out =
		xcalloc(old_st->left_out_nr + add_st->left_out_nr + 1,
			sizeof(*out_st->left_out));
	{
		size_t i = 0, j = 0, n = 0;

		while (i < old_st->left_out_nr || j < add_st->left_out_nr) {
			const char *x = i < old_st->left_out_nr
						? old_st->left_out[i]
						: NULL;
			const char *y = j < add_st->left_out_nr
						? add_st->left_out[j]
						: NULL;
			int cmp = !x ? 1 : !y ? -1 : strcmp(x, y);

			out_st->left_out[n++] =
				arena_strdup(&out_st->arena, cmp <= 0 ? x : y);
			i += cmp <= 0;
			j += cmp >= 0;
		}
		out_st->left_out_nr = n;
	}
	memcpy(out_st->head, h->head, sizeof(out_st->head));
	*out = h;
	h = NULL;
	ret = 0;
done:
	if (ret)
		hstate_release(out_st);
	history_free(h);
	hlog_release(&people);
	free(old_people);
	free(add_people);
	free(final);
	free(old_authors);
	free(add_authors);
	for (int i = 0; i < 4; i++)
		free(maps[i]);
	return ret;
}
