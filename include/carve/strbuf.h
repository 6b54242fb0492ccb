/*
 * Growable NUL-terminated byte strings (git's strbuf). A strbuf owns its
 * buffer; strbuf_detach() hands ownership to the caller.
 */
#ifndef CARVE_STRBUF_H
#define CARVE_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "carve/error.h"

struct strbuf {
	size_t alloc;
	size_t len;
	char *buf; /* always NUL-terminated, never NULL after init */
};

extern char strbuf_slopbuf[];
#define STRBUF_INIT { 0, 0, strbuf_slopbuf }

void strbuf_init(struct strbuf *sb, size_t hint);
/* Frees the buffer and leaves `sb` empty and reusable. */
void strbuf_release(struct strbuf *sb);
/* Returns the buffer (caller frees) and leaves `sb` empty. */
char *strbuf_detach(struct strbuf *sb, size_t *len);
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_setlen(struct strbuf *sb, size_t len);
#define strbuf_reset(sb) strbuf_setlen((sb), 0)

void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) CARVE_PRINTF(2, 3);
/* strbuf_addf() for a variadic caller's arguments (ap is consumed). */
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	CARVE_PRINTF(2, 0);
/* Appends `n` with thousands separators: 1234567 -> "1,234,567". */
void strbuf_add_thousands(struct strbuf *sb, unsigned long long n);
/* Appends `s` as a JSON/C-style quoted string with invalid UTF-8 escaped. */
void strbuf_add_quoted(struct strbuf *sb, const char *s);

/* Reads a whole file; returns 0, or a negative code with errno set. */
int strbuf_read_file(struct strbuf *sb, const char *path, size_t max);

#endif
