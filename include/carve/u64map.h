/*
 * Hash map from 64-bit integers to size_t values (open addressing,
 * linear probing, load factor at most one half): pairs of indexes packed
 * into one key, pointers, counters. The map owns only its slots.
 */
#ifndef CARVE_U64MAP_H
#define CARVE_U64MAP_H

#include <stddef.h>
#include <stdint.h>

struct u64map_entry {
	uint64_t key;
	size_t value;
};

struct u64map {
	struct u64map_entry *slots; /* key 0 marks an empty slot... */
	size_t nr, alloc; /* alloc is 0 or a power of two */
	struct u64map_entry zero; /* ...so key 0's entry lives here */
	int has_zero;
};

#define U64MAP_INIT \
	{           \
		0   \
	}

/* Returns the entry for key, or NULL. */
struct u64map_entry *u64map_find(const struct u64map *map, uint64_t key);
/*
 * Returns the entry for key, adding it with the value 0 when absent;
 * *added says which. The entry stays valid until the next insertion.
 */
struct u64map_entry *u64map_insert(struct u64map *map, uint64_t key,
				   int *added);
/* Frees the slots. */
void u64map_release(struct u64map *map);

/*
 * Iterates over the entries in unspecified order; no insertion while
 * iterating. e is a struct u64map_entry pointer.
 */
#define u64map_for_each(map, e) \
	for ((e) = u64map_next((map), NULL); (e); (e) = u64map_next((map), (e)))
/* The entry after prev (NULL: the first), or NULL. */
struct u64map_entry *u64map_next(const struct u64map *map,
				 const struct u64map_entry *prev);

#endif
