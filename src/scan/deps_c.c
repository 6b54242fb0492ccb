/*
 * The C family's dependency lexer: #include, #include_next and #import
 * directives of C, C++ and Objective-C, with comments, string, char and
 * raw string literals skipped, and each include marked conditional when
 * it sits inside an #if block other than the header's include guard.
 *
 * Speed: the scan runs this over every C file, so once the include guard
 * is settled it stops only at bytes that can start a directive, comment
 * or literal ('#', '/', '"', '\''), found 64 at a time. Newlines are not
 * among them: line numbers are counted only for the includes found, and
 * whether a '#' starts its logical line is read off the bytes before it.
 */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "carve/deps.h"
#include "carve/ident.h"

/* Nesting deeper than this is still counted, its #if 1 bits are lost. */
#define MAX_LEVELS 64

enum guard_state {
	GUARD_MAYBE,   /* nothing but comments and blank lines so far */
	GUARD_OPENED,  /* the first directive was #ifndef NAME */
	GUARD_ACTIVE,  /* ... followed by #define NAME: level 1 is a guard */
	GUARD_NONE,    /* no guard, or its #endif was seen */
};

struct lexer {
	const char *buf, *p, *end;
	/* line numbers, counted on demand: `counted` is on line `line` */
	const char *counted;
	unsigned line;
	unsigned depth;      /* open #if blocks */
	unsigned dead;       /* 0, or the level of a branch never taken */
	/*
	 * Bit n for level n+1: `certain` when its current branch is always
	 * taken (the include guard, #if 1, the #else of #if 0); `one` when
	 * it is an #if 1, whose other branches are never taken.
	 */
	unsigned long long certain, one;
	enum guard_state guard;
	const char *guard_name;
	size_t guard_len;
	struct dep_list *out;
	struct arena *arena;
};

/* C allows '$' in identifiers (GCC); UTF-8 bytes are not taken. */
static int is_ident(int c)
{
	return ident_char(c, IDENT_DOLLAR);
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* ' ', '\t', '\v', '\f' and '\r' */
static int is_blank(int c)
{
	return c == ' ' || ((unsigned)c - '\t' <= '\r' - '\t' && c != '\n');
}

#ifdef __SSE2__
/*
 * Bit i set when p[i] is '#', '/', '"' or '\''. '"' (0x22) and '#' (0x23)
 * differ only in bit 0, '\'' (0x27) and '/' (0x2f) only in bit 3: with
 * that bit set, one comparison finds either byte of a pair.
 */
static inline unsigned code_stops16(const char *p)
{
	const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	const __m128i dquote_hash = _mm_cmpeq_epi8(
		_mm_or_si128(v, _mm_set1_epi8(0x01)), _mm_set1_epi8('#'));
	const __m128i quote_slash = _mm_cmpeq_epi8(
		_mm_or_si128(v, _mm_set1_epi8(0x08)), _mm_set1_epi8('/'));

	return (unsigned)_mm_movemask_epi8(
		_mm_or_si128(dquote_hash, quote_slash));
}

/* Bit i set when p[i] is q, '\\' or '\n'. */
static inline unsigned string_stops16(const char *p, __m128i q)
{
	const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(
		_mm_or_si128(_mm_cmpeq_epi8(v, q),
			     _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
		_mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
}
#endif

/*
 * The first byte of [p, end) that can start a directive, comment or
 * literal in code, '#', '/', '"' or '\'', or end. It runs over most of
 * every file, 64 bytes a step with SSE2.
 */
static inline const char *find_code_stop(const char *p, const char *end)
{
#ifdef __SSE2__
	for (size_t blocks = (size_t)(end - p) / 64; blocks; blocks--) {
		uint64_t m = code_stops16(p) |
			     (uint64_t)code_stops16(p + 16) << 16 |
			     (uint64_t)code_stops16(p + 32) << 32 |
			     (uint64_t)code_stops16(p + 48) << 48;

		if (m)
			return p + __builtin_ctzll(m);
		p += 64;
	}
#endif
	while (p < end && *p != '#' && *p != '/' && *p != '"' && *p != '\'')
		p++;
	return p;
}

/* The first byte of [p, end) that is q, '\\' or '\n', or end. */
static inline const char *find_string_stop(const char *p, const char *end,
					   char q)
{
#ifdef __SSE2__
	const __m128i vq = _mm_set1_epi8(q);

	for (; end - p >= 16; p += 16) {
		unsigned m = string_stops16(p, vq);

		if (m)
			return p + __builtin_ctz(m);
	}
#endif
	while (p < end && *p != q && *p != '\\' && *p != '\n')
		p++;
	return p;
}

/*
 * The line of pos, which is at or after the last position asked about:
 * includes are few, so counting newlines up to each one costs less than
 * counting them all.
 */
static unsigned line_of(struct lexer *lx, const char *pos)
{
	const char *q = lx->counted, *nl;

	while ((nl = memchr(q, '\n', (size_t)(pos - q)))) {
		lx->line++;
		q = nl + 1;
	}
	lx->counted = pos;
	return lx->line;
}

static int level_bit(unsigned long long mask, unsigned level)
{
	return level <= MAX_LEVELS && (mask >> (level - 1) & 1);
}

/* Sets the bits of the innermost level (lost beyond MAX_LEVELS). */
static void set_level(struct lexer *lx, int certain, int one)
{
	unsigned long long bit;

	if (lx->depth > MAX_LEVELS)
		return;
	bit = 1ULL << (lx->depth - 1);
	lx->certain = certain ? lx->certain | bit : lx->certain & ~bit;
	lx->one = one ? lx->one | bit : lx->one & ~bit;
}

/*
 * Skips a block comment whose opening has been consumed: to the first '/'
 * after a '*' of its own. '/' is rarer than '*' in comments, whose lines
 * often start with one.
 */
static void skip_block_comment(struct lexer *lx)
{
	const char *open = lx->p, *q = open;

	while ((q = memchr(q, '/', (size_t)(lx->end - q)))) {
		if (q > open && q[-1] == '*') {
			lx->p = q + 1;
			return;
		}
		q++;
	}
	lx->p = lx->end;
}

/* Skips to the end of the line, honouring backslash-newline. */
static void skip_line_comment(struct lexer *lx)
{
	const char *p = lx->p;

	for (;;) {
		const char *nl = memchr(p, '\n', (size_t)(lx->end - p));

		if (!nl) {
			p = lx->end;
			break;
		}
		if ((nl > p && nl[-1] == '\\') ||
		    (nl > p + 1 && nl[-1] == '\r' && nl[-2] == '\\')) {
			p = nl + 1;
			continue;
		}
		p = nl;
		break;
	}
	lx->p = p;
}

/*
 * Skips a "string" or 'char' literal whose opening quote is at lx->p.
 * An unterminated one ends at the end of its line.
 */
static void skip_quoted(struct lexer *lx)
{
	const char *p = lx->p + 1;
	char q = *lx->p;

	for (;;) {
		p = find_string_stop(p, lx->end, q);
		if (p >= lx->end || *p == '\n')
			break;
		if (*p == q) {
			p++;
			break;
		}
		/* a backslash escapes the next byte, a newline too */
		p += p + 1 < lx->end ? 2 : 1;
	}
	lx->p = p;
}

/* True when the '"' at p opens a C++ raw string: R"..., u8R"..., LR"... */
static int is_raw_string(const char *start, const char *p)
{
	const char *r = p - 1;

	if (r < start || *r != 'R')
		return 0;
	if (r == start || !is_ident(r[-1]))
		return 1;
	if (r[-1] == 'L' || r[-1] == 'u' || r[-1] == 'U')
		return r - 1 == start || !is_ident(r[-2]);
	if (r[-1] == '8' && r - 1 > start && r[-2] == 'u')
		return r - 2 == start || !is_ident(r[-3]);
	return 0;
}

/* Skips R"delim(...)delim" whose '"' is at lx->p. */
static void skip_raw_string(struct lexer *lx)
{
	const char *p = lx->p + 1, *open = p;
	const char *close;
	char delim[20];
	size_t n;

	while (p < lx->end && *p != '(' && p - open < 16 && *p != '\n' &&
	       *p != '"' && *p != ' ')
		p++;
	if (p >= lx->end || *p != '(') {
		/* not a valid raw string: read it as a plain one */
		skip_quoted(lx);
		return;
	}
	delim[0] = ')';
	n = (size_t)(p - open);
	memcpy(delim + 1, open, n);
	delim[n + 1] = '"';
	n += 2;
	close = memmem(p + 1, (size_t)(lx->end - p - 1), delim, n);
	lx->p = close ? close + n : lx->end;
}

/*
 * Skips blanks, comments and backslash-newlines inside a directive;
 * stops at the newline that ends it (or at a // comment, which ends it).
 */
static void skip_directive_space(struct lexer *lx)
{
	while (lx->p < lx->end) {
		const char *p = lx->p;

		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\f' ||
		    *p == '\v') {
			lx->p++;
		} else if (*p == '\\' && p + 1 < lx->end && p[1] == '\n') {
			lx->p += 2;
		} else if (*p == '\\' && p + 2 < lx->end && p[1] == '\r' &&
			   p[2] == '\n') {
			lx->p += 3;
		} else if (*p == '/' && p + 1 < lx->end && p[1] == '*') {
			lx->p += 2;
			skip_block_comment(lx);
		} else {
			return;
		}
	}
}

static size_t read_ident(struct lexer *lx, const char **name)
{
	const char *p = lx->p;

	*name = p;
	while (p < lx->end && is_ident((unsigned char)*p))
		p++;
	lx->p = p;
	return (size_t)(p - *name);
}

static int word_is(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && !memcmp(s, word, n);
}

/* True when the rest of the directive is blank or a comment. */
static int at_directive_end(struct lexer *lx)
{
	skip_directive_space(lx);
	return lx->p >= lx->end || *lx->p == '\n' ||
	       (*lx->p == '/' && lx->p + 1 < lx->end && lx->p[1] == '/');
}

/* The constant of `#if 0` or `#if 1`, else -1. */
static int if_constant(struct lexer *lx)
{
	char c;

	skip_directive_space(lx);
	if (lx->p >= lx->end || (*lx->p != '0' && *lx->p != '1'))
		return -1;
	c = *lx->p++;
	if (lx->p < lx->end && is_ident((unsigned char)*lx->p))
		return -1;
	return at_directive_end(lx) ? c - '0' : -1;
}

/* Reads the NAME of `#ifndef NAME` or `#if !defined(NAME)`. */
static int guard_candidate(struct lexer *lx, int ifndef)
{
	const char *name;
	size_t n;
	int paren = 0;

	skip_directive_space(lx);
	if (!ifndef) {
		if (lx->p >= lx->end || *lx->p != '!')
			return 0;
		lx->p++;
		skip_directive_space(lx);
		n = read_ident(lx, &name);
		if (!word_is(name, n, "defined"))
			return 0;
		skip_directive_space(lx);
		if (lx->p < lx->end && *lx->p == '(') {
			paren = 1;
			lx->p++;
			skip_directive_space(lx);
		}
	}
	n = read_ident(lx, &name);
	if (!n)
		return 0;
	if (paren) {
		skip_directive_space(lx);
		if (lx->p >= lx->end || *lx->p != ')')
			return 0;
		lx->p++;
	}
	if (!at_directive_end(lx))
		return 0;
	lx->guard_name = name;
	lx->guard_len = n;
	return 1;
}

/* The include whose '#' is at hash. */
static void add_include(struct lexer *lx, const char *hash)
{
	struct dep_ref *ref;
	const char *start, *stop;
	unsigned flags = 0;
	char close;

	skip_directive_space(lx);
	if (lx->p >= lx->end)
		return;
	if (*lx->p == '"' || *lx->p == '<') {
		close = *lx->p == '"' ? '"' : '>';
		if (close == '>')
			flags |= DEP_ANGLE;
		start = ++lx->p;
		stop = start;
		while (stop < lx->end && *stop != close && *stop != '\n')
			stop++;
		if (stop >= lx->end || *stop != close || stop == start)
			return; /* unterminated or empty: not an include */
		lx->p = stop + 1;
	} else if (is_ident((unsigned char)*lx->p) &&
		   !is_digit((unsigned char)*lx->p)) {
		/* #include MACRO: the file is chosen at build time */
		size_t n = read_ident(lx, &start);

		stop = start + n;
		flags |= DEP_DYNAMIC;
	} else {
		return;
	}
	if (lx->depth > MAX_LEVELS ||
	    (lx->depth && (~lx->certain & ((2ULL << (lx->depth - 1)) - 1))))
		flags |= DEP_CONDITIONAL;
	ref = dep_list_add(lx->out, lx->arena, DEP_INCLUDE, start,
			   (size_t)(stop - start), line_of(lx, hash));
	ref->flags = flags;
}

/* Handles the directive whose '#' is at lx->p. */
static void directive(struct lexer *lx)
{
	const char *hash = lx->p;
	enum guard_state guard = lx->guard;
	const char *name;
	size_t n;

	lx->p++;
	skip_directive_space(lx);
	n = read_ident(lx, &name);
	if (lx->guard == GUARD_MAYBE || lx->guard == GUARD_OPENED)
		lx->guard = GUARD_NONE; /* unless this is the guard itself */

	if (word_is(name, n, "if") || word_is(name, n, "ifdef") ||
	    word_is(name, n, "ifndef")) {
		lx->depth++;
		set_level(lx, 0, 0);
		if (lx->dead)
			return;
		if (guard == GUARD_MAYBE && lx->depth == 1 && n != 5 &&
		    guard_candidate(lx, n == 6)) {
			lx->guard = GUARD_OPENED;
			return;
		}
		if (n == 2) {
			int k = if_constant(lx);

			if (k == 0)
				lx->dead = lx->depth;
			else if (k == 1)
				set_level(lx, 1, 1);
		}
	} else if (word_is(name, n, "elif") || word_is(name, n, "else") ||
		   word_is(name, n, "elifdef") ||
		   word_is(name, n, "elifndef")) {
		if (!lx->depth)
			return;
		if (level_bit(lx->one, lx->depth) &&
		    (!lx->dead || lx->dead == lx->depth)) {
			lx->dead = lx->depth; /* never taken after #if 1 */
		} else if (lx->dead == lx->depth) {
			/* after #if 0, #else is always taken, #elif may be */
			lx->dead = 0;
			set_level(lx, n == 4 && name[2] == 's', 0);
		} else {
			set_level(lx, 0, 0);
		}
	} else if (word_is(name, n, "endif")) {
		if (!lx->depth)
			return;
		if (lx->dead == lx->depth)
			lx->dead = 0;
		lx->depth--;
	} else if (lx->dead) {
		return;
	} else if (word_is(name, n, "define")) {
		const char *macro;
		size_t len;

		if (guard != GUARD_OPENED)
			return;
		skip_directive_space(lx);
		len = read_ident(lx, &macro);
		if (len == lx->guard_len &&
		    !memcmp(macro, lx->guard_name, len)) {
			lx->guard = GUARD_ACTIVE;
			set_level(lx, 1, 0);
		}
	} else if (word_is(name, n, "include") ||
		   word_is(name, n, "include_next") ||
		   word_is(name, n, "import")) {
		add_include(lx, hash);
	} else if (word_is(name, n, "pragma") && guard == GUARD_MAYBE) {
		lx->guard = GUARD_MAYBE; /* #pragma once may precede a guard */
	}
}

/*
 * Whether x starts a logical line, so that a '#' there is a directive.
 * The fast loop knows that only at `mark` (after the last comment,
 * string or directive); the bytes from there to x are code, blanks,
 * newlines and backslash-newlines, which splice two lines into one, so
 * the last other byte decides.
 */
static int bol_at(const char *x, const char *mark, int mark_bol)
{
	for (;;) {
		while (x > mark && is_blank((unsigned char)x[-1]))
			x--;
		if (x == mark)
			return mark_bol;
		if (x[-1] != '\n')
			return 0;
		if (x - mark < 2 || x[-2] != '\\')
			return 1;
		x -= 2;
	}
}

/*
 * The lexer once the include guard is settled (GUARD_ACTIVE or
 * GUARD_NONE for good): code no longer matters, so it runs from one
 * '#', '/', '"' or '\'' to the next. bol is the state at lx->p.
 */
static void lex_fast(struct lexer *lx, int bol)
{
	const char *p = lx->p, *end = lx->end, *mark = p;
	int mark_bol = bol;

	for (;;) {
		p = find_code_stop(p, end);
		if (p >= end)
			break;
		switch (*p) {
		case '#':
			if (!bol_at(p, mark, mark_bol))
				break;
			lx->p = p;
			directive(lx);
			p = mark = lx->p;
			mark_bol = 0;
			continue;
		case '/':
			if (p + 1 < end && (p[1] == '*' || p[1] == '/')) {
				/* a comment leaves bol as it found it */
				mark_bol = bol_at(p, mark, mark_bol);
				if (p[1] == '*') {
					lx->p = p + 2;
					skip_block_comment(lx);
				} else {
					lx->p = p;
					skip_line_comment(lx);
				}
				p = mark = lx->p;
				continue;
			}
			break;
		case '\'':
			/* 1'000 is a digit separator, not a char literal */
			if (p > lx->buf && is_digit((unsigned char)p[-1]))
				break;
			/* 'x': the commonest char literal, no call needed */
			if (end - p > 2 && p[2] == '\'' && p[1] != '\'' &&
			    p[1] != '\\' && p[1] != '\n') {
				p = mark = p + 3;
				mark_bol = 0;
				continue;
			}
			/* fall through */
		case '"':
			lx->p = p;
			if (*p == '"' && p > lx->buf && p[-1] == 'R' &&
			    is_raw_string(lx->buf, p))
				skip_raw_string(lx);
			else
				skip_quoted(lx);
			p = mark = lx->p;
			mark_bol = 0;
			continue;
		}
		p++; /* code */
	}
	lx->p = end;
}

void deps_c(struct dep_list *out, struct arena *arena, const char *buf,
	    size_t len)
{
	struct lexer lx = { 0 };
	int bol = 1; /* only blanks and comments so far on this line */

	lx.buf = buf;
	lx.p = buf;
	lx.end = buf + len;
	lx.counted = buf;
	lx.line = 1;
	lx.out = out;
	lx.arena = arena;
	lx.guard = GUARD_MAYBE;
	/*
	 * Byte by byte while the first lines may still be an include guard,
	 * as any code before a directive rules one out.
	 */
	while (lx.p < lx.end &&
	       (lx.guard == GUARD_MAYBE || lx.guard == GUARD_OPENED)) {
		char c = *lx.p;

		switch (c) {
		case '\n':
			lx.p++;
			bol = 1;
			continue;
		case ' ':
		case '\t':
		case '\r':
		case '\f':
		case '\v':
			lx.p++;
			continue;
		case '#':
			if (bol) {
				directive(&lx);
				bol = 0;
				continue;
			}
			break;
		case '/':
			if (lx.p + 1 < lx.end && lx.p[1] == '*') {
				lx.p += 2;
				skip_block_comment(&lx);
				continue;
			}
			if (lx.p + 1 < lx.end && lx.p[1] == '/') {
				skip_line_comment(&lx);
				continue;
			}
			break;
		case '\\':
			if (lx.p + 1 < lx.end && lx.p[1] == '\n') {
				lx.p += 2;
				continue;
			}
			break;
		case '"':
			if (is_raw_string(buf, lx.p))
				skip_raw_string(&lx);
			else
				skip_quoted(&lx);
			bol = 0;
			continue;
		case '\'':
			if (lx.p > buf && is_digit((unsigned char)lx.p[-1])) {
				lx.p++;
				continue;
			}
			skip_quoted(&lx);
			bol = 0;
			continue;
		}
		/* code: anything before a directive rules out a guard */
		if (bol)
			lx.guard = GUARD_NONE;
		bol = 0;
		lx.p++;
	}
	if (lx.p < lx.end)
		lex_fast(&lx, bol);
}
