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
 * The last 1 to 7 bytes are read as one little-endian word with zeros
 * above: by the word that ends the string when it is that long, else
 * by four, two and one bytes (a loop of bytes cost more than the rest).
 */
unsigned long long strhash_len(const char *s, size_t n)
{
	uint64_t h = 0x243f6a8885a308d3ULL ^ n, w = 0;
	size_t tail = n & 7;

	for (size_t k = n >> 3; k; k--, s += 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 32;
	}
	if (!tail) {
		w = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	} else if (1) {
		w = 0;
		memcpy(&w, s, tail);
#endif
	} else if (n > 8) {
		memcpy(&w, s + tail - 8, 8);
		w >>= 8 * (8 - tail);
	} else {
		unsigned shift = 0;
		uint32_t w4;
		uint16_t w2;

		w = 0;
		if (tail & 4) {
			memcpy(&w4, s, 4);
			w = w4;
			s += 4;
			shift = 32;
		}
		if (tail & 2) {
			memcpy(&w2, s, 2);
			w |= (uint64_t)w2 << shift;
			s += 2;
			shift += 16;
		}
		if (tail & 1)
			w |= (uint64_t)(unsigned char)*s << shift;
	}
	h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 31;
	h *= 0x94d049bb133111ebULL;
	return h ^ (h >> 29);
}

unsigned long long strhash(const char *s)
{
	return strhash_len(s, strlen(s));
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

/* find_slot() for the key of len bytes at key (no NUL needed there) */
static struct strmap_entry *find_slot_len(const struct strmap *map,
					  const char *key, size_t len,
					  uint64_t hash)
{
	size_t mask = map->alloc - 1;
	size_t i = hash & mask;

	while (map->slots[i].key &&
	       (map->slots[i].hash != hash ||
		strncmp(map->slots[i].key, key, len) || map->slots[i].key[len]))
		i = (i + 1) & mask;
	return &map->slots[i];
}

void *strmap_get_len(const struct strmap *map, const char *key, size_t len)
{
	if (!map->alloc)
		return NULL;
	return find_slot_len(map, key, len, strhash_len(key, len))->value;
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
