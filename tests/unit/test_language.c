/*
 * Unit tests for language detection: extensions, file names, #! lines,
 * .h and .m dialects, binary content, and the table itself.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "carve/language.h"

/* The display name detected for path and content s, or "(none)". */
static const char *detect(const char *path, const char *s)
{
	const struct language *l =
		language_detect(path, s, s ? strlen(s) : 0);

	return l ? l->name : "(none)";
}

static void by_extension(void **state)
{
	(void)state;
	assert_string_equal(detect("src/a.c", NULL), "C");
	assert_string_equal(detect("a.cpp", NULL), "C++");
	assert_string_equal(detect("a.hpp", NULL), "C++ Header");
	assert_string_equal(detect("app/models.py", NULL), "Python");
	assert_string_equal(detect("MAIN.PY", NULL), "Python");
	assert_string_equal(detect("x.pyi", NULL), "Python");
	assert_string_equal(detect("cmd/main.go", NULL), "Go");
	assert_string_equal(detect("A.java", NULL), "Java");
	assert_string_equal(detect("a.kts", NULL), "Kotlin");
	assert_string_equal(detect("a.scala", NULL), "Scala");
	assert_string_equal(detect("a.jsx", NULL), "JavaScript");
	assert_string_equal(detect("a.mjs", NULL), "JavaScript");
	assert_string_equal(detect("a.cjs", NULL), "JavaScript");
	assert_string_equal(detect("a.tsx", NULL), "TypeScript");
	assert_string_equal(detect("a.mts", NULL), "TypeScript");
	assert_string_equal(detect("a.cts", NULL), "TypeScript");
	assert_string_equal(detect("a.rb", NULL), "Ruby");
	assert_string_equal(detect("a.php", NULL), "PHP");
	assert_string_equal(detect("a.cs", NULL), "C#");
	assert_string_equal(detect("a.rs", NULL), "Rust");
	assert_string_equal(detect("a.swift", NULL), "Swift");
	assert_string_equal(detect("a.sh", NULL), "Shell");
	assert_string_equal(detect("a.bash", NULL), "Bash");
	assert_string_equal(detect("a.sql", NULL), "SQL");
	assert_string_equal(detect("a.pm", NULL), "Perl");
	assert_string_equal(detect("a.lua", NULL), "Lua");
	assert_string_equal(detect("a.tcl", NULL), "Tcl");
	assert_string_equal(detect("a.htm", NULL), "HTML");
	assert_string_equal(detect("a.css", NULL), "CSS");
	assert_string_equal(detect("a.scss", NULL), "SCSS");
	assert_string_equal(detect("a.yml", NULL), "YAML");
	assert_string_equal(detect("a.json", NULL), "JSON");
	assert_string_equal(detect("a.xml", NULL), "XML");
	assert_string_equal(detect("README.md", NULL), "Markdown");
	assert_string_equal(detect("a.proto", NULL), "Protocol Buffers");
	assert_string_equal(detect("a.graphql", NULL), "GraphQL");
	assert_string_equal(detect("rules.mk", NULL), "Makefile");
	assert_string_equal(detect("a.cmake", NULL), "CMake");
	/* a dot inside a directory name is no extension */
	assert_string_equal(detect("v1.2/README", NULL), "(none)");
	assert_string_equal(detect("a.unknownext", NULL), "(none)");
	/* a hidden file's name is not its extension */
	assert_string_equal(detect(".py", NULL), "(none)");
}

static void by_file_name(void **state)
{
	(void)state;
	assert_string_equal(detect("Makefile", NULL), "Makefile");
	assert_string_equal(detect("sub/GNUmakefile", NULL), "Makefile");
	assert_string_equal(detect("docker/Dockerfile", NULL), "Dockerfile");
	assert_string_equal(detect("Dockerfile.dev", NULL), "Dockerfile");
	/* a known extension wins over a name prefix */
	assert_string_equal(detect("mode/dockerfile.js", NULL), "JavaScript");
	assert_string_equal(detect("Makefile.am", NULL), "Makefile");
	assert_string_equal(detect("Makefile.in", NULL), "(none)");
	assert_string_equal(detect("CMakeLists.txt", NULL), "CMake");
	assert_string_equal(detect("other.txt", NULL), "(none)");
	assert_string_equal(detect("Rakefile", NULL), "Ruby");
	assert_string_equal(detect("Gemfile", NULL), "Ruby");
}

static void by_shebang(void **state)
{
	(void)state;
	assert_string_equal(detect("bin/tool", "#!/usr/bin/env python3\n"),
			    "Python");
	assert_string_equal(detect("t", "#!/usr/bin/python3.11 -u\nx\n"),
			    "Python");
	assert_string_equal(detect("t", "#!/bin/sh\n"), "Shell");
	assert_string_equal(detect("t", "#! /bin/bash -e\n"), "Bash");
	assert_string_equal(detect("t", "#!/bin/zsh"), "Zsh");
	assert_string_equal(detect("t", "#!/usr/bin/perl -w\n"), "Perl");
	assert_string_equal(detect("t", "#!/usr/bin/env ruby\n"), "Ruby");
	assert_string_equal(detect("t", "#!/usr/bin/env -S node --x\n"),
			    "JavaScript");
	assert_string_equal(detect("t", "#!/usr/bin/lua5.4\n"), "Lua");
	assert_string_equal(detect("t", "#!/usr/bin/tclsh8.6\n"), "Tcl");
	/* an unknown interpreter, or none, gives no language */
	assert_string_equal(detect("t", "#!/usr/bin/unknownlang\n"),
			    "(none)");
	assert_string_equal(detect("t", "plain text\n"), "(none)");
	assert_string_equal(detect("t", "#!"), "(none)");
	/* the name wins over the #! line */
	assert_string_equal(detect("a.py", "#!/bin/sh\n"), "Python");
}

static void header_dialects(void **state)
{
	(void)state;
	assert_string_equal(detect("a.h", NULL), "C Header");
	assert_string_equal(detect("a.h", "#ifndef A_H\n#define A_H\n"
					  "struct a { int x; };\n"
					  "#ifdef __cplusplus\nextern \"C\" {\n"
					  "#endif\n#include <stdio.h>\n"),
			    "C Header");
	/* markers in comments and strings do not count */
	assert_string_equal(detect("a.h", "/* a class of things */\n"
					  "// namespace\n"
					  "#define S \"std::x\"\nint x;\n"),
			    "C Header");
	assert_string_equal(detect("a.h", "namespace carve {\n}\n"),
			    "C++ Header");
	assert_string_equal(detect("a.h", "std::string f(void);\n"),
			    "C++ Header");
	assert_string_equal(detect("a.h", "#include <vector>\n"),
			    "C++ Header");
	assert_string_equal(detect("a.h", "template <typename T> T f();\n"),
			    "C++ Header");
	assert_string_equal(detect("a.h", "struct s {\npublic:\n int x;\n"),
			    "C++ Header");
	assert_string_equal(detect("a.h", "#import <Foundation/Foundation.h>"
					  "\n"),
			    "Objective-C");
	assert_string_equal(detect("a.h", "@interface A : NSObject\n@end\n"),
			    "Objective-C");
	assert_string_equal(detect("a.m", "@implementation A\n@end\n"),
			    "Objective-C");
	assert_string_equal(detect("a.m", "% a comment\nfunction y = f(x)\n"
					  "y = x;\nend\n"),
			    "MATLAB");
}

static void needs_content(void **state)
{
	(void)state;
	assert_true(language_needs_content("include/a.h"));
	assert_true(language_needs_content("a.m"));
	assert_true(language_needs_content("bin/script"));
	assert_true(language_needs_content("a.unknownext"));
	assert_false(language_needs_content("a.c"));
	assert_false(language_needs_content("Makefile"));
	assert_false(language_needs_content("x/y.tsx"));
}

/* A string literal and its length without the terminating NUL. */
#define TEXT(s) (s), (sizeof(s) - 1)

static void binary(void **state)
{
	char big[10000];
	char ctrl[100];

	(void)state;
	assert_false(language_is_binary("", 0));
	assert_false(language_is_binary(TEXT("int main(void)\n{\n}\n")));
	assert_false(language_is_binary(TEXT("caf\xc3\xa9 \xe2\x82\xac\n")));
	assert_false(language_is_binary(TEXT("\x1b[31mred\x1b[0m\r\n\t\f")));
	assert_true(language_is_binary(TEXT("PK\x03\x04\0\0abc")));
	/* a NUL byte past the first 8 KiB is not looked at */
	memset(big, 'a', sizeof(big));
	big[9000] = '\0';
	assert_false(language_is_binary(big, sizeof(big)));
	big[100] = '\0';
	assert_true(language_is_binary(big, sizeof(big)));
	/* mostly control bytes, no NUL */
	memset(ctrl, 'a', sizeof(ctrl));
	for (int i = 0; i < 30; i++)
		ctrl[i * 3] = 0x01;
	assert_true(language_is_binary(ctrl, sizeof(ctrl)));
	/* a few are fine */
	for (int i = 0; i < 30; i++)
		ctrl[i * 3] = 'a';
	ctrl[50] = 0x01;
	assert_false(language_is_binary(ctrl, sizeof(ctrl)));
}

/* Bytes that count towards "mostly control bytes", one by one. */
static void binary_control_bytes(void **state)
{
	char buf[1000];

	(void)state;
	for (int b = 1; b < 256; b++) {
		int control =
			(b <= 0x1f && !(b >= '\t' && b <= '\r') && b != 0x1b) ||
			b == 0x7f;

		/* 100 in 1000 is not more than one in ten; 101 is */
		memset(buf, 'a', sizeof(buf));
		for (int i = 0; i < 100; i++)
			buf[(i * 10 + 3) % 1000] = (char)b;
		assert_false(language_is_binary(buf, sizeof(buf)));
		buf[998] = (char)b; /* in the tail after the last 16 */
		if (control)
			assert_true(language_is_binary(buf, sizeof(buf)));
		else
			assert_false(language_is_binary(buf, sizeof(buf)));
	}
}

static void by_name_and_cloc_names(void **state)
{
	const struct language *l;

	(void)state;
	l = language_by_name("c header");
	assert_non_null(l);
	assert_string_equal(l->name, "C Header");
	assert_string_equal(l->cloc_name, "C/C++ Header");
	assert_string_equal(language_by_name("C++ Header")->cloc_name,
			    "C/C++ Header");
	assert_string_equal(language_by_name("Shell")->cloc_name,
			    "Bourne Shell");
	assert_string_equal(language_by_name("Makefile")->cloc_name, "make");
	assert_int_equal(language_by_name("Python")->syntax, SYNTAX_PYTHON);
	assert_true(language_by_name("Rust")->flags & LANG_NESTED_COMMENTS);
	assert_false(language_by_name("C")->flags & LANG_NESTED_COMMENTS);
	assert_null(language_by_name("Klingon"));
}

struct walk {
	int n;
	int bad;
	const char *names[128];
};

static void visit(const struct language *l, void *ctx)
{
	struct walk *w = ctx;

	if (!l->name || !l->cloc_name)
		w->bad++;
	for (int i = 0; i < w->n; i++)
		if (!strcmp(w->names[i], l->name))
			w->bad++;
	if (w->n < 128)
		w->names[w->n++] = l->name;
}

static void table_is_sound(void **state)
{
	struct walk w = { 0, 0, { NULL } };

	(void)state;
	language_for_each(visit, &w);
	/* the 34 languages the issue asks for, and a few more */
	assert_true(w.n >= 34);
	assert_int_equal(w.bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(by_extension),
		cmocka_unit_test(by_file_name),
		cmocka_unit_test(by_shebang),
		cmocka_unit_test(header_dialects),
		cmocka_unit_test(needs_content),
		cmocka_unit_test(binary),
		cmocka_unit_test(binary_control_bytes),
		cmocka_unit_test(by_name_and_cloc_names),
		cmocka_unit_test(table_is_sound),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
