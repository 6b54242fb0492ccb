/*
 * The Python dependency lexer: import statements of every form, found
 * at the start of statements only, with the block they sit in (function,
 * `if TYPE_CHECKING:`, try/if), plus __import__ and import_module calls
 * with a literal name. Strings (docstrings included) and comments are
 * skipped, so text that looks like an import is never one.
 */
#include <string.h>

#include "carve/arena.h"
#include "carve/deps.h"

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

static int is_ident(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || (unsigned char)c >= 0x80;
}

static int is_quote(int c)
{
	return c == '"' || c == '\'';
}

/* True when [s, s+n) is a string prefix: r, b, u, f, t and pairs. */
static int is_string_prefix(const char *s, size_t n)
{
	int raw = 0, other = 0;

	if (!n || n > 2)
		return 0;
	for (size_t i = 0; i < n; i++) {
		switch (s[i] | 0x20) {
		case 'r':
			raw++;
			break;
		case 'b':
		case 'u':
		case 'f':
		case 't':
			other++;
			break;
		default:
			return 0;
		}
	}
	return raw <= 1 && other <= 1;
}

static int word_is(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && !memcmp(s, word, n);
}

/* Skips a string whose opening quote is at lx->p. */
static void skip_string(struct py_lexer *lx)
{
	char q = *lx->p;
	int triple = lx->end - lx->p >= 3 && lx->p[1] == q && lx->p[2] == q;

	lx->p += triple ? 3 : 1;
	while (lx->p < lx->end) {
		char c = *lx->p;

		if (c == '\\') {
			if (lx->p + 1 < lx->end && lx->p[1] == '\n')
				lx->line++;
			lx->p += 2;
			continue;
		}
		if (c == '\n') {
			if (!triple)
				return; /* unterminated: ends at the line */
			lx->line++;
		} else if (c == q && (!triple || (lx->end - lx->p >= 3 &&
						   lx->p[1] == q &&
						   lx->p[2] == q))) {
			lx->p += triple ? 3 : 1;
			return;
		}
		lx->p++;
	}
	if (lx->p > lx->end)
		lx->p = lx->end;
}

static void skip_comment(struct py_lexer *lx)
{
	while (lx->p < lx->end && *lx->p != '\n')
		lx->p++;
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

/*
 * Scans the rest of a logical line: strings, comments, brackets and
 * dynamic imports. With `header` set, stops after the ':' that ends a
 * compound statement's header.
 */
static enum py_stop scan_rest(struct py_lexer *lx, int header)
{
	int lambdas = 0;

	while (lx->p < lx->end) {
		char c = *lx->p;
		const char *s;
		size_t n;

		if (is_ident(c)) {
			s = lx->p;
			while (lx->p < lx->end && is_ident(*lx->p))
				lx->p++;
			n = (size_t)(lx->p - s);
			if (lx->p < lx->end && is_quote(*lx->p) &&
			    is_string_prefix(s, n)) {
				skip_string(lx);
			} else if (word_is(s, n, "__import__") ||
				   word_is(s, n, "import_module")) {
				check_dynamic(lx, context_flags(lx));
			} else if (header && word_is(s, n, "lambda")) {
				lambdas++;
			}
			continue;
		}
		switch (c) {
		case '"':
		case '\'':
			skip_string(lx);
			continue;
		case '#':
			skip_comment(lx);
			continue;
		case '\\':
			if (lx->p + 1 < lx->end && lx->p[1] == '\n') {
				lx->p += 2;
				lx->line++;
				continue;
			}
			if (lx->p + 2 < lx->end && lx->p[1] == '\r' &&
			    lx->p[2] == '\n') {
				lx->p += 3;
				lx->line++;
				continue;
			}
			break;
		case '\n':
			lx->p++;
			lx->line++;
			if (lx->paren <= 0) {
				lx->paren = 0;
				return STOP_LINE;
			}
			continue;
		case '(':
		case '[':
		case '{':
			lx->paren++;
			break;
		case ')':
		case ']':
		case '}':
			if (lx->paren > 0)
				lx->paren--;
			break;
		case ';':
			if (lx->paren <= 0) {
				lx->p++;
				return STOP_SEMI;
			}
			break;
		case ':':
			if (header && lx->paren <= 0 &&
			    !(lx->p + 1 < lx->end && lx->p[1] == '=')) {
				if (lambdas) {
					lambdas--;
					break;
				}
				lx->p++;
				return STOP_COLON;
			}
			break;
		}
		lx->p++;
	}
	return STOP_EOF;
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

/*
 * One statement at lx->p, which starts it. Returns how it ended; a
 * compound header has pushed its block.
 */
static enum py_stop statement(struct py_lexer *lx, int indent)
{
	const char *s;
	size_t n;
	unsigned line = lx->line;
	enum py_block kind;

	if (!read_ident(lx, &s, &n))
		return scan_rest(lx, 0);
	if (lx->p < lx->end && is_quote(*lx->p) && is_string_prefix(s, n)) {
		skip_string(lx);
		return scan_rest(lx, 0);
	}
	if (word_is(s, n, "import")) {
		parse_import(lx, line);
		return scan_rest(lx, 0);
	}
	if (word_is(s, n, "from")) {
		parse_from(lx, line);
		return scan_rest(lx, 0);
	}
	if (word_is(s, n, "async")) {
		skip_blank(lx);
		if (!read_ident(lx, &s, &n))
			return scan_rest(lx, 0);
	}
	if (word_is(s, n, "def"))
		kind = BLK_DEF;
	else if (word_is(s, n, "if"))
		kind = is_type_checking(lx) ? BLK_TC : BLK_COND;
	else if (word_is(s, n, "elif") || word_is(s, n, "else") ||
		 word_is(s, n, "try") || word_is(s, n, "except") ||
		 word_is(s, n, "finally"))
		kind = BLK_COND;
	else if (word_is(s, n, "class") || word_is(s, n, "for") ||
		 word_is(s, n, "while") || word_is(s, n, "with"))
		kind = BLK_OTHER;
	else
		return scan_rest(lx, 0);
	if (lx->p < lx->end && is_ident(*lx->p))
		return scan_rest(lx, 0); /* a longer name: `iffy = 1` */
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
