/*
 * Unit tests for carve.json: comments, trailing commas, error positions,
 * duplicate keys, wrong types.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "carve/config.h"
#include "carve/error.h"

static char tmpdir[] = "/tmp/carve-test-config-XXXXXX";

static const char *write_config(const char *text)
{
	static char path[128];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/carve.json", tmpdir);
	fp = fopen(path, "w");
	fputs(text, fp);
	fclose(fp);
	return path;
}

/* Captures stderr into a file so tests can read the error message. */
static char *capture(int (*fn)(const char *), const char *arg, int *ret)
{
	static char msg[1024];
	FILE *fp = tmpfile();
	int saved = dup(2);
	size_t n;

	fflush(stderr);
	dup2(fileno(fp), 2);
	*ret = fn(arg);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(fp);
	n = fread(msg, 1, sizeof(msg) - 1, fp);
	msg[n] = '\0';
	fclose(fp);
	return msg;
}

static int load(const char *path)
{
	struct config cfg = CONFIG_INIT;
	int ret = config_load(&cfg, path, 1);

	config_release(&cfg);
	return ret;
}

static void comments_and_trailing_commas(void **state)
{
	struct config cfg = CONFIG_INIT;
	const char *path = write_config(
		"// top comment\n"
		"{\n"
		"  /* block\n     comment */ \"exclude\": [\"a/**\", \"*.sql\",],\n"
		"  \"modules\": { \"depth\": 2, }, // after\n"
		"  \"note\": \"a // inside a string is not a comment\"\n"
		"}\n");

	(void)state;
	assert_int_equal(config_load(&cfg, path, 1), 0);
	assert_int_equal(cfg.exclude.nr, 2);
	assert_string_equal(cfg.exclude.patterns[1], "*.sql");
	assert_int_equal(cfg.module_depth, 2);
	config_release(&cfg);
}

static void error_names_line_and_column(void **state)
{
	/* the stray 'x' is on line 3, column 14 */
	const char *path = write_config("{\n  \"modules\": {\n    \"depth\": x\n"
					"  }\n}\n");
	int ret;
	char *msg = capture(load, path, &ret);

	(void)state;
	assert_int_not_equal(ret, 0);
	assert_non_null(strstr(msg, "carve.json' at line 3, column 14"));
}

static void truncated_file_says_end_of_file(void **state)
{
	const char *path = write_config("{ \"exclude\": [\"a\"");
	int ret;
	char *msg = capture(load, path, &ret);

	(void)state;
	assert_int_not_equal(ret, 0);
	assert_non_null(strstr(msg, "unexpected end of file"));
}

static void duplicate_keys_are_errors(void **state)
{
	const char *path = write_config("{ \"modules\": { \"depth\": 1, "
					"\"depth\": 2 } }");
	int ret;
	char *msg = capture(load, path, &ret);

	(void)state;
	assert_int_not_equal(ret, 0);
	assert_non_null(strstr(msg, "duplicate key 'depth' in \"modules\""));
}

static void wrong_types_name_the_key(void **state)
{
	int ret;
	char *msg;

	(void)state;
	msg = capture(load, write_config("{ \"exclude\": \"vendor/**\" }"),
		      &ret);
	assert_int_not_equal(ret, 0);
	assert_non_null(strstr(msg, "carve.json: 'exclude': expected an array "
				    "of glob strings, got \"vendor/**\""));
	msg = capture(load, write_config("{ \"modules\": { \"depth\": 0.5 } }"),
		      &ret);
	assert_int_not_equal(ret, 0);
	assert_non_null(strstr(msg, "modules.depth"));
	msg = capture(load, write_config("[1, 2]"), &ret);
	assert_int_not_equal(ret, 0);
	assert_non_null(strstr(msg, "must be a JSON object"));
}

static void unknown_keys_are_reported(void **state)
{
	int ret;
	char *msg = capture(load, write_config("{ \"exlude\": [] }"), &ret);

	(void)state;
	assert_int_equal(ret, 0);
	assert_non_null(strstr(msg, "unknown key 'exlude'"));
}

static void deep_nesting_is_refused(void **state)
{
	char text[400];
	int ret;
	char *msg;

	(void)state;
	memset(text, '[', 100);
	memset(text + 100, ']', 100);
	text[200] = '\0';
	msg = capture(load, write_config(text), &ret);
	assert_int_not_equal(ret, 0);
	assert_non_null(strstr(msg, "nested deeper"));
}

static void missing_optional_file_is_fine(void **state)
{
	struct config cfg = CONFIG_INIT;

	(void)state;
	assert_int_equal(config_load(&cfg, "/nonexistent/carve.json", 0), 0);
	assert_null(cfg.path);
	assert_int_not_equal(config_load(&cfg, "/nonexistent/carve.json", 1),
			     0);
	config_release(&cfg);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	char path[128];

	(void)state;
	snprintf(path, sizeof(path), "%s/carve.json", tmpdir);
	unlink(path);
	return rmdir(tmpdir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(comments_and_trailing_commas),
		cmocka_unit_test(error_names_line_and_column),
		cmocka_unit_test(truncated_file_says_end_of_file),
		cmocka_unit_test(duplicate_keys_are_errors),
		cmocka_unit_test(wrong_types_name_the_key),
		cmocka_unit_test(unknown_keys_are_reported),
		cmocka_unit_test(deep_nesting_is_refused),
		cmocka_unit_test(missing_optional_file_is_fine),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
