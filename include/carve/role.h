/*
 * What a file is for, from its path alone: product code, views and
 * templates, tests, schema migrations, or what is not code to carve
 * (docs, configuration and CI, build files, translations, fixtures,
 * style sheets and media, data files). Seams clusters only code; the
 * rest joins the code it serves or sits with (or, with none, the
 * platform group, never a service). Estimate ports tests at their own
 * rate.
 */
#ifndef CARVE_ROLE_H
#define CARVE_ROLE_H

#include <stddef.h>

enum file_role {
	ROLE_CODE,
	ROLE_TEST, /* test directories and the test file names of each
		    * ecosystem: test_x.py, x_test.go, x.spec.ts, XTest.java */
	ROLE_MIGRATION, /* migrations/, db/migrate/, alembic/versions/ */
	ROLE_VIEW, /* templates: .html, .erb, .haml, .cshtml, .tmpl, .hbs ... */
	ROLE_DOCS, /* docs/, man/, Markdown, reStructuredText, README */
	ROLE_CONFIG, /* configuration and CI: YAML, TOML, INI, .github/ */
	ROLE_BUILD, /* Makefile, CMake, autoconf, Gradle, Maven, .csproj */
	ROLE_TRANSLATION, /* .po, .xlf, .resx, locale/ and i18n/ catalogs */
	ROLE_FIXTURE, /* fixtures/, test and sample data */
	ROLE_ASSET, /* style sheets, fonts and media */
	ROLE_DATA, /* CSV, JSON and SQL data files */
	ROLE_PLATFORM, /* a context only: non-code files beside no code */
	ROLE_NR,
};

enum file_role file_role(const char *path);
/*
 * The length of the folder that holds a test's innermost test folder
 * (app/orders of app/orders/tests/test_x.py; src of src/test/java/...),
 * or 0 when no test folder is in the path or it is at the top.
 */
size_t role_test_root(const char *path);
/* "code", "tests", "migrations", "views", "docs", ... "platform" */
const char *file_role_name(enum file_role role);
/* Whether files of the role are clustered as code (code only). */
#define ROLE_CLUSTERED(r) ((r) == ROLE_CODE)
/* Whether the role is not code to carve: docs ... data. */
#define ROLE_NOT_CODE(r) ((r) >= ROLE_DOCS && (r) <= ROLE_DATA)

#endif
