/*
 * Unit tests for Go's import lexer: fixtures in tests/fixtures/deps/go/
 * with the imports each must yield written out by hand below (path,
 * line, flags), the uses and declarations after them, hostile
 * buffers, and the scan's one pass that counts lines as it goes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "dep_fixture.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/arena.h"
#include "carve/deps.h"
#include "carve/language.h"
#include "carve/linecount.h"
#include "carve/strbuf.h"

#define C DEP_CONDITIONAL
#define W DEP_WILDCARD

/*
 * imports.go: line 4 is a comment; single imports with and without an
 * alias (5, 6); a group with a trailing comment, _ and . imports, an
 * alias, a raw string path, a commented-out path and two specs on one
 * line split by ';' (7-16); a one-line group (18). The raw string at
 * 20-22 and the import after func (26) are not imports.
 */
static const struct dep_want imports[] = {
	{ "fmt", 5, 0 },
	{ "strings", 6, 0 },
	{ "os", 8, 0 },
	{ "github.com/lib/pq", 9, 0 },
	{ "math", 10, W },
	{ "example.com/app/internal/util", 11, 0 },
	{ "net/http", 13, 0 },
	{ "a/b", 15, 0 },
	{ "c/d", 15, 0 },
	{ "x/single", 18, 0 },
};

/* build_tag.go: a //go:build line before package: built sometimes. */
static const struct dep_want build_tag[] = {
	{ "golang.org/x/sys/unix", 7, C },
};

static const struct dep_fixture fixtures[] = {
	DEP_FIXTURE("imports.go", imports),
	DEP_FIXTURE("build_tag.go", build_tag),
};

/* Keeps the import statements: no uses, declarations or package clause. */
static void only_imports(struct dep_list *deps)
{
	size_t n = 0;

	for (size_t i = 0; i < deps->nr; i++) {
		const struct dep_ref *d = &deps->refs[i];

		if (!d->name && !(d->flags & DEP_DECLARES) &&
		    strcmp(d->target, "."))
			deps->refs[n++] = *d;
	}
	deps->nr = n;
}

static void check_fixture(void **state)
{
	check_dep_fixture("deps/go", *state, DEP_IMPORT, only_imports,
			  DEP_NO_CUTS);
}

static void lex(struct dep_list *deps, struct arena *arena, const char *s)
{
	deps->nr = 0;
	deps_go(deps, arena, s, strlen(s));
	only_imports(deps);
}

/* "target name line flags" of every statement, one a line. */
static void dump(struct strbuf *sb, const struct dep_list *deps)
{
	strbuf_reset(sb);
	for (size_t i = 0; i < deps->nr; i++) {
		const struct dep_ref *d = &deps->refs[i];

		strbuf_addf(sb, "%s %s %u %u\n", d->target,
			    d->name ? d->name : "-", d->line, d->flags);
	}
}

/*
 * After the imports: exported top-level names (column 0, or one tab in
 * a group; not a method, nothing in a comment or a raw string), then
 * each import followed by the distinct names used from it, in order of
 * first use (not through a chain x.u.Bad, a string or a comment, not a
 * lower-case name, not of a common standard package: fmt.Sprint), and
 * the package clause.
 */
static void uses_and_declarations(void **state)
{
	static const char src[] = "package shop\n" /* 1 */
				  "\n"
				  "import (\n"
				  "\t\"fmt\"\n"
				  "\tu \"example.com/m/util\"\n" /* 5 */
				  "\t\"example.com/m/models/v2\"\n"
				  ")\n"
				  "\n"
				  "const (\n"
				  "\tA = iota\n" /* 10 */
				  "\t// C = 1\n"
				  "\tb\n"
				  "\tC = u.Max\n"
				  ")\n"
				  "\n" /* 15 */
				  "var X = models.New()\n"
				  "\n"
				  "func (t *T) Method() { u.Do(); t.f.u.Bad(); "
				  "u.lower() }\n"
				  "\n"
				  "func Public() string {\n" /* 20 */
				  "\ts := `\nfunc Raw() {}\n` + \"u.Str\"\n"
				  "\t/* u.Comment */\n"
				  "\treturn fmt.Sprint(u.Do(), models.Count, "
				  "s)\n"
				  "}\n";
	static const char want[] = "A - 10 128\n"
				   "C - 13 128\n"
				   "X - 16 128\n"
				   "Public - 20 128\n"
				   "fmt - 4 0\n"
				   "example.com/m/util - 5 0\n"
				   "example.com/m/util Max 5 0\n"
				   "example.com/m/util Do 5 0\n"
				   "example.com/m/models/v2 - 6 0\n"
				   "example.com/m/models/v2 New 6 0\n"
				   "example.com/m/models/v2 Count 6 0\n"
				   ". shop 1 0\n";
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	deps_go(&deps, &arena, src, sizeof(src) - 1);
	dump(&sb, &deps);
	assert_string_equal(sb.buf, want);
	strbuf_release(&sb);
	dep_list_release(&deps);
	arena_release(&arena);
}

/* Input that ends in the middle of things must not read past it. */
static void hostile(void **state)
{
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;
	static const char *const cut[] = {
		"import", "import (", "import \"", "import `abc", "import x",
		"/*", "//", "\"abc", "'", "`", "import ( \"a", "package",
		"import . ", "import (\n)", "import \"\"",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cut) / sizeof(*cut); i++) {
		size_t n = strlen(cut[i]);
		char *copy = malloc(n); /* no terminator: exact bounds */

		assert_non_null(copy);
		memcpy(copy, cut[i], n);
		deps.nr = 0;
		deps_go(&deps, &arena, copy, n);
		/* an unterminated path is still the path up to the end */
		assert_true(deps.nr <= 1);
		free(copy);
	}
	/* an unterminated interpreted string ends at its line */
	lex(&deps, &arena, "package p\nimport (\n\"a\n\"b\"\n)\n");
	assert_int_equal(deps.nr, 2);
	assert_string_equal(deps.refs[1].target, "b");
	assert_int_equal(deps.refs[1].line, 4);
	/* a malformed spec is stepped over, the group goes on */
	lex(&deps, &arena, "import (\n 42 \"a\"\n + \"b\"\n)\n");
	assert_int_equal(deps.nr, 2);
	/* a build constraint after package is only a comment */
	lex(&deps, &arena, "package p\n//go:build x\nimport \"a\"\n");
	assert_int_equal(deps.nr, 1);
	assert_int_equal(deps.refs[0].flags, 0);
	dep_list_release(&deps);
	arena_release(&arena);
}

/*
 * deps_extract_counting(): the statements and the line counts in one
 * pass, as deps_extract() and linecount_buffer() give them apart. By
 * hand: line 1 (a BOM, then a comment) and 8-9 (a block comment) are
 * comment, 3, 7 and 14 blank, the other nine code; A (11, in a group)
 * and F (15) are declared, b is not exported; models.Hidden is in a
 * comment and models.InString in a string: User alone is used.
 */
static void counted_in_one_pass(void **state)
{
	static const char src[] = "\xef\xbb\xbf// head\n"
				  "package p\n"
				  "\n"
				  "import (\n"
				  "\t\"example.com/m/models\"\n"
				  ")\n"
				  "\n"
				  "/* block\n"
				  " models.Hidden */\n"
				  "var (\n"
				  "\tA = 1\n"
				  "\tb = 2\n"
				  ")\n"
				  "\n"
				  "func F() { _ = \"models.InString\"; "
				  "_ = models.User }\n";
	const char *want = "A - 11 128\n"
			   "F - 15 128\n"
			   "example.com/m/models - 5 0\n"
			   "example.com/m/models User 5 0\n"
			   ". p 2 0\n";
	const struct language *go = language_by_name("Go");
	struct dep_list one = DEP_LIST_INIT, apart = DEP_LIST_INIT;
	struct line_counts counts, alone;
	struct arena arena = ARENA_INIT;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;

	(void)state;
	assert_non_null(go);
	assert_int_equal(deps_extract_counting(&one, &arena, go, src,
					       sizeof(src) - 1, &counts),
			 1);
	assert_int_equal(counts.lines, 15);
	assert_int_equal(counts.code, 9);
	assert_int_equal(counts.comment, 3);
	assert_int_equal(counts.blank, 3);
	dump(&a, &one);
	assert_string_equal(a.buf, want);
	/* the same as the two passes apart */
	deps_extract(&apart, &arena, go, src, sizeof(src) - 1);
	linecount_buffer(&alone, go, src, sizeof(src) - 1);
	dump(&b, &apart);
	assert_string_equal(a.buf, b.buf);
	assert_memory_equal(&counts, &alone, sizeof(alone));
	/* other languages: nothing done, the caller does both */
	assert_int_equal(deps_extract_counting(&one, &arena,
					       language_by_name("C"), src,
					       sizeof(src) - 1, &counts),
			 0);
	strbuf_release(&a);
	strbuf_release(&b);
	dep_list_release(&one);
	dep_list_release(&apart);
	arena_release(&arena);
}

int main(void)
{
	struct CMUnitTest tests[sizeof(fixtures) / sizeof(fixtures[0]) + 3];
	size_t n = dep_fixture_tests(tests, fixtures,
				     sizeof(fixtures) / sizeof(fixtures[0]),
				     check_fixture);

	tests[n++] = (struct CMUnitTest)cmocka_unit_test(hostile);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(uses_and_declarations);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(counted_in_one_pass);
	return _cmocka_run_group_tests("deps_go", tests, n, NULL, NULL);
}
