/*
 * Unit tests for the C# dependency lexer: fixtures in
 * tests/fixtures/deps/csharp/ with the statements each must yield written
 * out by hand below, every prefix of each fixture (a file cut anywhere),
 * small hostile buffers, and the types declared and names used.
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
#include "carve/depnames.h"
#include "carve/deps.h"
#include "carve/language.h"
#include "carve/strbuf.h"

#define S DEP_STATIC
#define D DEP_DECLARES
#define G DEP_GLOBAL

/*
 * Program.cs: using static (4), aliases of a type and of a generic (5,
 * 10), global using (6), a using under #if (8), block namespaces
 * declared, nested (12, 15), a using inside one (14); a string, a
 * verbatim string with "" quotes, a raw string and a char (18-23); using
 * statements and declarations (26-28) are not imports.
 */
static const struct dep_want program[] = {
	{ "System", 2, 0 },
	{ "System.Collections.Generic", 3, 0 },
	{ "System.Math", 4, S },
	{ "Newtonsoft.Json.JsonConvert", 5, 0 },
	{ "Acme.Shared", 6, G },
	{ "Acme.Debugging", 8, 0 },
	{ "System.Collections.Generic.Dictionary", 10, 0 },
	{ "Acme.Orders", 12, D },
	{ "Acme.Billing", 14, 0 },
	{ "Acme.Orders.Internal", 15, D },
};

/* FileScoped.cs: a file-scoped namespace, then an open comment. */
static const struct dep_want scoped[] = {
	{ "Acme.Users", 1, D },
	{ "Acme.Orders", 3, 0 },
};

static const struct dep_fixture fixtures[] = {
	DEP_FIXTURE("Program.cs", program),
	DEP_FIXTURE("FileScoped.cs", scoped),
};

/*
 * Keeps the statements: namespace declarations stay, type declarations
 * (a name) and names used have tests of their own.
 */
static void statements(struct dep_list *deps)
{
	size_t n = 0;

	for (size_t i = 0; i < deps->nr; i++) {
		const struct dep_ref *d = &deps->refs[i];

		if ((d->flags & DEP_REFERENCE) ||
		    ((d->flags & DEP_DECLARES) && d->name))
			continue;
		deps->refs[n++] = *d;
	}
	deps->nr = n;
}

/* Cut anywhere, exact bounds: never past the end. */
static void check_fixture(void **state)
{
	check_dep_fixture("deps/csharp", *state, DEP_IMPORT, statements, 2);
}

static void lex(struct dep_list *deps, struct arena *arena, const char *s)
{
	deps->nr = 0;
	deps_csharp(deps, arena, s, strlen(s));
	statements(deps);
}

static void hostile(void **state)
{
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;

	(void)state;
	/* an unterminated string ends at its line */
	lex(&deps, &arena, "var s = \"abc\nusing A.B;\n");
	assert_int_equal(deps.nr, 1);
	assert_int_equal(deps.refs[0].line, 2);
	/* an unterminated verbatim string runs to the end */
	lex(&deps, &arena, "var s = @\"abc\nusing A.B;\n");
	assert_int_equal(deps.nr, 0);
	/* namespaces close with their braces */
	lex(&deps, &arena, "namespace A { namespace B { } }\nnamespace C { }");
	assert_int_equal(deps.nr, 3);
	assert_string_equal(deps.refs[1].target, "A.B");
	assert_string_equal(deps.refs[2].target, "C");
	/* an unfinished using records nothing */
	lex(&deps, &arena, "using A.B");
	assert_int_equal(deps.nr, 0);
	lex(&deps, &arena, "using X = ;");
	assert_int_equal(deps.nr, 0);
	/* an alias keeps its name */
	lex(&deps, &arena, "using X = A.B.C;");
	assert_int_equal(deps.nr, 1);
	assert_string_equal(deps.refs[0].name, "X");
	dep_list_release(&deps);
	arena_release(&arena);
}

/*
 * The declarations and names of `s`: "D:" namespace "/" type, "R:"
 * namespace "/" name, each once.
 */
static void names(struct strbuf *sb, struct arena *arena, const char *s)
{
	struct dep_list deps = DEP_LIST_INIT;

	deps_csharp(&deps, arena, s, strlen(s));
	strbuf_reset(sb);
	for (size_t i = 0; i < deps.nr; i++) {
		const struct dep_ref *d = &deps.refs[i];

		if ((d->flags & DEP_DECLARES) && d->name)
			strbuf_addf(sb, "D:%s/%s ", d->target, d->name);
		else if (d->flags & DEP_REFERENCE)
			strbuf_addf(sb, "R:%s/%s ", d->name ? d->name : "",
				    d->target);
	}
	dep_list_release(&deps);
}

static void names_and_declarations(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct arena arena = ARENA_INIT;

	(void)state;
	/*
	 * Attributes, [Table("x")] too; generics; a base list; nested
	 * types; names in interpolations, not in their format or {{ }};
	 * never in comments, strings or a verbatim one; never a
	 * member after a dot or ?.; in M( and A.B.M( the method is not a
	 * name (in new W( the type is), nor
	 * the name a member declares after its type (Customer Customer,
	 * string Shipping, List<Line> Lines, void F<T>);
	 * `where T : class` declares nothing; global:: is dropped.
	 */
	names(&sb, &arena,
	      "namespace N.M {\n"
	      "/// <see cref=\"Hidden\"/>\n"
	      "[Serializable, Table(\"x\")]\n"
	      "public partial class Order : BaseEntity, IFoo<Product> {\n"
	      "  string s = \"Hidden\"; string v = @\"Hidden\"; // Hidden\n"
	      "  string i = $\"{Inter.Value} {{Hidden}} {d:Hidden} {(a ? B : "
	      "C)} {Run()}\";\n"
	      "  List<Line> lines; Order o; x.Hidden(); y?.Hidden;\n"
	      "  public Customer Customer { get; set; } string Shipping;\n"
	      "  List<Line> Lines => lines; Line this[int i] => null;\n"
	      "  class Line { }\n"
	      "  void F<T>([FromBody] T t) where T : class {\n"
	      "    var p = Acme.Util.Text.Trim(s); global::A.B.Foo.Bar();\n"
	      "    Validate(o); var w = new Widget(1); }\n"
	      "}\n"
	      "public record Point(int X);\n"
	      "enum Kind { A }\n"
	      "}\n"
	      "class Top { int record = 1; }\n");
	assert_string_equal(sb.buf, "R:N.M/Serializable R:N.M/Table "
				    "D:N.M/Order R:N.M/BaseEntity R:N.M/IFoo "
				    "R:N.M/Product R:N.M/Inter.Value R:N.M/B "
				    "R:N.M/C R:N.M/List R:N.M/Line "
				    "R:N.M/Order R:N.M/Customer "
				    "D:N.M/Order.Line "
				    "R:N.M/T "
				    "R:N.M/FromBody "
				    "R:N.M/Acme.Util.Text R:N.M/A.B.Foo "
				    "R:N.M/Widget "
				    "D:N.M/Point R:N.M/X D:N.M/Kind R:N.M/A "
				    "D:/Top ");
	/* a file-scoped namespace holds the rest of the file */
	names(&sb, &arena, "namespace N;\nclass C : B { }\n");
	assert_string_equal(sb.buf, "D:N/C R:N/B ");
	strbuf_release(&sb);
	arena_release(&arena);
}

/*
 * A using directive in each of its forms: the usual A.B.C; (read from
 * the buffer) and those with blanks, comments or newlines between the
 * parts, static, global, non-ASCII names, and the longest name a
 * struct name holds (511 bytes) and one byte more (none).
 */
static void usings_by_form(void **state)
{
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;
	struct strbuf sb = STRBUF_INIT;
	static const struct {
		const char *src;
		const char *target; /* NULL: nothing recorded */
		unsigned flags, line;
	} cases[] = {
		{ "using A.B.C;", "A.B.C", 0, 1 },
		{ "\n  using A . B ;", "A.B", 0, 2 },
		{ "using A./* c */B;", "A.B", 0, 1 },
		{ "using A.B\n;", "A.B", 0, 1 },
		{ "using A.B.;", "A.B", 0, 1 },
		{ "using A..B;", NULL, 0, 0 },
		{ "using static A.B;", "A.B", S, 1 },
		{ "global using A.B;", "A.B", G, 1 },
		{ "using \xc3\x9c"
		  "ber.K\xc3\xb6"
		  "ln;",
		  "\xc3\x9c"
		  "ber.K\xc3\xb6"
		  "ln",
		  0, 1 },
		{ "using _1.a2;", "_1.a2", 0, 1 },
		{ "using 1A;", NULL, 0, 0 },
		{ "using A.B", NULL, 0, 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		lex(&deps, &arena, cases[i].src);
		if (!cases[i].target) {
			assert_int_equal(deps.nr, 0);
			continue;
		}
		assert_int_equal(deps.nr, 1);
		assert_string_equal(deps.refs[0].target, cases[i].target);
		assert_int_equal(deps.refs[0].flags, cases[i].flags);
		assert_int_equal(deps.refs[0].line, cases[i].line);
	}
	/* 511 bytes: A.AAA...; 512: nothing, as cs_name() overflows */
	for (size_t want = 511; want <= 512; want++) {
		strbuf_reset(&sb);
		strbuf_addstr(&sb, "using A.");
		while (sb.len < 6 + want)
			strbuf_addch(&sb, 'A');
		strbuf_addch(&sb, ';');
		lex(&deps, &arena, sb.buf);
		assert_int_equal(deps.nr, want == 511);
		if (deps.nr)
			assert_int_equal(strlen(deps.refs[0].target), 511);
	}
	dep_list_release(&deps);
	arena_release(&arena);
	strbuf_release(&sb);
}

/*
 * The name a member declares after a built-in type is no type (int
 * Count;), after any other lowercase name it is (integer Count; reads
 * as a type named Count), after a capitalised one not (Foo Bar;).
 */
static void members_after_types(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct arena arena = ARENA_INIT;

	(void)state;
	names(&sb, &arena,
	      "class K { int A; bool B; void C(); long D; byte E; char F;\n"
	      "uint G; float H; short I; ulong J; sbyte L; string M;\n"
	      "object N; double O; ushort P; decimal Q; dynamic R;\n"
	      "integer S; strings T; Foo Bar; }\n");
	assert_string_equal(sb.buf, "D:/K R:/S R:/T R:/Foo ");
	/*
	 * an attribute list at the start and after ( , } ]; not after a
	 * name: y[D(1)] calls a method D
	 */
	names(&sb, &arena,
	      "[X] class K { void F([A] int a, [B] int b) { } [C] int c; "
	      "x = y[D(1)]; }");
	assert_string_equal(sb.buf, "R:/X D:/K R:/A R:/B R:/C ");
	strbuf_release(&sb);
	arena_release(&arena);
}

/* Many names: each once, however many; no more than DEP_NAMES_MAX. */
static void many_names(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;
	size_t refs = 0;

	(void)state;
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < 3000; i++)
			strbuf_addf(&sb, "T%d x%d;\n", i, i);
	deps_csharp(&deps, &arena, sb.buf, sb.len);
	for (size_t i = 0; i < deps.nr; i++)
		refs += !!(deps.refs[i].flags & DEP_REFERENCE);
	assert_int_equal(refs, 3000);
	strbuf_reset(&sb);
	for (unsigned i = 0; i < DEP_NAMES_MAX + 100; i++)
		strbuf_addf(&sb, "N%u ", i);
	deps.nr = 0;
	deps_csharp(&deps, &arena, sb.buf, sb.len);
	assert_int_equal(deps.nr, DEP_NAMES_MAX);
	dep_list_release(&deps);
	arena_release(&arena);
	strbuf_release(&sb);
}

/*
 * Words whose first byte, length and last byte are a keyword's are read
 * as that keyword only when they are it; a member's name after a dot is
 * never a name used; a string opening with three quotes is a raw one.
 */
static void keywords_and_members(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct arena arena = ARENA_INIT;

	(void)state;
	/* near misses: a lowercase name, then the type of a variable */
	names(&sb, &arena,
	      "clubs A; strut B; recurd C; interfade D; exum E; delegale F;\n"
	      "nameslace G; usino H; globel I;\n");
	assert_string_equal(sb.buf, "R:/A R:/B R:/C R:/D R:/E R:/F R:/G "
				    "R:/H R:/I ");
	/* the keywords themselves */
	names(&sb, &arena,
	      "class A { } struct B { } record C(int X); interface D { }\n"
	      "enum E { } delegate void F();\n");
	assert_string_equal(sb.buf, "D:/A D:/B D:/C R:/X D:/D D:/E D:/F ");
	/* members after dots and ?., at a line's end and not */
	names(&sb, &arena,
	      "class K { void M() { var a = x.Hidden; y.Hidden.Also = z;\n"
	      "w?.Hidden(); q.\n"
	      "Hidden(); v = item.Product\n"
	      ".Hidden; A.B.C(); u.@Hidden = 1; } }\n");
	assert_string_equal(sb.buf, "D:/K R:/A.B ");
	/* a regular string, a raw one (quotes inside), an empty one */
	names(&sb, &arena,
	      "class K { string a = \"Hidden\"; string b = \"\"\"Hidden \"x\" "
	      "Hidden\"\"\"; string c = \"\"; Shown d; }\n");
	assert_string_equal(sb.buf, "D:/K R:/Shown ");
	strbuf_release(&sb);
	arena_release(&arena);
}

/*
 * A line's end after ; { } ] with LF or CRLF: the next line may hold a
 * directive (a using; a #-line is skipped whole), counted on its line.
 */
static void line_ends(void **state)
{
	struct dep_list deps = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;

	(void)state;
	lex(&deps, &arena,
	    "using A;\r\nusing B;\nnamespace N {\r\n#if X\r\n"
	    "using C;\r\n#endif\r\n}\r\n[X]\r\n#region \"\r\n"
	    "using D;\r\n");
	assert_int_equal(deps.nr, 5);
	assert_string_equal(deps.refs[0].target, "A");
	assert_int_equal(deps.refs[0].line, 1);
	assert_string_equal(deps.refs[1].target, "B");
	assert_int_equal(deps.refs[1].line, 2);
	assert_string_equal(deps.refs[2].target, "N");
	assert_int_equal(deps.refs[2].line, 3);
	assert_string_equal(deps.refs[3].target, "C");
	assert_int_equal(deps.refs[3].line, 5);
	assert_string_equal(deps.refs[4].target, "D");
	assert_int_equal(deps.refs[4].line, 10);
	/* blank and comment lines between */
	lex(&deps, &arena, "using A;\r\n\r\n  // c\r\n\tusing D;\r\n");
	assert_int_equal(deps.nr, 2);
	assert_int_equal(deps.refs[1].line, 4);
	dep_list_release(&deps);
	arena_release(&arena);
}

/*
 * A name is recorded once per namespace block: again in another block,
 * even of the same namespace; names of one length and last byte (Abc,
 * Xbc) each once.
 */
static void names_once(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct arena arena = ARENA_INIT;

	(void)state;
	names(&sb, &arena,
	      "Foo a; namespace N { Foo b; Abc c; Xbc d; Abc e; Xbc f; Foo g; }\n"
	      "Foo h; namespace N { Foo i; } namespace M { Foo j; Foo k; }\n");
	assert_string_equal(sb.buf, "R:/Foo R:N/Foo R:N/Abc R:N/Xbc "
				    "R:N/Foo R:M/Foo ");
	strbuf_release(&sb);
	arena_release(&arena);
}

int main(void)
{
	struct CMUnitTest tests[sizeof(fixtures) / sizeof(fixtures[0]) + 8];
	size_t n = dep_fixture_tests(tests, fixtures,
				     sizeof(fixtures) / sizeof(fixtures[0]),
				     check_fixture);

	tests[n++] = (struct CMUnitTest)cmocka_unit_test(hostile);
	tests[n++] =
		(struct CMUnitTest)cmocka_unit_test(names_and_declarations);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(many_names);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(usings_by_form);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(members_after_types);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(keywords_and_members);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(line_ends);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(names_once);
	return _cmocka_run_group_tests("deps_csharp", tests, n, NULL, NULL);
}
