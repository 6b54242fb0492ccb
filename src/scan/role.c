/*
 * A file's role from its path. Directory names first (any component:
 * tests/, __tests__/, spec/, migrations/ ...), then the test file
 * conventions of each ecosystem. Only the path is read, so the answer
 * is the same for a scan and a model.
 */
#include <string.h>
#include <strings.h>

#include "carve/role.h"

static const char *const test_dirs[] = {
	"test", "tests", "testing", "__tests__", "__mocks__", "spec",
	"specs", "testdata", "test-data", "testsuite", "unittests", NULL,
};

static const char *const migration_dirs[] = { "migrations", "migrate",
					      "alembic", NULL };

static const char *const fixture_dirs[] = {
	"fixtures", "__fixtures__", "fixture", "sample-data", "sampledata",
	"seed-data", "test_data", NULL,
};

static const char *const translation_dirs[] = {
	"locale", "locales", "i18n", "l10n", "translations", "lang", "langs",
	"LC_MESSAGES", NULL,
};

static const char *const docs_dirs[] = { "docs", "doc", "documentation",
					 "Documentation", "man", NULL };

static const char *const config_dirs[] = {
	".github", ".gitlab", ".circleci", ".devcontainer", ".vscode",
	".idea", ".buildkite", ".husky", ".tx", ".azure-pipelines", NULL,
};

/* Extensions (after the last dot, any case) of each non-code role. */
static const struct {
	const char *ext;
	enum file_role role;
} ext_roles[] = {
	{ "html", ROLE_VIEW },	     { "htm", ROLE_VIEW },
	{ "erb", ROLE_VIEW },	     { "haml", ROLE_VIEW },
	{ "slim", ROLE_VIEW },	     { "cshtml", ROLE_VIEW },
	{ "razor", ROLE_VIEW },	     { "vbhtml", ROLE_VIEW },
	{ "tmpl", ROLE_VIEW },	     { "gotmpl", ROLE_VIEW },
	{ "hbs", ROLE_VIEW },	     { "handlebars", ROLE_VIEW },
	{ "mustache", ROLE_VIEW },   { "jinja", ROLE_VIEW },
	{ "jinja2", ROLE_VIEW },     { "j2", ROLE_VIEW },
	{ "twig", ROLE_VIEW },	     { "liquid", ROLE_VIEW },
	{ "ejs", ROLE_VIEW },	     { "pug", ROLE_VIEW },
	{ "jsp", ROLE_VIEW },	     { "ftl", ROLE_VIEW },
	{ "njk", ROLE_VIEW },	     { "rhtml", ROLE_VIEW },
	{ "md", ROLE_DOCS },	     { "markdown", ROLE_DOCS },
	{ "rst", ROLE_DOCS },	     { "adoc", ROLE_DOCS },
	{ "asciidoc", ROLE_DOCS },   { "txt", ROLE_DOCS },
	{ "texi", ROLE_DOCS },	     { "texinfo", ROLE_DOCS },
	{ "tex", ROLE_DOCS },	     { "pod", ROLE_DOCS },
	{ "yml", ROLE_CONFIG },	     { "yaml", ROLE_CONFIG },
	{ "toml", ROLE_CONFIG },     { "ini", ROLE_CONFIG },
	{ "cfg", ROLE_CONFIG },	     { "conf", ROLE_CONFIG },
	{ "properties", ROLE_CONFIG }, { "env", ROLE_CONFIG },
	{ "editorconfig", ROLE_CONFIG }, { "dockerfile", ROLE_CONFIG },
	{ "mk", ROLE_BUILD },	     { "cmake", ROLE_BUILD },
	{ "m4", ROLE_BUILD },	     { "ac", ROLE_BUILD },
	{ "am", ROLE_BUILD },	     { "in", ROLE_BUILD },
	{ "gradle", ROLE_BUILD },    { "csproj", ROLE_BUILD },
	{ "vbproj", ROLE_BUILD },    { "fsproj", ROLE_BUILD },
	{ "sln", ROLE_BUILD },	     { "props", ROLE_BUILD },
	{ "targets", ROLE_BUILD },   { "bazel", ROLE_BUILD },
	{ "bzl", ROLE_BUILD },	     { "po", ROLE_TRANSLATION },
	{ "pot", ROLE_TRANSLATION }, { "mo", ROLE_TRANSLATION },
	{ "xlf", ROLE_TRANSLATION }, { "xliff", ROLE_TRANSLATION },
	{ "resx", ROLE_TRANSLATION }, { "strings", ROLE_TRANSLATION },
	{ "ts-translation", ROLE_TRANSLATION },
	{ "css", ROLE_ASSET },	     { "scss", ROLE_ASSET },
	{ "sass", ROLE_ASSET },	     { "less", ROLE_ASSET },
	{ "styl", ROLE_ASSET },	     { "svg", ROLE_ASSET },
	{ "csv", ROLE_DATA },	     { "tsv", ROLE_DATA },
	{ "json", ROLE_DATA },	     { "jsonl", ROLE_DATA },
	{ "ndjson", ROLE_DATA },     { "xml", ROLE_DATA },
	{ "sql", ROLE_DATA },	     { "geojson", ROLE_DATA },
};

/* Whole file names of the build and configuration roles. */
static const struct {
	const char *name;
	enum file_role role;
} name_roles[] = {
	{ "Makefile", ROLE_BUILD },	    { "makefile", ROLE_BUILD },
	{ "GNUmakefile", ROLE_BUILD },	    { "CMakeLists.txt", ROLE_BUILD },
	{ "configure", ROLE_BUILD },	    { "Rakefile", ROLE_BUILD },
	{ "Gemfile", ROLE_BUILD },	    { "Gemfile.lock", ROLE_BUILD },
	{ "package.json", ROLE_BUILD },	    { "pom.xml", ROLE_BUILD },
	{ "build.xml", ROLE_BUILD },	    { "go.mod", ROLE_BUILD },
	{ "go.sum", ROLE_BUILD },	    { "Cargo.toml", ROLE_BUILD },
	{ "pyproject.toml", ROLE_BUILD },   { "requirements.txt", ROLE_BUILD },
	{ "setup.cfg", ROLE_BUILD },	    { "composer.json", ROLE_BUILD },
	{ "tsconfig.json", ROLE_BUILD },    { "BUILD", ROLE_BUILD },
	{ "WORKSPACE", ROLE_BUILD },	    { "Dockerfile", ROLE_CONFIG },
	{ "Jenkinsfile", ROLE_CONFIG },	    { "Procfile", ROLE_CONFIG },
	{ "Vagrantfile", ROLE_CONFIG },	    { "Containerfile", ROLE_CONFIG },
	{ "README", ROLE_DOCS },	    { "LICENSE", ROLE_DOCS },
	{ "COPYING", ROLE_DOCS },	    { "CHANGES", ROLE_DOCS },
	{ "NEWS", ROLE_DOCS },		    { "AUTHORS", ROLE_DOCS },
	{ "INSTALL", ROLE_DOCS },	    { "CHANGELOG", ROLE_DOCS },
};

static int in_list(const char *s, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && !strncmp(s, *list, n))
			return 1;
	return 0;
}

static int has_suffix(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n > k && !memcmp(s + n - k, suffix, k);
}

/* The name without its last extension, e.g. "user_test" of user_test.go. */
static size_t stem_len(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot && dot != name ? (size_t)(dot - name) : strlen(name);
}

static int test_name(const char *name)
{
	size_t stem = stem_len(name);

	if (!strncmp(name, "test_", 5) || !strncmp(name, "tests_", 6) ||
	    !strcmp(name, "conftest.py"))
		return 1;
	/* x_test.go, x_test.py, x_spec.rb, x_test.c */
	if (has_suffix(name, stem, "_test") || has_suffix(name, stem, "_spec") ||
	    has_suffix(name, stem, "_tests"))
		return 1;
	/* x.test.ts, x.spec.js */
	if (has_suffix(name, stem, ".test") || has_suffix(name, stem, ".spec"))
		return 1;
	/* XTest.java, XTests.kt, XSpec.scala, XTests.cs */
	if (stem > 4 && (has_suffix(name, stem, "Test") ||
			 has_suffix(name, stem, "Tests") ||
			 has_suffix(name, stem, "Spec")))
		return 1;
	return 0;
}

/* The role a file's name alone gives it, or ROLE_CODE. */
static enum file_role name_role(const char *name)
{
	const char *dot = strrchr(name, '.');

	for (size_t i = 0; i < sizeof(name_roles) / sizeof(*name_roles); i++)
		if (!strcmp(name, name_roles[i].name))
			return name_roles[i].role;
	/* Dockerfile.dev, docker-compose.yml, README.md */
	if (!strncmp(name, "Dockerfile", 10) ||
	    !strncmp(name, "docker-compose", 14))
		return ROLE_CONFIG;
	if (!dot || dot == name)
		return ROLE_CODE;
	for (size_t i = 0; i < sizeof(ext_roles) / sizeof(*ext_roles); i++)
		if (!strcasecmp(dot + 1, ext_roles[i].ext))
			return ext_roles[i].role;
	return ROLE_CODE;
}

/*
 * Directory components decide first, the innermost winning (tests/ and
 * migrations/ over the folders above them); fixtures and translations
 * hold whatever their files are; a file under docs/ or .github/ is docs
 * or configuration only when its name says nothing else (a Python
 * example under docs/ is still code). Then the file's own name.
 */
enum file_role file_role(const char *path)
{
	const char *p = path, *slash;
	enum file_role role = ROLE_CODE, dir_role = ROLE_CODE, own;

	while ((slash = strchr(p, '/'))) {
		size_t n = (size_t)(slash - p);

		if (in_list(p, n, test_dirs))
			role = ROLE_TEST;
		else if (in_list(p, n, migration_dirs))
			role = ROLE_MIGRATION;
		else if (in_list(p, n, fixture_dirs))
			role = ROLE_FIXTURE;
		else if (in_list(p, n, translation_dirs))
			role = ROLE_TRANSLATION;
		else if (in_list(p, n, docs_dirs))
			dir_role = ROLE_DOCS;
		else if (in_list(p, n, config_dirs))
			dir_role = ROLE_CONFIG;
		p = slash + 1;
	}
	own = name_role(p);
	if (role == ROLE_FIXTURE)
		return role;
	/* a catalog is data; code in a locale/ or lang/ folder is code */
	if (role == ROLE_TRANSLATION)
		return own == ROLE_CODE ? ROLE_CODE : role;
	if (role == ROLE_TEST || role == ROLE_MIGRATION) {
		/* JSON or YAML among tests (cassettes, payloads) is test
		 * data */
		return own == ROLE_DATA || own == ROLE_CONFIG ? ROLE_FIXTURE :
								 role;
	}
	if (own == ROLE_CODE && test_name(p))
		return ROLE_TEST;
	if (own != ROLE_CODE)
		return own;
	/* man pages (bash.1) and extensionless pages under docs/ */
	if (dir_role == ROLE_DOCS) {
		const char *dot = strrchr(p, '.');

		if (!dot || strspn(dot + 1, "0123456789") == strlen(dot + 1))
			return ROLE_DOCS;
	}
	return dir_role == ROLE_CONFIG ? ROLE_CONFIG : ROLE_CODE;
}

size_t role_test_root(const char *path)
{
	const char *p = path, *slash;
	size_t root = 0;

	while ((slash = strchr(p, '/'))) {
		if (in_list(p, (size_t)(slash - p), test_dirs))
			root = p > path ? (size_t)(p - 1 - path) : 0;
		p = slash + 1;
	}
	return root;
}
