/*
 * The line counter: one pass over a file's bytes, a jump on each byte's
 * class in code, and tight loops (memchr where it pays) inside comments
 * and strings. Counts follow cloc's rules, except where cloc misreads a
 * string as a comment (see the notes in BENCHMARKS.md).
 *
 * Speed comes from stopping as rarely as possible: in code, white space,
 * punctuation and identifiers are consumed in one loop that ends only at
 * a byte that can start a comment, string or branch point, at a newline,
 * or at the first letter of a branch word; the NUL after the buffer ends
 * every loop, so no loop tests for the end.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "carve/language.h"
#include "carve/linecount.h"
#include "carve/utf8.h"

/*
 * Byte classes in code. The first three are plain: the main loop runs
 * over them without stopping (see count()).
 */
enum {
	C_OTHER, /* punctuation: code */
	C_SPACE, /* white space but newline */
	C_IDENT, /* identifier byte (also digits, '$' and UTF-8) */
	C_WORD, /* identifier byte that may start a branch word or prefix */
	C_NUL, /* '\0': the end of the buffer, or a stray NUL */
	C_NL, /* '\n' */
	C_SLASH, /* '/': maybe a comment */
	C_DQUOTE, /* '"' */
	C_SQUOTE, /* '\'' */
	C_BTICK, /* '`' in Go and JS/TS */
	C_HASH, /* '#' (or '%') where it starts a comment */
	C_DASH, /* '-' in SQL and Lua */
	C_LT, /* '<' in markup */
	C_LBRACK, /* '[' in Lua: long strings */
	C_AT, /* '@' in C#: verbatim strings */
	C_OP, /* first byte of a branch operator */
	C_BLOCK, /* first byte of an opener of struct language.blocks */
	C_DOT, /* '.' where a hook follows the count (linecount_follow) */
};

/* Bits of struct counter.line: what the current line holds so far. */
enum { LINE_CODE = 1, LINE_COMMENT = 2 };

#define MAX_WORDS 16

/* What the counter derives from a language; built once per language. */
struct lang_table {
	const struct language *lang;
	unsigned char cls[256];
	/* branch words, with a filter on first byte and length */
	uint64_t first[4];
	uint32_t lens;
	unsigned nwords;
	const char *words[MAX_WORDS];
	unsigned char wlen[MAX_WORDS];
};

/* Indexes of struct counter.n. */
enum { N_CODE, N_COMMENT, N_BLANK };

struct counter {
	const unsigned char *buf, *end;
	const struct lang_table *t;
	const unsigned char *cls; /* t->cls */
	unsigned flags;
	enum lang_syntax syntax;
	const char *const *ops;
	unsigned line;
	unsigned spliced; /* LINE_SPLICED: the last line ended with '\\' */
	unsigned long n[3];
	unsigned long complexity;
};

/* In struct counter.spliced, next to the LINE_ bits it indexes with. */
enum { LINE_SPLICED = 4 };

/*
 * What a line counts as, by its LINE_ bits and LINE_SPLICED: code wins
 * over comment; a blank line after a backslash continues a macro or a
 * command, and cloc counts it as code.
 */
static const unsigned char line_kind[8] = {
	[0] = N_BLANK,
	[LINE_CODE] = N_CODE,
	[LINE_COMMENT] = N_COMMENT,
	[LINE_CODE | LINE_COMMENT] = N_CODE,
	[LINE_SPLICED] = N_CODE,
	[LINE_SPLICED | LINE_CODE] = N_CODE,
	[LINE_SPLICED | LINE_COMMENT] = N_COMMENT,
	[LINE_SPLICED | LINE_CODE | LINE_COMMENT] = N_CODE,
};

/* Ends the line whose '\n' (or the end of the buffer) is at nl. */
static inline void end_line(struct counter *c, const unsigned char *nl)
{
	c->n[line_kind[c->line | c->spliced]]++;
	c->line = 0;
	/*
	 * cloc's rule, right for C macros and shell commands: a blank line
	 * after a backslash continues the previous line, so it is code
	 */
	if (c->flags & LANG_PROGRAMMING) {
		if (nl > c->buf && nl[-1] == '\r')
			nl--;
		c->spliced = nl > c->buf && nl[-1] == '\\' ? LINE_SPLICED : 0;
	}
}

static inline int is_space(unsigned char b)
{
	return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v';
}

static inline int is_ident_class(unsigned char k)
{
	return k == C_IDENT || k == C_WORD;
}

/* Marks byte b as one that may start a branch word or a string prefix. */
static void word_start(unsigned char *cls, unsigned char b)
{
	if (cls[b] == C_IDENT)
		cls[b] = C_WORD;
}

static void table_init(struct lang_table *t, const struct language *lang)
{
	unsigned char *cls = t->cls;
	const char *const *w;
	unsigned flags = lang->flags;

	memset(t, 0, sizeof(*t));
	t->lang = lang;
	for (int i = 0; i < 256; i++) {
		if ((i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z') ||
		    (i >= '0' && i <= '9') || i == '_' || i == '$' || i >= 0x80)
			cls[i] = C_IDENT;
		else if (is_space(i))
			cls[i] = C_SPACE;
	}
	cls['\0'] = C_NUL;
	cls['\n'] = C_NL;

	for (const char *const *o = lang->branch_ops; o && *o; o++)
		cls[(unsigned char)((*o)[0] == ' ' ? (*o)[1] : (*o)[0])] = C_OP;
	for (w = lang->branch_words; w && *w && t->nwords < MAX_WORDS; w++) {
		unsigned char f = (*w)[0];
		size_t n = strlen(*w);

		if (n >= 32)
			continue;
		t->words[t->nwords] = *w;
		t->wlen[t->nwords++] = n;
		t->first[f >> 6] |= 1ULL << (f & 63);
		t->lens |= 1U << n;
		word_start(cls, f);
	}
	/* the first letters of string prefixes: r"", u8R"()", r#""#, b'' */
	if (lang->syntax == SYNTAX_PYTHON)
		for (const char *s = "rRbBfFuU"; *s; s++)
			word_start(cls, *s);
	if (flags & LANG_CXX_RAW_STRINGS)
		for (const char *s = "RuUL"; *s; s++)
			word_start(cls, *s);
	if (flags & LANG_RUST_RAW_STRINGS)
		for (const char *s = "rbc"; *s; s++)
			word_start(cls, *s);

	switch (lang->syntax) {
	case SYNTAX_PLAIN:
		break;
	case SYNTAX_C:
		cls['/'] = C_SLASH;
		cls['"'] = C_DQUOTE;
		cls['\''] = C_SQUOTE;
		if (flags & LANG_BACKTICK_STRINGS)
			cls['`'] = C_BTICK;
		if (flags & LANG_HASH_COMMENTS)
			cls['#'] = C_HASH;
		if (flags & LANG_VERBATIM_STRINGS)
			cls['@'] = C_AT;
		break;
	case SYNTAX_HASH:
	case SYNTAX_PYTHON:
	case SYNTAX_RUBY:
	case SYNTAX_PERL:
		cls['#'] = C_HASH;
		cls['"'] = C_DQUOTE;
		cls['\''] = C_SQUOTE;
		break;
	case SYNTAX_PERCENT:
		cls['%'] = C_HASH;
		cls['"'] = C_DQUOTE;
		break;
	case SYNTAX_SQL:
		cls['-'] = C_DASH;
		cls['/'] = C_SLASH;
		cls['"'] = C_DQUOTE;
		cls['\''] = C_SQUOTE;
		break;
	case SYNTAX_LUA:
		cls['-'] = C_DASH;
		cls['['] = C_LBRACK;
		cls['"'] = C_DQUOTE;
		cls['\''] = C_SQUOTE;
		break;
	case SYNTAX_MARKUP:
		cls['<'] = C_LT;
		break;
	case SYNTAX_CSS:
		cls['/'] = C_SLASH;
		cls['"'] = C_DQUOTE;
		cls['\''] = C_SQUOTE;
		break;
	case SYNTAX_TEMPLATE:
	case SYNTAX_HAML:
	case SYNTAX_SLIM:
		break;
	}
	for (const char *const *b = lang->blocks; b && b[0] && b[1]; b += 2)
		cls[(unsigned char)b[0][0]] = C_BLOCK;
}

/*
 * Tables of the languages in the language table, built once: building
 * one costs more than counting a small file.
 */
#define MAX_TABLES 128
static struct lang_table tables[MAX_TABLES];
static size_t ntables;
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void add_table(const struct language *lang, void *ctx)
{
	(void)ctx;
	if (ntables < MAX_TABLES)
		table_init(&tables[ntables++], lang);
}

static void build_tables(void)
{
	language_for_each(add_table, NULL);
}

/*
 * The table of lang: a built one, or, for a language from elsewhere (scan
 * counts unknown files as plain text), this thread's table of the last
 * such language, rebuilt when a different one comes.
 */
static inline __attribute__((always_inline)) const struct lang_table *
table_for(const struct language *lang)
{
	static _Thread_local struct lang_table stranger;
	static _Thread_local struct language stranger_lang;

	pthread_once(&tables_once, build_tables);
	for (size_t i = 0; i < ntables; i++)
		if (tables[i].lang == lang)
			return &tables[i];
	if (stranger.lang != lang || stranger_lang.syntax != lang->syntax ||
	    stranger_lang.flags != lang->flags ||
	    stranger_lang.branch_words != lang->branch_words ||
	    stranger_lang.branch_ops != lang->branch_ops) {
		table_init(&stranger, lang);
		stranger_lang = *lang;
	}
	return &stranger;
}

static void setup(struct counter *c, const struct lang_table *t,
		  const char *buf, size_t len)
{
	memset(c, 0, sizeof(*c));
	c->buf = (const unsigned char *)buf;
	c->end = c->buf + len;
	c->t = t;
	c->cls = t->cls;
	c->flags = t->lang->flags;
	c->syntax = t->lang->syntax;
	c->ops = t->lang->branch_ops;
}

static inline __attribute__((always_inline)) void
count_word(struct counter *c, const unsigned char *s, size_t n)
{
	unsigned char f = s[0];

	const struct lang_table *t = c->t;

	if (n >= 32 || !((t->lens >> n) & 1) ||
	    !((t->first[f >> 6] >> (f & 63)) & 1))
		return;
	for (unsigned i = 0; i < t->nwords; i++) {
		const char *w = t->words[i];
		size_t k = 1;

		if (t->wlen[i] != n || w[0] != f)
			continue;
		while (k < n && (unsigned char)w[k] == s[k])
			k++;
		if (k < n)
			continue;
		if (c->syntax == SYNTAX_C) {
			/* "#if" and "#elif" are not branches of the program */
			const unsigned char *b = s;

			while (b > c->buf && is_space(b[-1]))
				b--;
			if (b > c->buf && b[-1] == '#')
				return;
		}
		c->complexity++;
		return;
	}
}

/* Matches a branch operator at p; returns its length, 0 for none. */
static inline __attribute__((always_inline)) size_t
match_op(struct counter *c, const unsigned char *p)
{
	size_t left = c->end - p;

	for (const char *const *o = c->ops; *o; o++) {
		const char *op = *o;
		unsigned char next = left > 1 ? p[1] : '\n';

		if (op[0] == ' ' && op[1] == '?' && !op[2]) {
			/* Swift, Ruby, C#: "a ? b : c" with spaces */
			if (*p == '?' && p > c->buf && is_space(p[-1]) &&
			    (is_space(next) || next == '\n'))
				return 1;
		} else if (op[0] == '?' && !op[1]) {
			/* not a?.b, a ?? b, x?: T, a?[i], ?=, <?php or ?> */
			if (*p == '?' && !strchr(".?:[=>", next) &&
			    !(p > c->buf && (p[-1] == '?' || p[-1] == '<')))
				return 1;
		} else {
			size_t n = strlen(op);

			if (n <= left && !memcmp(op, p, n))
				return n;
		}
	}
	return 0;
}

/*
 * Skips a block comment whose opener ends at p (C style, or markup, or
 * SQL): returns the position after the closer, or the end. `close` is
 * the closing sequence; with `nest`, `open` nests.
 */
static const unsigned char *skip_block(struct counter *c,
				       const unsigned char *p,
				       const char *open, const char *close,
				       int nest)
{
	const unsigned char *end = c->end;
	size_t clen = strlen(close), olen = nest ? strlen(open) : 0;
	unsigned char c0 = close[0], o0 = nest ? open[0] : 0;
	int depth = 1;

	c->line |= LINE_COMMENT;
	while (p < end) {
		const unsigned char *nl, *hit;

		/* a line's first non-blank byte makes it a comment line */
		if (!c->line) {
			while (p < end && is_space(*p))
				p++;
			if (p == end)
				break;
			if (*p != '\n')
				c->line |= LINE_COMMENT;
		}
		nl = memchr(p, '\n', end - p);
		if (!nl)
			nl = end;
		if (!nest) {
			for (hit = p; (hit = memchr(hit, c0, nl - hit));
			     hit++) {
				if ((size_t)(end - hit) >= clen &&
				    !memcmp(hit, close, clen))
					return hit + clen;
			}
		} else {
			for (hit = p; hit < nl; hit++) {
				if (*hit == c0 && (size_t)(end - hit) >= clen &&
				    !memcmp(hit, close, clen)) {
					if (!--depth)
						return hit + clen;
					hit += clen - 1;
				} else if (*hit == o0 &&
					   (size_t)(end - hit) >= olen &&
					   !memcmp(hit, open, olen)) {
					depth++;
					hit += olen - 1;
				}
			}
		}
		if (nl == end)
			return end;
		end_line(c, nl);
		p = nl + 1;
	}
	return p;
}

/* Skips to the end of a line comment: returns the '\n' (or the end). */
static const unsigned char *skip_line_comment(struct counter *c,
					      const unsigned char *p)
{
	const unsigned char *end = c->end;

	c->line |= LINE_COMMENT;
	for (;;) {
		const unsigned char *nl = memchr(p, '\n', end - p), *b;

		if (!nl)
			return end;
		if (!(c->flags & LANG_LINE_SPLICE))
			return nl;
		/* C: a backslash at the end of the line continues it */
		b = nl;
		if (b > p && b[-1] == '\r')
			b--;
		if (b == p || b[-1] != '\\')
			return nl;
		end_line(c, nl);
		p = nl + 1;
		while (p < end && is_space(*p))
			p++;
		if (p < end && *p != '\n')
			c->line |= LINE_COMMENT;
	}
}

/*
 * Bytes that stop the run inside a string quoted with '"' (bit 0), '\''
 * (bit 1) or '`' (bit 2): the quote itself, and for all three a newline,
 * a backslash and the NUL that may be the end of the buffer.
 */
static const unsigned char string_stop[256] = {
	['"'] = 1, ['\''] = 2, ['`'] = 4, ['\n'] = 7, ['\\'] = 7, ['\0'] = 7,
};

/*
 * A string's bytes mark every line they touch but for blank ones: after
 * a newline inside one, marks the new line unless it is blank. Returns
 * the first byte on it that is not white space.
 */
static const unsigned char *mark_line(struct counter *c,
				      const unsigned char *p, unsigned mark)
{
	while (is_space(*p))
		p++;
	if (*p != '\n' && p != c->end)
		c->line |= mark;
	return p;
}

/*
 * Skips a string whose opening quote q ends at p. `mark` is what its
 * bytes make a line (code, or comment for Python's triple quotes);
 * `triple` needs three quotes to close; `esc` honours backslashes;
 * `multi` lets a plain newline continue the string (else the string is
 * unterminated and stops there, so a stray quote costs one line).
 */
static const unsigned char *skip_string(struct counter *c,
					const unsigned char *p,
					unsigned char q, unsigned mark,
					int triple, int esc, int multi)
{
	unsigned stop = string_stop[q];

	/* the opening quote marked this line; mark_line() marks the rest */
	c->line |= mark;
	for (;;) {
		unsigned char b;

		while (!(string_stop[*p] & stop))
			p++;
		b = *p;
		if (b == q) {
			if (!triple)
				return p + 1;
			if (p[1] == q && p[2] == q)
				return p + 3;
			p++;
		} else if (b == '\n') {
			if (!multi && !triple)
				return p;
			end_line(c, p);
			p = mark_line(c, p + 1, mark);
		} else if (b == '\\') {
			p++;
			if (!esc)
				continue;
			if (*p == '\r' && p[1] == '\n')
				p++;
			if (*p == '\n') {
				end_line(c, p);
				p = mark_line(c, p + 1, mark);
			} else if (p < c->end) {
				p++;
			}
		} else if (p == c->end) {
			return p;
		} else {
			p++; /* a stray NUL */
		}
	}
}

/*
 * A JS/TS template literal whose backtick ends at p. Templates mostly
 * hold CSS, HTML or SQL, so a slash-star comment in one, or a // that
 * opens a line, is a comment (as cloc and a reader see it); it ends at
 * its closer or at the template's closing backtick.
 */
static inline __attribute__((always_inline)) const unsigned char *
skip_template(struct counter *c, const unsigned char *p)
{
	const unsigned char *end = c->end;
	int in_comment = 0, line_start = 0;

	c->line |= LINE_CODE;
	while (p < end) {
		unsigned char b = *p;

		if (b == '`') {
			c->line |= in_comment ? LINE_COMMENT : LINE_CODE;
			return p + 1;
		}
		if (b == '\n') {
			end_line(c, p);
			if (in_comment == 2)
				in_comment = 0;
			line_start = 1;
			p++;
			continue;
		}
		if (is_space(b)) {
			p++;
			continue;
		}
		if (in_comment) {
			c->line |= LINE_COMMENT;
			if (in_comment == 1 && b == '*' && end - p > 1 &&
			    p[1] == '/') {
				in_comment = 0;
				p++;
			}
		} else if (b == '/' && end - p > 1 &&
			   (p[1] == '*' || (p[1] == '/' && line_start))) {
			c->line |= LINE_COMMENT;
			in_comment = p[1] == '*' ? 1 : 2;
			p++;
		} else if (b == '\\') {
			c->line |= LINE_CODE;
			p++;
			if (p == end)
				break; /* a backslash ends the file */
			if (*p == '\n')
				continue;
		} else {
			c->line |= LINE_CODE;
		}
		line_start = 0;
		p++;
	}
	return p;
}

/* A '...' char literal at p ('x', '\n', '\u{1F600}'); else NULL. */
static inline __attribute__((always_inline)) const unsigned char *
skip_char(struct counter *c, const unsigned char *p)
{
	const unsigned char *end = c->end, *q = p + 1;
	const unsigned char *limit = end - q > 12 ? q + 12 : end;

	if (q < end && *q == '\\')
		q += 2;
	else if (q < end && *q < 0x80 && *q != '\n' && *q != '\'')
		q++;
	else if (q < end && *q >= 0x80)
		while (q < limit && *q >= 0x80)
			q++;
	else
		return NULL;
	if (p[1] == '\\')
		while (q < limit && *q != '\'' && *q != '\n')
			q++;
	return q < end && *q == '\'' ? q + 1 : NULL;
}

/* C++ R"delim(...)delim": p is at the quote. */
static const unsigned char *skip_cxx_raw(struct counter *c,
					 const unsigned char *p)
{
	const unsigned char *end = c->end, *d = p + 1, *paren = d;
	size_t dlen;

	while (paren < end && paren - d <= 16 && *paren != '(' &&
	       *paren != '"' && *paren != '\n' && *paren != ' ')
		paren++;
	if (paren == end || *paren != '(')
		return NULL;
	dlen = paren - d;
	for (p = paren + 1; p < end; p++) {
		if (*p == '\n') {
			end_line(c, p);
			continue;
		}
		if (!is_space(*p))
			c->line |= LINE_CODE;
		if (*p == ')' && (size_t)(end - p) > dlen + 1 &&
		    !memcmp(p + 1, d, dlen) && p[1 + dlen] == '"')
			return p + dlen + 2;
	}
	return end;
}

/* Rust r#"..."#: p is at the first '#' or the quote. */
static const unsigned char *skip_rust_raw(struct counter *c,
					  const unsigned char *p)
{
	const unsigned char *end = c->end;
	size_t hashes = 0;

	while (p < end && *p == '#') {
		hashes++;
		p++;
	}
	if (p == end || *p != '"')
		return NULL;
	for (p++; p < end; p++) {
		size_t n = 0;

		if (*p == '\n') {
			end_line(c, p);
			continue;
		}
		if (!is_space(*p))
			c->line |= LINE_CODE;
		if (*p != '"')
			continue;
		while (n < hashes && p + 1 + n < end && p[1 + n] == '#')
			n++;
		if (n == hashes)
			return p + 1 + n;
	}
	return end;
}

/* Lua [[...]], [==[...]==]: p is at the first '['; NULL if not one. */
static const unsigned char *skip_lua_long(struct counter *c,
					  const unsigned char *p,
					  unsigned mark)
{
	const unsigned char *end = c->end, *q = p + 1;
	char close[16];
	size_t level;

	while (q < end && *q == '=' && q - p < 12)
		q++;
	if (q == end || *q != '[')
		return NULL;
	level = q - p - 1;
	close[0] = ']';
	memset(close + 1, '=', level);
	close[level + 1] = ']';
	close[level + 2] = '\0';
	if (mark == LINE_COMMENT)
		return skip_block(c, q + 1, "", close, 0);
	/* a long string: code, but its lines still end here */
	for (p = q + 1; p < end; p++) {
		if (*p == '\n') {
			end_line(c, p);
			continue;
		}
		if (!is_space(*p))
			c->line |= LINE_CODE;
		if (*p == ']' && (size_t)(end - p) >= level + 2 &&
		    !memcmp(p, close, level + 2))
			return p + level + 2;
	}
	return end;
}

/* Words after which a '/' starts a regular expression, not a division. */
static int regex_keyword(const unsigned char *s, size_t n)
{
	static const char *const words[] = {
		"return", "typeof", "case", "in", "of", "delete", "void",
		"throw", "new", "instanceof", "yield", "await", "else", "do",
		NULL
	};

	for (const char *const *w = words; *w; w++)
		if (strlen(*w) == n && !memcmp(*w, s, n))
			return 1;
	return 0;
}

/*
 * A JS/TS regular expression literal at p ('/'), told from a division by
 * what comes before it on the line: returns its end, or NULL.
 */
static inline __attribute__((always_inline)) const unsigned char *
skip_regex(struct counter *c, const unsigned char *p)
{
	const unsigned char *end = c->end, *b = p, *q;
	int in_class = 0;

	while (b > c->buf && is_space(b[-1]))
		b--;
	if (b > c->buf && b[-1] != '\n') {
		unsigned char prev = b[-1];

		if (is_ident_class(c->cls[prev])) {
			const unsigned char *s = b;

			while (s > c->buf && is_ident_class(c->cls[s[-1]]))
				s--;
			if (!regex_keyword(s, b - s))
				return NULL;
		} else if (strchr(")]\"'`", prev)) {
			return NULL;
		}
	}
	for (q = p + 1; q < end && *q != '\n'; q++) {
		if (*q == '\\') {
			if (q + 1 < end && q[1] == '\n')
				return NULL;
			q++;
		} else if (*q == '[') {
			in_class = 1;
		} else if (*q == ']') {
			in_class = 0;
		} else if (*q == '/' && !in_class) {
			return q + 1;
		}
	}
	return NULL;
}

static int is_py_prefix(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr("rRbBfFuU", s[i]))
			return 0;
	return n && n <= 2;
}

static int is_cxx_raw_prefix(const unsigned char *s, size_t n)
{
	return (n == 1 && s[0] == 'R') ||
	       (n == 2 && strchr("uUL", s[0]) && s[1] == 'R') ||
	       (n == 3 && !memcmp(s, "u8R", 3));
}

/* Whole-line starts: Ruby =begin, Perl POD and __END__. */
static const unsigned char *line_start(struct counter *c,
				       const unsigned char *p)
{
	const unsigned char *end = c->end;
	size_t left = end - p;

	if (*p == '_' && c->syntax == SYNTAX_PERL &&
	    ((left >= 7 && !memcmp(p, "__END__", 7)) ||
	     (left >= 8 && !memcmp(p, "__DATA__", 8)))) {
		/* the rest is data, which cloc counts as comment */
		while (p < end) {
			if (*p == '\n')
				end_line(c, p);
			else if (!is_space(*p))
				c->line |= LINE_COMMENT;
			p++;
		}
		return p;
	}
	if (*p != '=' || left < 2 ||
	    !((p[1] >= 'a' && p[1] <= 'z') || (p[1] >= 'A' && p[1] <= 'Z')))
		return p;
	if (c->syntax == SYNTAX_RUBY &&
	    !(left >= 6 && !memcmp(p, "=begin", 6) &&
	      (left == 6 || !is_ident_class(c->cls[p[6]]))))
		return p;
	/* to the end of the closing =end or =cut line */
	while (p < end) {
		const unsigned char *nl = memchr(p, '\n', end - p);
		const unsigned char *eol = nl ? nl : end;
		int last = 0;

		for (const unsigned char *s = p; s < eol; s++)
			if (!is_space(*s)) {
				c->line |= LINE_COMMENT;
				break;
			}
		if (c->syntax == SYNTAX_RUBY)
			last = eol - p >= 4 && !memcmp(p, "=end", 4) &&
			       (eol - p == 4 || !is_ident_class(c->cls[p[4]]));
		else
			last = eol - p >= 4 && !memcmp(p, "=cut", 4) &&
			       (eol - p == 4 || !is_ident_class(c->cls[p[4]]));
		if (!nl)
			return end;
		if (last)
			return nl;
		end_line(c, nl);
		p = nl + 1;
	}
	return p;
}

/*
 * A comment of struct language.blocks opening at p: returns the byte
 * after it (with a Go template's "}}" or " -}}"), or NULL when none of
 * the openers is there.
 */
static inline __attribute__((always_inline)) const unsigned char *
skip_extra_block(struct counter *c, const unsigned char *p)
{
	const unsigned char *end = c->end;

	for (const char *const *b = c->t->lang->blocks; b[0] && b[1]; b += 2) {
		size_t n = strlen(b[0]);

		if ((size_t)(end - p) < n || memcmp(p, b[0], n))
			continue;
		p = skip_block(c, p + n, b[0], b[1], 0);
		if (c->flags & LANG_TEMPLATE_TRIM) {
			if (end - p >= 2 && p[0] == '}' && p[1] == '}')
				p += 2;
			else if (end - p >= 4 && !memcmp(p, " -}}", 4))
				p += 4;
		}
		return p;
	}
	return NULL;
}

/*
 * Haml and Slim, line by line as cloc 1.96 reads them: a comment marker
 * alone on its line (Haml "/" or "-#"; Slim "/" and any text but "/!")
 * makes every following line indented deeper a comment, tabs counted to
 * the next multiple of eight; Haml's "/ text" and "-# text" lines and
 * <!-- --> comments are comments too. Blank lines stay blank.
 */
static void count_indented(struct counter *c)
{
	const unsigned char *p = c->buf, *end = c->end;
	int haml = c->syntax == SYNTAX_HAML, in_html = 0;
	size_t block = 0; /* indent of the comment's lines, plus one */

	while (p < end) {
		const unsigned char *nl = memchr(p, '\n', (size_t)(end - p));
		const unsigned char *eol = nl ? nl : end, *s = p, *t;
		size_t indent = 0;
		unsigned kind = LINE_CODE;

		for (; s < eol && is_space(*s); s++)
			indent = *s == '\t' ? (indent / 8 + 1) * 8 : indent + 1;
		t = eol;
		while (t > s && is_space(t[-1]))
			t--;
		if (s == eol) {
			kind = 0;
		} else if (block && indent >= block) {
			kind = LINE_COMMENT;
		} else {
			block = 0;
			if (haml &&
			    ((t - s == 1 && *s == '/') ||
			     (t - s == 2 && s[0] == '-' && s[1] == '#')))
				block = indent + 1;
			else if (!haml && *s == '/' && s + 1 < eol &&
				 s[1] != '!')
				block = indent + 1;
			if (block)
				kind = LINE_COMMENT;
		}
		if (haml && kind == LINE_CODE) {
			/* <!-- -->: what is left outside them decides */
			const unsigned char *q = s;
			int code = 0;

			while (q < t) {
				const unsigned char *close;

				if (in_html) {
					close = memmem(q, (size_t)(t - q),
						       "-->", 3);
					if (!close)
						break;
					in_html = 0;
					q = close + 3;
					continue;
				}
				if (t - q >= 4 && !memcmp(q, "<!--", 4)) {
					in_html = 1;
					q += 4;
					continue;
				}
				if (!is_space(*q))
					code = 1;
				q++;
			}
			/* cloc drops a line that opens an unclosed one */
			if (!code || in_html)
				kind = LINE_COMMENT;
			else if (*s == '/' ||
				 (*s == '-' && s + 1 < t && s[1] == '#'))
				kind = LINE_COMMENT;
		}
		c->line = kind;
		end_line(c, eol);
		p = nl ? nl + 1 : end;
	}
}

/*
 * The first byte from p that is not plain (C_OTHER, C_SPACE, C_IDENT).
 * Unrolled, as runs of plain bytes are often longer than four.
 */
static inline const unsigned char *skip_plain(const unsigned char *cls,
					      const unsigned char *p)
{
	for (;; p += 4) {
		if (cls[p[0]] > C_IDENT)
			return p;
		if (cls[p[1]] > C_IDENT)
			return p + 1;
		if (cls[p[2]] > C_IDENT)
			return p + 2;
		if (cls[p[3]] > C_IDENT)
			return p + 3;
	}
}

/*
 * The count, and with hk the hook's calls (linecount_follow()). Inlined
 * twice: without a hook the tests on it are gone, and counting alone
 * costs what it did.
 */
static inline __attribute__((always_inline)) void
count_impl(struct counter *c, const struct linecount_hook *hk)
{
	const unsigned char *p = c->buf, *end = c->end;
	const unsigned char *cls = c->cls;
	/* the hook's, kept in registers: only line() changes one */
	const char *from = hk ? hk->from : NULL;
	const unsigned char *line_first = hk ? hk->line_first : NULL;
	const unsigned char *dot_prev = hk ? hk->dot_prev : NULL;
	const unsigned char *dot_next = hk ? hk->dot_next : NULL;
	enum lang_syntax syn = c->syntax;
	unsigned flags = c->flags;
	int hooks = syn == SYNTAX_RUBY || syn == SYNTAX_PERL;
	/* Python's triple-quoted strings count as comment, as in cloc */
	unsigned triple_mark = syn == SYNTAX_PYTHON ? LINE_COMMENT : LINE_CODE;

	/* a #! line is code, as cloc counts scripts */
	if (end - p >= 2 && p[0] == '#' && p[1] == '!') {
		c->line = LINE_CODE;
		p = memchr(p, '\n', end - p);
		if (!p)
			p = end;
	} else if (hooks && p < end) {
		p = line_start(c, p);
	}

	for (;;) {
		const unsigned char *s, *q;
		unsigned char k;
		size_t n;

		/* white space alone leaves a line blank */
		while (cls[*p] == C_SPACE)
			p++;
		k = cls[*p];
		if (k <= C_IDENT) {
			/*
			 * Code: run over plain bytes to the next one that
			 * matters. Inside an identifier, the first letter of
			 * a branch word is plain too.
			 */
			c->line |= LINE_CODE;
			do {
				p = skip_plain(cls, p + 1);
				k = cls[*p];
			} while (k == C_WORD && is_ident_class(cls[p[-1]]));
		}

	dispatch:
		switch (k) {
		case C_NUL:
			if (p == end)
				goto done;
			c->line |= LINE_CODE; /* a stray NUL */
			p++;
			break;
		case C_NL:
			end_line(c, p);
			p++;
			/* linecount_follow() takes no Ruby or Perl */
			if (!hk && hooks && p < end)
				p = line_start(c, p);
			if (hk && line_first[*p] && (const char *)p > from) {
				hk->line(hk->ctx, (const char *)p,
					 c->n[0] + c->n[1] + c->n[2] + 1);
				line_first = hk->line_first;
			}
			break;
		case C_DOT:
			c->line |= LINE_CODE;
			/* p > from first: a file may start with '.' */
			if (hk && (const char *)p > from && dot_prev[p[-1]] &&
			    dot_next[p[1]])
				hk->dot(hk->ctx, (const char *)p);
			/* the run of code goes on, as if '.' were plain */
			do {
				p = skip_plain(cls, p + 1);
				k = cls[*p];
			} while (k == C_WORD && is_ident_class(cls[p[-1]]));
			goto dispatch;
		case C_WORD:
			/* an identifier that may be a branch word or prefix */
			s = p;
			do
				p++;
			while (is_ident_class(cls[*p]));
			n = p - s;
			if (*p == '"' || *p == '\'' || *p == '#') {
				/* string prefixes: r"", R"()", r#""#, rb'' */
				if (syn == SYNTAX_PYTHON && *p != '#' &&
				    is_py_prefix(s, n))
					break; /* the quote decides the mark */
				if ((flags & LANG_CXX_RAW_STRINGS) &&
				    *p == '"' && is_cxx_raw_prefix(s, n) &&
				    (q = skip_cxx_raw(c, p))) {
					c->line |= LINE_CODE;
					p = q;
					break;
				}
				if ((flags & LANG_RUST_RAW_STRINGS) &&
				    ((n == 1 && *s == 'r') ||
				     (n == 2 && s[1] == 'r' &&
				      (*s == 'b' || *s == 'c'))) &&
				    (q = skip_rust_raw(c, p))) {
					c->line |= LINE_CODE;
					p = q;
					break;
				}
			}
			c->line |= LINE_CODE;
			if (c->t->nwords)
				count_word(c, s, n);
			break;
		case C_SLASH:
			if (end - p > 1 && p[1] == '*') {
				p = skip_block(c, p + 2, "/*", "*/",
					       flags & LANG_NESTED_COMMENTS);
			} else if (end - p > 1 && p[1] == '/' &&
				   (syn == SYNTAX_C ||
				    (flags & LANG_SLASH_COMMENTS))) {
				if (hk && hk->comment &&
				    (const char *)p >= from)
					hk->comment(hk->ctx, (const char *)p);
				p = skip_line_comment(c, p);
			} else if ((flags & LANG_REGEX_LITERALS) &&
				   (q = skip_regex(c, p))) {
				c->line |= LINE_CODE;
				p = q;
			} else {
				c->line |= LINE_CODE;
				p++;
			}
			break;
		case C_DQUOTE:
			if (((flags & LANG_TRIPLE_STRINGS) ||
			     syn == SYNTAX_PYTHON) &&
			    end - p >= 3 && p[1] == '"' && p[2] == '"') {
				p = skip_string(c, p + 3, '"', triple_mark, 1,
						1, 1);
				break;
			}
			p = skip_string(c, p + 1, '"', LINE_CODE, 0, 1,
					flags & LANG_MULTILINE_STRINGS);
			break;
		case C_SQUOTE:
			if (flags & LANG_CHAR_QUOTES) {
				q = skip_char(c, p);
				c->line |= LINE_CODE;
				/* a lone quote: 'a lifetime, 1'000 */
				p = q ? q : p + 1;
				break;
			}
			if (syn == SYNTAX_PYTHON && end - p >= 3 &&
			    p[1] == '\'' && p[2] == '\'') {
				p = skip_string(c, p + 3, '\'', triple_mark, 1,
						1, 1);
				break;
			}
			/* shell '...' has no escapes */
			p = skip_string(c, p + 1, '\'', LINE_CODE, 0,
					syn != SYNTAX_HASH, 0);
			break;
		case C_BTICK:
			if (flags & LANG_REGEX_LITERALS)
				p = skip_template(c, p + 1);
			else /* Go: raw, no escapes */
				p = skip_string(c, p + 1, '`', LINE_CODE, 0, 0,
						1);
			break;
		case C_HASH:
			/* $# and ${#x} (shell, Perl) and a#b (shell) */
			if (p > c->buf && (p[-1] == '$' ||
					   (syn == SYNTAX_HASH &&
					    !is_space(p[-1]) && p[-1] != '\n' &&
					    p[-1] != ';'))) {
				c->line |= LINE_CODE;
				p++;
				break;
			}
			/* PHP 8 #[Attribute]; TeX \% */
			if ((syn == SYNTAX_C && end - p > 1 && p[1] == '[') ||
			    (syn == SYNTAX_PERCENT && p > c->buf &&
			     p[-1] == '\\')) {
				c->line |= LINE_CODE;
				p++;
				break;
			}
			p = skip_line_comment(c, p);
			break;
		case C_DASH:
			if (end - p > 1 && p[1] == '-') {
				if (syn == SYNTAX_LUA && end - p > 2 &&
				    p[2] == '[' &&
				    (q = skip_lua_long(c, p + 2,
						       LINE_COMMENT))) {
					p = q;
					break;
				}
				p = skip_line_comment(c, p);
				break;
			}
			c->line |= LINE_CODE;
			p++;
			break;
		case C_LT:
			if (end - p >= 4 && !memcmp(p, "<!--", 4)) {
				p = skip_block(c, p + 4, "<!--", "-->", 0);
				break;
			}
			c->line |= LINE_CODE;
			p++;
			break;
		case C_LBRACK:
			c->line |= LINE_CODE;
			q = skip_lua_long(c, p, LINE_CODE);
			p = q ? q : p + 1;
			break;
		case C_AT:
			c->line |= LINE_CODE;
			s = p + 1;
			if (s < end && *s == '$')
				s++;
			if (s < end && *s == '"') {
				/* C# @"...": "" is a quote, no escapes */
				p = s + 1;
				for (;;) {
					p = skip_string(c, p, '"', LINE_CODE, 0,
							0, 1);
					if (p < end && *p == '"')
						p++;
					else
						break;
				}
				break;
			}
			p++;
			break;
		case C_BLOCK:
			q = skip_extra_block(c, p);
			if (q) {
				p = q;
				break;
			}
			c->line |= LINE_CODE;
			p++;
			break;
		case C_OP:
			c->line |= LINE_CODE;
			n = match_op(c, p);
			if (n) {
				c->complexity++;
				p += n;
			} else {
				p++;
			}
			break;
		default:
			/* plain bytes never get here: they never stop a run */
			c->line |= LINE_CODE;
			p++;
			break;
		}
	}
done:
	if (end > c->buf && end[-1] != '\n')
		end_line(c, end);
}

static void count(struct counter *c)
{
	count_impl(c, NULL);
}

static void count_followed(struct counter *c, const struct linecount_hook *hk)
{
	count_impl(c, hk);
}

/* The counts of a finished count c into *out. */
static void counted(struct line_counts *out, const struct counter *c,
		    size_t bom, size_t len)
{
	out->code = c->n[N_CODE];
	out->comment = c->n[N_COMMENT];
	out->blank = c->n[N_BLANK];
	out->lines = out->code + out->comment + out->blank;
	out->complexity = c->complexity;
	if (bom && !len)
		out->blank = out->lines = 1; /* a line of nothing but a mark */
}

void linecount_buffer(struct line_counts *out, const struct language *lang,
		      const char *buf, size_t len)
{
	struct counter c;
	size_t bom = utf8_bom(buf, len);

	/* cloc drops it too: a BOM alone on its line leaves a blank line */
	utf8_skip_bom(&buf, &len);
	setup(&c, table_for(lang), buf, len);
	if (lang->syntax == SYNTAX_HAML || lang->syntax == SYNTAX_SLIM)
		count_indented(&c);
	else
		count(&c);
	counted(out, &c, bom, len);
}

void linecount_follow(struct line_counts *out, const struct language *lang,
		      const char *buf, size_t len,
		      const struct linecount_hook *hk)
{
	struct counter c;
	size_t bom = utf8_bom(buf, len);
	unsigned char cls[256];

	/* their line starts are looked at: counted without a hook */
	if (lang->syntax == SYNTAX_RUBY || lang->syntax == SYNTAX_PERL) {
		linecount_buffer(out, lang, buf, len);
		return;
	}
	utf8_skip_bom(&buf, &len);
	setup(&c, table_for(lang), buf, len);
	if (lang->syntax == SYNTAX_HAML || lang->syntax == SYNTAX_SLIM) {
		count_indented(&c);
	} else {
		/* '.' stops the run where it is plain punctuation */
		if (hk->dot_prev && c.cls['.'] == C_OTHER) {
			memcpy(cls, c.cls, sizeof(cls));
			cls['.'] = C_DOT;
			c.cls = cls;
		}
		count_followed(&c, hk);
	}
	counted(out, &c, bom, len);
}
