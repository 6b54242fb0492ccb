/*
 * Unit tests for the C family's include lexer: fixtures in
 * tests/fixtures/deps/c/ with the includes each must yield written out by
 * hand below (target, line, flags), and hostile buffers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "dep_fixture.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "carve/arena.h"
#include "carve/deps.h"
#include "carve/language.h"

#define A DEP_ANGLE
#define C DEP_CONDITIONAL
#define D DEP_DYNAMIC

/*
 * tricky.c: line 3 has blanks around '#'; 4 a comment before it; 5 a
 * comment inside; 6-7 a backslash-newline; 8, 9, 11 and 13-15 a string,
 * a '"' char, a digit separator and a raw string that hide includes;
 * 17 is under #if 0 and 24 in the #else of #if 1: never compiled; 19
 * (the #else of #if 0) and 22 (#if 1) are always compiled; 28 and 31
 * are under #ifdef/#elif; 35 names a macro; 38 and 39 are empty and
 * unterminated: nothing; 42 is inside a comment that never ends.
 */
static const struct dep_want tricky[] = {
	{ "first.h", 2, 0 },
	{ "sys/types.h", 3, A },
	{ "after_comment.h", 4, 0 },
	{ "inline_comment.h", 5, 0 },
	{ "continued.h", 6, 0 },
	{ "after_char.h", 10, 0 },
	{ "after_separator.h", 12, 0 },
	{ "else_of_if0.h", 19, 0 },
	{ "if1.h", 22, 0 },
	{ "mach/mach.h", 28, A | C },
	{ "win.h", 31, C },
	{ "after_endif.h", 33, 0 },
	{ "HEADER", 35, D },
	{ "limits.h", 36, A },
	{ "objc.h", 37, 0 },
	{ "last.h", 40, 0 },
};

/* guard.h: #ifndef GUARD_H / #define GUARD_H guards the whole file. */
static const struct dep_want guard[] = {
	{ "plain.h", 8, 0 },
	{ "stdio.h", 9, A },
	{ "zlib.h", 12, A | C },
};

/*
 * notguard.h: the first #ifndef is followed by an #include, not its
 * #define; the #if !defined guard comes too late to be one.
 */
static const struct dep_want notguard[] = {
	{ "slow.h", 3, C },
	{ "under_defined_guard.h", 7, C },
};

/* defguard.h: #if !defined( X ) guard; #elif of #if 0 may be taken. */
static const struct dep_want defguard[] = {
	{ "x.h", 4, 0 },
	{ "elif_of_if0.h", 7, C },
	{ "else_after_elif.h", 9, C },
};

/* pragma.h: #pragma once, then an #if that is not a guard. */
static const struct dep_want pragma[] = {
	{ "one.h", 2, 0 },
	{ "two.h", 4, A | C },
};

/* dos.c: CRLF line ends. */
static const struct dep_want dos[] = {
	{ "dos.h", 1, 0 },
	{ "dos_cond.h", 3, C },
};

static const struct dep_fixture fixtures[] = {
	DEP_FIXTURE("tricky.c", tricky),
	DEP_FIXTURE("guard.h", guard),
	DEP_FIXTURE("notguard.h", notguard),
	DEP_FIXTURE("defguard.h", defguard),
	DEP_FIXTURE("pragma.h", pragma),
	DEP_FIXTURE("dos.c", dos),
};

static void check_fixture(void **state)
{
	check_dep_fixture("deps/c", *state, DEP_INCLUDE, NULL, DEP_NO_CUTS);
}

static void lex(struct dep_list *deps, struct arena *arena, const char *s)
{
	deps->nr = 0;
	deps_c(deps, arena, s, strlen(s));
}

/* Input that ends in the middle of things must not read past it. */
static void hostile(void **state)
{
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;
	static const char *const cut[] = {
		"#", "#include", "#include \"", "#include <a.h", "/*", "//",
		"\"abc", "'", "R\"x(abc", "#if", "#endif\n#endif\n#else\n",
		"#include \\", "#define X \\", "a\\", "#if 0",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cut) / sizeof(*cut); i++) {
		size_t n = strlen(cut[i]);
		char *copy = malloc(n); /* no terminator: exact bounds */

		assert_non_null(copy);
		memcpy(copy, cut[i], n);
		deps.nr = 0;
		deps_c(&deps, &arena, copy, n);
		assert_int_equal(deps.nr, 0);
		free(copy);
	}
	/* an unterminated string ends at its line: the next one counts */
	lex(&deps, &arena, "char *s = \"abc\n#include \"b.h\"\n");
	assert_int_equal(deps.nr, 1);
	assert_string_equal(deps.refs[0].target, "b.h");
	assert_int_equal(deps.refs[0].line, 2);
	/* unmatched #endif and #else do not underflow the nesting */
	lex(&deps, &arena, "#endif\n#else\n#include \"c.h\"\n");
	assert_int_equal(deps.nr, 1);
	assert_int_equal(deps.refs[0].flags, 0);
	/* a '#' in the middle of a line is no directive */
	lex(&deps, &arena, "x = 1; #include \"no.h\"\n");
	assert_int_equal(deps.nr, 0);
	/* nor after code spliced on by a backslash-newline, past the guard */
	lex(&deps, &arena, "int x; \\\n #include \"no.h\"\n");
	assert_int_equal(deps.nr, 0);
	/* a comment and a splice keep a line's start; so do 64-byte steps */
	lex(&deps, &arena,
	    "int x;\n/* c */ \\\n #include \"a.h\"\n"
	    "int y = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa * 2;\n"
	    "\t#include \"b.h\" // x\n");
	assert_int_equal(deps.nr, 2);
	assert_string_equal(deps.refs[0].target, "a.h");
	assert_int_equal(deps.refs[0].line, 3);
	assert_string_equal(deps.refs[1].target, "b.h");
	assert_int_equal(deps.refs[1].line, 5);
	/* nesting deeper than 64 levels stays conditional */
	{
		char big[200 * 6 + 64] = "";
		size_t used = 0;

		for (int i = 0; i < 200; i++)
			used += (size_t)snprintf(big + used, sizeof(big) - used,
						 "#if X\n");
		snprintf(big + used, sizeof(big) - used,
			 "#include \"deep.h\"\n");
		lex(&deps, &arena, big);
		assert_int_equal(deps.nr, 1);
		assert_int_equal(deps.refs[0].flags, C);
		assert_int_equal(deps.refs[0].line, 201);
	}
	dep_list_release(&deps);
	arena_release(&arena);
}

/* 100,000 lines of code with an include at each end: linear and quick. */
static void long_file(void **state)
{
	static const char line[] = "static int f(int a) { return a * 2; }\n";
	size_t n = 100000, len = 0, ll = sizeof(line) - 1;
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;
	char *buf = malloc(n * ll + 64);
	clock_t t0;
	double secs;

	(void)state;
	assert_non_null(buf);
	len += (size_t)snprintf(buf, n * ll + 64, "#include <a.h>\n");
	for (size_t i = 0; i < n; i++, len += ll)
		memcpy(buf + len, line, ll);
	len += (size_t)snprintf(buf + len, n * ll + 64 - len,
				"#include \"z.h\"\n");
	t0 = clock();
	deps_c(&deps, &arena, buf, len);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	assert_int_equal(deps.nr, 2);
	assert_string_equal(deps.refs[1].target, "z.h");
	assert_int_equal(deps.refs[1].line, n + 2);
	/* about 4 MB: far under a second even under sanitizers */
	assert_true(secs < 2.0);
	dep_list_release(&deps);
	arena_release(&arena);
	free(buf);
}

int main(void)
{
	struct CMUnitTest tests[sizeof(fixtures) / sizeof(fixtures[0]) + 2];
	size_t n = dep_fixture_tests(tests, fixtures,
				     sizeof(fixtures) / sizeof(fixtures[0]),
				     check_fixture);

	tests[n++] = (struct CMUnitTest)cmocka_unit_test(hostile);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(long_file);
	return _cmocka_run_group_tests("deps_c", tests, n, NULL, NULL);
}
