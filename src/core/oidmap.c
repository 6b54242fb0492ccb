/*
 * oidmap: linear probing on the first bytes of the id (object ids are
 * already uniformly distributed), load factor at most one half.
 */
#include <string.h>

#include "carve/oidmap.h"
#include "carve/xmalloc.h"

static size_t slot_of(const struct oidmap *map, const unsigned char *id)
{
	size_t mask = map->alloc - 1;
	size_t h;

	memcpy(&h, id, sizeof(h));
	for (size_t i = h & mask;; i = (i + 1) & mask)
		if (!map->slots[i].used || !memcmp(map->slots[i].id, id, 20))
			return i;
}

struct oidmap_entry *oidmap_find(const struct oidmap *map,
				 const unsigned char *id)
{
	struct oidmap_entry *e;

	if (!map->alloc)
		return NULL;
	e = &map->slots[slot_of(map, id)];
	return e->used ? e : NULL;
}

static void grow(struct oidmap *map)
{
	struct oidmap old = *map;

	map->alloc = old.alloc ? old.alloc * 2 : 64;
	map->slots = xcalloc(map->alloc, sizeof(*map->slots));
	for (size_t i = 0; i < old.alloc; i++)
		if (old.slots[i].used)
			map->slots[slot_of(map, old.slots[i].id)] =
				old.slots[i];
	free(old.slots);
}

struct oidmap_entry *oidmap_insert(struct oidmap *map, const unsigned char *id,
				   int *added)
{
	struct oidmap_entry *e;

	if (2 * (map->nr + 1) > map->alloc)
		grow(map);
	e = &map->slots[slot_of(map, id)];
	*added = !e->used;
	if (!e->used) {
		memcpy(e->id, id, 20);
		e->used = 1;
		e->value = NULL;
		map->nr++;
	}
	return e;
}

static size_t home_of(const struct oidmap *map, const unsigned char *id)
{
	size_t h;

	memcpy(&h, id, sizeof(h));
	return h & (map->alloc - 1);
}

void oidmap_remove(struct oidmap *map, const unsigned char *id)
{
	size_t mask = map->alloc - 1, i, j;

	if (!map->alloc)
		return;
	i = slot_of(map, id);
	if (!map->slots[i].used)
		return;
	map->slots[i].used = 0;
	map->nr--;
	/* shift back the entries of the probe run that follows */
	for (j = (i + 1) & mask; map->slots[j].used; j = (j + 1) & mask) {
		size_t h = home_of(map, map->slots[j].id);

		/* the entry may move to i unless its home lies in (i, j] */
		if (i <= j ? (h <= i || h > j) : (h <= i && h > j)) {
			map->slots[i] = map->slots[j];
			map->slots[j].used = 0;
			i = j;
		}
	}
}

void oidmap_release(struct oidmap *map)
{
	free(map->slots);
	map->slots = NULL;
	map->nr = map->alloc = 0;
}
