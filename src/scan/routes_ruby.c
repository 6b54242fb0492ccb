/*
 * Rails routes (config/routes.rb and the like): get/post/put/patch/
 * delete/match "path" at the start of a line, and resources/resource
 * :name as one RESOURCES endpoint per name. Namespaces are not applied.
 */
#include <string.h>

#include "carve/api.h"
#include "carve/arena.h"
#include "carve/srctok.h"
#include "carve/strbuf.h"

void routes_ruby(struct api_file *out, struct arena *arena, const char *path,
		 const struct language *lang, const char *buf, size_t len)
{
	static const char *const verbs[] = { "get",   "post",	"put",
					     "patch", "delete", "match" };
	static const char *const methods[] = { "GET",	"POST",	  "PUT",
					       "PATCH", "DELETE", "ANY" };
	struct srctok tz;
	struct tok t = { 0 };

	(void)path;

	if (!strstr(buf, "Rails.application.routes") &&
	    !strstr(buf, "routes.draw"))
		return;
	srctok_init(&tz, lang, buf, len);
	srctok_next(&tz, &t);
	while (t.kind != TOK_EOF) {
		struct tok a = t;

		srctok_next(&tz, &t);
		if (!(a.flags & TOK_BOL))
			continue;
		for (size_t i = 0; i < sizeof(verbs) / sizeof(*verbs); i++)
			if (tok_is(&a, verbs[i]) && t.kind == TOK_STRING)
				api_file_add(out, arena, methods[i], t.p, t.n,
					     "rails", t.line);
		if ((tok_is(&a, "resources") || tok_is(&a, "resource")) &&
		    tok_punct(&t, ':')) {
			struct strbuf sb = STRBUF_INIT;

			srctok_next(&tz, &t);
			if (t.kind == TOK_IDENT) {
				strbuf_addch(&sb, '/');
				strbuf_add(&sb, t.p, t.n);
				api_file_add(out, arena, "RESOURCES", sb.buf,
					     sb.len, "rails", t.line);
			}
			strbuf_release(&sb);
		}
	}
}
