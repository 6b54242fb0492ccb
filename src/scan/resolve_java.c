/*
 * The Java family's resolver (Java, Kotlin, Scala): an index of declared
 * types (each file's package plus the types the lexer saw it declare,
 * and for Java its base name, the public type's) and of packages, built
 * once per scan. Imports name a type, a package (wildcards) or a member
 * (static); the names a file uses are looked up in Java's order: its
 * single-type imports, its own package, its wildcard imports.
 */
#include <string.h>

#include "carve/deps.h"
#include "carve/language.h"
#include "carve/resolve.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

struct java_files {
	size_t *files;
	size_t nr, alloc;
};

/* The scope of the file whose names are being resolved. */
struct java_scope {
	size_t file; /* plus one; 0 before the first */
	const struct dep_ref **single; /* single-type imports */
	const char **single_name; /* the simple name each makes visible */
	size_t single_nr, single_alloc, single_name_alloc;
	const char **wild; /* wildcard imports: packages or types */
	size_t wild_nr, wild_alloc;
	const char **own; /* simple names of the types the file declares */
	size_t own_nr, own_alloc;
};

struct java_index {
	struct strmap types; /* a.b.C -> struct java_files */
	struct strmap packages; /* a.b -> struct java_files */
	struct strmap simple; /* C, Inner: the last name of every type */
	/* a.b: the first two names of every package and type (a roots) */
	struct strmap roots;
	struct java_scope scope;
	struct strbuf name; /* scratch */
};

static int is_java_family(const struct language *lang)
{
	return lang &&
	       (!strcmp(lang->name, "Java") || !strcmp(lang->name, "Kotlin") ||
		!strcmp(lang->name, "Scala"));
}

static void index_add(struct resolver *r, struct strmap *map, const char *key,
		      size_t len, size_t file)
{
	struct java_files *f;
	char *k = arena_strndup(&r->arena, key, len);

	f = strmap_get(map, k);
	if (!f) {
		f = arena_alloc(&r->arena, sizeof(*f));
		strmap_put(map, k, f);
	}
	if (f->nr && f->files[f->nr - 1] == file)
		return;
	ALLOC_GROW(f->files, f->nr + 1, f->alloc);
	f->files[f->nr++] = file;
}

/* The length of the first two names of a.b.c (all of a or a.b). */
static size_t root_len(const char *name)
{
	size_t n = strcspn(name, ".");

	if (name[n])
		n += 1 + strcspn(name + n + 1, ".");
	return n;
}

static void add_root(struct resolver *r, struct java_index *ix,
		     const char *name)
{
	size_t n = root_len(name);
	char *k;

	strbuf_reset(&ix->name);
	strbuf_add(&ix->name, name, n);
	if (strmap_get(&ix->roots, ix->name.buf))
		return;
	k = arena_strndup(&r->arena, name, n);
	strmap_put(&ix->roots, k, k);
}

int resolve_java_prepare(struct resolver *r)
{
	struct java_index *ix = NULL;
	struct strbuf fqn = STRBUF_INIT;

	if (!resolver_has_lang(r, "Java", 1) &&
	    !resolver_has_lang(r, "Kotlin", 1) &&
	    !resolver_has_lang(r, "Scala", 1))
		return 0;
	for (size_t i = 0; i < r->scan->nr; i++) {
		const struct scan_file *f = &r->scan->files[i];
		const char *base, *dot;
		size_t plen;

		if (f->status != FILE_COUNTED || !is_java_family(f->lang))
			continue;
		if (!ix) {
			ix = xcalloc(1, sizeof(*ix));
			strbuf_init(&ix->name, 0);
			r->java = ix;
		}
		base = strrchr(f->path, '/');
		base = base ? base + 1 : f->path;
		dot = strchr(base, '.');
		strbuf_reset(&fqn);
		if (f->package) {
			strbuf_addstr(&fqn, f->package);
			strbuf_addch(&fqn, '.');
			index_add(r, &ix->packages, f->package,
				  strlen(f->package), i);
		}
		plen = fqn.len;
		if (!strcmp(f->lang->name, "Java")) {
			strbuf_add(&fqn, base,
				   dot ? (size_t)(dot - base) : strlen(base));
			index_add(r, &ix->types, fqn.buf, fqn.len, i);
		}
		for (size_t k = 0; k < f->deps.nr; k++) {
			const struct dep_ref *d = &f->deps.refs[k];

			if (!(d->flags & DEP_DECLARES))
				continue;
			strbuf_setlen(&fqn, plen);
			strbuf_addstr(&fqn, d->target);
			index_add(r, &ix->types, fqn.buf, fqn.len, i);
		}
	}
	strbuf_release(&fqn);
	if (ix) {
		struct strmap_entry *e;

		strmap_for_each (&ix->types, e) {
			const char *dot = strrchr(e->key, '.');

			strmap_put(&ix->simple, dot ? dot + 1 : e->key,
				   e->value);
			add_root(r, ix, e->key);
		}
		strmap_for_each (&ix->packages, e)
			add_root(r, ix, e->key);
	}
	return 0;
}

static int add_all(struct resolve_out *out, const struct java_files *f)
{
	if (!f)
		return 0;
	for (size_t i = 0; i < f->nr; i++)
		resolve_out_add(out, f->files[i]);
	return 1;
}

/*
 * The type named by `name`, or the enclosing type of a nested one
 * (a.b.Outer.Inner is in Outer's file): drops trailing components until
 * a declared type matches or a declared package is reached.
 */
static int add_type(const struct java_index *ix, struct resolve_out *out,
		    struct strbuf *name)
{
	for (;;) {
		char *dot;

		if (add_all(out, strmap_get(&ix->types, name->buf)))
			return 1;
		if (strmap_get(&ix->packages, name->buf))
			return 0;
		dot = strrchr(name->buf, '.');
		if (!dot)
			return 0;
		strbuf_setlen(name, (size_t)(dot - name->buf));
	}
}

/* True when `name` or one of its prefixes is a package of the repo. */
static int in_repo_package(const struct java_index *ix, struct strbuf *name)
{
	for (;;) {
		char *dot;

		if (strmap_get(&ix->packages, name->buf))
			return 1;
		dot = strrchr(name->buf, '.');
		if (!dot)
			return 0;
		strbuf_setlen(name, (size_t)(dot - name->buf));
	}
}

/*
 * The external package of an import: its package part (the components
 * before the first capitalised one, the type by Java convention; all of
 * them for a package wildcard, all but the last otherwise), cut to its
 * first two components, which name the organisation and project
 * (org.springframework, com.google), or to the first for the platform's
 * own java, javax, kotlin and scala.
 */
static void add_external(struct resolver *r, struct resolve_out *out,
			 const char *name, int package_only)
{
	const char *p = name, *end = name + strlen(name), *stop = name;
	const char *last = strrchr(name, '.');
	int keep = 2, nr = 0;

	if (!package_only && last)
		end = last;
	if ((!strncmp(name, "java.", 5) || !strncmp(name, "javax.", 6) ||
	     !strncmp(name, "kotlin.", 7) || !strncmp(name, "scala.", 6)))
		keep = 1;
	for (;;) {
		const char *dot = memchr(p, '.', (size_t)(end - p));
		const char *seg_end = dot ? dot : end;

		if (nr && p < end && *p >= 'A' && *p <= 'Z')
			break; /* a type: the package ended before it */
		stop = seg_end;
		if (++nr == keep || !dot)
			break;
		p = dot + 1;
	}
	resolve_out_external(r, out, name, (size_t)(stop - name));
}

/* The simple name a single-type import makes visible. */
static const char *import_name(const struct dep_ref *d)
{
	const char *dot;

	if (d->name)
		return d->name; /* Kotlin's import a.B as C */
	dot = strrchr(d->target, '.');
	return dot ? dot + 1 : d->target;
}

/* Sets the scope to file `from`'s imports and declarations. */
static void scope_of(const struct resolver *r, struct java_scope *sc,
		     size_t from)
{
	const struct scan_file *f = &r->scan->files[from];

	if (sc->file == from + 1)
		return;
	sc->file = from + 1;
	sc->single_nr = sc->wild_nr = sc->own_nr = 0;
	for (size_t k = 0; k < f->deps.nr; k++) {
		const struct dep_ref *d = &f->deps.refs[k];

		if (d->flags & DEP_REFERENCE) {
			continue;
		} else if (d->flags & DEP_DECLARES) {
			/* kept by simple name: Outer.Inner is Inner */
			const char *dot = strrchr(d->target, '.');

			ALLOC_GROW(sc->own, sc->own_nr + 1, sc->own_alloc);
			sc->own[sc->own_nr++] = dot ? dot + 1 : d->target;
		} else if (d->flags & DEP_WILDCARD) {
			ALLOC_GROW(sc->wild, sc->wild_nr + 1, sc->wild_alloc);
			sc->wild[sc->wild_nr++] = d->target;
		} else {
			ALLOC_GROW(sc->single, sc->single_nr + 1,
				   sc->single_alloc);
			ALLOC_GROW(sc->single_name, sc->single_nr + 1,
				   sc->single_name_alloc);
			sc->single_name[sc->single_nr] = import_name(d);
			sc->single[sc->single_nr++] = d;
		}
	}
}

/*
 * A name the file uses: a capitalised first segment is a type looked up
 * in Java's order (a type the file declares, its single-type imports,
 * its package, its wildcard imports; java.lang and the rest are not of
 * the repository); a lowercase one is a qualified name, a.b.C.
 */
static void resolve_name(struct resolver *r, size_t from,
			 const struct dep_ref *d, struct resolve_out *out)
{
	struct java_index *ix = r->java;
	struct java_scope *sc = &ix->scope;
	const char *pkg = r->scan->files[from].package;
	struct strbuf *name = &ix->name;
	size_t n = strcspn(d->target, ".");

	out->quiet = 1;
	strbuf_reset(name);
	if (!(*d->target >= 'A' && *d->target <= 'Z')) {
		strbuf_addstr(name, d->target);
		add_type(ix, out, name);
		return;
	}
	scope_of(r, sc, from);
	for (size_t i = 0; i < sc->own_nr; i++) {
		const char *t = sc->own[i];

		if (*t == *d->target && !strncmp(t, d->target, n) && !t[n])
			return; /* its own type: no edge */
	}
	for (size_t i = 0; i < sc->single_nr; i++) {
		const struct dep_ref *imp = sc->single[i];
		const char *t = sc->single_name[i];

		if (*t != *d->target || strncmp(t, d->target, n) || t[n])
			continue;
		strbuf_addstr(name, imp->target);
		if (imp->flags & DEP_STATIC) {
			char *dot = strrchr(name->buf, '.');

			if (dot)
				strbuf_setlen(name, (size_t)(dot - name->buf));
		}
		add_type(ix, out, name);
		return;
	}
	/* most names are of no type of the repository: String, List, T */
	strbuf_add(name, d->target, n);
	if (!strmap_get(&ix->simple, name->buf))
		return;
	strbuf_reset(name);
	if (pkg) {
		strbuf_addstr(name, pkg);
		strbuf_addch(name, '.');
	}
	strbuf_add(name, d->target, n);
	if (add_all(out, strmap_get(&ix->types, name->buf)))
		return;
	for (size_t i = 0; i < sc->wild_nr; i++) {
		strbuf_reset(name);
		strbuf_addstr(name, sc->wild[i]);
		strbuf_addch(name, '.');
		strbuf_add(name, d->target, n);
		if (add_all(out, strmap_get(&ix->types, name->buf)))
			return;
	}
}

void resolve_java(struct resolver *r, size_t from, const struct dep_ref *d,
		  struct resolve_out *out)
{
	const struct java_index *ix = r->java;
	struct strbuf name = STRBUF_INIT;
	int wildcard = d->flags & DEP_WILDCARD;
	int is_static = d->flags & DEP_STATIC;

	if (d->kind != DEP_IMPORT || !ix || !*d->target)
		goto done;
	if (d->flags & DEP_REFERENCE) {
		resolve_name(r, from, d, out);
		goto done;
	}
	/* most imports are of other projects: one look-up says so */
	strbuf_add(&name, d->target, root_len(d->target));
	if (!strmap_get(&ix->roots, name.buf)) {
		add_external(r, out, d->target, wildcard && !is_static);
		goto done;
	}
	strbuf_reset(&name);
	strbuf_addstr(&name, d->target);
	if (wildcard && !is_static && strmap_get(&ix->packages, name.buf)) {
		out->quiet = 1; /* only the names used make edges */
		goto done;
	}
	if (is_static && !wildcard) {
		/* import static a.b.C.m: the member's class */
		char *dot = strrchr(name.buf, '.');

		if (dot)
			strbuf_setlen(&name, (size_t)(dot - name.buf));
	}
	if (add_type(ix, out, &name))
		goto done;
	strbuf_reset(&name);
	strbuf_addstr(&name, d->target);
	if (in_repo_package(ix, &name))
		goto done; /* in the repository, in no file found: unresolved */
	add_external(r, out, d->target, wildcard && !is_static);
done:
	strbuf_release(&name);
}

void resolve_java_release(struct resolver *r)
{
	struct java_index *ix = r->java;
	struct strmap_entry *e;

	if (!ix)
		return;
	strmap_for_each (&ix->types, e) {
		struct java_files *f = e->value;

		free(f->files);
	}
	strmap_for_each (&ix->packages, e) {
		struct java_files *f = e->value;

		free(f->files);
	}
	strmap_release(&ix->types);
	strmap_release(&ix->packages);
	strmap_release(&ix->simple);
	strmap_release(&ix->roots);
	free(ix->scope.single);
	free(ix->scope.single_name);
	free(ix->scope.wild);
	free(ix->scope.own);
	strbuf_release(&ix->name);
	free(ix);
	r->java = NULL;
}
