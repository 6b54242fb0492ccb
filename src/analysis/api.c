/*
 * The API surface analysis: reads every counted file for declared
 * endpoints, maps each to the context serving it, and finds the other
 * contexts whose code names its path in a string literal (a call, or a
 * client of it). Paths match segment by segment from the end, any
 * parameter (<id>, {id}, :id) matching any segment, so a blueprint's
 * prefix unknown to the declaration still matches a full URL.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "carve/api.h"
#include "carve/api_analysis.h"
#include "carve/arena.h"
#include "carve/extractcache.h"
#include "carve/language.h"
#include "carve/pool.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof(*(a)))

struct api_priv {
	struct api_report r;
	struct api_file *files;
	struct arena *arenas;
	int threads;
	size_t composed; /* endpoints added by composing mounts */
};

struct api_run {
	const struct scan *scan;
	struct api_file *files;
	struct arena *arenas;
	size_t read;
	struct extractcache *cache; /* or NULL */
};

static void extract_one(void *ctx, size_t f, int worker)
{
	struct api_run *run = ctx;
	const struct scan_file *sf = &run->scan->files[f];
	struct strbuf path = STRBUF_INIT, buf = STRBUF_INIT;

	if (sf->status != FILE_COUNTED || !sf->lang)
		return;
	if (run->cache &&
	    extractcache_read(run->cache, f, sf->lang->name, &run->files[f],
			      &run->arenas[worker])) {
		__atomic_add_fetch(&run->read, 1, __ATOMIC_RELAXED);
		return;
	}
	strbuf_addf(&path, "%s/%s", run->scan->root, sf->path);
	if (!strbuf_read_file(&buf, path.buf,
			      run->scan->max_file_size
				      ? (size_t)run->scan->max_file_size
				      : SCAN_DEFAULT_MAX_FILE_SIZE)) {
		routes_extract(&run->files[f], &run->arenas[worker], sf->path,
			       sf->lang, buf.buf, buf.len);
		__atomic_add_fetch(&run->read, 1, __ATOMIC_RELAXED);
		if (run->cache) {
			struct strbuf enc = STRBUF_INIT;

			if (!extractcache_encode_api(&enc, &run->files[f]))
				extractcache_put(run->cache, f, sf->lang->name,
						 &enc);
			strbuf_release(&enc);
		}
	}
	strbuf_release(&path);
	strbuf_release(&buf);
}

/* The router actions Django REST framework's own classes provide. */
static const struct {
	const char *name, *defs;
} drf_classes[] = {
	{ "ModelViewSet",
	  "list create retrieve update partial_update destroy" },
	{ "ReadOnlyModelViewSet", "list retrieve" },
	{ "ListModelMixin", "list" },
	{ "CreateModelMixin", "create" },
	{ "RetrieveModelMixin", "retrieve" },
	{ "UpdateModelMixin", "update partial_update" },
	{ "DestroyModelMixin", "destroy" },
};

/*
 * The handlers of Django's and DRF's own class-based views. RedirectView
 * answers every method: it is left out, so a route to it stays ANY.
 */
static const struct {
	const char *name, *defs;
} django_views[] = {
	{ "TemplateView", "get" },
	{ "ListView", "get" },
	{ "DetailView", "get" },
	{ "ArchiveIndexView", "get" },
	{ "FormView", "get post put" },
	{ "CreateView", "get post put" },
	{ "UpdateView", "get post put" },
	{ "DeleteView", "get post delete" },
	{ "LoginView", "get post" },
	{ "LogoutView", "post" },
	{ "ListAPIView", "get" },
	{ "CreateAPIView", "post" },
	{ "RetrieveAPIView", "get" },
	{ "DestroyAPIView", "delete" },
	{ "UpdateAPIView", "put patch" },
	{ "ListCreateAPIView", "get post" },
	{ "RetrieveUpdateAPIView", "get put patch" },
	{ "RetrieveDestroyAPIView", "get delete" },
	{ "RetrieveUpdateDestroyAPIView", "get put patch delete" },
};

/* A view's method names as routes: list route, then detail route. */
static const struct {
	const char *def, *method;
	int detail;
} drf_routes[] = {
	{ "list", "GET", 0 },
	{ "create", "POST", 0 },
	{ "bulk_update", "PUT", 0 },
	{ "bulk_partial_update", "PATCH", 0 },
	{ "bulk_destroy", "DELETE", 0 },
	{ "retrieve", "GET", 1 },
	{ "update", "PUT", 1 },
	{ "partial_update", "PATCH", 1 },
	{ "destroy", "DELETE", 1 },
};

struct viewset_defs {
	struct strbuf defs; /* " list create ... " */
	struct strbuf actions; /* "detail|methods|url_path\n" ... */
	const char *http; /* http_method_names, NULL: all */
};

static void viewset_walk(struct viewset_defs *v, const struct strmap *classes,
			 const char *name, size_t name_len, int depth)
{
	char buf[256];
	const struct api_class *c;
	const char *b;

	if (depth > 16 || name_len >= sizeof(buf))
		return;
	memcpy(buf, name, name_len);
	buf[name_len] = '\0';
	c = strmap_get(classes, buf);
	if (!c) {
		for (size_t i = 0; i < ARRAY_SIZE(drf_classes); i++)
			if (!strcmp(drf_classes[i].name, buf))
				strbuf_addf(&v->defs, " %s ",
					    drf_classes[i].defs);
		for (size_t i = 0; i < ARRAY_SIZE(django_views); i++)
			if (!strcmp(django_views[i].name, buf))
				strbuf_addf(&v->defs, " %s ",
					    django_views[i].defs);
		return;
	}
	/* classes of one name in several modules: any may be the base */
	for (; c; c = c->same) {
		strbuf_addf(&v->defs, " %s ", c->defs);
		strbuf_addstr(&v->actions, c->actions);
		if (!v->http && c->http_methods)
			v->http = c->http_methods;
		for (b = c->bases; *b;) {
			size_t n = strcspn(b, " ");

			viewset_walk(v, classes, b, n, depth + 1);
			b += n;
			while (*b == ' ')
				b++;
		}
	}
}

static int has_word(const char *list, const char *w)
{
	size_t n = strlen(w);

	for (const char *p = list; p && (p = strstr(p, w)); p += n)
		if ((p == list || p[-1] == ' ' || p[-1] == ',') &&
		    (p[n] == ' ' || p[n] == ',' || p[n] == '\0'))
			return 1;
	return 0;
}

static int router_is_default(const struct strmap *classes, const char *name,
			     int depth)
{
	const struct api_class *c;
	char buf[256];

	if (!name || depth > 16)
		return 0;
	if (!strcmp(name, "DefaultRouter"))
		return 1;
	c = strmap_get(classes, name);
	if (!c)
		return 0;
	for (const char *b = c->bases; *b;) {
		size_t n = strcspn(b, " ");

		if (n < sizeof(buf)) {
			memcpy(buf, b, n);
			buf[n] = '\0';
			if (router_is_default(classes, buf, depth + 1))
				return 1;
		}
		b += n;
		while (*b == ' ')
			b++;
	}
	return 0;
}

static void viewset_add(struct api_file *f, struct arena *arena,
			const struct viewset_defs *v, const char *method,
			const char *path, unsigned line)
{
	char lower[16];
	size_t i;

	for (i = 0; method[i] && i + 1 < sizeof(lower); i++)
		lower[i] = (char)(method[i] | 0x20);
	lower[i] = '\0';
	if (v->http && !has_word(v->http, lower))
		return;
	api_file_add(f, arena, method, path, strlen(path), "drf", line);
}

/*
 * A route to a class-based view: the HTTP handlers its classes define
 * (get, post, ...) instead of ANY; ANY stays when none is known.
 */
static void view_methods(struct api_file *af, struct arena *arena,
			 const struct strmap *classes,
			 const struct api_view *view)
{
	static const char *const handlers[] = { "get", "post", "put",
						"patch", "delete" };
	static const char *const methods[] = { "GET", "POST", "PUT", "PATCH",
					       "DELETE" };
	struct viewset_defs v = { STRBUF_INIT, STRBUF_INIT, NULL };
	int first = 1;

	viewset_walk(&v, classes, view->cls, strlen(view->cls), 0);
	for (size_t k = 0; k < ARRAY_SIZE(handlers); k++) {
		struct api_endpoint e;

		if (!has_word(v.defs.buf, handlers[k]))
			continue;
		if (v.http && !has_word(v.http, handlers[k]))
			continue;
		if (first) {
			af->ep[view->ep].method = methods[k];
			first = 0;
			continue;
		}
		e = af->ep[view->ep];
		api_file_add(af, arena, methods[k], e.path, strlen(e.path),
			     e.framework, e.line);
	}
	strbuf_release(&v.defs);
	strbuf_release(&v.actions);
}

/*
 * A conventional ASP.NET route to a literal controller and action
 * ("cs:Nop.Web.Controllers|CatalogController|Product"): the methods of
 * the action's overloads ([HttpPost] ...), ANY when one has none or the
 * action is not found.
 */
static void action_methods(struct api_file *af, struct arena *arena,
			   const struct strmap *classes,
			   const struct api_view *view)
{
	static const char *const verbs[] = { "GET", "POST", "PUT", "PATCH",
					     "DELETE", "HEAD", "OPTIONS" };
	const char *ns = view->cls + 3, *bar = strchr(ns, '|'), *act;
	char cls[256], want[300];
	const struct api_class *c;
	unsigned found = 0, any = 0;
	int first = 1;

	if (!bar || !(act = strchr(bar + 1, '|')) ||
	    (size_t)(act - bar - 1) >= sizeof(cls))
		return;
	memcpy(cls, bar + 1, (size_t)(act - bar - 1));
	cls[act - bar - 1] = '\0';
	act++;
	for (c = strmap_get(classes, cls); c; c = c->same) {
		if (!c->ns || (bar > ns && (strncmp(c->ns, ns, (size_t)(bar - ns)) ||
					    (c->ns[bar - ns] &&
					     c->ns[bar - ns] != '.'))))
			continue;
		snprintf(want, sizeof(want), " %s=ANY ", act);
		any |= strstr(c->defs, want) != NULL;
		for (size_t k = 0; k < ARRAY_SIZE(verbs); k++) {
			snprintf(want, sizeof(want), " %s=%s ", act, verbs[k]);
			if (strstr(c->defs, want))
				found |= 1u << k;
		}
	}
	if (any || !found)
		return;
	for (size_t k = 0; k < ARRAY_SIZE(verbs); k++) {
		struct api_endpoint e;

		if (!(found & (1u << k)))
			continue;
		if (first) {
			af->ep[view->ep].method = verbs[k];
			first = 0;
			continue;
		}
		e = af->ep[view->ep];
		api_file_add(af, arena, verbs[k], e.path, strlen(e.path),
			     e.framework, e.line);
	}
}

/* router.register()ed viewsets into routes, by the classes they derive. */
static void expand_viewsets(struct api_priv *p, const struct scan *scan)
{
	struct strmap classes = STRMAP_INIT;
	struct arena *arena = &p->arenas[0];

	for (size_t f = 0; f < scan->nr; f++)
		for (size_t i = 0; i < p->files[f].classes_nr; i++) {
			struct api_class *c = &p->files[f].classes[i];

			c->same = strmap_get(&classes, c->name);
			strmap_put(&classes, c->name, c);
		}
	for (size_t f = 0; f < scan->nr; f++) {
		struct api_file *af = &p->files[f];

		for (size_t i = 0; i < af->views_nr; i++)
			if (!strncmp(af->views[i].cls, "cs:", 3))
				action_methods(af, arena, &classes,
					       &af->views[i]);
			else
				view_methods(af, arena, &classes,
					     &af->views[i]);
		for (size_t i = 0; i < af->viewsets_nr; i++) {
			const struct api_viewset *vs = &af->viewsets[i];
			struct viewset_defs v = { STRBUF_INIT, STRBUF_INIT,
						  NULL };
			const char *list = path_join(arena, vs->prefix, "/", 1);
			const char *detail = path_join(arena, list, "{pk}/", 5);

			if (!*vs->cls) {
				if (router_is_default(&classes, vs->router, 0))
					api_file_add(af, arena, "GET", list,
						     strlen(list), "drf",
						     vs->line);
				continue;
			}
			viewset_walk(&v, &classes, vs->cls, strlen(vs->cls), 0);
			for (size_t r = 0; r < ARRAY_SIZE(drf_routes); r++)
				if (has_word(v.defs.buf, drf_routes[r].def))
					viewset_add(af, arena, &v,
						    drf_routes[r].method,
						    drf_routes[r].detail
							    ? detail
							    : list,
						    vs->line);
			/* @action: "detail|post,put|url_path\n" */
			for (const char *a = v.actions.buf; *a;) {
				const char *nl = strchr(a, '\n');
				const char *m = strchr(a, '|') + 1;
				const char *up = strchr(m, '|') + 1;
				const char *path = path_join(
					arena, a[0] == '1' ? detail : list, up,
					(size_t)(nl - up));

				path = path_join(arena, path, "/", 1);
				while (m < up - 1) {
					size_t n = strcspn(m, ",|");
					char up_m[16];
					size_t k;

					for (k = 0;
					     k < n && k + 1 < sizeof(up_m); k++)
						up_m[k] = (char)(m[k] & ~0x20);
					up_m[k] = '\0';
					viewset_add(af, arena, &v,
						    arena_strdup(arena, up_m),
						    path, vs->line);
					m += n + (m[n] == ',');
				}
				a = nl + 1;
			}
			strbuf_release(&v.defs);
			strbuf_release(&v.actions);
		}
	}
	strmap_release(&classes);
}

/* Is the endpoint declared in function fn, or in one fn calls? */
static int in_scope(const struct api_endpoint *e, const char *fn, size_t n)
{
	const char *p = e->scope;

	if (!p)
		return 0;
	while ((p = strstr(p, fn)))
		if (p[-1] == ' ' && p[n] == ' ')
			return 1;
		else
			p += n;
	return 0;
}

/*
 * "code.gitea.io/gitea/routers/api/v1#Routes": the Go file of a folder
 * the import path ends with that declares endpoints in that function.
 */
static long mount_go(const struct scan *scan, const struct api_file *files,
		     const char *target, size_t len, int exact)
{
	const char *hash = memchr(target, '#', len);
	size_t plen, flen;
	long found = -1;

	if (!hash)
		return -1;
	plen = (size_t)(hash - target);
	flen = len - plen - 1;
	for (size_t f = 0; f < scan->nr; f++) {
		const char *path = scan->files[f].path;
		const char *slash = strrchr(path, '/');
		size_t dlen = slash ? (size_t)(slash - path) : 0;
		const struct api_file *af = &files[f];
		int has = 0;

		if (exact ? dlen != plen || memcmp(target, path, dlen)
			  : !dlen || dlen > plen ||
				    memcmp(target + plen - dlen, path, dlen) ||
				    (dlen < plen &&
				     target[plen - dlen - 1] != '/'))
			continue;
		for (size_t i = 0; i < af->nr && !has; i++)
			has = in_scope(&af->ep[i], hash + 1, flen);
		if (has && (found < 0 || strlen(scan->files[found].path) >
						 strlen(path)))
			found = (long)f;
	}
	return found;
}

/* One alternative of a mount target; -1 when no file is named so. */
static long mount_one(const struct scan *scan, const struct api_file *files,
		      const char *target, size_t len)
{
	struct strbuf want = STRBUF_INIT, pkg = STRBUF_INIT;
	long found = -1;
	int suffix = 0;

	if (len > 5 && !strncmp(target, "file:", 5)) {
		for (size_t f = 0; f < scan->nr && found < 0; f++)
			if (strlen(scan->files[f].path) == len - 5 &&
			    !memcmp(scan->files[f].path, target + 5, len - 5))
				found = (long)f;
		return found;
	}
	if (len > 7 && !strncmp(target, "gofunc:", 7))
		return mount_go(scan, files, target + 7, len - 7, 0);
	if (len > 6 && !strncmp(target, "godir:", 6))
		return mount_go(scan, files, target + 6, len - 6, 1);
	if (len > 7 && !strncmp(target, "suffix:", 7)) {
		strbuf_addch(&want, '/');
		strbuf_add(&want, target + 7, len - 7);
		suffix = 1;
	} else if (len > 3 && !strncmp(target, "py:", 3)) {
		strbuf_addch(&want, '/');
		for (size_t i = 3; i < len; i++)
			strbuf_addch(&want, target[i] == '.' ? '/' : target[i]);
		strbuf_addf(&pkg, "%s/__init__.py", want.buf);
		strbuf_addstr(&want, ".py");
	} else {
		return -1;
	}
	for (size_t f = 0; f < scan->nr; f++) {
		const char *path = scan->files[f].path;
		size_t n = strlen(path);
		int hit = 0;

		if (scan->files[f].status != FILE_COUNTED)
			continue;
		hit = n >= want.len - 1 &&
		      !strcmp(path + n - (want.len - 1), want.buf + 1) &&
		      (n == want.len - 1 || path[n - want.len] == '/');
		if (!suffix && !hit && pkg.len)
			hit = n >= pkg.len - 1 &&
			      !strcmp(path + n - (pkg.len - 1), pkg.buf + 1) &&
			      (n == pkg.len - 1 || path[n - pkg.len] == '/');
		/* the shortest path: the project's, not a vendored copy */
		if (hit && (found < 0 || strlen(scan->files[found].path) > n))
			found = (long)f;
	}
	strbuf_release(&want);
	strbuf_release(&pkg);
	return found;
}

/*
 * The file a mount names: "file:config/routes/api.rb", "py:dcim.urls",
 * "suffix:app/api.py" (under any folder), or alternatives separated by
 * '|', the first naming a file winning; "#name" after them takes only
 * the endpoints of that list or function (api_endpoint's scope).
 */
static long mount_target(const struct scan *scan, const struct api_file *files,
			 const char *target)
{
	const char *end = strrchr(target, '#');

	/* "py:app.urls#patterns": the file of the list */
	if (!strncmp(target, "gofunc:", 7) || !strncmp(target, "godir:", 6) ||
	    !end)
		end = target + strlen(target);
	while (target < end) {
		size_t n = strcspn(target, "|");
		long f;

		if (target + n > end)
			n = (size_t)(end - target);
		f = mount_one(scan, files, target, n);
		if (f >= 0)
			return f;
		target += n + (target[n] == '|');
	}
	return -1;
}

struct composed {
	struct api_endpoint *ep;
	size_t nr, alloc;
	long *targets; /* of the file's mounts, -1 unresolved */
	int included, reached;
	/* endpoints a mount took: the others of a file mounted only by
	 * function (Go) stay where they are */
	unsigned char *taken;
	int whole; /* a mount took the whole file */
};

/* Endpoints composition may add over all files: mounts of mounts of ...
 * many times over stop there. */
#define MAX_COMPOSED 4000000

static void compose_from(struct api_priv *p, struct composed *c, size_t f,
			 const char *prefix, int depth)
{
	struct arena *arena = &p->arenas[0];
	const struct api_file *af = &p->files[f];

	if (depth > 8)
		return;
	for (size_t m = 0; m < af->mounts_nr; m++) {
		long t = c[f].targets[m];
		const char *pfx, *fn;
		struct composed *ct;

		if (t < 0 || (size_t)t == f)
			continue;
		ct = &c[t];
		ct->reached = 1;
		pfx = path_join(arena, prefix, af->mounts[m].prefix,
				strlen(af->mounts[m].prefix));
		/* a Go mount of pkg.Routes() takes Routes' endpoints only */
		fn = strrchr(af->mounts[m].target, '#');
		ct->whole |= !fn;
		for (size_t i = 0; i < p->files[t].nr; i++) {
			const struct api_endpoint *e = &p->files[t].ep[i];
			struct api_endpoint *n;

			if (p->composed >= MAX_COMPOSED)
				return;
			p->composed++;

			if (fn && !in_scope(e, fn + 1, strlen(fn + 1)))
				continue;
			if (!ct->taken)
				ct->taken = xcalloc(p->files[t].nr, 1);
			ct->taken[i] = 1;

			if (ct->nr == ct->alloc) {
				ct->alloc = ct->alloc ? 2 * ct->alloc : 16;
				ct->ep = xreallocarray(ct->ep, ct->alloc,
						       sizeof(*ct->ep));
			}
			n = &ct->ep[ct->nr++];
			*n = *e;
			n->path =
				path_join(arena, pfx, e->path, strlen(e->path));
		}
		compose_from(p, c, (size_t)t, pfx, depth + 1);
	}
}

/*
 * Mounted route files (Django include(), Rails draw) get the prefixes of
 * every chain of mounts from a file no other mounts: their endpoints are
 * replaced by one copy per prefix.
 */
static void compose_mounts(struct api_priv *p, const struct scan *scan)
{
	struct composed *c = NULL;
	int any = 0;

	for (size_t f = 0; f < scan->nr && !any; f++)
		any = p->files[f].mounts_nr > 0;
	if (!any)
		return;
	c = xcalloc(scan->nr, sizeof(*c));
	for (size_t f = 0; f < scan->nr; f++) {
		const struct api_file *af = &p->files[f];

		if (!af->mounts_nr)
			continue;
		c[f].targets = xcalloc(af->mounts_nr, sizeof(long));
		for (size_t m = 0; m < af->mounts_nr; m++) {
			c[f].targets[m] = mount_target(scan, p->files,
						       af->mounts[m].target);
			if (c[f].targets[m] >= 0)
				c[c[f].targets[m]].included = 1;
		}
	}
	for (size_t f = 0; f < scan->nr; f++)
		if (p->files[f].mounts_nr && !c[f].included)
			compose_from(p, c, f, "", 0);
	for (size_t f = 0; f < scan->nr; f++) {
		if (c[f].included && c[f].reached) {
			for (size_t i = 0; !c[f].whole && i < p->files[f].nr;
			     i++) {
				if (c[f].taken && c[f].taken[i])
					continue;
				if (c[f].nr == c[f].alloc) {
					c[f].alloc = 2 * c[f].alloc + 16;
					c[f].ep = xreallocarray(
						c[f].ep, c[f].alloc,
						sizeof(*c[f].ep));
				}
				c[f].ep[c[f].nr++] = p->files[f].ep[i];
			}
			free(p->files[f].ep);
			p->files[f].ep = c[f].ep;
			p->files[f].nr = c[f].nr;
			p->files[f].alloc = c[f].alloc;
		} else {
			free(c[f].ep);
		}
		free(c[f].targets);
		free(c[f].taken);
	}
	free(c);
}

static int is_param(const char *s, size_t n)
{
	return n && (s[0] == '<' || s[0] == '{' || s[0] == ':' || s[0] == '(' ||
		     s[0] == '*' || s[0] == '^');
}

/* Segments of a path, trailing slash and regex anchors ignored. */
static size_t split(const char *p, const char **seg, size_t *len, size_t max)
{
	size_t nr = 0;

	while (*p && nr < max) {
		const char *s;

		while (*p == '/' || *p == '^')
			p++;
		if (!*p || *p == '$')
			break;
		s = p;
		while (*p && *p != '/' && *p != '?' && *p != '$')
			p++;
		seg[nr] = s;
		len[nr++] = (size_t)(p - s);
		if (*p == '?')
			break;
	}
	return nr;
}

#define API_MAX_SEGMENTS 32

static int entry_cmp(const void *a, const void *b)
{
	const struct api_entry *x = a, *y = b;
	int c;

	if (x->context != y->context)
		return x->context < y->context ? -1 : 1;
	if ((c = strcmp(x->ep->path, y->ep->path)))
		return c;
	if ((c = strcmp(x->ep->method, y->ep->method)))
		return c;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	return x->ep->line < y->ep->line ? -1 : x->ep->line > y->ep->line;
}

static int http(const struct api_endpoint *ep)
{
	return ep->path[0] != '\0' && strcmp(ep->framework, "graphql") &&
	       strcmp(ep->framework, "graphene") &&
	       strcmp(ep->framework, "strawberry");
}

/* A path literal of a calling context, split once. */
struct call_ref {
	long context;
	const char *seg[API_MAX_SEGMENTS];
	size_t len[API_MAX_SEGMENTS];
	size_t nr;
};

#define INDEX_DEPTH 4

static int split_matches(const struct call_ref *c, const char *const *es,
			 const size_t *el, size_t en)
{
	int literal = 0;

	if (!en || c->nr < en)
		return 0;
	for (size_t i = 0; i < en; i++) {
		size_t e = en - 1 - i, k = c->nr - 1 - i;

		if (is_param(es[e], el[e]))
			continue;
		if (el[e] != c->len[k] || memcmp(es[e], c->seg[k], el[e]))
			return 0;
		literal = 1;
	}
	return literal;
}

/*
 * The calls of each endpoint: path literals in other contexts matching
 * it. The literals are indexed by each of their last INDEX_DEPTH
 * segments and its distance from the end, so an endpoint is compared
 * only with the literals sharing its last literal segment there.
 */
static void match_calls(struct api_priv *p, const struct scan *scan,
			const struct seams *seams)
{
	struct api_report *r = &p->r;
	struct call_ref *calls = NULL;
	size_t nr = 0, alloc = 0;
	struct strmap index = STRMAP_INIT;
	struct arena keys = { 0 };
	size_t *next; /* chains of the index: call -> next call, or SIZE_MAX */
	unsigned char *seen = xcalloc(seams->nr ? seams->nr : 1, 1);

	for (size_t f = 0; f < scan->nr; f++) {
		long c = seams->context_of[f];

		if (c < 0)
			continue;
		for (size_t k = 0; k < p->files[f].calls_nr; k++) {
			struct call_ref *cr;

			if (nr == alloc) {
				alloc = alloc ? 2 * alloc : 256;
				calls = xreallocarray(calls, alloc,
						      sizeof(*calls));
			}
			cr = &calls[nr++];
			cr->context = c;
			cr->nr = split(p->files[f].calls[k].path, cr->seg,
				       cr->len, API_MAX_SEGMENTS);
		}
	}
	next = xmalloc((nr ? nr : 1) * INDEX_DEPTH * sizeof(*next));
	for (size_t i = nr; i-- > 0;)
		for (size_t d = 0; d < INDEX_DEPTH && d < calls[i].nr; d++) {
			size_t s = calls[i].nr - 1 - d;
			char *key = arena_alloc(&keys, calls[i].len[s] + 3);
			size_t *head;

			key[0] = (char)('0' + d);
			key[1] = ':';
			memcpy(key + 2, calls[i].seg[s], calls[i].len[s]);
			key[calls[i].len[s] + 2] = '\0';
			head = strmap_get(&index, key);
			next[i * INDEX_DEPTH + d] = head ? *head : SIZE_MAX;
			if (!head) {
				head = arena_alloc(&keys, sizeof(*head));
				strmap_put(&index, key, head);
			}
			*head = i;
		}
	for (size_t i = 0; i < r->nr; i++) {
		struct api_entry *e = &r->entries[i];
		const char *es[API_MAX_SEGMENTS];
		size_t el[API_MAX_SEGMENTS], en, d = 0, start = SIZE_MAX;
		int indexed = 0;

		if (!http(e->ep))
			continue;
		en = split(e->ep->path, es, el, API_MAX_SEGMENTS);
		if (!en)
			continue;
		for (d = 0; d < INDEX_DEPTH && d < en; d++)
			if (!is_param(es[en - 1 - d], el[en - 1 - d])) {
				char key[512];
				const size_t *head;

				if (el[en - 1 - d] + 3 > sizeof(key))
					break;
				key[0] = (char)('0' + d);
				key[1] = ':';
				memcpy(key + 2, es[en - 1 - d], el[en - 1 - d]);
				key[el[en - 1 - d] + 2] = '\0';
				head = strmap_get(&index, key);
				start = head ? *head : SIZE_MAX;
				indexed = 1;
				break;
			}
		memset(seen, 0, seams->nr ? seams->nr : 1);
		for (size_t k = indexed ? start : 0; k < nr;
		     k = indexed ? next[k * INDEX_DEPTH + d] : k + 1) {
			if (calls[k].context == e->context ||
			    !split_matches(&calls[k], es, el, en))
				continue;
			e->calls++;
			r->calls++;
			seen[calls[k].context] = 1;
		}
		for (size_t c = 0; c < seams->nr; c++)
			if (seen[c]) {
				e->callers = xreallocarray(e->callers,
							   e->callers_nr + 1,
							   sizeof(size_t));
				e->callers[e->callers_nr++] = c;
			}
	}
	free(seen);
	free(next);
	free(calls);
	strmap_release(&index);
	arena_release(&keys);
}

/* Is api_frameworks[i] the first entry of its name? */
static int first_of_name(size_t i)
{
	for (size_t k = 0; k < i; k++)
		if (!strcmp(api_frameworks[k].name, api_frameworks[i].name))
			return 0;
	return 1;
}

/* Files showing framework `name`, any of its markers. */
static size_t files_of(const struct api_report *r, const char *name)
{
	size_t n = 0;

	for (size_t i = 0; i < api_frameworks_nr; i++)
		if (!strcmp(api_frameworks[i].name, name))
			n += r->framework_files[i];
	return n;
}

static void make_notice(struct api_report *r)
{
	struct strbuf sb = STRBUF_INIT, unread = STRBUF_INIT;
	size_t unread_nr = 0;

	r->frameworks = xcalloc(api_frameworks_nr, sizeof(*r->frameworks));
	for (size_t i = 0; i < api_frameworks_nr; i++) {
		size_t n;

		if (!first_of_name(i) ||
		    !(n = files_of(r, api_frameworks[i].name)))
			continue;
		r->frameworks[r->frameworks_nr].name = api_frameworks[i].name;
		r->frameworks[r->frameworks_nr].files = n;
		r->frameworks[r->frameworks_nr++].read = api_frameworks[i].read;
		if (api_frameworks[i].read)
			continue;
		strbuf_addf(&unread, "%s%s (%zu file%s)",
			    unread_nr++ ? ", " : "", api_frameworks[i].name, n,
			    n == 1 ? "" : "s");
	}
	if (!r->nr) {
		strbuf_addstr(&sb, "no endpoint found: carve reads the routes "
				   "of ");
		for (size_t i = 0, k = 0; i < api_frameworks_nr; i++)
			if (api_frameworks[i].read && first_of_name(i))
				strbuf_addf(&sb, "%s%s", k++ ? ", " : "",
					    api_frameworks[i].name);
		strbuf_addstr(&sb, ", net/http, GraphQL schema files");
		if (unread_nr)
			strbuf_addf(&sb,
				    "; this repository uses %s, whose routes "
				    "carve does not read",
				    unread.buf);
		else
			strbuf_addstr(&sb, "; none of them shows here");
	} else if (unread_nr) {
		strbuf_addf(&sb,
			    "not understood: %s, whose routes carve does "
			    "not read; their endpoints are missing",
			    unread.buf);
	}
	r->notice = sb.len ? strbuf_detach(&sb, NULL) : NULL;
	strbuf_release(&sb);
	strbuf_release(&unread);
}

int api_analyse(struct api_report **out, const struct scan *scan,
		const struct seams *seams, int threads)
{
	struct api_priv *p = xcalloc(1, sizeof(*p));
	struct api_report *r = &p->r;
	struct api_run run = { 0 };
	size_t n = 0;

	if (threads < 1)
		threads = pool_default_threads();
	r->scan = scan;
	r->seams = seams;
	p->threads = threads;
	p->files = xcalloc(scan->nr ? scan->nr : 1, sizeof(*p->files));
	p->arenas = xcalloc((size_t)threads, sizeof(*p->arenas));
	run.scan = scan;
	run.files = p->files;
	run.arenas = p->arenas;
	run.cache = extractcache_open(scan, "api");
	pool_for(scan->nr, threads, extract_one, &run);
	extractcache_close(run.cache);
	r->files_read = run.read;
	expand_viewsets(p, scan);
	compose_mounts(p, scan);
	r->framework_files = xcalloc(api_frameworks_nr, sizeof(size_t));
	for (size_t f = 0; f < scan->nr; f++)
		for (size_t i = 0; i < api_frameworks_nr && i < 64; i++)
			if (p->files[f].frameworks & (1ULL << i))
				r->framework_files[i]++;
	r->contexts_nr = seams->nr;
	r->per_context = xcalloc(seams->nr ? seams->nr : 1, sizeof(size_t));
	for (size_t f = 0; f < scan->nr; f++)
		n += p->files[f].nr;
	r->entries = xcalloc(n ? n : 1, sizeof(*r->entries));
	for (size_t f = 0; f < scan->nr; f++)
		for (size_t i = 0; i < p->files[f].nr; i++) {
			struct api_entry *e = &r->entries[r->nr++];

			e->ep = &p->files[f].ep[i];
			e->file = f;
			e->context = seams->context_of[f];
			if (e->context >= 0)
				r->per_context[e->context]++;
		}
	qsort(r->entries, r->nr, sizeof(*r->entries), entry_cmp);
	match_calls(p, scan, seams);
	make_notice(r);
	*out = r;
	return 0;
}

void api_report_free(struct api_report *r)
{
	struct api_priv *p = (struct api_priv *)r;

	if (!r)
		return;
	for (size_t i = 0; i < r->nr; i++)
		free(r->entries[i].callers);
	free(r->entries);
	free(r->per_context);
	free(r->framework_files);
	free(r->frameworks);
	free(r->notice);
	for (size_t f = 0; f < r->scan->nr; f++)
		api_file_release(&p->files[f]);
	free(p->files);
	for (int w = 0; w < p->threads; w++)
		arena_release(&p->arenas[w]);
	free(p->arenas);
	free(p);
}
