/*
 * Spring endpoints: @GetMapping, @PostMapping, @PutMapping,
 * @DeleteMapping, @PatchMapping and @RequestMapping (method =
 * RequestMethod.X), with a class-level @RequestMapping as the prefix of
 * the methods below it.
 */
#include <string.h>

#include "carve/api.h"
#include "carve/arena.h"
#include "carve/srctok.h"
#include "carve/strbuf.h"

static const char *mapping(const struct tok *t)
{
	static const char *const names[] = { "GetMapping",   "PostMapping",
					     "PutMapping",   "DeleteMapping",
					     "PatchMapping", "RequestMapping" };
	static const char *const methods[] = { "GET",	 "POST",  "PUT",
					       "DELETE", "PATCH", "ANY" };

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (tok_is(t, names[i]))
			return methods[i];
	return NULL;
}

void routes_java(struct api_file *out, struct arena *arena,
		 const struct language *lang, const char *buf, size_t len)
{
	struct srctok tz;
	struct tok t = { 0 };
	struct strbuf prefix = STRBUF_INIT, path = STRBUF_INIT;
	/* a mapping read, waiting to see whether a class or method follows */
	const char *pending = NULL;
	unsigned pending_line = 0;

	srctok_init(&tz, lang, buf, len);
	srctok_next(&tz, &t);
	while (t.kind != TOK_EOF) {
		if (tok_punct(&t, '@')) {
			const char *m;

			srctok_next(&tz, &t);
			if (!(m = mapping(&t)))
				continue;
			pending = m;
			pending_line = t.line;
			strbuf_reset(&path);
			srctok_next(&tz, &t);
			if (!tok_punct(&t, '('))
				continue;
			while (t.kind != TOK_EOF && !tok_punct(&t, ')')) {
				if (t.kind == TOK_STRING && !path.len)
					strbuf_add(&path, t.p, t.n);
				if (tok_is(&t, "RequestMethod")) {
					srctok_next(&tz, &t);
					srctok_next(&tz, &t);
					if (t.kind == TOK_IDENT)
						pending = arena_strndup(
							arena, t.p, t.n);
				}
				srctok_next(&tz, &t);
			}
			srctok_next(&tz, &t);
			continue;
		}
		if (pending &&
		    (tok_is(&t, "class") || tok_is(&t, "interface"))) {
			strbuf_reset(&prefix);
			strbuf_add(&prefix, path.buf, path.len);
			pending = NULL;
		} else if (pending && tok_punct(&t, '(')) {
			struct strbuf full = STRBUF_INIT;
			const char *p = path.buf;

			strbuf_add(&full, prefix.buf, prefix.len);
			if (full.len && full.buf[full.len - 1] == '/')
				strbuf_setlen(&full, full.len - 1);
			if (*p && *p != '/')
				strbuf_addch(&full, '/');
			strbuf_addstr(&full, p);
			if (!full.len)
				strbuf_addch(&full, '/');
			api_file_add(out, arena, pending, full.buf, full.len,
				     "spring", pending_line);
			strbuf_release(&full);
			pending = NULL;
		}
		srctok_next(&tz, &t);
	}
	strbuf_release(&prefix);
	strbuf_release(&path);
}
