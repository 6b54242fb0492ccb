/*
 * Shared by the unit tests: reading a fixture file under tests/fixtures/
 * (found through $CARVE_SRC, which make check sets, else the current
 * directory). Include after <cmocka.h>; the test frees the buffer.
 */
#ifndef CARVE_TEST_FIXTURE_H
#define CARVE_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

/*
 * Returns the bytes of tests/fixtures/<dir>/<name>, NUL-terminated as the
 * scan pass guarantees its buffers are, and their length in *len.
 */
static inline char *read_fixture_in(const char *dir, const char *name,
				    size_t *len)
{
	const char *src = getenv("CARVE_SRC");
	char path[4096];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof(path), "%s/tests/fixtures/%s/%s",
		 src ? src : ".", dir, name);
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

#endif
