/*
 * Unit tests for the Ruby, PHP and Rust dependency lexers (C# has
 * test_deps_csharp.c): fixtures in tests/fixtures/deps/<language>/ with
 * the statements each must yield written out by hand below, every prefix
 * of each fixture (a file cut anywhere), and small hostile buffers.
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
#include "carve/language.h"

#define IMP DEP_IMPORT
#define REQ DEP_REQUIRE
#define USE DEP_USE
#define MOD DEP_MOD
#define S DEP_STATIC
#define W DEP_WILDCARD

struct want {
	enum dep_kind kind;
	const char *target;
	unsigned line, flags;
};

struct fixture {
	const char *file; /* under tests/fixtures/deps/ */
	const struct want *want;
	size_t nr;
};

/*
 * ruby/app.rb: require_relative gets a ./ mark (4, 5); computed paths
 * (6, 7) are not recorded; a string (8), =begin block (9-11), heredoc
 * (12-14), %q literal with a quote (15), regex with a quote and ?'
 * (16), a method named require (17), a $' global (19) and __END__ hide
 * the rest.
 */
static const struct want ruby[] = {
	{ REQ, "json", 2, 0 },
	{ REQ, "active_support/core_ext", 3, 0 },
	{ REQ, "./models/user", 4, 0 },
	{ REQ, "./../lib/shop", 5, 0 },
	{ REQ, "set", 18, 0 },
	{ REQ, "after_special", 19, 0 },
};

/*
 * php/app.php: HTML before <?php (1) and after ?> (27); a group with an
 * alias (6); use function (7); two clauses (8); a global class (9);
 * three comment styles (10-12); __DIR__ and dirname() paths made
 * relative (13, 15, 28); computed paths skipped (16, 17); a string and
 * a heredoc (18-21); a trait's use and a closure's use (23, 24).
 */
static const struct want php[] = {
	{ USE, "App\\Models\\User", 5, 0 },
	{ USE, "App\\Models\\Order", 6, 0 },
	{ USE, "App\\Models\\Item", 6, 0 },
	{ USE, "App\\Support\\helper", 7, S },
	{ USE, "Symfony\\Component\\HttpFoundation\\Request", 8, 0 },
	{ USE, "Psr\\Log\\LoggerInterface", 8, 0 },
	{ USE, "Exception", 9, 0 },
	{ REQ, "./bootstrap.php", 13, 0 },
	{ REQ, "config/app.php", 14, 0 },
	{ REQ, "./../lib/util.php", 15, 0 },
	{ REQ, "./tail.php", 28, 0 },
};

/*
 * rust/lib.rs: mod x; with visibility and attributes (2, 3, 6), not an
 * inline mod (4); nested groups with self and * (8); super, self with
 * an alias, a leading :: (9-11); extern crate (12); lifetimes, chars
 * and strings (13), a raw string with a quote (14), a nesting comment
 * (15), and $crate in a macro (16).
 */
static const struct want rust[] = {
	{ MOD, "config", 2, 0 },
	{ MOD, "models", 3, 0 },
	{ MOD, "tests", 6, 0 },
	{ USE, "std::collections::HashMap", 7, 0 },
	{ USE, "crate::models::user::User", 8, 0 },
	{ USE, "crate::models::order", 8, 0 },
	{ USE, "crate::models::order::Order", 8, 0 },
	{ USE, "crate::models", 8, W },
	{ USE, "super::parent", 9, 0 },
	{ USE, "self::config::Settings", 10, 0 },
	{ USE, "serde::Deserialize", 11, 0 },
	{ USE, "log", 12, 0 },
	{ USE, "crate::inner", 16, 0 },
};

#define FX(f, w)                               \
	{                                      \
		f, w, sizeof(w) / sizeof(*(w)) \
	}

static const struct fixture fixtures[] = {
	FX("ruby/app.rb", ruby),
	FX("php/app.php", php),
	FX("rust/lib.rs", rust),
};

static char *read_fixture(const char *name, size_t *len)
{
	return read_fixture_in("deps", name, len);
}

static void expect(const struct dep_list *got, const struct want *want,
		   size_t nr)
{
	for (size_t i = 0; i < got->nr && i < nr; i++) {
		assert_string_equal(got->refs[i].target, want[i].target);
		assert_int_equal(got->refs[i].kind, want[i].kind);
		assert_int_equal(got->refs[i].line, want[i].line);
		assert_int_equal(got->refs[i].flags, want[i].flags);
	}
	assert_int_equal(got->nr, nr);
}

static void check_fixture(void **state)
{
	const struct fixture *fx = *state;
	const struct language *lang;
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;
	size_t len;
	char *buf = read_fixture(fx->file, &len);

	/* through the dispatcher, as the scan pass calls it */
	lang = language_detect(fx->file, buf, len);
	assert_non_null(lang);
	deps_extract(&deps, &arena, lang, buf, len);
	expect(&deps, fx->want, fx->nr);

	/* cut anywhere, exact bounds: never past the end */
	for (size_t n = 0; n < len; n++) {
		char *copy = malloc(n ? n : 1);

		assert_non_null(copy);
		memcpy(copy, buf, n);
		deps.nr = 0;
		deps_extract(&deps, &arena, lang, copy, n);
		assert_true(deps.nr <= fx->nr + 2);
		free(copy);
	}
	dep_list_release(&deps);
	arena_release(&arena);
	free(buf);
}

typedef void (*lexer_fn)(struct dep_list *, struct arena *, const char *,
			 size_t);

static void lex(struct dep_list *deps, struct arena *arena, lexer_fn fn,
		const char *s)
{
	deps->nr = 0;
	fn(deps, arena, s, strlen(s));
}

static void hostile_ruby(void **state)
{
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;

	(void)state;
	/* an unterminated string swallows the rest of the file */
	lex(&deps, &arena, deps_ruby, "x = 'abc\nrequire 'a'\n");
	assert_int_equal(deps.nr, 0);
	/* a division is no regex: the require after it is read */
	lex(&deps, &arena, deps_ruby, "a = b / c\nrequire 'x' # /\n");
	assert_int_equal(deps.nr, 1);
	assert_string_equal(deps.refs[0].target, "x");
	assert_int_equal(deps.refs[0].line, 2);
	/* an unterminated heredoc and =begin end at the end */
	lex(&deps, &arena, deps_ruby, "x = <<~EOS\nrequire 'a'\n");
	assert_int_equal(deps.nr, 0);
	lex(&deps, &arena, deps_ruby, "=begin\nrequire 'a'\n");
	assert_int_equal(deps.nr, 0);
	/* require_relative '' names nothing; a shift is no heredoc */
	lex(&deps, &arena, deps_ruby,
	    "require_relative ''\nx << y\nrequire 'b'");
	assert_int_equal(deps.nr, 1);
	assert_string_equal(deps.refs[0].target, "b");
	dep_list_release(&deps);
	arena_release(&arena);
}

static void hostile_php(void **state)
{
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;

	(void)state;
	/* no <?php at all: nothing is code */
	lex(&deps, &arena, deps_php, "use A\\B;\n");
	assert_int_equal(deps.nr, 0);
	/* ?> ends a line comment and the code with it */
	lex(&deps, &arena, deps_php, "<?php // x ?> use A\\B;\n");
	assert_int_equal(deps.nr, 0);
	/* a braced namespace: use at its top level, not in a class */
	lex(&deps, &arena, deps_php,
	    "<?php namespace N {\nuse A\\B;\nclass C { use T; }\n}\n"
	    "use D\\E;");
	assert_int_equal(deps.nr, 2);
	assert_string_equal(deps.refs[0].target, "A\\B");
	assert_string_equal(deps.refs[1].target, "D\\E");
	/* a literal path with more concatenated is computed */
	lex(&deps, &arena, deps_php, "<?php require 'a' . $b . '.php';");
	assert_int_equal(deps.nr, 0);
	/* dirname(__FILE__, 2) is one level above the file's directory */
	lex(&deps, &arena, deps_php,
	    "<?php include dirname(__FILE__, 2) . '/x.php';");
	assert_int_equal(deps.nr, 1);
	assert_string_equal(deps.refs[0].target, "./../x.php");
	/* unterminated group and heredoc stop at the end */
	lex(&deps, &arena, deps_php, "<?php use A\\{B, C");
	assert_true(deps.nr <= 2);
	lex(&deps, &arena, deps_php, "<?php $x = <<<EOT\nuse A\\B;\n");
	assert_int_equal(deps.nr, 0);
	dep_list_release(&deps);
	arena_release(&arena);
}

static void hostile_rust(void **state)
{
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;

	(void)state;
	/* a lifetime is no char literal: the use after it is read */
	lex(&deps, &arena, deps_rust, "fn f<'a>(x: &'a u8) {}\nuse a::b;");
	assert_int_equal(deps.nr, 1);
	assert_string_equal(deps.refs[0].target, "a::b");
	/* strings span lines in Rust */
	lex(&deps, &arena, deps_rust, "let s = \"a\nuse x::y;\n\";");
	assert_int_equal(deps.nr, 0);
	/* a raw identifier is no keyword; mod x { } no file */
	lex(&deps, &arena, deps_rust, "let r#use = 1; mod m { }");
	assert_int_equal(deps.nr, 0);
	lex(&deps, &arena, deps_rust, "r#mod x;\nlet s = r##\"a\"# mod y;\"##;");
	assert_int_equal(deps.nr, 0);
	/* an unclosed group keeps what it read */
	lex(&deps, &arena, deps_rust, "use a::{b, c");
	assert_int_equal(deps.nr, 2);
	/* a deep nesting of groups is refused, not recursed into */
	lex(&deps, &arena, deps_rust,
	    "use a::{b::{c::{d::{e::{f::{g::{h::{i::{j::{k}}}}}}}}}};");
	assert_int_equal(deps.nr, 0);
	dep_list_release(&deps);
	arena_release(&arena);
}

int main(void)
{
	struct CMUnitTest tests[sizeof(fixtures) / sizeof(fixtures[0]) + 3];
	size_t n = 0;

	for (size_t i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++) {
		struct CMUnitTest t = cmocka_unit_test_prestate(
			check_fixture, (void *)&fixtures[i]);

		t.name = fixtures[i].file;
		tests[n++] = t;
	}
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(hostile_ruby);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(hostile_php);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(hostile_rust);
	return _cmocka_run_group_tests("deps_other", tests, n, NULL, NULL);
}
