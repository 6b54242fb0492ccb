/*
 * Allocation that cannot fail: on exhaustion these print a message and exit
 * with status 128, so no call site checks for NULL (tmux's xmalloc.c).
 */
#ifndef CARVE_XMALLOC_H
#define CARVE_XMALLOC_H

#include <stddef.h>
#include <stdlib.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
/* Reallocates `ptr` to nmemb * size bytes, dying on overflow. */
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/*
 * Grows array `x` (with `alloc` slots) so it holds at least `nr` items;
 * doubles capacity so appends are amortised O(1) (git's ALLOC_GROW).
 */
#define ALLOC_GROW(x, nr, alloc)                                          \
	do {                                                              \
		if ((nr) > (alloc)) {                                     \
			(alloc) = (alloc) < 16 ? 16 : (alloc) * 2;        \
			if ((alloc) < (nr))                               \
				(alloc) = (nr);                           \
			(x) = xreallocarray((x), (alloc), sizeof(*(x)));  \
		}                                                         \
	} while (0)

#endif
