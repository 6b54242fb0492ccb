/*
 * Dependency lexer of Ruby: require and require_relative of literal
 * paths; constant references with the lexical scope they are made from
 * (the classes and modules around them, tracked through every block
 * keyword and its `end`); class and module declarations; ActiveRecord
 * associations; Gemfile and gemspec gems. Skips comments, strings,
 * heredocs, %-literals and regexes; unterminated ones end at the end of
 * the buffer. Names are built in fixed buffers: no allocation but the
 * dep_list's and the scopes' own.
 */
#include <string.h>

#include "carve/arena.h"
#include "carve/deps.h"
#include "carve/ident.h"
#include "carve/lexer.h"

/*
 * Reads a simple string literal at lx->p into n (contents as written)
 * and moves past it. Returns 0 when it is not one: another token, an
 * unterminated string, or an interpolated one (`interp`, e.g. "#{" or
 * "$"), which names no fixed file.
 */
static int read_literal(struct lexer *lx, struct name *n, const char *interp)
{
	char quote = lx->p < lx->end ? *lx->p : 0;
	const char *s, *e;

	if (quote != '\'' && quote != '"')
		return 0;
	s = lx->p + 1;
	for (e = s; e < lx->end && *e != quote && *e != '\n'; e++)
		if (*e == '\\' && e + 1 < lx->end)
			e++;
	if (e >= lx->end || *e != quote)
		return 0;
	lx->p = e + 1;
	if (quote == '"' && interp)
		for (const char *q = s; q < e; q++)
			if (strchr(interp, *q))
				return 0;
	name_add(n, s, (size_t)(e - s));
	return 1;
}

/* ---- constants and their lexical scopes ----------------------------- */

#define RUBY_SCOPES 128

/*
 * One open block (class, module, def, do, if, ...). `nesting` is what
 * Module.nesting would say inside it: the names of the enclosing classes
 * and modules, innermost first, separated by spaces (NULL at the top
 * level); `cref` is the length of the innermost one. A block other than
 * a class or module inherits its parent's.
 */
struct ruby_scope {
	const char *nesting;
	size_t cref;
};

struct ruby_state {
	struct lexer *lx;
	struct ruby_scope scope[RUBY_SCOPES];
	int nr; /* open blocks on the stack */
	unsigned deep; /* open blocks beyond the stack */
};

static int is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static const struct ruby_scope *ruby_top(const struct ruby_state *st)
{
	static const struct ruby_scope none = { NULL, 0 };

	return st->nr ? &st->scope[st->nr - 1] : &none;
}

static void ruby_push(struct ruby_state *st, const char *nesting, size_t cref)
{
	if (st->deep || st->nr == RUBY_SCOPES) {
		st->deep++;
		return;
	}
	st->scope[st->nr].nesting = nesting;
	st->scope[st->nr].cref = cref;
	st->nr++;
}

/* A block that opens no class: the scope stays its parent's. */
static void ruby_push_block(struct ruby_state *st)
{
	const struct ruby_scope *top = ruby_top(st);

	ruby_push(st, top->nesting, top->cref);
}

/* `end`: an `end` too many (code the lexer misread) is ignored. */
static void ruby_pop(struct ruby_state *st)
{
	if (st->deep)
		st->deep--;
	else if (st->nr)
		st->nr--;
}

/*
 * Reads a constant path at lx->p (Foo, Foo::Bar; stops before ::method)
 * into n. Returns 0 when no constant starts there.
 */
static int ruby_const_path(struct lexer *lx, struct name *n)
{
	if (lx->p >= lx->end || !is_upper((unsigned char)*lx->p))
		return 0;
	for (;;) {
		const char *s = lx->p;

		while (lx->p < lx->end && is_ident((unsigned char)*lx->p))
			lx->p++;
		name_add(n, s, (size_t)(lx->p - s));
		if (lx->end - lx->p < 3 || lx->p[0] != ':' || lx->p[1] != ':' ||
		    !is_upper((unsigned char)lx->p[2]))
			return 1;
		name_add(n, "::", 2);
		lx->p += 2;
	}
}

/* A constant reference, looked up from the current lexical scope. */
static void ruby_const_ref(struct ruby_state *st, const struct name *n,
			   size_t len, unsigned line)
{
	struct dep_ref *d;

	if (n->overflow || !len)
		return;
	d = dep_list_add(st->lx->out, st->lx->arena, DEP_USE, n->buf, len,
			 line);
	d->name = ruby_top(st)->nesting;
}

#define RUBY_INTERP_NESTING 4

/* `::` before p, after no expression: ::Foo, from the top level. */
static int ruby_top_colons(const char *start, const char *p)
{
	return p - start >= 2 && p[-1] == ':' && p[-2] == ':' &&
	       (p - start == 2 ||
		(!is_ident((unsigned char)p[-3]) && !strchr(")]}:", p[-3])));
}

/*
 * The code of an interpolation #{...} in a string, a regex, a heredoc
 * or a %-literal, from p (after the #{) to its closing brace (returned,
 * past it) or `end`: constants in it are references; nested strings
 * are skipped, their own interpolations read in turn.
 */
static const char *ruby_interp(struct ruby_state *st, const char *p,
			       const char *end, unsigned line, int nesting)
{
	const char *start = p;
	int depth = 1;

	while (p < end) {
		unsigned char c = (unsigned char)*p;

		if (c == '{') {
			depth++;
		} else if (c == '}') {
			if (!--depth)
				return p + 1;
		} else if (c == '"' || c == '\'' || c == '`') {
			for (p++; p < end && *p != (char)c; p++) {
				if (*p == '\\' && p + 1 < end)
					p++;
				else if (c != '\'' && *p == '#' &&
					 p + 1 < end && p[1] == '{' &&
					 nesting < RUBY_INTERP_NESTING)
					p = ruby_interp(st, p + 2, end, line,
							nesting + 1) -
					    1;
			}
			if (p >= end)
				return end; /* an unterminated string */
		} else if (is_upper(c) &&
			   (p == start ||
			    (!is_ident((unsigned char)p[-1]) && p[-1] != '.' &&
			     p[-1] != '@' && p[-1] != '$' && p[-1] != ':') ||
			    ruby_top_colons(start, p))) {
			struct lexer sub = *st->lx;
			struct name n;

			sub.p = p;
			sub.end = end;
			name_reset(&n);
			if (p > start && p[-1] == ':')
				name_add(&n, "::", 2);
			ruby_const_path(&sub, &n);
			p = sub.p;
			if (!(p + 1 < end && *p == ':' && p[1] != ':'))
				ruby_const_ref(st, &n, n.len, line);
			continue;
		} else if (is_ident(c)) {
			while (p < end && is_ident((unsigned char)*p))
				p++;
			continue;
		}
		p++;
	}
	return p;
}

/*
 * Skips a literal opening at lx->p and closing with `close` (nesting
 * `open` when it is a bracket), reading the code of its interpolations
 * when `interp`. An unterminated one ends at the end of its line unless
 * `multiline`, else at the end of the buffer.
 */
static void ruby_literal(struct ruby_state *st, char open, char close,
			 int interp, int multiline)
{
	struct lexer *lx = st->lx;
	const char *p = lx->p + 1;
	unsigned line = lx->line;
	int depth = 1;

	while (p < lx->end) {
		if (*p == '\\' && p + 1 < lx->end) {
			if (p[1] == '\n') {
				if (!multiline)
					break;
				lx->line++;
			}
			p += 2;
			continue;
		}
		if (*p == '\n') {
			if (!multiline)
				break;
			lx->line++;
		} else if (interp && *p == '#' && p + 1 < lx->end &&
			   p[1] == '{') {
			const char *q =
				ruby_interp(st, p + 2, lx->end, line, 0);

			for (; p < q; p++)
				if (*p == '\n')
					lx->line++;
			continue;
		} else if (*p == close && !--depth) {
			lx->p = p + 1;
			return;
		} else if (*p == open && open != close) {
			depth++;
		}
		p++;
	}
	lx->p = p;
}

#define RUBY_HEREDOCS 4

struct ruby_heredoc {
	const char *id;
	size_t len;
	int interp; /* #{...} is code: not <<~'ID' */
};

/*
 * Words after which an expression (a regex, a %-literal) may start: if
 * unless while until when and or not return then else elsif case in do
 * yield puts p. Switched on length: every identifier comes here.
 */
static int ruby_keyword(const char *s, size_t n)
{
	switch (n) {
	case 1:
		return *s == 'p';
	case 2:
		return !memcmp(s, "if", 2) || !memcmp(s, "or", 2) ||
		       !memcmp(s, "in", 2) || !memcmp(s, "do", 2);
	case 3:
		return !memcmp(s, "and", 3) || !memcmp(s, "not", 3);
	case 4:
		return !memcmp(s, "when", 4) || !memcmp(s, "then", 4) ||
		       !memcmp(s, "else", 4) || !memcmp(s, "case", 4) ||
		       !memcmp(s, "puts", 4);
	case 5:
		return !memcmp(s, "while", 5) || !memcmp(s, "until", 5) ||
		       !memcmp(s, "elsif", 5) || !memcmp(s, "yield", 5);
	case 6:
		return !memcmp(s, "unless", 6) || !memcmp(s, "return", 6);
	}
	return 0;
}

/* Skips heredoc bodies that start on the line after lx->p (a newline). */
static void ruby_skip_heredocs(struct ruby_state *st, struct ruby_heredoc *h,
			       int nr)
{
	struct lexer *lx = st->lx;

	for (int i = 0; i < nr; i++) {
		while (lx->p < lx->end) {
			const char *s, *e;

			lx->p++; /* the newline */
			lx->line++;
			s = lx->p;
			e = memchr(s, '\n', (size_t)(lx->end - s));
			if (!e)
				e = lx->end;
			while (s < e && is_blank((unsigned char)*s))
				s++;
			lx->p = e;
			if ((size_t)(e - s) >= h[i].len &&
			    !memcmp(s, h[i].id, h[i].len) &&
			    (s + h[i].len == e ||
			     is_blank((unsigned char)s[h[i].len])))
				break;
			for (const char *q = s; h[i].interp && q + 1 < e; q++)
				if (q[0] == '#' && q[1] == '{')
					q = ruby_interp(st, q + 2, e, lx->line,
							0) -
					    1;
		}
	}
}

/*
 * A heredoc start at lx->p (`<<~ID`, `<<-ID`, `<<ID`, quoted IDs):
 * records its terminator and moves past it. Returns 0 when `<<` is a
 * shift or an append.
 */
static int ruby_heredoc_start(struct lexer *lx, struct ruby_heredoc *h)
{
	const char *p = lx->p + 2;
	int squiggly = 0;
	char quote = 0;
	const char *s;

	if (p < lx->end && (*p == '~' || *p == '-')) {
		squiggly = 1;
		p++;
	}
	if (p < lx->end && (*p == '\'' || *p == '"' || *p == '`'))
		quote = *p++;
	s = p;
	if (!quote && !squiggly && !(p < lx->end && *p >= 'A' && *p <= 'Z'))
		return 0;
	while (p < lx->end && is_ident((unsigned char)*p))
		p++;
	if (p == s || (quote && (p >= lx->end || *p != quote)))
		return 0;
	h->id = s;
	h->len = (size_t)(p - s);
	h->interp = quote != '\'';
	lx->p = quote ? p + 1 : p;
	return 1;
}

/*
 * A %-literal at lx->p: %q(...), %w[...], %(...), %r{...}, ... Bracket
 * delimiters nest. Returns 0 when `%` is the operator.
 */
static int ruby_percent(struct ruby_state *st)
{
	struct lexer *lx = st->lx;
	const char *p = lx->p + 1;
	char open, close;
	int interp = 1;

	if (p < lx->end && strchr("qQwWiIrsx", *p) && *p) {
		interp = !strchr("qwis", *p);
		p++;
	}
	if (p >= lx->end)
		return 0;
	open = *p;
	switch (open) {
	case '(':
		close = ')';
		break;
	case '[':
		close = ']';
		break;
	case '{':
		close = '}';
		break;
	case '<':
		close = '>';
		break;
	case '|':
	case '!':
	case '/':
	case '^':
	case '-':
	case '\'':
	case '"':
		close = open;
		break;
	default:
		return 0;
	}
	lx->p = p;
	ruby_literal(st, open, close, interp, 1);
	return 1;
}

/* After `require` or `require_relative`: a literal path or nothing. */
static void ruby_require(struct lexer *lx, int relative, unsigned line)
{
	struct name n;

	name_reset(&n);
	while (lx->p < lx->end && is_blank((unsigned char)*lx->p))
		lx->p++;
	if (lx->p < lx->end && *lx->p == '(') {
		lx->p++;
		while (lx->p < lx->end && is_blank((unsigned char)*lx->p))
			lx->p++;
	}
	/* require_relative is marked by a leading ./ for the resolver */
	if (relative)
		name_add(&n, "./", 2);
	if (read_literal(lx, &n, "#") && n.len > (relative ? 2u : 0u))
		emit(lx, DEP_REQUIRE, &n, n.len, 0, line);
}

/*
 * `gem 'x'` (a Gemfile) or `.add_dependency 'x'` (a gemspec): an
 * external package, unless its path: is in the repository.
 */
static void ruby_gem(struct lexer *lx, unsigned line)
{
	struct name n;

	name_reset(&n);
	while (lx->p < lx->end && is_blank((unsigned char)*lx->p))
		lx->p++;
	if (lx->p < lx->end && *lx->p == '(')
		lx->p++;
	if (!read_literal(lx, &n, "#"))
		return;
	/* gem 'blog', path: 'engines/blog': the repository's own code */
	for (const char *p = lx->p; p + 5 < lx->end && *p != '\n'; p++)
		if (!memcmp(p, "path:", 5) &&
		    (p == lx->p || !is_ident((unsigned char)p[-1])))
			return;
	emit(lx, DEP_IMPORT, &n, n.len, 0, line);
}

/*
 * A constant path just read: a reference, unless `A::B =` follows: that
 * defines B, and refers to its namespace A only.
 */
static void ruby_const_use(struct ruby_state *st, const struct name *n,
			   int assigns, unsigned line)
{
	size_t last = 0;

	if (!assigns) {
		ruby_const_ref(st, n, n->len, line);
		return;
	}
	for (size_t i = 1; i + 1 < n->len; i++)
		if (n->buf[i] == ':' && n->buf[i + 1] == ':')
			last = i;
	if (last)
		ruby_const_ref(st, n, last, line);
}

/* True when `Name =` follows: an assignment defines, it refers to none. */
static int ruby_assigns(const struct lexer *lx)
{
	const char *p = lx->p;

	while (p < lx->end && is_blank((unsigned char)*p))
		p++;
	return p + 1 < lx->end && *p == '=' && p[1] != '=' && p[1] != '~' &&
	       p[1] != '>';
}

/*
 * After `class` or `module`: the name (a reference to its namespace part
 * when it is a path, A in class A::B), the superclass (a reference from
 * the outer scope), and the new scope: Foo::Bar inside module Foo, A::B
 * alone for class A::B (Ruby does not enter A), Foo for class ::Foo.
 */
static void ruby_class(struct ruby_state *st, int is_class, unsigned line)
{
	struct lexer *lx = st->lx;
	const struct ruby_scope *top = ruby_top(st);
	struct name n, sup;
	int absolute = 0;
	char *nesting;
	size_t last = 0, cref, outer;

	while (lx->p < lx->end && is_blank((unsigned char)*lx->p))
		lx->p++;
	if (is_class && at(lx, "<<")) {
		ruby_push_block(st); /* class << self */
		return;
	}
	if (at(lx, "::")) {
		absolute = 1;
		lx->p += 2;
	}
	name_reset(&n);
	if (!ruby_const_path(lx, &n) || n.overflow) {
		ruby_push_block(st);
		return;
	}
	for (size_t i = 0; i + 1 < n.len; i++)
		if (n.buf[i] == ':' && n.buf[i + 1] == ':')
			last = i;
	if (last && !absolute)
		ruby_const_ref(st, &n, last, line);
	while (is_class && lx->p < lx->end && is_blank((unsigned char)*lx->p))
		lx->p++;
	if (is_class && lx->p + 1 < lx->end && *lx->p == '<' &&
	    lx->p[1] != '<') {
		lx->p++;
		while (lx->p < lx->end && is_blank((unsigned char)*lx->p))
			lx->p++;
		name_reset(&sup);
		if (at(lx, "::")) {
			name_add(&sup, "::", 2);
			lx->p += 2;
		}
		if (ruby_const_path(lx, &sup))
			ruby_const_ref(st, &sup, sup.len, line);
	}
	/* the new cref, then the outer nesting after a space */
	cref = n.len + (!absolute && top->nesting ? top->cref + 2 : 0);
	outer = top->nesting ? strlen(top->nesting) : 0;
	nesting = arena_alloc(lx->arena, cref + 2 + outer);
	if (!absolute && top->nesting) {
		memcpy(nesting, top->nesting, top->cref);
		memcpy(nesting + top->cref, "::", 2);
	}
	memcpy(nesting + cref - n.len, n.buf, n.len);
	nesting[cref] = '\0';
	if (top->nesting) {
		nesting[cref] = ' ';
		memcpy(nesting + cref + 1, top->nesting, outer + 1);
	}
	/* the declaration, for constants no file is named after */
	dep_list_add(lx->out, lx->arena, DEP_USE, nesting, cref, line)->flags =
		DEP_DECLARES;
	ruby_push(st, nesting, cref);
}

/*
 * True when the `def` at lx->p defines an endless method (def x = 1,
 * def x(a) = a), which has no `end`: an `=` outside parentheses before
 * the end of the line, standing alone (not ==, a setter's name=, =>).
 */
static int ruby_endless_def(const struct lexer *lx)
{
	int depth = 0;

	for (const char *p = lx->p; p < lx->end && *p != '\n' && *p != ';';
	     p++) {
		if (*p == '(') {
			depth++;
		} else if (*p == ')') {
			depth--;
		} else if (*p == '=' && !depth) {
			if (p + 1 < lx->end && strchr("=~>", p[1]))
				return 0;
			return p[-1] == ' ' || p[-1] == ')';
		}
	}
	return 0;
}

static void ruby_space(struct lexer *lx, int newlines)
{
	while (lx->p < lx->end) {
		if (is_blank((unsigned char)*lx->p)) {
			lx->p++;
		} else if (*lx->p == '\\' && lx->p + 1 < lx->end &&
			   lx->p[1] == '\n') {
			lx->p += 2;
		} else if (newlines && *lx->p == '\n') {
			lx->p++;
		} else if (newlines && *lx->p == '#') {
			skip_to_eol(lx);
		} else {
			return;
		}
	}
}

/* Skips a bracketed expression at lx->p, strings inside included. */
static void ruby_skip_brackets(struct lexer *lx)
{
	int depth = 0;

	while (lx->p < lx->end) {
		char c = *lx->p;

		if (c == '\'' || c == '"') {
			skip_quoted(lx, c, 1, 1);
			continue;
		}
		if (c == '(' || c == '{' || c == '[')
			depth++;
		else if ((c == ')' || c == '}' || c == ']') && !--depth) {
			lx->p++;
			return;
		}
		lx->p++;
	}
}

#define RUBY_ASSOC_OPTIONS 32

/*
 * After has_many, has_one, belongs_to or has_and_belongs_to_many (read
 * on a copy of the lexer: the statement is lexed again as code). The
 * class is class_name: when given, else the source: of a :through, else
 * the association's name; polymorphic ones name no class. A name is
 * recorded as "many:statuses" or "one:account" for the resolver, which
 * knows the application's inflections.
 */
static void ruby_association(struct ruby_state *st, int many, unsigned line)
{
	struct lexer look = *st->lx;
	struct lexer *lx = &look;
	struct name assoc, cls, source;
	int through = 0;

	name_reset(&assoc);
	name_reset(&cls);
	name_reset(&source);
	ruby_space(lx, 0);
	if (lx->p < lx->end && *lx->p == '(') {
		lx->p++;
		ruby_space(lx, 1);
	}
	if (lx->p + 1 >= lx->end || *lx->p != ':' ||
	    !is_ident_start((unsigned char)lx->p[1]))
		return;
	name_add(&assoc, many ? "many:" : "one:", many ? 5 : 4);
	for (const char *s = ++lx->p; lx->p < lx->end; lx->p++)
		if (!is_ident((unsigned char)*lx->p)) {
			name_add(&assoc, s, (size_t)(lx->p - s));
			break;
		}
	for (int i = 0; i < RUBY_ASSOC_OPTIONS; i++) {
		const char *key;
		size_t klen;
		struct name val;

		ruby_space(lx, 0);
		if (lx->p >= lx->end || *lx->p != ',')
			break;
		lx->p++;
		ruby_space(lx, 1);
		if (at(lx, "->")) {
			/* a scope: -> { where(...) }, ->(x) { ... } */
			lx->p += 2;
			ruby_space(lx, 0);
			if (lx->p < lx->end && *lx->p == '(')
				ruby_skip_brackets(lx);
			ruby_space(lx, 0);
			if (lx->p >= lx->end || *lx->p != '{')
				break;
			ruby_skip_brackets(lx);
			continue;
		}
		key = lx->p;
		while (lx->p < lx->end && is_ident((unsigned char)*lx->p))
			lx->p++;
		klen = (size_t)(lx->p - key);
		if (!klen || lx->p + 1 >= lx->end || *lx->p != ':' ||
		    lx->p[1] == ':')
			break;
		lx->p++;
		ruby_space(lx, 1);
		name_reset(&val);
		if (lx->p < lx->end && *lx->p == ':' && lx->p + 1 < lx->end &&
		    is_ident_start((unsigned char)lx->p[1])) {
			const char *s = ++lx->p;

			while (lx->p < lx->end &&
			       is_ident((unsigned char)*lx->p))
				lx->p++;
			name_add(&val, s, (size_t)(lx->p - s));
		} else if (!read_literal(lx, &val, "#") &&
			   !ruby_const_path(lx, &val)) {
			const char *s = lx->p;

			while (lx->p < lx->end &&
			       is_ident((unsigned char)*lx->p))
				lx->p++;
			if (lx->p == s && klen == 10 &&
			    !memcmp(key, "class_name", 10))
				return; /* "Foo::#{x}": a class not known */
			if (lx->p == s)
				break; /* an expression: the rest is unknown */
			name_add(&val, s, (size_t)(lx->p - s));
		}
		if (klen == 11 && !memcmp(key, "polymorphic", 11) &&
		    val.len == 4 && !memcmp(val.buf, "true", 4))
			return;
		if (at(lx, ".name") || at(lx, ".to_s"))
			lx->p += 5; /* class_name: Foo.name */
		if (klen == 10 && !memcmp(key, "class_name", 10)) {
			/* a class name, not an expression in a string */
			size_t skip = val.len > 2 && val.buf[0] == ':' ? 2 : 0;

			if (val.len > skip &&
			    is_upper((unsigned char)val.buf[skip]))
				cls = val;
			else
				return;
		} else if (klen == 6 && !memcmp(key, "source", 6)) {
			source = val;
		} else if (klen == 7 && !memcmp(key, "through", 7)) {
			through = 1;
		}
	}
	if (cls.len) {
		ruby_const_ref(st, &cls, cls.len, line);
	} else if (through && source.len) {
		name_reset(&assoc);
		name_add(&assoc, "many:", 5);
		name_add(&assoc, source.buf, source.len);
		ruby_const_ref(st, &assoc, assoc.len, line);
	} else {
		ruby_const_ref(st, &assoc, assoc.len, line);
	}
}

/*
 * After `render` inside a class (read on a copy of the lexer, as
 * associations are): a template ('show', :show, 'admin/reports/show',
 * template: or action:) recorded as "view:NAME", a partial (partial:
 * 'x') as "partial:NAME"; the resolver finds the view files.
 */
static void ruby_render(struct ruby_state *st, unsigned line)
{
	struct lexer look = *st->lx;
	struct lexer *lx = &look;
	struct name n;
	int partial = 0;

	/* a controller's or a mailer's, not a view's Ruby code */
	if (!ruby_top(st)->nesting)
		return;
	name_reset(&n);
	ruby_space(lx, 0);
	if (lx->p < lx->end && *lx->p == '(') {
		lx->p++;
		ruby_space(lx, 0);
	}
	if (at(lx, "partial:") || at(lx, "template:") || at(lx, "action:")) {
		partial = *lx->p == 'p';
		lx->p += *lx->p == 'p' ? 8 : *lx->p == 't' ? 9 : 7;
		ruby_space(lx, 0);
	}
	name_add(&n, partial ? "partial:" : "view:", partial ? 8 : 5);
	if (lx->p + 1 < lx->end && *lx->p == ':' &&
	    is_ident_start((unsigned char)lx->p[1])) {
		const char *s = ++lx->p;

		while (lx->p < lx->end && is_ident((unsigned char)*lx->p))
			lx->p++;
		name_add(&n, s, (size_t)(lx->p - s));
	} else if (!read_literal(lx, &n, "#")) {
		return;
	}
	if (n.len > (partial ? 8u : 5u))
		ruby_const_ref(st, &n, n.len, line);
}

/* `w` a literal: sizeof gives its length without a strlen. */
#define word_is(s, n, w) ((n) == sizeof(w) - 1 && !memcmp((s), (w), (n)))

/*
 * A word at statement level (not after `.`, not a symbol or a label):
 * keywords that open and close blocks, class and module, require, gem,
 * associations. `opener` is set where an `if` starts a block rather than
 * ending a statement as a modifier. Returns 1 when the word was a
 * statement the lexer consumed.
 */
static int ruby_word(struct ruby_state *st, const char *s, size_t n, int opener,
		     int *loop_do, unsigned line)
{
	struct lexer *lx = st->lx;

	switch (*s) {
	case 'b':
		if (word_is(s, n, "begin"))
			ruby_push_block(st);
		else if (opener && word_is(s, n, "belongs_to"))
			ruby_association(st, 0, line);
		return 0;
	case 'c':
		if (word_is(s, n, "class")) {
			ruby_class(st, 1, line);
			return 1;
		}
		if (word_is(s, n, "case"))
			ruby_push_block(st);
		return 0;
	case 'd':
		if (word_is(s, n, "def")) {
			if (!ruby_endless_def(lx))
				ruby_push_block(st);
		} else if (word_is(s, n, "do")) {
			if (*loop_do)
				*loop_do = 0; /* while x do: the loop's own */
			else
				ruby_push_block(st);
		}
		return 0;
	case 'e':
		if (word_is(s, n, "end"))
			ruby_pop(st);
		return 0;
	case 'f':
		if (word_is(s, n, "for")) {
			ruby_push_block(st);
			*loop_do = 1;
		}
		return 0;
	case 'g':
		if (opener && word_is(s, n, "gem")) {
			ruby_gem(lx, line);
			return 1;
		}
		return 0;
	case 'h':
		if (!opener)
			return 0;
		if (word_is(s, n, "has_many") ||
		    word_is(s, n, "has_and_belongs_to_many"))
			ruby_association(st, 1, line);
		else if (word_is(s, n, "has_one"))
			ruby_association(st, 0, line);
		return 0;
	case 'i':
	case 'u':
	case 'w':
		if (opener &&
		    (word_is(s, n, "if") || word_is(s, n, "unless") ||
		     word_is(s, n, "while") || word_is(s, n, "until"))) {
			ruby_push_block(st);
			*loop_do = *s == 'w' || word_is(s, n, "until");
		}
		return 0;
	case 'm':
		if (word_is(s, n, "module")) {
			ruby_class(st, 0, line);
			return 1;
		}
		return 0;
	case 'r':
		if (word_is(s, n, "require")) {
			ruby_require(lx, 0, line);
			return 1;
		}
		if (word_is(s, n, "require_relative")) {
			ruby_require(lx, 1, line);
			return 1;
		}
		if (opener && word_is(s, n, "render"))
			ruby_render(st, line);
		return 0;
	}
	return 0;
}

/* Words after which `if` still modifies: `return if x`. */
static int ruby_ends_statement(const char *s, size_t n)
{
	return word_is(s, n, "return") || word_is(s, n, "yield") ||
	       word_is(s, n, "puts") || word_is(s, n, "p");
}

void deps_ruby(struct dep_list *out, struct arena *arena, const char *buf,
	       size_t len)
{
	struct lexer lx;
	struct ruby_state st;
	struct ruby_heredoc heredoc[RUBY_HEREDOCS];
	int heredocs = 0;
	int value = 1; /* an expression may start here */
	int ret = 0, was_ret; /* after return, yield: `if` is a modifier */
	int loop_do = 0; /* a while/until/for may be followed by its do */
	int bol = 1; /* at the beginning of a line */
	char prev = 0; /* the last significant byte */

	lexer_init(&lx, out, arena, buf, len);
	memset(&st, 0, sizeof(st));
	st.lx = &lx;
	while (lx.p < lx.end) {
		unsigned char c = (unsigned char)*lx.p;

		if (bol && at(&lx, "=begin") &&
		    (lx.p + 6 >= lx.end || !is_ident((unsigned char)lx.p[6]))) {
			/* to the =end line */
			while (lx.p < lx.end) {
				skip_to_eol(&lx);
				if (lx.p >= lx.end)
					break;
				lx.p++;
				lx.line++;
				if (at(&lx, "=end")) {
					skip_to_eol(&lx);
					break;
				}
			}
			continue;
		}
		if (bol && at_word(&lx, "__END__"))
			return; /* the data section follows */
		bol = 0;
		if (c == '\n') {
			if (heredocs) {
				ruby_skip_heredocs(&st, heredoc, heredocs);
				heredocs = 0;
				if (lx.p >= lx.end)
					break;
			}
			lx.line++;
			lx.p++;
			bol = value = 1;
			ret = loop_do = 0;
			prev = '\n';
			continue;
		}
		if (is_blank(c)) {
			/* indentation: a run at a time */
			while (++lx.p < lx.end && is_blank((unsigned char)*lx.p))
				;
			continue;
		}
		if (c == '#') {
			skip_to_eol(&lx);
			continue;
		}
		was_ret = ret;
		ret = 0;
		if (c == '\'' || c == '"' || c == '`') {
			ruby_literal(&st, (char)c, (char)c, c != '\'', 1);
			value = 0;
			prev = (char)c;
			continue;
		}
		if (c == '/' && value) {
			ruby_literal(&st, '/', '/', 1, 0); /* a regex */
			value = 0;
			prev = '/';
			continue;
		}
		if (c == '%' && value && ruby_percent(&st)) {
			value = 0;
			prev = '%';
			continue;
		}
		if (c == '<' && at(&lx, "<<") && heredocs < RUBY_HEREDOCS &&
		    ruby_heredoc_start(&lx, &heredoc[heredocs])) {
			heredocs++;
			value = 0;
			prev = '<';
			continue;
		}
		if (c == '$' && lx.p + 1 < lx.end &&
		    !is_ident((unsigned char)lx.p[1])) {
			lx.p += 2; /* $" $' $/ ...: special globals */
			value = 0;
			prev = '$';
			continue;
		}
		if (c == '?' && value && lx.p + 1 < lx.end &&
		    !is_blank((unsigned char)lx.p[1]) && lx.p[1] != '\n' &&
		    (lx.p + 2 >= lx.end || !is_ident((unsigned char)lx.p[2]))) {
			lx.p += 2; /* ?a, ?': a character literal */
			value = 0;
			prev = '?';
			continue;
		}
		if (c == ':' && lx.end - lx.p > 2 && lx.p[1] == ':' &&
		    is_upper((unsigned char)lx.p[2]) &&
		    (lx.p == buf || !is_ident((unsigned char)lx.p[-1])) &&
		    (lx.p == buf || !strchr(")]}", lx.p[-1]))) {
			/* ::Foo, from the top level */
			struct name n;
			unsigned line = lx.line;

			name_reset(&n);
			name_add(&n, "::", 2);
			lx.p += 2;
			ruby_const_path(&lx, &n);
			ruby_const_use(&st, &n, ruby_assigns(&lx), line);
			value = 0;
			prev = 'A';
			continue;
		}
		if (is_ident_start(c) || c == '@') {
			const char *s = lx.p;
			unsigned line = lx.line;
			int after_colon = s > buf && s[-1] == ':';
			int label;
			size_t n;

			while (lx.p < lx.end &&
			       (is_ident((unsigned char)*lx.p) || *lx.p == '@'))
				lx.p++;
			if (lx.p < lx.end && (*lx.p == '?' || *lx.p == '!') &&
			    (lx.p + 1 >= lx.end || lx.p[1] != '='))
				lx.p++;
			n = (size_t)(lx.p - s);
			/* `key: value` in a hash or a call: a label */
			label = lx.p + 1 < lx.end && *lx.p == ':' &&
				lx.p[1] != ':';
			if (*s == '@' || after_colon || label) {
				value = label;
				prev = 'a';
				continue;
			}
			if (prev == '.') {
				if (word_is(s, n, "add_dependency") ||
				    word_is(s, n, "add_runtime_dependency") ||
				    word_is(s, n, "add_development_dependency"))
					ruby_gem(&lx, line);
				value = 0;
				prev = 'a';
				continue;
			}
			if (is_upper(c)) {
				struct name cn;

				lx.p = s;
				name_reset(&cn);
				ruby_const_path(&lx, &cn);
				ruby_const_use(&st, &cn, ruby_assigns(&lx),
					       line);
				value = 0;
				prev = 'A';
				continue;
			}
			if (ruby_word(&st, s, n, value && !was_ret, &loop_do,
				      line)) {
				value = 0;
				prev = 'r';
				continue;
			}
			value = ruby_keyword(s, n);
			ret = ruby_ends_statement(s, n);
			prev = 'a';
			continue;
		}
		if (c >= '0' && c <= '9') {
			while (lx.p < lx.end &&
			       (is_ident((unsigned char)*lx.p)))
				lx.p++;
			value = 0;
			prev = '0';
			continue;
		}
		if (c == ';')
			loop_do = 0;
		value = !(c == ')' || c == ']' || c == '}');
		prev = (char)c;
		lx.p++;
	}
}
