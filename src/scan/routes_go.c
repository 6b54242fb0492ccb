/*
 * Go endpoints: net/http (http.HandleFunc("/x", h), Go 1.22 patterns
 * "GET /x"), gorilla/mux (HandleFunc(...).Methods(...), PathPrefix
 * subrouters), chi (Get, Route, Group), gin and echo (GET, groups held
 * in variables) and gitea's router (m.Group("/x", func() {...}),
 * m.Combo("/x").Get(...).Post(...), m.Methods("HEAD,GET", "/x")), with
 * group prefixes composed and the bodies of local closures that declare
 * routes walked where they are called, under the caller's prefix.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/api.h"
#include "carve/arena.h"
#include "carve/srctok.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

/* The method a router function declares, "ANY", or NULL. */
static const char *verb(const struct tok *t)
{
	static const char *const names[] = {
		"Get",	   "Post",    "Put",  "Delete", "Patch",     "Head",
		"Options", "GET",     "POST", "PUT",	"DELETE",    "PATCH",
		"HEAD",	   "OPTIONS", "Any",  "Handle", "HandleFunc"
	};
	static const char *const methods[] = {
		"GET",	   "POST",    "PUT",  "DELETE", "PATCH",  "HEAD",
		"OPTIONS", "GET",     "POST", "PUT",	"DELETE", "PATCH",
		"HEAD",	   "OPTIONS", "ANY",  "ANY",	"ANY"
	};

	if (t->kind != TOK_IDENT)
		return NULL;
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (tok_is(t, names[i]))
			return methods[i];
	return NULL;
}

struct closure {
	size_t lo, hi; /* the body, braces excluded */
	int walking; /* on the walk's stack (walk_body()) */
};

/* A top-level function: its name and body, to scope its endpoints. */
struct gofunc {
	const char *name;
	size_t lo, hi;
	/* " F G ": the functions of the file reaching it through calls */
	const char *callers;
	int mounted; /* r.Mount("/x", f()) in the file: walked there only */
	int walking; /* on the walk's stack (walk_body()) */
};

#define MAX_SCOPED_FUNCS 256

#define MAX_IMPORTS 128

struct gowalk {
	struct api_file *out;
	struct arena *arena;
	const char *file;
	size_t budget; /* tokens the walks may still visit */
	struct rtoks t;
	struct gofunc *funcs;
	size_t funcs_nr;
	const char *imports[MAX_IMPORTS][2]; /* alias, import path */
	size_t imports_nr;
	struct strmap vars; /* group variable -> its prefix */
	struct strmap closures; /* local func literal -> struct closure */
};

static const struct tok *at(const struct gowalk *w, size_t i)
{
	static const struct tok eof = { TOK_EOF, 0, "", 0, 0, 0 };

	return i < w->t.nr ? &w->t.v[i] : &eof;
}

static const char *key(struct gowalk *w, const struct tok *t)
{
	return arena_strndup(w->arena, t->p, t->n);
}

/* The body of the first func literal among tokens [lo, hi). */
static int func_body(const struct gowalk *w, size_t lo, size_t hi, size_t *blo,
		     size_t *bhi)
{
	for (size_t i = lo; i < hi; i++) {
		if (!tok_is(at(w, i), "func") || !tok_punct(at(w, i + 1), '('))
			continue;
		for (size_t j = w->t.match[i + 1] + 1; j < hi; j++)
			if (tok_punct(at(w, j), '{')) {
				*blo = j + 1;
				*bhi = w->t.match[j];
				return 0;
			} else if (tok_punct(at(w, j), '(')) {
				j = w->t.match[j];
			}
		return -1;
	}
	return -1;
}

static void emit(struct gowalk *w, const char *method, const char *base,
		 const struct tok *p)
{
	const char *m = method, *s = p->p;
	size_t n = p->n;
	const char *full;

	/* "GET /orders/{id}" (Go 1.22 ServeMux) */
	if (!strcmp(m, "ANY"))
		for (size_t i = 0; i + 1 < n; i++)
			if (s[i] == ' ' && s[i + 1] == '/') {
				m = arena_strndup(w->arena, s, i);
				s += i + 1;
				n -= i + 1;
				break;
			}
	/* ".{diffType}" is appended to the group's path as it is */
	if (n && s[0] != '/' && !(s[0] == '.' && *base))
		return;
	if (!n && !*base)
		return;
	full = path_join(w->arena, base, s, n);
	if (!*full)
		full = "/";
	api_file_add(w->out, w->arena, m, full, strlen(full), "go", p->line);
	for (size_t i = 0, at = (size_t)(p - w->t.v); i < w->funcs_nr; i++)
		if (at >= w->funcs[i].lo && at < w->funcs[i].hi)
			w->out->ep[w->out->nr - 1].scope = w->funcs[i].callers;
}

/* r.Mount("/api/v1", apiv1.Routes()): a mount of that package's function */
static void walk(struct gowalk *w, size_t lo, size_t hi, const char *prefix,
		 int depth);

/*
 * Walks a body that is walked where it is called or mounted, unless it
 * is already on the walk's stack: recursion would repeat its prefixes.
 */
static void walk_body(struct gowalk *w, int *walking, size_t lo, size_t hi,
		      const char *prefix, int depth)
{
	if (*walking)
		return;
	*walking = 1;
	walk(w, lo, hi, prefix, depth + 1);
	*walking = 0;
}

static void mount(struct gowalk *w, size_t open, const char *base, int depth)
{
	const struct tok *p = at(w, open + 1), *pkg = at(w, open + 3);
	struct strbuf sb = STRBUF_INIT;

	if (p->kind != TOK_STRING || !tok_punct(at(w, open + 2), ',') ||
	    pkg->kind != TOK_IDENT)
		return;
	if (tok_punct(at(w, open + 4), '(')) {
		/* r.Mount("/admin", adminRouter()): a function of the
		 * package, in this file or another of its folder */
		const char *slash = strrchr(w->file, '/');
		struct gofunc *f = NULL;

		for (size_t i = 0; i < w->funcs_nr; i++)
			if (tok_is(pkg, w->funcs[i].name))
				f = &w->funcs[i];
		if (f) {
			walk_body(w, &f->walking, f->lo, f->hi,
				  path_join(w->arena, base, p->p, p->n), depth);
			return;
		}
		strbuf_addf(&sb, "godir:%.*s#%.*s",
			    slash ? (int)(slash - w->file) : 0, w->file,
			    (int)pkg->n, pkg->p);
		api_file_add_mount(w->out, w->arena,
				   path_join(w->arena, base, p->p, p->n),
				   sb.buf, p->line);
		strbuf_release(&sb);
		return;
	}
	if (!tok_punct(at(w, open + 4), '.') ||
	    at(w, open + 5)->kind != TOK_IDENT ||
	    !tok_punct(at(w, open + 6), '('))
		return;
	for (size_t i = 0; i < w->imports_nr; i++)
		if (tok_is(pkg, w->imports[i][0])) {
			strbuf_addf(&sb, "gofunc:%s#%.*s", w->imports[i][1],
				    (int)at(w, open + 5)->n, at(w, open + 5)->p);
			api_file_add_mount(w->out, w->arena,
					   path_join(w->arena, base, p->p,
						     p->n),
					   sb.buf, p->line);
			break;
		}
	strbuf_release(&sb);
}

/* The prefix routes declared on receiver token r get. */
static const char *base_of(struct gowalk *w, const struct tok *r,
			   const char *prefix)
{
	const char *v;

	if (r->kind != TOK_IDENT)
		return prefix;
	v = strmap_get(&w->vars, arena_strndup(w->arena, r->p, r->n));
	return v ? v : prefix;
}

static void walk(struct gowalk *w, size_t lo, size_t hi, const char *prefix,
		 int depth);

/* recv.Name(args) at i (recv), i+2 (Name), i+3 '('; returns the next index. */
static size_t call(struct gowalk *w, size_t i, const char *prefix, int depth)
{
	const struct tok *recv = at(w, i), *name = at(w, i + 2);
	size_t open = i + 3, close = w->t.match[open];
	const struct tok *a1 = at(w, open + 1);
	const char *base = base_of(w, recv, prefix), *m;
	size_t blo, bhi;

	if ((tok_is(name, "Group") || tok_is(name, "Route")) &&
	    !func_body(w, open + 1, close, &blo, &bhi)) {
		const char *p = base;

		if (a1->kind == TOK_STRING)
			p = path_join(w->arena, base, a1->p, a1->n);
		walk(w, blo, bhi, p, depth + 1);
		return close + 1;
	}
	if (tok_is(name, "Mount")) {
		mount(w, open, base, depth);
		return close + 1;
	}
	if (tok_is(name, "Combo") && a1->kind == TOK_STRING) {
		size_t k = close + 1;

		while (tok_punct(at(w, k), '.') && verb(at(w, k + 1)) &&
		       tok_punct(at(w, k + 2), '(')) {
			emit(w, verb(at(w, k + 1)), base, a1);
			k = w->t.match[k + 2] + 1;
		}
		return k;
	}
	if (tok_is(name, "Methods") && a1->kind == TOK_STRING &&
	    tok_punct(at(w, open + 2), ',') &&
	    at(w, open + 3)->kind == TOK_STRING) {
		/* gitea: m.Methods("HEAD,GET", "/archive", ...) */
		const char *s = a1->p, *end = a1->p + a1->n;

		while (s < end) {
			const char *c = memchr(s, ',', (size_t)(end - s));

			if (!c)
				c = end;
			if (c > s)
				emit(w,
				     arena_strndup(w->arena, s,
						   (size_t)(c - s)),
				     base, at(w, open + 3));
			s = c + 1;
		}
		return close + 1;
	}
	/* http.Get("/x") and client.Post(...) are calls, not routes */
	if ((m = verb(name)) && a1->kind == TOK_STRING &&
	    (!strcmp(m, "ANY") ||
	     (!tok_is(recv, "http") && !tok_is(recv, "client")))) {
		size_t k = close + 1;

		/* gorilla: r.HandleFunc("/x", h).Methods("GET", "POST") */
		if (!strcmp(m, "ANY") && tok_punct(at(w, k), '.') &&
		    tok_is(at(w, k + 1), "Methods") &&
		    tok_punct(at(w, k + 2), '(')) {
			size_t e = w->t.match[k + 2];

			for (size_t j = k + 3; j < e; j++)
				if (at(w, j)->kind == TOK_STRING)
					emit(w,
					     arena_strndup(w->arena,
							   at(w, j)->p,
							   at(w, j)->n),
					     base, a1);
			return e + 1;
		}
		emit(w, m, base, a1);
		return close + 1;
	}
	return open + 1;
}

static void walk(struct gowalk *w, size_t lo, size_t hi, const char *prefix,
		 int depth)
{
	if (depth > 32)
		return;
	for (size_t i = lo; i < hi && i < w->t.nr;) {
		const struct tok *t = at(w, i);
		size_t blo, bhi;
		int skip = 0;

		/* closures calling closures: re-walks are bounded */
		if (!w->budget)
			return;
		w->budget--;

		/* a function mounted in the file is walked at its mount */
		for (size_t k = 0; k < w->funcs_nr && !depth; k++)
			if (w->funcs[k].mounted && i == w->funcs[k].lo) {
				i = w->funcs[k].hi;
				skip = 1;
			}
		if (skip)
			continue;

		/* name := func(...) {...}: walked where it is called */
		if (t->kind == TOK_IDENT && tok_punct(at(w, i + 1), ':') &&
		    tok_punct(at(w, i + 2), '=') &&
		    tok_is(at(w, i + 3), "func") &&
		    tok_punct(at(w, i + 4), '(') &&
		    !func_body(w, i + 3, hi, &blo, &bhi)) {
			struct closure *c = arena_alloc(w->arena, sizeof(*c));

			c->lo = blo;
			c->hi = bhi;
			c->walking = 0;
			strmap_put(&w->closures, key(w, t), c);
			i = bhi + 1;
			continue;
		}
		/* g := r.Group("/v1") (gin, echo), s := r.PathPrefix("/x")... */
		if (t->kind == TOK_IDENT && tok_punct(at(w, i + 1), ':') &&
		    tok_punct(at(w, i + 2), '=') &&
		    at(w, i + 3)->kind == TOK_IDENT &&
		    tok_punct(at(w, i + 4), '.') &&
		    (tok_is(at(w, i + 5), "Group") ||
		     tok_is(at(w, i + 5), "PathPrefix")) &&
		    tok_punct(at(w, i + 6), '(') &&
		    at(w, i + 7)->kind == TOK_STRING &&
		    func_body(w, i + 7, w->t.match[i + 6], &blo, &bhi)) {
			const struct tok *s = at(w, i + 7);

			strmap_put(&w->vars, key(w, t),
				   (void *)path_join(w->arena,
						     base_of(w, at(w, i + 3),
							     prefix),
						     s->p, s->n));
			i = w->t.match[i + 6] + 1;
			continue;
		}
		if ((t->kind == TOK_IDENT || tok_punct(t, ')')) &&
		    tok_punct(at(w, i + 1), '.') &&
		    at(w, i + 2)->kind == TOK_IDENT &&
		    tok_punct(at(w, i + 3), '(')) {
			i = call(w, i, prefix, depth);
			continue;
		}
		if (t->kind == TOK_IDENT && tok_punct(at(w, i + 1), '(') &&
		    (i == 0 || !tok_punct(at(w, i - 1), '.'))) {
			struct closure *c = strmap_get(&w->closures, key(w, t));

			if (c) {
				walk_body(w, &c->walking, c->lo, c->hi, prefix,
					  depth);
				i = w->t.match[i + 1] + 1;
				continue;
			}
		}
		i++;
	}
}

static void import_one(struct gowalk *w, const struct tok *alias,
		       const struct tok *path)
{
	const char *slash;
	size_t n;

	if (w->imports_nr == MAX_IMPORTS || path->kind != TOK_STRING)
		return;
	if (alias) {
		w->imports[w->imports_nr][0] =
			arena_strndup(w->arena, alias->p, alias->n);
	} else {
		slash = memrchr(path->p, '/', path->n);
		n = slash ? path->n - (size_t)(slash + 1 - path->p) : path->n;
		w->imports[w->imports_nr][0] = arena_strndup(
			w->arena, slash ? slash + 1 : path->p, n);
	}
	w->imports[w->imports_nr++][1] =
		arena_strndup(w->arena, path->p, path->n);
}

/* The imports and the top-level functions of the file. */
static void scan_decls(struct gowalk *w)
{
	size_t alloc = 0;

	for (size_t i = 0; i < w->t.nr; i++) {
		const struct tok *t = at(w, i);

		if (tok_punct(t, '{') || tok_punct(t, '(') ||
		    tok_punct(t, '[')) {
			i = w->t.match[i];
			continue;
		}
		if (tok_is(t, "import")) {
			if (tok_punct(at(w, i + 1), '(')) {
				size_t close = w->t.match[i + 1];

				for (size_t k = i + 2; k < close; k++)
					if (at(w, k)->kind == TOK_STRING)
						import_one(w,
							   at(w, k - 1)->kind ==
									   TOK_IDENT
								   ? at(w, k - 1)
								   : NULL,
							   at(w, k));
				i = close;
			} else if (at(w, i + 1)->kind == TOK_IDENT) {
				import_one(w, at(w, i + 1), at(w, i + 2));
			} else {
				import_one(w, NULL, at(w, i + 1));
			}
			continue;
		}
		if (tok_is(t, "func")) {
			size_t k = i + 1, body;

			/* func (r *T) Name(...) */
			if (tok_punct(at(w, k), '('))
				k = w->t.match[k] + 1;
			if (at(w, k)->kind != TOK_IDENT)
				continue;
			for (body = k + 1; body < w->t.nr &&
					   !tok_punct(at(w, body), '{');
			     body++)
				if (tok_punct(at(w, body), '('))
					body = w->t.match[body];
			if (body >= w->t.nr)
				break;
			if (w->funcs_nr == alloc) {
				alloc = alloc ? 2 * alloc : 16;
				w->funcs = xreallocarray(w->funcs, alloc,
							 sizeof(*w->funcs));
			}
			w->funcs[w->funcs_nr].name =
				arena_strndup(w->arena, at(w, k)->p,
					      at(w, k)->n);
			w->funcs[w->funcs_nr].callers = NULL;
			w->funcs[w->funcs_nr].mounted = 0;
			w->funcs[w->funcs_nr].walking = 0;
			w->funcs[w->funcs_nr].lo = body;
			w->funcs[w->funcs_nr++].hi = w->t.match[body];
			i = w->t.match[body];
		}
	}
}

/* r.Mount("/x", f()) of a function f of the file. */
static void mark_mounted(struct gowalk *w)
{
	for (size_t i = 0; i + 5 < w->t.nr; i++) {
		if (!tok_punct(at(w, i), '.') || !tok_is(at(w, i + 1), "Mount") ||
		    !tok_punct(at(w, i + 2), '(') ||
		    at(w, i + 3)->kind != TOK_STRING ||
		    !tok_punct(at(w, i + 4), ',') ||
		    !tok_punct(at(w, i + 6), '('))
			continue;
		for (size_t k = 0; k < w->funcs_nr; k++)
			if (tok_is(at(w, i + 5), w->funcs[k].name))
				w->funcs[k].mounted = 1;
	}
}

/* Which functions of the file reach each one through calls in the file. */
static void scope_funcs(struct gowalk *w)
{
	size_t n = w->funcs_nr;
	unsigned char *reach;

	if (!n || n > MAX_SCOPED_FUNCS)
		return;
	reach = xcalloc(n * n, 1); /* reach[a * n + b]: a reaches b */
	for (size_t a = 0; a < n; a++) {
		reach[a * n + a] = 1;
		for (size_t i = w->funcs[a].lo; i < w->funcs[a].hi; i++) {
			const struct tok *t = at(w, i);

			if (t->kind != TOK_IDENT || !tok_punct(at(w, i + 1), '(') ||
			    (i && tok_punct(at(w, i - 1), '.')))
				continue;
			for (size_t b = 0; b < n; b++)
				if (tok_is(t, w->funcs[b].name))
					reach[a * n + b] = 1;
		}
	}
	for (size_t k = 0; k < n; k++)
		for (size_t a = 0; a < n; a++)
			if (reach[a * n + k])
				for (size_t b = 0; b < n; b++)
					reach[a * n + b] |= reach[k * n + b];
	for (size_t b = 0; b < n; b++) {
		struct strbuf sb = STRBUF_INIT;

		for (size_t a = 0; a < n; a++)
			if (reach[a * n + b])
				strbuf_addf(&sb, " %s", w->funcs[a].name);
		strbuf_addch(&sb, ' ');
		w->funcs[b].callers = arena_strdup(w->arena, sb.buf);
		strbuf_release(&sb);
	}
	free(reach);
}

void routes_go(struct api_file *out, struct arena *arena, const char *path,
	       const struct language *lang, const char *buf, size_t len)
{
	struct gowalk w = { 0 };

	w.file = path;
	w.out = out;
	w.arena = arena;
	rtoks_init(&w.t, lang, buf, len);
	scan_decls(&w);
	scope_funcs(&w);
	mark_mounted(&w);
	w.budget = 16 * w.t.nr + 65536;
	walk(&w, 0, w.t.nr, "", 0);
	free(w.funcs);
	strmap_release(&w.vars);
	strmap_release(&w.closures);
	rtoks_release(&w.t);
}
