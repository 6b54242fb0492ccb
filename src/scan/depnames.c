/*
 * The set of names a dependency lexer recorded in a file (depnames.h):
 * open addressing on a hash of the name; a slot keeps the name's length,
 * so only a name of the same length is compared, by words; the context
 * is compared by pointer. A file starts with a few slots cleared (most
 * use a dozen names) and doubles them on the stack, then on the heap.
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

/* a[0..n) == b[0..n), both n bytes long: by words, the last overlapping */
static inline int same(const char *a, const char *b, size_t n)
{
	uint64_t x, y;
	uint32_t u, v;
	size_t i;

	if (n >= 8) {
		for (i = 0; i + 8 < n; i += 8) {
			memcpy(&x, a + i, 8);
			memcpy(&y, b + i, 8);
			if (x != y)
				return 0;
		}
		memcpy(&x, a + n - 8, 8);
		memcpy(&y, b + n - 8, 8);
		return x == y;
	}
	if (n >= 4) {
		memcpy(&u, a, 4);
		memcpy(&v, b, 4);
		if (u != v)
			return 0;
		memcpy(&u, a + n - 4, 4);
		memcpy(&v, b + n - 4, 4);
		return u == v;
	}
	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
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
		k = hash(out->refs[old[i].ref - 1].target, old[i].len) &
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

/* Records s[0..n) in the empty slot k (dep_names_add's rarer half). */
static __attribute__((noinline)) struct dep_ref *
insert(struct dep_names *set, struct dep_list *out, struct arena *arena,
       const char *s, size_t n, const char *ctx, unsigned line, size_t k)
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

struct dep_ref *dep_names_add(struct dep_names *set, struct dep_list *out,
			      struct arena *arena, const char *s, size_t n,
			      const char *ctx, unsigned line)
{
	size_t mask = set->cap - 1, k = hash(s, n) & mask;

	while (set->slot[k].ref) {
		const struct dep_ref *o = &out->refs[set->slot[k].ref - 1];

		/* a name has no NUL and no control byte: its bytes as kept */
		if (set->slot[k].len == n && o->name == ctx &&
		    same(o->target, s, n))
			return NULL;
		k = (k + 1) & mask;
	}
	return insert(set, out, arena, s, n, ctx, line, k);
}
