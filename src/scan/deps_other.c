/*
 * Dependency lexers of PHP (use, require/include of literal paths) and
 * Rust (mod x;, use trees, extern crate); Ruby's is in deps_ruby.c, C#'s
 * in deps_csharp.c. Each skips the comments and strings of its language;
 * unterminated ones end at the end of the buffer. Names are built in
 * fixed buffers: no allocation but the dep_list's own.
 */
#include <string.h>
#include <strings.h>

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
			if (*q && strchr(interp, *q))
				return 0;
	name_add(n, s, (size_t)(e - s));
	return 1;
}

/* ---- PHP ----------------------------------------------------------- */

struct php_state {
	int depth; /* brace depth */
	int ns_depth; /* depth of `use` imports: 1 inside namespace X { } */
	int ns_brace; /* the next { opens a namespace block */
	char prev; /* the last significant byte */
};

static int php_word(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && !strncasecmp(s, w, n);
}

/* Skips blanks, newlines and comments (not `?>`) inside PHP code. */
static void php_space(struct lexer *lx)
{
	while (lx->p < lx->end) {
		char c = *lx->p;

		if (c == '\n') {
			lx->line++;
			lx->p++;
		} else if (is_blank((unsigned char)c)) {
			lx->p++;
		} else if (at(lx, "/*")) {
			skip_block_comment(lx, 0);
		} else if (at(lx, "//") || (c == '#' && !at(lx, "#["))) {
			while (lx->p < lx->end && *lx->p != '\n' &&
			       !at(lx, "?>"))
				lx->p++;
		} else {
			return;
		}
	}
}

/* Reads a PHP name (A\B\C, leading \ dropped) into n; 0 when none. */
static int php_name(struct lexer *lx, struct name *n)
{
	size_t start = n->len;

	if (lx->p < lx->end && *lx->p == '\\')
		lx->p++;
	while (lx->p < lx->end && is_ident_start((unsigned char)*lx->p)) {
		const char *s = lx->p;

		while (lx->p < lx->end && is_ident((unsigned char)*lx->p))
			lx->p++;
		name_add(n, s, (size_t)(lx->p - s));
		if (lx->p + 1 < lx->end && *lx->p == '\\' &&
		    is_ident_start((unsigned char)lx->p[1])) {
			name_add(n, "\\", 1);
			lx->p++;
		} else {
			break;
		}
	}
	return n->len > start;
}

/* `function` or `const` before a name: imports a function or constant. */
static unsigned php_use_kind(struct lexer *lx)
{
	if (at_word(lx, "function") || at_word(lx, "const")) {
		lx->p += *lx->p == 'f' ? 8 : 5;
		php_space(lx);
		return DEP_STATIC;
	}
	return 0;
}

/* Skips `as Alias` after a use clause. */
static void php_alias(struct lexer *lx)
{
	php_space(lx);
	if (lx->end - lx->p > 2 && !strncasecmp(lx->p, "as", 2) &&
	    !is_ident((unsigned char)lx->p[2])) {
		lx->p += 2;
		php_space(lx);
		while (lx->p < lx->end && is_ident((unsigned char)*lx->p))
			lx->p++;
		php_space(lx);
	}
}

/*
 * After `use` at namespace level: `A\B [as C], D\E;`, `function A\f;`,
 * and groups `A\{B, C as D, function e};`. Functions and constants are
 * flagged DEP_STATIC, as static imports are in Java and C#.
 */
static void php_use(struct lexer *lx, unsigned line)
{
	unsigned flags;
	struct name n;

	php_space(lx);
	flags = php_use_kind(lx);
	for (;;) {
		name_reset(&n);
		php_space(lx);
		if (!php_name(lx, &n))
			return;
		if (at(lx, "\\{")) {
			size_t base;

			lx->p += 2;
			name_add(&n, "\\", 1);
			base = n.len;
			for (;;) {
				unsigned f;

				php_space(lx);
				if (lx->p >= lx->end || *lx->p == '}')
					break;
				f = php_use_kind(lx) | flags;
				n.len = base;
				if (!php_name(lx, &n))
					return;
				emit(lx, DEP_USE, &n, n.len, f, line);
				php_alias(lx);
				if (lx->p < lx->end && *lx->p == ',')
					lx->p++;
				else if (lx->p >= lx->end || *lx->p != '}')
					return;
			}
			if (lx->p < lx->end)
				lx->p++;
			php_space(lx);
		} else {
			emit(lx, DEP_USE, &n, n.len, flags, line);
			php_alias(lx);
		}
		if (lx->p >= lx->end || *lx->p != ',')
			return;
		lx->p++;
	}
}

/*
 * A directory expression before `.` in an include: __DIR__,
 * dirname(__FILE__), dirname(__DIR__, 2), nested dirname(). Returns how
 * many levels above the file's directory it names, or -1.
 */
static int php_dir_expr(struct lexer *lx, int nesting)
{
	int up, levels = 1;

	php_space(lx);
	if (at_word(lx, "__DIR__")) {
		lx->p += 7;
		return 0;
	}
	if (at_word(lx, "__FILE__")) {
		lx->p += 8;
		return -2; /* the file itself: one dirname() gives its dir */
	}
	if (nesting > 4 || lx->end - lx->p < 7 ||
	    strncasecmp(lx->p, "dirname", 7))
		return -1;
	lx->p += 7;
	php_space(lx);
	if (lx->p >= lx->end || *lx->p != '(')
		return -1;
	lx->p++;
	up = php_dir_expr(lx, nesting + 1);
	if (up == -1)
		return -1;
	php_space(lx);
	if (lx->p < lx->end && *lx->p == ',') {
		lx->p++;
		php_space(lx);
		if (lx->p >= lx->end || *lx->p < '1' || *lx->p > '9')
			return -1;
		levels = 0;
		while (lx->p < lx->end && *lx->p >= '0' && *lx->p <= '9' &&
		       levels < 100)
			levels = levels * 10 + (*lx->p++ - '0');
		php_space(lx);
	}
	if (lx->p >= lx->end || *lx->p != ')')
		return -1;
	lx->p++;
	return up == -2 ? levels - 1 : up + levels;
}

/* Records an include path unless more is concatenated to it. */
static void php_include_end(struct lexer *lx, struct name *n, unsigned line)
{
	php_space(lx);
	if (lx->p < lx->end && *lx->p == '.')
		return;
	emit(lx, DEP_REQUIRE, n, n->len, 0, line);
}

/*
 * After require/include (_once): `'x.php'` as written, or a directory
 * expression . 'path', recorded relative to the file as "./path" or
 * "./../path". Anything else is computed at run time: skipped.
 */
static void php_include(struct lexer *lx, unsigned line)
{
	struct name n;
	const char *save;
	unsigned save_line;
	int up;

	name_reset(&n);
	php_space(lx);
	if (lx->p < lx->end && *lx->p == '(') {
		lx->p++;
		php_space(lx);
	}
	if (read_literal(lx, &n, "$")) {
		php_include_end(lx, &n, line);
		return;
	}
	/* going back, the newlines skipped are counted again */
	save = lx->p;
	save_line = lx->line;
	up = php_dir_expr(lx, 0);
	if (up < 0) {
		lx->p = save;
		lx->line = save_line;
		return;
	}
	php_space(lx);
	if (lx->p >= lx->end || *lx->p != '.') {
		lx->p = save;
		lx->line = save_line;
		return;
	}
	lx->p++;
	php_space(lx);
	name_add(&n, ".", 1);
	for (int i = 0; i < up; i++)
		name_add(&n, "/..", 3);
	if (lx->p < lx->end && (*lx->p == '\'' || *lx->p == '"') &&
	    lx->p + 1 < lx->end && lx->p[1] != '/')
		name_add(&n, "/", 1);
	if (read_literal(lx, &n, "$"))
		php_include_end(lx, &n, line);
}

/* Skips a heredoc or nowdoc at lx->p (`<<<ID`, `<<<"ID"`, `<<<'ID'`). */
static void php_heredoc(struct lexer *lx)
{
	const char *p = lx->p + 3, *id;
	size_t idlen;

	while (p < lx->end && is_blank((unsigned char)*p))
		p++;
	if (p < lx->end && (*p == '\'' || *p == '"'))
		p++;
	id = p;
	while (p < lx->end && is_ident((unsigned char)*p))
		p++;
	idlen = (size_t)(p - id);
	if (!idlen) {
		lx->p += 3;
		return;
	}
	lx->p = p;
	skip_to_eol(lx);
	while (lx->p < lx->end) {
		const char *s;

		lx->p++;
		lx->line++;
		s = lx->p;
		while (s < lx->end && is_blank((unsigned char)*s))
			s++;
		if ((size_t)(lx->end - s) >= idlen && !memcmp(s, id, idlen) &&
		    (s + idlen >= lx->end ||
		     !is_ident((unsigned char)s[idlen]))) {
			lx->p = s + idlen;
			return;
		}
		skip_to_eol(lx);
	}
}

/* A keyword at the start of a PHP word: use, namespace, include... */
static void php_word_at(struct lexer *lx, struct php_state *st, const char *s,
			size_t n, unsigned line)
{
	if (st->prev == '>' || st->prev == ':' || st->prev == '$' ||
	    st->prev == '\\')
		return; /* ->use(), X::use, $use, A\use */
	if (php_word(s, n, "use")) {
		php_space(lx);
		/* closures' use ($x), traits' use inside a class body */
		if (lx->p < lx->end && *lx->p != '(' &&
		    st->depth == st->ns_depth)
			php_use(lx, line);
	} else if (php_word(s, n, "namespace")) {
		struct name ns;

		name_reset(&ns);
		php_space(lx);
		php_name(lx, &ns);
		php_space(lx);
		if (lx->p < lx->end && *lx->p == '{')
			st->ns_brace = 1;
	} else if (php_word(s, n, "require") ||
		   php_word(s, n, "require_once") ||
		   php_word(s, n, "include") ||
		   php_word(s, n, "include_once")) {
		php_include(lx, line);
	}
}

void deps_php(struct dep_list *out, struct arena *arena, const char *buf,
	      size_t len)
{
	struct lexer lx;
	struct php_state st;
	int php = 0; /* inside <?php ... ?> */

	lexer_init(&lx, out, arena, buf, len);
	memset(&st, 0, sizeof(st));
	while (lx.p < lx.end) {
		unsigned char c = (unsigned char)*lx.p;

		if (!php) {
			const char *tag =
				memmem(lx.p, (size_t)(lx.end - lx.p), "<?", 2);
			const char *stop = tag ? tag : lx.end;

			for (const char *q = lx.p; q < stop; q++)
				if (*q == '\n')
					lx.line++;
			if (!tag) {
				lx.p = lx.end;
				break;
			}
			lx.p = tag + 2;
			if (lx.end - lx.p >= 3 && !strncasecmp(lx.p, "php", 3))
				lx.p += 3;
			php = 1;
			st.prev = ';';
			continue;
		}
		if (c == '\n') {
			lx.line++;
			lx.p++;
		} else if (is_blank(c)) {
			lx.p++;
		} else if (at(&lx, "?>")) {
			lx.p += 2;
			php = 0;
		} else if (at(&lx, "/*") || at(&lx, "//") ||
			   (c == '#' && !at(&lx, "#["))) {
			php_space(&lx);
		} else if (c == '\'' || c == '"' || c == '`') {
			skip_quoted(&lx, (char)c, 1, 1);
			st.prev = (char)c;
		} else if (at(&lx, "<<<")) {
			php_heredoc(&lx);
			st.prev = '"';
		} else if (c == '$' && lx.p + 1 < lx.end &&
			   is_ident_start((unsigned char)lx.p[1])) {
			lx.p++;
			while (lx.p < lx.end && is_ident((unsigned char)*lx.p))
				lx.p++;
			st.prev = 'a';
		} else if (is_ident_start(c)) {
			const char *s = lx.p;
			unsigned line = lx.line;

			while (lx.p < lx.end && is_ident((unsigned char)*lx.p))
				lx.p++;
			php_word_at(&lx, &st, s, (size_t)(lx.p - s), line);
			st.prev = 'a';
		} else {
			if (c == '{') {
				st.depth++;
				if (st.ns_brace) {
					st.ns_depth = st.depth;
					st.ns_brace = 0;
				}
			} else if (c == '}' && st.depth > 0) {
				if (st.depth == st.ns_depth)
					st.ns_depth = 0;
				st.depth--;
			}
			st.prev = (char)c;
			lx.p++;
		}
	}
}

/* ---- Rust ---------------------------------------------------------- */

/* Skips blanks, newlines and (nesting) comments. */
static void rust_space(struct lexer *lx)
{
	while (lx->p < lx->end) {
		char c = *lx->p;

		if (c == '\n') {
			lx->line++;
			lx->p++;
		} else if (is_blank((unsigned char)c)) {
			lx->p++;
		} else if (at(lx, "//")) {
			skip_to_eol(lx);
		} else if (at(lx, "/*")) {
			skip_block_comment(lx, 1);
		} else {
			return;
		}
	}
}

/* b"", r"", br"", c"", cr"": the prefixes of Rust's literals. */
static int rust_literal_prefix(const char *s, size_t n)
{
	return (n == 1 && (*s == 'r' || *s == 'b' || *s == 'c')) ||
	       (n == 2 && (!memcmp(s, "br", 2) || !memcmp(s, "cr", 2)));
}

/* True when a raw string's #s and quote follow (r#"..."#, not r#name). */
static int rust_raw_start(const struct lexer *lx)
{
	const char *q = lx->p;

	while (q < lx->end && *q == '#')
		q++;
	return q < lx->end && *q == '"';
}

/* Skips a raw string at lx->p (after its r/br prefix): r#"..."#. */
static void rust_raw_string(struct lexer *lx)
{
	size_t hashes = 0;

	while (lx->p < lx->end && *lx->p == '#') {
		hashes++;
		lx->p++;
	}
	if (lx->p >= lx->end || *lx->p != '"')
		return;
	for (lx->p++; lx->p < lx->end; lx->p++) {
		size_t k = 0;

		if (*lx->p == '\n') {
			lx->line++;
			continue;
		}
		if (*lx->p != '"')
			continue;
		while (k < hashes && lx->p + 1 + k < lx->end &&
		       lx->p[1 + k] == '#')
			k++;
		if (k == hashes) {
			lx->p += 1 + hashes;
			return;
		}
	}
}

/*
 * A quote at lx->p: a character literal ('a', '\n', '\u{1F600}', 'é')
 * or a lifetime ('a, 'static), which is only skipped past.
 */
static void rust_quote(struct lexer *lx)
{
	const char *p = lx->p + 1;
	unsigned char c;
	size_t n = 1;

	if (p < lx->end && *p == '\\') {
		for (p += 2;
		     p < lx->end && *p != '\'' && *p != '\n' && p - lx->p < 16;
		     p++)
			;
		lx->p = p < lx->end && *p == '\'' ? p + 1 : lx->p + 1;
		return;
	}
	if (p >= lx->end) {
		lx->p = p;
		return;
	}
	c = (unsigned char)*p;
	if (c >= 0xf0)
		n = 4;
	else if (c >= 0xe0)
		n = 3;
	else if (c >= 0xc0)
		n = 2;
	if ((size_t)(lx->end - p) > n && p[n] == '\'')
		lx->p = p + n + 1;
	else
		lx->p = p; /* a lifetime: its name is read as a word */
}

/*
 * One use tree after `use` (or inside a group), with `path` the prefix
 * so far: `a::b`, `a::b as c`, `a::*`, `a::{b, c::d, self}`. Each leaf
 * is a dep_ref with the full path; `*` is DEP_WILDCARD on its module.
 */
static int rust_use_tree(struct lexer *lx, struct name *path, int group,
			 unsigned line, int nesting)
{
	if (nesting > 8)
		return 0;
	rust_space(lx);
	if (!path->len && at(lx, "::"))
		lx->p += 2; /* ::serde::X, a crate path */
	for (;;) {
		const char *s;
		size_t seg;
		int self;

		rust_space(lx);
		if (lx->p >= lx->end)
			return 0;
		if (*lx->p == '{') {
			size_t group_base = path->len;

			lx->p++;
			for (;;) {
				rust_space(lx);
				if (lx->p >= lx->end)
					return 0;
				if (*lx->p == '}') {
					lx->p++;
					break;
				}
				if (!rust_use_tree(lx, path, 1, line,
						   nesting + 1))
					return 0;
				path->len = group_base;
				rust_space(lx);
				if (lx->p < lx->end && *lx->p == ',')
					lx->p++;
			}
			return 1;
		}
		if (*lx->p == '*') {
			lx->p++;
			if (path->len >= 2)
				emit(lx, DEP_USE, path, path->len - 2,
				     DEP_WILDCARD, line);
			return 1;
		}
		if (*lx->p == '$')
			lx->p++; /* $crate in a macro: the defining crate */
		s = lx->p;
		if (s >= lx->end || !is_ident_start((unsigned char)*s))
			return 0;
		while (lx->p < lx->end && is_ident((unsigned char)*lx->p))
			lx->p++;
		seg = (size_t)(lx->p - s);
		/* `a::{self, b}`: self is module a itself */
		self = group && seg == 4 && !memcmp(s, "self", 4) &&
		       path->len >= 2;
		if (!self)
			name_add(path, s, seg);
		rust_space(lx);
		if (!self && at(lx, "::")) {
			lx->p += 2;
			name_add(path, "::", 2);
			continue;
		}
		if (at_word(lx, "as")) {
			lx->p += 2;
			rust_space(lx);
			while (lx->p < lx->end &&
			       is_ident((unsigned char)*lx->p))
				lx->p++;
		}
		emit(lx, DEP_USE, path, self ? path->len - 2 : path->len, 0,
		     line);
		return 1;
	}
}

void deps_rust(struct dep_list *out, struct arena *arena, const char *buf,
	       size_t len)
{
	struct lexer lx;
	char prev = 0; /* the last significant byte */

	lexer_init(&lx, out, arena, buf, len);
	while (lx.p < lx.end) {
		unsigned char c = (unsigned char)*lx.p;

		if (c == '\n' || is_blank(c) || at(&lx, "//") ||
		    at(&lx, "/*")) {
			rust_space(&lx);
			continue;
		}
		if (c == '"') {
			skip_quoted(&lx, '"', 1, 1);
		} else if (c == '\'') {
			rust_quote(&lx);
		} else if (is_ident_start(c)) {
			const char *s = lx.p;
			unsigned line = lx.line;
			size_t n;

			while (lx.p < lx.end && is_ident((unsigned char)*lx.p))
				lx.p++;
			n = (size_t)(lx.p - s);
			if (lx.p < lx.end && (*lx.p == '"' || *lx.p == '#') &&
			    rust_literal_prefix(s, n)) {
				/* b"", r"", r#""#, br#""#, c"" literals */
				if (s[n - 1] == 'r' && rust_raw_start(&lx))
					rust_raw_string(&lx);
				else if (*lx.p == '"')
					skip_quoted(&lx, '"', 1, 1);
				else if (n == 1 && *s == 'r')
					/* r#ident: a name, no keyword */
					while (++lx.p < lx.end &&
					       is_ident((unsigned char)*lx.p))
						;
				prev = '"';
				continue;
			}
			if (prev == '.' || prev == '$') {
				prev = 'a';
				continue;
			}
			if (n == 3 && !memcmp(s, "mod", 3)) {
				struct name m;

				name_reset(&m);
				rust_space(&lx);
				s = lx.p;
				while (lx.p < lx.end &&
				       is_ident((unsigned char)*lx.p))
					lx.p++;
				name_add(&m, s, (size_t)(lx.p - s));
				rust_space(&lx);
				if (lx.p < lx.end && *lx.p == ';')
					emit(&lx, DEP_MOD, &m, m.len, 0, line);
			} else if (n == 3 && !memcmp(s, "use", 3)) {
				struct name path;

				name_reset(&path);
				rust_use_tree(&lx, &path, 0, line, 0);
			} else if (n == 6 && !memcmp(s, "extern", 6)) {
				struct name m;

				name_reset(&m);
				rust_space(&lx);
				if (at_word(&lx, "crate")) {
					lx.p += 5;
					rust_space(&lx);
					s = lx.p;
					while (lx.p < lx.end &&
					       is_ident((unsigned char)*lx.p))
						lx.p++;
					name_add(&m, s, (size_t)(lx.p - s));
					if (m.len &&
					    !(m.len == 4 &&
					      !memcmp(m.buf, "self", 4)))
						emit(&lx, DEP_USE, &m, m.len, 0,
						     line);
				}
			}
			prev = 'a';
			continue;
		} else {
			lx.p++;
		}
		prev = (char)c;
	}
}
