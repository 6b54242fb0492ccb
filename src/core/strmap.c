/*
 * strmap: linear probing, load factor at most one half.
 */
#include <stdint.h>
#include <string.h>

#include "carve/strmap.h"
#include "carve/xmalloc.h"

/*
 * A multiply and a shift per eight bytes (after splitmix64), and a
 * final mix so the low bits, which pick the slot, depend on every byte.
 */
unsigned long long strhash(const char *s)
{
	size_t n = strlen(s);
	uint64_t h = 0x243f6a8885a308d3ULL ^ n, w;

	for (; n >= 8; n -= 8, s += 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, s, n);
	h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 31;
	h *= 0x94d049bb133111ebULL;
	return h ^ (h >> 29);
}

static struct strmap_entry *find_slot(const struct strmap *map, const char *key,
				      uint64_t hash)
{
	size_t mask = map->alloc - 1;
	size_t i = hash & mask;

	while (map->slots[i].key &&
	       (map->slots[i].hash != hash || strcmp(map->slots[i].key, key)))
		i = (i + 1) & mask;
	return &map->slots[i];
}

void *strmap_get(const struct strmap *map, const char *key)
{
	if (!map->alloc)
		return NULL;
	return find_slot(map, key, strhash(key))->value;
}

static void grow(struct strmap *map)
{
	struct strmap old = *map;

	map->alloc = old.alloc ? old.alloc * 2 : 64;
	map->slots = xcalloc(map->alloc, sizeof(*map->slots));
	for (size_t i = 0; i < old.alloc; i++)
		if (old.slots[i].key)
			*find_slot(map, old.slots[i].key, old.slots[i].hash) =
				old.slots[i];
	free(old.slots);
}

void strmap_put(struct strmap *map, const char *key, void *value)
{
	struct strmap_entry *e;
	uint64_t hash = strhash(key);

	if (2 * (map->nr + 1) > map->alloc)
		grow(map);
	e = find_slot(map, key, hash);
	if (!e->key) {
		e->key = key;
		e->hash = hash;
		map->nr++;
	}
	e->value = value;
}

struct strmap_entry *strmap_find(const struct strmap *map, const char *key,
				 unsigned long long *hash)
{
	*hash = strhash(key);
	if (!map->alloc)
		return NULL;
	return find_slot(map, key, *hash);
}

void strmap_add(struct strmap *map, struct strmap_entry *slot, const char *key,
		unsigned long long hash, void *value)
{
	/* as strmap_put() does: grow first, then the new key's slot */
	if (!slot || 2 * (map->nr + 1) > map->alloc) {
		grow(map);
		slot = find_slot(map, key, hash);
	}
	slot->key = key;
	slot->hash = hash;
	slot->value = value;
	map->nr++;
}

void strmap_release(struct strmap *map)
{
	free(map->slots);
	map->slots = NULL;
	map->nr = map->alloc = 0;
}
