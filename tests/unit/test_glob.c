/*
 * Unit tests for path globs: segment-bound `*`, `**` across segments,
 * basename patterns, directory patterns.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "carve/glob.h"

static void star_stays_in_segment(void **state)
{
	(void)state;
	assert_true(glob_match("src/*.c", "src/main.c"));
	assert_false(glob_match("src/*.c", "src/cmd/scan.c"));
	assert_true(glob_match("src/?ain.c", "src/main.c"));
	assert_true(glob_match("src/[lm]ain.c", "src/main.c"));
	assert_false(glob_match("src/[!m]ain.c", "src/main.c"));
}

static void double_star_spans_segments(void **state)
{
	(void)state;
	assert_true(glob_match("vendor/**", "vendor/a/b/c.go"));
	assert_false(glob_match("vendor/**", "src/vendor/a.go"));
	assert_true(glob_match("**/vendor/**", "src/vendor/a.go"));
	assert_true(glob_match("**/*.min.js", "a.min.js"));
	assert_true(glob_match("**/*.min.js", "web/static/js/a.min.js"));
	assert_true(glob_match("app/**/models.py", "app/models.py"));
	assert_true(glob_match("app/**/models.py", "app/x/y/models.py"));
	assert_false(glob_match("app/**/models.py", "lib/app/models.py"));
	/* several ** must not need exponential backtracking */
	assert_true(glob_match("**/a/**/b/**/c", "x/a/y/b/z/c"));
	assert_false(glob_match("**/a/**/b/**/c", "x/a/y/b/z/d"));
}

static void basename_and_directory_patterns(void **state)
{
	(void)state;
	/* no slash: matches the last segment at any depth */
	assert_true(glob_match("*.sql", "db/migrations/001.sql"));
	assert_false(glob_match("*.sql", "db/sql/readme.md"));
	/* trailing slash: a directory and everything below */
	assert_true(glob_match("docs/", "docs/a/b.md"));
	assert_false(glob_match("docs/", "src/docs/a.md"));
	/* leading slash anchors, as in .gitignore */
	assert_true(glob_match("/build/x.c", "build/x.c"));
	/* a bare name anchored at the root is the root's file only: carve
	 * init writes root files so, and "main.go" would also claim
	 * cmd/tool/main.go, another context's file */
	assert_true(glob_match("main.go", "cmd/tool/main.go"));
	assert_true(glob_match("/main.go", "main.go"));
	assert_false(glob_match("/main.go", "cmd/tool/main.go"));
	assert_true(glob_match("/*.md", "README.md"));
	assert_false(glob_match("/*.md", "docs/README.md"));
	assert_true(glob_match("/docs/", "docs/a/b.md"));
	assert_false(glob_match("/docs/", "src/docs/a.md"));
	assert_false(glob_match("/", "a"));
	/* an escaped metacharacter is itself (file names with brackets) */
	assert_true(glob_match("/a\\[1\\].py", "a[1].py"));
	assert_false(glob_match("/a\\[1\\].py", "a1.py"));
	assert_false(glob_match("", "a"));
}

static void list_returns_first_match(void **state)
{
	struct glob_list list = GLOB_LIST_INIT;

	(void)state;
	glob_list_add(&list, "*.md");
	glob_list_add(&list, "docs/**");
	assert_string_equal(glob_list_match(&list, "docs/x.md"), "*.md");
	assert_string_equal(glob_list_match(&list, "docs/x.txt"), "docs/**");
	assert_null(glob_list_match(&list, "src/x.c"));
	glob_list_release(&list);
	assert_int_equal(list.nr, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(star_stays_in_segment),
		cmocka_unit_test(double_star_spans_segments),
		cmocka_unit_test(basename_and_directory_patterns),
		cmocka_unit_test(list_returns_first_match),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
