/*
 * Tables in SQL text: SELECT ... FROM/JOIN reads; INSERT, UPDATE,
 * DELETE, MERGE and TRUNCATE writes; CREATE/ALTER TABLE defines; DROP
 * TABLE drops. Works on .sql files and on the SQL found in the string
 * literals of code (sql_from_code() joins adjacent and +-joined
 * literals and marks spliced code, whose table names are reported as
 * dynamic rather than guessed).
 */
#include <string.h>
#include <strings.h>

#include "carve/arena.h"
#include "carve/data.h"
#include "carve/language.h"
#include "carve/srctok.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

#define SQL_MAX_NAME 256
#define SQL_MAX_DEPTH 64

enum sql_tok { S_EOF, S_WORD, S_QUOTED, S_STRING, S_PUNCT, S_DYN };

struct sql_lexer {
	const char *p, *end;
	unsigned line;
	/* the current token */
	enum sql_tok kind;
	const char *s;
	size_t n;
	unsigned tline;
};

static int word_char(unsigned char c)
{
	return (c | 0x20) - 'a' < 26u || c - '0' < 10u || c == '_' ||
	       c == '$' || c >= 0x80;
}

static void sql_next(struct sql_lexer *lx)
{
	const char *p = lx->p, *end = lx->end;

	for (;;) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' ||
				   *p == '\r' || *p == '\f')) {
			if (*p == '\n')
				lx->line++;
			p++;
		}
		if (p + 1 < end && p[0] == '-' && p[1] == '-') {
			while (p < end && *p != '\n')
				p++;
			continue;
		}
		if (p + 1 < end && p[0] == '/' && p[1] == '*') {
			p += 2;
			while (p + 1 < end && !(p[0] == '*' && p[1] == '/')) {
				if (*p == '\n')
					lx->line++;
				p++;
			}
			p = p + 1 < end ? p + 2 : end;
			continue;
		}
		break;
	}
	lx->tline = lx->line;
	lx->s = p;
	if (p >= end) {
		lx->kind = S_EOF;
		lx->n = 0;
		lx->p = p;
		return;
	}
	if (*p == SQL_SPLICE) {
		lx->kind = S_DYN;
		p++;
	} else if (*p == '%' && p + 1 < end &&
		   (p[1] == 's' || p[1] == 'd' || p[1] == '(')) {
		/* printf-style and %(name)s placeholders */
		lx->kind = S_DYN;
		p += 2;
		if (p[-1] == '(') {
			while (p < end && *p != ')')
				p++;
			p = p + 2 <= end ? p + 2 : end;
		}
	} else if (*p == '{') {
		/* str.format() fields: "{table}" */
		lx->kind = S_DYN;
		while (p < end && *p != '}')
			p++;
		p = p < end ? p + 1 : end;
	} else if (word_char((unsigned char)*p)) {
		lx->kind = S_WORD;
		while (p < end && word_char((unsigned char)*p))
			p++;
	} else if (*p == '"' || *p == '`' || *p == '[') {
		char q = *p == '[' ? ']' : *p;

		lx->kind = S_QUOTED;
		lx->s = ++p;
		while (p < end && *p != q) {
			if (*p == '\n')
				lx->line++;
			p++;
		}
		lx->n = (size_t)(p - lx->s);
		lx->p = p < end ? p + 1 : end;
		return;
	} else if (*p == '\'') {
		lx->kind = S_STRING;
		p++;
		while (p < end) {
			if (*p == '\'' && !(p + 1 < end && p[1] == '\''))
				break;
			if (*p == '\'')
				p++;
			if (*p == '\n')
				lx->line++;
			p++;
		}
		p = p < end ? p + 1 : end;
	} else {
		lx->kind = S_PUNCT;
		p++;
	}
	lx->n = (size_t)(p - lx->s);
	lx->p = p;
}

static int kw(const struct sql_lexer *lx, const char *word)
{
	return lx->kind == S_WORD && strlen(word) == lx->n &&
	       !strncasecmp(lx->s, word, lx->n);
}

static int punct(const struct sql_lexer *lx, char c)
{
	return lx->kind == S_PUNCT && lx->s[0] == c;
}

/* Words that cannot be a table name or an alias. */
static const char *const reserved[] = {
	"select",   "from",	 "where",     "group",	  "order",
	"limit",    "join",	 "left",      "right",	  "inner",
	"outer",    "full",	 "cross",     "natural",  "on",
	"using",    "set",	 "union",     "except",	  "intersect",
	"having",   "window",	 "returning", "values",	  "for",
	"offset",   "fetch",	 "lateral",   "unnest",	  "as",
	"and",	    "or",	 "not",	      "into",	  "table",
	"if",	    "exists",	 "only",      "with",	  "default",
	"when",	    "then",	 "else",      "end",	  "case",
	"null",	    "is",	 "in",	      "by",	  "straight_join",
	"update",   "delete",	 "insert",    "straight", "do",
	"conflict", "partition", "where",     "dual",
};

static int is_reserved(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof(reserved) / sizeof(*reserved); i++)
		if (strlen(reserved[i]) == n && !strncasecmp(s, reserved[i], n))
			return 1;
	return 0;
}

struct sql_state {
	struct sql_lexer lx;
	struct data_file *out;
	struct arena *arena;
	unsigned flags;
	size_t stmt_start; /* first access of the current statement */
	char *ctes[16]; /* names of the statement's WITH queries */
	size_t ctes_nr;
};

/*
 * A quoted identifier that can name a table: letters, digits, _, $, -,
 * space and non-ASCII; not a string of code or markup that happens to
 * follow FROM ("overflow-menus" is a name, "a > b" is not).
 */
static int quoted_name(const char *s, size_t n)
{
	if (!n || s[0] == ' ' || s[n - 1] == ' ')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!word_char((unsigned char)s[i]) && s[i] != '-' &&
		    s[i] != ' ')
			return 0;
	return 1;
}

/* Default schemas whose prefix adds nothing to a table's name. */
static int default_schema(const char *s, size_t n)
{
	return (n == 6 && !strncasecmp(s, "public", 6)) ||
	       (n == 3 && !strncasecmp(s, "dbo", 3)) ||
	       (n == 4 && !strncasecmp(s, "main", 4));
}

/*
 * Reads a (possibly schema-qualified, possibly quoted) table name at the
 * current token into name; unquoted parts fold to lower case, as
 * PostgreSQL and SQLite compare them. Returns 1 for a name, 0 when the
 * token starts none, -1 for a dynamic one. Leaves the lexer after it.
 */
static int read_name(struct sql_state *st, struct strbuf *name, int *other,
		     int reading)
{
	struct sql_lexer *lx = &st->lx;
	int parts = 0, dyn = 0;
	size_t schema_end = 0;

	strbuf_reset(name);
	*other = 0;
	for (;;) {
		if (lx->kind == S_DYN) {
			dyn = 1;
		} else if (lx->kind == S_QUOTED &&
			   (memchr(lx->s, SQL_SPLICE, lx->n) ||
			    memchr(lx->s, '%', lx->n) ||
			    memchr(lx->s, '{', lx->n))) {
			/* "DELETE FROM `" + name + "`", "%s", "{table}" */
			dyn = 1;
		} else if (lx->kind == S_WORD || lx->kind == S_QUOTED) {
			if (lx->kind == S_WORD && !parts &&
			    is_reserved(lx->s, lx->n))
				return 0;
			if (lx->kind == S_QUOTED && !quoted_name(lx->s, lx->n))
				return 0;
			if (parts)
				strbuf_addch(name, '.');
			schema_end = name->len;
			for (size_t i = 0; i < lx->n; i++) {
				char c = lx->s[i];

				if (lx->kind == S_WORD && c >= 'A' && c <= 'Z')
					c = (char)(c + 32);
				strbuf_addch(name, c);
			}
		} else {
			break;
		}
		parts++;
		sql_next(lx);
		if (!punct(lx, '.') || dyn)
			break;
		sql_next(lx);
	}
	if (!parts)
		return 0;
	if (dyn)
		return -1;
	if (reading && punct(lx, '('))
		return 0; /* a function: generate_series(...) */
	if (name->len > SQL_MAX_NAME || !name->len)
		return 0;
	if (schema_end) {
		/* keep the last part and its schema */
		size_t dot = schema_end - 1, start = 0;

		for (size_t i = dot; i > 0; i--)
			if (name->buf[i - 1] == '.') {
				start = i;
				break;
			}
		if (default_schema(name->buf + start, dot - start)) {
			memmove(name->buf, name->buf + schema_end,
				name->len - schema_end + 1);
			name->len -= schema_end;
		} else {
			if (start) {
				memmove(name->buf, name->buf + start,
					name->len - start + 1);
				name->len -= start;
			}
			*other = 1;
		}
	}
	return 1;
}

static void add(struct sql_state *st, const char *table, enum data_kind kind,
		unsigned flags, unsigned line)
{
	data_file_add(st->out, table ? arena_strdup(st->arena, table) : NULL,
		      kind, st->flags | flags, line, "sql");
}

/*
 * A table reference: name, then an optional alias. Records it with
 * `kind` and returns 1, or returns 0 when there is none here.
 */
static int table_ref(struct sql_state *st, enum data_kind kind)
{
	struct strbuf name = STRBUF_INIT;
	unsigned line = st->lx.tline;
	int other, r;

	r = read_name(st, &name, &other, kind == DATA_READ);
	if (r < 0)
		add(st, NULL, kind, DATA_DYNAMIC, line);
	else if (r > 0)
		add(st, name.buf, kind,
		    (other ? DATA_OTHER_SCHEMA : 0) |
			    (data_catalog_table(name.buf) ? DATA_CATALOG : 0),
		    line);
	strbuf_release(&name);
	if (r == 0)
		return 0;
	if (kw(&st->lx, "as"))
		sql_next(&st->lx);
	if ((st->lx.kind == S_WORD && !is_reserved(st->lx.s, st->lx.n)) ||
	    st->lx.kind == S_QUOTED)
		sql_next(&st->lx);
	return 1;
}

/* Drops the statement's accesses of its own WITH queries. */
static void end_statement(struct sql_state *st)
{
	struct data_file *f = st->out;
	size_t w = st->stmt_start;

	for (size_t i = st->stmt_start; i < f->nr; i++) {
		int cte = 0;

		for (size_t j = 0; f->acc[i].table && j < st->ctes_nr; j++)
			cte |= !strcmp(f->acc[i].table, st->ctes[j]);
		if (!cte)
			f->acc[w++] = f->acc[i];
	}
	f->nr = w;
	for (size_t j = 0; j < st->ctes_nr; j++)
		free(st->ctes[j]);
	st->ctes_nr = 0;
	st->stmt_start = f->nr;
}

static char *lower_name(const char *s, size_t n)
{
	char *name = xstrndup(s, n);

	for (char *c = name; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c + 32);
	return name;
}

static int starts_statement(const char *s, size_t len)
{
	static const char *const words[] = { "select",	 "insert", "update",
					     "delete",	 "with",   "create",
					     "alter",	 "merge",  "drop",
					     "truncate", "replace" };
	size_t i = 0, n;

	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
			   s[i] == '\r' || s[i] == '('))
		i++;
	for (n = 0; i + n < len && word_char((unsigned char)s[i + n]); n++)
		;
	/* "Delete an order line from ...": prose is capitalised, SQL is
	 * written in capitals or in lower case */
	if (n > 1 && s[i] >= 'A' && s[i] <= 'Z' && s[i + 1] >= 'a' &&
	    s[i + 1] <= 'z')
		return 0;
	for (size_t w = 0; w < sizeof(words) / sizeof(*words); w++)
		if (strlen(words[w]) == n && !strncasecmp(s + i, words[w], n))
			return 1;
	return 0;
}

void sql_extract(struct data_file *out, struct arena *arena, const char *sql,
		 size_t len, unsigned line, unsigned flags, int statement)
{
	struct sql_state st = { 0 };
	struct sql_lexer *lx = &st.lx;
	unsigned char sel[SQL_MAX_DEPTH] = { 0 };
	int depth = 0;
	enum {
		P_NONE,
		P_INSERT,
		P_DELETE,
		P_CREATE,
		P_ALTER,
		P_DROP,
		P_MERGE
	} pending = P_NONE;
	int prev_on = 0; /* the word before was ON, DO or FOR */
	int temporary = 0; /* CREATE TEMPORARY TABLE */
	size_t first = out->nr;
	char *locals[32]; /* temporary tables and cursors: not tables */
	size_t locals_nr = 0;

	if (statement && !starts_statement(sql, len))
		return;
	st.out = out;
	st.arena = arena;
	st.flags = flags;
	st.stmt_start = out->nr;
	lx->p = sql;
	lx->end = sql + len;
	lx->line = line;
	sql_next(lx);
	while (lx->kind != S_EOF) {
		int was_on = prev_on;

		prev_on = kw(lx, "on") || kw(lx, "do") || kw(lx, "for");
		if (punct(lx, '(')) {
			if (depth + 1 < SQL_MAX_DEPTH)
				sel[++depth] = 0;
			sql_next(lx);
		} else if (punct(lx, ')')) {
			if (depth)
				depth--;
			sql_next(lx);
		} else if (punct(lx, ';')) {
			end_statement(&st);
			pending = P_NONE;
			depth = 0;
			sel[0] = 0;
			sql_next(lx);
		} else if (kw(lx, "select")) {
			sel[depth] = 1;
			sql_next(lx);
		} else if (kw(lx, "from")) {
			sql_next(lx);
			if (pending == P_DELETE) {
				table_ref(&st, DATA_WRITE);
				pending = P_NONE;
			} else if (sel[depth]) {
				while (table_ref(&st, DATA_READ) &&
				       punct(lx, ','))
					sql_next(lx);
			}
		} else if (kw(lx, "join")) {
			sql_next(lx);
			table_ref(&st, DATA_READ);
		} else if (kw(lx, "insert") || kw(lx, "replace")) {
			pending = was_on ? pending : P_INSERT;
			sql_next(lx);
		} else if (kw(lx, "merge")) {
			pending = P_MERGE;
			sql_next(lx);
		} else if (kw(lx, "into")) {
			sql_next(lx);
			if (pending == P_INSERT || pending == P_MERGE)
				table_ref(&st, DATA_WRITE);
			if (pending == P_INSERT)
				pending = P_NONE;
		} else if (kw(lx, "using") && pending == P_MERGE) {
			sql_next(lx);
			table_ref(&st, DATA_READ);
			pending = P_NONE;
		} else if (kw(lx, "update")) {
			size_t before = out->nr;

			sql_next(lx);
			if (was_on)
				continue; /* ON UPDATE, DO UPDATE, FOR UPDATE */
			if (kw(lx, "only"))
				sql_next(lx);
			if (table_ref(&st, DATA_WRITE) && !kw(lx, "set"))
				out->nr = before; /* not an UPDATE statement */
		} else if (kw(lx, "delete")) {
			sql_next(lx);
			if (!was_on && kw(lx, "from"))
				pending = P_DELETE;
		} else if (kw(lx, "truncate")) {
			sql_next(lx);
			if (kw(lx, "table"))
				sql_next(lx);
			while (table_ref(&st, DATA_WRITE) && punct(lx, ','))
				sql_next(lx);
		} else if (kw(lx, "create")) {
			pending = P_CREATE;
			sql_next(lx);
			temporary = kw(lx, "temporary") || kw(lx, "temp");
		} else if (kw(lx, "declare")) {
			/* DECLARE name CURSOR FOR ...: FETCH ... FROM name */
			struct sql_lexer save;

			sql_next(lx);
			save = *lx;
			if (lx->kind != S_WORD)
				continue;
			sql_next(lx);
			if (kw(lx, "cursor") && locals_nr < 32)
				locals[locals_nr++] =
					lower_name(save.s, save.n);
			else
				*lx = save;
		} else if (kw(lx, "alter")) {
			pending = P_ALTER;
			sql_next(lx);
		} else if (kw(lx, "drop")) {
			pending = P_DROP;
			sql_next(lx);
		} else if (kw(lx, "table") &&
			   (pending == P_CREATE || pending == P_ALTER ||
			    pending == P_DROP)) {
			enum data_kind k = pending == P_DROP ? DATA_DROP
							     : DATA_DEFINE;

			sql_next(lx);
			while (kw(lx, "if") || kw(lx, "not") ||
			       kw(lx, "exists") || kw(lx, "only"))
				sql_next(lx);
			{
				size_t before = out->nr;

				while (table_ref(&st, k) && k == DATA_DROP &&
				       punct(lx, ','))
					sql_next(lx);
				if (temporary && out->nr > before &&
				    out->acc[before].table && locals_nr < 32)
					locals[locals_nr++] =
						xstrdup(out->acc[before].table);
			}
			temporary = 0;
			pending = P_NONE;
		} else if (lx->kind == S_WORD && !is_reserved(lx->s, lx->n)) {
			/* name AS ( ... ): a WITH query, not a table */
			char *name = xstrndup(lx->s, lx->n);
			struct sql_lexer save = *lx;

			for (char *c = name; *c; c++)
				if (*c >= 'A' && *c <= 'Z')
					*c = (char)(*c + 32);
			sql_next(lx);
			if (punct(lx, '(')) {
				/* name (col, ...) AS (: skip the column list */
				struct sql_lexer cols = *lx;

				while (lx->kind != S_EOF && !punct(lx, ')'))
					sql_next(lx);
				sql_next(lx);
				if (!kw(lx, "as"))
					*lx = cols;
			}
			if (kw(lx, "as")) {
				sql_next(lx);
				if (punct(lx, '(') && st.ctes_nr < 16) {
					st.ctes[st.ctes_nr++] = name;
					name = NULL;
				}
				*lx = save;
				sql_next(lx);
			}
			free(name);
		} else {
			sql_next(lx);
		}
	}
	end_statement(&st);
	if (locals_nr) {
		size_t w = first;

		for (size_t i = first; i < out->nr; i++) {
			int local = 0;

			for (size_t j = 0; out->acc[i].table && j < locals_nr;
			     j++)
				local |= !strcmp(out->acc[i].table, locals[j]);
			if (!local)
				out->acc[w++] = out->acc[i];
		}
		out->nr = w;
	}
	for (size_t j = 0; j < locals_nr; j++)
		free(locals[j]);
}

/* Appends a literal's content, unescaped, spliced code marked. */
static void add_literal(struct strbuf *sb, const struct tok *t)
{
	const char *p = t->p, *end = t->p + t->n;

	while (p < end) {
		if ((t->flags & TOK_INTERP) &&
		    ((*p == '{' && p + 1 < end && p[1] != '{') ||
		     ((*p == '$' || *p == '#') && p + 1 < end && p[1] == '{'))) {
			int d = 0;

			do {
				if (*p == '{')
					d++;
				else if (*p == '}')
					d--;
				p++;
			} while (p < end && d > 0);
			strbuf_addch(sb, SQL_SPLICE);
			continue;
		}
		if (*p == '\\' && !(t->flags & TOK_RAW) && p + 1 < end) {
			char c = p[1];

			strbuf_addch(sb, c == 'n' || c == 't' || c == 'r' ? ' '
									  : c);
			p += 2;
			continue;
		}
		strbuf_addch(sb, *p++);
	}
}

void sql_from_code(struct data_file *out, struct arena *arena,
		   const struct language *lang, const char *buf, size_t len,
		   unsigned flags)
{
	struct srctok tz;
	struct tok t = { 0 }, next = { 0 };
	struct strbuf sql = STRBUF_INIT;
	int have_next = 0;

	srctok_init(&tz, lang, buf, len);
	for (;;) {
		unsigned line;

		if (have_next) {
			t = next;
			have_next = 0;
		} else {
			srctok_next(&tz, &t);
		}
		if (t.kind == TOK_EOF)
			break;
		if (t.kind != TOK_STRING)
			continue;
		line = t.line;
		strbuf_reset(&sql);
		add_literal(&sql, &t);
		for (;;) {
			next = t;
			srctok_next(&tz, &next);
			if (next.kind == TOK_STRING) {
				add_literal(&sql, &next);
				continue;
			}
			if (tok_punct(&next, '+') || tok_punct(&next, '\\') ||
			    tok_punct(&next, '.')) {
				/* "a" + "b", Ruby "a" \ "b", PHP "a" . "b" */
				struct tok after = next;

				srctok_next(&tz, &after);
				if (after.kind == TOK_STRING) {
					add_literal(&sql, &after);
					continue;
				}
				if (!tok_punct(&next, '.'))
					strbuf_addch(&sql, SQL_SPLICE);
				next = after;
			}
			have_next = 1;
			break;
		}
		sql_extract(out, arena, sql.buf, sql.len, line, flags, 1);
	}
	strbuf_release(&sql);
}
