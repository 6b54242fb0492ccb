/*
 * The JavaScript and TypeScript dependency lexer (JSX and TSX included):
 * static import and export-from, side-effect imports, `import type`,
 * import("x") and require("x"). Comments, strings, template literals and
 * regular expression literals are skipped, so text that looks like an
 * import inside them is never one.
 */
#include <string.h>

#include "carve/deps.h"

/* Template literals nested deeper than this are scanned as code. */
#define JS_MAX_TEMPLATES 64

struct js_lexer {
	const char *p, *end;
	unsigned line;
	struct dep_list *out;
	struct arena *arena;
	/*
	 * Whether a '/' here would start a regular expression: after an
	 * operator, '(' or a keyword such as return; not after a value.
	 */
	int regex_ok;
	int prev_dot; /* the previous token was '.' (a property name) */
	int braces;   /* '{' depth, for the ends of template expressions */
	int templates[JS_MAX_TEMPLATES]; /* brace depth at each '${' */
	int nr_templates;
};

static int is_ident(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '$' ||
	       (unsigned char)c >= 0x80;
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
		if (word_is(s, n, words[i]))
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
 * Skips template text from lx->p to the closing backtick, or into a
 * `${` expression (then recorded on the template stack).
 */
static void skip_template(struct js_lexer *lx)
{
	while (lx->p < lx->end) {
		char c = *lx->p;

		if (c == '\\') {
			if (lx->p + 1 < lx->end && lx->p[1] == '\n')
				lx->line++;
			lx->p += 2;
			continue;
		}
		if (c == '\n')
			lx->line++;
		lx->p++;
		if (c == '`')
			return;
		if (c == '$' && lx->p < lx->end && *lx->p == '{' &&
		    lx->nr_templates < JS_MAX_TEMPLATES) {
			lx->p++;
			lx->templates[lx->nr_templates++] = lx->braces;
			return;
		}
	}
	if (lx->p > lx->end)
		lx->p = lx->end;
}

/* Skips a regular expression literal whose '/' is at lx->p. */
static void skip_regex(struct js_lexer *lx)
{
	int in_class = 0;

	lx->p++;
	while (lx->p < lx->end) {
		char c = *lx->p;

		if (c == '\n')
			return; /* not a regex after all, or unterminated */
		if (c == '\\') {
			lx->p += lx->p + 1 < lx->end && lx->p[1] != '\n' ? 2 : 1;
			continue;
		}
		lx->p++;
		if (c == '[')
			in_class = 1;
		else if (c == ']')
			in_class = 0;
		else if (c == '/' && !in_class)
			break;
	}
	while (lx->p < lx->end && is_ident(*lx->p))
		lx->p++; /* flags */
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

static void add(struct js_lexer *lx, enum dep_kind kind, unsigned flags,
		const char *s, size_t n, unsigned line)
{
	struct dep_ref *d;

	if (!n)
		return;
	d = dep_list_add(lx->out, lx->arena, kind, s, n, line);
	d->flags = flags;
}

/*
 * A call `(` "literal" `)` or `,` after import or require: records it.
 * Consumes the literal only; the caller scans on.
 */
static void call_literal(struct js_lexer *lx, enum dep_kind kind,
			 unsigned flags, unsigned line)
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

			skip_blank(lx);
			if (lx->p < lx->end &&
			    (*lx->p == ')' || *lx->p == ',')) {
				add(lx, kind, flags, s, n, line);
				lx->p = after;
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
						continue;
					}
					typed++;
					lx->p = save;
				}
			}
		}
	}
}

/* After `import` or `export` (lx->p after the keyword). */
static void import_export(struct js_lexer *lx, int export, unsigned line)
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
		call_literal(lx, DEP_IMPORT, DEP_DYNAMIC, line);
		return;
	}
	if (!export && read_literal(lx, &s, &n)) {
		add(lx, kind, 0, s, n, line); /* import "side-effect" */
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
		add(lx, kind, flags, s, n, line);
		return;
	}
	lx->p = save; /* not an import we know: scan it as code */
	lx->line = save_line;
}

void deps_js(struct dep_list *out, struct arena *arena, const char *buf,
	     size_t len)
{
	struct js_lexer lx;

	memset(&lx, 0, sizeof(lx));
	lx.p = buf;
	lx.end = buf + len;
	lx.line = 1;
	lx.out = out;
	lx.arena = arena;
	lx.regex_ok = 1;
	while (lx.p < lx.end) {
		char c = *lx.p;
		const char *s;
		size_t n;

		if (c == '\n' || c == ' ' || c == '\t' || c == '\r' ||
		    (c == '/' && lx.p + 1 < lx.end &&
		     (lx.p[1] == '/' || lx.p[1] == '*'))) {
			skip_blank(&lx);
			continue;
		}
		if (is_ident(c)) {
			int after_dot = lx.prev_dot;
			unsigned line = lx.line;

			read_ident(&lx, &s, &n);
			lx.prev_dot = 0;
			lx.regex_ok = regex_keyword(s, n);
			if (after_dot || (c >= '0' && c <= '9'))
				continue;
			if (word_is(s, n, "import"))
				import_export(&lx, 0, line);
			else if (word_is(s, n, "export"))
				import_export(&lx, 1, line);
			else if (word_is(s, n, "require"))
				call_literal(&lx, DEP_REQUIRE, 0, line);
			continue;
		}
		/* a property follows '.' and '?.', not '...' or '.5' */
		lx.prev_dot = c == '.' && lx.p + 1 < lx.end &&
			      lx.p[1] != '.' && !(lx.p[1] >= '0' &&
						  lx.p[1] <= '9') &&
			      !(lx.p > buf && lx.p[-1] == '.');
		switch (c) {
		case '"':
		case '\'':
			skip_string(&lx);
			lx.regex_ok = 0;
			continue;
		case '`':
			lx.p++;
			skip_template(&lx);
			lx.regex_ok = 0;
			continue;
		case '/':
			if (lx.regex_ok) {
				skip_regex(&lx);
				lx.regex_ok = 0;
				continue;
			}
			lx.regex_ok = 1;
			break;
		case '{':
			lx.braces++;
			lx.regex_ok = 1;
			break;
		case '}':
			if (lx.nr_templates &&
			    lx.templates[lx.nr_templates - 1] == lx.braces) {
				lx.nr_templates--;
				lx.p++;
				skip_template(&lx);
				lx.regex_ok = 0;
				continue;
			}
			if (lx.braces > 0)
				lx.braces--;
			lx.regex_ok = 0;
			break;
		case ')':
		case ']':
			lx.regex_ok = 0;
			break;
		default:
			lx.regex_ok = 1;
			break;
		}
		lx.p++;
	}
}
