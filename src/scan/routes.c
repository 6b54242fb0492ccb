/*
 * The entry of endpoint extraction: picks the route reader of a file's
 * language and collects the string literals that look like URL paths
 * (possible calls of an endpoint) from every file.
 */
#include <string.h>

#include "carve/api.h"
#include "carve/arena.h"
#include "carve/language.h"
#include "carve/role.h"
#include "carve/srctok.h"
#include "carve/xmalloc.h"

void api_file_add(struct api_file *f, struct arena *arena, const char *method,
		  const char *path, size_t path_len, const char *framework,
		  unsigned line)
{
	struct api_endpoint *e;

	if (f->nr == f->alloc) {
		f->alloc = f->alloc ? 2 * f->alloc : 8;
		f->ep = xreallocarray(f->ep, f->alloc, sizeof(*f->ep));
	}
	e = &f->ep[f->nr++];
	e->method = method;
	e->path = arena_strndup(arena, path, path_len);
	e->framework = framework;
	e->line = line;
	e->scope = NULL;
}

void api_file_add_mount(struct api_file *f, struct arena *arena,
			const char *prefix, const char *target, unsigned line)
{
	struct api_mount *m;

	if (f->mounts_nr == f->mounts_alloc) {
		f->mounts_alloc = f->mounts_alloc ? 2 * f->mounts_alloc : 4;
		f->mounts = xreallocarray(f->mounts, f->mounts_alloc,
					  sizeof(*f->mounts));
	}
	m = &f->mounts[f->mounts_nr++];
	m->prefix = arena_strdup(arena, prefix);
	m->target = arena_strdup(arena, target);
	m->line = line;
}

void api_file_release(struct api_file *f)
{
	free(f->ep);
	free(f->calls);
	free(f->mounts);
	free(f->viewsets);
	free(f->classes);
	free(f->views);
	memset(f, 0, sizeof(*f));
}

const struct api_framework api_frameworks[] = {
	{ "Python", "flask", "Flask", 1 },
	{ "Python", "fastapi", "FastAPI", 1 },
	{ "Python", "django.urls", "Django", 1 },
	{ "Python", "django.conf.urls", "Django", 1 },
	{ "Python", "rest_framework", "Django REST framework", 1 },
	{ "Python", "graphene", "graphene", 1 },
	{ "Python", "strawberry", "strawberry", 1 },
	{ "Python", "tornado.web", "Tornado", 0 },
	{ "Python", "aiohttp import web", "aiohttp", 0 },
	{ "Python", "pyramid.config", "Pyramid", 0 },
	{ "Python", "from bottle", "Bottle", 0 },
	{ "Python", "from sanic", "Sanic", 0 },
	{ "Python", "import falcon", "Falcon", 0 },
	{ "Python", "starlette.routing", "Starlette", 0 },
	{ "Python", "import cherrypy", "CherryPy", 0 },
	{ "Python", "from litestar", "Litestar", 0 },
	{ "JavaScript", "express", "Express", 1 },
	{ "TypeScript", "express", "Express", 1 },
	{ "JavaScript", "koa", "Koa", 1 },
	{ "TypeScript", "@nestjs/common", "NestJS", 1 },
	{ "JavaScript", "fastify", "Fastify", 0 },
	{ "TypeScript", "fastify", "Fastify", 0 },
	{ "JavaScript", "@hapi/hapi", "hapi", 0 },
	{ "TypeScript", "@hapi/hapi", "hapi", 0 },
	{ "JavaScript", "restify", "restify", 0 },
	{ "TypeScript", "next/server", "Next.js route handlers", 0 },
	{ "TypeScript", "from 'hono'", "Hono", 0 },
	{ "Go", "gorilla/mux", "gorilla/mux", 1 },
	{ "Go", "go-chi/chi", "chi", 1 },
	{ "Go", "gin-gonic/gin", "gin", 1 },
	{ "Go", "labstack/echo", "echo", 1 },
	{ "Go", "gitea/modules/web\"", "gitea's router", 1 },
	{ "Go", "gofiber/fiber", "Fiber", 0 },
	{ "Go", "beego", "Beego", 0 },
	{ "Go", "kataras/iris", "Iris", 0 },
	{ "Go", "julienschmidt/httprouter", "httprouter", 0 },
	{ "Go", "macaron", "Macaron", 0 },
	{ "Go", "emicklei/go-restful", "go-restful", 0 },
	{ "Java", "org.springframework.web.bind", "Spring MVC", 1 },
	{ "Kotlin", "org.springframework.web.bind", "Spring MVC", 1 },
	{ "Java", "javax.ws.rs", "JAX-RS", 0 },
	{ "Java", "jakarta.ws.rs", "JAX-RS", 0 },
	{ "Java", "io.micronaut.http", "Micronaut", 0 },
	{ "Kotlin", "io.micronaut.http", "Micronaut", 0 },
	{ "Kotlin", "io.ktor.server", "Ktor", 0 },
	{ "Java", "io.vertx.ext.web", "Vert.x Web", 0 },
	{ "Java", "play.mvc", "Play", 0 },
	{ "Ruby", "routes.draw", "Rails", 1 },
	{ "Ruby", "Sinatra", "Sinatra", 0 },
	{ "Ruby", "sinatra", "Sinatra", 0 },
	{ "Ruby", "Grape::API", "Grape", 0 },
	{ "Ruby", "Hanami", "Hanami", 0 },
	{ "Ruby", "Roda", "Roda", 0 },
	{ "C#", "Microsoft.AspNetCore", "ASP.NET Core", 1 },
	{ "C#", "System.Web.Mvc", "ASP.NET MVC", 1 },
	{ "C#", "System.Web.Http", "ASP.NET Web API", 1 },
	{ "C#", "using Nancy", "Nancy", 0 },
	{ "C#", "ServiceStack", "ServiceStack", 0 },
	{ "PHP", "Illuminate\\Support\\Facades\\Route", "Laravel", 0 },
	{ "PHP", "Symfony\\Component\\Routing", "Symfony", 0 },
	{ "PHP", "Slim\\App", "Slim", 0 },
	{ "Rust", "actix_web", "actix-web", 0 },
	{ "Rust", "axum::", "axum", 0 },
	{ "Rust", "rocket::", "Rocket", 0 },
	{ "Rust", "warp::", "warp", 0 },
	{ "Elixir", "Phoenix.Router", "Phoenix", 0 },
};
const size_t api_frameworks_nr =
	sizeof(api_frameworks) / sizeof(*api_frameworks);

/* The frameworks whose markers the first 8 KiB of a file show. */
static unsigned long long frameworks_of(const char *lang, const char *buf,
					size_t len)
{
	unsigned long long bits = 0;

	if (len > 8192)
		len = 8192;
	for (size_t i = 0; i < api_frameworks_nr && i < 64; i++)
		if (!strcmp(api_frameworks[i].lang, lang) &&
		    memmem(buf, len, api_frameworks[i].marker,
			   strlen(api_frameworks[i].marker)))
			bits |= 1ULL << i;
	return bits;
}

void rtoks_init(struct rtoks *t, const struct language *lang, const char *buf,
		size_t len)
{
	struct srctok tz;
	struct tok cur = { 0 };
	size_t alloc = 64, *stack = NULL, depth = 0, stack_alloc = 0;

	memset(t, 0, sizeof(*t));
	t->v = xmalloc(alloc * sizeof(*t->v));
	srctok_init(&tz, lang, buf, len);
	for (;;) {
		/* the tokenizer reads the previous token from *cur */
		srctok_next(&tz, &cur);
		if (t->nr == alloc) {
			alloc *= 2;
			t->v = xreallocarray(t->v, alloc, sizeof(*t->v));
		}
		t->v[t->nr] = cur; /* TOK_EOF stays as v[nr], uncounted */
		if (cur.kind == TOK_EOF)
			break;
		t->nr++;
	}
	t->match = xmalloc((t->nr + 1) * sizeof(*t->match));
	for (size_t i = 0; i < t->nr; i++) {
		const struct tok *k = &t->v[i];

		t->match[i] = i;
		if (tok_punct(k, '(') || tok_punct(k, '[') ||
		    tok_punct(k, '{')) {
			if (depth == stack_alloc) {
				stack_alloc = stack_alloc ? 2 * stack_alloc
							  : 32;
				stack = xreallocarray(stack, stack_alloc,
						      sizeof(*stack));
			}
			stack[depth++] = i;
		} else if ((tok_punct(k, ')') || tok_punct(k, ']') ||
			    tok_punct(k, '}')) &&
			   depth) {
			t->match[stack[--depth]] = i;
		}
	}
	/* an unclosed bracket spans to the end */
	while (depth)
		t->match[stack[--depth]] = t->nr;
	free(stack);
}

void rtoks_release(struct rtoks *t)
{
	free(t->v);
	free(t->match);
	memset(t, 0, sizeof(*t));
}

const char *path_join(struct arena *arena, const char *a, const char *b,
		      size_t b_len)
{
	size_t an = strlen(a);
	char *s, *p;

	while (an && a[an - 1] == '/' && b_len && b[0] == '/')
		an--;
	s = arena_alloc(arena, an + b_len + 2);
	memcpy(s, a, an);
	p = s + an;
	if (an && a[an - 1] != '/' && b_len && b[0] != '/' && b[0] != '.')
		*p++ = '/';
	memcpy(p, b, b_len);
	p[b_len] = '\0';
	return s;
}

/* "/a/b", "/api/orders/" : a path of two or more characters, no blanks. */
static int looks_like_path(const struct tok *t)
{
	if (t->n < 2 || t->n > 512 || t->p[0] != '/' || t->p[1] == '/' ||
	    t->p[1] == '*')
		return 0;
	for (size_t i = 0; i < t->n; i++)
		if (t->p[i] == ' ' || t->p[i] == '\n' || t->p[i] == '\t')
			return 0;
	return 1;
}

static void collect_calls(struct api_file *out, struct arena *arena,
			  const struct language *lang, const char *buf,
			  size_t len)
{
	struct srctok tz;
	struct tok t = { 0 };

	srctok_init(&tz, lang, buf, len);
	for (srctok_next(&tz, &t); t.kind != TOK_EOF; srctok_next(&tz, &t)) {
		if (t.kind != TOK_STRING || !looks_like_path(&t))
			continue;
		if (out->calls_nr == out->calls_alloc) {
			out->calls_alloc =
				out->calls_alloc ? 2 * out->calls_alloc : 8;
			out->calls = xreallocarray(out->calls, out->calls_alloc,
						   sizeof(*out->calls));
		}
		out->calls[out->calls_nr].path = arena_strndup(arena, t.p, t.n);
		out->calls[out->calls_nr++].line = t.line;
	}
}

void routes_extract(struct api_file *out, struct arena *arena, const char *path,
		    const struct language *lang, const char *buf, size_t len)
{
	const char *name;

	if (!lang)
		return;
	name = lang->name;
	if (!strcmp(name, "GraphQL")) {
		routes_graphql(out, arena, lang, buf, len);
		return;
	}
	if (!(lang->flags & LANG_PROGRAMMING))
		return;
	/* a test's or a spec's routes are fixtures, not the API served */
	if (file_role(path) == ROLE_TEST)
		goto calls;
	out->frameworks = frameworks_of(name, buf, len);
	if (!strcmp(name, "Python"))
		routes_python(out, arena, path, lang, buf, len);
	else if (!strcmp(name, "JavaScript") || !strcmp(name, "TypeScript"))
		routes_js(out, arena, path, lang, buf, len);
	else if (!strcmp(name, "Go"))
		routes_go(out, arena, path, lang, buf, len);
	else if (!strcmp(name, "Java") || !strcmp(name, "Kotlin"))
		routes_java(out, arena, lang, buf, len);
	else if (!strcmp(name, "Ruby"))
		routes_ruby(out, arena, path, lang, buf, len);
	else if (!strcmp(name, "C#"))
		routes_csharp(out, arena, lang, buf, len);
calls:
	collect_calls(out, arena, lang, buf, len);
}
