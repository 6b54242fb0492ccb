/*
 * Unit tests for the option tables of src/cli/opt.c: each row type puts
 * its value where it points, bad values and unknown options are usage
 * errors, -h prints the help the table describes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "carve/cli.h"
#include "carve/error.h"
#include "carve/glob.h"

static const struct cli_command test_cmd = {
	"test",
	{ "[options] [PATH]" },
	"A command for the tests.\n",
};

static const char *const colours[] = { "red", "green", "blue", NULL };

struct values {
	int flag, off, number, colour, top, number_given;
	size_t count;
	unsigned long seed;
	uint64_t bytes;
	int64_t when;
	const char *name, *mode;
	struct glob_list globs;
};

static int take_mode(const struct cli_opt *opt, const char *arg)
{
	struct values *v = opt->value;

	v->mode = arg ? arg : "(none)";
	return 0;
}

/* Parses argv (NULL-ended) by the test table; *first gets the operand. */
static int parse(struct values *v, int *first, char **argv)
{
	int argc = 0;
	const struct cli_opt opts[] = {
		CLI_SWITCH('f', "flag", &v->flag, "a switch"),
		CLI_SET(0, "no-off", &v->off, -1, "sets -1"),
		CLI_INT('n', "number", &v->number, "N", 1, 10, "a number", "3",
			.given = &v->number_given),
		CLI_SIZE_T(0, "count", &v->count, "N", 0, 100, "a count", NULL),
		CLI_ULONG(0, "seed", &v->seed, "N", 0, 1000, "a seed", "1"),
		CLI_BYTES(0, "bytes", &v->bytes, "SIZE", "a size", "16M"),
		CLI_DATE(0, "when", &v->when, "DATE", "a date", NULL),
		CLI_STRING('o', "name", &v->name, "FILE", "a string", NULL),
		CLI_CHOICE(0, "colour", &v->colour, "C", colours,
			   "red (default), green or blue", "red"),
		CLI_GLOBS(0, "glob", &v->globs, "GLOB", "repeatable"),
		CLI_TOP(&v->top, "rows", "5"),
		CLI_CALLBACK(0, "mode", v, "M", take_mode,
			     "an optional argument", NULL,
			     .flags = CLI_OPTIONAL_ARG),
		CLI_HELP_ROW,
		CLI_END,
	};

	while (argv[argc])
		argc++;
	return cli_parse(first, &test_cmd, opts, argc, argv);
}

static void values_land_where_rows_point(void **state)
{
	char *argv[] = { "test",       "-f",	     "--no-off", "-n",
			 "7",	       "--count=42", "path",	 "--seed",
			 "9",	       "--bytes",    "2K",	 "--when",
			 "1970-01-02", "-o",	     "out.txt",	 "--colour",
			 "blue",       "--glob",     "a/**",	 "--glob",
			 "*.c",	       "--top",	     "0",	 "--mode",
			 NULL };
	struct values v = { 0 };
	int first = -1;

	(void)state;
	assert_int_equal(parse(&v, &first, argv), 0);
	assert_int_equal(v.flag, 1);
	assert_int_equal(v.off, -1);
	assert_int_equal(v.number, 7);
	assert_int_equal(v.number_given, 1);
	assert_int_equal(v.count, 42);
	assert_int_equal(v.seed, 9);
	assert_int_equal(v.bytes, 2048);
	assert_int_equal(v.when, 86400);
	assert_string_equal(v.name, "out.txt");
	assert_int_equal(v.colour, 2);
	assert_int_equal(v.globs.nr, 2);
	assert_string_equal(v.globs.patterns[1], "*.c");
	/* --top 0 shows every row */
	assert_int_equal(v.top, CLI_TOP_ALL);
	/* an optional argument left out reaches the callback as NULL */
	assert_string_equal(v.mode, "(none)");
	/* getopt moves the operand after the options */
	assert_int_equal(first, 23);
	assert_string_equal(argv[first], "path");
	glob_list_release(&v.globs);
}

static void a_second_parse_starts_afresh(void **state)
{
	char *one[] = { "test", "--mode=fast", "-n", "2", NULL };
	char *two[] = { "test", "-n", "4", "x", NULL };
	struct values v = { 0 };
	int first;

	(void)state;
	assert_int_equal(parse(&v, &first, one), 0);
	assert_string_equal(v.mode, "fast");
	assert_int_equal(parse(&v, &first, two), 0);
	assert_int_equal(v.number, 4);
	assert_int_equal(first, 3);
}

static void bad_values_are_usage_errors(void **state)
{
	char *range[] = { "test", "-n", "11", NULL };
	char *word[] = { "test", "--colour", "pink", NULL };
	char *unknown[] = { "test", "--frobnicate", NULL };
	char *missing[] = { "test", "--seed", NULL };
	struct values v = { 0 };
	int first;

	(void)state;
	warning_set_quiet(1);
	assert_int_equal(parse(&v, &first, range), CARVE_EINVALID);
	assert_int_equal(v.number_given, 0);
	assert_int_equal(parse(&v, &first, word), CARVE_EINVALID);
	assert_int_equal(parse(&v, &first, unknown), CARVE_EINVALID);
	assert_int_equal(parse(&v, &first, missing), CARVE_EINVALID);
	assert_int_equal(cli_exit_status(CARVE_EINVALID), EXIT_USAGE);
	assert_int_equal(cli_exit_status(CLI_EHELP), EXIT_OK);
}

static void help_comes_from_the_table(void **state)
{
	const struct cli_opt opts[] = {
		CLI_SWITCH('q', "quiet", NULL, "say less"),
		CLI_INT(0, "top", NULL, "N", 0, 9, "rows per table", "8"),
		CLI_STRING(0, "where", NULL, "DIR",
			   "a help long enough to be wrapped onto a second "
			   "line "
			   "below the first, which it fills",
			   NULL),
		CLI_INT(0, "runs", NULL, "N", 1, 9,
			"runs (default 8, fewer on big graphs)", "8"),
		CLI_HELP_ROW,
		CLI_END,
	};
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	(void)state;
	cli_print_help(fp, &test_cmd, opts);
	fclose(fp);
	/*
	 * the widest option column is "      --where DIR" (17), so help
	 * starts at column 19; a default the help does not word itself
	 * is added; lines stay within 79 columns
	 */
	assert_string_equal(buf, "usage: carve test [options] [PATH]\n"
				 "\n"
				 "A command for the tests.\n"
				 "\n"
				 "  -q, --quiet      say less\n"
				 "      --top N      rows per table (default "
				 "8)\n"
				 "      --where DIR  a help long enough to be "
				 "wrapped onto a "
				 "second line below\n"
				 "                   the first, which it "
				 "fills\n"
				 "      --runs N     runs (default 8, fewer on "
				 "big graphs)\n"
				 "  -h, --help       show this help\n");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(values_land_where_rows_point),
		cmocka_unit_test(a_second_parse_starts_afresh),
		cmocka_unit_test(bad_values_are_usage_errors),
		cmocka_unit_test(help_comes_from_the_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
