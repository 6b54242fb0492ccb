/*
 * The data ownership analysis: reads every counted file once, extracts
 * its table accesses and ORM classes, resolves model classes to tables
 * across files (Django base chains, Rails inheritance, model queries
 * by class name), and maps every access to the context of its file to
 * find each table's writers, its suggested owner and the database
 * coupling of each context.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/arena.h"
#include "carve/data.h"
#include "carve/error.h"
#include "carve/pool.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

/* How deep a chain of base classes is followed. */
#define DATA_MAX_BASES 32

struct data_run {
	const struct scan *scan;
	struct data_file *files; /* per scan file */
	struct arena *arenas; /* per worker */
	int threads;
	size_t read;
	int failed;
};

struct data_report_priv {
	struct data_report r;
	struct data_file *files;
	struct arena *arenas;
	int threads;
	struct arena arena; /* names made by the analysis */
};

const char *data_kind_name(enum data_kind kind)
{
	static const char *const names[] = { "read", "write", "define",
					     "drop" };

	return kind < DATA_KIND_NR ? names[kind] : "?";
}

static void extract_one(void *ctx, size_t f, int worker)
{
	struct data_run *run = ctx;
	const struct scan_file *sf = &run->scan->files[f];
	struct strbuf path = STRBUF_INIT, buf = STRBUF_INIT;

	if (sf->status != FILE_COUNTED || !sf->lang)
		return;
	strbuf_addf(&path, "%s/%s", run->scan->root, sf->path);
	if (strbuf_read_file(&buf, path.buf,
			     run->scan->max_file_size
				     ? (size_t)run->scan->max_file_size
				     : SCAN_DEFAULT_MAX_FILE_SIZE) < 0) {
		/* reported by strbuf_read_file; the file is left out */
		__atomic_store_n(&run->failed, 1, __ATOMIC_RELAXED);
	} else {
		data_extract(&run->files[f], &run->arenas[worker], sf->path,
			     sf->lang, buf.buf, buf.len);
		__atomic_add_fetch(&run->read, 1, __ATOMIC_RELAXED);
	}
	strbuf_release(&path);
	strbuf_release(&buf);
}

/* A class and the file it is in. */
struct class_ref {
	size_t file;
	struct orm_class *c;
	const char *table; /* resolved, or NULL */
	int resolved;
};

struct classes {
	struct class_ref *v;
	size_t nr;
	struct strmap by_name; /* name -> first index + 1 */
	size_t *next; /* the next class of the same name, + 1 */
};

/* Common leading directories of two paths, in bytes. */
static size_t common_dirs(const char *a, const char *b)
{
	size_t i = 0, last = 0;

	while (a[i] && a[i] == b[i]) {
		if (a[i] == '/')
			last = i + 1;
		i++;
	}
	return last;
}

/* The class named by the last part of `name`, nearest `path` first. */
static struct class_ref *class_lookup(struct classes *cl,
				      const struct scan *scan,
				      const char *name, const char *path)
{
	const char *dot = strrchr(name, '.');
	struct class_ref *best = NULL;
	size_t best_common = 0;
	size_t i;

	if (dot)
		name = dot + 1;
	i = (size_t)strmap_get(&cl->by_name, name);
	for (; i; i = cl->next[i - 1]) {
		struct class_ref *r = &cl->v[i - 1];
		size_t c = common_dirs(scan->files[r->file].path, path);

		if (r->file < scan->nr && !strcmp(scan->files[r->file].path, path))
			c = (size_t)-1;
		if (!best || c > best_common) {
			best = r;
			best_common = c;
		}
	}
	return best;
}

/* Does the base chain of r reach one of `roots`? */
static int reaches(struct classes *cl, const struct scan *scan,
		   const struct class_ref *r, const char *const *roots,
		   int depth)
{
	if (depth > DATA_MAX_BASES)
		return 0;
	for (size_t b = 0; b < r->c->bases_nr; b++) {
		const char *base = r->c->bases[b];
		struct class_ref *up;

		for (const char *const *x = roots; *x; x++)
			if (!strcmp(base, *x))
				return 1;
		up = class_lookup(cl, scan, base, scan->files[r->file].path);
		if (up && up != r && reaches(cl, scan, up, roots, depth + 1))
			return 1;
	}
	return 0;
}

static const char *const django_roots[] = { "models.Model",
					    "django.db.models.Model", NULL };
static const char *const rails_roots[] = { "ActiveRecord::Base", NULL };

static char *lower_dup(struct arena *a, const char *s)
{
	char *d = arena_strdup(a, s);

	for (char *p = d; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
	return d;
}

/* The table of one class, or NULL (abstract, proxy, or no model). */
static const char *class_table(struct data_report_priv *p, struct classes *cl,
			       struct class_ref *r)
{
	const struct scan *scan = p->r.scan;
	struct orm_class *c = r->c;
	struct strbuf sb = STRBUF_INIT;
	const char *t = NULL;

	if (!strcmp(c->framework, "rails")) {
		if (c->abstract || !strcmp(c->name, "ApplicationRecord") ||
		    !(reaches(cl, scan, r, rails_roots, 0) ||
		      !strcmp(c->bases[0], "ApplicationRecord")))
			return NULL;
		if (c->table)
			return c->table;
		return orm_plural(&p->arena,
				  orm_snake(&p->arena, c->name,
					    strlen(c->name)));
	}
	if (c->is_model || (c->table && !strcmp(c->framework, "django")))
		return c->abstract ? NULL : c->table;
	if (!strcmp(c->framework, "django") &&
	    reaches(cl, scan, r, django_roots, 0)) {
		if (c->abstract || c->proxy)
			return NULL;
		strbuf_addf(&sb, "%s_%s", c->app ? c->app : "", c->name);
		t = lower_dup(&p->arena, sb.buf);
		strbuf_release(&sb);
	}
	return t;
}

static int is_model_class(struct classes *cl, const struct scan *scan,
			  struct class_ref *r)
{
	return r->c->is_model || r->c->table ||
	       (!strcmp(r->c->framework, "django") &&
		reaches(cl, scan, r, django_roots, 0)) ||
	       (!strcmp(r->c->framework, "rails") &&
		(reaches(cl, scan, r, rails_roots, 0) ||
		 (r->c->bases_nr && !strcmp(r->c->bases[0], "ApplicationRecord"))));
}

/* Turns classes into DEFINE accesses and queries into table accesses. */
static void resolve_models(struct data_report_priv *p)
{
	const struct scan *scan = p->r.scan;
	struct classes cl = { 0 };
	size_t n = 0;

	for (size_t f = 0; f < scan->nr; f++)
		n += p->files[f].classes_nr;
	cl.v = xcalloc(n ? n : 1, sizeof(*cl.v));
	cl.next = xcalloc(n ? n : 1, sizeof(*cl.next));
	for (size_t f = 0; f < scan->nr; f++)
		for (size_t i = 0; i < p->files[f].classes_nr; i++) {
			struct class_ref *r = &cl.v[cl.nr];
			const char *name = p->files[f].classes[i].name;

			r->file = f;
			r->c = &p->files[f].classes[i];
			cl.next[cl.nr] = (size_t)strmap_get(&cl.by_name, name);
			strmap_put(&cl.by_name, name, (void *)(cl.nr + 1));
			cl.nr++;
		}
	for (size_t i = 0; i < cl.nr; i++) {
		struct class_ref *r = &cl.v[i];
		struct data_file *df = &p->files[r->file];

		r->table = class_table(p, &cl, r);
		r->resolved = 1;
		if (!r->table) {
			if (is_model_class(&cl, scan, r) &&
			    (r->c->abstract || r->c->proxy))
				p->r.abstract_models++;
			continue;
		}
		p->r.models++;
		data_file_add(df, r->table, DATA_DEFINE, DATA_ORM, r->c->line,
			      r->c->framework);
		for (size_t m = 0; m < r->c->m2m_nr; m++) {
			struct strbuf sb = STRBUF_INIT;

			strbuf_addf(&sb, "%s_%s", r->table, r->c->m2m[m]);
			data_file_add(df, lower_dup(&p->arena, sb.buf),
				      DATA_DEFINE, DATA_ORM, r->c->line,
				      r->c->framework);
			strbuf_release(&sb);
		}
	}
	for (size_t f = 0; f < scan->nr; f++) {
		struct data_file *df = &p->files[f];

		for (size_t i = 0; i < df->nr; i++) {
			struct data_access *a = &df->acc[i];
			struct class_ref *r;

			if (!a->model)
				continue;
			r = class_lookup(&cl, scan, a->model,
					 scan->files[f].path);
			while (r && !r->table) {
				/* a same-named class with a table */
				size_t k = cl.next[r - cl.v];

				r = k ? &cl.v[k - 1] : NULL;
			}
			if (r)
				a->table = r->table;
			else
				p->r.unresolved_models++;
		}
	}
	strmap_release(&cl.by_name);
	free(cl.v);
	free(cl.next);
}

static struct data_table *table_get(struct data_report_priv *p,
				    struct strmap *map, const char *name)
{
	struct data_report *r = &p->r;
	size_t i = (size_t)strmap_get(map, name);

	if (i)
		return &r->tables[i - 1];
	r->tables = xreallocarray(r->tables, r->tables_nr + 1,
				  sizeof(*r->tables));
	memset(&r->tables[r->tables_nr], 0, sizeof(*r->tables));
	r->tables[r->tables_nr].name = xstrdup(name);
	r->tables[r->tables_nr].uses =
		xcalloc(r->contexts_nr ? r->contexts_nr : 1,
			sizeof(struct data_use));
	r->tables_nr++;
	strmap_put(map, r->tables[r->tables_nr - 1].name,
		   (void *)r->tables_nr);
	return &r->tables[r->tables_nr - 1];
}

static int table_cmp(const void *a, const void *b)
{
	return strcmp(((const struct data_table *)a)->name,
		      ((const struct data_table *)b)->name);
}

static int ref_cmp(const void *a, const void *b)
{
	const struct data_ref *x = a, *y = b;

	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (int)x->kind - (int)y->kind;
}

static void push(size_t **v, size_t *nr, size_t x)
{
	*v = xreallocarray(*v, *nr + 1, sizeof(**v));
	(*v)[(*nr)++] = x;
}

/* Owner: most writes, then most reads, then most definitions. */
static long pick_owner(const struct data_table *t, size_t nr)
{
	long best = -1;

	for (size_t c = 0; c < nr; c++) {
		const unsigned long *n = t->uses[c].n, *b;

		if (!n[DATA_READ] && !n[DATA_WRITE] && !n[DATA_DEFINE])
			continue;
		if (best < 0) {
			best = (long)c;
			continue;
		}
		b = t->uses[best].n;
		if (n[DATA_WRITE] != b[DATA_WRITE] ?
			    n[DATA_WRITE] > b[DATA_WRITE] :
		    n[DATA_READ] != b[DATA_READ] ?
			    n[DATA_READ] > b[DATA_READ] :
			    n[DATA_DEFINE] > b[DATA_DEFINE])
			best = (long)c;
	}
	return best;
}

static void tabulate(struct data_report_priv *p)
{
	struct data_report *r = &p->r;
	const struct scan *scan = r->scan;
	struct strmap map = STRMAP_INIT;

	for (size_t f = 0; f < scan->nr; f++) {
		long c = r->seams->context_of[f];
		struct data_file *df = &p->files[f];

		for (size_t i = 0; i < df->nr; i++) {
			struct data_access *a = &df->acc[i];
			struct data_table *t;
			struct data_ref *ref;

			if (a->flags & DATA_DYNAMIC) {
				r->dynamic++;
				if (c >= 0)
					r->contexts[c].dynamic++;
				continue;
			}
			if (!a->table)
				continue;
			t = table_get(p, &map, a->table);
			if (a->flags & DATA_OTHER_SCHEMA)
				t->other_schema = 1;
			if (a->flags & DATA_MIGRATION)
				t->dropped = a->kind == DATA_DROP;
			if (c >= 0)
				t->uses[c].n[a->kind]++;
			if (t->refs_nr == t->refs_alloc) {
				t->refs_alloc = t->refs_alloc ? 2 * t->refs_alloc
							      : 4;
				t->refs = xreallocarray(t->refs, t->refs_alloc,
							sizeof(*t->refs));
			}
			ref = &t->refs[t->refs_nr++];
			ref->file = f;
			ref->kind = a->kind;
			ref->line = a->line;
			ref->via = a->via;
		}
	}
	strmap_release(&map);
	qsort(r->tables, r->tables_nr, sizeof(*r->tables), table_cmp);
	for (size_t i = 0; i < r->tables_nr; i++) {
		struct data_table *t = &r->tables[i];

		qsort(t->refs, t->refs_nr, sizeof(*t->refs), ref_cmp);
		t->uses_nr = r->contexts_nr;
		t->owner = pick_owner(t, r->contexts_nr);
		for (size_t c = 0; c < r->contexts_nr; c++)
			t->writers += t->uses[c].n[DATA_WRITE] > 0;
		t->shared = t->writers > 1;
		r->shared_nr += t->shared;
		for (size_t c = 0; c < r->contexts_nr; c++) {
			struct data_context *x = &r->contexts[c];
			const unsigned long *n = t->uses[c].n;
			unsigned long rw = n[DATA_READ] + n[DATA_WRITE];

			x->reads += n[DATA_READ];
			x->writes += n[DATA_WRITE];
			x->defines += n[DATA_DEFINE];
			r->accesses += rw;
			if (t->owner == (long)c)
				push(&x->owned, &x->owned_nr, i);
			else if (rw) {
				x->crossing += rw;
				r->crossing += rw;
				if (n[DATA_READ])
					push(&x->foreign_reads,
					     &x->foreign_reads_nr, i);
			}
			if (t->shared && n[DATA_WRITE])
				push(&x->shared, &x->shared_nr, i);
		}
	}
	for (size_t c = 0; c < r->contexts_nr; c++) {
		struct data_context *x = &r->contexts[c];
		unsigned long rw = x->reads + x->writes;

		x->coupling = rw ? (double)x->crossing / (double)rw : 0;
	}
	r->coupling = r->accesses ? (double)r->crossing / (double)r->accesses
				  : 0;
}

int data_analyse(struct data_report **out, const struct scan *scan,
		 const struct seams *seams, int threads)
{
	struct data_report_priv *p = xcalloc(1, sizeof(*p));
	struct data_run run = { 0 };

	if (threads < 1)
		threads = pool_default_threads();
	p->r.scan = scan;
	p->r.seams = seams;
	p->threads = threads;
	p->files = xcalloc(scan->nr ? scan->nr : 1, sizeof(*p->files));
	p->arenas = xcalloc((size_t)threads, sizeof(*p->arenas));
	run.scan = scan;
	run.files = p->files;
	run.arenas = p->arenas;
	run.threads = threads;
	pool_for(scan->nr, threads, extract_one, &run);
	p->r.files_read = run.read;
	p->r.contexts_nr = seams->nr;
	p->r.contexts = xcalloc(seams->nr ? seams->nr : 1,
				sizeof(*p->r.contexts));
	for (size_t c = 0; c < seams->nr; c++)
		p->r.contexts[c].name = seams->contexts[c].name;
	resolve_models(p);
	tabulate(p);
	*out = &p->r;
	return 0;
}

void data_report_free(struct data_report *r)
{
	struct data_report_priv *p = (struct data_report_priv *)r;

	if (!r)
		return;
	for (size_t i = 0; i < r->tables_nr; i++) {
		free(r->tables[i].name);
		free(r->tables[i].uses);
		free(r->tables[i].refs);
	}
	free(r->tables);
	for (size_t c = 0; c < r->contexts_nr; c++) {
		free(r->contexts[c].owned);
		free(r->contexts[c].shared);
		free(r->contexts[c].foreign_reads);
	}
	free(r->contexts);
	for (size_t f = 0; f < r->scan->nr; f++)
		data_file_release(&p->files[f]);
	free(p->files);
	for (int w = 0; w < p->threads; w++)
		arena_release(&p->arenas[w]);
	free(p->arenas);
	arena_release(&p->arena);
	free(p);
}

const struct data_context *data_context_find(const struct data_report *r,
					     const char *name)
{
	for (size_t c = 0; r && c < r->contexts_nr; c++)
		if (!strcmp(r->contexts[c].name, name))
			return &r->contexts[c];
	return NULL;
}
