/*
 * The helpers of fuzz.h, linked into every fuzz target.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carve/error.h"
#include "carve/language.h"
#include "fuzz.h"

char *fuzz_cstring(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

const char *fuzz_dir(void)
{
	static char dir[64];

	if (!*dir) {
		const char *tmp = getenv("TMPDIR");

		snprintf(dir, sizeof(dir), "%s/carve-fuzz-XXXXXX",
			 tmp && strlen(tmp) < 40 ? tmp : "/tmp");
		if (!mkdtemp(dir))
			abort();
		warning_set_quiet(1);
	}
	return dir;
}

const char *fuzz_write_file(const char *name, const uint8_t *data, size_t size)
{
	static char path[256];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", fuzz_dir(), name);
	fp = fopen(path, "wb");
	if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp))
		abort();
	return path;
}

const char *fuzz_write_cache(const char *name, const char *header,
			     const uint8_t *data, size_t size)
{
	static char path[256];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", fuzz_dir(), name);
	fp = fopen(path, "wb");
	if (!fp || fputs(header, fp) == EOF ||
	    fwrite(data, 1, size, fp) != size || fclose(fp))
		abort();
	return path;
}

static const struct language *table[256];
static size_t table_nr;

static void collect(const struct language *lang, void *ctx)
{
	(void)ctx;
	if (table_nr < 256)
		table[table_nr++] = lang;
}

const struct language *fuzz_language(uint8_t byte)
{
	if (!table_nr)
		language_for_each(collect, NULL);
	return table[byte % table_nr];
}
