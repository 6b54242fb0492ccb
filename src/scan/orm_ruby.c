/*
 * Rails ActiveRecord: model classes (class Order < ApplicationRecord,
 * self.table_name, self.abstract_class, the table_name_prefix of the
 * module of Admin::ActionLog, has_and_belongs_to_many join tables), their
 * queries (Order.where reads,
 * Order.create writes), migrations (create_table, drop_table,
 * add_column and friends under db/migrate) and the current schema,
 * db/schema.rb (create_table defines a table, create_view a view).
 */
#include <string.h>

#include "carve/arena.h"
#include "carve/data.h"
#include "carve/srctok.h"
#include "carve/strbuf.h"

static const char *const reads[] = { "where",  "find",	    "find_by",
				     "all",    "first",	    "last",
				     "pluck",  "count",	    "exists?",
				     "joins",  "includes",  "order",
				     "select", "find_each", NULL };
static const char *const writes[] = {
	"create",      "create!",    "update_all", "delete_all",
	"destroy_all", "insert_all", "upsert_all", "find_or_create_by",
	"update",      "delete",     "destroy",	   NULL
};
static const char *const schema_ops[] = {
	"create_table", "change_table",	 "add_column", "remove_column",
	"add_index",	"rename_column", NULL
};

static int in_list(const struct tok *t, const char *const *list)
{
	for (; *list; list++)
		if (tok_is(t, *list))
			return 1;
	return 0;
}

/*
 * has_and_belongs_to_many :tags in class Status: Rails' join table is
 * the two tables in lexical order, statuses_tags.
 */
static const char *habtm_table(struct arena *arena, const struct orm_class *c,
			       const struct tok *other)
{
	const char *mine =
		orm_plural(arena, orm_snake(arena, c->name, strlen(c->name)));
	const char *theirs = arena_strndup(arena, other->p, other->n);
	struct strbuf sb = STRBUF_INIT;
	const char *t;

	if (strcmp(mine, theirs) < 0)
		strbuf_addf(&sb, "%s_%s", mine, theirs);
	else
		strbuf_addf(&sb, "%s_%s", theirs, mine);
	t = arena_strdup(arena, sb.buf);
	strbuf_release(&sb);
	return t;
}

void orm_ruby(struct data_file *out, struct arena *arena, const char *path,
	      const struct language *lang, const char *buf, size_t len)
{
	struct srctok tz;
	struct tok t = { 0 }, prev = { 0 };
	struct orm_class *cur = NULL;
	int migration = strstr(path, "db/migrate/") != NULL;
	size_t plen = strlen(path);
	int schema = plen >= 12 && !strcmp(path + plen - 12, "db/schema.rb") &&
		     (plen == 12 || path[plen - 13] == '/');
	struct tok module = { 0 };

	srctok_init(&tz, lang, buf, len);
	srctok_next(&tz, &t);
	while (t.kind != TOK_EOF) {
		struct tok a = t;

		srctok_next(&tz, &t);
		if (tok_is(&a, "module") && t.kind == TOK_IDENT) {
			module = t;
		} else if (tok_is(&a, "def") && tok_is(&t, "self") &&
			   module.n) {
			/* module Admin; def self.table_name_prefix 'admin_' */
			srctok_next(&tz, &t);
			if (!tok_punct(&t, '.'))
				continue;
			srctok_next(&tz, &t);
			if (!tok_is(&t, "table_name_prefix"))
				continue;
			srctok_next(&tz, &t);
			if (t.kind == TOK_STRING) {
				struct orm_class *c = data_file_add_class(out);

				c->name = arena_strndup(arena, module.p,
							module.n);
				c->table = arena_strndup(arena, t.p, t.n);
				c->framework = "rails-prefix";
				c->line = t.line;
			}
		} else if (tok_is(&a, "class") && t.kind == TOK_IDENT) {
			struct strbuf base = STRBUF_INIT;
			struct tok name = t, ns = { 0 };

			srctok_next(&tz, &t);
			while (tok_punct(&t, ':')) { /* Admin::User */
				srctok_next(&tz, &t);
				if (t.kind == TOK_IDENT) {
					ns = name;
					name = t;
					srctok_next(&tz, &t);
				}
			}
			if (!ns.n && module.n && (name.flags & TOK_BOL) == 0 &&
			    a.indent > module.indent)
				ns = module;
			if (!tok_punct(&t, '<'))
				continue;
			srctok_next(&tz, &t);
			while ((t.kind == TOK_IDENT || tok_punct(&t, ':')) &&
			       !(base.len && (t.flags & TOK_BOL))) {
				strbuf_add(&base, t.p, t.n);
				srctok_next(&tz, &t);
			}
			cur = data_file_add_class(out);
			cur->name = arena_strndup(arena, name.p, name.n);
			cur->line = name.line;
			cur->framework = "rails";
			cur->bases = arena_alloc(arena, sizeof(*cur->bases));
			cur->bases[0] = arena_strdup(arena, base.buf);
			cur->bases_nr = 1;
			if (ns.n)
				cur->ns = arena_strndup(arena, ns.p, ns.n);
			strbuf_release(&base);
		} else if (cur && tok_is(&a, "has_and_belongs_to_many") &&
			   tok_punct(&t, ':')) {
			/* the join table: both tables in lexical order */
			srctok_next(&tz, &t);
			if (t.kind == TOK_IDENT)
				data_file_add(out,
					      habtm_table(arena, cur, &t),
					      DATA_DEFINE, DATA_ORM, a.line,
					      "rails");
		} else if (cur && tok_is(&a, "self") && tok_punct(&t, '.')) {
			struct tok attr;

			srctok_next(&tz, &attr);
			srctok_next(&tz, &t);
			if (!tok_punct(&t, '='))
				continue;
			srctok_next(&tz, &t);
			if (tok_is(&attr, "table_name") && t.kind == TOK_STRING)
				cur->table = arena_strndup(arena, t.p, t.n);
			else if (tok_is(&attr, "abstract_class") &&
				 tok_is(&t, "true"))
				cur->abstract = 1;
		} else if (a.kind == TOK_IDENT && a.p[0] >= 'A' &&
			   a.p[0] <= 'Z' && tok_punct(&t, '.') &&
			   !tok_punct(&prev, ':')) {
			srctok_next(&tz, &t);
			if (in_list(&t, writes) || in_list(&t, reads))
				data_file_add(out, NULL,
					      in_list(&t, writes) ? DATA_WRITE
								  : DATA_READ,
					      DATA_ORM, a.line, "rails")
					->model =
					arena_strndup(arena, a.p, a.n);
		} else if (schema && (tok_is(&a, "create_table") ||
				      tok_is(&a, "create_view"))) {
			if (tok_punct(&t, '('))
				srctok_next(&tz, &t);
			if (t.kind == TOK_STRING)
				data_file_add(
					out, arena_strndup(arena, t.p, t.n),
					DATA_DEFINE,
					DATA_ORM | (tok_is(&a, "create_view")
							    ? DATA_VIEW
							    : 0),
					a.line, "rails");
		} else if (migration && (in_list(&a, schema_ops) ||
					 tok_is(&a, "drop_table") ||
					 tok_is(&a, "rename_table"))) {
			if (tok_punct(&t, '('))
				srctok_next(&tz, &t);
			if (tok_punct(&t, ':'))
				srctok_next(&tz, &t);
			if (t.kind == TOK_IDENT || t.kind == TOK_STRING)
				data_file_add(out,
					      arena_strndup(arena, t.p, t.n),
					      tok_is(&a, "drop_table")
						      ? DATA_DROP
						      : DATA_DEFINE,
					      DATA_ORM | DATA_MIGRATION, a.line,
					      "rails");
		}
		prev = a;
	}
}
