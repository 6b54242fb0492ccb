/*
 * Entity Framework (EF6 and EF Core): entity classes (deriving from a
 * base entity such as BaseEntity, or named by a DbSet<T>), their tables
 * ([Table("x")], ToTable("x") in an EntityTypeConfiguration<T> or
 * IEntityTypeConfiguration<T> or after modelBuilder.Entity<T>(), the
 * DbSet property's name, else the class name), many-to-many join tables
 * (.Map(m => m.ToTable("x")), UsingEntity(j => j.ToTable("x"))), and the
 * reads and writes of a repository or DbSet field: _orders.Insert(o)
 * writes the table of Order, _orders.Table reads it.
 */
#include <string.h>

#include "carve/arena.h"
#include "carve/data.h"
#include "carve/srctok.h"

#define CS_MAX_VARS 64

struct cs_var {
	const char *p;
	size_t n;
	const char *model; /* arena */
};

struct cs {
	struct srctok tz;
	struct tok t;
	struct data_file *out;
	struct arena *arena;
	int brace; /* { } depth */
	int paren; /* ( ) depth */
	struct cs_var vars[CS_MAX_VARS];
	int vars_nr;
};

static void next(struct cs *cs)
{
	srctok_next(&cs->tz, &cs->t);
	if (tok_punct(&cs->t, '{'))
		cs->brace++;
	else if (tok_punct(&cs->t, '}') && cs->brace)
		cs->brace--;
	else if (tok_punct(&cs->t, '('))
		cs->paren++;
	else if (tok_punct(&cs->t, ')') && cs->paren)
		cs->paren--;
}

static const char *dup(struct cs *cs, const struct tok *t)
{
	return arena_strndup(cs->arena, t->p, t->n);
}

/* A mapping of entity `model` to `table`: a class entry with no bases. */
static void mapping(struct cs *cs, const char *model, const char *table,
		    int conventional, unsigned line)
{
	struct orm_class *c = data_file_add_class(cs->out);

	c->name = model;
	c->table = table;
	c->framework = "ef";
	c->is_model = 1;
	c->conventional = conventional;
	c->line = line;
}

/*
 * At "<" after a generic type's name: the last type argument's name
 * (Order of Repository<Order>, of EntityTypeConfiguration<Sales.Order>),
 * leaving cs->t after the closing ">".
 */
static const char *type_arg(struct cs *cs)
{
	int depth = 1;
	struct tok last = { 0 };

	while (cs->t.kind != TOK_EOF && depth > 0) {
		next(cs);
		if (tok_punct(&cs->t, '<'))
			depth++;
		else if (tok_punct(&cs->t, '>'))
			depth--;
		else if (cs->t.kind == TOK_IDENT && depth == 1)
			last = cs->t;
		else if (tok_punct(&cs->t, ';') || tok_punct(&cs->t, '{'))
			return NULL;
	}
	next(cs);
	return last.n ? dup(cs, &last) : NULL;
}

static const char *var_model(struct cs *cs, const struct tok *t)
{
	for (int i = 0; i < cs->vars_nr; i++)
		if (cs->vars[i].n == t->n && !memcmp(cs->vars[i].p, t->p, t->n))
			return cs->vars[i].model;
	return NULL;
}

static const char *const writes[] = {
	"Insert",   "InsertAsync",   "Update",	 "UpdateAsync",
	"Delete",   "DeleteAsync",   "Add",	 "AddAsync",
	"AddRange", "AddRangeAsync", "Remove",	 "RemoveRange",
	"Attach",   "BulkInsert",    "Truncate", NULL
};

static int is_write(const struct tok *t)
{
	for (const char *const *w = writes; *w; w++)
		if (tok_is(t, *w))
			return 1;
	return 0;
}

/* class NAME<...> : Base, IFoo<T> where ... { */
static void read_class(struct cs *cs, const char *table, int abstract,
		       const char **config, int *config_brace)
{
	struct orm_class *c;
	const char *bases[16];
	size_t nr = 0;

	next(cs);
	if (cs->t.kind != TOK_IDENT)
		return;
	c = data_file_add_class(cs->out);
	c->name = dup(cs, &cs->t);
	c->line = cs->t.line;
	c->framework = "ef";
	c->table = table;
	c->abstract = abstract;
	c->conventional = table ? 0 : 2; /* below DbSet names (1) */
	next(cs);
	if (tok_punct(&cs->t, '<'))
		type_arg(cs);
	if (tok_punct(&cs->t, ':')) {
		next(cs);
		while (cs->t.kind == TOK_IDENT && !tok_is(&cs->t, "where")) {
			struct tok name = cs->t;

			next(cs);
			while (tok_punct(&cs->t, '.')) {
				next(cs);
				if (cs->t.kind != TOK_IDENT)
					break;
				name = cs->t;
				next(cs);
			}
			if (tok_punct(&cs->t, '<')) {
				const char *arg = type_arg(cs);

				if (arg &&
				    tok_ends_with(&name,
						  "EntityTypeConfiguration")) {
					*config = arg;
					*config_brace = cs->brace;
				}
			}
			if (nr < 16)
				bases[nr++] = dup(cs, &name);
			if (!tok_punct(&cs->t, ','))
				break;
			next(cs);
		}
	}
	c = &cs->out->classes[cs->out->classes_nr - 1];
	c->bases = arena_alloc(cs->arena, (nr ? nr : 1) * sizeof(*c->bases));
	memcpy(c->bases, bases, nr * sizeof(*bases));
	c->bases_nr = nr;
}

void orm_csharp(struct data_file *out, struct arena *arena,
		const struct language *lang, const char *buf, size_t len)
{
	struct cs cs = { 0 };
	const char *table_attr = NULL, *config = NULL, *entity = NULL;
	int config_brace = -1, abstract = 0, join_paren = -1;
	struct tok prev = { 0 };

	cs.out = out;
	cs.arena = arena;
	srctok_init(&cs.tz, lang, buf, len);
	next(&cs);
	while (cs.t.kind != TOK_EOF) {
		struct tok t = cs.t;

		if (config && cs.brace <= config_brace && tok_punct(&t, '}'))
			config = NULL; /* the configuration class ended */
		if (join_paren >= 0 && cs.paren <= join_paren)
			join_paren = -1;
		if (tok_punct(&t, ';'))
			entity = NULL;
		if (tok_punct(&prev, '[') && tok_is(&t, "Table")) {
			next(&cs);
			if (tok_punct(&cs.t, '(')) {
				next(&cs);
				if (cs.t.kind == TOK_STRING)
					table_attr = dup(&cs, &cs.t);
			}
			prev = cs.t;
			next(&cs);
			continue;
		}
		if (tok_is(&t, "abstract") || tok_is(&t, "private")) {
			/* abstract: no table of its own; a private nested
			 * class is a helper, never mapped */
			abstract = 1;
		} else if (tok_is(&t, "class") && !tok_punct(&prev, '<') &&
			   !tok_punct(&prev, ',')) {
			/* "where T : class" is no class */
			read_class(&cs, table_attr, abstract, &config,
				   &config_brace);
			table_attr = NULL;
			abstract = 0;
			prev = t;
			continue;
		} else if (t.kind == TOK_IDENT &&
			   (tok_is(&t, "Map") || tok_is(&t, "UsingEntity")) &&
			   tok_punct(&prev, '.')) {
			next(&cs);
			if (tok_punct(&cs.t, '('))
				join_paren = cs.paren - 1;
			prev = t;
			continue;
		} else if (tok_is(&t, "Entity") && tok_punct(&prev, '.')) {
			next(&cs);
			if (tok_punct(&cs.t, '<')) {
				entity = type_arg(&cs);
				prev = t;
				continue;
			}
		} else if (tok_is(&t, "ToTable")) {
			next(&cs);
			if (tok_punct(&cs.t, '(')) {
				next(&cs);
				if (cs.t.kind == TOK_STRING) {
					const char *name = dup(&cs, &cs.t);

					if (join_paren >= 0)
						data_file_add(out, name,
							      DATA_DEFINE,
							      DATA_ORM, t.line,
							      "ef");
					else if (entity || config)
						mapping(&cs,
							entity ? entity
							       : config,
							name, 0, t.line);
				}
			}
			prev = t;
			continue;
		} else if (t.kind == TOK_IDENT && !tok_punct(&prev, '.') &&
			   var_model(&cs, &t)) {
			/* _orders.Insert(o), _orders.Table */
			const char *model = var_model(&cs, &t);

			next(&cs);
			if (tok_punct(&cs.t, '.')) {
				next(&cs);
				if (cs.t.kind == TOK_IDENT)
					data_file_add(out, NULL,
						      is_write(&cs.t)
							      ? DATA_WRITE
							      : DATA_READ,
						      DATA_ORM, t.line, "ef")
						->model = model;
			}
			prev = t;
			continue;
		} else if (t.kind == TOK_IDENT &&
			   (tok_ends_with(&t, "Repository") ||
			    tok_is(&t, "DbSet") || tok_is(&t, "IDbSet"))) {
			/* IRepository<Order> _orders; DbSet<Order> Orders { */
			int dbset = !tok_is(&t, "IDbSet") &&
				    tok_is(&t, "DbSet");
			const char *model;

			next(&cs);
			if (!tok_punct(&cs.t, '<'))
				continue;
			model = type_arg(&cs);
			if (!model || cs.t.kind != TOK_IDENT) {
				prev = t;
				continue;
			}
			if (dbset && !tok_punct(&prev, '.') &&
			    !tok_punct(&prev, '<')) {
				struct tok prop = cs.t;

				next(&cs);
				if (tok_punct(&cs.t, '{') ||
				    tok_punct(&cs.t, '='))
					mapping(&cs, model, dup(&cs, &prop), 1,
						prop.line);
				prev = prop;
			} else {
				prev = cs.t;
			}
			if (cs.vars_nr < CS_MAX_VARS) {
				cs.vars[cs.vars_nr].p = prev.p;
				cs.vars[cs.vars_nr].n = prev.n;
				cs.vars[cs.vars_nr++].model = model;
			}
			continue;
		} else if (t.kind == TOK_IDENT || tok_punct(&t, ';') ||
			   tok_punct(&t, '{') || tok_punct(&t, '}')) {
			if (!tok_is(&t, "public") && !tok_is(&t, "partial") &&
			    !tok_is(&t, "internal") && !tok_is(&t, "sealed") &&
			    !tok_is(&t, "static") && !tok_is(&t, "protected"))
				abstract = 0;
		}
		prev = t;
		next(&cs);
	}
}
