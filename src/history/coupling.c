/*
 * Change coupling as code-maat defines it (coupling_algos.clj,
 * logical_coupling.clj): changes with more entities than the size limit
 * are left out; in the others, every pair of entities shares one
 * revision; an entity's revisions are the changes it appears in; the
 * degree is shared revisions over the average of the two entities'
 * revisions, in percent. A pair is kept when the average is at least
 * min-revs, the shared revisions at least min-shared and the degree at
 * least min-coupling; the pairs each threshold removed are counted so an
 * empty result explains itself. Memory grows with the pairs that ever
 * changed together, not with the number of changes: changes are added
 * one at a time (hcouple_add) and the counts kept, so a summary can be
 * extended with new commits (histstate.c) and the thresholds applied
 * again (hcouple_finish).
 */
#include <stdlib.h>
#include <string.h>

#include "carve/history.h"
#include "carve/historylog.h"
#include "carve/u64map.h"
#include "carve/xmalloc.h"

static int by_degree(const void *x, const void *y)
{
	const struct history_pair *a = x, *b = y;
	size_t sa = a->revs_a + a->revs_b, sb = b->revs_a + b->revs_b;

	/* code-maat's order: degree (rounded down), then average revisions */
	if (a->degree != b->degree)
		return a->degree > b->degree ? -1 : 1;
	if (sa != sb)
		return sa > sb ? -1 : 1;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

void hcouple_add(struct hcouple *c, const uint32_t *set, size_t n, size_t size,
		 size_t max_changeset)
{
	if (size > max_changeset) {
		c->large++;
		return;
	}
	c->changesets++;
	for (size_t j = 0; j < n; j++) {
		if (set[j] >= c->revs_nr) {
			size_t old = c->revs_nr;

			c->revs_nr = set[j] + 1;
			ALLOC_GROW(c->revs, c->revs_nr, c->revs_alloc);
			memset(c->revs + old, 0,
			       (c->revs_nr - old) * sizeof(*c->revs));
		}
		c->revs[set[j]]++;
		for (size_t k = 0; k < n; k++) {
			uint64_t pair = (uint64_t)set[j] << 32 | set[k];
			int added;

			if (set[j] < set[k])
				u64map_insert(&c->pairs, pair, &added)->value++;
		}
	}
}

static int by_key(const void *x, const void *y)
{
	const struct hcouple_pair *a = x, *b = y;

	return a->key < b->key ? -1 : a->key > b->key;
}

struct hcouple_pair *hcouple_map_pairs(const struct hcouple *c, size_t *nr)
{
	struct hcouple_pair *p = xmalloc((c->pairs.nr + 1) * sizeof(*p));
	const struct u64map_entry *e;
	size_t n = 0;

	u64map_for_each (&c->pairs, e) {
		p[n].key = e->key;
		p[n++].shared = e->value;
	}
	if (n)
		qsort(p, n, sizeof(*p), by_key);
	*nr = n;
	return p;
}

void hcouple_finish(struct history_coupling *out, const struct hcouple *c,
		    int min_revs, int min_shared, int min_coupling)
{
	const struct u64map_entry *e = u64map_next(&c->pairs, NULL);
	size_t pairs_alloc = 0, at = 0;

	memset(out, 0, sizeof(*out));
	out->changesets = c->changesets;
	out->large = c->large;
	out->candidates = c->pairs.nr + c->sorted_nr;
	for (;;) {
		struct history_pair *hp;
		struct hcouple_pair one, *p = &one;
		uint32_t a, b;
		size_t sum;

		if (e) {
			one.key = e->key;
			one.shared = e->value;
			e = u64map_next(&c->pairs, e);
		} else if (at < c->sorted_nr) {
			p = &c->sorted[at++];
		} else {
			break;
		}
		a = (uint32_t)(p->key >> 32);
		b = (uint32_t)p->key;
		/* exact: average = sum / 2, degree = 100 * shared / average */
		sum = (a < c->revs_nr ? c->revs[a] : 0) +
		      (b < c->revs_nr ? c->revs[b] : 0);
		if (sum < 2 * (size_t)min_revs) {
			out->below_min_revs++;
			continue;
		}
		if (p->shared < (size_t)min_shared) {
			out->below_min_shared++;
			continue;
		}
		if (200 * p->shared < (size_t)min_coupling * sum) {
			out->below_min_coupling++;
			continue;
		}
		ALLOC_GROW(out->pairs, out->nr + 1, pairs_alloc);
		hp = &out->pairs[out->nr++];
		hp->a = a;
		hp->b = b;
		hp->shared = p->shared;
		hp->revs_a = c->revs[a];
		hp->revs_b = c->revs[b];
		hp->degree = (int)(200 * p->shared / sum);
	}
	if (out->nr)
		qsort(out->pairs, out->nr, sizeof(*out->pairs), by_degree);
}

void hcouple_release(struct hcouple *c)
{
	u64map_release(&c->pairs);
	free(c->sorted);
	free(c->revs);
	memset(c, 0, sizeof(*c));
}

void history_couple(struct history_coupling *out, const uint32_t *sets,
		    const size_t *starts, size_t nr, size_t max_changeset,
		    const size_t *sizes, int min_revs, int min_shared,
		    int min_coupling)
{
	struct hcouple c = { 0 };

	for (size_t i = 0; i < nr; i++)
		hcouple_add(&c, sets + starts[i], starts[i + 1] - starts[i],
			    sizes[i], max_changeset);
	hcouple_finish(out, &c, min_revs, min_shared, min_coupling);
	hcouple_release(&c);
}
