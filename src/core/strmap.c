/*
 * strmap: linear probing, load factor at most one half.
 */
#include <string.h>

#include "carve/strmap.h"
#include "carve/xmalloc.h"

unsigned long long strhash(const char *s)
{
	unsigned long long h = 1469598103934665603ULL;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return h;
}

static struct strmap_entry *find_slot(const struct strmap *map,
				      const char *key)
{
	size_t mask = map->alloc - 1;
	size_t i = strhash(key) & mask;

	while (map->slots[i].key && strcmp(map->slots[i].key, key))
		i = (i + 1) & mask;
	return &map->slots[i];
}

void *strmap_get(const struct strmap *map, const char *key)
{
	if (!map->alloc)
		return NULL;
	return find_slot(map, key)->value;
}

static void grow(struct strmap *map)
{
	struct strmap old = *map;

	map->alloc = old.alloc ? old.alloc * 2 : 64;
	map->slots = xcalloc(map->alloc, sizeof(*map->slots));
	for (size_t i = 0; i < old.alloc; i++)
		if (old.slots[i].key)
			*find_slot(map, old.slots[i].key) = old.slots[i];
	free(old.slots);
}

void strmap_put(struct strmap *map, const char *key, void *value)
{
	struct strmap_entry *e;

	if (2 * (map->nr + 1) > map->alloc)
		grow(map);
	e = find_slot(map, key);
	if (!e->key) {
		e->key = key;
		map->nr++;
	}
	e->value = value;
}

void strmap_release(struct strmap *map)
{
	free(map->slots);
	map->slots = NULL;
	map->nr = map->alloc = 0;
}
