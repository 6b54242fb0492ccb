/*
 * A file's role from its path. Directory names first (any component:
 * tests/, __tests__/, spec/, migrations/ ...), then the test file
 * conventions of each ecosystem. Only the path is read, so the answer
 * is the same for a scan and a model.
 */
#include <string.h>

#include "carve/role.h"

static const char *const test_dirs[] = {
	"test", "tests", "testing", "__tests__", "__mocks__", "spec",
	"specs", "testdata", "test-data", "testsuite", "unittests", NULL,
};

static const char *const migration_dirs[] = { "migrations", "migrate",
					      "alembic", NULL };

static int in_list(const char *s, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && !strncmp(s, *list, n))
			return 1;
	return 0;
}

static int has_suffix(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n > k && !memcmp(s + n - k, suffix, k);
}

/* The name without its last extension, e.g. "user_test" of user_test.go. */
static size_t stem_len(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot && dot != name ? (size_t)(dot - name) : strlen(name);
}

static int test_name(const char *name)
{
	size_t stem = stem_len(name);

	if (!strncmp(name, "test_", 5) || !strncmp(name, "tests_", 6) ||
	    !strcmp(name, "conftest.py"))
		return 1;
	/* x_test.go, x_test.py, x_spec.rb, x_test.c */
	if (has_suffix(name, stem, "_test") || has_suffix(name, stem, "_spec") ||
	    has_suffix(name, stem, "_tests"))
		return 1;
	/* x.test.ts, x.spec.js */
	if (has_suffix(name, stem, ".test") || has_suffix(name, stem, ".spec"))
		return 1;
	/* XTest.java, XTests.kt, XSpec.scala, XTests.cs */
	if (stem > 4 && (has_suffix(name, stem, "Test") ||
			 has_suffix(name, stem, "Tests") ||
			 has_suffix(name, stem, "Spec")))
		return 1;
	return 0;
}

enum file_role file_role(const char *path)
{
	const char *p = path, *slash;
	enum file_role role = ROLE_CODE;

	/* every directory component; the innermost decides */
	while ((slash = strchr(p, '/'))) {
		size_t n = (size_t)(slash - p);

		if (in_list(p, n, test_dirs))
			role = ROLE_TEST;
		else if (in_list(p, n, migration_dirs))
			role = ROLE_MIGRATION;
		p = slash + 1;
	}
	if (role == ROLE_CODE && test_name(p))
		role = ROLE_TEST;
	return role;
}
