/*
 * Unit tests for atomic output: the target changes only on commit, an
 * abort leaves the old content, an unwritable directory is an error.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "carve/outfile.h"

static char dir[] = "/tmp/carve-test-outfile-XXXXXX";

static void read_back(const char *path, char *buf, size_t size)
{
	FILE *fp = fopen(path, "r");
	size_t n;

	assert_non_null(fp);
	n = fread(buf, 1, size - 1, fp);
	buf[n] = '\0';
	fclose(fp);
}

static int entries_in_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while ((e = readdir(d)))
		n += e->d_name[0] != '.' || strstr(e->d_name, "carve-") != NULL;
	closedir(d);
	return n;
}

static void commit_replaces_abort_keeps(void **state)
{
	struct outfile out = OUTFILE_INIT;
	char path[128], buf[64];

	(void)state;
	snprintf(path, sizeof(path), "%s/out.txt", dir);
	assert_int_equal(outfile_open(&out, path), 0);
	fputs("first\n", out.fp);
	/* nothing at the target until commit */
	assert_int_not_equal(access(path, F_OK), 0);
	assert_int_equal(outfile_commit(&out), 0);
	read_back(path, buf, sizeof(buf));
	assert_string_equal(buf, "first\n");

	assert_int_equal(outfile_open(&out, path), 0);
	fputs("second, never committed\n", out.fp);
	outfile_abort(&out);
	read_back(path, buf, sizeof(buf));
	assert_string_equal(buf, "first\n");
	/* the temporary file is gone: only out.txt is left */
	assert_int_equal(entries_in_dir(), 1);
	unlink(path);
}

static void unwritable_target_is_an_error(void **state)
{
	struct outfile out = OUTFILE_INIT;

	(void)state;
	assert_int_not_equal(outfile_open(&out, "/nonexistent-dir/x.json"), 0);
	assert_null(out.fp);
	outfile_abort(&out); /* safe after a failed open */
	outfile_abort(NULL);
}

static void full_disk_is_reported(void **state)
{
	struct outfile out = OUTFILE_INIT;

	(void)state;
	if (access("/dev/full", W_OK)) {
		skip();
		return;
	}
	/* stdout-like path: write to /dev/full through a FILE* */
	out.fp = fopen("/dev/full", "w");
	assert_non_null(out.fp);
	out.path = strdup("/dev/full");
	out.tmp = NULL;
	for (int i = 0; i < 10000; i++)
		fputs("0123456789", out.fp);
	assert_int_not_equal(outfile_commit(&out), 0);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(commit_replaces_abort_keeps),
		cmocka_unit_test(unwritable_target_is_an_error),
		cmocka_unit_test(full_disk_is_reported),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
