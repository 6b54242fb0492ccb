/*
 * JPA/Hibernate entities: @Entity classes and their @Table(name = ...);
 * without one, the table is the class name in snake case (Spring Boot's
 * default naming). @MappedSuperclass and @Embeddable have no table.
 */
#include <string.h>

#include "carve/arena.h"
#include "carve/data.h"
#include "carve/srctok.h"

void orm_java(struct data_file *out, struct arena *arena,
	      const struct language *lang, const char *buf, size_t len)
{
	struct srctok tz;
	struct tok t = { 0 };
	int entity = 0, abstract = 0;
	const char *table = NULL;

	srctok_init(&tz, lang, buf, len);
	srctok_next(&tz, &t);
	while (t.kind != TOK_EOF) {
		if (tok_punct(&t, '@')) {
			srctok_next(&tz, &t);
			if (tok_is(&t, "Entity")) {
				entity = 1;
			} else if (tok_is(&t, "MappedSuperclass") ||
				   tok_is(&t, "Embeddable")) {
				abstract = 1;
			} else if (tok_is(&t, "Table")) {
				srctok_next(&tz, &t);
				if (!tok_punct(&t, '('))
					continue;
				while (t.kind != TOK_EOF &&
				       !tok_punct(&t, ')')) {
					if (tok_is(&t, "name")) {
						srctok_next(&tz, &t);
						if (!tok_punct(&t, '='))
							continue;
						srctok_next(&tz, &t);
						if (t.kind == TOK_STRING)
							table = arena_strndup(
								arena, t.p,
								t.n);
					}
					srctok_next(&tz, &t);
				}
			}
			srctok_next(&tz, &t);
			continue;
		}
		if (tok_is(&t, "class") && (entity || abstract)) {
			struct orm_class *c;

			srctok_next(&tz, &t);
			if (t.kind != TOK_IDENT)
				continue;
			c = data_file_add_class(out);
			c->name = arena_strndup(arena, t.p, t.n);
			c->line = t.line;
			c->framework = "jpa";
			c->abstract = abstract && !entity;
			c->is_model = 1;
			c->table = table ? table : orm_snake(arena, t.p, t.n);
			entity = abstract = 0;
			table = NULL;
		}
		srctok_next(&tz, &t);
	}
}
