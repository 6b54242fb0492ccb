/*
 * The set of names a dependency lexer recorded in a file (depnames.h):
 * open addressing on an FNV-1a hash of the name, the context compared
 * by pointer.
 */
#include <stdint.h>
#include <string.h>

#include "carve/depnames.h"
#include "carve/deps.h"
#include "carve/xmalloc.h"

void dep_names_init(struct dep_names *set)
{
	set->slot = set->local;
	set->cap = DEP_NAMES_LOCAL;
	set->nr = 0;
	memset(set->local, 0, sizeof(set->local));
}

void dep_names_release(struct dep_names *set)
{
	if (set->slot != set->local)
		free(set->slot);
	set->slot = set->local;
	set->cap = set->nr = 0;
}

/*
 * A name's hash: its length and its first and last eight bytes, mixed
 * (names are compared whole on a match). Short ones byte by byte.
 */
static uint32_t hash(const char *s, size_t n)
{
	uint64_t h = n * 0x9e3779b97f4a7c15ULL, a, b;

	if (n < 8) {
		for (size_t i = 0; i < n; i++)
			h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	} else {
		memcpy(&a, s, 8);
		memcpy(&b, s + n - 8, 8);
		h = (h ^ a) * 0xff51afd7ed558ccdULL;
		h = (h ^ b ^ (h >> 32)) * 0xc4ceb9fe1a85ec53ULL;
	}
	return (uint32_t)(h ^ (h >> 33));
}

/* Doubles the slots, placing every recorded name again. */
static void grow(struct dep_names *set, const struct dep_list *out)
{
	size_t cap = set->cap * 2;
	unsigned *slot = xcalloc(cap, sizeof(*slot));

	for (size_t i = 0; i < set->cap; i++) {
		const char *t;
		size_t k;

		if (!set->slot[i])
			continue;
		t = out->refs[set->slot[i] - 1].target;
		k = hash(t, strlen(t)) & (cap - 1);
		while (slot[k])
			k = (k + 1) & (cap - 1);
		slot[k] = set->slot[i];
	}
	if (set->slot != set->local)
		free(set->slot);
	set->slot = slot;
	set->cap = cap;
}

struct dep_ref *dep_names_add(struct dep_names *set, struct dep_list *out,
			      struct arena *arena, const char *s, size_t n,
			      const char *ctx, unsigned line)
{
	size_t k;
	struct dep_ref *d;

	k = hash(s, n) & (set->cap - 1);
	while (set->slot[k]) {
		const struct dep_ref *o = &out->refs[set->slot[k] - 1];

		if (o->name == ctx && !strncmp(o->target, s, n) &&
		    !o->target[n])
			return NULL;
		k = (k + 1) & (set->cap - 1);
	}
	if (set->nr >= DEP_NAMES_MAX)
		return NULL; /* a generated giant: enough names */
	d = dep_list_add(out, arena, DEP_IMPORT, s, n, line);
	d->flags = DEP_REFERENCE;
	d->name = ctx;
	set->slot[k] = (unsigned)out->nr;
	if (++set->nr > set->cap / 4 * 3)
		grow(set, out);
	return d;
}
