/*
 * Unit tests for the JavaScript/TypeScript dependency lexer: the forms of
 * tests/fixtures/deps/js/tricky.ts with their kinds and flags, worked out
 * by hand line by line, plus unterminated strings and comments.
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
	enum dep_kind kind;
	const char *target;
	unsigned flags;
};

#define I DEP_IMPORT
#define E DEP_EXPORT
#define R DEP_REQUIRE
#define T DEP_TYPE_ONLY
#define D DEP_DYNAMIC

/*
 * tricky.ts: lines 1-2 are comments, 15 exports no module, 16 is a
 * string, the `import y` on 17 and all of 18 (a regex holding quotes)
 * are text, 21 calls a method, 27 requires an expression, 31 is
 * import.meta.
 */
static const struct want tricky[] = {
	{ 3, I, "./default", 0 },
	{ 4, I, "../named", 0 },
	{ 5, I, "@scope/pkg/sub", 0 },
	{ 6, I, "lodash/fp", 0 },
	{ 7, I, "./side-effect.css", 0 },
	{ 8, I, "./types", T },
	{ 9, I, "./types2", T },      /* every binding is `type X` */
	{ 10, I, "./mixed", 0 },      /* X is a value */
	{ 11, E, "./reexport", 0 },
	{ 12, E, "./star", 0 },
	{ 13, E, "./star2", 0 },
	{ 14, E, "./types3", T },
	{ 17, R, "./in-template", 0 }, /* inside ${...} is code */
	{ 19, I, "./lazy", D },
	{ 20, R, "./cjs", 0 },
	{ 22, I, "./after-division", D }, /* a / b is no regex */
	{ 23, I, "./multi", 0 },
	{ 28, I, "./default-named-type", 0 }, /* a default named type */
	{ 29, R, "./nested", 0 },     /* template in a template */
	{ 30, R, "./ts-equals", 0 },  /* import x = require() */
};

static char *read_fixture(const char *name, size_t *len)
{
	return read_fixture_in("deps/js", name, len);
}

static void check_refs(const struct dep_list *got, const struct want *want,
		       size_t nr)
{
	for (size_t i = 0; i < got->nr && i < nr; i++) {
		const struct dep_ref *d = &got->refs[i];

		assert_int_equal(d->line, want[i].line);
		assert_string_equal(d->target, want[i].target);
		assert_int_equal(d->kind, want[i].kind);
		assert_int_equal(d->flags, want[i].flags);
		assert_null(d->name);
	}
	assert_int_equal(got->nr, nr);
}

static void check_text(const char *text, size_t len, const struct want *want,
		       size_t nr)
{
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;

	deps_js(&deps, &arena, text, len);
	check_refs(&deps, want, nr);
	dep_list_release(&deps);
	arena_release(&arena);
}

static void check_file(const char *name, const struct want *want, size_t nr)
{
	size_t len;
	char *buf = read_fixture(name, &len);

	check_text(buf, len, want, nr);
	free(buf);
}

static void tricky_forms(void **state)
{
	(void)state;
	check_file("tricky.ts", tricky, sizeof(tricky) / sizeof(tricky[0]));
}

static void unterminated(void **state)
{
	/* a "..." string ends at its line; a comment at the end */
	static const struct want want[] = {
		{ 1, I, "./a", 0 },
		{ 3, I, "./b", 0 },
	};

	(void)state;
	check_file("unterminated.js", want, 2);
}

static void regex_or_division(void **state)
{
	/* a regex after return and '(' hides a quote; ) / is division */
	static const char text[] =
		"function f(s) { return /'/.test(s); }\n"
		"const n = (a) / 2; const m = x.match(/\"/);\n"
		"require(\"./after\");\n"
		"const o = { import: 1, require: 2 };\n"
		"module.require(\"./not\"); super.import(\"./not2\");\n";
	static const struct want want[] = {
		{ 3, R, "./after", 0 },
	};

	(void)state;
	check_text(text, sizeof(text) - 1, want, 1);
}

static void state_across_skips(void **state)
{
	/*
	 * Lines and the regex-or-division decision are worked out lazily,
	 * across comments, templates and newlines that the scan skips
	 */
	static const char text[] =
		"/* one\n two */ x = `\n${'}'}\n` / 2;\n"
		"y = a /* c */ / b; z = /'/;\n"
		"import './x';\n"
		"obj.import('./no'); a.\nrequire('./no2');\n"
		"return /* c */ /\"/; require('./yes');\n";
	static const struct want want[] = {
		{ 6, I, "./x", 0 },
		{ 9, R, "./yes", 0 },
	};

	(void)state;
	check_text(text, sizeof(text) - 1, want, 2);
}

static void newlines_looked_past(void **state)
{
	/*
	 * A newline the lexer looks past and then backs over (after a
	 * require's literal, after `type` in an import) counts once: each
	 * statement keeps its own line
	 */
	static const char text[] = "require('./a'\n);\n"
				   "require('./b');\n"
				   "import { type\n X } from './c';\n"
				   "import './d';\n"
				   "import { type\n as } from './e';\n"
				   "import './f';\n";
	static const struct want want[] = {
		{ 1, R, "./a", 0 }, { 3, R, "./b", 0 }, { 4, I, "./c", T },
		{ 6, I, "./d", 0 }, { 7, I, "./e", 0 }, { 9, I, "./f", 0 },
	};

	(void)state;
	check_text(text, sizeof(text) - 1, want,
		   sizeof(want) / sizeof(want[0]));
}

static void long_file(void **state)
{
	/* 100,000 lines: one require every 10, the last on line 99,991 */
	const size_t lines = 100000;
	size_t len = 0;
	char *buf = malloc(lines * 24 + 1);
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;

	(void)state;
	assert_non_null(buf);
	for (size_t i = 0; i < lines; i++)
		len += (size_t)snprintf(buf + len, lines * 24 + 1 - len, "%s\n",
					i % 10 ? "x = `t` / 2; // c"
					       : "require('m');");
	deps_js(&deps, &arena, buf, len);
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
		cmocka_unit_test(unterminated),
		cmocka_unit_test(regex_or_division),
		cmocka_unit_test(state_across_skips),
		cmocka_unit_test(newlines_looked_past),
		cmocka_unit_test(long_file),
	};

	return cmocka_run_group_tests_name("deps_js", tests, NULL, NULL);
}
