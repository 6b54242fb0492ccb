/*
 * Fuzz target: glob matching. The input is a pattern and a path
 * separated by the first NUL byte (or a newline when there is none).
 */
#include <stdlib.h>
#include <string.h>

#include "carve/glob.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstring(data, size);
	char *sep = memchr(buf, '\0', size);
	const char *path = "";

	if (!sep)
		sep = memchr(buf, '\n', size);
	if (sep) {
		*sep = '\0';
		path = sep + 1;
	}
	glob_match(buf, path);
	free(buf);
	return 0;
}
