/*
 * Go ORMs. GORM: a TableName() method returning a literal names a
 * struct's table; a struct embedding gorm.Model without one gets GORM's
 * default, the plural of its name in snake case. xorm: a model is what
 * RegisterModel(new(T)) or Sync2(new(T)) registers, its table TableName()
 * or the name xorm's GonicMapper makes of T. Calls that pass a model
 * value, Insert(&T{...}), Get(new(T)), db.Insert(ctx, &T{...}), or name
 * it as a type argument, db.GetByID[T](ctx, id), read or write its table.
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
			     const struct tok *name, const char *framework)
{
	struct orm_class *c = find(out, name->p, name->n);

	if (!c) {
		c = data_file_add_class(out);
		c->name = arena_strndup(arena, name->p, name->n);
		c->line = name->line;
		c->framework = framework;
		c->is_model = 1;
	}
	return c;
}

static int upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

/*
 * xorm's GonicMapper (names/mapper.go, gonicCasedName): an underscore
 * before a capital that follows a non-capital, and before the last of
 * a run of capitals followed by a non-capital; then lower case.
 * UserID -> user_id, OAuth2Grant -> o_auth2_grant, LFSLock -> lfs_lock.
 */
char *orm_gonic(struct arena *arena, const char *name, size_t n)
{
	char *out = arena_alloc(arena, 2 * n + 1);
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		char c = name[i];

		if (upper(c) && i > 0 && !upper(out[o - 1]))
			out[o++] = '_';
		if (!upper(c) && i > 1 && o >= 2 && upper(out[o - 1]) &&
		    upper(out[o - 2])) {
			out[o] = out[o - 1];
			out[o - 1] = '_';
			o++;
		}
		out[o++] = c;
	}
	for (size_t i = 0; i < o; i++)
		if (upper(out[i]))
			out[i] = (char)(out[i] + 32);
	out[o] = '\0';
	return out;
}

/*
 * At "(": the type of a first argument new(T), new(pkg.T), &T{...} or
 * T{...}, into *type; 0 if the argument is none of these.
 */
static int model_arg(struct srctok *tz, struct tok *t, struct tok *type)
{
	int is_new = 0;

	srctok_next(tz, t);
	if (tok_is(t, "ctx")) {
		/* db.Insert(ctx, &T{...}): the model is the second */
		srctok_next(tz, t);
		if (!tok_punct(t, ','))
			return 0;
		srctok_next(tz, t);
	}
	if (tok_is(t, "new")) {
		srctok_next(tz, t);
		if (!tok_punct(t, '('))
			return 0;
		is_new = 1;
		srctok_next(tz, t);
	} else if (tok_punct(t, '&')) {
		srctok_next(tz, t);
	}
	if (t->kind != TOK_IDENT)
		return 0;
	*type = *t;
	srctok_next(tz, t);
	if (tok_punct(t, '.')) { /* pkg.T */
		srctok_next(tz, t);
		if (t->kind != TOK_IDENT)
			return 0;
		*type = *t;
		srctok_next(tz, t);
	}
	if (type->p[0] < 'A' || type->p[0] > 'Z')
		return 0;
	return is_new ? tok_punct(t, ')') : tok_punct(t, '{');
}

/* xorm's Session methods and gitea's db helpers (db.Insert(ctx, bean)) */
static const char *const xorm_writes[] = { "Insert",
					   "InsertOne",
					   "Update",
					   "Delete",
					   "Replace",
					   "DeleteByBean",
					   "DeleteByID",
					   "DeleteBeans",
					   "TruncateBeans",
					   "InsertOnConflictDoNothing",
					   NULL };
static const char *const xorm_reads[] = { "Get",     "Exist",	  "Count",
					  "Find",    "Iterate",	  "SumInt",
					  "GetByID", "GetByBean", NULL };

static int in_list(const struct tok *t, const char *const *list)
{
	for (; *list; list++)
		if (tok_is(t, *list))
			return 1;
	return 0;
}

void orm_go(struct data_file *out, struct arena *arena,
	    const struct language *lang, const char *buf, size_t len)
{
	struct srctok tz;
	struct tok t = { 0 }, type = { 0 }, prev = { 0 };
	/* TableName() is GORM's and xorm's: say which the file uses */
	const char *go_orm = memmem(buf, len, "gorm", 4) ? "gorm" : "xorm";

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
				struct orm_class *c =
					add(out, arena, &type, "gorm");

				if (!c->table) {
					c->table = orm_plural(
						arena, orm_snake(arena, type.p,
								 type.n));
					c->conventional = 1;
				}
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
			if (t.kind == TOK_STRING) {
				struct orm_class *c =
					add(out, arena, &recv, go_orm);

				c->table = arena_strndup(arena, t.p, t.n);
				c->conventional = 0;
			}
			continue;
		}
		if (t.kind == TOK_IDENT && tok_punct(&prev, '.') &&
		    (tok_is(&t, "RegisterModel") || tok_is(&t, "Sync2") ||
		     tok_is(&t, "Sync") || in_list(&t, xorm_writes) ||
		     in_list(&t, xorm_reads))) {
			struct tok call = t;

			srctok_next(&tz, &t);
			if (tok_punct(&t, '[') &&
			    (in_list(&call, xorm_writes) ||
			     in_list(&call, xorm_reads))) {
				/* db.GetByID[T](ctx, id): a generic's type */
				srctok_next(&tz, &type);
				srctok_next(&tz, &t);
				if (tok_punct(&t, '.')) { /* pkg.T */
					srctok_next(&tz, &type);
					srctok_next(&tz, &t);
				}
				if (type.kind == TOK_IDENT &&
				    type.p[0] >= 'A' && type.p[0] <= 'Z' &&
				    tok_punct(&t, ']'))
					data_file_add(
						out, NULL,
						in_list(&call, xorm_writes)
							? DATA_WRITE
							: DATA_READ,
						DATA_ORM, call.line, "xorm")
						->model = arena_strndup(
						arena, type.p, type.n);
				prev = t;
				continue;
			}
			if (!tok_punct(&t, '(') || !model_arg(&tz, &t, &type)) {
				prev = call;
				continue;
			}
			if (in_list(&call, xorm_writes) ||
			    in_list(&call, xorm_reads)) {
				data_file_add(out, NULL,
					      in_list(&call, xorm_writes)
						      ? DATA_WRITE
						      : DATA_READ,
					      DATA_ORM, call.line, "xorm")
					->model =
					arena_strndup(arena, type.p, type.n);
			} else {
				struct orm_class *c =
					add(out, arena, &type, "xorm");

				c->framework = "xorm";
				if (!c->table || c->conventional) {
					c->table = orm_gonic(arena, type.p,
							     type.n);
					c->conventional = 1;
				}
			}
			prev = t;
			srctok_next(&tz, &t);
			continue;
		}
		prev = t;
		srctok_next(&tz, &t);
	}
}
