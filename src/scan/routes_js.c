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

void routes_js(struct api_file *out, struct arena *arena,
	       const struct language *lang, const char *buf, size_t len)
{
	struct srctok tz;
	struct tok t = { 0 }, prev = { 0 };
	struct strbuf sb = STRBUF_INIT;
	const char *prefix = "";

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
		if (router_name(&prev) && tok_punct(&a, '.') && verb(&t)) {
			struct tok fn = t;

			srctok_next(&tz, &t);
			if (!tok_punct(&t, '('))
				continue;
			srctok_next(&tz, &t);
			if (t.kind == TOK_STRING && t.n && t.p[0] == '/')
				api_file_add(out, arena, verb(&fn), t.p, t.n,
					     "express", t.line);
			prev = fn;
			continue;
		}
		prev = a;
	}
	strbuf_release(&sb);
}
