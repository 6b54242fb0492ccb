/*
 * The source tokenizer behind the data and API extractors: comments are
 * skipped by the language's syntax, strings come out with their content
 * and a flag for interpolation, so SQL text and route paths can be read
 * from literals while text in comments is never taken for code.
 */
#include <string.h>

#include "carve/ident.h"
#include "carve/language.h"
#include "carve/srctok.h"
#include "carve/utf8.h"

void srctok_init(struct srctok *t, const struct language *lang, const char *buf,
		 size_t len)
{
	utf8_skip_bom(&buf, &len);
	t->p = buf;
	t->end = buf + len;
	t->line = 1;
	t->bol = 1;
	t->indent = 0;
	t->lang = lang;
}

static int is_ident_start(unsigned char c)
{
	return ident_start(c, IDENT_DOLLAR | IDENT_HIGH);
}

static int is_ident(unsigned char c)
{
	return ident_char(c, IDENT_DOLLAR | IDENT_HIGH);
}

static enum lang_syntax syntax(const struct srctok *t)
{
	return t->lang ? t->lang->syntax : SYNTAX_C;
}

static unsigned flags(const struct srctok *t)
{
	return t->lang ? t->lang->flags : 0;
}

static int hash_comments(const struct srctok *t)
{
	enum lang_syntax s = syntax(t);

	return s == SYNTAX_HASH || s == SYNTAX_PYTHON || s == SYNTAX_RUBY ||
	       s == SYNTAX_PERL || (flags(t) & LANG_HASH_COMMENTS);
}

static int slash_comments(const struct srctok *t)
{
	enum lang_syntax s = syntax(t);

	return s == SYNTAX_C || s == SYNTAX_SQL || s == SYNTAX_CSS;
}

static int triple_strings(const struct srctok *t)
{
	return syntax(t) == SYNTAX_PYTHON || (flags(t) & LANG_TRIPLE_STRINGS);
}

/* Skips white space and comments; returns with t->p at a token or end. */
static void skip_space(struct srctok *t)
{
	const char *p = t->p, *end = t->end;

	while (p < end) {
		char c = *p;

		if (c == '\n') {
			t->line++;
			t->bol = 1;
			t->indent = 0;
			p++;
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' ||
			   c == '\v') {
			if (t->bol)
				t->indent += c == '\t' ? 8 : 1;
			p++;
		} else if (c == '#' && hash_comments(t)) {
			while (p < end && *p != '\n')
				p++;
		} else if (c == '-' && p + 1 < end && p[1] == '-' &&
			   (syntax(t) == SYNTAX_SQL ||
			    syntax(t) == SYNTAX_LUA)) {
			while (p < end && *p != '\n')
				p++;
		} else if (c == '/' && p + 1 < end && p[1] == '/' &&
			   (syntax(t) == SYNTAX_C ||
			    (flags(t) & LANG_SLASH_COMMENTS))) {
			while (p < end && *p != '\n')
				p++;
		} else if (c == '/' && p + 1 < end && p[1] == '*' &&
			   slash_comments(t)) {
			p += 2;
			while (p + 1 < end && !(p[0] == '*' && p[1] == '/')) {
				if (*p == '\n')
					t->line++;
				p++;
			}
			p = p + 1 < end ? p + 2 : end;
		} else if (c == '=' && t->bol && syntax(t) == SYNTAX_RUBY &&
			   end - p >= 6 && !memcmp(p, "=begin", 6)) {
			while (p < end && !(*p == '\n' && end - p >= 5 &&
					    !memcmp(p + 1, "=end", 4))) {
				if (*p == '\n')
					t->line++;
				p++;
			}
			if (p < end) {
				t->line++;
				p += 5;
			}
		} else {
			break;
		}
	}
	t->p = p;
}

/*
 * Reads a string whose quote is at t->p into tok (content span). Python
 * and Java-family triple quotes, Go/JS backticks and unterminated
 * strings (ending at the line, or at the end of the buffer) are handled.
 */
static void read_string(struct srctok *t, struct tok *tok, int raw)
{
	const char *p = t->p, *end = t->end;
	char q = *p;
	int triple = q != '`' && triple_strings(t) && end - p >= 3 &&
		     p[1] == q && p[2] == q;
	int multiline = triple || q == '`' ||
			(flags(t) & LANG_MULTILINE_STRINGS);

	p += triple ? 3 : 1;
	tok->kind = TOK_STRING;
	tok->p = p;
	if (q == '`')
		raw = 1;
	for (;;) {
		if (p >= end) {
			tok->n = (size_t)(p - tok->p);
			break;
		}
		if (*p == '\\' && !raw && p + 1 < end) {
			if (p[1] == '\n')
				t->line++;
			p += 2;
			continue;
		}
		if (*p == '\n') {
			if (!multiline) {
				tok->n = (size_t)(p - tok->p);
				break;
			}
			t->line++;
		} else if (*p == q) {
			if (!triple) {
				tok->n = (size_t)(p - tok->p);
				p++;
				break;
			}
			if (end - p >= 3 && p[1] == q && p[2] == q) {
				tok->n = (size_t)(p - tok->p);
				p += 3;
				break;
			}
		} else if ((*p == '$' || *p == '#') && p + 1 < end &&
			   p[1] == '{') {
			if (*p == '$' && q == '`')
				tok->flags |= TOK_INTERP;
			if (*p == '#' && q == '"' && syntax(t) == SYNTAX_RUBY)
				tok->flags |= TOK_INTERP;
		}
		p++;
	}
	if (raw)
		tok->flags |= TOK_RAW;
	t->p = p;
}

/* A Python string prefix (r, b, u, f and pairs) right before a quote. */
static int string_prefix(const struct srctok *t, const char *s, size_t n,
			 int *raw, int *interp)
{
	if (syntax(t) != SYNTAX_PYTHON || n > 2 || s + n >= t->end ||
	    (s[n] != '"' && s[n] != '\''))
		return 0;
	*raw = *interp = 0;
	for (size_t i = 0; i < n; i++) {
		char c = (char)(s[i] | 0x20);

		if (c == 'r')
			*raw = 1;
		else if (c == 'f')
			*interp = 1;
		else if (c != 'b' && c != 'u')
			return 0;
	}
	return 1;
}

/* A JavaScript regular expression can start here (after an operator). */
static int regex_allowed(const struct tok *prev)
{
	if (prev->kind == TOK_EOF)
		return 1;
	return prev->kind == TOK_PUNCT && strchr("(,=:[!&|?{};", prev->p[0]);
}

static void skip_regex(struct srctok *t)
{
	const char *p = t->p + 1, *end = t->end;
	int cls = 0;

	while (p < end && *p != '\n') {
		if (*p == '\\' && p + 1 < end)
			p++;
		else if (*p == '[')
			cls = 1;
		else if (*p == ']')
			cls = 0;
		else if (*p == '/' && !cls)
			break;
		p++;
	}
	if (p < end && *p == '/')
		p++;
	while (p < end && is_ident((unsigned char)*p))
		p++;
	t->p = p;
}

void srctok_next(struct srctok *t, struct tok *tok)
{
	struct tok prev = *tok;
	const char *p;
	int raw, interp;

again:
	skip_space(t);
	p = t->p;
	memset(tok, 0, sizeof(*tok));
	tok->line = t->line;
	if (t->bol) {
		tok->flags |= TOK_BOL;
		tok->indent = t->indent;
		t->bol = 0;
	}
	if (p >= t->end) {
		tok->kind = TOK_EOF;
		tok->p = t->end;
		return;
	}
	if (*p == '"' || *p == '\'' ||
	    (*p == '`' && (flags(t) & LANG_BACKTICK_STRINGS))) {
		read_string(t, tok, 0);
		return;
	}
	if (is_ident_start((unsigned char)*p)) {
		const char *s = p;

		while (p < t->end && is_ident((unsigned char)*p))
			p++;
		if (string_prefix(t, s, (size_t)(p - s), &raw, &interp)) {
			unsigned keep = tok->flags;

			t->p = p;
			read_string(t, tok, raw);
			tok->flags |= keep | (interp ? TOK_INTERP : 0);
			return;
		}
		tok->kind = TOK_IDENT;
		tok->p = s;
		tok->n = (size_t)(p - s);
		t->p = p;
		return;
	}
	if ((unsigned)(*p - '0') < 10u) {
		tok->kind = TOK_NUMBER;
		tok->p = p;
		while (p < t->end && (is_ident((unsigned char)*p) || *p == '.'))
			p++;
		tok->n = (size_t)(p - tok->p);
		t->p = p;
		return;
	}
	if (*p == '/' && (flags(t) & LANG_REGEX_LITERALS) &&
	    regex_allowed(&prev)) {
		unsigned keep = tok->flags;

		skip_regex(t);
		*tok = prev;
		tok->flags = (tok->flags & ~TOK_BOL) | (keep & TOK_BOL);
		goto again;
	}
	tok->kind = TOK_PUNCT;
	tok->p = p;
	tok->n = 1;
	t->p = p + 1;
}

int tok_is(const struct tok *tok, const char *s)
{
	size_t n = strlen(s);

	return (tok->kind == TOK_IDENT || tok->kind == TOK_PUNCT) &&
	       tok->n == n && !memcmp(tok->p, s, n);
}

int tok_punct(const struct tok *tok, int c)
{
	return tok->kind == TOK_PUNCT && tok->p[0] == c;
}

int tok_ends_with(const struct tok *tok, const char *s)
{
	size_t n = strlen(s);

	return tok->n >= n && !memcmp(tok->p + tok->n - n, s, n);
}

int tok_block_next(struct tok_block *b, size_t *k)
{
	for (size_t i = *k; i < b->end; i++) {
		const struct tok *x = &b->v[i];

		if (b->match && (tok_punct(x, '(') || tok_punct(x, '[') ||
				 tok_punct(x, '{'))) {
			i = b->match[i];
			continue;
		}
		if (!(x->flags & TOK_BOL))
			continue;
		if (x->indent <= b->indent)
			return 0;
		if (!b->body)
			b->body = x->indent;
		if (x->indent != b->body)
			continue;
		*k = i;
		return 1;
	}
	return 0;
}
