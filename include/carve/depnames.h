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

struct arena;
struct dep_list;
struct dep_ref;

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

/*
 * Records the name s[0..n) used in context `ctx` (a string the lexer
 * keeps, compared by pointer; NULL for none) as a DEP_IMPORT with
 * DEP_REFERENCE at `line`, unless it is there already or the set is
 * full. Returns the new reference (its name set to ctx) or NULL.
 */
struct dep_ref *dep_names_add(struct dep_names *set, struct dep_list *out,
			      struct arena *arena, const char *s, size_t n,
			      const char *ctx, unsigned line);

#endif
