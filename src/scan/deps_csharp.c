/*
 * The C# dependency lexer: using directives (`using A.B;`, `using static`,
 * aliases, `global using`), namespace declarations, block or file-scoped,
 * the types each namespace declares (nested ones as Outer.Inner), and the
 * names the code uses that may be types (capitalised, maybe qualified:
 * A.B.C; attribute names), once per namespace block, with the enclosing
 * namespace. Comments, strings (verbatim, interpolated, raw) and
 * preprocessor lines are skipped; unterminated ones end at the end of the
 * buffer. Names are built in fixed buffers: no allocation but the
 * dep_list's own and the set of names used (depnames.c).
 */
#include <stddef.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "carve/arena.h"
#include "carve/depnames.h"
#include "carve/deps.h"
#include "carve/ident.h"
#include "carve/identskip.h"
#include "carve/lexer.h"

#define CS_NAMESPACES 16
/* Type bodies nested deeper are named after their outer ones. */
#define CS_TYPES 16
/* Slots of struct cs_state.seen, a power of two. */
#define CS_SEEN 32

struct cs_state {
	struct name ns; /* the enclosing namespace, A.B.C */
	struct {
		size_t len; /* ns.len outside this block */
		int depth; /* brace depth inside it */
	} stack[CS_NAMESPACES];
	int nr;
	int depth;
	int ns_brace; /* the next { opens a namespace block */
	size_t ns_outer; /* ns.len before that namespace */
	const char *ns_copy; /* ns in the arena, for names; NULL: not yet */
	/* the type whose body encloses lx->p, Outer.Inner, and its outers */
	struct name type;
	struct {
		size_t len;
		int depth;
	} bodies[CS_TYPES];
	int bodies_nr;
	int pending; /* a type was declared: the next { opens its body */
	struct name pending_name;
	/* attribute lists: [A, B(x)] where a declaration may start */
	int brackets; /* depth of [ */
	int attr; /* brackets inside the attribute list, 0 outside one */
	int attr_paren; /* ( depth inside it */
	int attr_name; /* an attribute's name comes next */
	int global; /* after `global`: the using is a global one */
	int prev; /* the last byte of the last token; 'a' for a name */
	/*
	 * the last name, for cs_not_type() and `new X(` in
	 * cs_read_ref(): set by every word, kept by punctuation
	 */
	const char *prev_name;
	size_t prev_len;
	/*
	 * the names cs_add_ref() recorded last, by length and last byte, with
	 * their namespace's copy: one found again here is in the set already
	 * (or the set is full), and dep_names_add() is not called
	 */
	struct {
		const char *s; /* in the buffer */
		size_t len; /* 0: none */
		const char *ctx;
	} seen[CS_SEEN];
	struct dep_names names; /* the names used, once per namespace: last */
};

/* Past the spaces and tabs at p (indentation: sixteen at a time). */
static inline const char *cs_skip_blanks(const char *p, const char *end)
{
#ifdef __SSE2__
	const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t');

	/* most runs between words are one byte long */
	if (p < end && *p != ' ' && *p != '\t')
		return p;

	while (end - p >= 16) {
		const __m128i v =
			_mm_loadu_si128((const __m128i *)(const void *)p);
		unsigned other = (unsigned)_mm_movemask_epi8(
					 _mm_or_si128(_mm_cmpeq_epi8(v, sp),
						      _mm_cmpeq_epi8(v, tab))) ^
				 0xffffu;

		if (other)
			return p + __builtin_ctz(other);
		p += 16;
	}
#endif
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* Skips a verbatim string: "" is a quote, no escapes, spans lines. */
static void cs_verbatim(struct lexer *lx)
{
	const char *p = memchr(lx->p, '"', (size_t)(lx->end - lx->p));

	for (p++; p < lx->end; p++) {
		if (*p == '\n') {
			lx->line++;
		} else if (*p == '"') {
			if (p + 1 < lx->end && p[1] == '"') {
				p++;
			} else {
				lx->p = p + 1;
				return;
			}
		}
	}
	lx->p = lx->end;
}

/*
 * Skips blanks, newlines, comments and preprocessor lines; bol when
 * lx->p is at the start of a line (after its indentation).
 */
static void cs_space_bol(struct lexer *lx, int bol)
{
	/* in locals, not through lx */
	const char *p = lx->p, *end = lx->end;
	unsigned line = lx->line;

	while (p < end) {
		char c = *p;

		if (c == '\n') {
			line++;
			bol = 1;
			/* the indentation of the next line */
			p = cs_skip_blanks(p + 1, end);
		} else if (is_blank((unsigned char)c)) {
			p++;
		} else if ((c == '/' && p + 1 < end && p[1] == '/') ||
			   (c == '#' && bol)) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));

			p = nl ? nl : end; /* as skip_to_eol() */
		} else if (c == '/' && p + 1 < end && p[1] == '*') {
			lx->p = p;
			lx->line = line;
			skip_block_comment(lx, 0);
			p = lx->p;
			line = lx->line;
		} else {
			break;
		}
	}
	lx->p = p;
	lx->line = line;
}

/*
 * Skips blanks, newlines, comments and preprocessor lines (most calls,
 * between the parts of a name, find none: no call then).
 */
static inline void cs_space(struct lexer *lx)
{
	if (lx->p < lx->end && (*lx->p == '\n' || *lx->p == '/' ||
				is_blank((unsigned char)*lx->p)))
		cs_space_bol(lx, 0);
}

/* Reads a dotted name (A.B.C, `global::` dropped) into n. */
static int cs_name(struct lexer *lx, struct name *n)
{
	size_t start = n->len;

	if (at(lx, "global::"))
		lx->p += 8;
	for (;;) {
		const char *s;

		if (lx->p < lx->end && *lx->p == '@')
			lx->p++;
		s = lx->p;
		if (lx->p >= lx->end || !is_ident_start((unsigned char)*s))
			break;
		lx->p = ident_skip(lx->p, lx->end);
		name_add(n, s, (size_t)(lx->p - s));
		cs_space(lx);
		if (lx->p + 1 < lx->end && *lx->p == '.' && lx->p[1] != '.') {
			lx->p++;
			name_add(n, ".", 1);
			cs_space(lx);
		} else {
			break;
		}
	}
	if (n->len > start && n->buf[n->len - 1] == '.')
		n->len--;
	return n->len > start;
}

/* Skips C# generic arguments <...> after a name (alias targets). */
static void cs_skip_generic(struct lexer *lx)
{
	int depth = 0;

	while (lx->p < lx->end) {
		if (*lx->p == '<') {
			depth++;
		} else if (*lx->p == '>') {
			if (!--depth) {
				lx->p++;
				return;
			}
		} else if (*lx->p == ';' || *lx->p == '{' || !depth) {
			return;
		}
		lx->p++;
	}
}

/*
 * The usual using directive, A.B.C; with nothing between its parts:
 * recorded from the buffer, without a copy into a struct name, lx->p
 * left at the `;` (as cs_name() and cs_using() leave it). Returns 0,
 * moving nothing, for any other form (cs_using() reads those).
 */
static inline int cs_using_plain(struct lexer *lx, unsigned line,
				 unsigned flags)
{
	const char *s = lx->p, *p = s, *end = lx->end;
	struct dep_ref *d;

	if (p >= end || !is_ident_start((unsigned char)*p))
		return 0;
	for (;;) {
		p = ident_skip(p, end);
		if (end - p > 1 && *p == '.' &&
		    is_ident_start((unsigned char)p[1]))
			p++;
		else
			break;
	}
	/* as long as struct name holds none: cs_name() says overflow */
	if (p >= end || *p != ';' || (size_t)(p - s) >= NAME_MAX_LEN)
		return 0;
	lx->p = p;
	d = dep_list_add(lx->out, lx->arena, DEP_IMPORT, s, (size_t)(p - s),
			 line);
	d->flags = flags;
	return 1;
}

/*
 * After `using`: directives `using A.B;`, `using static A.B.C;`,
 * `using X = A.B.C;` are recorded (static ones with DEP_STATIC). Using
 * statements `using (...)` and declarations `using var x = ...;` are
 * not: they have a type and a variable name before the `=`.
 */
static void cs_using(struct lexer *lx, unsigned line, unsigned flags)
{
	struct name n, alias;
	struct dep_ref *d;

	name_reset(&n);
	cs_space(lx);
	if (lx->p >= lx->end || *lx->p == '(')
		return;
	name_reset(&alias);
	if (at_word(lx, "static")) {
		lx->p += 6;
		flags |= DEP_STATIC;
		cs_space(lx);
	}
	if (cs_using_plain(lx, line, flags))
		return;
	if (!cs_name(lx, &n))
		return;
	cs_space(lx);
	if (lx->p < lx->end && *lx->p == '=' && !(flags & DEP_STATIC)) {
		lx->p++;
		cs_space(lx);
		alias = n;
		name_reset(&n);
		if (!cs_name(lx, &n))
			return;
		cs_skip_generic(lx);
		cs_space(lx);
	} else if (lx->p < lx->end && *lx->p == '<') {
		cs_skip_generic(lx); /* using static A.B<T>; */
		cs_space(lx);
	}
	if (lx->p >= lx->end || *lx->p != ';' || n.overflow || !n.len)
		return;
	d = dep_list_add(lx->out, lx->arena, DEP_IMPORT, n.buf, n.len, line);
	d->flags = flags;
	if (alias.len && !alias.overflow && !memchr(alias.buf, '.', alias.len))
		d->name = arena_strndup(lx->arena, alias.buf, alias.len);
}

/* After `namespace`: records the declaration, block or file-scoped. */
static void cs_namespace(struct lexer *lx, struct cs_state *st, unsigned line)
{
	size_t outer = st->ns.len;

	cs_space(lx);
	if (st->ns.len)
		name_add(&st->ns, ".", 1);
	if (!cs_name(lx, &st->ns)) {
		st->ns.len = outer;
		return;
	}
	emit(lx, DEP_IMPORT, &st->ns, st->ns.len, DEP_DECLARES, line);
	st->ns_copy = NULL;
	cs_space(lx);
	if (lx->p < lx->end && *lx->p == '{') {
		st->ns_brace = 1;
		st->ns_outer = outer;
	}
	/* file-scoped (`namespace A.B;`): it encloses the rest of the file */
}

/* *to = *from, but for the bytes past from's length (never read). */
static inline void cs_name_copy(struct name *to, const struct name *from)
{
	memcpy(to->buf, from->buf, from->len);
	to->len = from->len;
	to->overflow = from->overflow;
}

static int is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

/* Records a name used, once per namespace block, with that namespace. */
static void cs_add_at(struct lexer *lx, struct cs_state *st, const char *s,
		      size_t len, unsigned line)
{
	if (!st->ns_copy && st->ns.len)
		st->ns_copy = arena_strndup(lx->arena, st->ns.buf, st->ns.len);
	dep_names_add(&st->names, lx->out, lx->arena, s, len,
		      st->ns.len ? st->ns_copy : NULL, line);
}

/*
 * cs_add_at() for a name s[0..len) in the buffer (it outlives the
 * lexer's pass): a name recorded again with the same namespace, as most
 * are, is found in st->seen before the set is asked.
 */
static inline void cs_add_ref(struct lexer *lx, struct cs_state *st,
			      const char *s, size_t len, unsigned line)
{
	const char *ctx;
	size_t k = (len * 7 + (unsigned char)s[len - 1]) & (CS_SEEN - 1);

	if (!st->ns_copy && st->ns.len)
		st->ns_copy = arena_strndup(lx->arena, st->ns.buf, st->ns.len);
	ctx = st->ns.len ? st->ns_copy : NULL;
	if (st->seen[k].len == len && st->seen[k].ctx == ctx &&
	    !memcmp(st->seen[k].s, s, len))
		return;
	st->seen[k].s = s;
	st->seen[k].len = len;
	st->seen[k].ctx = ctx;
	dep_names_add(&st->names, lx->out, lx->arena, s, len, ctx, line);
}

static void cs_add_name(struct lexer *lx, struct cs_state *st,
			const struct name *n, unsigned line)
{
	if (n->overflow || !n->len)
		return;
	cs_add_at(lx, st, n->buf, n->len, line);
}

/* The built-in types a member's declaration may start with. */
static inline int cs_builtin_type(const char *s, size_t n)
{
	switch (n) {
	case 3:
		return !memcmp(s, "int", 3);
	case 4:
		return !memcmp(s, "bool", 4) || !memcmp(s, "void", 4) ||
		       !memcmp(s, "long", 4) || !memcmp(s, "byte", 4) ||
		       !memcmp(s, "char", 4) || !memcmp(s, "uint", 4);
	case 5:
		return !memcmp(s, "float", 5) || !memcmp(s, "short", 5) ||
		       !memcmp(s, "ulong", 5) || !memcmp(s, "sbyte", 5);
	case 6:
		return !memcmp(s, "string", 6) || !memcmp(s, "object", 6) ||
		       !memcmp(s, "double", 6) || !memcmp(s, "ushort", 6);
	case 7:
		return !memcmp(s, "decimal", 7) || !memcmp(s, "dynamic", 7);
	default:
		return 0;
	}
}

/* Blanks (is_blank()) and newlines, by a table. */
static const unsigned char cs_white[256] = {
	[' '] = 1, ['\t'] = 1, ['\r'] = 1, ['\f'] = 1, ['\v'] = 1, ['\n'] = 1,
};

/*
 * True when the name just read is no type (one look past the blanks
 * after it): the name a member declares, after a type (a capitalised or
 * built-in name, or the > ] ? that end one) and before { ( ; = < or =>:
 * `Product Product { get; }`, `ActionResult Manufacturer(int id)`,
 * `string ShippingMethod;`; or a name assigned to: `Name = x` in an
 * object initializer or a statement is a property or field.
 */
static int cs_not_type(const struct lexer *lx, const struct cs_state *st)
{
	const char *p = lx->p;

	while (p < lx->end && cs_white[(unsigned char)*p])
		p++;
	if (p >= lx->end)
		return 0;
	if (*p == '=') {
		if (p + 1 < lx->end && p[1] == '=')
			return 0;
		if (p + 1 < lx->end && p[1] != '>')
			return 1; /* assigned to */
		/* => (or a last =): a member's */
	} else if (*p != '{' && *p != '(' && *p != ';' && *p != '<' && *p) {
		/* one of { ( ; < (or a NUL, as strchr() found it) */
		return 0;
	}
	if (st->prev == 'a')
		return is_upper((unsigned char)st->prev_name[0]) ||
		       (st->prev_name[0] == '@' && st->prev_len > 1 &&
			is_upper((unsigned char)st->prev_name[1])) ||
		       cs_builtin_type(st->prev_name, st->prev_len);
	return st->prev == '>' || st->prev == ']' || st->prev == '?';
}

/*
 * The bytes after a name with which cs_not_type() may say it is no
 * type: blanks and newlines (it looks past them), = { ( ; < and the NUL
 * it takes as one of them. After any other (. ) , > ...) it is a type.
 */
static const unsigned char cs_not_type_next[256] = {
	[' '] = 1, ['\t'] = 1, ['\r'] = 1, ['\f'] = 1, ['\v'] = 1, ['\n'] = 1,
	['='] = 1, ['{'] = 1,  ['('] = 1,  [';'] = 1,  ['<'] = 1,  ['\0'] = 1,
};

/*
 * After `delegate`: a delegate type's declaration, `delegate R Name(` or
 * `delegate R Name<T>(`, names its last name before the parameters; an
 * anonymous method (`delegate (int x) { }`, `delegate { }`) names none.
 * The return type's names are read as names used.
 */
static const char *cs_delegate_name(const struct lexer *lx, size_t *len)
{
	const char *p = lx->p, *name = NULL;
	int angle = 0;

	*len = 0;
	while (p < lx->end && *p != '(' && *p != '{' && *p != ';') {
		if (*p == '<') {
			angle++;
		} else if (*p == '>') {
			angle--;
		} else if (is_ident_start((unsigned char)*p)) {
			const char *s = p;

			while (p < lx->end && is_ident((unsigned char)*p))
				p++;
			if (!angle) {
				name = s;
				*len = (size_t)(p - s);
			}
			continue;
		}
		p++;
	}
	return p < lx->end && *p == '(' ? name : NULL;
}

/*
 * A name used at lx->p (its first segment s..lx->p already read): a
 * capitalised one may be a type, A.B.C qualified by namespaces; in M(
 * and A.B.M( the last segment is a method (after `new`, the type
 * constructed). Lowercase ones are locals,
 * fields and keywords. An attribute's name, [Name(...)], is recorded
 * whole (the resolver tries NameAttribute too).
 */
static inline __attribute__((always_inline)) void
cs_read_ref(struct lexer *lx, struct cs_state *st, const char *s, unsigned line)
{
	size_t last = 0, len;
	int attr = st->attr_name;

	st->attr_name = 0;
	if (!is_upper((unsigned char)*s)) {
		st->attr_name = attr; /* [assembly: A], [return: A] */
		return;
	}
	if (!attr && lx->p < lx->end &&
	    cs_not_type_next[(unsigned char)*lx->p] && cs_not_type(lx, st))
		return;
	/* A.B.C, no blank between: the name is s..lx->p, taken in place */
	while (lx->end - lx->p > 1 && lx->p[0] == '.' &&
	       is_ident_start((unsigned char)lx->p[1])) {
		last = (size_t)(lx->p - s);
		lx->p = ident_skip(lx->p + 1, lx->end);
	}
	len = (size_t)(lx->p - s);
	if (len >= NAME_MAX_LEN)
		return; /* as long as struct name holds none */
	if (attr) {
		/* [Name(...)]: the call is the attribute's constructor */
	} else if (lx->p < lx->end && *lx->p == '(' &&
		   !(st->prev_len == 3 && !memcmp(st->prev_name, "new", 3))) {
		/* the last name is not `new` */
		if (!last)
			return; /* M(): a method, not a type */
		len = last;
	}
	cs_add_ref(lx, st, s, len, line);
}

/* True when the word s[0..n) declares a type. */
static inline int cs_type_keyword(const char *s, size_t n)
{
	switch (n) {
	case 4:
		return !memcmp(s, "enum", 4);
	case 5:
		return !memcmp(s, "class", 5);
	case 6:
		return !memcmp(s, "struct", 6) || !memcmp(s, "record", 6);
	case 9:
		return !memcmp(s, "interface", 9);
	default:
		return 0;
	}
}

/*
 * After a type keyword: the declared name, recorded with its namespace
 * as Outer.Inner when in a type's body. `record` is a keyword only
 * before a name (or `record class`/`record struct`) and then one of
 * ( < { : ; (a variable named record is not).
 */
static void cs_declaration(struct lexer *lx, struct cs_state *st,
			   const char *kw, size_t kw_len)
{
	struct name name;
	const char *s;
	struct dep_ref *d;

	cs_space(lx);
	s = lx->p;
	lx->p = ident_skip(lx->p, lx->end);
	if (lx->p == s || !is_ident_start((unsigned char)*s))
		return;
	if (kw_len == 6 && !memcmp(kw, "record", 6)) {
		if ((lx->p - s == 5 && !memcmp(s, "class", 5)) ||
		    (lx->p - s == 6 && !memcmp(s, "struct", 6))) {
			cs_space(lx);
			s = lx->p;
			while (lx->p < lx->end &&
			       is_ident((unsigned char)*lx->p))
				lx->p++;
			if (lx->p == s)
				return;
		}
		name_reset(&name);
		name_add(&name, s, (size_t)(lx->p - s));
		cs_space(lx);
		if (lx->p >= lx->end || !strchr("(<{:;", *lx->p))
			return;
	} else {
		name_reset(&name);
		name_add(&name, s, (size_t)(lx->p - s));
	}
	cs_name_copy(&st->pending_name, &st->type);
	if (st->type.len)
		name_add(&st->pending_name, ".", 1);
	name_add(&st->pending_name, name.buf, name.len);
	if (st->pending_name.overflow)
		return;
	st->pending = 1;
	d = dep_list_add(lx->out, lx->arena, DEP_IMPORT, st->ns.buf,
			 st->ns.overflow ? 0 : st->ns.len, lx->line);
	d->flags = DEP_DECLARES;
	d->name = arena_strndup(lx->arena, st->pending_name.buf,
				st->pending_name.len);
}

/* After `delegate`: records a delegate type's declaration. */
static void cs_delegate(struct lexer *lx, struct cs_state *st)
{
	struct name full = st->type;
	const char *name;
	size_t len;
	struct dep_ref *d;

	name = cs_delegate_name(lx, &len);
	if (!name)
		return;
	if (full.len)
		name_add(&full, ".", 1);
	name_add(&full, name, len);
	if (full.overflow || st->ns.overflow)
		return;
	d = dep_list_add(lx->out, lx->arena, DEP_IMPORT, st->ns.buf, st->ns.len,
			 lx->line);
	d->flags = DEP_DECLARES;
	d->name = arena_strndup(lx->arena, full.buf, full.len);
}

/*
 * Brackets and braces: attribute lists, namespace and type bodies.
 * Inlined with c a constant, in the main loop's case for each byte.
 */
static inline __attribute__((always_inline)) void cs_punct(struct cs_state *st,
							   int c)
{
	switch (c) {
	case '[':
		st->brackets++;
		/* where a declaration may start: an attribute list */
		if (!st->attr &&
		    (!st->prev || st->prev == ';' || st->prev == '{' ||
		     st->prev == '}' || st->prev == ']' || st->prev == '(' ||
		     st->prev == ')' || st->prev == ',')) {
			st->attr = st->brackets;
			st->attr_paren = 0;
			st->attr_name = 1;
		}
		break;
	case ']':
		if (st->attr == st->brackets)
			st->attr = st->attr_name = 0;
		if (st->brackets > 0)
			st->brackets--;
		break;
	case '(':
		st->attr_paren += !!st->attr;
		st->attr_name = 0;
		break;
	case ')':
		if (st->attr && st->attr_paren > 0)
			st->attr_paren--;
		break;
	case ',':
		st->attr_name = st->attr && !st->attr_paren &&
				st->attr == st->brackets;
		break;
	case ';':
		st->pending = 0; /* record R(int X); has no body */
		break;
	case '{':
		st->depth++;
		if (st->ns_brace && st->nr < CS_NAMESPACES) {
			st->stack[st->nr].len = st->ns_outer;
			st->stack[st->nr].depth = st->depth;
			st->nr++;
		}
		st->ns_brace = 0;
		if (st->pending && st->bodies_nr < CS_TYPES) {
			st->bodies[st->bodies_nr].len = st->type.len;
			st->bodies[st->bodies_nr].depth = st->depth;
			st->bodies_nr++;
			cs_name_copy(&st->type, &st->pending_name);
		}
		st->pending = 0;
		break;
	case '}':
		if (st->bodies_nr &&
		    st->bodies[st->bodies_nr - 1].depth == st->depth)
			st->type.len = st->bodies[--st->bodies_nr].len;
		if (st->nr && st->stack[st->nr - 1].depth == st->depth) {
			st->ns.len = st->stack[--st->nr].len;
			st->ns_copy = NULL;
		}
		if (st->depth > 0)
			st->depth--;
		break;
	}
}

/*
 * skip_quoted(lx, '"', 1, 0), sixteen bytes at a time: a regular string
 * ends at its quote or, unterminated, at its line's end (a backslash
 * escapes the next byte, but not a newline).
 */
static void cs_skip_regular(struct lexer *lx)
{
	const char *p = lx->p + 1, *end = lx->end;
#ifdef __SSE2__
	const __m128i q = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\');
	const __m128i nl = _mm_set1_epi8('\n');
#endif

	while (p < end) {
#ifdef __SSE2__
		if (end - p >= 16) {
			const __m128i v = _mm_loadu_si128(
				(const __m128i *)(const void *)p);
			unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
				_mm_or_si128(_mm_cmpeq_epi8(v, q),
					     _mm_cmpeq_epi8(v, bs)),
				_mm_cmpeq_epi8(v, nl)));

			if (!m) {
				p += 16;
				continue;
			}
			p += __builtin_ctz(m);
		}
#endif
		if (*p == '"' || *p == '\n')
			break;
		if (*p == '\\' && p + 1 < end) {
			if (p[1] == '\n')
				break;
			p++;
		}
		p++;
	}
	lx->p = p < end && *p == '"' ? p + 1 : p;
}

/*
 * A string at lx->p, skipped when there is one: raw ("""...""", $"""),
 * verbatim (@"", $@"", @$"), regular or interpolated ("", $""), which
 * ends at its line. Returns 0, moving nothing, when there is none.
 */
static int cs_string(struct lexer *lx)
{
	if (at(lx, "\"\"\"") || at(lx, "$\"\"\"") || at(lx, "$$\"\"\"")) {
		/* raw string: ends at as many quotes as it opened */
		size_t q = 0;

		while (lx->p < lx->end && *lx->p == '$')
			lx->p++;
		while (lx->p < lx->end && *lx->p == '"') {
			q++;
			lx->p++;
		}
		while (lx->p < lx->end) {
			size_t k = 0;

			while (lx->p + k < lx->end && lx->p[k] == '"')
				k++;
			if (k >= q) {
				lx->p += k;
				break;
			}
			if (*lx->p == '\n')
				lx->line++;
			lx->p += k ? k : 1;
		}
		return 1;
	}
	if (at(lx, "@\"") || at(lx, "$@\"") || at(lx, "@$\"")) {
		cs_verbatim(lx);
		return 1;
	}
	if (*lx->p == '"' || at(lx, "$\"")) {
		if (*lx->p == '$')
			lx->p++;
		cs_skip_regular(lx);
		return 1;
	}
	return 0;
}

/*
 * The names in one interpolation of $"...{...}...", lx->p after its
 * `{`: read as in code (capitalised chains, not after a dot, M( a
 * method), up to its `}`; after a `:` outside parentheses comes the
 * format ({d:yyyy}), no names. Ends at the end of the line, as the
 * string does.
 */
static void cs_interpolation(struct lexer *lx, struct cs_state *st)
{
	int depth = 1, parens = 0, format = 0, prev = 0;

	while (lx->p < lx->end && *lx->p != '\n') {
		unsigned char c = (unsigned char)*lx->p;

		if (c == '{') {
			depth++;
		} else if (c == '}') {
			if (!--depth) {
				lx->p++;
				return;
			}
		} else if (c == '"' || c == '\'') {
			skip_quoted(lx, (char)c, 1, 0);
			prev = '"';
			continue;
		} else if (is_ident_start(c) && !format) {
			const char *s = lx->p;
			struct name n;
			size_t last = 0;

			while (lx->p < lx->end && is_ident((unsigned char)*lx->p))
				lx->p++;
			if (prev == '.' || !is_upper(c)) {
				prev = 'a';
				continue;
			}
			name_reset(&n);
			name_add(&n, s, (size_t)(lx->p - s));
			while (lx->end - lx->p > 1 && lx->p[0] == '.' &&
			       is_ident_start((unsigned char)lx->p[1])) {
				const char *seg = ++lx->p;

				while (lx->p < lx->end &&
				       is_ident((unsigned char)*lx->p))
					lx->p++;
				last = n.len;
				name_add(&n, ".", 1);
				name_add(&n, seg, (size_t)(lx->p - seg));
			}
			prev = 'a';
			if (lx->p < lx->end && *lx->p == '(') {
				if (!last)
					continue; /* M(): a method */
				n.len = last;
			}
			cs_add_name(lx, st, &n, lx->line);
			continue;
		} else if (c == '(') {
			parens++;
		} else if (c == ')') {
			parens -= parens > 0;
		} else if (c == ':' && depth == 1 && !parens) {
			format = 1;
		}
		if (!is_blank(c))
			prev = c;
		lx->p++;
	}
}

/*
 * An interpolated string at lx->p ($"..."): skipped as a string, the
 * names of its interpolations recorded. Ends at its line, as "" does.
 */
static void cs_interpolated(struct lexer *lx, struct cs_state *st)
{
	lx->p += 2;
	while (lx->p < lx->end && *lx->p != '"' && *lx->p != '\n') {
		if (*lx->p == '\\' && lx->p + 1 < lx->end &&
		    lx->p[1] != '\n') {
			lx->p += 2;
		} else if (*lx->p == '{' && lx->p + 1 < lx->end &&
			   lx->p[1] == '{') {
			lx->p += 2; /* a literal brace */
		} else if (*lx->p == '{') {
			lx->p++;
			cs_interpolation(lx, st);
		} else {
			lx->p++;
		}
	}
	if (lx->p < lx->end && *lx->p == '"')
		lx->p++;
}

/*
 * The length and the last byte of the one keyword cs_word() reads that
 * starts with each byte (global, using, namespace, class, struct,
 * record, interface, enum, delegate: no two share a first byte), 0 for
 * none: a word whose first byte, length and last byte match none is a
 * name (return, string, static, else, catch ... too), without a test
 * per keyword.
 */
static const struct {
	unsigned char len, last;
} cs_keyword_at[256] = {
	['g'] = { 6, 'l' }, ['u'] = { 5, 'g' }, ['n'] = { 9, 'e' },
	['c'] = { 5, 's' }, ['s'] = { 6, 't' }, ['r'] = { 6, 'd' },
	['i'] = { 9, 'e' }, ['e'] = { 4, 'm' }, ['d'] = { 8, 'e' },
};

/*
 * A word s[0..n) that may be one of the keywords of cs_keyword_at[]
 * (its first byte, length and last byte match one; lowercase, so no type
 * name):
 * a directive where one may start (*stmt), a declaration. Returns 1
 * when the word leaves the state as it is (global:: and global using).
 */
static int cs_keyword(struct lexer *lx, struct cs_state *st, int *stmt,
		      const char *s, size_t n, unsigned line)
{
	if (n == 6 && !memcmp(s, "global", 6)) {
		if (at(lx, "::")) {
			lx->p += 2; /* global::A.B: a name from the top */
			st->prev = ' ';
			return 1;
		}
		if (*stmt) {
			cs_space(lx);
			st->global = 1;
			return 1; /* global using: still a directive */
		}
	}
	if (*stmt && n == 5 && !memcmp(s, "using", 5))
		cs_using(lx, line, st->global ? DEP_GLOBAL : 0);
	else if (*stmt && n == 9 && !memcmp(s, "namespace", 9))
		cs_namespace(lx, st, line);
	else if (st->prev == '.')
		; /* a member */
	else if (cs_type_keyword(s, n) &&
		 (!st->prev || st->prev == ';' || st->prev == '{' ||
		  st->prev == '}' || st->prev == ']' || st->prev == 'a'))
		cs_declaration(lx, st, s, n);
	else if (n == 8 && !memcmp(s, "delegate", 8))
		cs_delegate(lx, st);
	return 0;
}

/*
 * The state after word s (n bytes), the lexer past it: the previous
 * token a name, no statement start, and a space after it skipped
 * without a turn of the main loop.
 */
static inline void cs_word_done(struct lexer *lx, struct cs_state *st,
				int *stmt, const char *s, size_t n)
{
	st->global = 0;
	st->prev = 'a';
	st->prev_name = s;
	st->prev_len = n;
	*stmt = 0;
	if (lx->p < lx->end && *lx->p == ' ')
		lx->p++;
}

/*
 * A word at lx->p (a keyword or a name, or with verbatim an @name): a
 * directive where one may start (*stmt), a declaration, or a name used.
 * Inlined in the main loop, verbatim a constant: a call per word cost a
 * tenth of the lexer.
 */
static inline __attribute__((always_inline)) void
cs_word(struct lexer *lx, struct cs_state *st, int *stmt, int verbatim)
{
	const char *s = lx->p;
	unsigned line = lx->line;
	size_t n;
	const char *p = s + verbatim, *end = lx->end;

	p = ident_skip(p, end);
	lx->p = p;
	n = (size_t)(p - s);
	if (cs_keyword_at[(unsigned char)*s].len == n &&
	    cs_keyword_at[(unsigned char)*s].last == (unsigned char)p[-1]) {
		if (cs_keyword(lx, st, stmt, s, n, line))
			return;
	} else if ((!verbatim ? is_upper((unsigned char)*s)
			      : n > 1 && is_upper((unsigned char)s[1])) &&
		   st->prev != '.') {
		/* a lowercase name is no type: cs_read_ref() passes it */
		cs_read_ref(lx, st, s + verbatim, line);
	}
	cs_word_done(lx, st, stmt, s, n);
}

/*
 * The first bytes of a line (after its indentation) that cs_space_bol()
 * takes further: a newline, a blank, a comment's or a directive's.
 */
static const unsigned char cs_bol_more[256] = {
	['\n'] = 1, [' '] = 1,	['\t'] = 1, ['\r'] = 1,
	['\f'] = 1, ['\v'] = 1, ['/'] = 1,  ['#'] = 1,
};

/*
 * A byte at lx->p that starts no blank run and no name: newlines and
 * comments, preprocessor lines, strings, @names, punctuation.
 */
static void cs_other(struct lexer *lx, struct cs_state *st, int *stmt, int c,
		     const char *buf)
{
	switch (c) {
	case ' ':
	case '\t':
		lx->p = cs_skip_blanks(lx->p + 1, lx->end);
		return;
	case '\r':
		if (lx->p + 1 >= lx->end || lx->p[1] != '\n')
			break;
		lx->p++; /* CRLF: as LF */
		/* fall through */
	case '\n':
	newline:
		/* most lines: indentation, then code on the line */
		lx->line++;
		lx->p = cs_skip_blanks(lx->p + 1, lx->end);
		*stmt = 1; /* a directive starts a line */
		if (lx->p < lx->end && cs_bol_more[(unsigned char)*lx->p])
			cs_space_bol(lx, 1);
		return;
	case '\f':
	case '\v':
		break;
	case '/':
		if (lx->p + 1 < lx->end && (lx->p[1] == '/' || lx->p[1] == '*'))
			break;
		goto punct;
	case '#':
		if (lx->p == buf || lx->p[-1] == '\n' ||
		    is_blank((unsigned char)lx->p[-1])) {
			skip_to_eol(lx); /* a preprocessor directive */
			return;
		}
		goto punct;
	case '$':
		if (lx->p + 1 < lx->end && lx->p[1] == '"' &&
		    !at(lx, "$\"\"\"")) {
			cs_interpolated(lx, st);
			*stmt = 0;
			st->prev = '"';
			return;
		}
		goto string;
	case '"':
		/* most strings: a regular one, as cs_string() reads it */
		if (!at(lx, "\"\"\"")) {
			cs_skip_regular(lx);
			*stmt = 0;
			st->prev = '"';
			return;
		}
		/* fall through */
	case '@':
	string:
		if (cs_string(lx)) {
			*stmt = 0;
			st->prev = '"';
		} else if (c == '@') {
			cs_word(lx, st, stmt, 1);
		} else {
			goto punct;
		}
		return;
	case '\'':
		skip_quoted(lx, '\'', 1, 0);
		*stmt = 0;
		st->prev = '"';
		return;
	/*
	 * punctuation: the bytes that change more than st->prev have cases
	 * of their own, in this one switch (no second dispatch)
	 */
	case '[':
		cs_punct(st, '[');
		goto punct;
	case ']':
		cs_punct(st, ']');
		goto punct_stmt;
	case '(':
		cs_punct(st, '(');
		goto punct;
	case ')':
		cs_punct(st, ')');
		goto punct;
	case ',':
		cs_punct(st, ',');
		goto punct;
	case ';':
		cs_punct(st, ';');
		goto punct_stmt;
	case '{':
		cs_punct(st, '{');
		goto punct_stmt;
	case '}':
		cs_punct(st, '}');
		goto punct_stmt;
	case '.':
		/*
		 * a member's name after it (no blank between), read in this
		 * turn as cs_word() reads a word after a dot, but for `global`
		 */
		if (lx->end - lx->p > 1 &&
		    is_ident_start((unsigned char)lx->p[1])) {
			const char *s = lx->p + 1, *p = ident_skip(s, lx->end);
			size_t n = (size_t)(p - s);

			if (n != 6 || memcmp(s, "global", 6)) {
				lx->p = p;
				cs_word_done(lx, st, stmt, s, n);
				return;
			}
		}
		goto punct;
	case ':':
		*stmt = 0;
		/* after ?. and :: comes a member, as after a dot */
		st->prev = lx->p > buf && lx->p[-1] == ':' ? '.' : ':';
		goto punct_next;
	default:
		goto punct;
	}
	{
		unsigned line = lx->line;

		cs_space(lx);
		/* a directive starts a line: recover after bad ones */
		if (lx->line != line)
			*stmt = 1;
	}
	return;
punct_stmt:
	/* after ; { } ] a directive may start */
	*stmt = 1;
	st->prev = c;
	lx->p++;
	/* most end their line: its end taken in this turn */
	if (lx->p < lx->end) {
		if (*lx->p == ' ') {
			lx->p++;
		} else if (*lx->p == '\n') {
			goto newline;
		} else if (*lx->p == '\r' && lx->end - lx->p > 1 &&
			   lx->p[1] == '\n') {
			lx->p++; /* CRLF: as LF */
			goto newline;
		}
	}
	return;
punct:
	*stmt = 0;
	st->prev = c;
punct_next:
	lx->p++;
	/* a space after it, without a turn of the main loop */
	if (lx->p < lx->end && *lx->p == ' ')
		lx->p++;
}

void deps_csharp(struct dep_list *out, struct arena *arena, const char *buf,
		 size_t len)
{
	struct lexer lx;
	struct cs_state st;
	int stmt = 1; /* a directive may start here */

	lexer_init(&lx, out, arena, buf, len);
	/*
	 * what is read before it is written (the stacks, the names' bytes
	 * past their lengths and pending_name are written first): not the
	 * whole state, about 2 KiB a file
	 */
	name_reset(&st.ns);
	st.nr = st.depth = st.ns_brace = 0;
	st.ns_outer = 0;
	st.ns_copy = NULL;
	name_reset(&st.type);
	st.bodies_nr = st.pending = 0;
	name_reset(&st.pending_name);
	st.brackets = st.attr = st.attr_paren = st.attr_name = 0;
	st.global = st.prev = 0;
	st.prev_name = NULL;
	st.prev_len = 0;
	for (size_t i = 0; i < CS_SEEN; i++)
		st.seen[i].len = 0;
	dep_names_init(&st.names);
	while (lx.p < lx.end) {
		unsigned char c = (unsigned char)*lx.p;

		/* words first, the rest by byte (blanks, newlines, ...) */
		if (is_ident_start(c))
			cs_word(&lx, &st, &stmt, 0);
		else
			cs_other(&lx, &st, &stmt, c, buf);
	}
	dep_names_release(&st.names);
}
