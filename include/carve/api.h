/*
 * The API surface: the endpoints each file declares (Flask/FastAPI,
 * Django URLconfs and DRF routers, Express/Koa and NestJS, Go net/http,
 * gorilla/mux, chi, gin, echo and gitea's router, Spring, Rails routes,
 * ASP.NET, GraphQL schema fields, graphene and strawberry root fields),
 * the contexts that serve them and the contexts whose code calls them
 * (a string literal naming the path). Extraction (src/scan/routes_*.c)
 * fills an api_file per file, its strings in the given arena, with what
 * one file cannot settle alone left for api_analyse()
 * (carve/api_analysis.h): mounts of other files (composed into their
 * endpoints' paths), DRF viewsets and class-based views (expanded by the
 * classes of every file). It maps the result to contexts, into the api
 * part of the model (carve/model_api.h).
 */
#ifndef CARVE_API_H
#define CARVE_API_H

#include <stddef.h>
#include <stdint.h>

#include "carve/model_api.h"
#include "carve/srctok.h"

struct arena;
struct language;

/* A string literal in code that looks like a URL path: a possible call. */
struct api_call {
	const char *path;
	unsigned line;
};

/*
 * A route file mounted by another under a prefix, composed across files
 * by api_analyse(). Targets: Django include("app.urls") "py:app.urls"
 * (of an imported list "py:app.urls#patterns"), Rails draw(:admin)
 * "file:config/routes/admin.rb", an imported blueprint, router or
 * Express router "suffix:app/api.py" or "file:..." alternatives joined
 * by '|', Go's r.Mount("/x", pkg.Routes()) "gofunc:import/path#Routes", and of a
 * function of the package in another file "godir:folder#adminRouter".
 * "#name" takes only the endpoints whose scope names it.
 */
struct api_mount {
	const char *prefix; /* as composed in the including file */
	const char *target;
	unsigned line;
};

/* A DRF router.register(prefix, ViewSet): expanded once classes are known. */
struct api_viewset {
	const char *prefix; /* "dcim/sites/" as composed in the file */
	const char *cls; /* "SiteViewSet" (last dotted name) */
	const char *router; /* router class: "DefaultRouter" */
	unsigned line;
};

/* A Django route to a class-based view: its methods come from the class. */
struct api_view {
	size_t ep; /* index in the file's endpoints */
	const char *cls; /* "OrderView" of views.OrderView.as_view() */
};

/*
 * A Python class as the DRF expansion needs it: its bases (last dotted
 * names, space separated), the methods it defines (space separated) and
 * its @action methods ("detail|methods|url_path", newline separated).
 */
struct api_class {
	const char *name;
	const char *bases;
	const char *defs;
	const char *actions;
	const char *http_methods; /* http_method_names = [...], or NULL */
	const char *ns; /* C#: its namespace (defs are " Action=METHOD") */
	unsigned line;
	struct api_class *same; /* the next class of that name elsewhere */
};

struct api_file {
	struct api_endpoint *ep;
	size_t nr, alloc;
	struct api_call *calls;
	size_t calls_nr, calls_alloc;
	struct api_mount *mounts;
	size_t mounts_nr, mounts_alloc;
	struct api_viewset *viewsets;
	size_t viewsets_nr, viewsets_alloc;
	struct api_class *classes;
	size_t classes_nr, classes_alloc;
	struct api_view *views;
	size_t views_nr, views_alloc;
	/* bit i: the file shows api_frameworks[i]'s marker */
	unsigned long long frameworks;
};

/*
 * A web framework, by a marker its files show near the top (an import,
 * a base class), and whether carve reads its routes: the frameworks not
 * read are named in a notice instead of a silent "0 endpoints".
 */
struct api_framework {
	const char *lang; /* language name of the files looked at */
	const char *marker;
	const char *name;
	int read;
};

extern const struct api_framework api_frameworks[];
extern const size_t api_frameworks_nr;

/*
 * A source file as an array of tokens with matching brackets: match[i]
 * is the index of the bracket closing v[i] (or i for other tokens), so
 * route readers can walk nested blocks and re-walk a closure's body.
 * v[nr] is the TOK_EOF token: a reader looking one token past the last
 * sees the end, never memory of another file.
 */
struct rtoks {
	struct tok *v;
	size_t *match;
	size_t nr;
};

void rtoks_init(struct rtoks *t, const struct language *lang, const char *buf,
		size_t len);
void rtoks_release(struct rtoks *t);

/* path_join(arena, "/api/", "/x") is "/api/x"; either may be empty. */
const char *path_join(struct arena *arena, const char *a, const char *b,
		      size_t b_len);

/* Adds an endpoint (path copied into the arena; method and framework kept). */
void api_file_add(struct api_file *f, struct arena *arena, const char *method,
		  const char *path, size_t path_len, const char *framework,
		  unsigned line);
/* Adds a mount of `target` (struct api_mount) under `prefix`, both copied. */
void api_file_add_mount(struct api_file *f, struct arena *arena,
			const char *prefix, const char *target, unsigned line);
/* Frees the arrays of f (its strings belong to the arena). */
void api_file_release(struct api_file *f);

/*
 * Endpoints and path literals of buf[0..len) (NUL at len), by the reader
 * of the file's language; a test's or spec's routes are left out. The
 * readers below are its parts: routes_django() reads a URLconf,
 * routes_py_classes() the classes of any Python file.
 */
void routes_extract(struct api_file *out, struct arena *arena, const char *path,
		    const struct language *lang, const char *buf, size_t len);
void routes_python(struct api_file *out, struct arena *arena, const char *path,
		   const struct language *lang, const char *buf, size_t len);
void routes_django(struct api_file *out, struct arena *arena,
		   const struct language *lang, const char *buf, size_t len);
void routes_py_classes(struct api_file *out, struct arena *arena,
		       const struct language *lang, const char *buf,
		       size_t len);
void routes_js(struct api_file *out, struct arena *arena, const char *path,
	       const struct language *lang, const char *buf, size_t len);
void routes_csharp(struct api_file *out, struct arena *arena,
		   const struct language *lang, const char *buf, size_t len);
void routes_go(struct api_file *out, struct arena *arena, const char *path,
	       const struct language *lang, const char *buf, size_t len);
void routes_java(struct api_file *out, struct arena *arena,
		 const struct language *lang, const char *buf, size_t len);
void routes_ruby(struct api_file *out, struct arena *arena, const char *path,
		 const struct language *lang, const char *buf, size_t len);
void routes_graphql(struct api_file *out, struct arena *arena,
		    const struct language *lang, const char *buf, size_t len);

#endif
