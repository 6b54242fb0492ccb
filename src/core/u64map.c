/*
 * u64map: linear probing, load factor at most one half, the
 * multiply-xorshift of MurmurHash3's finaliser to spread keys that
 * differ only in their high bits (index pairs packed as a << 32 | b).
 */
#include <string.h>

#include "carve/u64map.h"
#include "carve/xmalloc.h"

static size_t home(const struct u64map *map, uint64_t key)
{
	key ^= key >> 33;
	key *= 0xff51afd7ed558ccdULL;
	key ^= key >> 33;
	return (size_t)key & (map->alloc - 1);
}

/* The slot holding key (not 0), or the empty slot where it belongs. */
static struct u64map_entry *slot_of(const struct u64map *map, uint64_t key)
{
	size_t mask = map->alloc - 1, i = home(map, key);

	while (map->slots[i].key && map->slots[i].key != key)
		i = (i + 1) & mask;
	return &map->slots[i];
}

struct u64map_entry *u64map_find(const struct u64map *map, uint64_t key)
{
	struct u64map_entry *e;

	if (!key)
		return map->has_zero ? (struct u64map_entry *)&map->zero : NULL;
	if (!map->alloc)
		return NULL;
	e = slot_of(map, key);
	return e->key ? e : NULL;
}

static void grow(struct u64map *map)
{
	struct u64map_entry *old = map->slots;
	size_t old_alloc = map->alloc;

	map->alloc = old_alloc ? 2 * old_alloc : 64;
	map->slots = xcalloc(map->alloc, sizeof(*map->slots));
	for (size_t i = 0; i < old_alloc; i++)
		if (old[i].key)
			*slot_of(map, old[i].key) = old[i];
	free(old);
}

struct u64map_entry *u64map_insert(struct u64map *map, uint64_t key, int *added)
{
	struct u64map_entry *e;

	if (!key) {
		*added = !map->has_zero;
		if (!map->has_zero) {
			map->has_zero = 1;
			map->zero.value = 0;
			map->nr++;
		}
		return &map->zero;
	}
	if (2 * (map->nr + 1) > map->alloc)
		grow(map);
	e = slot_of(map, key);
	*added = !e->key;
	if (!e->key) {
		e->key = key;
		e->value = 0;
		map->nr++;
	}
	return e;
}

struct u64map_entry *u64map_next(const struct u64map *map,
				 const struct u64map_entry *prev)
{
	size_t i;

	if (!prev) {
		if (map->has_zero)
			return (struct u64map_entry *)&map->zero;
		i = 0;
	} else if (prev == &map->zero) {
		i = 0;
	} else {
		i = (size_t)(prev - map->slots) + 1;
	}
	for (; i < map->alloc; i++)
		if (map->slots[i].key)
			return &map->slots[i];
	return NULL;
}

void u64map_release(struct u64map *map)
{
	if (!map)
		return;
	free(map->slots);
	memset(map, 0, sizeof(*map));
}
