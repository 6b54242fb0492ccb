/*
 * Fuzz target: the route readers of every framework (src/scan/routes_*.c)
 * and the composition of their mounts. The first byte picks a file name
 * (and so the reader: urls.py, config/routes.rb, a Go, C#, JavaScript,
 * TypeScript, Python or GraphQL file); the rest is its content.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/api.h"
#include "carve/arena.h"
#include "carve/language.h"
#include "fuzz.h"

static const char *const paths[][2] = {
	{ "app/urls.py", "Python" },
	{ "app/views.py", "Python" },
	{ "config/routes.rb", "Ruby" },
	{ "config/routes/admin.rb", "Ruby" },
	{ "routers/api.go", "Go" },
	{ "Controllers/OrdersController.cs", "C#" },
	{ "routes/users.js", "JavaScript" },
	{ "src/app.controller.ts", "TypeScript" },
	{ "schema.graphql", "GraphQL" },
	{ "src/Api.java", "Java" },
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct api_file f = { 0 };
	struct arena arena = ARENA_INIT;
	const char *const *p;
	char *buf;

	if (!size)
		return 0;
	p = paths[data[0] % (sizeof(paths) / sizeof(*paths))];
	buf = fuzz_cstring(data + 1, size - 1);
	routes_extract(&f, &arena, p[0], language_by_name(p[1]), buf,
		       size - 1);
	for (size_t i = 0; i < f.nr; i++) {
		/* every endpoint has a method and a NUL-terminated path */
		if (!f.ep[i].method || !f.ep[i].path ||
		    strlen(f.ep[i].path) > 2 * size + 64)
			abort();
	}
	for (size_t i = 0; i < f.mounts_nr; i++)
		if (!f.mounts[i].prefix || !f.mounts[i].target)
			abort();
	api_file_release(&f);
	arena_release(&arena);
	free(buf);
	return 0;
}
