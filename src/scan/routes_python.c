/*
 * Python endpoints: Flask and FastAPI decorators (@app.route("/x",
 * methods=[...]), @bp.get("/x"), @router.post("/x")), Django URL
 * URLconfs (src/scan/routes_django.c), and the fields
 * of graphene root types (classes deriving from ObjectType named
 * ...Query, ...Queries, ...Mutation(s) or ...Subscription(s)).
 */
#include <string.h>

#include "carve/api.h"
#include "carve/arena.h"
#include "carve/srctok.h"
#include "carve/strbuf.h"

static const char *verb(const struct tok *t)
{
	static const char *const verbs[] = { "get",    "post",	"put",
					     "delete", "patch", "head",
					     "options" };
	static const char *const upper[] = { "GET",    "POST",	"PUT",
					     "DELETE", "PATCH", "HEAD",
					     "OPTIONS" };

	for (size_t i = 0; i < sizeof(verbs) / sizeof(*verbs); i++)
		if (tok_is(t, verbs[i]))
			return upper[i];
	return NULL;
}

static const char *graphene_root(const struct tok *name)
{
	if (tok_ends_with(name, "Query") || tok_ends_with(name, "Queries"))
		return "QUERY";
	if (tok_ends_with(name, "Mutation") || tok_ends_with(name, "Mutations"))
		return "MUTATION";
	if (tok_ends_with(name, "Subscription") ||
	    tok_ends_with(name, "Subscriptions"))
		return "SUBSCRIPTION";
	return NULL;
}

/* Methods of @x.route(..., methods=["GET", "POST"]): "GET,POST". */
static const char *route_methods(const struct rtoks *t, size_t open,
				 struct arena *arena)
{
	struct strbuf sb = STRBUF_INIT;
	size_t close = t->match[open];
	const char *m;

	for (size_t k = open + 1; k + 2 < close; k++) {
		if (!tok_is(&t->v[k], "methods") ||
		    !tok_punct(&t->v[k + 1], '=') ||
		    !(tok_punct(&t->v[k + 2], '[') ||
		      tok_punct(&t->v[k + 2], '(')))
			continue;
		for (size_t j = k + 3; j < t->match[k + 2]; j++)
			if (t->v[j].kind == TOK_STRING) {
				if (sb.len)
					strbuf_addch(&sb, ',');
				strbuf_add(&sb, t->v[j].p, t->v[j].n);
			}
		break;
	}
	m = sb.len ? arena_strdup(arena, sb.buf) : "GET";
	strbuf_release(&sb);
	return m;
}

/* The string value of keyword `kw` in the call opening at `open`. */
static const struct tok *kwarg(const struct rtoks *t, size_t open,
			       const char *kw)
{
	size_t close = t->match[open];

	for (size_t k = open + 1; k + 2 < close + 1 && k + 2 < t->nr; k++) {
		if (tok_punct(&t->v[k], '(') || tok_punct(&t->v[k], '[') ||
		    tok_punct(&t->v[k], '{')) {
			k = t->match[k];
			continue;
		}
		if (tok_is(&t->v[k], kw) && tok_punct(&t->v[k + 1], '=') &&
		    t->v[k + 2].kind == TOK_STRING)
			return &t->v[k + 2];
	}
	return NULL;
}

struct pyname {
	const char *name; /* a router variable, or an imported name */
	const char *prefix; /* its routes' prefix (routers) */
	const char *module; /* where an imported name comes from */
};

static struct pyname *pyname_find(struct pyname *v, size_t nr,
				  const struct tok *t)
{
	for (size_t i = 0; i < nr; i++)
		if (t->n == strlen(v[i].name) && !memcmp(t->p, v[i].name, t->n))
			return &v[i];
	return NULL;
}

#define MAX_PYNAMES 256

/*
 * Where `from <dots><mod> import <name>` takes name from, as mount
 * targets to try in turn (api_analyse()): the module <mod>.<name>, then
 * <mod> itself; a relative import is resolved against the folder of
 * `path`, an absolute one under any source root ("suffix:").
 */
static const char *import_target(struct arena *arena, const char *path,
				 size_t dots, const char *mod,
				 const struct tok *name)
{
	struct strbuf dir = STRBUF_INIT, sb = STRBUF_INIT, m = STRBUF_INIT;
	const char *kind = dots ? "file:" : "suffix:", *r;

	if (dots) {
		strbuf_addstr(&dir, path);
		for (size_t i = 0; i < dots; i++) {
			const char *slash = strrchr(dir.buf, '/');

			strbuf_setlen(&dir,
				      slash ? (size_t)(slash - dir.buf) : 0);
		}
		if (dir.len)
			strbuf_addch(&dir, '/');
	}
	strbuf_addf(&m, "%s%s", dir.buf, mod);
	if (*mod)
		strbuf_addf(&sb,
			    "%s%s/%.*s.py|%s%s/%.*s/__init__.py|%s%s.py|"
			    "%s%s/__init__.py",
			    kind, m.buf, (int)name->n, name->p, kind, m.buf,
			    (int)name->n, name->p, kind, m.buf, kind, m.buf);
	else
		strbuf_addf(&sb, "%s%s%.*s.py|%s%s%.*s/__init__.py", kind,
			    m.buf, (int)name->n, name->p, kind, m.buf,
			    (int)name->n, name->p);
	r = arena_strdup(arena, sb.buf);
	strbuf_release(&dir);
	strbuf_release(&sb);
	strbuf_release(&m);
	return r;
}

/* QUERY, MUTATION or SUBSCRIPTION of a root type name, or NULL. */
static const char *root_kind(const char *p, size_t n)
{
	struct tok t = { TOK_IDENT, 0, p, n, 0, 0 };

	return graphene_root(&t);
}

/*
 * strawberry: the fields of @strawberry.type classes that are root types
 * (named ...Query, ...Mutation, ...Subscription, or name="Query"): their
 * annotated attributes and their methods.
 */
static void routes_strawberry(struct api_file *out, struct arena *arena,
			      const struct language *lang, const char *buf,
			      size_t len)
{
	struct rtoks t;

	if (!strstr(buf, "strawberry"))
		return;
	rtoks_init(&t, lang, buf, len);
	for (size_t i = 0; i + 3 < t.nr; i++) {
		const struct tok *name = NULL, *s;
		const char *kind;
		size_t k = i + 3;
		struct tok_block block = { .v = t.v, .match = t.match };

		if (!tok_punct(&t.v[i], '@') ||
		    !tok_is(&t.v[i + 1], "strawberry") ||
		    !tok_punct(&t.v[i + 2], '.') ||
		    !tok_is(&t.v[i + 3], "type"))
			continue;
		kind = NULL;
		if (k + 1 < t.nr && tok_punct(&t.v[k + 1], '(')) {
			size_t close = t.match[k + 1];

			for (size_t j = k + 2; j + 2 < close; j++)
				if (tok_is(&t.v[j], "name") &&
				    tok_punct(&t.v[j + 1], '=') &&
				    (s = &t.v[j + 2])->kind == TOK_STRING)
					kind = root_kind(s->p, s->n);
			k = close;
		}
		if (k + 2 >= t.nr || !tok_is(&t.v[k + 1], "class"))
			continue;
		name = &t.v[k + 2];
		if (!kind)
			kind = graphene_root(name);
		if (!kind)
			continue;
		/* the body, but for what its brackets hold */
		block.end = t.nr - 1;
		block.indent = t.v[k + 1].indent;
		for (size_t j = k + 3; tok_block_next(&block, &j); j++) {
			const struct tok *x = &t.v[j];

			if (tok_is(x, "def") && t.v[j + 1].kind == TOK_IDENT &&
			    t.v[j + 1].p[0] != '_')
				api_file_add(out, arena, kind, t.v[j + 1].p,
					     t.v[j + 1].n, "strawberry",
					     t.v[j + 1].line);
			else if (x->kind == TOK_IDENT && x->p[0] != '_' &&
				 tok_punct(&t.v[j + 1], ':'))
				api_file_add(out, arena, kind, x->p, x->n,
					     "strawberry", x->line);
		}
	}
	rtoks_release(&t);
}

/*
 * Flask and FastAPI: @x.route("/p", methods=[...]), @x.get("/p") ...,
 * app.add_url_rule("/p", methods=[...]), with the prefix of the object
 * they are declared on (Blueprint(url_prefix=), APIRouter(prefix=), a
 * local register_blueprint()/include_router() with a prefix); a
 * registration with a prefix of an imported blueprint or router is a
 * mount of the module defining it.
 */
static void routes_py_web(struct api_file *out, struct arena *arena,
			  const char *path, const struct language *lang,
			  const char *buf, size_t len)
{
	struct rtoks t;
	struct pyname names[MAX_PYNAMES];
	size_t nr = 0;
	const char *fw = strstr(buf, "fastapi") ? "fastapi" : "flask";

	rtoks_init(&t, lang, buf, len);
	/* the routers and imports of the file */
	for (size_t i = 0; i + 3 < t.nr; i++) {
		const struct tok *a = &t.v[i];

		if ((a->flags & TOK_BOL) && tok_is(a, "from")) {
			struct strbuf mod = STRBUF_INIT;
			size_t k = i + 1, dots = 0;

			while (k < t.nr && tok_punct(&t.v[k], '.')) {
				dots++;
				k++;
			}
			while (k < t.nr && t.v[k].kind == TOK_IDENT &&
			       !tok_is(&t.v[k], "import")) {
				strbuf_add(&mod, t.v[k].p, t.v[k].n);
				if (k + 1 < t.nr &&
				    tok_punct(&t.v[k + 1], '.')) {
					strbuf_addch(&mod, '/');
					k += 2;
				} else {
					k++;
				}
			}
			if (k < t.nr && tok_is(&t.v[k], "import"))
				for (k++; k < t.nr && nr < MAX_PYNAMES; k++) {
					const struct tok *n = &t.v[k], *as = n;

					if (tok_punct(n, '(') ||
					    tok_punct(n, ','))
						continue;
					if (n->kind != TOK_IDENT ||
					    ((n->flags & TOK_BOL) &&
					     !tok_punct(&t.v[k - 1], '(') &&
					     !tok_punct(&t.v[k - 1], ',')))
						break;
					if (k + 2 < t.nr &&
					    tok_is(&t.v[k + 1], "as")) {
						as = &t.v[k + 2];
						k += 2;
					}
					names[nr].name = arena_strndup(
						arena, as->p, as->n);
					names[nr].prefix = NULL;
					names[nr++].module = import_target(
						arena, path, dots, mod.buf, n);
				}
			strbuf_release(&mod);
			continue;
		}
		/* bp = Blueprint("x", __name__, url_prefix="/x") */
		if (a->kind == TOK_IDENT && tok_punct(&t.v[i + 1], '=') &&
		    t.v[i + 2].kind == TOK_IDENT &&
		    tok_punct(&t.v[i + 3], '(') &&
		    (tok_is(&t.v[i + 2], "Blueprint") ||
		     tok_is(&t.v[i + 2], "APIRouter") ||
		     tok_is(&t.v[i + 2], "Flask") ||
		     tok_is(&t.v[i + 2], "FastAPI")) &&
		    nr < MAX_PYNAMES) {
			const struct tok *p = kwarg(&t, i + 3, "url_prefix");

			if (!p)
				p = kwarg(&t, i + 3, "prefix");
			names[nr].name = arena_strndup(arena, a->p, a->n);
			names[nr].prefix = p ? arena_strndup(arena, p->p, p->n)
					     : "";
			names[nr++].module = NULL;
		}
	}
	/* registrations with a prefix: local routers get it, imported ones
	 * are mounts */
	for (size_t i = 0; i + 4 < t.nr; i++) {
		const struct tok *a = &t.v[i];
		struct pyname *app, *r;
		const struct tok *p, *arg;
		size_t open = i + 3;

		if (a->kind != TOK_IDENT || !tok_punct(&t.v[i + 1], '.') ||
		    !(tok_is(&t.v[i + 2], "register_blueprint") ||
		      tok_is(&t.v[i + 2], "include_router")) ||
		    !tok_punct(&t.v[open], '('))
			continue;
		p = kwarg(&t, open, "url_prefix");
		if (!p)
			p = kwarg(&t, open, "prefix");
		if (!p)
			continue;
		app = pyname_find(names, nr, a);
		arg = &t.v[open + 1];
		r = pyname_find(names, nr, arg);
		if (!r)
			continue;
		if (r->module) {
			/* mod.router or an imported router */
			api_file_add_mount(
				out, arena,
				path_join(arena,
					  app && app->prefix ? app->prefix : "",
					  p->p, p->n),
				r->module, p->line);
		} else if (tok_is(&t.v[i + 2], "include_router")) {
			r->prefix = path_join(
				arena,
				path_join(arena,
					  app && app->prefix ? app->prefix : "",
					  p->p, p->n),
				r->prefix, strlen(r->prefix));
		} else {
			r->prefix = path_join(
				arena, app && app->prefix ? app->prefix : "",
				p->p, p->n);
		}
	}
	for (size_t i = 0; i + 4 < t.nr; i++) {
		const struct tok *a = &t.v[i], *fn = &t.v[i + 3], *s;
		const struct pyname *r;
		const char *m, *full;
		size_t open;
		int deco = tok_punct(a, '@');

		if (deco) /* `@app.route(` may end the file: v[nr] is its end */
			a = &t.v[++i];
		if (a->kind != TOK_IDENT || !tok_punct(&t.v[i + 1], '.') ||
		    !tok_punct(&t.v[i + 3], '('))
			continue;
		fn = &t.v[i + 2];
		open = i + 3;
		s = &t.v[open + 1];
		/* routes start with '/' (or are "" under a prefix);
		 * @mock.patch("pkg.name") is no route */
		if (s->kind != TOK_STRING || (s->n && s->p[0] != '/'))
			continue;
		if (deco && (tok_is(fn, "route") || tok_is(fn, "api_route")))
			m = route_methods(&t, open, arena);
		else if (deco && verb(fn))
			m = verb(fn);
		else if (!deco && tok_is(fn, "add_url_rule"))
			m = route_methods(&t, open, arena);
		else
			continue;
		r = pyname_find(names, nr, a);
		full = path_join(arena, r && r->prefix ? r->prefix : "", s->p,
				 s->n);
		api_file_add(out, arena, m, full, strlen(full), fw, s->line);
	}
	rtoks_release(&t);
}

void routes_python(struct api_file *out, struct arena *arena, const char *path,
		   const struct language *lang, const char *buf, size_t len)
{
	struct srctok tz;
	struct tok t = { 0 };
	const char *base = strrchr(path, '/');
	int urls, depth = 0;
	const char *root = NULL; /* in a graphene root type */
	unsigned root_indent = 0;

	base = base ? base + 1 : path;
	urls = strlen(base) >= 7 && !strcmp(base + strlen(base) - 7, "urls.py");
	/* a development server's URLconf is not the API served */
	if (urls && !strncmp(base, "dev", 3))
		urls = 0;
	else if (!urls && strstr(buf, "urlpatterns"))
		urls = 1;
	if (urls)
		routes_django(out, arena, lang, buf, len);
	routes_py_classes(out, arena, lang, buf, len);
	routes_py_web(out, arena, path, lang, buf, len);
	routes_strawberry(out, arena, lang, buf, len);
	srctok_init(&tz, lang, buf, len);
	srctok_next(&tz, &t);
	while (t.kind != TOK_EOF) {
		struct tok a = t;

		if (tok_punct(&a, '(') || tok_punct(&a, '[') ||
		    tok_punct(&a, '{'))
			depth++;
		else if ((tok_punct(&a, ')') || tok_punct(&a, ']') ||
			  tok_punct(&a, '}')) &&
			 depth)
			depth--;
		if ((a.flags & TOK_BOL) && depth == 0 && root &&
		    a.indent <= root_indent)
			root = NULL;
		srctok_next(&tz, &t);
		if ((a.flags & TOK_BOL) && depth == 0 && tok_is(&a, "class") &&
		    t.kind == TOK_IDENT) {
			struct tok name = t;
			int object_type = 0;

			srctok_next(&tz, &t);
			if (tok_punct(&t, '(')) {
				while (t.kind != TOK_EOF &&
				       !tok_punct(&t, ')')) {
					object_type |= tok_is(&t, "ObjectType");
					srctok_next(&tz, &t);
				}
			}
			if (object_type && graphene_root(&name)) {
				root = graphene_root(&name);
				root_indent = a.indent;
			}
			continue;
		}
		if (root && (a.flags & TOK_BOL) && depth == 0 &&
		    a.kind == TOK_IDENT && a.indent > root_indent &&
		    tok_punct(&t, '=') && a.p[0] != '_')
			api_file_add(out, arena, root, a.p, a.n, "graphene",
				     a.line);
	}
}
