/*
 * Bump allocator for data that lives as long as a scan (paths, names):
 * many small allocations, one arena_release() frees them all.
 */
#ifndef CARVE_ARENA_H
#define CARVE_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
};

#define ARENA_INIT { NULL }

/* Returns `size` zeroed bytes owned by the arena, aligned for any type. */
void *arena_alloc(struct arena *a, size_t size);
/* Copies `n` bytes of s into the arena and NUL-terminates them. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
/*
 * Moves every block of `from` into `to` (which then frees them): what
 * was allocated in `from` lives as long as `to`, and `from` is empty.
 */
void arena_take(struct arena *to, struct arena *from);
/* Frees every block; the arena is empty and reusable afterwards. */
void arena_release(struct arena *a);

#endif
