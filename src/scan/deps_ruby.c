/*
 * Dependency lexer of Ruby: require and require_relative of literal
 * paths. Skips comments, strings, heredocs, %-literals and regexes;
 * unterminated ones end at the end of the buffer. Names are built in
 * fixed buffers: no allocation but the dep_list's own.
 */
#include <string.h>

#include "carve/deps.h"

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
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	       c >= 0x80;
}

static int is_ident(int c)
{
	return is_ident_start(c) || (c >= '0' && c <= '9');
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
			if (strchr(interp, *q))
				return 0;
	name_add(n, s, (size_t)(e - s));
	return 1;
}

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
