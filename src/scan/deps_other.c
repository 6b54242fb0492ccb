/*
 * Dependency lexers of Ruby (require, require_relative), PHP (use,
 * require/include of literal paths) and Rust (mod x;, use trees, extern
 * crate); C# has deps_csharp.c. Each skips the comments and strings of
 * its language; unterminated ones end at the end of the buffer. Names are
 * built in fixed buffers: no allocation but the dep_list's own.
 */
#include <string.h>
#include <strings.h>

#include "carve/deps.h"
#include "carve/ident.h"

/* Longer names or paths are not real dependencies: dropped. */
#define NAME_MAX_LEN 512

struct lexer {
	const char *p, *end;
	unsigned line;
	struct dep_list *out;
	struct arena *arena;
};

/* A name or path being built, in a fixed buffer. */
struct name {
	char buf[NAME_MAX_LEN];
	size_t len;
	int overflow;
};

static void lexer_init(struct lexer *lx, struct dep_list *out,
		       struct arena *arena, const char *buf, size_t len)
{
	memset(lx, 0, sizeof(*lx));
	lx->p = buf;
	lx->end = buf + len;
	lx->line = 1;
	lx->out = out;
	lx->arena = arena;
}

static int is_ident_start(int c)
{
	return ident_start(c, IDENT_HIGH);
}

static int is_ident(int c)
{
	return ident_char(c, IDENT_HIGH);
}

static int is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static int at(const struct lexer *lx, const char *s)
{
	size_t n = strlen(s);

	return (size_t)(lx->end - lx->p) >= n && !memcmp(lx->p, s, n);
}

/* True when the word `w` is at lx->p and not followed by a name byte. */
static int at_word(const struct lexer *lx, const char *w)
{
	size_t n = strlen(w);

	return (size_t)(lx->end - lx->p) >= n && !memcmp(lx->p, w, n) &&
	       (lx->p + n >= lx->end || !is_ident((unsigned char)lx->p[n]));
}

static void name_reset(struct name *n)
{
	n->len = 0;
	n->overflow = 0;
}

static void name_add(struct name *n, const char *s, size_t len)
{
	if (n->len + len >= sizeof(n->buf)) {
		n->overflow = 1;
		return;
	}
	memcpy(n->buf + n->len, s, len);
	n->len += len;
}

static void emit(struct lexer *lx, enum dep_kind kind, const struct name *n,
		 size_t len, unsigned flags, unsigned line)
{
	struct dep_ref *d;

	if (n->overflow || !len)
		return;
	d = dep_list_add(lx->out, lx->arena, kind, n->buf, len, line);
	d->flags = flags;
}

static void skip_to_eol(struct lexer *lx)
{
	const char *nl = memchr(lx->p, '\n', (size_t)(lx->end - lx->p));

	lx->p = nl ? nl : lx->end;
}

/* Skips a slash-star comment; `nested` for Rust's nesting ones. */
static void skip_block_comment(struct lexer *lx, int nested)
{
	int depth = 1;

	lx->p += 2;
	while (lx->p < lx->end) {
		if (at(lx, "*/")) {
			lx->p += 2;
			if (!--depth)
				return;
		} else if (nested && at(lx, "/*")) {
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
 * Skips a quoted literal opening at lx->p with `quote`. `escapes`: a
 * backslash escapes the next byte; `multiline`: it may span lines, else
 * an unterminated one ends at the end of its line.
 */
static void skip_quoted(struct lexer *lx, char quote, int escapes,
			int multiline)
{
	const char *p = lx->p + 1;

	while (p < lx->end && *p != quote) {
		if (*p == '\n') {
			if (!multiline)
				break;
			lx->line++;
		} else if (*p == '\\' && escapes && p + 1 < lx->end) {
			if (p[1] == '\n') {
				if (!multiline)
					break;
				lx->line++;
			}
			p++;
		}
		p++;
	}
	lx->p = p < lx->end && *p == quote ? p + 1 : p;
}

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

/* ---- Ruby ---------------------------------------------------------- */

#define RUBY_HEREDOCS 4

struct ruby_heredoc {
	const char *id;
	size_t len;
};

/* Words after which an expression (a regex, a %-literal) may start. */
static int ruby_keyword(const char *s, size_t n)
{
	static const char *const words[] = {
		"if",  "unless", "while", "until", "when",  "and",  "or",
		"not", "return", "then",  "else",  "elsif", "case", "in",
		"do",  "yield",	 "puts",  "p",	   NULL,
	};

	for (const char *const *w = words; *w; w++)
		if (strlen(*w) == n && !memcmp(*w, s, n))
			return 1;
	return 0;
}

/* Skips heredoc bodies that start on the line after lx->p (a newline). */
static void ruby_skip_heredocs(struct lexer *lx, struct ruby_heredoc *h, int nr)
{
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
	lx->p = quote ? p + 1 : p;
	return 1;
}

/*
 * A %-literal at lx->p: %q(...), %w[...], %(...), %r{...}, ... Bracket
 * delimiters nest. Returns 0 when `%` is the operator.
 */
static int ruby_percent(struct lexer *lx)
{
	const char *p = lx->p + 1;
	char open, close;
	int depth = 1;

	if (p < lx->end && strchr("qQwWiIrsx", *p) && *p)
		p++;
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
	for (p++; p < lx->end; p++) {
		if (*p == '\\' && p + 1 < lx->end) {
			p++;
			if (*p == '\n')
				lx->line++;
		} else if (*p == close && !--depth) {
			lx->p = p + 1;
			return 1;
		} else if (*p == open && open != close) {
			depth++;
		} else if (*p == '\n') {
			lx->line++;
		}
	}
	lx->p = lx->end;
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

void deps_ruby(struct dep_list *out, struct arena *arena, const char *buf,
	       size_t len)
{
	struct lexer lx;
	struct ruby_heredoc heredoc[RUBY_HEREDOCS];
	int heredocs = 0;
	int value = 1; /* an expression may start here */
	int bol = 1; /* at the beginning of a line */
	char prev = 0; /* the last significant byte */

	lexer_init(&lx, out, arena, buf, len);
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
				ruby_skip_heredocs(&lx, heredoc, heredocs);
				heredocs = 0;
				if (lx.p >= lx.end)
					break;
			}
			lx.line++;
			lx.p++;
			bol = value = 1;
			prev = '\n';
			continue;
		}
		if (is_blank(c)) {
			lx.p++;
			continue;
		}
		if (c == '#') {
			skip_to_eol(&lx);
			continue;
		}
		if (c == '\'' || c == '"' || c == '`') {
			skip_quoted(&lx, (char)c, 1, 1);
			value = 0;
			prev = (char)c;
			continue;
		}
		if (c == '/' && value) {
			skip_quoted(&lx, '/', 1, 0); /* a regex */
			value = 0;
			prev = '/';
			continue;
		}
		if (c == '%' && value && ruby_percent(&lx)) {
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
		if (is_ident_start(c) || c == '@') {
			const char *s = lx.p;
			unsigned line = lx.line;

			while (lx.p < lx.end &&
			       (is_ident((unsigned char)*lx.p) || *lx.p == '@'))
				lx.p++;
			if (lx.p < lx.end && (*lx.p == '?' || *lx.p == '!') &&
			    (lx.p + 1 >= lx.end || lx.p[1] != '='))
				lx.p++;
			if (prev != '.' && prev != ':' && *s != '@') {
				size_t n = (size_t)(lx.p - s);

				if (n == 7 && !memcmp(s, "require", 7)) {
					ruby_require(&lx, 0, line);
					value = 0;
					prev = 'r';
					continue;
				}
				if (n == 16 &&
				    !memcmp(s, "require_relative", 16)) {
					ruby_require(&lx, 1, line);
					value = 0;
					prev = 'r';
					continue;
				}
			}
			value = ruby_keyword(s, (size_t)(lx.p - s));
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
		value = !(c == ')' || c == ']' || c == '}');
		prev = (char)c;
		lx.p++;
	}
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
