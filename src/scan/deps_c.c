/*
 * The C family's dependency lexer: #include, #include_next and #import
 * directives of C, C++ and Objective-C, with comments, string, char and
 * raw string literals skipped, and each include marked conditional when
 * it sits inside an #if block other than the header's include guard.
 */
#include <string.h>

#include "carve/deps.h"

/* Nesting deeper than this is still counted, its #if 1 bits are lost. */
#define MAX_LEVELS 64

enum guard_state {
	GUARD_MAYBE,   /* nothing but comments and blank lines so far */
	GUARD_OPENED,  /* the first directive was #ifndef NAME */
	GUARD_ACTIVE,  /* ... followed by #define NAME: level 1 is a guard */
	GUARD_NONE,    /* no guard, or its #endif was seen */
};

struct lexer {
	const char *p, *end;
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

static int is_ident(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '$';
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
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

/* Skips a block comment whose opening has been consumed. */
static void skip_block_comment(struct lexer *lx)
{
	const char *p = lx->p;

	while (p < lx->end) {
		const char *nl, *star;

		star = memchr(p, '*', (size_t)(lx->end - p));
		if (!star)
			star = lx->end;
		nl = memchr(p, '\n', (size_t)(star - p));
		while (nl) {
			lx->line++;
			p = nl + 1;
			nl = memchr(p, '\n', (size_t)(star - p));
		}
		if (star >= lx->end) {
			p = lx->end;
			break;
		}
		if (star + 1 < lx->end && star[1] == '/') {
			p = star + 2;
			break;
		}
		p = star + 1;
	}
	lx->p = p;
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
			lx->line++;
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
	const char *p = lx->p;
	char q = *p++;

	while (p < lx->end) {
		if (*p == q) {
			p++;
			break;
		}
		if (*p == '\\' && p + 1 < lx->end) {
			if (p[1] == '\n')
				lx->line++;
			p += 2;
			continue;
		}
		if (*p == '\n')
			break;
		p++;
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
	const char *p = lx->p + 1, *open = p, *close;
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
	close = close ? close + n : lx->end;
	for (const char *q = p; q < close; q++)
		if (*q == '\n')
			lx->line++;
	lx->p = close;
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
			lx->line++;
			lx->p += 2;
		} else if (*p == '\\' && p + 2 < lx->end && p[1] == '\r' &&
			   p[2] == '\n') {
			lx->line++;
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

static void add_include(struct lexer *lx, unsigned line)
{
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
	dep_list_add(lx->out, lx->arena, DEP_INCLUDE, start,
		     (size_t)(stop - start), line)->flags = flags;
}

/* Handles the directive whose '#' is at lx->p. */
static void directive(struct lexer *lx)
{
	unsigned line = lx->line;
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
		add_include(lx, line);
	} else if (word_is(name, n, "pragma") && guard == GUARD_MAYBE) {
		lx->guard = GUARD_MAYBE; /* #pragma once may precede a guard */
	}
}

void deps_c(struct dep_list *out, struct arena *arena, const char *buf,
	    size_t len)
{
	struct lexer lx = { 0 };
	int bol = 1; /* only blanks and comments so far on this line */

	lx.p = buf;
	lx.end = buf + len;
	lx.line = 1;
	lx.out = out;
	lx.arena = arena;
	lx.guard = GUARD_MAYBE;
	while (lx.p < lx.end) {
		char c = *lx.p;

		switch (c) {
		case '\n':
			lx.line++;
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
			/* a spliced line goes on with the same logical line */
			if (lx.p + 1 < lx.end && lx.p[1] == '\n') {
				lx.line++;
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
			/* 1'000 is a digit separator, not a char literal */
			if (lx.p > buf && is_digit((unsigned char)lx.p[-1])) {
				lx.p++;
				continue;
			}
			skip_quoted(&lx);
			bol = 0;
			continue;
		}
		/* code: anything before a directive rules out a guard */
		if (bol && (lx.guard == GUARD_MAYBE || lx.guard == GUARD_OPENED))
			lx.guard = GUARD_NONE;
		bol = 0;
		lx.p++;
		/* the rest of an identifier or number holds nothing of note */
		while (lx.p < lx.end && is_ident((unsigned char)*lx.p))
			lx.p++;
	}
}
