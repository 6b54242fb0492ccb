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

static int ends_with(const struct tok *t, const char *s)
{
	size_t n = strlen(s);

	return t->n >= n && !memcmp(t->p + t->n - n, s, n);
}

static const char *graphene_root(const struct tok *name)
{
	if (ends_with(name, "Query") || ends_with(name, "Queries"))
		return "QUERY";
	if (ends_with(name, "Mutation") || ends_with(name, "Mutations"))
		return "MUTATION";
	if (ends_with(name, "Subscription") || ends_with(name, "Subscriptions"))
		return "SUBSCRIPTION";
	return NULL;
}

/* Methods of @x.route(..., methods=["GET", "POST"]): "GET,POST". */
static const char *route_methods(struct srctok *tz, struct tok *t,
				 struct arena *arena)
{
	struct strbuf sb = STRBUF_INIT;
	int depth = 1;
	const char *m;

	while (t->kind != TOK_EOF && depth > 0) {
		srctok_next(tz, t);
		if (tok_punct(t, '(') || tok_punct(t, '[') || tok_punct(t, '{'))
			depth++;
		else if (tok_punct(t, ')') || tok_punct(t, ']') ||
			 tok_punct(t, '}'))
			depth--;
		else if (tok_is(t, "methods")) {
			srctok_next(tz, t);
			if (!tok_punct(t, '='))
				continue;
			srctok_next(tz, t);
			if (!tok_punct(t, '[') && !tok_punct(t, '('))
				continue;
			for (srctok_next(tz, t);
			     t->kind == TOK_STRING || tok_punct(t, ',');
			     srctok_next(tz, t))
				if (t->kind == TOK_STRING) {
					if (sb.len)
						strbuf_addch(&sb, ',');
					strbuf_add(&sb, t->p, t->n);
				}
			if (tok_punct(t, ')') || tok_punct(t, ']'))
				continue; /* closes the list */
		}
	}
	m = sb.len ? arena_strdup(arena, sb.buf) : "GET";
	strbuf_release(&sb);
	return m;
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
		if (tok_punct(&a, '@') && t.kind == TOK_IDENT) {
			/* @name.route("/x") */
			struct tok fn;

			srctok_next(&tz, &t);
			if (!tok_punct(&t, '.'))
				continue;
			srctok_next(&tz, &fn);
			srctok_next(&tz, &t);
			if (!tok_punct(&t, '('))
				continue;
			srctok_next(&tz, &t);
			/* routes start with '/' (or are "" under a prefix);
			 * @mock.patch("pkg.name") is no route */
			if (t.kind != TOK_STRING || (t.n && t.p[0] != '/'))
				continue;
			if (tok_is(&fn, "route") || tok_is(&fn, "api_route")) {
				struct tok p = t;

				api_file_add(out, arena,
					     route_methods(&tz, &t, arena), p.p,
					     p.n, "flask", p.line);
			} else if (verb(&fn)) {
				api_file_add(out, arena, verb(&fn), t.p, t.n,
					     "flask", t.line);
			}
			continue;
		}
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
