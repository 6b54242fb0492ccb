/*
 * Unit tests for the Python dependency lexer: the import forms of
 * tests/fixtures/deps/python/tricky.py with their flags, worked out by
 * hand line by line, plus unterminated strings, CRLF and a long file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fixture.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/arena.h"
#include "carve/deps.h"

struct want {
	unsigned line;
	const char *target;
	const char *name; /* NULL: none */
	int level;
	unsigned flags;
};

#define C DEP_CONDITIONAL
#define T DEP_TYPE_ONLY
#define L DEP_LOCAL
#define D DEP_DYNAMIC
#define W DEP_WILDCARD

/*
 * tricky.py: lines 2-5 (docstring), 11 (comment), 16-20 (strings) and
 * 45-46 (names starting with import/from) hold no import.
 */
static const struct want tricky[] = {
	{ 6, "os", NULL, 0, 0 },
	{ 6, "sys", NULL, 0, 0 },
	{ 7, "a.b.c", NULL, 0, 0 },
	{ 8, "", "sibling", 1, 0 },
	{ 9, "", "parent_mod", 2, 0 },
	{ 10, "pkg.mod", "first", 2, 0 },  /* parenthesised, 3 lines */
	{ 10, "pkg.mod", "second", 2, 0 },
	{ 14, "mod", NULL, 1, W },
	{ 15, "x.y", "z", 0, 0 },
	{ 15, "after_semicolon", NULL, 0, 0 },
	{ 22, "ujson", NULL, 0, C },        /* try: */
	{ 24, "json", NULL, 0, C },         /* except: */
	{ 25, "typing", "TYPE_CHECKING", 0, 0 },
	{ 27, "app.models", "User", 0, T },
	{ 31, "app.types", NULL, 0, T },    /* typing.TYPE_CHECKING */
	{ 33, "inner_mod", NULL, 0, L },
	{ 35, "deep", "thing", 0, L | C },
	{ 36, "dyn.mod", NULL, 0, L | D },  /* __import__("dyn.mod") */
	{ 38, "class_level", NULL, 0, 0 },  /* runs at import time */
	{ 39, "plugins.alpha", NULL, 0, D },
	{ 40, "beta", NULL, 1, D },         /* import_module(".beta") */
	{ 42, "inline_mod", NULL, 0, C },   /* if x: import inline_mod */
	{ 43, "cont", "name", 0, 0 },       /* backslash continuation */
};

static char *read_fixture(const char *name, size_t *len)
{
	return read_fixture_in("deps/python", name, len);
}

static void check_refs(const struct dep_list *got, const struct want *want,
		       size_t nr)
{
	for (size_t i = 0; i < got->nr && i < nr; i++) {
		const struct dep_ref *d = &got->refs[i];

		assert_int_equal(d->kind, DEP_IMPORT);
		assert_int_equal(d->line, want[i].line);
		assert_string_equal(d->target, want[i].target);
		if (want[i].name)
			assert_non_null(d->name);
		if (d->name || want[i].name)
			assert_string_equal(d->name, want[i].name);
		assert_int_equal(d->level, want[i].level);
		assert_int_equal(d->flags, want[i].flags);
	}
	assert_int_equal(got->nr, nr);
}

static void run(struct dep_list *out, struct arena *arena, const char *buf,
		size_t len)
{
	deps_python(out, arena, buf, len);
}

static void tricky_forms(void **state)
{
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;
	size_t len;
	char *buf = read_fixture("tricky.py", &len);

	(void)state;
	run(&deps, &arena, buf, len);
	check_refs(&deps, tricky, sizeof(tricky) / sizeof(tricky[0]));
	dep_list_release(&deps);
	arena_release(&arena);
	free(buf);
}

static void unterminated_strings(void **state)
{
	/* a '...' string ends at its line; a """ string at the end */
	static const struct want want[] = {
		{ 1, "before", NULL, 0, 0 },
		{ 3, "after_bad_line", NULL, 0, 0 },
	};
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;
	size_t len;
	char *buf = read_fixture("unterminated.py", &len);

	(void)state;
	run(&deps, &arena, buf, len);
	check_refs(&deps, want, 2);
	dep_list_release(&deps);
	arena_release(&arena);
	free(buf);
}

static void crlf_and_dedent(void **state)
{
	static const char text[] =
		"def f():\r\n"
		"\timport local_one\r\n"
		"import top\r\n"
		"from a import (b,\r\n"
		"    c)\r\n"
		"class K:\r\n"
		"    def m(self):\r\n"
		"        pass\r\n"
		"    import in_class\r\n";
	static const struct want want[] = {
		{ 2, "local_one", NULL, 0, L },
		{ 3, "top", NULL, 0, 0 },
		{ 4, "a", "b", 0, 0 },
		{ 4, "a", "c", 0, 0 },
		{ 9, "in_class", NULL, 0, 0 }, /* back out of m() */
	};
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;

	(void)state;
	run(&deps, &arena, text, sizeof(text) - 1);
	check_refs(&deps, want, sizeof(want) / sizeof(want[0]));
	dep_list_release(&deps);
	arena_release(&arena);
}

static void not_imports(void **state)
{
	/* keywords only count at a statement's start */
	static const char text[] =
		"raise ValueError from exc\n"
		"x = (yield from gen)\n"
		"print('import os')\n"
		"b'from x import y'\n"
		"rb\"\"\"\nimport z\n\"\"\"\n"
		"# import commented\n"
		"import\n"
		"from import x\n"
		"def __import__(name): pass\n";
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;

	(void)state;
	run(&deps, &arena, text, sizeof(text) - 1);
	assert_int_equal(deps.nr, 0);
	dep_list_release(&deps);
	arena_release(&arena);
}

static void long_file(void **state)
{
	/* 100,000 lines: one import every 10, the last on line 99,991 */
	const size_t lines = 100000;
	size_t len = 0;
	char *buf = malloc(lines * 16 + 1);
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;

	(void)state;
	assert_non_null(buf);
	for (size_t i = 0; i < lines; i++)
		len += (size_t)snprintf(buf + len, lines * 16 + 1 - len, "%s\n",
					i % 10 ? "x = 1  # c" : "import m");
	run(&deps, &arena, buf, len);
	assert_int_equal(deps.nr, lines / 10);
	assert_int_equal(deps.refs[deps.nr - 1].line, 99991);
	dep_list_release(&deps);
	arena_release(&arena);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tricky_forms),
		cmocka_unit_test(unterminated_strings),
		cmocka_unit_test(crlf_and_dedent),
		cmocka_unit_test(not_imports),
		cmocka_unit_test(long_file),
	};

	return cmocka_run_group_tests_name("deps_python", tests, NULL, NULL);
}
