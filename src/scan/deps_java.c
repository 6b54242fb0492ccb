/*
 * The Java family's dependency lexer: import statements of Java
 * (single-type, on-demand `a.b.*`, `import static`), Kotlin (`as`
 * aliases, backquoted names) and Scala (`a.b._`, `a.b.*`, selectors
 * `a.b.{C, D => E}`, several clauses after one `import`); the types each
 * file declares (nested ones as Outer.Inner); and the names it uses that
 * may be types (capitalised, or qualified a.b.C), once each, for the
 * resolver to look up in the package and the imports. Comments, strings,
 * text blocks and character literals are skipped.
 */
#include <string.h>

#include "carve/arena.h"
#include "carve/depnames.h"
#include "carve/deps.h"
#include "carve/ident.h"
#include "carve/language.h"

/* Longer names are not real imports: they are dropped, not truncated. */
#define NAME_MAX_LEN 512

/* Type bodies nested deeper are named after their outer ones. */
#define TYPE_DEPTH 16

enum java_dialect { JAVA, KOTLIN, SCALA };

/* A qualified name being read, in a fixed buffer: no allocation. */
struct qname {
	char buf[NAME_MAX_LEN];
	size_t len;
	int overflow;
};

struct lexer {
	const char *p, *end;
	unsigned line;
	enum java_dialect dialect;
	int nested; /* block comments nest (Kotlin, Scala) */
	struct dep_list *out;
	struct arena *arena;
	struct dep_names names; /* the names used, recorded once each */
	/* the type whose body encloses lx->p, Outer.Inner, and its outers */
	struct qname type;
	struct {
		size_t len; /* type.len outside this body */
		int depth; /* brace depth inside it */
	} bodies[TYPE_DEPTH];
	int bodies_nr;
	int depth;
	/* a type was declared: the next { opens its body */
	int pending;
	struct qname pending_name;
};

static int is_ident_start(int c)
{
	return ident_start(c, IDENT_DOLLAR | IDENT_HIGH);
}

static int is_ident(int c)
{
	return ident_char(c, IDENT_DOLLAR | IDENT_HIGH);
}

static void skip_block_comment(struct lexer *lx)
{
	int depth = 1;

	lx->p += 2;
	if (!lx->nested) {
		/*
		 * Java's do not nest: memchr to each '/' (rarer in comments
		 * than '*', and glibc's memmem is slower still), then the
		 * newlines up to the end.
		 */
		const char *e = NULL, *slash = lx->p + 1;
		const char *stop;

		while (slash < lx->end &&
		       (slash = memchr(slash, '/',
				       (size_t)(lx->end - slash)))) {
			if (slash[-1] == '*') {
				e = slash - 1;
				break;
			}
			slash++;
		}
		stop = e ? e + 2 : lx->end;

		for (const char *q = lx->p;
		     (q = memchr(q, '\n', (size_t)(stop - q))); q++)
			lx->line++;
		lx->p = stop;
		return;
	}
	while (lx->p < lx->end) {
		if (lx->p[0] == '*' && lx->p + 1 < lx->end && lx->p[1] == '/') {
			lx->p += 2;
			if (!--depth)
				return;
		} else if (lx->nested && lx->p[0] == '/' &&
			   lx->p + 1 < lx->end && lx->p[1] == '*') {
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
 * Skips blanks and comments; newlines too when `newlines` is set (a
 * Kotlin or Scala import ends at the end of its line).
 */
static void skip_space(struct lexer *lx, int newlines)
{
	while (lx->p < lx->end) {
		char c = *lx->p;

		if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
			lx->p++;
		} else if (c == '\n' && newlines) {
			lx->line++;
			lx->p++;
		} else if (c == '/' && lx->p + 1 < lx->end && lx->p[1] == '/') {
			const char *nl =
				memchr(lx->p, '\n', (size_t)(lx->end - lx->p));

			lx->p = nl ? nl : lx->end;
		} else if (c == '/' && lx->p + 1 < lx->end && lx->p[1] == '*') {
			skip_block_comment(lx);
		} else {
			return;
		}
	}
}

/*
 * Skips a string at lx->p. Triple-quoted ones (Java text blocks, Kotlin
 * and Scala raw strings) span lines; only Java's take escapes. Others
 * end at an unescaped quote or, unterminated, at the end of the line.
 */
static void skip_string(struct lexer *lx)
{
	const char *p = lx->p;

	if (lx->end - p >= 3 && p[1] == '"' && p[2] == '"') {
		p += 3;
		while (p < lx->end) {
			if (*p == '\\' && lx->dialect == JAVA &&
			    p + 1 < lx->end) {
				if (p[1] == '\n')
					lx->line++;
				p += 2;
			} else if (*p == '"' && lx->end - p >= 3 &&
				   p[1] == '"' && p[2] == '"') {
				p += 3;
				/* """a"""" ends at its last quotes */
				while (p < lx->end && *p == '"')
					p++;
				break;
			} else {
				if (*p == '\n')
					lx->line++;
				p++;
			}
		}
		lx->p = p;
		return;
	}
	for (p++; p < lx->end && *p != '"' && *p != '\n'; p++)
		if (*p == '\\' && p + 1 < lx->end && p[1] != '\n')
			p++;
	lx->p = p < lx->end && *p == '"' ? p + 1 : p;
}

/*
 * Skips a character literal ('x', '\n', '\u0041', multi-byte 'é') when
 * one closes within a few bytes on the line; else only the quote (a
 * Scala symbol 'foo, or a stray quote).
 */
static void skip_char(struct lexer *lx)
{
	const char *p = lx->p + 1;

	for (int n = 0; p < lx->end && n < 10 && *p != '\n'; n++, p++) {
		if (*p == '\\' && p + 1 < lx->end && p[1] != '\n') {
			p++;
		} else if (*p == '\'') {
			lx->p = p + 1;
			return;
		}
	}
	lx->p++;
}

static void qname_add(struct qname *q, const char *s, size_t n)
{
	if (q->len + n >= sizeof(q->buf)) {
		q->overflow = 1;
		return;
	}
	memcpy(q->buf + q->len, s, n);
	q->len += n;
}

/*
 * Reads one name segment at lx->p into q: an identifier, or a Kotlin or
 * Scala `backquoted` name (quotes dropped). Returns 0 when none is there.
 */
static int read_segment(struct lexer *lx, struct qname *q)
{
	const char *s = lx->p;

	if (s >= lx->end)
		return 0;
	if (*s == '`' && lx->dialect != JAVA) {
		const char *e = s + 1;

		while (e < lx->end && *e != '`' && *e != '\n')
			e++;
		if (e >= lx->end || *e != '`' || e == s + 1)
			return 0;
		qname_add(q, s + 1, (size_t)(e - s - 1));
		lx->p = e + 1;
		return 1;
	}
	if (!is_ident_start((unsigned char)*s))
		return 0;
	while (lx->p < lx->end && is_ident((unsigned char)*lx->p))
		lx->p++;
	qname_add(q, s, (size_t)(lx->p - s));
	return 1;
}

static int segment_is(const struct qname *q, size_t from, const char *word)
{
	size_t n = strlen(word);

	return q->len - from == n && !memcmp(q->buf + from, word, n);
}

static struct dep_ref *emit(struct lexer *lx, const struct qname *q, size_t len,
			    unsigned flags, unsigned line)
{
	struct dep_ref *d;

	if (q->overflow || !len)
		return NULL;
	d = dep_list_add(lx->out, lx->arena, DEP_IMPORT, q->buf, len, line);
	d->flags = flags;
	return d;
}

/* Kotlin's `import a.B as C`: C names a.B in the file (d->name). */
static void read_alias(struct lexer *lx, struct dep_ref *d)
{
	const char *save = lx->p;
	unsigned save_line = lx->line;
	struct qname alias;

	alias.len = 0;
	alias.overflow = 0;
	skip_space(lx, 0);
	if (lx->end - lx->p > 2 && !memcmp(lx->p, "as", 2) &&
	    !is_ident((unsigned char)lx->p[2])) {
		lx->p += 2;
		skip_space(lx, 0);
		if (read_segment(lx, &alias) && !alias.overflow)
			d->name =
				arena_strndup(lx->arena, alias.buf, alias.len);
		return;
	}
	lx->p = save;
	lx->line = save_line; /* a comment skipped may have held newlines */
}

/*
 * Scala import selectors after `prefix.{`: `C`, `C => D` and `C as D`
 * import C; `_` and `*` import everything; `C => _` hides C; `given`
 * selectors import instances, which name no type: skipped.
 */
static void read_selectors(struct lexer *lx, struct qname *q, unsigned line)
{
	size_t base = q->len;

	lx->p++; /* the { */
	for (;;) {
		size_t start;
		int hidden = 0;

		skip_space(lx, 1);
		if (lx->p >= lx->end)
			return;
		if (*lx->p == '}') {
			lx->p++;
			return;
		}
		if (*lx->p == ',') {
			lx->p++;
			continue;
		}
		if (*lx->p == '*') {
			lx->p++;
			emit(lx, q, base - 1, DEP_WILDCARD, line);
			continue;
		}
		q->len = base;
		start = q->len;
		if (!read_segment(lx, q))
			return; /* not a selector: give up on the group */
		skip_space(lx, 1);
		if (lx->p + 1 < lx->end && lx->p[0] == '=' && lx->p[1] == '>') {
			lx->p += 2;
			skip_space(lx, 1);
			hidden = lx->p < lx->end && *lx->p == '_' &&
				 (lx->p + 1 >= lx->end ||
				  !is_ident((unsigned char)lx->p[1]));
			while (lx->p < lx->end &&
			       (is_ident((unsigned char)*lx->p) ||
				*lx->p == '`'))
				lx->p++;
		} else if (lx->end - lx->p > 2 && !memcmp(lx->p, "as", 2) &&
			   !is_ident((unsigned char)lx->p[2])) {
			lx->p += 2;
			skip_space(lx, 1);
			hidden = lx->p < lx->end && *lx->p == '_';
			while (lx->p < lx->end &&
			       (is_ident((unsigned char)*lx->p) ||
				*lx->p == '`'))
				lx->p++;
		}
		if (segment_is(q, start, "_"))
			emit(lx, q, base - 1, DEP_WILDCARD, line);
		else if (!hidden && !segment_is(q, start, "given"))
			emit(lx, q, q->len, 0, line);
	}
}

/*
 * Reads one import clause at lx->p: a qualified name, maybe with a
 * trailing wildcard or Scala selectors, and records it.
 */
static void read_clause(struct lexer *lx, unsigned flags, unsigned line)
{
	struct dep_ref *d;
	struct qname q;
	int java = lx->dialect == JAVA;

	q.len = 0;
	q.overflow = 0;
	if (!read_segment(lx, &q))
		return;
	for (;;) {
		const char *save = lx->p;
		unsigned save_line = lx->line;

		skip_space(lx, java);
		if (lx->p >= lx->end || *lx->p != '.') {
			lx->p = save;
			lx->line = save_line;
			break;
		}
		lx->p++;
		skip_space(lx, 1);
		if (lx->p >= lx->end)
			return;
		if (*lx->p == '*') {
			lx->p++;
			emit(lx, &q, q.len, flags | DEP_WILDCARD, line);
			return;
		}
		if (*lx->p == '{' && lx->dialect == SCALA) {
			qname_add(&q, ".", 1);
			read_selectors(lx, &q, line);
			return;
		}
		qname_add(&q, ".", 1);
		if (!read_segment(lx, &q))
			return; /* `import a.` : incomplete */
	}
	if (lx->dialect == SCALA) {
		size_t dot = q.len;

		while (dot && q.buf[dot - 1] != '.')
			dot--;
		if (dot && segment_is(&q, dot, "_")) {
			emit(lx, &q, dot - 1, flags | DEP_WILDCARD, line);
			return;
		}
		if (dot && segment_is(&q, dot, "given"))
			return;
	}
	d = emit(lx, &q, q.len, flags, line);
	if (d && lx->dialect == KOTLIN)
		read_alias(lx, d);
}

/* After the `import` keyword: one statement, several clauses in Scala. */
static void read_import(struct lexer *lx)
{
	unsigned line = lx->line;
	unsigned flags = 0;

	skip_space(lx, lx->dialect == JAVA);
	if (lx->dialect == JAVA && lx->end - lx->p > 6 &&
	    !memcmp(lx->p, "static", 6) && !is_ident((unsigned char)lx->p[6])) {
		lx->p += 6;
		flags = DEP_STATIC;
		skip_space(lx, 1);
	}
	for (;;) {
		read_clause(lx, flags, line);
		if (lx->dialect != SCALA)
			return;
		skip_space(lx, 0);
		if (lx->p >= lx->end || *lx->p != ',')
			return;
		lx->p++;
		skip_space(lx, 1);
	}
}

static int is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

/* Records a name used, once per file. */
static void add_name(struct lexer *lx, const char *s, size_t n, unsigned line)
{
	if (n < NAME_MAX_LEN)
		dep_names_add(&lx->names, lx->out, lx->arena, s, n, NULL, line);
}

/*
 * A name used at lx->p (its first segment s..lx->p already read): a
 * capitalised one is a type by convention (Outer.Inner is in Outer's
 * file, so the first segment is enough); a lowercase one may be a
 * qualified a.b.C, recorded up to its first capitalised segment (unless
 * a call follows: x.Foo() is a method).
 * Members (after a dot) and lowercase names (variables, methods) are not.
 */
static void read_name(struct lexer *lx, const char *s, unsigned line)
{
	if (is_upper((unsigned char)*s)) {
		add_name(lx, s, (size_t)(lx->p - s), line);
		return;
	}
	while (lx->end - lx->p > 1 && lx->p[0] == '.' &&
	       is_ident_start((unsigned char)lx->p[1])) {
		int upper = is_upper((unsigned char)lx->p[1]);

		lx->p++;
		while (lx->p < lx->end && is_ident((unsigned char)*lx->p))
			lx->p++;
		if (upper) {
			/* x.Foo() calls a method */
			if (lx->p >= lx->end || *lx->p != '(')
				add_name(lx, s, (size_t)(lx->p - s), line);
			return;
		}
	}
}

/* True when the word s[0..n) declares a type in this dialect. */
static int type_keyword(const struct lexer *lx, const char *s, size_t n)
{
	enum java_dialect d = lx->dialect;

	switch (n) {
	case 4:
		return d != KOTLIN && !memcmp(s, "enum", 4);
	case 5:
		return !memcmp(s, "class", 5) ||
		       (d == SCALA && !memcmp(s, "trait", 5));
	case 6:
		return (d == JAVA && !memcmp(s, "record", 6)) ||
		       (d != JAVA && !memcmp(s, "object", 6));
	case 9:
		return (d != SCALA && !memcmp(s, "interface", 9)) ||
		       (d == KOTLIN && !memcmp(s, "typealias", 9));
	}
	return 0;
}

/*
 * After a type keyword: the declared name, recorded as Outer.Inner when
 * in a type's body. Java's `record` is a keyword only before a name and
 * its `(` or `<`; an object expression (Kotlin `object : T`) names none.
 */
static void read_declaration(struct lexer *lx, const char *kw, size_t n)
{
	struct qname name;
	struct dep_ref *d;

	name.len = 0;
	name.overflow = 0;
	skip_space(lx, 1);
	if (!read_segment(lx, &name))
		return;
	if (lx->dialect == JAVA && n == 6 && !memcmp(kw, "record", 6)) {
		skip_space(lx, 1);
		if (lx->p >= lx->end || (*lx->p != '(' && *lx->p != '<'))
			return;
	}
	lx->pending_name = lx->type;
	if (lx->type.len)
		qname_add(&lx->pending_name, ".", 1);
	qname_add(&lx->pending_name, name.buf, name.len);
	if (lx->pending_name.overflow)
		return;
	lx->pending = 1;
	d = dep_list_add(lx->out, lx->arena, DEP_IMPORT, lx->pending_name.buf,
			 lx->pending_name.len, lx->line);
	d->flags = DEP_DECLARES;
}

/* Braces: the body of a declared type opens and closes. */
static void brace(struct lexer *lx, int c)
{
	if (c == '{') {
		lx->depth++;
		if (lx->pending && lx->bodies_nr < TYPE_DEPTH) {
			lx->bodies[lx->bodies_nr].len = lx->type.len;
			lx->bodies[lx->bodies_nr].depth = lx->depth;
			lx->bodies_nr++;
			lx->type = lx->pending_name;
		}
		lx->pending = 0;
	} else {
		if (lx->bodies_nr &&
		    lx->bodies[lx->bodies_nr - 1].depth == lx->depth)
			lx->type.len = lx->bodies[--lx->bodies_nr].len;
		if (lx->depth > 0)
			lx->depth--;
	}
}

void deps_java(struct dep_list *out, struct arena *arena,
	       const struct language *lang, const char *buf, size_t len)
{
	struct lexer lx;
	int stmt = 1; /* at the start of a statement or a line */
	int prev = 0; /* the last byte of the last token */

	memset(&lx, 0, sizeof(lx));
	lx.p = buf;
	lx.end = buf + len;
	lx.line = 1;
	lx.out = out;
	lx.arena = arena;
	lx.dialect = !strcmp(lang->name, "Kotlin")  ? KOTLIN
		     : !strcmp(lang->name, "Scala") ? SCALA
						    : JAVA;
	lx.nested = !!(lang->flags & LANG_NESTED_COMMENTS);
	dep_names_init(&lx.names);
	while (lx.p < lx.end) {
		unsigned char c = (unsigned char)*lx.p;

		if (c == ' ' || c == '\t') {
			/* the common bytes first: blanks, then words */
			const char *e = lx.p + 1;

			while (e < lx.end && (*e == ' ' || *e == '\t'))
				e++;
			lx.p = e;
		} else if (is_ident_start(c)) {
			const char *s = lx.p, *e = s + 1;
			size_t n;

			while (e < lx.end && is_ident((unsigned char)*e))
				e++;
			lx.p = e;
			n = (size_t)(e - s);
			if (stmt && n == 6 && !memcmp(s, "import", 6))
				read_import(&lx);
			else if (prev == '.')
				; /* a member, Foo.class, Foo::class */
			else if (type_keyword(&lx, s, n))
				read_declaration(&lx, s, n);
			else
				read_name(&lx, s, lx.line);
			stmt = 0;
			prev = 'a';
		} else if (c == '\n') {
			const char *e = lx.p + 1;

			/* and the next line's indentation */
			while (e < lx.end && (*e == ' ' || *e == '\t'))
				e++;
			lx.line++;
			lx.p = e;
			stmt = 1;
		} else if (c == '\r' || c == '\f' ||
			   (c == '/' && lx.p + 1 < lx.end &&
			    (lx.p[1] == '/' || lx.p[1] == '*'))) {
			skip_space(&lx, 0);
		} else if (c == '"') {
			skip_string(&lx);
			stmt = 0;
			prev = c;
		} else if (c == '\'') {
			skip_char(&lx);
			stmt = 0;
			prev = c;
		} else {
			if (c == '{' || c == '}')
				brace(&lx, c);
			stmt = c == ';' || c == '{' || c == '}';
			/* after `::` comes a member, as after a dot */
			prev = c == ':' && lx.p > buf && lx.p[-1] == ':' ? '.'
									 : c;
			lx.p++;
		}
	}
	dep_names_release(&lx.names);
}
