/*
 * Unit tests for the line counter: hand-counted fixtures in
 * tests/fixtures/linecount/, one per tricky case, and branch points.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fixture.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/language.h"
#include "carve/linecount.h"

/*
 * Expected counts, reasoned line by line (the reasons are in `why`).
 * `cloc` says whether cloc 1.96 gives the same totals; where it does not,
 * the difference is a cloc misreading that carve counts right.
 */
struct fixture {
	const char *file;
	const char *lang; /* display name detection must give */
	unsigned long code, comment, blank;
	int cloc;
	const char *why;
};

static const struct fixture fixtures[] = {
	{ "c_basic.c", "C", 13, 7, 2, 0,
	  "comments: 1, 2, 4 (only */), 16, 18 and 19 (a // comment goes "
	  "on after a backslash; cloc calls 19 code), 22 (no final "
	  "newline); blank: 3 (inside the comment), 6; line 10 is blank "
	  "but continues the macro on line 9, so code as in cloc; 11-13 "
	  "hold comment markers in a string and char literals: code" },
	{ "cpp_raw.cpp", "C++", 7, 1, 1, 0,
	  "raw strings R\"(..)\", R\"sql(..)sql\" and u8R\"x(..)x\" hide "
	  "*/ and //: only line 1 is comment, line 5 inside the raw string "
	  "is blank; 1'000'000 is no char literal" },
	{ "rust_nested.rs", "Rust", 5, 5, 1, 0,
	  "/* /* */ */ nests, so line 2 still closes a comment; r#\"..\"# "
	  "holds /*; 'a is a lifetime, '\"' and '\\'' are chars" },
	{ "go_raw.go", "Go", 6, 1, 1, 0,
	  "a backtick raw string over lines 4-6 holds /* and //: code; "
	  "\"// nor this\" is a string; only line 3 is comment" },
	{ "js_regex_template.js", "JavaScript", 6, 2, 1, 0,
	  "/[/*]+/ is a regular expression, total / 2 / count divisions; "
	  "the template's // is not at a line start: code; lines 1 and 9 "
	  "are comments, line 6 in the template is blank" },
	{ "ts_css_template.ts", "TypeScript", 5, 3, 0, 1,
	  "a CSS comment in a template (lines 2-3) and a // opening a "
	  "template line (5) count as comment, as cloc counts them; "
	  "`https://example.com/*` is code" },
	{ "python_strings.py", "Python", 7, 7, 4, 1,
	  "code: 1 (#!), 6, 8 (code before \"\"\"), 11, 14, 16, 18 ('\"\"\"' "
	  "is a plain string); comment: 2, 4, 5, 9, 10 (inside and closing "
	  "triple quotes), 15 (r''' doc '''), 17. cloc's totals agree, "
	  "but it calls 11 ('/*' in a string) comment and 15 code" },
	{ "java_textblock.java", "Java", 7, 1, 0, 0,
	  "a \"\"\" text block over lines 2-5 holds /* and //: code; "
	  "'\"' is a char; only the Javadoc line is comment" },
	{ "csharp_verbatim.cs", "C#", 7, 1, 0, 0,
	  "@\"C:\\dir\\\" ends at its quote (no escapes), \"\" is a quote "
	  "inside @\"..\", and @\"..\" spans lines 4-6: only 7 is comment" },
	{ "php_comments.php", "PHP", 4, 4, 0, 0,
	  "#, // and /* */ comments on 2-5; #[Attribute] is PHP 8 code "
	  "(cloc calls it comment); \"# ..\" is a string" },
	{ "ruby_begin.rb", "Ruby", 2, 4, 1, 1,
	  "=begin/=end lines and what is between are comment, 4 blank; "
	  "# in a string is code" },
	{ "perl_pod.pl", "Perl", 3, 6, 4, 0,
	  "=pod to =cut is POD (cloc only knows =head1), blanks inside "
	  "stay blank; __END__ and after are data: comment; $#ARGV is "
	  "code" },
	{ "lua_long.lua", "Lua", 3, 6, 0, 1,
	  "--[[ ]] and --[==[ ]==] (where ]] does not close) are "
	  "comments; [[ -- ]] is a long string: code" },
	{ "sql_comments.sql", "SQL", 2, 4, 0, 1,
	  "-- and /* */ comments; '-- ..' is a string" },
	{ "markup.html", "HTML", 2, 2, 1, 1,
	  "<!-- --> over lines 2-4 with a blank inside; a trailing "
	  "comment leaves line 5 code" },
	{ "style.css", "CSS", 2, 1, 0, 1,
	  "CSS has no // comments: line 3 is code" },
	{ "style.scss", "SCSS", 1, 2, 0, 1,
	  "the same bytes as style.css, but SCSS has // comments" },
	{ "crlf.c", "C", 2, 2, 1, 1,
	  "CRLF line ends: \\r is white space, so line 2 is blank" },
	{ "empty.c", "C", 0, 0, 0, 1, "an empty file has no lines" },
	{ "shell.sh", "Shell", 5, 2, 0, 1,
	  "#! line is code; # comments also indented; $# and a#b are "
	  "code" },
};

static char *read_fixture(const char *name, size_t *len)
{
	return read_fixture_in("linecount", name, len);
}

static void check_fixture(void **state)
{
	const struct fixture *fx = *state;
	const struct language *lang;
	struct line_counts lc;
	size_t len;
	char *buf = read_fixture(fx->file, &len);

	lang = language_detect(fx->file, buf, len);
	assert_non_null(lang);
	assert_string_equal(lang->name, fx->lang);
	linecount_buffer(&lc, lang, buf, len);
	if (lc.code != fx->code || lc.comment != fx->comment ||
	    lc.blank != fx->blank)
		print_message("# %s: %s\n", fx->file, fx->why);
	assert_int_equal(lc.code, fx->code);
	assert_int_equal(lc.comment, fx->comment);
	assert_int_equal(lc.blank, fx->blank);
	assert_int_equal(lc.lines, fx->code + fx->comment + fx->blank);
	free(buf);
}

static void count_str(struct line_counts *lc, const char *lang,
		      const char *s)
{
	const struct language *l = language_by_name(lang);

	assert_non_null(l);
	linecount_buffer(lc, l, s, strlen(s));
}

static void line_ends(void **state)
{
	struct line_counts lc;

	(void)state;
	count_str(&lc, "C", "\n");
	assert_int_equal(lc.lines, 1);
	assert_int_equal(lc.blank, 1);
	/* the last line counts without its newline */
	count_str(&lc, "C", "int a;\nint b;");
	assert_int_equal(lc.lines, 2);
	assert_int_equal(lc.code, 2);
	/* an unterminated string costs one line, not the file */
	count_str(&lc, "C", "char *s = \"oops;\n// a comment\n");
	assert_int_equal(lc.code, 1);
	assert_int_equal(lc.comment, 1);
	/* an unterminated block comment runs to the end */
	count_str(&lc, "C", "int a; /*\nx\n\ny");
	assert_int_equal(lc.code, 1);
	assert_int_equal(lc.comment, 2);
	assert_int_equal(lc.blank, 1);
	/* a byte-order mark is no text (cloc: a.c 1 comment 1 code) */
	count_str(&lc, "C", "\xef\xbb\xbf// x\nint a;\n");
	assert_int_equal(lc.comment, 1);
	assert_int_equal(lc.code, 1);
	count_str(&lc, "Razor", "\xef\xbb\xbf\n@* c *@\n<p></p>\n");
	assert_int_equal(lc.blank, 1);
	assert_int_equal(lc.comment, 1);
	assert_int_equal(lc.code, 1);
	count_str(&lc, "Haml", "\xef\xbb\xbf-#\n  c\n%p\n");
	assert_int_equal(lc.comment, 2);
	assert_int_equal(lc.code, 1);
}

static void adds_counts(void **state)
{
	struct line_counts a = { 1, 2, 3, 4, 5 }, b = { 10, 20, 30, 40, 50 };

	(void)state;
	linecount_add(&a, &b);
	assert_int_equal(a.lines, 11);
	assert_int_equal(a.code, 22);
	assert_int_equal(a.comment, 33);
	assert_int_equal(a.blank, 44);
	assert_int_equal(a.complexity, 55);
}

static void branch_points(void **state)
{
	struct line_counts lc;

	(void)state;
	/* if && ? if || for while case; not #if, ifdef, nor in comments */
	count_str(&lc, "C",
		  "#if X\n#ifdef Y\n"
		  "if (a && b) x = c ? 1 : 2; else if (d || e)\n"
		  "for (;;) while (1) switch (x) { case 1: ; }\n"
		  "/* if while */ s = \"if for && ?\"; // case\n#endif\n");
	assert_int_equal(lc.complexity, 8);
	/* ?? and a ternary; not ?. nor an optional x?: */
	count_str(&lc, "TypeScript",
		  "a?.b ?? c;\nlet x?: number;\ny ? 1 : 2;\n");
	assert_int_equal(lc.complexity, 2);
	/* elif and or for; not "if" in a string nor a docstring */
	count_str(&lc, "Python",
		  "if a and b:\n    pass\nelif c or d:\n    s = 'if'\n"
		  "'''for while'''\nfor x in y: pass\n");
	assert_int_equal(lc.complexity, 5);
	/* when, elvis; Kotlin has no ternary */
	count_str(&lc, "Kotlin", "val y = when (x) { 1 -> a ?: b\n}\n");
	assert_int_equal(lc.complexity, 2);
	/* Swift: guard, spaced ternary; Int? is a type, not a branch */
	count_str(&lc, "Swift", "guard let a = b else { return }\n"
				"var c: Int? = d ? 1 : 2\n");
	assert_int_equal(lc.complexity, 2);
	/* Ruby: unless, rescue; empty? is a method name */
	count_str(&lc, "Ruby", "x = a.empty? ? 1 : 2 unless b\n"
			       "rescue StandardError\n");
	assert_int_equal(lc.complexity, 3);
}

/* What a hook saw: the offsets of its calls, and the lines of line(). */
struct seen {
	const char *buf;
	char log[128];
};

static void seen_line(void *ctx, const char *p, unsigned line)
{
	struct seen *s = ctx;
	size_t n = strlen(s->log);

	snprintf(s->log + n, sizeof(s->log) - n, "L%u@%d ", line,
		 (int)(p - s->buf));
}

static void seen_dot(void *ctx, const char *p)
{
	struct seen *s = ctx;
	size_t n = strlen(s->log);

	snprintf(s->log + n, sizeof(s->log) - n, "D@%d ", (int)(p - s->buf));
}

/*
 * linecount_follow(): the counts of linecount_buffer(), and calls for
 * the line starts and dots in code only (not "e.F" in a string, not c.D
 * in a comment), nor before `from` (g.H); the offsets counted by hand.
 */
static void follow(void **state)
{
	static const char src[] = "g.H\n" /* 0-3 */
				  "a.B // c.D\n" /* 4-14 */
				  "\"e.F\"\n" /* 15-20 */
				  "x.Y\n"; /* 21-24 */
	static unsigned char any[256], upper[256];
	const struct language *go = language_by_name("Go");
	struct line_counts got, want;
	struct seen seen = { src, "" };
	struct linecount_hook hk = { 0 };

	(void)state;
	for (int c = 1; c < 256; c++)
		any[c] = 1;
	for (int c = 'A'; c <= 'Z'; c++)
		upper[c] = 1;
	hk.from = src + 4;
	hk.line_first = any;
	hk.dot_prev = any;
	hk.dot_next = upper;
	hk.line = seen_line;
	hk.dot = seen_dot;
	hk.ctx = &seen;
	linecount_follow(&got, go, src, sizeof(src) - 1, &hk);
	linecount_buffer(&want, go, src, sizeof(src) - 1);
	assert_memory_equal(&got, &want, sizeof(want));
	assert_string_equal(seen.log, "D@5 L3@15 L4@21 D@22 ");
}

int main(void)
{
	struct CMUnitTest tests[sizeof(fixtures) / sizeof(fixtures[0]) + 5];
	size_t n = 0;

	for (size_t i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++) {
		struct CMUnitTest t = cmocka_unit_test_prestate(
			check_fixture, (void *)&fixtures[i]);

		t.name = fixtures[i].file;
		tests[n++] = t;
	}
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(line_ends);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(follow);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(adds_counts);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(branch_points);
	return _cmocka_run_group_tests("linecount", tests, n, NULL, NULL);
}
