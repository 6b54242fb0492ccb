/*
 * Hash map from strings to pointers (open addressing, linear probing,
 * each slot keeping its key's hash so probes compare strings only on a
 * hash match and growing never rehashes). The map
 * copies nothing: keys and values stay owned by the caller and must
 * outlive the map.
 */
#ifndef CARVE_STRMAP_H
#define CARVE_STRMAP_H

#include <stddef.h>

struct strmap_entry {
	const char *key;
	void *value;
	unsigned long long hash;
};

struct strmap {
	struct strmap_entry *slots;
	size_t nr, alloc; /* alloc is 0 or a power of two */
};

#define STRMAP_INIT { NULL, 0, 0 }

/* Returns the value stored under key, or NULL. */
void *strmap_get(const struct strmap *map, const char *key);
/*
 * strmap_get() of the len bytes at key (a part of a longer string: no
 * copy, no NUL needed there).
 */
void *strmap_get_len(const struct strmap *map, const char *key, size_t len);
/* Stores value under key, replacing any previous value. */
void strmap_put(struct strmap *map, const char *key, void *value);
/*
 * strmap_get() that remembers where it looked: returns key's slot (its
 * key NULL when key is absent; NULL itself when the map is empty) and
 * sets *hash. A caller that then stores a new key passes both to
 * strmap_add(), which neither hashes nor probes again when the map
 * need not grow. The map ends up as strmap_put() would leave it.
 */
struct strmap_entry *strmap_find(const struct strmap *map, const char *key,
				 unsigned long long *hash);
/*
 * Stores value under key, absent from the map: slot and hash are what
 * strmap_find() gave for a key of the same bytes (key itself may be a
 * lasting copy of the string looked up). Nothing may have been stored
 * in between.
 */
void strmap_add(struct strmap *map, struct strmap_entry *slot, const char *key,
		unsigned long long hash, void *value);
/* Frees the slot array (not the keys or values). */
void strmap_release(struct strmap *map);

/* Iterates over occupied slots in unspecified order. */
#define strmap_for_each(map, e)                                           \
	for ((e) = (map)->slots; (map)->slots &&                          \
	     (e) < (map)->slots + (map)->alloc; (e)++)                    \
		if ((e)->key)

/* The hash of a NUL-terminated string (eight bytes at a time). */
unsigned long long strhash(const char *s);
/* strhash() of the n bytes at s, as if they ended there. */
unsigned long long strhash_len(const char *s, size_t n);

#endif
