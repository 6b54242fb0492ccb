/* Allocation wrappers that never return NULL (they abort instead). */
#ifndef KV_UTIL_MEM_H
#define KV_UTIL_MEM_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);

#endif
