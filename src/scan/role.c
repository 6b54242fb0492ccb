/*
 * A file's role from its path. Directory names first (any component:
 * tests/, __tests__/, spec/, migrations/ ...), then the test file
 * conventions of each ecosystem. Only the path is read, so the answer
 * is the same for a scan and a model.
 */
#include <string.h>

#include "carve/role.h"

/*
 * Directory names that give a role. The names are distinct, so one
 * look-up answers for every list file_role() asks.
 */
enum dir_kind {
	DIR_NONE,
	DIR_TEST,
	DIR_MIGRATION,
	DIR_FIXTURE,
	DIR_TRANSLATION,
	DIR_DOCS,
	DIR_CONFIG,
};

/* The role of a directory named p[0..n), or DIR_NONE: by length first. */
static enum dir_kind dir_kind(const char *p, size_t n)
{
#define IS(name) (!memcmp(p, name, sizeof(name) - 1))
	switch (n) {
	case 3:
		if (IS("doc"))
			return DIR_DOCS;
		if (IS("man"))
			return DIR_DOCS;
		if (IS(".tx"))
			return DIR_CONFIG;
		return DIR_NONE;
	case 4:
		if (IS("test"))
			return DIR_TEST;
		if (IS("spec"))
			return DIR_TEST;
		if (IS("i18n"))
			return DIR_TRANSLATION;
		if (IS("l10n"))
			return DIR_TRANSLATION;
		if (IS("lang"))
			return DIR_TRANSLATION;
		if (IS("docs"))
			return DIR_DOCS;
		return DIR_NONE;
	case 5:
		if (IS("tests"))
			return DIR_TEST;
		if (IS("specs"))
			return DIR_TEST;
		if (IS("langs"))
			return DIR_TRANSLATION;
		if (IS(".idea"))
			return DIR_CONFIG;
		return DIR_NONE;
	case 6:
		if (IS("locale"))
			return DIR_TRANSLATION;
		if (IS(".husky"))
			return DIR_CONFIG;
		return DIR_NONE;
	case 7:
		if (IS("testing"))
			return DIR_TEST;
		if (IS("migrate"))
			return DIR_MIGRATION;
		if (IS("alembic"))
			return DIR_MIGRATION;
		if (IS("fixture"))
			return DIR_FIXTURE;
		if (IS("locales"))
			return DIR_TRANSLATION;
		if (IS(".github"))
			return DIR_CONFIG;
		if (IS(".gitlab"))
			return DIR_CONFIG;
		if (IS(".vscode"))
			return DIR_CONFIG;
		return DIR_NONE;
	case 8:
		if (IS("testdata"))
			return DIR_TEST;
		if (IS("fixtures"))
			return DIR_FIXTURE;
		return DIR_NONE;
	case 9:
		if (IS("__tests__"))
			return DIR_TEST;
		if (IS("__mocks__"))
			return DIR_TEST;
		if (IS("test-data"))
			return DIR_TEST;
		if (IS("testsuite"))
			return DIR_TEST;
		if (IS("unittests"))
			return DIR_TEST;
		if (IS("seed-data"))
			return DIR_FIXTURE;
		if (IS("test_data"))
			return DIR_FIXTURE;
		if (IS(".circleci"))
			return DIR_CONFIG;
		return DIR_NONE;
	case 10:
		if (IS("migrations"))
			return DIR_MIGRATION;
		if (IS("sampledata"))
			return DIR_FIXTURE;
		if (IS(".buildkite"))
			return DIR_CONFIG;
		return DIR_NONE;
	case 11:
		if (IS("sample-data"))
			return DIR_FIXTURE;
		if (IS("LC_MESSAGES"))
			return DIR_TRANSLATION;
		return DIR_NONE;
	case 12:
		if (IS("__fixtures__"))
			return DIR_FIXTURE;
		if (IS("translations"))
			return DIR_TRANSLATION;
		return DIR_NONE;
	case 13:
		if (IS("documentation"))
			return DIR_DOCS;
		if (IS("Documentation"))
			return DIR_DOCS;
		if (IS(".devcontainer"))
			return DIR_CONFIG;
		return DIR_NONE;
	case 16:
		if (IS(".azure-pipelines"))
			return DIR_CONFIG;
		return DIR_NONE;
	default:
		return DIR_NONE;
	}
#undef IS
}

#define R(s, role) { s, sizeof(s) - 1, role }

/* Extensions (after the last dot, any case) of each non-code role. */
static const struct {
	const char *ext;
	unsigned char len;
	enum file_role role;
} ext_roles[] = {
	R("html", ROLE_VIEW),	     R("htm", ROLE_VIEW),
	R("erb", ROLE_VIEW),	     R("haml", ROLE_VIEW),
	R("slim", ROLE_VIEW),	     R("cshtml", ROLE_VIEW),
	R("razor", ROLE_VIEW),	     R("vbhtml", ROLE_VIEW),
	R("tmpl", ROLE_VIEW),	     R("gotmpl", ROLE_VIEW),
	R("hbs", ROLE_VIEW),	     R("handlebars", ROLE_VIEW),
	R("mustache", ROLE_VIEW),   R("jinja", ROLE_VIEW),
	R("jinja2", ROLE_VIEW),     R("j2", ROLE_VIEW),
	R("twig", ROLE_VIEW),	     R("liquid", ROLE_VIEW),
	R("ejs", ROLE_VIEW),	     R("pug", ROLE_VIEW),
	R("jsp", ROLE_VIEW),	     R("ftl", ROLE_VIEW),
	R("njk", ROLE_VIEW),	     R("rhtml", ROLE_VIEW),
	R("md", ROLE_DOCS),	     R("markdown", ROLE_DOCS),
	R("rst", ROLE_DOCS),	     R("adoc", ROLE_DOCS),
	R("asciidoc", ROLE_DOCS),   R("txt", ROLE_DOCS),
	R("texi", ROLE_DOCS),	     R("texinfo", ROLE_DOCS),
	R("tex", ROLE_DOCS),	     R("pod", ROLE_DOCS),
	R("yml", ROLE_CONFIG),	     R("yaml", ROLE_CONFIG),
	R("toml", ROLE_CONFIG),     R("ini", ROLE_CONFIG),
	R("cfg", ROLE_CONFIG),	     R("conf", ROLE_CONFIG),
	R("properties", ROLE_CONFIG), R("env", ROLE_CONFIG),
	R("editorconfig", ROLE_CONFIG), R("dockerfile", ROLE_CONFIG),
	R("mk", ROLE_BUILD),	     R("cmake", ROLE_BUILD),
	R("m4", ROLE_BUILD),	     R("ac", ROLE_BUILD),
	R("am", ROLE_BUILD),	     R("in", ROLE_BUILD),
	R("gradle", ROLE_BUILD),    R("csproj", ROLE_BUILD),
	R("vbproj", ROLE_BUILD),    R("fsproj", ROLE_BUILD),
	R("sln", ROLE_BUILD),	     R("props", ROLE_BUILD),
	R("targets", ROLE_BUILD),   R("bazel", ROLE_BUILD),
	R("bzl", ROLE_BUILD),	     R("po", ROLE_TRANSLATION),
	R("pot", ROLE_TRANSLATION), R("mo", ROLE_TRANSLATION),
	R("xlf", ROLE_TRANSLATION), R("xliff", ROLE_TRANSLATION),
	R("resx", ROLE_TRANSLATION), R("strings", ROLE_TRANSLATION),
	R("ts-translation", ROLE_TRANSLATION),
	R("css", ROLE_ASSET),	     R("scss", ROLE_ASSET),
	R("sass", ROLE_ASSET),	     R("less", ROLE_ASSET),
	R("styl", ROLE_ASSET),	     R("svg", ROLE_ASSET),
	R("csv", ROLE_DATA),	     R("tsv", ROLE_DATA),
	R("json", ROLE_DATA),	     R("jsonl", ROLE_DATA),
	R("ndjson", ROLE_DATA),     R("xml", ROLE_DATA),
	R("sql", ROLE_DATA),	     R("geojson", ROLE_DATA),
};

/* Whole file names of the build and configuration roles. */
static const struct {
	const char *name;
	unsigned char len;
	enum file_role role;
} name_roles[] = {
	R("Makefile", ROLE_BUILD),	    R("makefile", ROLE_BUILD),
	R("GNUmakefile", ROLE_BUILD),	    R("CMakeLists.txt", ROLE_BUILD),
	R("configure", ROLE_BUILD),	    R("Rakefile", ROLE_BUILD),
	R("Gemfile", ROLE_BUILD),	    R("Gemfile.lock", ROLE_BUILD),
	R("package.json", ROLE_BUILD),	    R("pom.xml", ROLE_BUILD),
	R("build.xml", ROLE_BUILD),	    R("go.mod", ROLE_BUILD),
	R("go.sum", ROLE_BUILD),	    R("Cargo.toml", ROLE_BUILD),
	R("pyproject.toml", ROLE_BUILD),   R("requirements.txt", ROLE_BUILD),
	R("setup.cfg", ROLE_BUILD),	    R("composer.json", ROLE_BUILD),
	R("tsconfig.json", ROLE_BUILD),    R("BUILD", ROLE_BUILD),
	R("WORKSPACE", ROLE_BUILD),	    R("Dockerfile", ROLE_CONFIG),
	R("Jenkinsfile", ROLE_CONFIG),	    R("Procfile", ROLE_CONFIG),
	R("Vagrantfile", ROLE_CONFIG),	    R("Containerfile", ROLE_CONFIG),
	R("README", ROLE_DOCS),	    R("LICENSE", ROLE_DOCS),
	R("COPYING", ROLE_DOCS),	    R("CHANGES", ROLE_DOCS),
	R("NEWS", ROLE_DOCS),		    R("AUTHORS", ROLE_DOCS),
	R("INSTALL", ROLE_DOCS),	    R("CHANGELOG", ROLE_DOCS),
};

#undef R

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
	size_t n = strlen(name), k;
	char ext[16];

	for (size_t i = 0; i < sizeof(name_roles) / sizeof(*name_roles); i++)
		if (name_roles[i].len == n && name_roles[i].name[0] == *name &&
		    !memcmp(name, name_roles[i].name, n))
			return name_roles[i].role;
	/* Dockerfile.dev, docker-compose.yml, README.md */
	if (!strncmp(name, "Dockerfile", 10) ||
	    !strncmp(name, "docker-compose", 14))
		return ROLE_CONFIG;
	if (!dot || dot == name)
		return ROLE_CODE;
	/* the extension in lower case (the table's case), when it fits */
	k = n - (size_t)(dot + 1 - name);
	if (!k || k >= sizeof(ext))
		return ROLE_CODE;
	for (size_t i = 0; i < k; i++) {
		unsigned char c = (unsigned char)dot[1 + i];

		ext[i] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
	}
	for (size_t i = 0; i < sizeof(ext_roles) / sizeof(*ext_roles); i++)
		if (ext_roles[i].len == k && ext_roles[i].ext[0] == ext[0] &&
		    !memcmp(ext, ext_roles[i].ext, k))
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

		switch (dir_kind(p, n)) {
		case DIR_TEST:
			role = ROLE_TEST;
			break;
		case DIR_MIGRATION:
			role = ROLE_MIGRATION;
			break;
		case DIR_FIXTURE:
			role = ROLE_FIXTURE;
			break;
		case DIR_TRANSLATION:
			role = ROLE_TRANSLATION;
			break;
		case DIR_DOCS:
			dir_role = ROLE_DOCS;
			break;
		case DIR_CONFIG:
			dir_role = ROLE_CONFIG;
			break;
		case DIR_NONE:
			break;
		}
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
		if (dir_kind(p, (size_t)(slash - p)) == DIR_TEST)
			root = p > path ? (size_t)(p - 1 - path) : 0;
		p = slash + 1;
	}
	return root;
}
