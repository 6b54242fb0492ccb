/*
 * The names a dependency lexer has recorded in one file (Java family,
 * C#: the names the code uses, once each): a hash set of indexes into
 * the file's dep_list, on the lexer's stack for the usual file and grown
 * on the heap for a large one, up to DEP_NAMES_MAX names. It owns only
 * its heap slots (dep_names_release frees them).
 */
#ifndef CARVE_DEPNAMES_H
#define CARVE_DEPNAMES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "carve/deps.h"

struct arena;

/* More distinct names than this in one file are not recorded. */
#define DEP_NAMES_MAX (1u << 16)
/* Slots on the stack; the first DEP_NAMES_FIRST are cleared per file. */
#define DEP_NAMES_LOCAL 256
#define DEP_NAMES_FIRST 64

struct dep_names_slot {
	unsigned ref; /* index + 1 into the list's refs, 0 when empty */
	unsigned len; /* the name's length (compared before its bytes) */
};

struct dep_names {
	struct dep_names_slot *slot;
	size_t cap, nr;
	struct dep_names_slot local[DEP_NAMES_LOCAL];
};

void dep_names_init(struct dep_names *set);
void dep_names_release(struct dep_names *set);

/* The slow half of dep_names_add(): records s[0..n) in empty slot k. */
struct dep_ref *dep_names_insert(struct dep_names *set, struct dep_list *out,
				 struct arena *arena, const char *s, size_t n,
				 const char *ctx, unsigned line, size_t k);

/*
 * A name's hash: its length and its first and last eight bytes, mixed
 * (names are compared whole on a match). Short ones byte by byte.
 */
static inline uint32_t dep_names_hash(const char *s, size_t n)
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
static inline int dep_names_same(const char *a, const char *b, size_t n)
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

/*
 * Records the name s[0..n) used in context `ctx` (a string the lexer
 * keeps, compared by pointer; NULL for none) as a DEP_IMPORT with
 * DEP_REFERENCE at `line`, unless it is there already or the set is
 * full. Returns the new reference (its name set to ctx) or NULL.
 * Inline: the look-up is most calls (a C# file uses a name many times).
 */
static inline struct dep_ref *
dep_names_add(struct dep_names *set, struct dep_list *out, struct arena *arena,
	      const char *s, size_t n, const char *ctx, unsigned line)
{
	size_t mask = set->cap - 1, k = dep_names_hash(s, n) & mask;

	while (set->slot[k].ref) {
		const struct dep_ref *o = &out->refs[set->slot[k].ref - 1];

		/* a name has no NUL and no control byte: its bytes as kept */
		if (set->slot[k].len == n && o->name == ctx &&
		    dep_names_same(o->target, s, n))
			return NULL;
		k = (k + 1) & mask;
	}
	return dep_names_insert(set, out, arena, s, n, ctx, line, k);
}

#endif
