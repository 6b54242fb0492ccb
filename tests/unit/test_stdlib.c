/*
 * Unit tests for the standard-library split of external packages. The
 * expectations are the languages' own documentation: Python's library
 * reference, Go's "std" packages, ISO C and POSIX headers, Node's
 * built-in modules, the JDK's java/javax packages.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "carve/language.h"
#include "carve/stdlib.h"

static int std_in(const char *language, enum dep_kind kind, const char *name)
{
	const struct language *lang = language_by_name(language);

	assert_non_null(lang);
	return stdlib_has(lang, kind, name);
}

static void python(void **state)
{
	(void)state;
	assert_true(std_in("Python", DEP_IMPORT, "os"));
	assert_true(std_in("Python", DEP_IMPORT, "typing"));
	assert_true(std_in("Python", DEP_IMPORT, "__future__"));
	assert_true(std_in("Python", DEP_IMPORT, "zoneinfo"));
	assert_false(std_in("Python", DEP_IMPORT, "django"));
	assert_false(std_in("Python", DEP_IMPORT, "requests"));
	assert_false(std_in("Python", DEP_IMPORT, "osx"));
	assert_false(std_in("Python", DEP_IMPORT, ""));
}

static void go(void **state)
{
	(void)state;
	assert_true(std_in("Go", DEP_IMPORT, "fmt"));
	assert_true(std_in("Go", DEP_IMPORT, "net/http"));
	assert_false(std_in("Go", DEP_IMPORT, "github.com/pkg/errors"));
	assert_false(std_in("Go", DEP_IMPORT, "gopkg.in/yaml.v3"));
	assert_false(std_in("Go", DEP_IMPORT, "C")); /* cgo */
}

static void c_family(void **state)
{
	(void)state;
	assert_true(std_in("C", DEP_INCLUDE, "stdio.h"));
	assert_true(std_in("C", DEP_INCLUDE, "sys")); /* <sys/types.h> */
	assert_true(std_in("C++", DEP_INCLUDE, "vector"));
	assert_true(std_in("C Header", DEP_INCLUDE, "pthread.h"));
	assert_false(std_in("C", DEP_INCLUDE, "openssl"));
	assert_false(std_in("C", DEP_INCLUDE, "zlib.h"));
	assert_false(std_in("C++", DEP_INCLUDE, "boost"));
}

static void others(void **state)
{
	(void)state;
	assert_true(std_in("JavaScript", DEP_IMPORT, "fs"));
	assert_true(std_in("TypeScript", DEP_IMPORT, "node")); /* node:fs */
	assert_false(std_in("TypeScript", DEP_IMPORT, "react"));
	assert_true(std_in("Java", DEP_IMPORT, "java"));
	assert_true(std_in("Kotlin", DEP_IMPORT, "kotlin"));
	assert_false(std_in("Java", DEP_IMPORT, "org.junit"));
	assert_true(std_in("Rust", DEP_USE, "std"));
	assert_false(std_in("Rust", DEP_USE, "serde"));
	assert_true(std_in("Ruby", DEP_REQUIRE, "json"));
	assert_false(std_in("Ruby", DEP_REQUIRE, "rails"));
	/* the core classes, as constant references resolve them */
	assert_true(std_in("Ruby", DEP_USE, "ruby"));
	assert_false(std_in("Ruby", DEP_USE, "activerecord"));
	/* a language without a list keeps everything third-party */
	assert_false(std_in("PHP", DEP_USE, "Symfony"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(python),
		cmocka_unit_test(go),
		cmocka_unit_test(c_family),
		cmocka_unit_test(others),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
