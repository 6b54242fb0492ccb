/*
 * Python ORMs: Django models (Meta db_table, abstract, proxy, app_label,
 * ManyToManyField join tables) and Django migrations (CreateModel,
 * DeleteModel, RenameModel, AlterModelTable), SQLAlchemy declarative classes
 * (__tablename__, __abstract__) and Table("name", ...), and the queries
 * that name a model anywhere, in functions and methods too:
 * Model.objects.<method>() (a write when the chain creates, updates or
 * deletes), obj.save() or obj.delete() on a name assigned a model
 * instance or a manager's result in the same function, and
 * session.query(Model).
 */
#include <stdio.h>
#include <string.h>

#include "carve/arena.h"
#include "carve/data.h"
#include "carve/srctok.h"
#include "carve/strbuf.h"

#define PY_MAX_CLASSES 64
#define PY_MAX_VARS 32
#define PY_MAX_IMPORTS 256

struct py_class {
	unsigned indent;
	long idx; /* into out->classes; -1 for a function body */
	int meta; /* the inner class Meta of classes[idx] */
};

/* A local name bound to a model instance: obj = Order(...) */
struct py_var {
	const char *p;
	size_t n;
	const char *model; /* arena */
};

struct py {
	struct srctok tz;
	struct tok t;
	int have; /* t is a token pushed back */
	struct data_file *out;
	struct arena *arena;
	const char *path;
	const char *app; /* the Django app label of this file's directory */
	int depth; /* bracket depth */
	struct py_class stack[PY_MAX_CLASSES];
	int nr;
	struct py_var vars[PY_MAX_VARS]; /* of the current function */
	int vars_nr;
	/* from MODULE import NAME: NAME -> MODULE as a path */
	struct py_var imports[PY_MAX_IMPORTS];
	int imports_nr;
};


static void var_set(struct py *py, const struct tok *var, const char *model)
{
	for (int i = 0; i < py->vars_nr; i++)
		if (py->vars[i].n == var->n &&
		    !memcmp(py->vars[i].p, var->p, var->n)) {
			py->vars[i].model = model;
			return;
		}
	if (py->vars_nr == PY_MAX_VARS)
		return;
	py->vars[py->vars_nr].p = var->p;
	py->vars[py->vars_nr].n = var->n;
	py->vars[py->vars_nr++].model = model;
}

static const char *var_model(struct py *py, const struct tok *var)
{
	for (int i = 0; i < py->vars_nr; i++)
		if (py->vars[i].n == var->n &&
		    !memcmp(py->vars[i].p, var->p, var->n))
			return py->vars[i].model;
	return NULL;
}

static void next(struct py *py)
{
	if (py->have) {
		py->have = 0;
		return;
	}
	srctok_next(&py->tz, &py->t);
	if (py->t.kind == TOK_PUNCT) {
		char c = py->t.p[0];

		if (c == '(' || c == '[' || c == '{')
			py->depth++;
		else if ((c == ')' || c == ']' || c == '}') && py->depth)
			py->depth--;
	}
}

static char *dup_tok(struct py *py, const struct tok *t)
{
	return arena_strndup(py->arena, t->p, t->n);
}

/*
 * from MODULE import A, B as C (brackets allowed), at py->t == "from":
 * each local name's module as a path, relative ones from the file's
 * folder. Leaves py->t at the next statement's first token, pushed back.
 */
static void read_import(struct py *py)
{
	struct strbuf mod = STRBUF_INIT;
	int dots = 0;

	next(py);
	while (tok_punct(&py->t, '.')) {
		dots++;
		next(py);
	}
	if (dots) {
		/* the file's folder, then one up per further dot */
		const char *end = strrchr(py->path, '/');
		size_t n = end ? (size_t)(end - py->path) : 0;

		for (int up = 1; up < dots; up++) {
			while (n && py->path[n - 1] != '/')
				n--;
			if (n)
				n--; /* and the slash */
		}
		strbuf_add(&mod, py->path, n);
	}
	while (py->t.kind == TOK_IDENT && !tok_is(&py->t, "import")) {
		if (mod.len)
			strbuf_addch(&mod, '/');
		strbuf_add(&mod, py->t.p, py->t.n);
		next(py);
		if (tok_punct(&py->t, '.'))
			next(py);
	}
	if (tok_is(&py->t, "import")) {
		const char *from = arena_strdup(py->arena, mod.buf);

		next(py);
		while (py->t.kind != TOK_EOF &&
		       !((py->t.flags & TOK_BOL) && py->depth == 0)) {
			struct tok name = py->t;

			if (name.kind != TOK_IDENT || tok_is(&name, "as")) {
				next(py);
				continue;
			}
			next(py);
			if (tok_is(&py->t, "as")) {
				next(py);
				if (py->t.kind == TOK_IDENT)
					name = py->t;
				next(py);
			}
			if (py->imports_nr < PY_MAX_IMPORTS) {
				py->imports[py->imports_nr].p = name.p;
				py->imports[py->imports_nr].n = name.n;
				py->imports[py->imports_nr++].model = from;
			}
		}
	}
	strbuf_release(&mod);
	py->have = 1;
}

static const char *import_of(struct py *py, const char *name, size_t n)
{
	for (int i = py->imports_nr - 1; i >= 0; i--)
		if (py->imports[i].n == n && !memcmp(py->imports[i].p, name, n))
			return py->imports[i].model;
	return NULL;
}

/* The directory name holding models.py (or models/, or migrations/). */
static const char *app_label(struct arena *arena, const char *path)
{
	const char *end = strrchr(path, '/'), *start;

	if (!end)
		return "";
	if (end - path >= 7 &&
	    (!strncmp(end - 7, "/models", 7) ||
	     !strncmp(end - 11 >= path ? end - 11 : path, "/migrations", 11))) {
		const char *cut = !strncmp(end - 7, "/models", 7) ? end - 7
								  : end - 11;

		if (cut <= path)
			return "";
		end = cut;
	}
	start = end;
	while (start > path && start[-1] != '/')
		start--;
	return arena_strndup(arena, start, (size_t)(end - start));
}

/* Skips to the bracket closing the one just opened (depth d - 1). */
static void skip_group(struct py *py, int d)
{
	while (py->t.kind != TOK_EOF && py->depth >= d)
		next(py);
}

/* class NAME(bases): the bases as dotted names. */
static void read_class(struct py *py, unsigned indent)
{
	struct orm_class *c;
	struct py_class *e;
	struct strbuf base = STRBUF_INIT;
	const char *bases[16];
	size_t nr = 0;
	int d;

	next(py);
	if (py->t.kind != TOK_IDENT)
		return;
	if (py->nr == PY_MAX_CLASSES)
		return;
	e = &py->stack[py->nr++];
	e->indent = indent;
	e->meta = 0;
	e->idx = -1;
	if (py->nr > 1 && tok_is(&py->t, "Meta") &&
	    !py->stack[py->nr - 2].meta) {
		e->meta = 1;
		e->idx = py->stack[py->nr - 2].idx;
		return;
	}
	c = data_file_add_class(py->out);
	e->idx = (long)(c - py->out->classes);
	c->name = dup_tok(py, &py->t);
	c->line = py->t.line;
	c->app = py->app;
	c->framework = "django";
	next(py);
	if (!tok_punct(&py->t, '('))
		return;
	d = py->depth;
	next(py);
	while (py->t.kind != TOK_EOF && py->depth >= d) {
		if (py->t.kind == TOK_IDENT && py->depth == d) {
			strbuf_reset(&base);
			strbuf_add(&base, py->t.p, py->t.n);
			next(py);
			while (tok_punct(&py->t, '.')) {
				next(py);
				if (py->t.kind != TOK_IDENT)
					break;
				strbuf_addch(&base, '.');
				strbuf_add(&base, py->t.p, py->t.n);
				next(py);
			}
			if (tok_punct(&py->t, '=')) {
				skip_group(py, d + 1);
				continue; /* metaclass=... */
			}
			if (nr < 16)
				bases[nr++] = arena_strdup(py->arena, base.buf);
			continue;
		}
		next(py);
	}
	c = &py->out->classes[e->idx];
	c->bases = arena_alloc(py->arena, (nr ? nr : 1) * sizeof(*c->bases));
	memcpy(c->bases, bases, nr * sizeof(*bases));
	c->bases_nr = nr;
	c->bases_from =
		arena_alloc(py->arena, (nr ? nr : 1) * sizeof(*c->bases_from));
	for (size_t i = 0; i < nr; i++) {
		const char *dot = strchr(bases[i], '.');

		c->bases_from[i] = import_of(py, bases[i],
					     dot ? (size_t)(dot - bases[i])
						 : strlen(bases[i]));
	}
	strbuf_release(&base);
}

static int is_true(const struct tok *t)
{
	return tok_is(t, "True");
}

/* NAME = ... inside a class body (py->t is NAME, at depth 0). */
static void class_attr(struct py *py, struct py_class *e)
{
	struct orm_class *c = &py->out->classes[e->idx];
	struct tok name = py->t;

	next(py);
	if (!tok_punct(&py->t, '=')) {
		py->have = 1; /* "pass", "def": the token starts a statement */
		return;
	}
	next(py);
	if (e->meta) {
		if (tok_is(&name, "db_table") && py->t.kind == TOK_STRING)
			c->table = dup_tok(py, &py->t);
		else if (tok_is(&name, "app_label") && py->t.kind == TOK_STRING)
			c->app = dup_tok(py, &py->t);
		else if (tok_is(&name, "abstract") && is_true(&py->t))
			c->abstract = 1;
		else if (tok_is(&name, "proxy") && is_true(&py->t))
			c->proxy = 1;
		return;
	}
	if (tok_is(&name, "__tablename__") && py->t.kind == TOK_STRING) {
		c->table = dup_tok(py, &py->t);
		c->framework = "sqlalchemy";
		c->is_model = 1;
	} else if (tok_is(&name, "__abstract__") && is_true(&py->t)) {
		c->abstract = 1;
		c->framework = "sqlalchemy";
	} else {
		/* name = models.ManyToManyField(..., no through=) */
		int m2m = 0, through = 0, d;

		while ((py->t.kind == TOK_IDENT || tok_punct(&py->t, '.')) &&
		       !(py->t.flags & TOK_BOL)) {
			m2m |= tok_is(&py->t, "ManyToManyField");
			next(py);
		}
		if (!m2m || !tok_punct(&py->t, '(')) {
			py->have = 1; /* the token after the value */
			return;
		}
		d = py->depth;
		while (py->t.kind != TOK_EOF && py->depth >= d) {
			if (py->depth == d && tok_is(&py->t, "through"))
				through = 1;
			next(py);
		}
		if (!through) {
			const char **v = arena_alloc(
				py->arena, (c->m2m_nr + 1) * sizeof(*v));

			if (c->m2m_nr)
				memcpy(v, c->m2m, c->m2m_nr * sizeof(*v));
			v[c->m2m_nr++] = dup_tok(py, &name);
			c->m2m = v;
		}
		py->have = 1;
	}
}

/* migrations.CreateModel(name=..., options={...}) and friends. */
static const char *default_table(struct py *py, const char *model)
{
	struct strbuf sb = STRBUF_INIT;
	const char *t;

	strbuf_addf(&sb, "%s_%s", py->app, model);
	for (char *p = sb.buf; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
	t = arena_strdup(py->arena, sb.buf);
	strbuf_release(&sb);
	return t;
}

static void migration_add(struct py *py, const char *table, enum data_kind kind,
			  unsigned line)
{
	data_file_add(py->out, table, kind, DATA_ORM | DATA_MIGRATION, line,
		      "django");
}

/*
 * migrations.CreateModel(name=..., options={"db_table": ...}),
 * DeleteModel(name=...), RenameModel(old_name=..., new_name=...) and
 * AlterModelTable(name=..., table=...).
 */
static void migration_op(struct py *py, const char *op, unsigned line)
{
	const char *name = NULL, *table = NULL, *old = NULL, *new = NULL;
	int abstract = 0, proxy = 0, d;

	next(py);
	if (!tok_punct(&py->t, '('))
		return;
	d = py->depth;
	next(py);
	while (py->t.kind != TOK_EOF && py->depth >= d) {
		if (py->depth == d && py->t.kind == TOK_IDENT) {
			struct tok key = py->t;

			next(py);
			if (!tok_punct(&py->t, '='))
				continue;
			next(py);
			if (py->t.kind != TOK_STRING)
				continue;
			if (tok_is(&key, "name"))
				name = dup_tok(py, &py->t);
			else if (tok_is(&key, "table"))
				table = dup_tok(py, &py->t);
			else if (tok_is(&key, "old_name"))
				old = dup_tok(py, &py->t);
			else if (tok_is(&key, "new_name"))
				new = dup_tok(py, &py->t);
			next(py);
			continue;
		}
		if (py->t.kind == TOK_STRING) {
			struct tok key = py->t;
			int positional = py->depth == d;

			next(py);
			if (positional && !tok_punct(&py->t, ':')) {
				/* RenameModel("Old", "New"), CreateModel("X") */
				const char *v =
					arena_strndup(py->arena, key.p, key.n);

				if (!name && !old)
					name = old = v;
				else if (!new)
					new = v;
				continue;
			}
			if (!tok_punct(&py->t, ':'))
				continue;
			next(py);
			if (key.n == 8 && !memcmp(key.p, "db_table", 8) &&
			    py->t.kind == TOK_STRING)
				table = dup_tok(py, &py->t);
			else if (key.n == 8 && !memcmp(key.p, "abstract", 8))
				abstract = is_true(&py->t);
			else if (key.n == 5 && !memcmp(key.p, "proxy", 5))
				proxy = is_true(&py->t);
			continue;
		}
		next(py);
	}
	if (!strcmp(op, "RenameModel")) {
		if (old && new) {
			migration_add(py, default_table(py, old), DATA_DROP,
				      line);
			migration_add(py, default_table(py, new), DATA_DEFINE,
				      line);
		}
		return;
	}
	if (!name || abstract || proxy)
		return;
	if (!strcmp(op, "DeleteModel"))
		migration_add(py, default_table(py, name), DATA_DROP, line);
	else if (!strcmp(op, "CreateModel"))
		migration_add(py, table ? table : default_table(py, name),
			      DATA_DEFINE, line);
	else if (table)
		migration_add(py, table, DATA_DEFINE, line);
}

static const char *const write_methods[] = {
	"create", "bulk_create", "get_or_create", "update_or_create", "update",
	"delete", "bulk_update", "add",		  "remove",	      "clear",
};

static int is_write(const struct tok *t)
{
	for (size_t i = 0; i < sizeof(write_methods) / sizeof(*write_methods);
	     i++)
		if (tok_is(t, write_methods[i]))
			return 1;
	return 0;
}

/* Model.objects.a(...).b(...): a write if any method writes. */
static const char *manager_chain(struct py *py, const struct tok *model)
{
	const char *name;
	int write = 0;

	next(py); /* past "objects" */
	while (tok_punct(&py->t, '.')) {
		next(py);
		if (py->t.kind != TOK_IDENT)
			break;
		write |= is_write(&py->t);
		next(py);
		if (tok_punct(&py->t, '(')) {
			int d = py->depth;

			while (py->t.kind != TOK_EOF && py->depth >= d)
				next(py);
			next(py); /* past ')' */
		}
	}
	name = dup_tok(py, model);
	data_file_add(py->out, NULL, write ? DATA_WRITE : DATA_READ, DATA_ORM,
		      model->line, "django")
		->model = name;
	py->have = 1;
	return name;
}

static int capitalised(const struct tok *t)
{
	return t->kind == TOK_IDENT && t->p[0] >= 'A' && t->p[0] <= 'Z';
}

void orm_python(struct data_file *out, struct arena *arena, const char *path,
		const struct language *lang, const char *buf, size_t len)
{
	struct py py = { 0 };
	int migration = strstr(path, "migrations/") != NULL;
	struct tok prev = { 0 }, lhs = { 0 };

	py.out = out;
	py.arena = arena;
	py.path = path;
	py.app = app_label(arena, path);
	srctok_init(&py.tz, lang, buf, len);
	next(&py);
	while (py.t.kind != TOK_EOF) {
		struct tok t = py.t;

		/*
		 * A line's first token at depth 0 ends the classes and
		 * functions indented as deep; not the bracket closing a
		 * multi-line signature, "    ) -> str:", which is still
		 * the def's own line
		 */
		if ((t.flags & TOK_BOL) && py.depth == 0 &&
		    !tok_punct(&t, ')') && !tok_punct(&t, ']') &&
		    !tok_punct(&t, '}')) {
			while (py.nr && py.stack[py.nr - 1].indent >= t.indent)
				py.nr--;
			lhs.n = 0;
			if (tok_is(&t, "from") && !py.nr) {
				read_import(&py);
				prev = t;
				next(&py);
				continue;
			}
			if (tok_is(&t, "class")) {
				read_class(&py, t.indent);
				prev = py.t;
				next(&py);
				continue;
			}
			if ((tok_is(&t, "def") || tok_is(&t, "async")) &&
			    py.nr < PY_MAX_CLASSES) {
				/* a function body: no class attributes, its
				 * own local names */
				py.stack[py.nr].indent = t.indent;
				py.stack[py.nr].idx = -1;
				py.stack[py.nr++].meta = 0;
				py.vars_nr = 0;
			} else if (py.nr && py.stack[py.nr - 1].idx >= 0 &&
				   t.kind == TOK_IDENT) {
				class_attr(&py, &py.stack[py.nr - 1]);
				prev = py.t;
				next(&py);
				continue;
			}
		}
		if (t.kind == TOK_IDENT && !tok_punct(&prev, '.') &&
		    !(migration && tok_is(&t, "migrations"))) {
			int bound = lhs.n && tok_punct(&prev, '=');

			/* Model.objects..., obj.save() */
			next(&py);
			if (tok_punct(&py.t, '.')) {
				next(&py);
				if (tok_is(&py.t, "objects") &&
				    capitalised(&t)) {
					const char *m = manager_chain(&py, &t);

					if (bound)
						var_set(&py, &lhs, m);
					next(&py);
				} else if ((tok_is(&py.t, "save") ||
					    tok_is(&py.t, "delete")) &&
					   var_model(&py, &t)) {
					data_file_add(out, NULL, DATA_WRITE,
						      DATA_ORM, py.t.line,
						      "django")
						->model = var_model(&py, &t);
				}
				prev = t;
				continue;
			}
			if (tok_punct(&py.t, '(') && bound && capitalised(&t))
				/* obj = Order(...): maybe a model instance */
				var_set(&py, &lhs, dup_tok(&py, &t));
			if (tok_punct(&py.t, '(') &&
			    (tok_is(&t, "query") || tok_is(&t, "Table"))) {
				/* session.query(Model), Table("name", ...) */
				next(&py);
				if (tok_is(&t, "Table") &&
				    py.t.kind == TOK_STRING)
					data_file_add(out, dup_tok(&py, &py.t),
						      DATA_DEFINE, DATA_ORM,
						      t.line, "sqlalchemy");
				else if (tok_is(&t, "query") &&
					 capitalised(&py.t))
					data_file_add(out, NULL, DATA_READ,
						      DATA_ORM, t.line,
						      "sqlalchemy")
						->model = dup_tok(&py, &py.t);
			}
			prev = t;
			continue;
		}
		if (migration && tok_punct(&t, '.') && prev.kind == TOK_IDENT &&
		    prev.n == 10 && !memcmp(prev.p, "migrations", 10)) {
			next(&py);
			if (tok_is(&py.t, "CreateModel") ||
			    tok_is(&py.t, "DeleteModel") ||
			    tok_is(&py.t, "RenameModel") ||
			    tok_is(&py.t, "AlterModelTable")) {
				char op[16];

				snprintf(op, sizeof(op), "%.*s", (int)py.t.n,
					 py.t.p);
				migration_op(&py, op, py.t.line);
			}
			prev = py.t;
			continue;
		}
		if (tok_punct(&t, '=') && py.depth == 0 &&
		    prev.kind == TOK_IDENT && (prev.flags & TOK_BOL))
			lhs = prev; /* name = ...: remember the target */
		prev = t;
		next(&py);
	}
}
