/*
 * The lexer state and small readers that the hand-written dependency
 * lexers of PHP, Rust, Ruby and C# share (deps_other.c, deps_ruby.c,
 * deps_csharp.c): position and line, fixed-size names, skipping blanks,
 * comments and quoted literals, and emitting a statement. Header-only
 * (static inline): each lexer keeps its loop tight.
 */
#ifndef CARVE_LEXER_H
#define CARVE_LEXER_H

#include <string.h>

#include "carve/arena.h"
#include "carve/deps.h"
#include "carve/ident.h"

/* Longer names or paths are not real dependencies: dropped. */
#define NAME_MAX_LEN 512

struct lexer {
	const char *p, *end;
	unsigned line;
	struct dep_list *out;
	struct arena *arena;
};

/* A name or path being built, in a fixed buffer. */
struct name {
	char buf[NAME_MAX_LEN];
	size_t len;
	int overflow;
};

static inline void lexer_init(struct lexer *lx, struct dep_list *out,
		       struct arena *arena, const char *buf, size_t len)
{
	memset(lx, 0, sizeof(*lx));
	lx->p = buf;
	lx->end = buf + len;
	lx->line = 1;
	lx->out = out;
	lx->arena = arena;
}

static inline int is_ident_start(int c)
{
	return ident_start(c, IDENT_HIGH);
}

static inline int is_ident(int c)
{
	return ident_char(c, IDENT_HIGH);
}

static inline int is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static inline int at(const struct lexer *lx, const char *s)
{
	size_t n = strlen(s);

	return (size_t)(lx->end - lx->p) >= n && !memcmp(lx->p, s, n);
}

/* True when the word `w` is at lx->p and not followed by a name byte. */
static inline int at_word(const struct lexer *lx, const char *w)
{
	size_t n = strlen(w);

	return (size_t)(lx->end - lx->p) >= n && !memcmp(lx->p, w, n) &&
	       (lx->p + n >= lx->end || !is_ident((unsigned char)lx->p[n]));
}

static inline void name_reset(struct name *n)
{
	n->len = 0;
	n->overflow = 0;
}

static inline void name_add(struct name *n, const char *s, size_t len)
{
	if (n->len + len >= sizeof(n->buf)) {
		n->overflow = 1;
		return;
	}
	memcpy(n->buf + n->len, s, len);
	n->len += len;
}

static inline void emit(struct lexer *lx, enum dep_kind kind, const struct name *n,
		 size_t len, unsigned flags, unsigned line)
{
	struct dep_ref *d;

	if (n->overflow || !len)
		return;
	d = dep_list_add(lx->out, lx->arena, kind, n->buf, len, line);
	d->flags = flags;
}

static inline void skip_to_eol(struct lexer *lx)
{
	const char *nl = memchr(lx->p, '\n', (size_t)(lx->end - lx->p));

	lx->p = nl ? nl : lx->end;
}

/* Skips a slash-star comment; `nested` for Rust's nesting ones. */
static inline void skip_block_comment(struct lexer *lx, int nested)
{
	int depth = 1;

	lx->p += 2;
	while (lx->p < lx->end) {
		if (at(lx, "*/")) {
			lx->p += 2;
			if (!--depth)
				return;
		} else if (nested && at(lx, "/*")) {
			lx->p += 2;
			depth++;
		} else {
			if (*lx->p == '\n')
				lx->line++;
			lx->p++;
		}
	}
}

/*
 * Skips a quoted literal opening at lx->p with `quote`. `escapes`: a
 * backslash escapes the next byte; `multiline`: it may span lines, else
 * an unterminated one ends at the end of its line.
 */
static inline void skip_quoted(struct lexer *lx, char quote, int escapes,
			int multiline)
{
	const char *p = lx->p + 1;

	while (p < lx->end && *p != quote) {
		if (*p == '\n') {
			if (!multiline)
				break;
			lx->line++;
		} else if (*p == '\\' && escapes && p + 1 < lx->end) {
			if (p[1] == '\n') {
				if (!multiline)
					break;
				lx->line++;
			}
			p++;
		}
		p++;
	}
	lx->p = p < lx->end && *p == quote ? p + 1 : p;
}

#endif
