/*
 * C# endpoints of ASP.NET: attribute routing (a controller's [Route] or
 * [RoutePrefix] and [Area], its actions' [HttpGet("x")], [Route("x")],
 * [AcceptVerbs(...)], with the [controller], [action] and [area] tokens
 * replaced and "/" or "~/" templates taken as absolute), minimal APIs
 * (app.MapGet("/x"), MapMethods, groups held in variables from
 * MapGroup("/api")) and conventional routes (routes.MapRoute(name,
 * url), nopCommerce's MapLocalizedRoute, MapControllerRoute,
 * MapAreaControllerRoute), whose template serves any method.
 */
#include <string.h>

#include "carve/api.h"
#include "carve/arena.h"
#include "carve/srctok.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

#define MAX_ATTRS 16
#define MAX_CLASSES 8
#define MAX_ROUTES 8

struct attr {
	size_t name; /* token index of the (last) name */
	size_t open; /* '(' or 0 when the attribute takes no arguments */
};

struct cls {
	size_t end; /* the '}' closing the body */
	const char *name; /* "Orders" of OrdersController */
	const char *full; /* "OrdersController" */
	const char *area;
	const char *routes[MAX_ROUTES];
	size_t routes_nr;
	int bdepth; /* brace depth of its body */
	struct strbuf actions; /* " Action=METHOD ..." of a controller */
	unsigned line;
};

struct cswalk {
	struct api_file *out;
	struct arena *arena;
	struct rtoks t;
	struct attr attrs[MAX_ATTRS];
	size_t attrs_nr;
	struct cls cls[MAX_CLASSES];
	int depth; /* classes open */
	struct strmap groups; /* MapGroup variable -> prefix */
	int bdepth; /* braces open */
	int public; /* the statement so far says public */
	const char *ns; /* the namespace */
};

/* A controller's actions as an api_class (carve/api.h) for MapRoute. */
static void class_end(struct cswalk *w, struct cls *c)
{
	struct api_file *out = w->out;
	struct api_class *k;

	if (c->actions.len) {
		ALLOC_GROW(out->classes, out->classes_nr + 1,
			   out->classes_alloc);
		k = &out->classes[out->classes_nr++];
		memset(k, 0, sizeof(*k));
		k->name = c->full;
		k->bases = "";
		k->defs = arena_strdup(w->arena, c->actions.buf);
		k->actions = "";
		k->ns = w->ns;
		k->line = c->line;
	}
	strbuf_release(&c->actions);
}

/* An action of a controller reachable by conventional routes. */
static void record_action(struct cswalk *w, const struct tok *name,
			  const char *alias, const char *const *methods,
			  size_t nr)
{
	struct cls *c = w->depth ? &w->cls[w->depth - 1] : NULL;
	const char *a = alias;

	if (!c || strlen(c->full) <= 10 ||
	    strcmp(c->full + strlen(c->full) - 10, "Controller"))
		return;
	if (!a)
		a = arena_strndup(w->arena, name->p, name->n);
	if (!nr)
		strbuf_addf(&c->actions, " %s=ANY", a);
	for (size_t i = 0; i < nr; i++)
		strbuf_addf(&c->actions, " %s=%s", a, methods[i]);
	strbuf_addch(&c->actions, ' ');
}

static const struct tok *at(const struct cswalk *w, size_t i)
{
	static const struct tok eof = { TOK_EOF, 0, "", 0, 0, 0 };

	return i < w->t.nr ? &w->t.v[i] : &eof;
}

/* The first string argument of an attribute, or NULL. */
static const struct tok *attr_string(const struct cswalk *w,
				     const struct attr *a)
{
	if (!a->open)
		return NULL;
	for (size_t i = a->open + 1; i < w->t.match[a->open]; i++) {
		const struct tok *t = at(w, i);

		if (t->kind == TOK_STRING)
			return t;
		/* Name = "x" is a named property, not the template */
		if (t->kind == TOK_IDENT && tok_punct(at(w, i + 1), '='))
			return NULL;
		if (tok_punct(t, ','))
			break;
	}
	return NULL;
}

static const char *http_attr(const struct tok *t)
{
	static const char *const names[] = { "HttpGet",	   "HttpPost",
					     "HttpPut",	   "HttpDelete",
					     "HttpPatch",  "HttpHead",
					     "HttpOptions" };
	static const char *const methods[] = { "GET",	 "POST",  "PUT",
					       "DELETE", "PATCH", "HEAD",
					       "OPTIONS" };

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		size_t n = strlen(names[i]);

		/* HttpGet or HttpGetAttribute */
		if (t->n >= n && !memcmp(t->p, names[i], n) &&
		    (t->n == n ||
		     (t->n == n + 9 && !memcmp(t->p + n, "Attribute", 9))))
			return methods[i];
	}
	return NULL;
}

/* "api/[controller]/[action]" with the tokens of the class and action. */
static const char *expand(struct cswalk *w, const char *tmpl,
			  const struct cls *c, const struct tok *action)
{
	struct strbuf sb = STRBUF_INIT;
	const char *r;

	for (const char *p = tmpl; *p; p++) {
		if (!strncmp(p, "[controller]", 12) && c) {
			strbuf_addstr(&sb, c->name);
			p += 11;
		} else if (!strncmp(p, "[action]", 8) && action) {
			strbuf_add(&sb, action->p, action->n);
			p += 7;
		} else if (!strncmp(p, "[area]", 6) && c && c->area) {
			strbuf_addstr(&sb, c->area);
			p += 5;
		} else {
			strbuf_addch(&sb, *p);
		}
	}
	r = arena_strdup(w->arena, sb.buf);
	strbuf_release(&sb);
	return r;
}

static void emit(struct cswalk *w, const char *method, const char *path,
		 unsigned line)
{
	const char *full;

	if (!strncmp(path, "~/", 2))
		path++;
	full = *path == '/' ? path
			    : path_join(w->arena, "/", path, strlen(path));
	api_file_add(w->out, w->arena, method, full, strlen(full), "aspnet",
		     line);
}

/* An action with its attributes: every route it is reachable at. */
static void action(struct cswalk *w, const struct tok *name)
{
	const struct cls *c = w->depth ? &w->cls[w->depth - 1] : NULL;
	const char *methods[MAX_ATTRS], *tmpls[MAX_ATTRS];
	const char *tmpl_methods[MAX_ATTRS];
	const char *alias = NULL;
	size_t m_nr = 0, t_nr = 0;
	int routable = 1;

	for (size_t i = 0; i < w->attrs_nr; i++) {
		const struct attr *a = &w->attrs[i];
		const struct tok *n = at(w, a->name), *s = attr_string(w, a);
		const char *m = http_attr(n);

		if (m && s) {
			tmpl_methods[t_nr] = m;
			tmpls[t_nr++] = arena_strndup(w->arena, s->p, s->n);
		} else if (m) {
			/* [AcceptVerbs] may have filled methods already */
			if (m_nr < MAX_ATTRS)
				methods[m_nr++] = m;
		} else if ((tok_is(n, "Route") ||
			    tok_is(n, "RouteAttribute")) &&
			   s) {
			tmpl_methods[t_nr] = NULL;
			tmpls[t_nr++] = arena_strndup(w->arena, s->p, s->n);
		} else if (tok_is(n, "AcceptVerbs") && a->open) {
			for (size_t k = a->open + 1; k < w->t.match[a->open];
			     k++) {
				const struct tok *v = at(w, k);

				/* "GET", or HttpVerbs.Get (MVC) */
				if (m_nr < MAX_ATTRS &&
				    (v->kind == TOK_STRING ||
				     (v->kind == TOK_IDENT &&
				      tok_punct(at(w, k - 1), '.')))) {
					char *u = arena_strndup(w->arena, v->p,
								v->n);

					for (char *x = u; *x; x++)
						if (*x >= 'a' && *x <= 'z')
							*x = (char)(*x - 32);
					methods[m_nr++] = u;
				}
			}
		} else if (tok_is(n, "ActionName") && s) {
			alias = arena_strndup(w->arena, s->p, s->n);
		} else if (tok_is(n, "NonAction") ||
			   tok_is(n, "ChildActionOnly")) {
			routable = 0;
		}
	}
	if (routable) {
		const char *all[2 * MAX_ATTRS];
		size_t all_nr = 0;

		for (size_t i = 0; i < m_nr; i++)
			all[all_nr++] = methods[i];
		for (size_t i = 0; i < t_nr; i++)
			if (tmpl_methods[i])
				all[all_nr++] = tmpl_methods[i];
		record_action(w, name, alias, all, all_nr);
	}
	if (!t_nr && !m_nr)
		return;
	if (!t_nr) {
		/* [HttpGet] alone: the controller's route, if it has one */
		if (!c || !c->routes_nr)
			return;
		tmpls[t_nr] = "";
		tmpl_methods[t_nr++] = NULL;
	}
	for (size_t i = 0; i < t_nr; i++) {
		const char *t = expand(w, tmpls[i], c, name);
		const char *bases[MAX_ROUTES] = { "" };
		size_t b_nr = 1;

		/* a template from the root ignores the controller's */
		if (*t != '/' && *t != '~' && c && c->routes_nr) {
			b_nr = c->routes_nr;
			for (size_t k = 0; k < b_nr; k++)
				bases[k] = expand(w, c->routes[k], c, name);
		} else if (*t != '/' && *t != '~' && (!c || !c->routes_nr) &&
			   !tmpl_methods[i] && !*t) {
			continue;
		}
		for (size_t k = 0; k < b_nr; k++) {
			const char *p = *bases[k]
						? path_join(w->arena, bases[k],
							    t, strlen(t))
						: t;

			if (tmpl_methods[i])
				emit(w, tmpl_methods[i], p, name->line);
			else if (!m_nr)
				emit(w, "ANY", p, name->line);
			else
				for (size_t j = 0; j < m_nr; j++)
					emit(w, methods[j], p, name->line);
		}
	}
}

static void class_decl(struct cswalk *w, size_t i)
{
	const struct tok *name = at(w, i + 1);
	struct cls *c;
	size_t k;

	for (k = i + 2; k < w->t.nr && !tok_punct(at(w, k), '{'); k++)
		if (tok_punct(at(w, k), ';'))
			return; /* a declaration without a body */
	if (w->depth == MAX_CLASSES || k >= w->t.nr)
		return;
	c = &w->cls[w->depth++];
	memset(c, 0, sizeof(*c));
	c->end = w->t.match[k];
	c->name = arena_strndup(w->arena, name->p, name->n);
	c->full = c->name;
	c->bdepth = w->bdepth + 1;
	c->line = name->line;
	strbuf_init(&c->actions, 0);
	if (name->n > 10 && !memcmp(name->p + name->n - 10, "Controller", 10))
		c->name = arena_strndup(w->arena, name->p, name->n - 10);
	for (size_t a = 0; a < w->attrs_nr; a++) {
		const struct tok *n = at(w, w->attrs[a].name);
		const struct tok *s = attr_string(w, &w->attrs[a]);

		if (!s)
			continue;
		if ((tok_is(n, "Route") || tok_is(n, "RoutePrefix") ||
		     tok_is(n, "RouteAttribute")) &&
		    c->routes_nr < MAX_ROUTES)
			c->routes[c->routes_nr++] =
				arena_strndup(w->arena, s->p, s->n);
		else if (tok_is(n, "Area"))
			c->area = arena_strndup(w->arena, s->p, s->n);
	}
	/* an [Area] controller's routes keep their [area] token */
	for (size_t r = 0; r < c->routes_nr; r++)
		c->routes[r] = expand(w, c->routes[r], c, NULL);
}

/* Attributes [A, B(x)] at i ('['); returns the index after ']'. */
static size_t attributes(struct cswalk *w, size_t i)
{
	size_t end = w->t.match[i];

	/* each turn ends on the attribute's last token, before its ',' */
	for (size_t k = i + 1; k < end; k += 2) {
		size_t name;

		/* [assembly: X], [return: X] */
		if (at(w, k)->kind == TOK_IDENT && tok_punct(at(w, k + 1), ':'))
			k += 2;
		if (at(w, k)->kind != TOK_IDENT)
			break;
		name = k;
		while (tok_punct(at(w, k + 1), '.') &&
		       at(w, k + 2)->kind == TOK_IDENT) {
			k += 2;
			name = k;
		}
		if (w->attrs_nr < MAX_ATTRS) {
			w->attrs[w->attrs_nr].name = name;
			w->attrs[w->attrs_nr].open =
				tok_punct(at(w, k + 1), '(') ? k + 1 : 0;
			w->attrs_nr++;
		}
		if (tok_punct(at(w, k + 1), '('))
			k = w->t.match[k + 1];
		if (!tok_punct(at(w, k + 1), ','))
			break;
	}
	return end + 1;
}

static int is_map(const struct tok *t, const char **method)
{
	static const char *const names[] = { "MapGet", "MapPost", "MapPut",
					     "MapDelete", "MapPatch" };
	static const char *const methods[] = { "GET", "POST", "PUT", "DELETE",
					       "PATCH" };

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (tok_is(t, names[i])) {
			*method = methods[i];
			return 1;
		}
	return 0;
}

/* The comma (or close) ending the argument at e, brackets skipped. */
static size_t argument_end(const struct cswalk *w, size_t e, size_t close)
{
	while (e < close && !tok_punct(at(w, e), ','))
		e = (tok_punct(at(w, e), '(') || tok_punct(at(w, e), '{') ||
		     tok_punct(at(w, e), '['))
			    ? w->t.match[e] + 1
			    : e + 1;
	return e;
}

/* The n-th positional string argument, or the named one, of a call. */
static const struct tok *call_arg(const struct cswalk *w, size_t open,
				  size_t nth, const char *const *names)
{
	size_t close = w->t.match[open], pos = 0;

	for (size_t k = open + 1; k < close;) {
		size_t e = k;
		const struct tok *s = NULL;
		int named = 0;

		if (at(w, k)->kind == TOK_IDENT &&
		    tok_punct(at(w, k + 1), ':')) {
			for (size_t x = 0; names[x]; x++)
				named |= tok_is(at(w, k), names[x]);
			if (!named) {
				/* another named argument */
				e = argument_end(w, e, close);
				k = e + 1;
				continue;
			}
			k += 2;
			e = k;
		}
		if (at(w, k)->kind == TOK_STRING &&
		    (tok_punct(at(w, k + 1), ',') || k + 1 == close))
			s = at(w, k);
		e = argument_end(w, e, close);
		if (named)
			return s;
		if (pos++ == nth)
			return s;
		k = e + 1;
	}
	return NULL;
}

/*
 * A conventional route's controller and action defaults (new {
 * controller = "Catalog", action = "Product" }) and its namespaces (new[]
 * { "Nop.Web.Controllers" }): the action's methods are its controller's,
 * resolved by api_analyse() ("cs:namespace|controller|action").
 */
static void route_target(struct cswalk *w, size_t open)
{
	size_t close = w->t.match[open];
	const struct tok *ctl = NULL, *act = NULL, *ns = NULL;
	struct api_file *o = w->out;
	struct strbuf sb = STRBUF_INIT;

	for (size_t k = open + 1; k + 2 < close; k++) {
		const struct tok *t = at(w, k);

		if (tok_is(t, "controller") && tok_punct(at(w, k + 1), '=') &&
		    at(w, k + 2)->kind == TOK_STRING)
			ctl = at(w, k + 2);
		else if (tok_is(t, "action") && tok_punct(at(w, k + 1), '=') &&
			 at(w, k + 2)->kind == TOK_STRING)
			act = at(w, k + 2);
		else if (tok_is(t, "new") && tok_punct(at(w, k + 1), '[') &&
			 tok_punct(at(w, k + 2), ']') &&
			 tok_punct(at(w, k + 3), '{') &&
			 at(w, k + 4)->kind == TOK_STRING)
			ns = at(w, k + 4);
	}
	if (!ctl || !act || !o->nr)
		return;
	strbuf_addf(&sb, "cs:%.*s|%.*sController|%.*s", ns ? (int)ns->n : 0,
		    ns ? ns->p : "", (int)ctl->n, ctl->p, (int)act->n, act->p);
	if (o->views_nr == o->views_alloc) {
		o->views_alloc = o->views_alloc ? 2 * o->views_alloc : 8;
		o->views = xreallocarray(o->views, o->views_alloc,
					 sizeof(*o->views));
	}
	o->views[o->views_nr].ep = o->nr - 1;
	o->views[o->views_nr++].cls = arena_strdup(w->arena, sb.buf);
	strbuf_release(&sb);
}

/* recv.Name(...) at i (recv); returns the next index. */
static size_t map_call(struct cswalk *w, size_t i)
{
	static const char *const url_names[] = { "url", "pattern", "template",
						 NULL };
	const struct tok *recv = at(w, i), *name = at(w, i + 2);
	size_t open = i + 3;
	const char *m, *base = "";
	const struct tok *s;

	if (recv->kind == TOK_IDENT) {
		const char *g = strmap_get(
			&w->groups, arena_strndup(w->arena, recv->p, recv->n));

		if (g)
			base = g;
	}
	if (is_map(name, &m)) {
		s = at(w, open + 1);
		if (s->kind == TOK_STRING)
			emit(w, m, path_join(w->arena, base, s->p, s->n),
			     s->line);
	} else if (tok_is(name, "MapMethods")) {
		size_t close = w->t.match[open];

		s = at(w, open + 1);
		if (s->kind == TOK_STRING)
			for (size_t k = open + 2; k < close; k++)
				if (at(w, k)->kind == TOK_STRING)
					emit(w,
					     arena_strndup(w->arena,
							   at(w, k)->p,
							   at(w, k)->n),
					     path_join(w->arena, base, s->p,
						       s->n),
					     s->line);
	} else if (tok_is(name, "MapRoute") ||
		   tok_is(name, "MapLocalizedRoute") ||
		   tok_is(name, "MapControllerRoute") ||
		   tok_is(name, "MapHttpRoute")) {
		if ((s = call_arg(w, open, 1, url_names))) {
			emit(w, "ANY", arena_strndup(w->arena, s->p, s->n),
			     s->line);
			route_target(w, open);
		}
	} else if (tok_is(name, "MapAreaControllerRoute")) {
		if ((s = call_arg(w, open, 2, url_names)))
			emit(w, "ANY", arena_strndup(w->arena, s->p, s->n),
			     s->line);
	} else {
		return i + 1;
	}
	return w->t.match[open] + 1;
}

void routes_csharp(struct api_file *out, struct arena *arena,
		   const struct language *lang, const char *buf, size_t len)
{
	struct cswalk w = { 0 };

	if (!strstr(buf, "Route") && !strstr(buf, "Http") &&
	    !strstr(buf, "Map"))
		return;
	w.out = out;
	w.arena = arena;
	rtoks_init(&w.t, lang, buf, len);
	for (size_t i = 0; i < w.t.nr;) {
		const struct tok *t = at(&w, i);
		const struct tok *prev = i ? at(&w, i - 1) : NULL;

		while (w.depth && i > w.cls[w.depth - 1].end)
			class_end(&w, &w.cls[--w.depth]);
		/* namespace A.B { or namespace A.B; */
		if (tok_is(t, "namespace") && at(&w, i + 1)->kind == TOK_IDENT) {
			size_t k = i + 1;

			while (tok_punct(at(&w, k + 1), '.') &&
			       at(&w, k + 2)->kind == TOK_IDENT)
				k += 2;
			w.ns = arena_strndup(arena, at(&w, i + 1)->p,
					     (size_t)(at(&w, k)->p +
						      at(&w, k)->n -
						      at(&w, i + 1)->p));
			i = k + 1;
			continue;
		}
		if (tok_punct(t, '[') &&
		    (!prev || (t->flags & TOK_BOL) || tok_punct(prev, ']') ||
		     tok_punct(prev, '{') || tok_punct(prev, '}') ||
		     tok_punct(prev, ';'))) {
			i = attributes(&w, i);
			continue;
		}
		if ((tok_is(t, "class") || tok_is(t, "record")) &&
		    at(&w, i + 1)->kind == TOK_IDENT) {
			class_decl(&w, i);
			w.attrs_nr = 0;
			i += 2;
			continue;
		}
		/* var api = app.MapGroup("/api") */
		if (t->kind == TOK_IDENT && tok_punct(at(&w, i + 1), '=') &&
		    at(&w, i + 2)->kind == TOK_IDENT &&
		    tok_punct(at(&w, i + 3), '.') &&
		    tok_is(at(&w, i + 4), "MapGroup") &&
		    tok_punct(at(&w, i + 5), '(') &&
		    at(&w, i + 6)->kind == TOK_STRING) {
			const char *g = strmap_get(
				&w.groups,
				arena_strndup(arena, at(&w, i + 2)->p,
					      at(&w, i + 2)->n));

			strmap_put(&w.groups, arena_strndup(arena, t->p, t->n),
				   (void *)path_join(arena, g ? g : "",
						     at(&w, i + 6)->p,
						     at(&w, i + 6)->n));
			i += 7;
			continue;
		}
		if (w.attrs_nr && t->kind == TOK_IDENT &&
		    tok_punct(at(&w, i + 1), '(')) {
			action(&w, t);
			w.attrs_nr = 0;
			w.public = 0;
			i = w.t.match[i + 1] + 1;
			continue;
		}
		if ((t->kind == TOK_IDENT || tok_punct(t, ')')) &&
		    tok_punct(at(&w, i + 1), '.') &&
		    at(&w, i + 2)->kind == TOK_IDENT &&
		    tok_punct(at(&w, i + 3), '(')) {
			i = map_call(&w, i);
			continue;
		}
		/* public ActionResult Index(): an action without attributes */
		if (t->kind == TOK_IDENT && tok_punct(at(&w, i + 1), '(') &&
		    w.public && w.depth && w.bdepth == w.cls[w.depth - 1].bdepth) {
			record_action(&w, t, NULL, NULL, 0);
			w.public = 0;
			i = w.t.match[i + 1] + 1;
			continue;
		}
		if (tok_is(t, "public"))
			w.public = 1;
		else if (tok_punct(t, '=') || tok_is(t, "class"))
			w.public = 0;
		if (tok_punct(t, ';') || tok_punct(t, '{') || tok_punct(t, '}')) {
			w.attrs_nr = 0;
			w.public = 0;
		}
		if (tok_punct(t, '{'))
			w.bdepth++;
		else if (tok_punct(t, '}') && w.bdepth)
			w.bdepth--;
		i++;
	}
	while (w.depth)
		class_end(&w, &w.cls[--w.depth]);
	strmap_release(&w.groups);
	rtoks_release(&w.t);
}
