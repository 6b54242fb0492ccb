/*
 * JavaScript and TypeScript ORMs: Sequelize (sequelize.define("User",
 * ..., { tableName }) and Model.init(..., { tableName }); the default
 * is the plural of the model name) and TypeORM (@Entity("name") or
 * @Entity() on a class: the class name in snake case). Knex migrations'
 * createTable("name") define a table too. A file that never names
 * Sequelize is not read as Sequelize: front-end code calls define() and
 * init() too (customElements.define, GridStack.init).
 */
#include <string.h>
#include <strings.h>

#include "carve/arena.h"
#include "carve/data.h"
#include "carve/srctok.h"

/* Finds `tableName: "x"` before the call's closing bracket. */
static const char *table_name(struct srctok *tz, struct tok *t,
			      struct arena *arena)
{
	int depth = 1;
	const char *name = NULL;

	while (t->kind != TOK_EOF && depth > 0) {
		srctok_next(tz, t);
		if (tok_punct(t, '(') || tok_punct(t, '{') || tok_punct(t, '['))
			depth++;
		else if (tok_punct(t, ')') || tok_punct(t, '}') ||
			 tok_punct(t, ']'))
			depth--;
		else if (tok_is(t, "tableName")) {
			srctok_next(tz, t);
			if (!tok_punct(t, ':'))
				continue;
			srctok_next(tz, t);
			if (t->kind == TOK_STRING)
				name = arena_strndup(arena, t->p, t->n);
		}
	}
	return name;
}

/* Does buf[0..len) name `word` anywhere, in any case? */
static int mentions(const char *buf, size_t len, const char *word)
{
	size_t n = strlen(word);

	for (size_t i = 0; i + n <= len; i++)
		if ((buf[i] | 0x20) == word[0] &&
		    !strncasecmp(buf + i, word, n))
			return 1;
	return 0;
}

static void add_model(struct data_file *out, const char *name,
		      const char *table, unsigned line, const char *fw)
{
	struct orm_class *c = data_file_add_class(out);

	c->name = name;
	c->table = table;
	c->line = line;
	c->framework = fw;
	c->is_model = 1;
}

void orm_js(struct data_file *out, struct arena *arena,
	    const struct language *lang, const char *buf, size_t len)
{
	struct srctok tz;
	struct tok t = { 0 }, prev = { 0 }, prev2 = { 0 };
	int entity = 0;
	const char *entity_table = NULL;

	int sequelize = mentions(buf, len, "sequelize");

	srctok_init(&tz, lang, buf, len);
	srctok_next(&tz, &t);
	while (t.kind != TOK_EOF) {
		struct tok a = t;

		srctok_next(&tz, &t);
		if (tok_punct(&a, '@') && tok_is(&t, "Entity")) {
			entity = 1;
			entity_table = NULL;
			srctok_next(&tz, &t);
			if (!tok_punct(&t, '('))
				continue;
			srctok_next(&tz, &t);
			if (t.kind == TOK_STRING)
				entity_table = arena_strndup(arena, t.p, t.n);
		} else if (entity && tok_is(&a, "class") &&
			   t.kind == TOK_IDENT) {
			add_model(out, arena_strndup(arena, t.p, t.n),
				  entity_table ? entity_table
					       : orm_snake(arena, t.p, t.n),
				  t.line, "typeorm");
			entity = 0;
		} else if (sequelize && tok_is(&a, "define") &&
			   tok_punct(&prev, '.') && tok_punct(&t, '(')) {
			struct tok name;

			srctok_next(&tz, &name);
			if (name.kind != TOK_STRING)
				continue;
			{
				const char *model =
					arena_strndup(arena, name.p, name.n);
				const char *table = table_name(&tz, &t, arena);

				add_model(out, model,
					  table ? table
						: orm_plural(arena, model),
					  name.line, "sequelize");
			}
		} else if (sequelize && tok_is(&a, "init") &&
			   tok_punct(&prev, '.') && tok_punct(&t, '(')) {
			/* X.init({...}, { sequelize, tableName }) */
			const char *model, *table;

			if (prev2.kind != TOK_IDENT || prev2.p[0] < 'A' ||
			    prev2.p[0] > 'Z')
				continue;
			model = arena_strndup(arena, prev2.p, prev2.n);
			table = table_name(&tz, &t, arena);
			add_model(out, model,
				  table ? table : orm_plural(arena, model),
				  prev2.line, "sequelize");
		} else if (tok_is(&a, "createTable") && tok_punct(&t, '(')) {
			srctok_next(&tz, &t);
			if (t.kind == TOK_STRING)
				data_file_add(out,
					      arena_strndup(arena, t.p, t.n),
					      DATA_DEFINE,
					      DATA_ORM | DATA_MIGRATION, t.line,
					      "knex");
		}
		prev2 = prev;
		prev = a;
	}
}
