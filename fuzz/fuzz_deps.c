/*
 * Fuzz target: the dependency lexer of every language. The first byte
 * picks the language; the rest is the file's content. Where the lexer
 * follows the line counter (deps_extract_counting()), the counts must
 * be linecount_buffer()'s and the statements deps_extract()'s.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/arena.h"
#include "carve/deps.h"
#include "carve/linecount.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dep_list deps = DEP_LIST_INIT, both = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;
	struct line_counts counted, alone;
	const struct language *lang;
	unsigned lines = 1;
	char *buf;

	if (!size)
		return 0;
	buf = fuzz_cstring(data + 1, size - 1);
	lang = fuzz_language(data[0]);
	for (size_t i = 1; i < size; i++)
		lines += data[i] == '\n';
	deps_extract(&deps, &arena, lang, buf, size - 1);
	for (size_t i = 0; i < deps.nr; i++) {
		/* targets are NUL-terminated copies; lines lie in the file */
		if (!deps.refs[i].target || !deps.refs[i].line ||
		    deps.refs[i].line > lines ||
		    strlen(deps.refs[i].target) > size)
			abort();
	}
	if (lang && deps_extract_counting(&both, &arena, lang, buf, size - 1,
					  &counted)) {
		linecount_buffer(&alone, lang, buf, size - 1);
		if (memcmp(&counted, &alone, sizeof(alone)) ||
		    both.nr != deps.nr)
			abort();
		for (size_t i = 0; i < deps.nr; i++)
			if (both.refs[i].line != deps.refs[i].line ||
			    both.refs[i].flags != deps.refs[i].flags ||
			    strcmp(both.refs[i].target, deps.refs[i].target) ||
			    !both.refs[i].name != !deps.refs[i].name ||
			    (deps.refs[i].name &&
			     strcmp(both.refs[i].name, deps.refs[i].name)))
				abort();
	}
	dep_list_release(&both);
	dep_list_release(&deps);
	arena_release(&arena);
	free(buf);
	return 0;
}
