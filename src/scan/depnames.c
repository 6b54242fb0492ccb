/*
 * The set of names a dependency lexer recorded in a file (depnames.h,
 * where the look-up is, inline): open addressing on a hash of the name;
 * a slot keeps the name's length, so only a name of the same length is
 * compared, by words; the context is compared by pointer. Here: a new
 * name recorded, and the slots grown. A file starts with a few slots
 * cleared (most use a dozen names) and doubles them on the stack, then
 * on the heap.
 */
#include <stdint.h>
#include <string.h>

#include "carve/depnames.h"
#include "carve/deps.h"
#include "carve/xmalloc.h"

void dep_names_init(struct dep_names *set)
{
	set->slot = set->local;
	set->cap = DEP_NAMES_FIRST;
	set->nr = 0;
	memset(set->slot, 0, DEP_NAMES_FIRST * sizeof(*set->slot));
}

void dep_names_release(struct dep_names *set)
{
	if (set->slot != set->local)
		free(set->slot);
	set->slot = set->local;
	set->cap = set->nr = 0;
}

/* Places every recorded name again in twice the slots. */
static void grow(struct dep_names *set, const struct dep_list *out)
{
	struct dep_names_slot keep[DEP_NAMES_LOCAL / 2];
	const struct dep_names_slot *old = set->slot;
	struct dep_names_slot *slot;
	size_t cap = set->cap * 2;

	if (set->slot == set->local && cap <= DEP_NAMES_LOCAL) {
		/* still on the stack: the old half is read from a copy */
		memcpy(keep, set->local, set->cap * sizeof(keep[0]));
		old = keep;
		slot = set->local;
		memset(slot, 0, cap * sizeof(*slot));
	} else {
		slot = xcalloc(cap, sizeof(*slot));
	}
	for (size_t i = 0; i < set->cap; i++) {
		size_t k;

		if (!old[i].ref)
			continue;
		k = dep_names_hash(out->refs[old[i].ref - 1].target,
				   old[i].len) &
		    (cap - 1);
		while (slot[k].ref)
			k = (k + 1) & (cap - 1);
		slot[k] = old[i];
	}
	if (set->slot != set->local)
		free(set->slot);
	set->slot = slot;
	set->cap = cap;
}

struct dep_ref *dep_names_insert(struct dep_names *set, struct dep_list *out,
				 struct arena *arena, const char *s, size_t n,
				 const char *ctx, unsigned line, size_t k)
{
	struct dep_ref *d;

	if (set->nr >= DEP_NAMES_MAX)
		return NULL; /* a generated giant: enough names */
	d = dep_list_add(out, arena, DEP_IMPORT, s, n, line);
	d->flags = DEP_REFERENCE;
	d->name = ctx;
	set->slot[k].ref = (unsigned)out->nr;
	set->slot[k].len = (unsigned)n;
	if (++set->nr > set->cap / 4 * 3)
		grow(set, out);
	return d;
}
