/*
 * Django URLconfs and Django REST framework routers. Within a file the
 * pattern lists are composed: path("api/", include(v1_patterns)) puts
 * v1_patterns' routes under /api/, and a list included that way is
 * served only through its includes. include("app.urls") is a mount of
 * another file (composed by api_analyse()); router.register(prefix,
 * ViewSet) is kept as a viewset, expanded once every class is known.
 * Path helpers wrapping path() (zulip's rest_path("x", GET=f,
 * POST=g)) give the methods of their upper-case keyword arguments.
 * Also here: every Python class's bases, methods and @action methods,
 * which the viewset expansion follows.
 */
#include <string.h>

#include "carve/api.h"
#include "carve/arena.h"
#include "carve/srctok.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

enum item_kind { I_ROUTE, I_VIEWSET, I_LIST, I_MODULE };

struct item {
	enum item_kind kind;
	const char *list; /* the list (or router) holding it */
	const char *path; /* as written */
	const char *method; /* I_ROUTE */
	const char *target; /* list, module or viewset class */
	unsigned line;
};

struct dj {
	struct api_file *out;
	struct arena *arena;
	struct rtoks t;
	struct item *items;
	size_t nr, alloc;
	const char **routers; /* router variables, with their class */
	const char **router_cls;
	size_t routers_nr, routers_alloc;
	int anon;
	/* from a.b import name: name -> "py:a.b" (absolute imports) */
	const char *imports[64][2];
	size_t imports_nr;
	const char *scope; /* " list " of the root list being emitted */
	size_t budget; /* items emit_list() may still visit */
};

static const struct tok *at(const struct dj *d, size_t i)
{
	static const struct tok eof = { TOK_EOF, 0, "", 0, 0, 0 };

	return i < d->t.nr ? &d->t.v[i] : &eof;
}

static const char *str(struct dj *d, const struct tok *t)
{
	return arena_strndup(d->arena, t->p, t->n);
}

static void item(struct dj *d, enum item_kind kind, const char *list,
		 const char *path, const char *method, const char *target,
		 unsigned line)
{
	struct item *it;

	if (d->nr == d->alloc) {
		d->alloc = d->alloc ? 2 * d->alloc : 32;
		d->items = xreallocarray(d->items, d->alloc, sizeof(*d->items));
	}
	it = &d->items[d->nr++];
	it->kind = kind;
	it->list = list;
	it->path = path;
	it->method = method;
	it->target = target;
	it->line = line;
}

static const char *router_of(const struct dj *d, const struct tok *t)
{
	for (size_t i = 0; i < d->routers_nr; i++)
		if (tok_is(t, d->routers[i]))
			return d->routers[i];
	return NULL;
}

static const char *http_verb(const struct tok *t)
{
	static const char *const v[] = { "GET",	   "POST", "PUT",    "PATCH",
					 "DELETE", "HEAD", "OPTIONS" };

	for (size_t i = 0; i < sizeof(v) / sizeof(*v); i++)
		if (tok_is(t, v[i]))
			return v[i];
	return NULL;
}

/* The end of the argument starting at i, within a call closing at hi. */
static size_t arg_end(const struct dj *d, size_t i, size_t hi)
{
	while (i < hi && !tok_punct(at(d, i), ',')) {
		if (tok_punct(at(d, i), '(') || tok_punct(at(d, i), '[') ||
		    tok_punct(at(d, i), '{'))
			i = d->t.match[i];
		i++;
	}
	return i;
}

static void scan_items(struct dj *d, size_t lo, size_t hi, const char *list);

/* include(...) at i ('include'), for a route of `path` in `list`. */
static void include(struct dj *d, size_t i, const char *list, const char *path)
{
	size_t open = i + 1, close = d->t.match[open], a = open + 1;
	const struct tok *t = at(d, a);
	const char *r;

	if (tok_punct(t, '(')) /* include(("app.urls", "ns")) */
		t = at(d, ++a);
	if (t->kind == TOK_STRING && !(t->flags & TOK_INTERP)) {
		item(d, I_MODULE, list, path, NULL, str(d, t), t->line);
	} else if (tok_punct(t, '[')) {
		char name[32];

		snprintf(name, sizeof(name), "[%d]", d->anon++);
		item(d, I_LIST, list, path, NULL, arena_strdup(d->arena, name),
		     t->line);
		scan_items(d, a + 1, d->t.match[a],
			   arena_strdup(d->arena, name));
	} else if (t->kind == TOK_IDENT && (r = router_of(d, t)) &&
		   tok_punct(at(d, a + 1), '.')) {
		item(d, I_LIST, list, path, NULL, r, t->line);
	} else if (t->kind == TOK_IDENT && tok_punct(at(d, a + 1), '(')) {
		/* include(get_model_urls(...)): decided at run time; the
		 * mount point itself is served */
		item(d, I_ROUTE, list, path, "ANY", NULL, t->line);
	} else if (t->kind == TOK_IDENT && (tok_punct(at(d, a + 1), ')') ||
					    tok_punct(at(d, a + 1), ','))) {
		item(d, I_LIST, list, path, NULL, str(d, t), t->line);
	}
	(void)close;
}

/* path("x", view, GET=...) at i (the name), in `list`; returns its end. */
static size_t route(struct dj *d, size_t i, const char *list)
{
	size_t open = i + 1, close = d->t.match[open];
	size_t a = open + 1, e = arg_end(d, a, close);
	const struct tok *p = at(d, a);
	const char *path = "";
	int verbs = 0;

	int literal = e > a;

	/* "a" "b" and ("a" r"b") are one literal */
	for (size_t k = a; k < e && literal; k++)
		literal = (at(d, k)->kind == TOK_STRING &&
			   !(at(d, k)->flags & TOK_INTERP)) ||
			  tok_punct(at(d, k), '(') || tok_punct(at(d, k), ')');
	if (literal) {
		struct strbuf sb = STRBUF_INIT;

		for (size_t k = a; k < e; k++)
			if (at(d, k)->kind == TOK_STRING)
				strbuf_add(&sb, at(d, k)->p, at(d, k)->n);
		path = arena_strdup(d->arena, sb.buf);
		strbuf_release(&sb);
	}
	if (e >= close) /* path("x") alone is no route */
		return close + 1;
	/* path(settings.BASE_PATH, include(...)): mounted at its default */
	if (tok_is(at(d, e + 1), "include") && tok_punct(at(d, e + 2), '(')) {
		if (literal || p->kind != TOK_STRING)
			include(d, e + 1, list, path);
		return close + 1;
	}
	if (!literal)
		return close + 1;
	for (size_t k = e + 1; k < close; k = arg_end(d, k, close) + 1) {
		const char *v = http_verb(at(d, k));

		if (v && tok_punct(at(d, k + 1), '=')) {
			item(d, I_ROUTE, list, path, v, NULL, p->line);
			verbs++;
		} else if (tok_is(at(d, k), "methods") &&
			   tok_punct(at(d, k + 1), '=') &&
			   (tok_punct(at(d, k + 2), '(') ||
			    tok_punct(at(d, k + 2), '['))) {
			/* path("x", view, methods=("GET", "POST")) */
			for (size_t j = k + 3; j < d->t.match[k + 2]; j++)
				if (at(d, j)->kind == TOK_STRING) {
					item(d, I_ROUTE, list, path,
					     str(d, at(d, j)), NULL, p->line);
					verbs++;
				}
		}
	}
	if (!verbs) {
		/* views.OrderView.as_view(): the class says the methods */
		const char *cls = NULL;
		size_t ve = arg_end(d, e + 1, close);

		for (size_t k = e + 1; k + 3 < ve; k++)
			if (at(d, k)->kind == TOK_IDENT &&
			    tok_punct(at(d, k + 1), '.') &&
			    tok_is(at(d, k + 2), "as_view") &&
			    tok_punct(at(d, k + 3), '(')) {
				cls = str(d, at(d, k));
				break;
			}
		/* views.login_page: a function, decorators may say */
		if (!cls && at(d, ve - 1)->kind == TOK_IDENT) {
			size_t k = e + 1;
			int plain = 1;

			for (; k < ve; k++)
				plain &= at(d, k)->kind == TOK_IDENT ||
					 tok_punct(at(d, k), '.');
			if (plain) {
				struct strbuf n = STRBUF_INIT;

				strbuf_addf(&n, "fn:%.*s",
					    (int)at(d, ve - 1)->n,
					    at(d, ve - 1)->p);
				cls = arena_strdup(d->arena, n.buf);
				strbuf_release(&n);
			}
		}
		item(d, I_ROUTE, list, path, "ANY", cls, p->line);
	}
	return close + 1;
}

static int is_route_fn(const struct dj *d, size_t i)
{
	const struct tok *t = at(d, i);

	return t->kind == TOK_IDENT && tok_punct(at(d, i + 1), '(') &&
	       (i == 0 || !tok_punct(at(d, i - 1), '.')) &&
	       (tok_ends_with(t, "path") || tok_is(t, "url"));
}

static void scan_items(struct dj *d, size_t lo, size_t hi, const char *list)
{
	for (size_t i = lo; i < hi && i < d->t.nr;) {
		const char *r;

		if (is_route_fn(d, i)) {
			i = route(d, i, list);
			continue;
		}
		/* urlpatterns += router.urls */
		if (*list && (r = router_of(d, at(d, i))) &&
		    tok_punct(at(d, i + 1), '.') &&
		    tok_is(at(d, i + 2), "urls")) {
			item(d, I_LIST, list, "", NULL, r, at(d, i)->line);
			i += 3;
			continue;
		}
		i++;
	}
}

/* One statement [s, e): the list it adds to, routers, registrations. */
static void statement(struct dj *d, size_t s, size_t e)
{
	const struct tok *t = at(d, s);
	const char *list = "", *r;

	if (t->kind != TOK_IDENT) {
		scan_items(d, s, e, list);
		return;
	}
	/* from netbox.plugins.urls import plugin_patterns */
	if (tok_is(t, "from") && at(d, s + 1)->kind == TOK_IDENT) {
		size_t k = s + 1;
		struct strbuf mod = STRBUF_INIT;

		strbuf_addstr(&mod, "py:");
		while (at(d, k)->kind == TOK_IDENT && !tok_is(at(d, k), "import")) {
			strbuf_add(&mod, at(d, k)->p, at(d, k)->n);
			if (!tok_punct(at(d, k + 1), '.'))
				break;
			strbuf_addch(&mod, '.');
			k += 2;
		}
		if (tok_is(at(d, k + 1), "import"))
			for (k += 2; k < e && d->imports_nr < 64; k++) {
				const struct tok *n = at(d, k);

				if (n->kind != TOK_IDENT)
					continue;
				if (tok_is(at(d, k + 1), "as") &&
				    at(d, k + 2)->kind == TOK_IDENT)
					n = at(d, k += 2);
				d->imports[d->imports_nr][0] = str(d, n);
				d->imports[d->imports_nr++][1] =
					arena_strdup(d->arena, mod.buf);
			}
		strbuf_release(&mod);
		return;
	}
	/* router = DefaultRouter() */
	if (tok_punct(at(d, s + 1), '=') && !tok_punct(at(d, s + 2), '=')) {
		size_t k = s + 2;

		while (at(d, k)->kind == TOK_IDENT &&
		       tok_punct(at(d, k + 1), '.'))
			k += 2;
		if (at(d, k)->kind == TOK_IDENT &&
		    tok_ends_with(at(d, k), "Router") &&
		    tok_punct(at(d, k + 1), '(')) {
			if (d->routers_nr == d->routers_alloc) {
				d->routers_alloc =
					d->routers_alloc ? 2 * d->routers_alloc
							 : 4;
				d->routers = xreallocarray(d->routers,
							   d->routers_alloc,
							   sizeof(char *));
				d->router_cls = xreallocarray(d->router_cls,
							      d->routers_alloc,
							      sizeof(char *));
			}
			d->routers[d->routers_nr] = str(d, t);
			d->router_cls[d->routers_nr++] = str(d, at(d, k));
			/* the API root view of a DefaultRouter */
			item(d, I_VIEWSET, str(d, t), "", str(d, at(d, k)), "",
			     t->line);
			return;
		}
	}
	/* router.register("prefix", views.ViewSet, basename=...) */
	if ((r = router_of(d, t)) && tok_punct(at(d, s + 1), '.') &&
	    tok_is(at(d, s + 2), "register") && tok_punct(at(d, s + 3), '(') &&
	    at(d, s + 4)->kind == TOK_STRING && tok_punct(at(d, s + 5), ',')) {
		size_t close = d->t.match[s + 3], k = s + 6,
		       end = arg_end(d, k, close);
		const char *cls = NULL, *rcls = NULL;

		for (; k < end; k++)
			if (at(d, k)->kind == TOK_IDENT)
				cls = str(d, at(d, k));
		for (size_t x = 0; x < d->routers_nr; x++)
			if (d->routers[x] == r)
				rcls = d->router_cls[x];
		if (cls)
			item(d, I_VIEWSET, r, str(d, at(d, s + 4)), rcls, cls,
			     t->line);
		return;
	}
	if (tok_punct(at(d, s + 1), '=') && !tok_punct(at(d, s + 2), '='))
		list = str(d, t);
	else if (tok_punct(at(d, s + 1), '+') && tok_punct(at(d, s + 2), '='))
		list = str(d, t);
	else if (tok_punct(at(d, s + 1), ':')) /* urls: list[...] = [...] */
		list = str(d, t);
	else if (tok_punct(at(d, s + 1), '.') &&
		 (tok_is(at(d, s + 2), "append") ||
		  tok_is(at(d, s + 2), "extend") ||
		  tok_is(at(d, s + 2), "insert")))
		list = str(d, t);
	scan_items(d, s + 1, e, list);
}

static const char *clean(struct arena *arena, const char *prefix,
			 const char *path)
{
	size_t n = strlen(path);

	/* re_path(r"^api/(?P<pk>\d+)/$"): anchors are not part of it */
	if (n && path[0] == '^') {
		path++;
		n--;
	}
	if (n && path[n - 1] == '$')
		n--;
	if (memchr(path, '\\', n)) {
		/* a regex's "\." is the character itself in the URL */
		char *u = arena_alloc(arena, n + 1), *o = u;

		for (size_t i = 0; i < n; i++)
			if (path[i] == '\\' && i + 1 < n &&
			    strchr("./-_~", path[i + 1]))
				*o++ = path[++i];
			else
				*o++ = path[i];
		*o = '\0';
		path = u;
		n = (size_t)(o - u);
	}
	return path_join(arena, prefix, path, n);
}

/*
 * include(plugin_patterns) of a list imported from another module: a
 * mount of that module's list ("py:netbox.plugins.urls#plugin_patterns").
 */
static int imported_list(struct dj *d, const struct item *it, const char *p)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < d->nr; i++)
		if (d->items[i].list && !strcmp(d->items[i].list, it->target))
			return 0; /* a list of the file */
	for (size_t i = 0; i < d->imports_nr; i++)
		if (!strcmp(d->imports[i][0], it->target)) {
			strbuf_addf(&sb, "%s#%s", d->imports[i][1], it->target);
			api_file_add_mount(d->out, d->arena, p, sb.buf,
					   it->line);
			strbuf_release(&sb);
			return 1;
		}
	return 0;
}

static void emit_list(struct dj *d, const char *list, const char *prefix,
		      int depth)
{
	if (depth > 8)
		return;
	for (size_t i = 0; i < d->nr; i++) {
		const struct item *it = &d->items[i];
		const char *p;

		/* lists including lists many times over: bounded */
		if (!d->budget)
			return;
		d->budget--;

		if (!it->list || strcmp(it->list, list))
			continue;
		p = clean(d->arena, prefix, it->path);
		switch (it->kind) {
		case I_ROUTE:
			api_file_add(d->out, d->arena, it->method, p, strlen(p),
				     "django", it->line);
			d->out->ep[d->out->nr - 1].scope = d->scope;
			if (it->target) {
				struct api_file *o = d->out;

				if (o->views_nr == o->views_alloc) {
					o->views_alloc = o->views_alloc
								 ? 2 * o->views_alloc
								 : 8;
					o->views = xreallocarray(
						o->views, o->views_alloc,
						sizeof(*o->views));
				}
				o->views[o->views_nr].ep = o->nr - 1;
				o->views[o->views_nr++].cls = it->target;
			}
			break;
		case I_LIST:
			if (!imported_list(d, it, p))
				emit_list(d, it->target,
					  path_join(d->arena, p, "/", 1),
					  depth + 1);
			break;
		case I_MODULE: {
			struct strbuf sb = STRBUF_INIT;

			strbuf_addf(&sb, "py:%s", it->target);
			api_file_add_mount(d->out, d->arena, p, sb.buf,
					   it->line);
			strbuf_release(&sb);
			break;
		}
		case I_VIEWSET: {
			struct api_viewset *v;

			if (d->out->viewsets_nr == d->out->viewsets_alloc) {
				d->out->viewsets_alloc =
					d->out->viewsets_alloc
						? 2 * d->out->viewsets_alloc
						: 8;
				d->out->viewsets = xreallocarray(
					d->out->viewsets,
					d->out->viewsets_alloc,
					sizeof(*d->out->viewsets));
			}
			v = &d->out->viewsets[d->out->viewsets_nr++];
			v->prefix = p;
			v->cls = it->target;
			v->router = it->method;
			v->line = it->line;
			break;
		}
		}
	}
}

/* Is `list` included by another list of the file? */
static int included(const struct dj *d, const char *list)
{
	for (size_t i = 0; i < d->nr; i++)
		if (d->items[i].kind == I_LIST &&
		    !strcmp(d->items[i].target, list))
			return 1;
	return 0;
}

void routes_django(struct api_file *out, struct arena *arena,
		   const struct language *lang, const char *buf, size_t len)
{
	struct dj d = { 0 };

	d.out = out;
	d.arena = arena;
	rtoks_init(&d.t, lang, buf, len);
	for (size_t i = 0; i < d.t.nr;) {
		size_t e = i + 1;

		while (e < d.t.nr && !(at(&d, e)->flags & TOK_BOL)) {
			if (tok_punct(at(&d, e), '(') ||
			    tok_punct(at(&d, e), '[') ||
			    tok_punct(at(&d, e), '{'))
				e = d.t.match[e];
			e++;
		}
		statement(&d, i, e);
		i = e;
	}
	d.budget = 64 * d.nr + 65536;
	/* every list (and router) not included by another is served at / */
	for (size_t i = 0; i < d.nr; i++) {
		int first = 1;

		for (size_t k = 0; k < i && first; k++)
			first = strcmp(d.items[k].list, d.items[i].list) != 0;
		if (first && !included(&d, d.items[i].list)) {
			struct strbuf sb = STRBUF_INIT;

			/* a module including this list takes only its routes */
			strbuf_addf(&sb, " %s ", d.items[i].list);
			d.scope = arena_strdup(arena, sb.buf);
			strbuf_release(&sb);
			emit_list(&d, d.items[i].list, "/", 0);
		}
	}
	free(d.items);
	free(d.routers);
	free(d.router_cls);
	rtoks_release(&d.t);
}

/* The last name of a dotted base: "viewsets.ModelViewSet" */
static void class_stmt(struct api_file *out, struct arena *arena,
		       const struct rtoks *t, size_t i, size_t end)
{
	struct strbuf bases = STRBUF_INIT, defs = STRBUF_INIT,
		      actions = STRBUF_INIT, methods = STRBUF_INIT;
	const struct tok *name = &t->v[i + 1];
	struct tok_block block = { .v = t->v,
				   .end = end,
				   .indent = t->v[i].indent };
	struct api_class *c;
	size_t k = i + 2;
	int http = 0;

	if (k < end && tok_punct(&t->v[k], '(')) {
		size_t close = t->match[k];
		const struct tok *last = NULL;

		for (k++; k < close && k < end; k++) {
			const struct tok *x = &t->v[k];

			if (x->kind == TOK_IDENT && k + 1 < close &&
			    tok_punct(&t->v[k + 1], '=')) {
				/* metaclass=...: skip the keyword */
				k = k + 1;
				while (k + 1 < close &&
				       !tok_punct(&t->v[k + 1], ','))
					k++;
				continue;
			}
			if (x->kind == TOK_IDENT)
				last = x;
			if (tok_punct(x, ',') || k + 1 == close) {
				if (last) {
					if (bases.len)
						strbuf_addch(&bases, ' ');
					strbuf_add(&bases, last->p, last->n);
				}
				last = NULL;
			}
		}
	}
	/* the body: lines indented more than the class */
	for (k = i + 2; tok_block_next(&block, &k); k++) {
		const struct tok *x = &t->v[k];

		if (tok_is(x, "def") && k + 1 < end &&
		    t->v[k + 1].kind == TOK_IDENT) {
			if (defs.len)
				strbuf_addch(&defs, ' ');
			strbuf_add(&defs, t->v[k + 1].p, t->v[k + 1].n);
		} else if (tok_is(x, "http_method_names") && k + 2 < end &&
			   tok_punct(&t->v[k + 1], '=')) {
			size_t close = t->match[k + 2];

			http = 1;
			for (size_t j = k + 3; j < close && j < end; j++)
				if (t->v[j].kind == TOK_STRING) {
					if (methods.len)
						strbuf_addch(&methods, ' ');
					strbuf_add(&methods, t->v[j].p,
						   t->v[j].n);
				}
		} else if (tok_punct(x, '@') && k + 2 < end &&
			   tok_is(&t->v[k + 1], "action") &&
			   tok_punct(&t->v[k + 2], '(')) {
			/* @action(detail=True, methods=["post"], url_path=) */
			size_t close = t->match[k + 2], j;
			int detail = 0;
			struct strbuf m = STRBUF_INIT, up = STRBUF_INIT;

			for (j = k + 3; j < close && j < end; j++) {
				const struct tok *y = &t->v[j];

				if (tok_is(y, "detail") && j + 2 < close)
					detail = tok_is(&t->v[j + 2], "True");
				else if (tok_is(y, "url_path") &&
					 j + 2 < close &&
					 t->v[j + 2].kind == TOK_STRING)
					strbuf_add(&up, t->v[j + 2].p,
						   t->v[j + 2].n);
				else if (tok_is(y, "methods") &&
					 j + 2 < close &&
					 tok_punct(&t->v[j + 2], '[')) {
					size_t mc = t->match[j + 2];

					for (size_t q = j + 3; q < mc; q++)
						if (t->v[q].kind ==
						    TOK_STRING) {
							if (m.len)
								strbuf_addch(
									&m,
									',');
							strbuf_add(&m,
								   t->v[q].p,
								   t->v[q].n);
						}
				}
			}
			/* the decorated def follows the decorators */
			for (j = close + 1; j < end; j++)
				if (tok_is(&t->v[j], "def") && j + 1 < end) {
					if (!up.len)
						strbuf_add(&up, t->v[j + 1].p,
							   t->v[j + 1].n);
					break;
				}
			strbuf_addf(&actions, "%d|%s|%s\n", detail,
				    m.len ? m.buf : "get", up.buf);
			strbuf_release(&m);
			strbuf_release(&up);
		}
	}
	ALLOC_GROW(out->classes, out->classes_nr + 1,
		   out->classes_alloc);
	c = &out->classes[out->classes_nr++];
	c->name = arena_strndup(arena, name->p, name->n);
	c->bases = arena_strdup(arena, bases.buf);
	c->defs = arena_strdup(arena, defs.buf);
	c->actions = arena_strdup(arena, actions.buf);
	c->http_methods = http ? arena_strdup(arena, methods.buf) : NULL;
	c->ns = NULL;
	c->line = name->line;
	strbuf_release(&bases);
	strbuf_release(&defs);
	strbuf_release(&actions);
	strbuf_release(&methods);
}

/*
 * A function view's decorators saying its methods (@require_POST,
 * @require_GET, @require_safe, zulip's @require_post,
 * @require_http_methods([...]), DRF's @api_view([...])), as a class
 * "fn:name" whose defs are the methods; returns the index to go on at.
 */
static size_t view_function(struct api_file *out, struct arena *arena,
			    const struct rtoks *t, size_t i)
{
	struct strbuf defs = STRBUF_INIT, name = STRBUF_INIT;
	struct api_class *c;
	size_t k = i;
	int said = 0;

	/* the decorators, each a line at indent 0, then def */
	while (k + 1 < t->nr && tok_punct(&t->v[k], '@')) {
		const struct tok *d = &t->v[k + 1];
		size_t e = k + 2;

		/* @decorators.require_post: the last name */
		while (e + 1 < t->nr && tok_punct(&t->v[e], '.')) {
			d = &t->v[e + 1];
			e += 2;
		}
		if (tok_is(d, "require_POST") || tok_is(d, "require_post")) {
			strbuf_addstr(&defs, " post");
			said = 1;
		} else if (tok_is(d, "require_GET") ||
			   tok_is(d, "require_safe")) {
			strbuf_addstr(&defs, " get");
			said = 1;
		} else if ((tok_is(d, "require_http_methods") ||
			    tok_is(d, "api_view")) &&
			   e < t->nr && tok_punct(&t->v[e], '(')) {
			size_t close = t->match[e];
			int any = 0;

			for (size_t j = e + 1; j < close; j++)
				if (t->v[j].kind == TOK_STRING) {
					strbuf_addch(&defs, ' ');
					for (size_t x = 0; x < t->v[j].n; x++)
						strbuf_addch(&defs,
							     (char)(t->v[j].p[x] |
								    0x20));
					any = 1;
				}
			/* @api_view() alone is GET */
			if (!any && tok_is(d, "api_view"))
				strbuf_addstr(&defs, " get");
			said = 1;
		}
		if (e < t->nr && tok_punct(&t->v[e], '('))
			e = t->match[e] + 1;
		k = e;
	}
	if (said && k + 1 < t->nr && tok_is(&t->v[k], "def") &&
	    t->v[k + 1].kind == TOK_IDENT) {
		ALLOC_GROW(out->classes, out->classes_nr + 1,
			   out->classes_alloc);
		c = &out->classes[out->classes_nr++];
		memset(c, 0, sizeof(*c));
		strbuf_addch(&defs, ' ');
		strbuf_addf(&name, "fn:%.*s", (int)t->v[k + 1].n,
			    t->v[k + 1].p);
		c->name = arena_strdup(arena, name.buf);
		c->bases = "";
		c->defs = arena_strdup(arena, defs.buf);
		c->actions = "";
		c->line = t->v[k + 1].line;
	}
	strbuf_release(&defs);
	strbuf_release(&name);
	return k > i ? k - 1 : i;
}

void routes_py_classes(struct api_file *out, struct arena *arena,
		       const struct language *lang, const char *buf, size_t len)
{
	struct rtoks t;

	int views = strstr(buf, "require_") || strstr(buf, "api_view");

	if (!views && !strstr(buf, "View") && !strstr(buf, "Mixin") &&
	    !strstr(buf, "Router"))
		return;
	rtoks_init(&t, lang, buf, len);
	for (size_t i = 0; i + 1 < t.nr; i++)
		if ((t.v[i].flags & TOK_BOL) && tok_is(&t.v[i], "class") &&
		    t.v[i + 1].kind == TOK_IDENT)
			class_stmt(out, arena, &t, i, t.nr);
		else if (views && (t.v[i].flags & TOK_BOL) &&
			 !t.v[i].indent && tok_punct(&t.v[i], '@'))
			i = view_function(out, arena, &t, i);
	rtoks_release(&t);
}
