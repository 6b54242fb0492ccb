/*
 * Shared by the dependency lexers' unit tests (tests/unit/dep_fixture.c,
 * linked into every unit test): the statements a fixture must yield,
 * checked through deps_extract() as the scan pass calls it, on the whole
 * file and on every prefix, and one cmocka test per fixture. Include
 * after <cmocka.h>.
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

/* A file of tests/fixtures/<dir>/ and the statements it must yield. */
struct dep_fixture {
	const char *file;
	const struct dep_want *want;
	size_t nr;
};

#define DEP_FIXTURE(f, w)                      \
	{                                      \
		f, w, sizeof(w) / sizeof(*(w)) \
	}

/* Keeps the statements a test checks of a lexer's output, in order. */
typedef void dep_keep_fn(struct dep_list *deps);

/* cut_slack of check_dep_fixture(): the whole file only. */
#define DEP_NO_CUTS (-1)

/*
 * Extracts tests/fixtures/<dir>/<fx->file> through deps_extract() (the
 * language detected from the name), keeps what `keep` keeps (all when
 * NULL) and checks it holds exactly fx's statements, each of `kind`.
 * Unless cut_slack is DEP_NO_CUTS, then extracts every prefix of the
 * file from a copy of exactly its length (a read past the end shows
 * under ASan) and checks each keeps at most fx->nr + cut_slack.
 */
void check_dep_fixture(const char *dir, const struct dep_fixture *fx,
		       enum dep_kind kind, dep_keep_fn *keep, int cut_slack);

/*
 * Fills tests[0..nr) with one test per fixture, named after its file,
 * that runs fn with the fixture as its state; returns nr.
 */
size_t dep_fixture_tests(struct CMUnitTest *tests, const struct dep_fixture *fx,
			 size_t nr, CMUnitTestFunction fn);

#endif
