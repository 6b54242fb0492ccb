/*
 * The fixture checks the dependency lexers' unit tests share
 * (dep_fixture.h): a fixture read, extracted as the scan pass does it,
 * compared with the statements written out by hand in the test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "dep_fixture.h"
#include <stdlib.h>
#include <string.h>

/* Checks that `got` holds exactly the `nr` statements of `want`. */
static void expect_deps(const struct dep_list *got, enum dep_kind kind,
			const struct dep_want *want, size_t nr)
{
	for (size_t i = 0; i < got->nr && i < nr; i++) {
		assert_int_equal(got->refs[i].kind, kind);
		assert_string_equal(got->refs[i].target, want[i].target);
		assert_int_equal(got->refs[i].line, want[i].line);
		assert_int_equal(got->refs[i].flags, want[i].flags);
	}
	assert_int_equal(got->nr, nr);
}

void check_dep_fixture(const char *dir, const struct dep_fixture *fx,
		       enum dep_kind kind, dep_keep_fn *keep, int cut_slack)
{
	const struct language *lang;
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;
	size_t len;
	char *buf = read_fixture_in(dir, fx->file, &len);

	lang = language_detect(fx->file, buf, len);
	assert_non_null(lang);
	deps_extract(&deps, &arena, lang, buf, len);
	if (keep)
		keep(&deps);
	expect_deps(&deps, kind, fx->want, fx->nr);

	/* cut anywhere, exact bounds: never past the end */
	for (size_t n = 0; cut_slack != DEP_NO_CUTS && n < len; n++) {
		char *copy = malloc(n ? n : 1);

		assert_non_null(copy);
		memcpy(copy, buf, n);
		deps.nr = 0;
		deps_extract(&deps, &arena, lang, copy, n);
		if (keep)
			keep(&deps);
		assert_true(deps.nr <= fx->nr + (size_t)cut_slack);
		free(copy);
	}
	dep_list_release(&deps);
	arena_release(&arena);
	free(buf);
}

size_t dep_fixture_tests(struct CMUnitTest *tests, const struct dep_fixture *fx,
			 size_t nr, CMUnitTestFunction fn)
{
	for (size_t i = 0; i < nr; i++) {
		struct CMUnitTest t =
			cmocka_unit_test_prestate(fn, (void *)&fx[i]);

		t.name = fx[i].file;
		tests[i] = t;
	}
	return nr;
}
