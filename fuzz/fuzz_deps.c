/*
 * Fuzz target: the dependency lexer of every language. The first byte
 * picks the language; the rest is the file's content.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/arena.h"
#include "carve/deps.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;
	unsigned lines = 1;
	char *buf;

	if (!size)
		return 0;
	buf = fuzz_cstring(data + 1, size - 1);
	for (size_t i = 1; i < size; i++)
		lines += data[i] == '\n';
	deps_extract(&deps, &arena, fuzz_language(data[0]), buf, size - 1);
	for (size_t i = 0; i < deps.nr; i++) {
		/* targets are NUL-terminated copies; lines lie in the file */
		if (!deps.refs[i].target || !deps.refs[i].line ||
		    deps.refs[i].line > lines ||
		    strlen(deps.refs[i].target) > size)
			abort();
	}
	dep_list_release(&deps);
	arena_release(&arena);
	free(buf);
	return 0;
}
