/*
 * UTF-8 validation, so that every string carve writes to JSON, CSV or a
 * terminal is valid UTF-8 (invalid bytes become U+FFFD or \x escapes).
 */
#ifndef CARVE_UTF8_H
#define CARVE_UTF8_H

#include <stddef.h>

/* Length (1-4) of the valid UTF-8 sequence at s, or 0 if it is invalid. */
size_t utf8_valid_prefix(const char *s, size_t len);
/* True when all `len` bytes of s are valid UTF-8. */
int utf8_is_valid(const char *s, size_t len);
/*
 * Returns a newly allocated copy of s with each invalid byte replaced by
 * U+FFFD (the caller frees it).
 */
char *utf8_sanitize(const char *s);
/*
 * The same, and control characters too (C0, DEL and C1: a file name's
 * newline or terminal escape) become U+FFFD: for text that a terminal
 * shows or XML holds, where they would act or be invalid.
 */
char *utf8_sanitize_text(const char *s);

/*
 * Length of the UTF-8 byte-order mark at the start of buf[0..len) (3),
 * or 0. Editors on Windows write one; no language counts it as code, so
 * the scan's entry points (deps_extract, linecount_buffer,
 * language_detect, module_package, srctok_init) read past it.
 */
static inline size_t utf8_bom(const char *buf, size_t len)
{
	return buf && len >= 3 && (unsigned char)buf[0] == 0xef &&
			       (unsigned char)buf[1] == 0xbb &&
			       (unsigned char)buf[2] == 0xbf
		       ? 3
		       : 0;
}

/*
 * Moves *buf and *len past a byte-order mark, if there is one; a NULL
 * buffer (a name alone, an empty file) stays NULL: NULL + 0 is undefined.
 */
static inline void utf8_skip_bom(const char **buf, size_t *len)
{
	size_t bom = utf8_bom(*buf, *len);

	if (bom) {
		*buf += bom;
		*len -= bom;
	}
}

#endif
