/*
 * Module assignment. Java-family files are grouped by their package
 * declaration, because one package is often split over several source
 * roots (src/main/java and src/test/java).
 */
#include <string.h>

#include "carve/config.h"
#include "carve/ident.h"
#include "carve/language.h"
#include "carve/module.h"
#include "carve/strbuf.h"
#include "carve/utf8.h"

/* A byte of a dotted package name (ASCII, as javac requires of paths). */
static int is_ident(char c)
{
	return ident_char(c, IDENT_DOT);
}

/* Finds "package a.b.c" at the start of a line in the first 8 KiB. */
static int java_package(struct strbuf *out, const char *buf, size_t len)
{
	if (len > 8192)
		len = 8192;
	for (size_t i = 0; i + 8 < len; i++) {
		size_t j;

		if ((i && buf[i - 1] != '\n') || memcmp(buf + i, "package", 7) ||
		    (buf[i + 7] != ' ' && buf[i + 7] != '\t'))
			continue;
		j = i + 8;
		while (j < len && (buf[j] == ' ' || buf[j] == '\t'))
			j++;
		i = j;
		while (j < len && is_ident(buf[j]))
			j++;
		if (j > i) {
			strbuf_add(out, buf + i, j - i);
			return 1;
		}
	}
	return 0;
}

static int is_go_test(const char *path)
{
	size_t n = strlen(path);

	return n >= 8 && !strcmp(path + n - 8, "_test.go");
}

static void directory_of(struct strbuf *out, const char *path, int depth)
{
	const char *end = strrchr(path, '/');

	if (!end) {
		strbuf_addch(out, '.');
		return;
	}
	if (depth > 0) {
		const char *p = path;

		for (int d = 0; d < depth; d++) {
			const char *slash = strchr(p, '/');

			if (!slash || slash > end)
				break;
			p = slash + 1;
		}
		if (p > path && p - 1 < end)
			end = p - 1;
	}
	strbuf_add(out, path, (size_t)(end - path));
}

int module_package(struct strbuf *out, const struct language *lang,
		   const char *buf, size_t len)
{

	strbuf_reset(out);
	if (!lang || !buf || (strcmp(lang->name, "Java") &&
			      strcmp(lang->name, "Kotlin") &&
			      strcmp(lang->name, "Scala")))
		return 0;
	utf8_skip_bom(&buf, &len);
	return java_package(out, buf, len);
}

void module_name(struct strbuf *out, const struct module_rules *rules,
		 const char *path, const char *package)
{
	const struct config *cfg = rules->config;

	strbuf_reset(out);
	if (cfg)
		for (int i = 0; i < cfg->module_nr; i++)
			if (glob_list_match(&cfg->module_globs[i], path)) {
				strbuf_addstr(out, cfg->module_names[i]);
				return;
			}
	if (rules->depth > 0) {
		directory_of(out, path, rules->depth);
		return;
	}
	if (package && *package) {
		strbuf_addstr(out, package);
		return;
	}
	directory_of(out, path, 0);
	/*
	 * A Go directory's tests (packages p and p_test) are a unit that
	 * depends on p and that nothing imports: kept in p, they would put
	 * p on cycles the compiler forbids. "_test" is no package directory
	 * (the go tool ignores names starting with '_').
	 */
	if (is_go_test(path))
		strbuf_addstr(out, "/_test");
}

const char *module_rule_text(const struct module_rules *rules)
{
	if (rules->depth > 0)
		return "the first N directories of the path (module depth)";
	return "language-aware: declared package for Java/Kotlin/Scala, "
	       "else the file's directory (the package for Python and Go; "
	       "a Go directory's _test.go files are the module DIR/_test)";
}
