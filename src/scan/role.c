/*
 * A file's role from its path. Directory names first (any component:
 * tests/, __tests__/, spec/, migrations/ ...), then the test file
 * conventions of each ecosystem. Only the path is read, so the answer
 * is the same for a scan and a model.
 */
#include <string.h>
#include <strings.h>

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
	DIR_API_SPEC, /* swagger/, openapi/: an API's description */
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
		if (IS("swagger"))
			return DIR_API_SPEC;
		if (IS("openapi"))
			return DIR_API_SPEC;
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

/* clang-format off */
#define R(s, role) { s, sizeof(s) - 1, role }
/* clang-format on */

/*
 * The role of a file by its extension e[0..n) in lower case, or
 * ROLE_CODE: looked up by length first.
 */
static enum file_role ext_role(const char *e, size_t n)
{
#define IS(x) (!memcmp(e, x, sizeof(x) - 1))
	switch (n) {
	case 2:
		if (IS("j2"))
			return ROLE_VIEW;
		if (IS("md"))
			return ROLE_DOCS;
		if (IS("mk"))
			return ROLE_BUILD;
		if (IS("m4"))
			return ROLE_BUILD;
		if (IS("ac"))
			return ROLE_BUILD;
		if (IS("am"))
			return ROLE_BUILD;
		if (IS("in"))
			return ROLE_BUILD;
		if (IS("po"))
			return ROLE_TRANSLATION;
		if (IS("mo"))
			return ROLE_TRANSLATION;
		break;
	case 3:
		if (IS("htm"))
			return ROLE_VIEW;
		if (IS("erb"))
			return ROLE_VIEW;
		if (IS("hbs"))
			return ROLE_VIEW;
		if (IS("ejs"))
			return ROLE_VIEW;
		if (IS("pug"))
			return ROLE_VIEW;
		if (IS("jsp"))
			return ROLE_VIEW;
		if (IS("ftl"))
			return ROLE_VIEW;
		if (IS("njk"))
			return ROLE_VIEW;
		if (IS("rst"))
			return ROLE_DOCS;
		if (IS("txt"))
			return ROLE_DOCS;
		if (IS("tex"))
			return ROLE_DOCS;
		if (IS("pod"))
			return ROLE_DOCS;
		if (IS("yml"))
			return ROLE_CONFIG;
		if (IS("ini"))
			return ROLE_CONFIG;
		if (IS("cfg"))
			return ROLE_CONFIG;
		if (IS("env"))
			return ROLE_CONFIG;
		if (IS("sln"))
			return ROLE_BUILD;
		if (IS("bzl"))
			return ROLE_BUILD;
		if (IS("pot"))
			return ROLE_TRANSLATION;
		if (IS("xlf"))
			return ROLE_TRANSLATION;
		if (IS("css"))
			return ROLE_ASSET;
		if (IS("svg"))
			return ROLE_ASSET;
		if (IS("csv"))
			return ROLE_DATA;
		if (IS("tsv"))
			return ROLE_DATA;
		if (IS("xml"))
			return ROLE_DATA;
		if (IS("xsd")) /* a schema, not code (nopCommerce: 11,599 lines) */
			return ROLE_DATA;
		if (IS("sql"))
			return ROLE_DATA;
		break;
	case 4:
		if (IS("html"))
			return ROLE_VIEW;
		if (IS("haml"))
			return ROLE_VIEW;
		if (IS("slim"))
			return ROLE_VIEW;
		if (IS("tmpl"))
			return ROLE_VIEW;
		if (IS("twig"))
			return ROLE_VIEW;
		if (IS("adoc"))
			return ROLE_DOCS;
		if (IS("texi"))
			return ROLE_DOCS;
		if (IS("yaml"))
			return ROLE_CONFIG;
		if (IS("toml"))
			return ROLE_CONFIG;
		if (IS("conf"))
			return ROLE_CONFIG;
		if (IS("resx"))
			return ROLE_TRANSLATION;
		if (IS("scss"))
			return ROLE_ASSET;
		if (IS("sass"))
			return ROLE_ASSET;
		if (IS("less"))
			return ROLE_ASSET;
		if (IS("styl"))
			return ROLE_ASSET;
		if (IS("json"))
			return ROLE_DATA;
		if (IS("wsdl"))
			return ROLE_DATA;
		break;
	case 5:
		if (IS("razor"))
			return ROLE_VIEW;
		if (IS("jinja"))
			return ROLE_VIEW;
		if (IS("rhtml"))
			return ROLE_VIEW;
		if (IS("cmake"))
			return ROLE_BUILD;
		if (IS("props"))
			return ROLE_BUILD;
		if (IS("bazel"))
			return ROLE_BUILD;
		if (IS("xliff"))
			return ROLE_TRANSLATION;
		if (IS("jsonl"))
			return ROLE_DATA;
		break;
	case 6:
		if (IS("cshtml"))
			return ROLE_VIEW;
		if (IS("vbhtml"))
			return ROLE_VIEW;
		if (IS("gotmpl"))
			return ROLE_VIEW;
		if (IS("jinja2"))
			return ROLE_VIEW;
		if (IS("liquid"))
			return ROLE_VIEW;
		if (IS("gradle"))
			return ROLE_BUILD;
		if (IS("csproj"))
			return ROLE_BUILD;
		if (IS("vbproj"))
			return ROLE_BUILD;
		if (IS("fsproj"))
			return ROLE_BUILD;
		if (IS("ndjson"))
			return ROLE_DATA;
		break;
	case 7:
		if (IS("texinfo"))
			return ROLE_DOCS;
		if (IS("targets"))
			return ROLE_BUILD;
		if (IS("strings"))
			return ROLE_TRANSLATION;
		if (IS("geojson"))
			return ROLE_DATA;
		break;
	case 8:
		if (IS("mustache"))
			return ROLE_VIEW;
		if (IS("markdown"))
			return ROLE_DOCS;
		if (IS("asciidoc"))
			return ROLE_DOCS;
		break;
	case 10:
		if (IS("handlebars"))
			return ROLE_VIEW;
		if (IS("properties"))
			return ROLE_CONFIG;
		if (IS("dockerfile"))
			return ROLE_CONFIG;
		break;
	case 12:
		if (IS("editorconfig"))
			return ROLE_CONFIG;
		break;
	case 14:
		if (IS("ts-translation"))
			return ROLE_TRANSLATION;
		break;
	}
#undef IS
	return ROLE_CODE;
}

/* Whole file names of the build and configuration roles. */
static const struct {
	const char *name;
	unsigned char len;
	enum file_role role;
} name_roles[] = {
	R("Makefile", ROLE_BUILD),
	R("makefile", ROLE_BUILD),
	R("GNUmakefile", ROLE_BUILD),
	R("CMakeLists.txt", ROLE_BUILD),
	R("configure", ROLE_BUILD),
	R("Rakefile", ROLE_BUILD),
	R("Gemfile", ROLE_BUILD),
	R("Gemfile.lock", ROLE_BUILD),
	R("package.json", ROLE_BUILD),
	R("pom.xml", ROLE_BUILD),
	/* the build tools' wrapper scripts, shell code of no domain */
	R("gradlew", ROLE_BUILD),
	R("gradlew.bat", ROLE_BUILD),
	R("mvnw", ROLE_BUILD),
	R("mvnw.cmd", ROLE_BUILD),
	R("build.sbt", ROLE_BUILD),
	R("build.xml", ROLE_BUILD),
	R("go.mod", ROLE_BUILD),
	R("go.sum", ROLE_BUILD),
	R("Cargo.toml", ROLE_BUILD),
	R("pyproject.toml", ROLE_BUILD),
	R("requirements.txt", ROLE_BUILD),
	R("setup.cfg", ROLE_BUILD),
	R("composer.json", ROLE_BUILD),
	R("tsconfig.json", ROLE_BUILD),
	R("BUILD", ROLE_BUILD),
	R("WORKSPACE", ROLE_BUILD),
	R("Dockerfile", ROLE_CONFIG),
	R("Jenkinsfile", ROLE_CONFIG),
	R("Procfile", ROLE_CONFIG),
	R("Vagrantfile", ROLE_CONFIG),
	R("Containerfile", ROLE_CONFIG),
	R("README", ROLE_DOCS),
	R("LICENSE", ROLE_DOCS),
	R("COPYING", ROLE_DOCS),
	R("CHANGES", ROLE_DOCS),
	R("NEWS", ROLE_DOCS),
	R("AUTHORS", ROLE_DOCS),
	R("INSTALL", ROLE_DOCS),
	R("CHANGELOG", ROLE_DOCS),
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
	return ext_role(ext, k);
}

/*
 * Directory components decide first, the innermost winning (tests/ and
 * migrations/ over the folders above them); fixtures and translations
 * hold whatever their files are; a file under docs/ or .github/ is docs
 * or configuration only when its name says nothing else (a Python
 * example under docs/ is still code). Then the file's own name.
 */
/* Whether s[0..n) ends with the word w, in any case. */
static int ends_with_ci(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && !strncasecmp(s + n - k, w, k);
}

/*
 * dir_kind(), and the test folders of .NET, which say so in any case
 * and as a project's suffix: Tests/, Nop.Services.Tests/,
 * Shop.UnitTests/, Api.IntegrationTests/.
 */
static enum dir_kind folder_kind(const char *p, size_t n)
{
	enum dir_kind k = dir_kind(p, n);

	if (k != DIR_NONE)
		return k;
	if ((n == 4 && !strncasecmp(p, "test", 4)) ||
	    (n == 5 && !strncasecmp(p, "tests", 5)))
		return DIR_TEST;
	if (memchr(p, '.', n) &&
	    (ends_with_ci(p, n, ".tests") || ends_with_ci(p, n, ".test") ||
	     ends_with_ci(p, n, ".unittests") ||
	     ends_with_ci(p, n, ".integrationtests") ||
	     ends_with_ci(p, n, ".specs")))
		return DIR_TEST;
	return DIR_NONE;
}

enum file_role file_role(const char *path)
{
	const char *p = path, *slash;
	enum file_role role = ROLE_CODE, dir_role = ROLE_CODE, own;
	int api_spec = 0;

	while ((slash = strchr(p, '/'))) {
		size_t n = (size_t)(slash - p);

		switch (folder_kind(p, n)) {
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
		case DIR_API_SPEC:
			api_spec = 1;
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
	/* an API description kept as a template or data (gitea's generated
	 * templates/swagger/v1_json.tmpl, 30,677 lines) is documentation;
	 * code in a swagger/ package stays code */
	if (api_spec &&
	    (own == ROLE_VIEW || own == ROLE_DATA || own == ROLE_CONFIG))
		return ROLE_DOCS;
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
		if (folder_kind(p, (size_t)(slash - p)) == DIR_TEST)
			root = p > path ? (size_t)(p - 1 - path) : 0;
		p = slash + 1;
	}
	return root;
}
