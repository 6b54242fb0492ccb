/*
 * The JavaScript and TypeScript dependency lexer (JSX and TSX included):
 * static import and export-from, side-effect imports, `import type`,
 * import("x") and require("x"). Comments, strings, template literals and
 * regular expression literals are skipped, so text that looks like an
 * import inside them is never one.
 *
 * Speed: one loop over a class table runs through code, stopping only
 * where a comment, string, template, regular expression or brace may
 * start, or at the first letter of a word that may be import, export or
 * require. What the old token-by-token scan tracked at every token
 * (whether a '/' would start a regular expression, whether the last
 * token was a '.', the line number) is worked out only where it is
 * needed: the state at the last stop (the mark) plus a look back over
 * the plain bytes since, and a count of newlines up to each import.
 * The buffer is NUL-terminated at len (deps_extract()'s contract), so
 * that NUL ends every loop and none tests for the end.
 */
#include <string.h>

#include "carve/deps.h"
#include "carve/ident.h"

/* Template literals nested deeper than this are scanned as code. */
#define JS_MAX_TEMPLATES 64

struct js_lexer {
	const char *buf, *p, *end;
	/*
	 * Lines: import_export() and call_literal() count them as they go
	 * (from 0 at the keyword), as the old scan did everywhere; the loop
	 * in deps_js() does not. A dependency's line is the number of
	 * newlines before its keyword plus `bias`: what those functions
	 * counted beyond the newlines they passed (they count some twice
	 * when they back up, and the results keep that).
	 */
	unsigned line;
	int bias;
	const char *counted; /* newlines before here are in `newlines` */
	unsigned newlines;
	const char *kw; /* the keyword being parsed */
	/*
	 * The token state where the loop last stopped (see token_state()):
	 * the scan state at `mark`, and whether it was skipping blanks and
	 * comments there (then a '\f' or '\v' after it is blank too).
	 */
	const char *mark;
	int mark_regex_ok, mark_prev_dot, mark_blank;
	struct dep_list *out;
	struct arena *arena;
	/*
	 * Whether a '/' here would start a regular expression: after an
	 * operator, '(' or a keyword such as return; not after a value.
	 */
	int braces; /* '{' depth, for the ends of template expressions */
	int templates[JS_MAX_TEMPLATES]; /* brace depth at each '${' */
	int nr_templates;
};

static inline int is_ident(int c)
{
	return ident_char(c, IDENT_DOLLAR | IDENT_HIGH);
}

static int word_is(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && !memcmp(s, word, n);
}

/* Keywords after which a '/' starts a regular expression. */
static int regex_keyword(const char *s, size_t n)
{
	static const char *const words[] = {
		"return", "typeof", "instanceof", "in", "of", "new", "delete",
		"void", "throw", "case", "do", "else", "yield", "await", NULL
	};

	for (int i = 0; words[i]; i++)
		if (words[i][0] == s[0] && word_is(s, n, words[i]))
			return 1;
	return 0;
}

/* Skips a '...' or "..." string at lx->p; ends at a newline too. */
static void skip_string(struct js_lexer *lx)
{
	char q = *lx->p++;

	while (lx->p < lx->end) {
		char c = *lx->p;

		if (c == '\\') {
			if (lx->p + 1 < lx->end && lx->p[1] == '\n')
				lx->line++;
			lx->p += 2;
			continue;
		}
		if (c == '\n')
			return;
		lx->p++;
		if (c == q)
			return;
	}
	if (lx->p > lx->end)
		lx->p = lx->end;
}

/*
 * Bytes that stop the run inside a string quoted with '"' (bit 0) or
 * '\'' (bit 1), or a template (bit 2): the quote, a backslash and the
 * NUL that may be the end of the buffer; a newline ends a string, a
 * '$' may start a template's expression.
 */
static const unsigned char string_stop[256] = {
	['"'] = 1, ['\''] = 2, ['\n'] = 3, ['`'] = 4,
	['$'] = 4, ['\\'] = 7, ['\0'] = 7,
};

/*
 * The end of the '...' or "..." string whose quote is at p: after the
 * closing quote, or at the newline that ends it unterminated.
 */
static const char *skip_quoted(const char *p, const char *end)
{
	char q = *p++;
	unsigned stop = string_stop[(unsigned char)q];

	for (;;) {
		while (!(string_stop[(unsigned char)*p] & stop))
			p++;
		if (*p == q)
			return p + 1;
		if (*p == '\n')
			return p;
		if (*p == '\\') {
			if (p + 1 >= end)
				return end;
			p += 2;
		} else if (p >= end) {
			return end;
		} else {
			p++; /* a NUL inside the file */
		}
	}
}

/*
 * Skips template text from p to after the closing backtick, or into a
 * `${` expression (then recorded on the template stack).
 */
static const char *skip_template(struct js_lexer *lx, const char *p)
{
	for (;;) {
		while (!(string_stop[(unsigned char)*p] & 4))
			p++;
		if (*p == '`')
			return p + 1;
		if (*p == '\\') {
			if (p + 1 >= lx->end)
				return lx->end;
			p += 2;
		} else if (*p == '$') {
			p++;
			if (*p == '{' && lx->nr_templates < JS_MAX_TEMPLATES) {
				lx->templates[lx->nr_templates++] = lx->braces;
				return p + 1;
			}
		} else if (p >= lx->end) {
			return lx->end;
		} else {
			p++; /* a NUL inside the file */
		}
	}
}

/* The end of the regular expression literal whose '/' is at p. */
static const char *skip_regex(const char *p, const char *end)
{
	int in_class = 0;

	for (p++; p < end;) {
		char c = *p;

		if (c == '\n')
			return p; /* not a regex after all, or unterminated */
		if (c == '\\') {
			p += p + 1 < end && p[1] != '\n' ? 2 : 1;
			continue;
		}
		p++;
		if (c == '[')
			in_class = 1;
		else if (c == ']')
			in_class = 0;
		else if (c == '/' && !in_class)
			break;
	}
	while (is_ident(*p))
		p++; /* flags */
	return p;
}

/* The end of the line or block comment that starts at p. */
static const char *skip_comment(const char *p, const char *end)
{
	const char *q;

	if (p[1] == '/') {
		q = memchr(p, '\n', (size_t)(end - p));
		return q ? q : end;
	}
	for (p += 2; (q = memchr(p, '*', (size_t)(end - p))); p = q + 1)
		if (q[1] == '/')
			return q + 2;
	return end;
}

/* Skips blanks, newlines and comments. */
static void skip_blank(struct js_lexer *lx)
{
	while (lx->p < lx->end) {
		char c = *lx->p;

		if (c == '\n') {
			lx->line++;
			lx->p++;
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' ||
			   c == '\v') {
			lx->p++;
		} else if (c == '/' && lx->p + 1 < lx->end &&
			   lx->p[1] == '/') {
			while (lx->p < lx->end && *lx->p != '\n')
				lx->p++;
		} else if (c == '/' && lx->p + 1 < lx->end &&
			   lx->p[1] == '*') {
			lx->p += 2;
			while (lx->p < lx->end &&
			       !(*lx->p == '*' && lx->p + 1 < lx->end &&
				 lx->p[1] == '/')) {
				if (*lx->p == '\n')
					lx->line++;
				lx->p++;
			}
			lx->p = lx->p + 2 <= lx->end ? lx->p + 2 : lx->end;
		} else {
			break;
		}
	}
}

static int read_ident(struct js_lexer *lx, const char **s, size_t *n)
{
	const char *start = lx->p;

	while (lx->p < lx->end && is_ident(*lx->p))
		lx->p++;
	*s = start;
	*n = (size_t)(lx->p - start);
	return *n > 0;
}

/*
 * Reads a string literal ('...', "..." or a template without `${`) at
 * lx->p; *s and *n get its contents. Returns 0, consuming nothing, when
 * there is none or it holds escapes or substitutions.
 */
static int read_literal(struct js_lexer *lx, const char **s, size_t *n)
{
	const char *q = lx->p, *start;
	char quote;

	if (q >= lx->end || (*q != '"' && *q != '\'' && *q != '`'))
		return 0;
	quote = *q++;
	start = q;
	while (q < lx->end && *q != quote) {
		if (*q == '\\' || *q == '\n' ||
		    (quote == '`' && *q == '$' && q + 1 < lx->end &&
		     q[1] == '{'))
			return 0;
		q++;
	}
	if (q >= lx->end)
		return 0;
	*s = start;
	*n = (size_t)(q - start);
	lx->p = q + 1;
	return 1;
}

/* The newlines in [p, end). */
static unsigned count_newlines(const char *p, const char *end)
{
	unsigned n = 0;

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p)))) {
		n++;
		p++;
	}
	return n;
}

/* The line of the keyword being parsed (keywords come in order). */
static unsigned keyword_line(struct js_lexer *lx)
{
	if (lx->counted < lx->kw) {
		lx->newlines += count_newlines(lx->counted, lx->kw);
		lx->counted = lx->kw;
	}
	return 1 + lx->newlines + (unsigned)lx->bias;
}

/* Records a dependency of the keyword being parsed. */
static void add(struct js_lexer *lx, enum dep_kind kind, unsigned flags,
		const char *s, size_t n)
{
	struct dep_ref *d;

	if (!n)
		return;
	d = dep_list_add(lx->out, lx->arena, kind, s, n, keyword_line(lx));
	d->flags = flags;
}

/*
 * A call `(` "literal" `)` or `,` after import or require: records it.
 * Consumes the literal only; the caller scans on.
 */
static void call_literal(struct js_lexer *lx, enum dep_kind kind,
			 unsigned flags)
{
	const char *save = lx->p, *s;
	unsigned save_line = lx->line;
	size_t n;

	skip_blank(lx);
	if (lx->p < lx->end && *lx->p == '(') {
		lx->p++;
		skip_blank(lx);
		if (read_literal(lx, &s, &n)) {
			const char *after = lx->p;
			unsigned after_line = lx->line;

			skip_blank(lx);
			if (lx->p < lx->end &&
			    (*lx->p == ')' || *lx->p == ',')) {
				lx->p = after;
				lx->line = after_line;
				add(lx, kind, flags, s, n);
				return;
			}
		}
	}
	lx->p = save;
	lx->line = save_line;
}

/*
 * The clause of `import ... from "x"` or `export ... from "x"` after the
 * keyword (and after `type`): default, namespace and named bindings.
 * Returns 1 with *s, *n set to the module when it ends in `from "x"`;
 * *all_types is set when every named binding is `type X`.
 */
static int import_clause(struct js_lexer *lx, const char **s, size_t *n,
			 int *all_types)
{
	int named = 0, typed = 0, other = 0, depth = 0, at_spec = 0;
	const char *w;
	size_t wn;

	for (;;) {
		skip_blank(lx);
		if (lx->p >= lx->end)
			return 0;
		if (*lx->p == '{') {
			if (depth++)
				return 0;
			lx->p++;
			at_spec = 1;
			continue;
		}
		if (*lx->p == '}') {
			if (!depth--)
				return 0;
			lx->p++;
			continue;
		}
		if (*lx->p == ',') {
			lx->p++;
			at_spec = depth > 0;
			continue;
		}
		if (*lx->p == '*') {
			lx->p++;
			other = 1;
			continue;
		}
		if (*lx->p == '"' || *lx->p == '\'') {
			/* `{ "string name" as x }` */
			if (!depth)
				return 0;
			skip_string(lx);
			continue;
		}
		if (!read_ident(lx, &w, &wn))
			return 0;
		if (!depth && word_is(w, wn, "from")) {
			skip_blank(lx);
			if (!read_literal(lx, s, n))
				return 0;
			*all_types = named && named == typed && !other;
			return 1;
		}
		if (!depth) {
			if (!word_is(w, wn, "as"))
				other = 1;
			continue;
		}
		if (at_spec) {
			const char *save = lx->p;
			unsigned save_line = lx->line;

			named++;
			at_spec = 0;
			if (word_is(w, wn, "type")) {
				skip_blank(lx);
				if (lx->p < lx->end && (is_ident(*lx->p) ||
							*lx->p == '"' ||
							*lx->p == '\'')) {
					const char *v;
					size_t vn;

					if (*lx->p != '"' && *lx->p != '\'' &&
					    read_ident(lx, &v, &vn) &&
					    word_is(v, vn, "as")) {
						/* `type as x`: a value */
						lx->p = save;
						lx->line = save_line;
						continue;
					}
					typed++;
					lx->p = save;
					lx->line = save_line;
				}
			}
		}
	}
}

/* After `import` or `export` (lx->p after the keyword). */
static void import_export(struct js_lexer *lx, int export)
{
	const char *save = lx->p, *s, *w;
	unsigned save_line = lx->line;
	enum dep_kind kind = export ? DEP_EXPORT : DEP_IMPORT;
	unsigned flags = 0;
	int all_types = 0;
	size_t n, wn;

	skip_blank(lx);
	if (lx->p >= lx->end)
		return;
	if (!export && *lx->p == '(') {
		lx->p = save;
		lx->line = save_line;
		call_literal(lx, DEP_IMPORT, DEP_DYNAMIC);
		return;
	}
	if (!export && read_literal(lx, &s, &n)) {
		add(lx, kind, 0, s, n); /* import "side-effect" */
		return;
	}
	/* `import type X from`, but `import type from "x"` is a default */
	{
		const char *before = lx->p;
		unsigned before_line = lx->line;

		if (read_ident(lx, &w, &wn) && word_is(w, wn, "type")) {
			skip_blank(lx);
			if (lx->p < lx->end &&
			    (*lx->p == '{' || *lx->p == '*' ||
			     is_ident(*lx->p))) {
				const char *peek = lx->p;

				if (read_ident(lx, &w, &wn) &&
				    word_is(w, wn, "from")) {
					skip_blank(lx);
					if (lx->p < lx->end &&
					    (*lx->p == '"' || *lx->p == '\'')) {
						lx->p = before;
						lx->line = before_line;
					} else {
						lx->p = peek;
						flags = DEP_TYPE_ONLY;
					}
				} else {
					lx->p = peek;
					flags = DEP_TYPE_ONLY;
				}
			} else {
				lx->p = before;
				lx->line = before_line;
			}
		} else {
			lx->p = before;
			lx->line = before_line;
		}
	}
	if (export && lx->p < lx->end && *lx->p != '{' && *lx->p != '*') {
		lx->p = save; /* export const, export default, ... */
		lx->line = save_line;
		return;
	}
	if (import_clause(lx, &s, &n, &all_types)) {
		if (all_types)
			flags |= DEP_TYPE_ONLY;
		add(lx, kind, flags, s, n);
		return;
	}
	lx->p = save; /* not an import we know: scan it as code */
	lx->line = save_line;
}

/*
 * Byte classes of the loop in deps_js(); JS_PLAIN bytes (blanks,
 * newlines, punctuation, most of identifiers) never stop it.
 */
enum {
	JS_PLAIN,
	JS_NUL, /* the end of the buffer, or a NUL in the file */
	JS_SLASH,
	JS_QUOTE,
	JS_BTICK,
	JS_LBRACE,
	JS_RBRACE,
	JS_WORD, /* 'i', 'e', 'r': maybe import, export, require */
};

static const unsigned char js_class[256] = {
	['\0'] = JS_NUL,   ['/'] = JS_SLASH, ['"'] = JS_QUOTE,
	['\''] = JS_QUOTE, ['`'] = JS_BTICK, ['{'] = JS_LBRACE,
	['}'] = JS_RBRACE, ['i'] = JS_WORD,  ['e'] = JS_WORD,
	['r'] = JS_WORD,
};

/* The first byte from p whose class is not JS_PLAIN; unrolled. */
static inline const char *skip_plain(const char *p)
{
	for (;; p += 4) {
		if (js_class[(unsigned char)p[0]])
			return p;
		if (js_class[(unsigned char)p[1]])
			return p + 1;
		if (js_class[(unsigned char)p[2]])
			return p + 2;
		if (js_class[(unsigned char)p[3]])
			return p + 3;
	}
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	       c == '\v';
}

/*
 * The token state before the token at p, as a scan stopping at every
 * token would have it: *regex_ok (a '/' starts a regular expression)
 * and *prev_dot (the last token was a '.' before a property name).
 * Between the mark and p lie only blanks, identifiers and punctuation
 * that is not a stop, so the last of them decides.
 */
static void token_state(const struct js_lexer *lx, const char *p, int *regex_ok,
			int *prev_dot)
{
	const char *q = p, *s;
	char b;

	while (q > lx->mark && is_blank(q[-1]))
		q--;
	/*
	 * Blanks are skipped from a space, tab, CR, newline or comment on;
	 * a '\f' or '\v' right after a token is a token of its own
	 */
	if (q < p && (*q == '\f' || *q == '\v') &&
	    !(q == lx->mark && lx->mark_blank)) {
		*regex_ok = 1;
		*prev_dot = 0;
		return;
	}
	if (q == lx->mark) {
		*regex_ok = lx->mark_regex_ok;
		*prev_dot = lx->mark_prev_dot;
		return;
	}
	b = q[-1];
	*prev_dot = 0;
	if (is_ident(b)) {
		for (s = q - 1; s > lx->mark && is_ident(s[-1]); s--)
			;
		*regex_ok = regex_keyword(s, (size_t)(q - s));
	} else if (b == ')' || b == ']') {
		*regex_ok = 0;
	} else {
		/* a property follows '.' and '?.', not '...' or '.5' */
		*regex_ok = 1;
		*prev_dot = b == '.' && *q != '.' &&
			    !(*q >= '0' && *q <= '9') &&
			    !(q - 1 > lx->buf && q[-2] == '.');
	}
}

static void set_mark(struct js_lexer *lx, const char *p, int regex_ok,
		     int prev_dot, int blank)
{
	lx->mark = p;
	lx->mark_regex_ok = regex_ok;
	lx->mark_prev_dot = prev_dot;
	lx->mark_blank = blank;
}

/*
 * A word at p that starts with 'i', 'e' or 'r' and starts a token:
 * parses import, export and require. Returns where to go on.
 */
static const char *word(struct js_lexer *lx, const char *p)
{
	size_t left = (size_t)(lx->end - p), n = *p == 'r' ? 7 : 6;
	const char *q = p + n;
	int regex_ok, prev_dot;

	/* with constant lengths, memcmp() compiles to a compare or two */
	if (left < n || is_ident(*q) || (*p == 'i' && memcmp(p, "import", 6)) ||
	    (*p == 'e' && memcmp(p, "export", 6)) ||
	    (*p == 'r' && memcmp(p, "require", 7)))
		return p + 1; /* the loop runs over the rest of the word */
	token_state(lx, p, &regex_ok, &prev_dot);
	if (prev_dot)
		return q; /* a property: x.import, module.require */
	lx->p = q;
	lx->kw = p;
	lx->line = 0;
	if (*p == 'r')
		call_literal(lx, DEP_REQUIRE, 0);
	else
		import_export(lx, *p == 'e');
	lx->bias += (int)lx->line - (int)count_newlines(q, lx->p);
	/* after these keywords, a '/' divides */
	set_mark(lx, lx->p, 0, 0, 0);
	return lx->p;
}

void deps_js(struct dep_list *out, struct arena *arena, const char *buf,
	     size_t len)
{
	struct js_lexer lx;
	const char *p = buf, *end = buf + len;
	int regex_ok, prev_dot;

	memset(&lx, 0, sizeof(lx));
	lx.buf = buf;
	lx.end = end;
	lx.counted = buf;
	lx.out = out;
	lx.arena = arena;
	set_mark(&lx, buf, 1, 0, 0);
	for (;;) {
		p = skip_plain(p);
		switch (js_class[(unsigned char)*p]) {
		case JS_NUL:
			if (p >= end)
				return;
			p++; /* a NUL inside the file: punctuation */
			break;
		case JS_WORD:
			if (p > buf && is_ident(p[-1]))
				p++; /* inside a word */
			else
				p = word(&lx, p);
			break;
		case JS_SLASH:
			token_state(&lx, p, &regex_ok, &prev_dot);
			if (p[1] == '/' || p[1] == '*') {
				/* comments change no state */
				p = skip_comment(p, end);
				set_mark(&lx, p, regex_ok, prev_dot, 1);
			} else if (regex_ok) {
				p = skip_regex(p, end);
				set_mark(&lx, p, 0, 0, 0);
			} else {
				p++;
				set_mark(&lx, p, 1, 0, 0);
			}
			break;
		case JS_QUOTE:
			p = skip_quoted(p, end);
			set_mark(&lx, p, 0, 0, 0);
			break;
		case JS_BTICK:
			p = skip_template(&lx, p + 1);
			set_mark(&lx, p, 0, 0, 0);
			break;
		case JS_LBRACE:
			lx.braces++;
			p++;
			set_mark(&lx, p, 1, 0, 0);
			break;
		case JS_RBRACE:
			if (lx.nr_templates &&
			    lx.templates[lx.nr_templates - 1] == lx.braces) {
				lx.nr_templates--;
				p = skip_template(&lx, p + 1);
			} else {
				if (lx.braces > 0)
					lx.braces--;
				p++;
			}
			set_mark(&lx, p, 0, 0, 0);
			break;
		}
	}
}
