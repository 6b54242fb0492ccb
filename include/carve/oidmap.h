/*
 * Hash map from 20-byte object ids to pointers (open addressing). Keys
 * are copied into the map; values stay owned by the caller.
 */
#ifndef CARVE_OIDMAP_H
#define CARVE_OIDMAP_H

#include <stddef.h>

struct oidmap_entry {
	unsigned char id[20];
	int used;
	void *value;
};

struct oidmap {
	struct oidmap_entry *slots;
	size_t nr, alloc; /* alloc is 0 or a power of two */
};

#define OIDMAP_INIT        \
	{                  \
		NULL, 0, 0 \
	}

/* Returns the entry for id, or NULL. */
struct oidmap_entry *oidmap_find(const struct oidmap *map,
				 const unsigned char *id);
/*
 * Returns the entry for id, adding it with a NULL value when absent;
 * *added says which. The entry stays valid until the next insertion.
 */
struct oidmap_entry *oidmap_insert(struct oidmap *map, const unsigned char *id,
				   int *added);
/* Removes the entry for id, if any (other entries may move). */
void oidmap_remove(struct oidmap *map, const unsigned char *id);
/* Frees the slots (not the values). */
void oidmap_release(struct oidmap *map);

#endif
