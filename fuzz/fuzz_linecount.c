/*
 * Fuzz target: the line counter of every language. The first byte picks
 * the language; the rest is the file's content.
 */
#include "carve/linecount.h"
#include "fuzz.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct line_counts c;
	char *buf;

	if (!size)
		return 0;
	buf = fuzz_cstring(data + 1, size - 1);
	linecount_buffer(&c, fuzz_language(data[0]), buf, size - 1);
	/* every physical line is exactly one of the three */
	if (c.lines != c.code + c.comment + c.blank)
		abort();
	free(buf);
	return 0;
}
