/*
 * Modules: every file belongs to exactly one. In order of precedence:
 * carve.json "modules.map" globs, --module-depth / "modules.depth" (the
 * first N directories), else language-aware: the declared package for
 * Java, Kotlin and Scala, the directory for everything else (which is the
 * package for Python and Go).
 */
#ifndef CARVE_MODULE_H
#define CARVE_MODULE_H

#include <stddef.h>

struct config;
struct language;
struct strbuf;

struct module_rules {
	int depth;                  /* 0: language-aware */
	const struct config *config; /* may be NULL */
};

/*
 * Sets `out` to the package a Java, Kotlin or Scala file declares and
 * returns 1; returns 0 with `out` empty for other files or no declaration.
 */
int module_package(struct strbuf *out, const struct language *lang,
		   const char *buf, size_t len);
/*
 * Replaces out's contents with the module of `path`, given the package
 * module_package() found in its content (NULL or "" for none).
 */
void module_name(struct strbuf *out, const struct module_rules *rules,
		 const char *path, const char *package);

/* A one-line description of the rule in force, for the assumptions. */
const char *module_rule_text(const struct module_rules *rules);

#endif
