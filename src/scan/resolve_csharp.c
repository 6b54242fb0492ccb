/*
 * The C# resolver: an index, built once per scan, of the namespaces the
 * files declare and of the types declared in each (a partial type in
 * every file that holds a part of it). A using of a repository namespace
 * makes no edge by itself: the names a file uses do, looked up in C#'s
 * order: the enclosing namespaces, innermost first, down to the global
 * one; the file's aliases; the namespaces of its usings and of the
 * global usings of the files above it. `using static` and the alias of a
 * type link to the type's files. The rest is an external package, named
 * by its first component.
 */
#include <string.h>

#include "carve/deps.h"
#include "carve/language.h"
#include "carve/resolve.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/* A type by its simple name: where it is declared, and by which files. */
struct cs_cand {
	const char *container; /* its namespace, or Namespace.Outer */
	size_t len;
	const struct resolve_files *files;
};

/*
 * A simple name: the types of that name (none when the name is only a
 * part or an attribute's), whether it is a part of a declared namespace
 * (A, B of A.B), and the types named NameAttribute: one look-up each.
 */
struct cs_cands {
	struct cs_cand *v; /* &one while there is one (most names) */
	size_t nr, alloc;
	struct cs_cand one;
	int part;
	const struct cs_cands *attr;
};

/* A global using: the namespace every C# file under dir sees. */
struct cs_global {
	const char *dir; /* "" at the root, else "a/b/" */
	const char *ns;
};

/*
 * What a using of a namespace (or a type no file declares) resolves to:
 * it depends on its target alone, and files repeat the same few.
 */
struct cs_using {
	const char *external; /* in the resolver's arena, or NULL */
	int quiet;
};

/* The usings of the file whose names are being resolved. */
struct cs_scope {
	size_t file; /* plus one; 0 before the first */
	const char **usings;
	size_t *usings_len; /* strlen of each */
	size_t usings_nr, usings_alloc, usings_len_alloc;
	const struct dep_ref **aliases;
	size_t aliases_nr, aliases_alloc;
	const char **nested; /* the nested types the file declares: Inner */
	size_t nested_nr, nested_alloc;
	/*
	 * the last namespace names were used in (the file's names come
	 * namespace by namespace) and the lengths of it and of each
	 * namespace enclosing it, innermost first, down to 0 (the global)
	 */
	const char *ns;
	size_t *ns_lens;
	size_t ns_nr, ns_alloc;
};

struct cs_state {
	struct strmap namespaces; /* A.B -> struct resolve_files declaring it */
	struct strmap prefixes; /* A, A.B: declared or enclosing one */
	struct strmap types; /* A.B.C, nested A.B.C.D -> struct resolve_files */
	/* C, D; A, B of namespace A.B; N of NAttribute -> struct cs_cands */
	struct strmap simple;
	/* a using's target -> struct cs_using: what it resolved to */
	struct strmap usings;
	/* the external packages those name (System), each kept once */
	struct strmap externals;
	struct cs_global *globals;
	size_t globals_nr, globals_alloc;
	struct cs_scope scope;
	struct strbuf name; /* scratch */
	struct strbuf attr; /* NameAttribute */
};

static int lang_is(const struct scan_file *f, const char *name)
{
	return f->status == FILE_COUNTED && f->lang &&
	       !strcmp(f->lang->name, name);
}

/* The entry of simple name name[0..n), made when absent. */
static struct cs_cands *simple_entry(struct resolver *r, struct cs_state *st,
				     const char *name, size_t n)
{
	struct cs_cands *c = strmap_get_len(&st->simple, name, n);

	if (!c) {
		c = arena_alloc(&r->arena, sizeof(*c)); /* zeroed */
		strmap_put(&st->simple, arena_strndup(&r->arena, name, n), c);
	}
	return c;
}

static struct resolve_files *files_add(struct resolver *r, struct strmap *map,
				       const char *key, size_t file)
{
	unsigned long long hash;
	struct strmap_entry *e = strmap_find(map, key, &hash);
	struct resolve_files *files = e && e->key ? e->value : NULL;

	if (!files) {
		files = arena_alloc(&r->arena, sizeof(*files));
		strmap_add(map, e, arena_strdup(&r->arena, key), hash, files);
	}
	resolve_files_push(files, file);
	return files;
}

static void add_namespace(struct resolver *r, struct cs_state *st,
			  const char *ns, size_t file)
{
	struct resolve_files *files;
	char *key;

	if (!*ns)
		return;
	files = strmap_get(&st->namespaces, ns);
	if (!files) {
		files = files_add(r, &st->namespaces, ns, file);
		for (const char *p = ns; *p;) {
			size_t n = strcspn(p, ".");

			simple_entry(r, st, p, n)->part = 1;
			p += n + (p[n] == '.');
		}
		key = arena_strdup(&r->arena, ns);
		for (char *p = key; *p; p++)
			if (*p == '.')
				strmap_put(&st->prefixes,
					   arena_strndup(&r->arena, key,
							 (size_t)(p - key)),
					   files);
		strmap_put(&st->prefixes, key, files);
	} else {
		resolve_files_push(files, file);
	}
}

/* The simple-name index: C -> where each type named C is declared. */
static void index_simple(struct resolver *r, struct cs_state *st)
{
	struct strmap_entry *e;

	strmap_for_each (&st->types, e) {
		const char *dot = strrchr(e->key, '.');
		const char *name = dot ? dot + 1 : e->key;
		unsigned long long hash;
		struct strmap_entry *s = strmap_find(&st->simple, name, &hash);
		struct cs_cands *c = s && s->key ? s->value : NULL;
		struct cs_cand *x;

		if (!c) {
			c = arena_alloc(&r->arena, sizeof(*c)); /* zeroed */
			strmap_add(&st->simple, s, name, hash, c);
		}
		if (!c->nr) {
			size_t n = strlen(name);

			/* the first type of this name: [N] may stand for it */
			if (n > 9 && !strcmp(name + n - 9, "Attribute"))
				simple_entry(r, st, name, n - 9)->attr = c;
			c->v = &c->one;
		} else if (c->v == &c->one) {
			c->alloc = 4;
			c->v = xmalloc(c->alloc * sizeof(*c->v));
			c->v[0] = c->one;
		} else {
			ALLOC_GROW(c->v, c->nr + 1, c->alloc);
		}
		x = &c->v[c->nr++];
		x->container = e->key;
		x->len = dot ? (size_t)(dot - e->key) : 0;
		x->files = e->value;
	}
}

int resolve_csharp_prepare(struct resolver *r)
{
	struct cs_state *st = NULL;
	struct strbuf key = STRBUF_INIT;

	for (size_t i = 0; i < r->scan->nr; i++) {
		const struct scan_file *f = &r->scan->files[i];
		/* the file's last namespace: its types repeat it */
		const char *ns = NULL;

		if (!lang_is(f, "C#"))
			continue;
		if (!st) {
			st = xcalloc(1, sizeof(*st));
			strbuf_init(&st->name, 0);
			strbuf_init(&st->attr, 0);
			r->csharp = st;
		}
		for (size_t k = 0; k < f->deps.nr; k++) {
			const struct dep_ref *d = &f->deps.refs[k];

			if ((d->flags & DEP_GLOBAL) &&
			    !(d->flags & DEP_STATIC) && !d->name) {
				const char *slash = strrchr(f->path, '/');
				struct cs_global *g;

				ALLOC_GROW(st->globals, st->globals_nr + 1,
					   st->globals_alloc);
				g = &st->globals[st->globals_nr++];
				g->dir = arena_strndup(
					&r->arena, f->path,
					slash ? (size_t)(slash - f->path) + 1
					      : 0);
				g->ns = d->target;
			}
			if (!(d->flags & DEP_DECLARES))
				continue;
			/* already added for this file: the push adds once */
			if (!ns || strcmp(ns, d->target))
				add_namespace(r, st, d->target, i);
			ns = d->target;
			if (!d->name)
				continue;
			strbuf_reset(&key);
			if (*d->target) {
				strbuf_addstr(&key, d->target);
				strbuf_addch(&key, '.');
			}
			strbuf_addstr(&key, d->name);
			files_add(r, &st->types, key.buf, i);
		}
	}
	strbuf_release(&key);
	if (st)
		index_simple(r, st);
	return 0;
}

/*
 * Looks name A.B.C up from namespace base[0..len) (empty: the global
 * one): the first prefix that names a type links to its files (the
 * rest is nested in it, or a member); a prefix that names a namespace
 * goes on. Returns 0 when no type is found.
 */
static int cs_walk(struct cs_state *st, struct resolve_out *out,
		   const char *base, size_t len, const char *name)
{
	struct strbuf *sb = &st->name;
	const char *p = name;

	strbuf_reset(sb);
	strbuf_add(sb, base, len);
	for (;;) {
		size_t n = strcspn(p, ".");

		if (sb->len)
			strbuf_addch(sb, '.');
		strbuf_add(sb, p, n);
		if (resolve_files_out(out, strmap_get(&st->types, sb->buf)))
			return 1;
		if (!p[n] || !strmap_get(&st->prefixes, sb->buf))
			return 0;
		p += n + 1;
	}
}

/* Sets the scope to file `from`'s usings, aliases and global usings. */
static void scope_of(const struct resolver *r, struct cs_state *st, size_t from)
{
	struct cs_scope *sc = &st->scope;
	const struct scan_file *f = &r->scan->files[from];

	if (sc->file == from + 1)
		return;
	sc->file = from + 1;
	sc->usings_nr = sc->aliases_nr = sc->nested_nr = 0;
	for (size_t k = 0; k < f->deps.nr; k++) {
		const struct dep_ref *d = &f->deps.refs[k];
		const char *dot;

		if ((d->flags & DEP_DECLARES) && d->name &&
		    (dot = strrchr(d->name, '.'))) {
			ALLOC_GROW(sc->nested, sc->nested_nr + 1,
				   sc->nested_alloc);
			sc->nested[sc->nested_nr++] = dot + 1;
		}
		if (d->flags & (DEP_REFERENCE | DEP_DECLARES | DEP_STATIC))
			continue;
		if (d->name) {
			ALLOC_GROW(sc->aliases, sc->aliases_nr + 1,
				   sc->aliases_alloc);
			sc->aliases[sc->aliases_nr++] = d;
		} else if (!(d->flags & DEP_GLOBAL)) {
			ALLOC_GROW(sc->usings, sc->usings_nr + 1,
				   sc->usings_alloc);
			ALLOC_GROW(sc->usings_len, sc->usings_nr + 1,
				   sc->usings_len_alloc);
			sc->usings_len[sc->usings_nr] = strlen(d->target);
			sc->usings[sc->usings_nr++] = d->target;
		}
	}
	for (size_t i = 0; i < st->globals_nr; i++) {
		const struct cs_global *g = &st->globals[i];

		if (strncmp(f->path, g->dir, strlen(g->dir)))
			continue;
		ALLOC_GROW(sc->usings, sc->usings_nr + 1, sc->usings_alloc);
		ALLOC_GROW(sc->usings_len, sc->usings_nr + 1,
			   sc->usings_len_alloc);
		sc->usings_len[sc->usings_nr] = strlen(g->ns);
		sc->usings[sc->usings_nr++] = g->ns;
	}
}

/* Adds the files of the candidates declared in container[0..len). */
static int add_in(struct resolve_out *out, const struct cs_cands *c,
		  const char *container, size_t len)
{
	int found = 0;

	for (size_t i = 0; c && i < c->nr; i++)
		if (c->v[i].len == len &&
		    !memcmp(c->v[i].container, container, len))
			found = resolve_files_out(out, c->v[i].files);
	return found;
}

/*
 * Type t used in namespace ns ("" for the global one). Most names are of
 * no type of the repository (String, List, a local): one look-up in the
 * simple-name index sends them away.
 */
static void resolve_type(struct resolver *r, size_t from, const char *ns,
			 const char *t, size_t n, const struct cs_cands *e,
			 struct resolve_out *out)
{
	struct cs_state *st = r->csharp;
	struct cs_scope *sc = &st->scope;
	const struct cs_cands *cands = e && e->nr ? e : NULL;
	int part = t[n] && e && e->part;

	/* t[0..n) is its first name, e that name's entry (or NULL) */
	out->quiet = 1;
	scope_of(r, st, from);
	if (!cands && !part && !sc->aliases_nr)
		return;
	/* a type nested in the file's types comes before the namespaces' */
	for (size_t i = 0; i < sc->nested_nr; i++)
		if (!strncmp(sc->nested[i], t, n) && !sc->nested[i][n])
			return;
	/* the enclosing namespaces, innermost first, then the global one */
	if (sc->ns != ns) {
		size_t len = strlen(ns);

		sc->ns = ns;
		sc->ns_nr = 0;
		for (;;) {
			ALLOC_GROW(sc->ns_lens, sc->ns_nr + 1, sc->ns_alloc);
			sc->ns_lens[sc->ns_nr++] = len;
			if (!len)
				break;
			while (len && ns[len - 1] != '.')
				len--;
			if (len)
				len--;
		}
	}
	for (size_t i = 0; i < sc->ns_nr; i++) {
		if (add_in(out, cands, ns, sc->ns_lens[i]))
			return;
		if (part && cs_walk(st, out, ns, sc->ns_lens[i], t))
			return;
	}
	for (size_t i = 0; i < sc->aliases_nr; i++) {
		const struct dep_ref *a = sc->aliases[i];
		struct strbuf full = STRBUF_INIT;

		if (strncmp(a->name, t, n) || a->name[n])
			continue;
		strbuf_addstr(&full, a->target);
		strbuf_addstr(&full, t + n);
		cs_walk(st, out, "", 0, full.buf);
		strbuf_release(&full);
		return;
	}
	/*
	 * a using imports a namespace's types, not its namespaces: each
	 * candidate declared in one of them (a loop per candidate, most
	 * names have one, not a call per using)
	 */
	for (size_t k = 0; cands && k < cands->nr; k++) {
		const struct cs_cand *x = &cands->v[k];

		for (size_t i = 0; i < sc->usings_nr; i++)
			if (sc->usings_len[i] == x->len &&
			    !memcmp(sc->usings[i], x->container, x->len)) {
				resolve_files_out(out, x->files);
				break;
			}
	}
}

/*
 * A name the file uses, in the namespace d->name (NULL: the global one);
 * when it names no type, an attribute's [Name] may stand for
 * NameAttribute (the lexer does not know an attribute from a type).
 */
static void resolve_name(struct resolver *r, size_t from,
			 const struct dep_ref *d, struct resolve_out *out)
{
	struct cs_state *st = r->csharp;
	const char *ns = d->name ? d->name : "", *t = d->target;
	size_t n = strcspn(t, ".");
	const struct cs_cands *e = strmap_get_len(&st->simple, t, n);

	resolve_type(r, from, ns, t, n, e, out);
	if (out->nr || t[n] || !e || !e->attr)
		return;
	strbuf_reset(&st->attr);
	strbuf_add(&st->attr, t, n);
	strbuf_addstr(&st->attr, "Attribute");
	resolve_type(r, from, ns, st->attr.buf, st->attr.len, e->attr, out);
}

/*
 * True when `name` is a declared namespace, encloses one (Acme for
 * Acme.Orders), or lies in one (Acme.Orders.Missing).
 */
static int cs_in_repo(const struct cs_state *st, const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	int ret = 0;

	strbuf_addstr(&sb, name);
	for (;;) {
		char *dot;

		if (strmap_get(&st->prefixes, sb.buf) &&
		    (sb.len == strlen(name) ||
		     strmap_get(&st->namespaces, sb.buf))) {
			ret = 1;
			break;
		}
		dot = strrchr(sb.buf, '.');
		if (!dot)
			break;
		strbuf_setlen(&sb, (size_t)(dot - sb.buf));
	}
	strbuf_release(&sb);
	return ret;
}

/* Package t[0..n), one copy of each: resolve_all() tallies by pointer. */
static const char *external_of(struct resolver *r, struct cs_state *st,
			       const char *t, size_t n)
{
	char *name = strmap_get_len(&st->externals, t, n);

	if (!name) {
		name = arena_strndup(&r->arena, t, n);
		strmap_put(&st->externals, name, name);
	}
	return name;
}

/* What a using of namespace t resolves to, worked out once per target. */
static const struct cs_using *using_of(struct resolver *r, struct cs_state *st,
				       const char *t)
{
	unsigned long long hash;
	struct strmap_entry *e = strmap_find(&st->usings, t, &hash);
	struct cs_using *u;
	size_t n;

	if (e && e->key)
		return e->value;
	u = arena_alloc(&r->arena, sizeof(*u)); /* zeroed */
	strmap_add(&st->usings, e, arena_strdup(&r->arena, t), hash, u);
	/*
	 * every prefix of a declared namespace is in st->prefixes, its first
	 * name too: most usings (System...) are sent away by that one
	 */
	n = strcspn(t, ".");
	if (!strmap_get_len(&st->prefixes, t, n))
		u->external = external_of(r, st, t, n);
	else if (strmap_get(&st->prefixes, t))
		u->quiet = 1; /* a namespace: the names used make edges */
	else if (!cs_in_repo(st, t)) /* else of the repository, unresolved */
		u->external = external_of(r, st, t, n);
	return u;
}

void resolve_csharp(struct resolver *r, size_t from, const struct dep_ref *d,
		    struct resolve_out *out)
{
	struct cs_state *st = r->csharp;
	const char *t = d->target;
	int type = (d->flags & DEP_STATIC) || d->name;
	const struct cs_using *u;

	if (!st || d->kind != DEP_IMPORT || (d->flags & DEP_DECLARES) || !*t)
		return;
	if (d->flags & DEP_REFERENCE) {
		resolve_name(r, from, d, out);
		return;
	}
	/* using static A.B.C, or an alias of a type: using X = A.B.C */
	if (type && cs_walk(st, out, "", 0, t))
		return;
	u = using_of(r, st, t);
	if (u->quiet)
		out->quiet = 1;
	if (u->external)
		out->external = u->external;
}

const size_t *resolve_csharp_type(const struct resolver *r, const char *name,
				  size_t *nr)
{
	const struct cs_state *st = r->csharp;
	const struct resolve_files *f = st ? strmap_get(&st->types, name)
					   : NULL;

	*nr = f ? f->nr : 0;
	return f ? f->files : NULL;
}

void resolve_csharp_release(struct resolver *r)
{
	struct cs_state *st = r->csharp;
	struct strmap_entry *e;

	if (!st)
		return;
	strmap_for_each (&st->namespaces, e)
		resolve_files_release(e->value);
	strmap_for_each (&st->types, e)
		resolve_files_release(e->value);
	strmap_release(&st->namespaces);
	strmap_release(&st->prefixes);
	strmap_for_each (&st->simple, e) {
		struct cs_cands *c = e->value;

		if (c->v != &c->one)
			free(c->v);
	}
	strmap_release(&st->types);
	strmap_release(&st->simple);
	strmap_release(&st->usings);
	strmap_release(&st->externals);
	free(st->globals);
	free(st->scope.usings);
	free(st->scope.usings_len);
	free(st->scope.aliases);
	free(st->scope.nested);
	free(st->scope.ns_lens);
	strbuf_release(&st->name);
	strbuf_release(&st->attr);
	free(st);
	r->csharp = NULL;
}
