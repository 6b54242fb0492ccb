/*
 * Shared by the dependency lexers' unit tests: the expected statements of
 * a fixture, and running a fixture through deps_extract() as the scan
 * pass does. Include after <cmocka.h>.
 */
#ifndef CARVE_TEST_DEP_FIXTURE_H
#define CARVE_TEST_DEP_FIXTURE_H

#include "carve/arena.h"
#include "carve/deps.h"
#include "carve/language.h"
#include "fixture.h"

/* One expected dependency statement, in the order the lexer finds it. */
struct dep_want {
	const char *target;
	unsigned line, flags;
};

/* Checks that `got` holds exactly the `nr` statements of `want`. */
static inline void expect_deps(const struct dep_list *got,
			       enum dep_kind kind, const struct dep_want *want,
			       size_t nr)
{
	for (size_t i = 0; i < got->nr && i < nr; i++) {
		assert_int_equal(got->refs[i].kind, kind);
		assert_string_equal(got->refs[i].target, want[i].target);
		assert_int_equal(got->refs[i].line, want[i].line);
		assert_int_equal(got->refs[i].flags, want[i].flags);
	}
	assert_int_equal(got->nr, nr);
}

/*
 * Reads tests/fixtures/<dir>/<file>, detects its language and extracts
 * its statements into `deps` through the dispatcher, as the scan pass
 * calls it. Returns the buffer (the caller frees it) and its length.
 */
static inline char *extract_fixture(struct dep_list *deps,
				    struct arena *arena,
				    const struct language **lang,
				    const char *dir, const char *file,
				    size_t *len)
{
	char *buf = read_fixture_in(dir, file, len);

	*lang = language_detect(file, buf, *len);
	assert_non_null(*lang);
	deps_extract(deps, arena, *lang, buf, *len);
	return buf;
}

#endif
