/*
 * Unit tests for the Java family's import lexer (Java, Kotlin, Scala):
 * fixtures in tests/fixtures/deps/java/ with the imports each must
 * yield written out by hand below, every prefix of each fixture (a file
 * cut anywhere), and small hostile buffers.
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
#include "carve/strbuf.h"

#define S DEP_STATIC
#define W DEP_WILDCARD

/*
 * Imports.java: the comment (2), line comment (13), string (17), text
 * block with an escaped quote (19-22) and escaped string (23) hide
 * fakes; a name split over two lines (11-12); two imports on one line
 * (14); an unterminated string ends at its line, so line 25 is read.
 */
static const struct dep_want java[] = {
	{ "java.util.List", 6, 0 },
	{ "java.util", 7, W },
	{ "org.junit.Assert.assertEquals", 8, S },
	{ "com.acme.util.Strings", 9, S | W },
	{ "com.acme.billing.Invoice.Line", 10, 0 },
	{ "com.acme.split.Name", 11, 0 },
	{ "com.acme.users.User", 14, 0 },
	{ "com.acme.users.Role", 14, 0 },
	{ "com.acme.AfterBadString", 25, 0 },
};

/*
 * Imports.kt: a backquoted name (5), an alias (6), a nesting comment
 * (7), a raw string (10-12), a template and a char literal (13), and
 * `import` used as a name (14).
 */
static const struct dep_want kotlin[] = {
	{ "com.acme.orders.Order", 3, 0 },
	{ "com.acme.orders", 4, W },
	{ "com.acme.util.Weird Name", 5, 0 },
	{ "org.slf4j.LoggerFactory", 6, 0 },
	{ "kotlinx.coroutines.launch", 8, 0 },
};

/*
 * Imports.scala: `_` and `*` wildcards (4, 6), selectors with a rename,
 * a hidden name and a given (5), a wildcard selector (7), two clauses
 * (8), selectors over lines (9-12), an import in a body (14), a symbol
 * and a char (15-16), then an unterminated comment.
 */
static const struct dep_want scala[] = {
	{ "scala.collection.mutable", 3, 0 },
	{ "com.acme.orders", 4, W },
	{ "com.acme.users.User", 5, 0 },
	{ "com.acme.users.Role", 5, 0 },
	{ "com.acme.util", 6, W },
	{ "java.time.LocalDate", 7, 0 },
	{ "java.time", 7, W },
	{ "a.b.C", 8, 0 },
	{ "d.e.F", 8, 0 },
	{ "com.acme.billing.Invoice", 9, 0 },
	{ "com.acme.billing.Payment", 9, 0 },
	{ "com.acme.local.Helper", 14, 0 },
};

static const struct dep_fixture fixtures[] = {
	DEP_FIXTURE("Imports.java", java),
	DEP_FIXTURE("Imports.kt", kotlin),
	DEP_FIXTURE("Imports.scala", scala),
};

/*
 * Keeps the statements only: the declarations and names used have
 * tests of their own (names_and_declarations).
 */
static void statements(struct dep_list *deps)
{
	size_t n = 0;

	for (size_t i = 0; i < deps->nr; i++)
		if (!(deps->refs[i].flags & (DEP_REFERENCE | DEP_DECLARES)))
			deps->refs[n++] = deps->refs[i];
	deps->nr = n;
}

/* Cut anywhere, exact bounds: never more imports, never past the end. */
static void check_fixture(void **state)
{
	check_dep_fixture("deps/java", *state, DEP_IMPORT, statements, 0);
}

static void lex(struct dep_list *deps, struct arena *arena, const char *lang,
		const char *s)
{
	deps->nr = 0;
	deps_java(deps, arena, language_by_name(lang), s, strlen(s));
	statements(deps);
}

/* The declarations and names of `s`, "D:" or "R:" then the target each. */
static void names(struct strbuf *sb, struct arena *arena, const char *lang,
		  const char *s)
{
	struct dep_list deps = DEP_LIST_INIT;

	deps_java(&deps, arena, language_by_name(lang), s, strlen(s));
	strbuf_reset(sb);
	for (size_t i = 0; i < deps.nr; i++) {
		const struct dep_ref *d = &deps.refs[i];

		if (d->flags & DEP_DECLARES)
			strbuf_addf(sb, "D:%s ", d->target);
		else if (d->flags & DEP_REFERENCE)
			strbuf_addf(sb, "R:%s ", d->target);
	}
	dep_list_release(&deps);
}

static void names_and_declarations(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct arena arena = ARENA_INIT;

	(void)state;
	/*
	 * Types declared, nested ones after their outer; names used once
	 * each; never in comments, strings, chars or text blocks; never a
	 * member after a dot or `::`; `Foo.class` declares nothing.
	 */
	names(&sb, &arena, "Java",
	      "package a.b;\n"
	      "/* Hidden */ // Hidden\n"
	      "@Entity public class Owner extends Person {\n"
	      "  String s = \"Hidden\"; char c = 'H';\n"
	      "  String t = \"\"\"\n Hidden \"\"\";\n"
	      "  List<Pet> pets; Pet p; x.Hidden(); Owner.class;\n"
	      "  Runnable r = Visit::new; Map.Entry e;\n"
	      "  static class Inner { enum Kind { A } }\n"
	      "  void f() { com.acme.Foo x = this.y.z(); }\n"
	      "}\n"
	      "record Point(int x) {}\n"
	      "interface Shape {}\n");
	assert_string_equal(sb.buf, "R:Entity D:Owner R:Person R:String R:List "
				    "R:Pet "
				    "R:Owner R:Runnable R:Visit R:Map "
				    "D:Owner.Inner "
				    "D:Owner.Inner.Kind R:A R:com.acme.Foo "
				    "D:Point "
				    "D:Shape ");
	/* `record` as a name declares nothing */
	names(&sb, &arena, "Java", "int record = 1; record += 2;");
	assert_string_equal(sb.buf, "");
	/* Kotlin: objects and aliases; a type after a colon is a name */
	names(&sb, &arena, "Kotlin",
	      "data class P(val o: Owner)\n"
	      "object Registry : Base() { val x = Foo::class }\n"
	      "typealias Id = Long\n"
	      "val s = \"$Hidden ${Hidden}\"\n");
	assert_string_equal(sb.buf, "D:P R:Owner D:Registry R:Base R:Foo D:Id "
				    "R:Long ");
	/* Scala: traits, case classes, objects */
	names(&sb, &arena, "Scala",
	      "trait T { def f: Owner }\ncase class C(p: Pet) extends T\n"
	      "object O\n");
	assert_string_equal(sb.buf, "D:T R:Owner D:C R:Pet R:T D:O ");
	strbuf_release(&sb);
	arena_release(&arena);
}

static void hostile(void **state)
{
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;
	char big[2000];

	(void)state;
	/* incomplete statements record nothing */
	lex(&deps, &arena, "Java", "import ;\nimport a.;\nimport static ;");
	assert_int_equal(deps.nr, 0);
	/* `import` as a member or after a dot is no statement */
	lex(&deps, &arena, "Java", "x.import a.B;\nfoo(import);");
	assert_int_equal(deps.nr, 0);
	/* a name too long for any class is dropped, not truncated */
	memset(big, 'a', sizeof(big));
	memcpy(big, "import ", 7);
	big[sizeof(big) - 2] = ';';
	big[sizeof(big) - 1] = '\0';
	lex(&deps, &arena, "Java", big);
	assert_int_equal(deps.nr, 0);
	/* Kotlin: an import ends at its line */
	lex(&deps, &arena, "Kotlin", "import a.b\n.C\nimport d.E");
	assert_int_equal(deps.nr, 2);
	assert_string_equal(deps.refs[0].target, "a.b");
	assert_string_equal(deps.refs[1].target, "d.E");
	assert_int_equal(deps.refs[1].line, 3);
	/* Kotlin: an alias names the import in the file */
	lex(&deps, &arena, "Kotlin", "import a.b.C as D\nimport e.F");
	assert_int_equal(deps.nr, 2);
	assert_string_equal(deps.refs[0].target, "a.b.C");
	assert_string_equal(deps.refs[0].name, "D");
	assert_null(deps.refs[1].name);
	/*
	 * Kotlin: a comment after an import without alias spans a line;
	 * the lines after count it once (the next import is on line 3)
	 */
	lex(&deps, &arena, "Kotlin", "import h /*\n*/ C\nimport e.F");
	assert_int_equal(deps.nr, 2);
	assert_int_equal(deps.refs[0].line, 1);
	assert_string_equal(deps.refs[1].target, "e.F");
	assert_int_equal(deps.refs[1].line, 3);
	/* Java block comments do not nest: the import after is real */
	lex(&deps, &arena, "Java", "/* /* */ import a.B;");
	assert_int_equal(deps.nr, 1);
	/* Scala ones do: it is still inside the comment */
	lex(&deps, &arena, "Scala", "/* /* */ import a.B */");
	assert_int_equal(deps.nr, 0);
	/* a broken selector group gives up, the next import is read */
	lex(&deps, &arena, "Scala", "import a.{B, +}\nimport c.D");
	assert_int_equal(deps.nr, 2);
	assert_string_equal(deps.refs[0].target, "a.B");
	assert_string_equal(deps.refs[1].target, "c.D");
	dep_list_release(&deps);
	arena_release(&arena);
}

int main(void)
{
	struct CMUnitTest tests[sizeof(fixtures) / sizeof(fixtures[0]) + 2];
	size_t n = dep_fixture_tests(tests, fixtures,
				     sizeof(fixtures) / sizeof(fixtures[0]),
				     check_fixture);

	tests[n++] = (struct CMUnitTest)cmocka_unit_test(hostile);
	tests[n++] =
		(struct CMUnitTest)cmocka_unit_test(names_and_declarations);
	return _cmocka_run_group_tests("deps_java", tests, n, NULL, NULL);
}
