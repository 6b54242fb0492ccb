/*
 * Go's dependency lexer: import declarations, single or grouped, with
 * aliases, blank (_) and dot imports, interpreted or raw import paths.
 * Imports come before any other declaration, so the lexer stops at the
 * first func, var, const or type. A file with a build constraint
 * (//go:build or // +build) is only built sometimes: its imports are
 * conditional.
 */
#include <string.h>

#include "carve/deps.h"
#include "carve/ident.h"

struct lexer {
	const char *p, *end;
	unsigned line;
	unsigned flags; /* DEP_CONDITIONAL under a build constraint */
	int package_seen;
	struct dep_list *out;
	struct arena *arena;
};

static int is_ident(int c)
{
	return ident_char(c, IDENT_HIGH);
}

static int starts_with(const char *p, const char *end, const char *s)
{
	size_t n = strlen(s);

	return (size_t)(end - p) >= n && !memcmp(p, s, n);
}

/* Skips a comment at lx->p; a build constraint before `package` counts. */
static void skip_comment(struct lexer *lx)
{
	const char *p = lx->p;

	if (p[1] == '/') {
		const char *nl = memchr(p, '\n', (size_t)(lx->end - p));

		if (!lx->package_seen && (starts_with(p, lx->end, "//go:build ") ||
					  starts_with(p, lx->end, "// +build ")))
			lx->flags |= DEP_CONDITIONAL;
		lx->p = nl ? nl : lx->end;
		return;
	}
	p += 2;
	while (p < lx->end && !(*p == '*' && p + 1 < lx->end && p[1] == '/')) {
		if (*p == '\n')
			lx->line++;
		p++;
	}
	lx->p = p < lx->end ? p + 2 : lx->end;
}

/* Skips blanks, newlines, semicolons and comments. */
static void skip_space(struct lexer *lx)
{
	while (lx->p < lx->end) {
		char c = *lx->p;

		if (c == '\n') {
			lx->line++;
			lx->p++;
		} else if (c == ' ' || c == '\t' || c == '\r' || c == ';') {
			lx->p++;
		} else if (c == '/' && lx->p + 1 < lx->end &&
			   (lx->p[1] == '/' || lx->p[1] == '*')) {
			skip_comment(lx);
		} else {
			return;
		}
	}
}

/*
 * Skips the string or rune literal at lx->p; sets *s and *n to its
 * contents. Interpreted strings and runes end at a newline when
 * unterminated, raw strings at the end of the file.
 */
static void read_literal(struct lexer *lx, const char **s, size_t *n)
{
	const char *p = lx->p;
	char q = *p++;

	*s = p;
	while (p < lx->end && *p != q) {
		if (q != '`' && *p == '\n')
			break;
		if (*p == '\n')
			lx->line++;
		if (q != '`' && *p == '\\' && p + 1 < lx->end && p[1] != '\n')
			p++;
		p++;
	}
	*n = (size_t)(p - *s);
	lx->p = p < lx->end && *p == q ? p + 1 : p;
}

/* One import spec: [name | . | _] "path". Returns 0 when none is there. */
static int import_spec(struct lexer *lx)
{
	unsigned flags = lx->flags;
	const char *s;
	size_t n;
	unsigned line;

	if (*lx->p == '.') {
		flags |= DEP_WILDCARD;
		lx->p++;
		skip_space(lx);
	} else if (is_ident((unsigned char)*lx->p)) {
		while (lx->p < lx->end && is_ident((unsigned char)*lx->p))
			lx->p++;
		skip_space(lx);
	}
	if (lx->p >= lx->end || (*lx->p != '"' && *lx->p != '`'))
		return 0;
	line = lx->line;
	read_literal(lx, &s, &n);
	if (n)
		dep_list_add(lx->out, lx->arena, DEP_IMPORT, s, n, line)->flags =
			flags;
	return 1;
}

static void import_decl(struct lexer *lx)
{
	skip_space(lx);
	if (lx->p >= lx->end)
		return;
	if (*lx->p != '(') {
		import_spec(lx);
		return;
	}
	lx->p++;
	for (;;) {
		skip_space(lx);
		if (lx->p >= lx->end)
			return;
		if (*lx->p == ')') {
			lx->p++;
			return;
		}
		if (!import_spec(lx))
			lx->p++; /* malformed: step over it and go on */
	}
}

static int word_is(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && !memcmp(s, word, n);
}

void deps_go(struct dep_list *out, struct arena *arena, const char *buf,
	     size_t len)
{
	struct lexer lx = { 0 };

	lx.p = buf;
	lx.end = buf + len;
	lx.line = 1;
	lx.out = out;
	lx.arena = arena;
	for (;;) {
		const char *word;
		size_t n;
		char c;

		skip_space(&lx);
		if (lx.p >= lx.end)
			break;
		c = *lx.p;
		if (c == '"' || c == '`' || c == '\'') {
			const char *s;

			read_literal(&lx, &s, &n);
			continue;
		}
		if (!is_ident((unsigned char)c)) {
			lx.p++;
			continue;
		}
		word = lx.p;
		while (lx.p < lx.end && is_ident((unsigned char)*lx.p))
			lx.p++;
		n = (size_t)(lx.p - word);
		if (word_is(word, n, "import"))
			import_decl(&lx);
		else if (word_is(word, n, "package"))
			lx.package_seen = 1;
		else if (word_is(word, n, "func") || word_is(word, n, "var") ||
			 word_is(word, n, "const") || word_is(word, n, "type"))
			break; /* no import may follow a declaration */
	}
}
