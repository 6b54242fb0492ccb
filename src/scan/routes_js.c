/*
 * JavaScript and TypeScript endpoints: Express and Koa routers
 * (app.get("/x", ...), router.post("/x", ...) on a receiver whose name
 * says app, router, server, api or routes) and NestJS controllers
 * (@Controller("prefix") with @Get("x"), @Post(), ...).
 */
#include <string.h>
#include <strings.h>

#include "carve/api.h"
#include "carve/arena.h"
#include "carve/srctok.h"
#include "carve/strbuf.h"

static const char *verb(const struct tok *t)
{
	static const char *const verbs[] = {
		"get",	 "post", "put",	 "delete",
		"patch", "all",	 "head", "options"
	};
	static const char *const upper[] = {
		"GET",	 "POST", "PUT",	 "DELETE",
		"PATCH", "ANY",	 "HEAD", "OPTIONS"
	};

	for (size_t i = 0; i < sizeof(verbs) / sizeof(*verbs); i++)
		if (t->kind == TOK_IDENT && t->n == strlen(verbs[i]) &&
		    !strncasecmp(t->p, verbs[i], t->n))
			return upper[i];
	return NULL;
}

static int router_name(const struct tok *t)
{
	static const char *const words[] = { "app", "router", "server", "api",
					     "route" };
	char low[64];

	if (t->kind != TOK_IDENT || t->n >= sizeof(low))
		return 0;
	for (size_t i = 0; i < t->n; i++)
		low[i] = (char)(t->p[i] | 0x20);
	low[t->n] = '\0';
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (strstr(low, words[i]))
			return 1;
	return 0;
}

struct jsname {
	const char *name;
	const char *prefix; /* a router's, NULL for an import */
	const char *module; /* an import's mount target */
};

#define MAX_JSNAMES 256

static struct jsname *jsname_find(struct jsname *v, size_t nr,
				  const struct tok *t)
{
	for (size_t i = 0; i < nr; i++)
		if (t->n == strlen(v[i].name) && !memcmp(t->p, v[i].name, t->n))
			return &v[i];
	return NULL;
}

/* "./routes/users" from file dir/app.js: the files it may name. */
static const char *js_target(struct arena *arena, const char *path,
			     const struct tok *rel)
{
	struct strbuf dir = STRBUF_INIT, sb = STRBUF_INIT;
	const char *slash = strrchr(path, '/'), *p = rel->p,
		   *end = rel->p + rel->n, *r;
	static const char *const ext[] = { "",	       ".js",  ".ts",
					   ".mjs",     ".cjs", "/index.js",
					   "/index.ts" };

	if (slash)
		strbuf_add(&dir, path, (size_t)(slash - path));
	while (p < end) {
		const char *e = memchr(p, '/', (size_t)(end - p));
		size_t n;

		if (!e)
			e = end;
		n = (size_t)(e - p);
		if (n == 2 && !memcmp(p, "..", 2)) {
			slash = strrchr(dir.buf, '/');
			strbuf_setlen(&dir,
				      slash ? (size_t)(slash - dir.buf) : 0);
		} else if (n && !(n == 1 && *p == '.')) {
			if (dir.len)
				strbuf_addch(&dir, '/');
			strbuf_add(&dir, p, n);
		}
		p = e + 1;
	}
	for (size_t i = 0; i < sizeof(ext) / sizeof(*ext); i++)
		strbuf_addf(&sb, "%sfile:%s%s", i ? "|" : "", dir.buf, ext[i]);
	r = arena_strdup(arena, sb.buf);
	strbuf_release(&dir);
	strbuf_release(&sb);
	return r;
}

/*
 * Express and Koa: routes on routers (express(), express.Router(),
 * new Router({ prefix })) and on receivers whose name says app, router,
 * server, api or route; app.use("/p", router) puts a local router's
 * routes under /p, and an imported one's (require("./x"), import x from
 * "./x") as a mount of that file; router.route("/x").get().post().
 */
static void routes_express(struct api_file *out, struct arena *arena,
			   const char *path, const struct language *lang,
			   const char *buf, size_t len)
{
	struct rtoks t;
	struct jsname names[MAX_JSNAMES];
	size_t nr = 0;

	rtoks_init(&t, lang, buf, len);
	for (size_t i = 0; i + 3 < t.nr && nr < MAX_JSNAMES; i++) {
		const struct tok *a = &t.v[i];
		size_t k = i + 2;

		/* import name from "./x" */
		if (tok_is(a, "import") && t.v[i + 1].kind == TOK_IDENT &&
		    tok_is(&t.v[i + 2], "from") &&
		    t.v[i + 3].kind == TOK_STRING && t.v[i + 3].n &&
		    t.v[i + 3].p[0] == '.') {
			names[nr].name = arena_strndup(arena, t.v[i + 1].p,
						       t.v[i + 1].n);
			names[nr].prefix = NULL;
			names[nr++].module =
				js_target(arena, path, &t.v[i + 3]);
			continue;
		}
		if (a->kind != TOK_IDENT || !tok_punct(&t.v[i + 1], '='))
			continue;
		/* name = require("./x") */
		if (tok_is(&t.v[k], "require") && k + 2 < t.nr &&
		    tok_punct(&t.v[k + 1], '(') &&
		    t.v[k + 2].kind == TOK_STRING && t.v[k + 2].n &&
		    t.v[k + 2].p[0] == '.') {
			names[nr].name = arena_strndup(arena, a->p, a->n);
			names[nr].prefix = NULL;
			names[nr++].module =
				js_target(arena, path, &t.v[k + 2]);
			continue;
		}
		/* name = express(), express.Router(), new Router({prefix}) */
		if (tok_is(&t.v[k], "new"))
			k++;
		while (k + 2 < t.nr && t.v[k].kind == TOK_IDENT &&
		       tok_punct(&t.v[k + 1], '.'))
			k += 2;
		if (k + 1 < t.nr &&
		    (tok_is(&t.v[k], "Router") || tok_is(&t.v[k], "express") ||
		     tok_is(&t.v[k], "Koa")) &&
		    tok_punct(&t.v[k + 1], '(')) {
			const char *prefix = "";

			for (size_t j = k + 2; j + 2 < t.match[k + 1]; j++)
				if (tok_is(&t.v[j], "prefix") &&
				    tok_punct(&t.v[j + 1], ':') &&
				    t.v[j + 2].kind == TOK_STRING)
					prefix = arena_strndup(arena,
							       t.v[j + 2].p,
							       t.v[j + 2].n);
			names[nr].name = arena_strndup(arena, a->p, a->n);
			names[nr].prefix = prefix;
			names[nr++].module = NULL;
		}
	}
	/* app.use("/p", mw, router): twice, for chains of routers */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i + 5 < t.nr; i++) {
			const struct tok *a = &t.v[i], *p;
			struct jsname *app, *r = NULL;
			size_t open = i + 3, close;

			if (a->kind != TOK_IDENT ||
			    !tok_punct(&t.v[i + 1], '.') ||
			    !tok_is(&t.v[i + 2], "use") ||
			    !tok_punct(&t.v[open], '(') ||
			    t.v[open + 1].kind != TOK_STRING)
				continue;
			p = &t.v[open + 1];
			close = t.match[open];
			/* the last argument names the router */
			for (size_t j = open + 2; j < close; j++) {
				if (tok_punct(&t.v[j], ',') && j + 1 < close &&
				    t.v[j + 1].kind == TOK_IDENT)
					r = jsname_find(names, nr, &t.v[j + 1]);
				/* app.use("/p", require("./routes/p")) */
				if (tok_punct(&t.v[j], ',') && j + 4 < close + 1 &&
				    tok_is(&t.v[j + 1], "require") &&
				    tok_punct(&t.v[j + 2], '(') &&
				    t.v[j + 3].kind == TOK_STRING &&
				    t.v[j + 3].n && t.v[j + 3].p[0] == '.' &&
				    nr < MAX_JSNAMES) {
					names[nr].name = "";
					names[nr].prefix = NULL;
					names[nr].module = js_target(
						arena, path, &t.v[j + 3]);
					r = &names[nr++];
				}
				if (tok_punct(&t.v[j], '(') ||
				    tok_punct(&t.v[j], '{') ||
				    tok_punct(&t.v[j], '['))
					j = t.match[j];
			}
			if (!r)
				continue;
			app = jsname_find(names, nr, a);
			if (r->module && pass == 1)
				api_file_add_mount(
					out, arena,
					path_join(arena,
						  app && app->prefix
							  ? app->prefix
							  : "",
						  p->p, p->n),
					r->module, p->line);
			else if (r->prefix && pass == 0)
				r->prefix = path_join(
					arena,
					path_join(arena,
						  app && app->prefix
							  ? app->prefix
							  : "",
						  p->p, p->n),
					r->prefix, strlen(r->prefix));
		}
	for (size_t i = 0; i + 4 < t.nr; i++) {
		const struct tok *a = &t.v[i], *fn = &t.v[i + 2], *s;
		const struct jsname *r;
		const char *base;

		if (a->kind != TOK_IDENT || !tok_punct(&t.v[i + 1], '.') ||
		    !tok_punct(&t.v[i + 3], '(') ||
		    (i && tok_punct(&t.v[i - 1], '.')))
			continue;
		r = jsname_find(names, nr, a);
		if (!(r && r->prefix) && !router_name(a))
			continue;
		base = r && r->prefix ? r->prefix : "";
		s = &t.v[i + 4];
		if (s->kind != TOK_STRING || !s->n || s->p[0] != '/')
			continue;
		if (tok_is(fn, "route")) {
			/* router.route("/x").get(...).post(...) */
			size_t k = t.match[i + 3] + 1;
			const char *full = path_join(arena, base, s->p, s->n);

			while (k + 2 < t.nr && tok_punct(&t.v[k], '.') &&
			       verb(&t.v[k + 1]) &&
			       tok_punct(&t.v[k + 2], '(')) {
				api_file_add(out, arena, verb(&t.v[k + 1]),
					     full, strlen(full), "express",
					     t.v[k + 1].line);
				k = t.match[k + 2] + 1;
			}
		} else if (verb(fn)) {
			const char *full = path_join(arena, base, s->p, s->n);

			api_file_add(out, arena, verb(fn), full, strlen(full),
				     "express", s->line);
		}
	}
	rtoks_release(&t);
}

void routes_js(struct api_file *out, struct arena *arena, const char *path,
	       const struct language *lang, const char *buf, size_t len)
{
	struct srctok tz;
	struct tok t = { 0 };
	struct strbuf sb = STRBUF_INIT;
	const char *prefix = "";

	routes_express(out, arena, path, lang, buf, len);
	srctok_init(&tz, lang, buf, len);
	srctok_next(&tz, &t);
	while (t.kind != TOK_EOF) {
		struct tok a = t;

		srctok_next(&tz, &t);
		if (tok_punct(&a, '@') && t.kind == TOK_IDENT) {
			struct tok fn = t;
			int controller = tok_is(&fn, "Controller");

			srctok_next(&tz, &t);
			if ((!controller && !verb(&fn)) || !tok_punct(&t, '('))
				continue;
			srctok_next(&tz, &t);
			strbuf_reset(&sb);
			if (t.kind == TOK_STRING)
				strbuf_add(&sb, t.p, t.n);
			else if (controller && tok_punct(&t, '{'))
				/* @Controller({ path: "users", host: ... }) */
				while (t.kind != TOK_EOF && !tok_punct(&t, '}')) {
					int is_path = tok_is(&t, "path");

					srctok_next(&tz, &t);
					if (is_path && tok_punct(&t, ':')) {
						srctok_next(&tz, &t);
						if (t.kind == TOK_STRING)
							strbuf_add(&sb, t.p,
								   t.n);
					}
				}
			if (controller) {
				prefix = arena_strdup(arena, sb.buf);
				continue;
			}
			{
				struct strbuf full = STRBUF_INIT;

				strbuf_addf(
					&full, "/%s%s%s",
					*prefix == '/' ? prefix + 1 : prefix,
					*prefix && sb.len ? "/" : "",
					sb.buf[0] == '/' ? sb.buf + 1 : sb.buf);
				api_file_add(out, arena, verb(&fn), full.buf,
					     full.len, "nestjs", fn.line);
				strbuf_release(&full);
			}
			continue;
		}
	}
	strbuf_release(&sb);
}
