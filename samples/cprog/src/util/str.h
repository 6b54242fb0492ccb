/* String helpers shared by the core and the network code. */
#ifndef KV_UTIL_STR_H
#define KV_UTIL_STR_H

#include <stddef.h>

/* FNV-1a hash of a NUL-terminated string. */
unsigned str_hash(const char *s);

/* Remove leading and trailing white space in place; returns s. */
char *str_trim(char *s);

/* Split s in place at runs of white space into at most max fields; the
 * last field keeps the rest of the line.  Returns the number of fields. */
size_t str_split(char *s, char **fields, size_t max);

int str_starts_with(const char *s, const char *prefix);

/* Copy src into dst of size n, always terminating; returns 0 if cut. */
int str_copy(char *dst, const char *src, size_t n);

#endif
