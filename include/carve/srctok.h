/*
 * A small source tokenizer for every language of the table: identifiers,
 * string literals (with their content), numbers and punctuation, with
 * comments skipped by the language's syntax (struct language). The data
 * and API extractors (src/scan/sql.c, orm_*.c, routes_*.c) read code
 * through it. Tokens point into the caller's buffer: nothing is owned.
 */
#ifndef CARVE_SRCTOK_H
#define CARVE_SRCTOK_H

#include <stddef.h>

struct language;

enum tok_kind {
	TOK_EOF,
	TOK_IDENT,
	TOK_STRING, /* p/n: the content between the quotes */
	TOK_NUMBER,
	TOK_PUNCT, /* one byte: p[0] */
};

/* Flags of struct tok. */
enum {
	TOK_BOL = 1 << 0, /* first token of its line */
	TOK_INTERP = 1 << 1, /* f-string, `${}` template, Ruby "#{}" */
	TOK_RAW = 1 << 2, /* r"..." or `...`: backslashes are literal */
};

struct tok {
	enum tok_kind kind;
	unsigned flags;
	const char *p;
	size_t n;
	unsigned line; /* 1-based */
	unsigned indent; /* with TOK_BOL: columns of white space before it */
};

struct srctok {
	const char *p, *end;
	unsigned line;
	int bol;
	unsigned indent;
	const struct language *lang;
};

/* Starts reading buf[0..len) written in `lang` (NULL: C-like rules). */
void srctok_init(struct srctok *t, const struct language *lang, const char *buf,
		 size_t len);
/* Reads the next token into *tok; TOK_EOF at the end (and after). */
void srctok_next(struct srctok *t, struct tok *tok);

/* True when tok is the identifier (or the punctuation byte) `s`. */
int tok_is(const struct tok *tok, const char *s);
int tok_punct(const struct tok *tok, int c);
/* True when tok's text ends with `s` ("OrdersController", "Controller"). */
int tok_ends_with(const struct tok *tok, const char *s);

/*
 * An indented block of tokens, a Python class's body: the lines after
 * the one at `indent` that opens it, up to the first line no deeper.
 * Its statements are the lines at the depth of the first.
 */
struct tok_block {
	const struct tok *v;
	const size_t *match; /* closing bracket of each, to step over; NULL */
	size_t end; /* v[end] is not read */
	unsigned indent; /* of the line that opens the block */
	unsigned body; /* of its statements: 0 until the first is found */
};

/*
 * Moves *k (at or after the line opening the block) to the first token
 * of the block's next statement and returns 1; returns 0 when the block
 * or the tokens end first.
 */
int tok_block_next(struct tok_block *b, size_t *k);

#endif
