/*
 * GORM: a TableName() method returning a literal names a struct's table;
 * a struct embedding gorm.Model without one gets GORM's default, the
 * plural of its name in snake case.
 */
#include <string.h>

#include "carve/arena.h"
#include "carve/data.h"
#include "carve/srctok.h"

static struct orm_class *find(struct data_file *out, const char *name, size_t n)
{
	for (size_t i = 0; i < out->classes_nr; i++)
		if (strlen(out->classes[i].name) == n &&
		    !memcmp(out->classes[i].name, name, n))
			return &out->classes[i];
	return NULL;
}

static struct orm_class *add(struct data_file *out, struct arena *arena,
			     const struct tok *name)
{
	struct orm_class *c = find(out, name->p, name->n);

	if (!c) {
		c = data_file_add_class(out);
		c->name = arena_strndup(arena, name->p, name->n);
		c->line = name->line;
		c->framework = "gorm";
		c->is_model = 1;
	}
	return c;
}

void orm_go(struct data_file *out, struct arena *arena,
	    const struct language *lang, const char *buf, size_t len)
{
	struct srctok tz;
	struct tok t = { 0 }, type = { 0 };

	srctok_init(&tz, lang, buf, len);
	srctok_next(&tz, &t);
	while (t.kind != TOK_EOF) {
		if (tok_is(&t, "type")) {
			srctok_next(&tz, &type);
			srctok_next(&tz, &t);
			if (type.kind != TOK_IDENT || !tok_is(&t, "struct"))
				continue;
			srctok_next(&tz, &t);
			if (!tok_punct(&t, '{'))
				continue;
			srctok_next(&tz, &t);
			if (tok_is(&t, "gorm")) {
				struct orm_class *c = add(out, arena, &type);

				if (!c->table)
					c->table = orm_plural(
						arena, orm_snake(arena, type.p,
								 type.n));
			}
			continue;
		}
		if (tok_is(&t, "func")) {
			struct tok recv = { 0 };

			srctok_next(&tz, &t);
			if (!tok_punct(&t, '('))
				continue;
			while (t.kind != TOK_EOF && !tok_punct(&t, ')')) {
				if (t.kind == TOK_IDENT)
					recv = t;
				srctok_next(&tz, &t);
			}
			srctok_next(&tz, &t);
			if (!tok_is(&t, "TableName") || !recv.n)
				continue;
			while (t.kind != TOK_EOF && !tok_is(&t, "return") &&
			       !tok_punct(&t, '}'))
				srctok_next(&tz, &t);
			srctok_next(&tz, &t);
			if (t.kind == TOK_STRING)
				add(out, arena, &recv)->table =
					arena_strndup(arena, t.p, t.n);
			continue;
		}
		srctok_next(&tz, &t);
	}
}
