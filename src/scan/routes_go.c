/*
 * Go endpoints: net/http (http.HandleFunc("/x", h), mux.Handle(...),
 * Go 1.22 patterns "GET /x"), gorilla/mux r.HandleFunc, chi r.Get(...)
 * and gin r.GET(...), whenever the first argument is a literal path.
 */
#include <string.h>

#include "carve/api.h"
#include "carve/arena.h"
#include "carve/srctok.h"

static const char *verb(const struct tok *t)
{
	static const char *const names[] = { "Get",	  "Post",  "Put",
					     "Delete",	  "Patch", "GET",
					     "POST",	  "PUT",   "DELETE",
					     "PATCH",	  "Any",   "Handle",
					     "HandleFunc" };
	static const char *const methods[] = {
		"GET", "POST",	 "PUT",	  "DELETE", "PATCH", "GET", "POST",
		"PUT", "DELETE", "PATCH", "ANY",    "ANY",   "ANY"
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (tok_is(t, names[i]))
			return methods[i];
	return NULL;
}

void routes_go(struct api_file *out, struct arena *arena,
	       const struct language *lang, const char *buf, size_t len)
{
	struct srctok tz;
	struct tok t = { 0 }, prev = { 0 };

	srctok_init(&tz, lang, buf, len);
	srctok_next(&tz, &t);
	while (t.kind != TOK_EOF) {
		struct tok a = t;

		srctok_next(&tz, &t);
		if (tok_punct(&prev, '.') && verb(&a) && tok_punct(&t, '(')) {
			const char *m = verb(&a), *p;
			size_t n;

			srctok_next(&tz, &t);
			prev = a;
			if (t.kind != TOK_STRING)
				continue;
			p = t.p;
			n = t.n;
			/* "GET /orders/{id}" (Go 1.22 ServeMux) */
			for (size_t i = 0; i < n && !strcmp(m, "ANY"); i++)
				if (p[i] == ' ' && i + 1 < n &&
				    p[i + 1] == '/') {
					m = arena_strndup(arena, p, i);
					p += i + 1;
					n -= i + 1;
					break;
				}
			if (n && p[0] == '/')
				api_file_add(out, arena, m, p, n, "go", t.line);
			continue;
		}
		prev = a;
	}
}
