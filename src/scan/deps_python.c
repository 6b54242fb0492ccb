/*
 * The Python dependency lexer: import statements of every form, found
 * at the start of statements only, with the block they sit in (function,
 * `if TYPE_CHECKING:`, try/if), plus __import__ and import_module calls
 * with a literal name. Strings (docstrings included) and comments are
 * skipped, so text that looks like an import is never one.
 *
 * Speed: the rest of a statement is consumed in one loop over a class
 * table that stops only at bytes that can start a string or comment,
 * change the bracket depth, end a statement or header, or (in headers)
 * start `lambda`; identifiers and punctuation run through it untouched.
 * The buffer is NUL-terminated at len (deps_extract()'s contract), so
 * that NUL ends every loop and none tests for the end.
 */
#include <stddef.h>
#include <string.h>

#include "carve/arena.h"
#include "carve/deps.h"
#include "carve/ident.h"

/* Deeper nesting than this is not tracked (the outer blocks still are). */
#define PY_MAX_BLOCKS 128
/* Longest dotted name recorded; longer ones are skipped. */
#define PY_MAX_NAME 1024

enum py_block {
	BLK_OTHER, /* class, for, while, with */
	BLK_DEF,   /* def, async def: imports run when called */
	BLK_TC,    /* if TYPE_CHECKING: */
	BLK_COND,  /* if/elif/else/try/except/finally */
};

struct py_lexer {
	const char *p, *end;
	unsigned line;
	struct dep_list *out;
	struct arena *arena;
	int paren; /* bracket depth inside the current logical line */
	const char *stmt; /* where the current statement starts */
	struct {
		int indent;
		enum py_block kind;
	} blocks[PY_MAX_BLOCKS];
	int nr_blocks;
};

/* What ended a stretch of a logical line. */
enum py_stop {
	STOP_LINE,  /* the newline ending the logical line (consumed) */
	STOP_SEMI,  /* ';' (consumed): another statement follows */
	STOP_COLON, /* the ':' ending a compound header (consumed) */
	STOP_EOF,
};

static inline int is_ident(int c)
{
	return ident_char(c, IDENT_HIGH);
}

static int is_quote(int c)
{
	return c == '"' || c == '\'';
}

static int word_is(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && !memcmp(s, word, n);
}

/*
 * Bytes that stop the run inside a string quoted with '"' (bit 0) or
 * '\'' (bit 1): the quote itself, and for both a newline, a backslash
 * and the NUL that may be the end of the buffer.
 */
static const unsigned char string_stop[256] = {
	['"'] = 1, ['\''] = 2, ['\n'] = 3, ['\\'] = 3, ['\0'] = 3,
};

/* Skips a string whose opening quote is at lx->p. */
static void skip_string(struct py_lexer *lx)
{
	const char *p = lx->p, *end = lx->end;
	char q = *p;
	unsigned stop = string_stop[(unsigned char)q];
	int triple = p[1] == q && p[2] == q; /* the NUL stops at the end */

	p += triple ? 3 : 1;
	for (;;) {
		while (!(string_stop[(unsigned char)*p] & stop))
			p++;
		if (*p == '\\') {
			if (p[1] == '\n') {
				lx->line++;
			} else if (p + 1 >= end) {
				p = end; /* a backslash ending the buffer */
				break;
			}
			p += 2;
		} else if (*p == '\n') {
			if (!triple)
				break; /* unterminated: ends at the line */
			lx->line++;
			p++;
		} else if (*p == q) {
			if (!triple) {
				p++;
				break;
			}
			if (p[1] == q && p[2] == q) {
				p += 3;
				break;
			}
			p++;
		} else if (p >= end) {
			break;
		} else {
			p++; /* a NUL inside the file */
		}
	}
	lx->p = p < end ? p : end;
}

static void skip_comment(struct py_lexer *lx)
{
	const char *nl = memchr(lx->p, '\n', (size_t)(lx->end - lx->p));

	lx->p = nl ? nl : lx->end;
}

/*
 * Skips blanks, line continuations and, inside brackets, newlines and
 * comments. Stops at anything else.
 */
static void skip_blank(struct py_lexer *lx)
{
	while (lx->p < lx->end) {
		char c = *lx->p;

		if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
			lx->p++;
		} else if (c == '\\' && lx->p + 1 < lx->end &&
			   (lx->p[1] == '\n' ||
			    (lx->p[1] == '\r' && lx->p + 2 < lx->end &&
			     lx->p[2] == '\n'))) {
			lx->p += lx->p[1] == '\n' ? 2 : 3;
			lx->line++;
		} else if (lx->paren > 0 && c == '\n') {
			lx->p++;
			lx->line++;
		} else if (lx->paren > 0 && c == '#') {
			skip_comment(lx);
		} else {
			break;
		}
	}
}

/* Reads an identifier at lx->p into *s, *n; 0 when there is none. */
static int read_ident(struct py_lexer *lx, const char **s, size_t *n)
{
	const char *start = lx->p;

	if (lx->p >= lx->end || !is_ident(*lx->p) ||
	    (*lx->p >= '0' && *lx->p <= '9'))
		return 0;
	while (lx->p < lx->end && is_ident(*lx->p))
		lx->p++;
	*s = start;
	*n = (size_t)(lx->p - start);
	return 1;
}

/* Flags every import in the current block gets. */
static unsigned context_flags(const struct py_lexer *lx)
{
	unsigned flags = 0;

	for (int i = 0; i < lx->nr_blocks; i++) {
		switch (lx->blocks[i].kind) {
		case BLK_DEF:
			flags |= DEP_LOCAL;
			break;
		case BLK_TC:
			flags |= DEP_TYPE_ONLY;
			break;
		case BLK_COND:
			flags |= DEP_CONDITIONAL;
			break;
		case BLK_OTHER:
			break;
		}
	}
	return flags;
}

/*
 * Reads a dotted name (`a.b.c`, blanks allowed around the dots) into buf;
 * returns its length, 0 when there is none or it is too long.
 */
static size_t read_dotted(struct py_lexer *lx, char *buf)
{
	size_t len = 0, n;
	const char *s;
	int ok = 1;

	for (;;) {
		skip_blank(lx);
		if (!read_ident(lx, &s, &n))
			break;
		if (len + n + 1 >= PY_MAX_NAME)
			ok = 0;
		else {
			memcpy(buf + len, s, n);
			len += n;
		}
		skip_blank(lx);
		if (lx->p >= lx->end || *lx->p != '.')
			break;
		lx->p++;
		if (ok)
			buf[len++] = '.';
	}
	if (len && buf[len - 1] == '.')
		len--;
	buf[len] = '\0';
	return ok ? len : 0;
}

/* Skips `as name` when it follows. */
static void skip_alias(struct py_lexer *lx)
{
	const char *save = lx->p, *s;
	unsigned line = lx->line;
	size_t n;

	skip_blank(lx);
	if (read_ident(lx, &s, &n) && word_is(s, n, "as")) {
		skip_blank(lx);
		read_ident(lx, &s, &n);
		return;
	}
	lx->p = save;
	lx->line = line;
}

/* `import a.b as c, d`: lx->p is after the keyword. */
static void parse_import(struct py_lexer *lx, unsigned line)
{
	char name[PY_MAX_NAME];
	unsigned flags = context_flags(lx);

	for (;;) {
		size_t len = read_dotted(lx, name);
		struct dep_ref *d;

		if (!len)
			return;
		d = dep_list_add(lx->out, lx->arena, DEP_IMPORT, name, len,
				 line);
		d->flags = flags;
		skip_alias(lx);
		skip_blank(lx);
		if (lx->p >= lx->end || *lx->p != ',')
			return;
		lx->p++;
	}
}

/* `from ..a.b import (c as d, e)`: lx->p is after the keyword. */
static void parse_from(struct py_lexer *lx, unsigned line)
{
	char module[PY_MAX_NAME];
	unsigned flags = context_flags(lx);
	size_t mlen, n;
	const char *s;
	int level = 0, opened = 0;

	for (;;) {
		skip_blank(lx);
		if (lx->p < lx->end && *lx->p == '.') {
			level++;
			lx->p++;
		} else {
			break;
		}
	}
	/* `from . import x`: no module name, the keyword comes first */
	skip_blank(lx);
	s = lx->p;
	if (level && read_ident(lx, &s, &n) && word_is(s, n, "import")) {
		mlen = 0;
		module[0] = '\0';
	} else {
		lx->p = s;
		mlen = read_dotted(lx, module);
		if (!mlen && !level)
			return;
		skip_blank(lx);
		if (!read_ident(lx, &s, &n) || !word_is(s, n, "import"))
			return;
	}
	skip_blank(lx);
	if (lx->p < lx->end && *lx->p == '*') {
		struct dep_ref *d = dep_list_add(lx->out, lx->arena,
						 DEP_IMPORT, module, mlen,
						 line);

		lx->p++;
		d->flags = flags | DEP_WILDCARD;
		d->level = level;
		return;
	}
	if (lx->p < lx->end && *lx->p == '(') {
		lx->p++;
		lx->paren++;
		opened = 1;
	}
	for (;;) {
		struct dep_ref *d;

		skip_blank(lx);
		if (!read_ident(lx, &s, &n))
			break;
		d = dep_list_add(lx->out, lx->arena, DEP_IMPORT, module, mlen,
				 line);
		d->flags = flags;
		d->level = level;
		d->name = arena_strndup(lx->arena, s, n);
		skip_alias(lx);
		skip_blank(lx);
		if (lx->p >= lx->end || *lx->p != ',')
			break;
		lx->p++;
	}
	if (opened) {
		skip_blank(lx);
		if (lx->p < lx->end && *lx->p == ')') {
			lx->p++;
			lx->paren--;
		}
	}
}

/*
 * At an identifier `__import__` or `import_module` (lx->p after it):
 * records the call when its first argument is a plain string literal.
 * Only looks ahead; the caller goes on scanning from lx->p.
 */
static void check_dynamic(struct py_lexer *lx, unsigned flags)
{
	const char *q = lx->p, *start;
	int level = 0;
	struct dep_ref *d;
	char quote;

	while (q < lx->end && (*q == ' ' || *q == '\t'))
		q++;
	if (q >= lx->end || *q != '(')
		return;
	q++;
	while (q < lx->end && (*q == ' ' || *q == '\t' || *q == '\n' ||
			       *q == '\r'))
		q++;
	if (q >= lx->end || !is_quote(*q))
		return;
	quote = *q++;
	while (q < lx->end && *q == '.') {
		level++;
		q++;
	}
	start = q;
	while (q < lx->end && *q != quote) {
		if (*q == '\\' || *q == '\n' || !(is_ident(*q) || *q == '.'))
			return;
		q++;
	}
	if (q >= lx->end || (q == start && !level))
		return;
	d = dep_list_add(lx->out, lx->arena, DEP_IMPORT, start,
			 (size_t)(q - start), lx->line);
	d->flags = flags | DEP_DYNAMIC;
	d->level = level;
}

/* Byte classes of scan_rest()'s loop; PY_PLAIN bytes never stop it. */
enum {
	PY_PLAIN,
	PY_NUL, /* the end of the buffer, or a NUL in the file */
	PY_NL,
	PY_QUOTE, /* a string; prefixes (r, b, f, ...) are plain */
	PY_HASH,
	PY_BSLASH, /* maybe a line continuation */
	PY_OPEN, /* '(' (maybe a dynamic import's call), '[', '{' */
	PY_CLOSE,
	PY_SEMI,
	PY_COLON,
	PY_LAMBDA, /* 'l', maybe `lambda`, whose ':' ends no header */
};

#define PY_STOPS                                                               \
	['\0'] = PY_NUL, ['\n'] = PY_NL, ['"'] = PY_QUOTE, ['\''] = PY_QUOTE,  \
	['#'] = PY_HASH, ['\\'] = PY_BSLASH, ['('] = PY_OPEN, ['['] = PY_OPEN, \
	['{'] = PY_OPEN, [')'] = PY_CLOSE, [']'] = PY_CLOSE, ['}'] = PY_CLOSE, \
	[';'] = PY_SEMI, [':'] = PY_COLON

/* In statements, and in compound headers, where `lambda` matters. */
static const unsigned char body_class[256] = { PY_STOPS };
static const unsigned char header_class[256] = { PY_STOPS, ['l'] = PY_LAMBDA };

/* The first byte from p whose class is not PY_PLAIN; unrolled. */
static inline const char *skip_plain(const unsigned char *cls, const char *p)
{
	for (;; p += 4) {
		if (cls[(unsigned char)p[0]])
			return p;
		if (cls[(unsigned char)p[1]])
			return p + 1;
		if (cls[(unsigned char)p[2]])
			return p + 2;
		if (cls[(unsigned char)p[3]])
			return p + 3;
	}
}

/*
 * At a '(' at p: when the identifier before it (blanks between) is
 * `__import__` or `import_module` and began in this stretch of the line
 * (at or after `from`, as a forward scan would have read it), checks
 * the call for a literal name.
 */
static void check_call(struct py_lexer *lx, const char *from, const char *p)
{
	static const struct {
		const char *word;
		size_t len;
	} calls[] = { { "__import__", 10 }, { "import_module", 13 } };
	const char *q = p;

	while (q > from && (q[-1] == ' ' || q[-1] == '\t'))
		q--;
	/* both words end in '_' or 'e': most calls are ruled out here */
	if (q == from || (q[-1] != '_' && q[-1] != 'e'))
		return;
	for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		const char *s = q - calls[i].len;

		/* a statement's first word is never looked at (see statement()) */
		if (q - from < (ptrdiff_t)calls[i].len ||
		    memcmp(s, calls[i].word, calls[i].len) ||
		    (s > from && is_ident(s[-1])) || s == lx->stmt)
			continue;
		lx->p = q;
		check_dynamic(lx, context_flags(lx));
		return;
	}
}

/*
 * Scans the rest of a logical line: strings, comments, brackets and
 * dynamic imports. With `header` set, stops after the ':' that ends a
 * compound statement's header.
 */
static enum py_stop scan_rest(struct py_lexer *lx, int header)
{
	const unsigned char *cls = header ? header_class : body_class;
	const char *from = lx->p, *p = lx->p;
	int lambdas = 0;

	for (;;) {
		p = skip_plain(cls, p);
		switch (cls[(unsigned char)*p]) {
		case PY_NUL:
			if (p >= lx->end) {
				lx->p = lx->end;
				return STOP_EOF;
			}
			break;
		case PY_NL:
			lx->line++;
			if (lx->paren <= 0) {
				lx->paren = 0;
				lx->p = p + 1;
				return STOP_LINE;
			}
			break;
		case PY_QUOTE:
			lx->p = p;
			skip_string(lx);
			p = lx->p;
			continue;
		case PY_HASH:
			lx->p = p;
			skip_comment(lx);
			p = lx->p;
			continue;
		case PY_BSLASH:
			if (p[1] == '\n') {
				p += 2;
				lx->line++;
				continue;
			}
			if (p[1] == '\r' && p[2] == '\n') {
				p += 3;
				lx->line++;
				continue;
			}
			break;
		case PY_OPEN:
			if (*p == '(') {
				check_call(lx, from, p);
				lx->p = p;
			}
			lx->paren++;
			break;
		case PY_CLOSE:
			if (lx->paren > 0)
				lx->paren--;
			break;
		case PY_SEMI:
			if (lx->paren <= 0) {
				lx->p = p + 1;
				return STOP_SEMI;
			}
			break;
		case PY_COLON:
			if (header && lx->paren <= 0 && p[1] != '=') {
				if (lambdas) {
					lambdas--;
					break;
				}
				lx->p = p + 1;
				return STOP_COLON;
			}
			break;
		case PY_LAMBDA:
			if ((p == from || !is_ident(p[-1])) &&
			    !strncmp(p, "lambda", 6) && !is_ident(p[6])) {
				lambdas++;
				p += 6;
				continue;
			}
			break;
		}
		p++;
	}
}

/* `if` followed by `TYPE_CHECKING:` or `<name>.TYPE_CHECKING:`. */
static int is_type_checking(struct py_lexer *lx)
{
	const char *save = lx->p, *s = NULL;
	unsigned line = lx->line;
	size_t n = 0;
	int ret = 0;

	for (;;) {
		skip_blank(lx);
		if (!read_ident(lx, &s, &n))
			break;
		skip_blank(lx);
		if (lx->p < lx->end && *lx->p == '.') {
			lx->p++;
			continue;
		}
		ret = word_is(s, n, "TYPE_CHECKING") && lx->p < lx->end &&
		      *lx->p == ':';
		break;
	}
	lx->p = save;
	lx->line = line;
	return ret;
}

static void push_block(struct py_lexer *lx, int indent, enum py_block kind)
{
	if (lx->nr_blocks >= PY_MAX_BLOCKS)
		return;
	lx->blocks[lx->nr_blocks].indent = indent;
	lx->blocks[lx->nr_blocks].kind = kind;
	lx->nr_blocks++;
}

/* What a statement's first word may be. */
enum py_keyword {
	KW_NONE,
	KW_IMPORT,
	KW_FROM,
	KW_ASYNC,
	KW_DEF,
	KW_IF,
	KW_COND, /* elif, else, try, except, finally */
	KW_OTHER, /* class, for, while, with */
};

/* True when the word w (n bytes) is at p as a whole word. */
static inline int word_at(const char *p, const char *end, const char *w,
			  size_t n)
{
	/* with n a constant, memcmp() compiles to a compare or two */
	return (size_t)(end - p) >= n && !memcmp(p, w, n) && !is_ident(p[n]);
}

/*
 * The keyword at p, *len its length; a switch on the first letter
 * leaves each word at most four candidates.
 */
static enum py_keyword keyword(const char *p, const char *end, size_t *len)
{
#define KW(word, kw)                                           \
	do {                                                   \
		if (word_at(p, end, word, sizeof(word) - 1)) { \
			*len = sizeof(word) - 1;               \
			return kw;                             \
		}                                              \
	} while (0)

	switch (*p) {
	case 'a':
		KW("async", KW_ASYNC);
		break;
	case 'c':
		KW("class", KW_OTHER);
		break;
	case 'd':
		KW("def", KW_DEF);
		break;
	case 'e':
		KW("elif", KW_COND);
		KW("else", KW_COND);
		KW("except", KW_COND);
		break;
	case 'f':
		KW("from", KW_FROM);
		KW("for", KW_OTHER);
		KW("finally", KW_COND);
		break;
	case 'i':
		KW("import", KW_IMPORT);
		KW("if", KW_IF);
		break;
	case 't':
		KW("try", KW_COND);
		break;
	case 'w':
		KW("while", KW_OTHER);
		KW("with", KW_OTHER);
		break;
	}
	return KW_NONE;
#undef KW
}

/* The block a compound statement's word (after `async`) opens. */
static enum py_keyword block_word(const char *s, size_t n)
{
	if (word_is(s, n, "def"))
		return KW_DEF;
	if (word_is(s, n, "if"))
		return KW_IF;
	if (word_is(s, n, "elif") || word_is(s, n, "else") ||
	    word_is(s, n, "try") || word_is(s, n, "except") ||
	    word_is(s, n, "finally"))
		return KW_COND;
	if (word_is(s, n, "class") || word_is(s, n, "for") ||
	    word_is(s, n, "while") || word_is(s, n, "with"))
		return KW_OTHER;
	return KW_NONE;
}

/*
 * One statement at lx->p, which starts it. Returns how it ended; a
 * compound header has pushed its block.
 */
static enum py_stop statement(struct py_lexer *lx, int indent)
{
	const char *s;
	size_t n;
	unsigned line = lx->line;
	enum py_keyword kw;
	enum py_block kind;

	/*
	 * scan_rest() runs over any other first word, but must not take it
	 * for a dynamic import (lx->stmt). A string prefix needs no check:
	 * the quote after it starts the string in scan_rest() too.
	 */
	lx->stmt = lx->p;
	kw = keyword(lx->p, lx->end, &n);
	if (kw == KW_NONE)
		return scan_rest(lx, 0);
	lx->p += n;
	if (kw == KW_IMPORT) {
		parse_import(lx, line);
		return scan_rest(lx, 0);
	}
	if (kw == KW_FROM) {
		parse_from(lx, line);
		return scan_rest(lx, 0);
	}
	if (kw == KW_ASYNC) {
		skip_blank(lx);
		if (!read_ident(lx, &s, &n))
			return scan_rest(lx, 0);
		kw = block_word(s, n);
	}
	switch (kw) {
	case KW_DEF:
		kind = BLK_DEF;
		break;
	case KW_IF:
		kind = is_type_checking(lx) ? BLK_TC : BLK_COND;
		break;
	case KW_COND:
		kind = BLK_COND;
		break;
	case KW_OTHER:
		kind = BLK_OTHER;
		break;
	default:
		return scan_rest(lx, 0);
	}
	push_block(lx, indent, kind);
	return scan_rest(lx, 1);
}

/* A whole logical line whose first statement starts at lx->p. */
static void logical_line(struct py_lexer *lx, int indent)
{
	for (;;) {
		enum py_stop stop = statement(lx, indent);

		if (stop == STOP_LINE || stop == STOP_EOF)
			return;
		skip_blank(lx);
		if (lx->p >= lx->end)
			return;
		if (*lx->p == '#')
			skip_comment(lx);
		if (lx->p < lx->end && *lx->p == '\n') {
			lx->p++;
			lx->line++;
			return;
		}
		/* `if x: import y` or `a; import b`: the body goes on */
		if (stop == STOP_COLON)
			indent++;
	}
}

void deps_python(struct dep_list *out, struct arena *arena, const char *buf,
		 size_t len)
{
	struct py_lexer lx;

	memset(&lx, 0, sizeof(lx));
	lx.p = buf;
	lx.end = buf + len;
	lx.line = 1;
	lx.out = out;
	lx.arena = arena;
	while (lx.p < lx.end) {
		int indent = 0;

		/* at the start of a physical line outside brackets */
		while (lx.p < lx.end) {
			if (*lx.p == ' ')
				indent++;
			else if (*lx.p == '\t')
				indent = (indent / 8 + 1) * 8;
			else if (*lx.p == '\f')
				indent = 0;
			else if (*lx.p != '\r')
				break;
			lx.p++;
		}
		if (lx.p >= lx.end)
			break;
		if (*lx.p == '#')
			skip_comment(&lx);
		if (lx.p < lx.end && *lx.p == '\n') {
			lx.p++;
			lx.line++;
			continue;
		}
		if (lx.p >= lx.end)
			break;
		while (lx.nr_blocks &&
		       lx.blocks[lx.nr_blocks - 1].indent >= indent)
			lx.nr_blocks--;
		lx.paren = 0;
		logical_line(&lx, indent);
	}
}
