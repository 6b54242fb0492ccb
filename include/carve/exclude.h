/*
 * Which files a scan leaves out, and why: vendored directories, minified
 * and generated files, lock files, and user globs (--exclude, carve.json).
 * Every excluded file keeps its reason so --explain-excludes can list it.
 */
#ifndef CARVE_EXCLUDE_H
#define CARVE_EXCLUDE_H

#include <stddef.h>

#include "carve/glob.h"

struct exclude_rules {
	int include_vendored;        /* keep vendored/generated files */
	struct glob_list user;       /* --exclude (borrowed strings) */
	const struct glob_list *config; /* carve.json "exclude", or NULL */
	const char *config_path;
};

#define EXCLUDE_RULES_INIT { 0, GLOB_LIST_INIT, NULL, NULL }

/*
 * Returns why `path` is excluded by its name alone ("vendored: vendor/",
 * "--exclude '*.sql'", ...) in a static or `buf` string, or NULL to keep
 * it. `buf` has `size` bytes for reasons that quote a pattern.
 */
const char *exclude_by_path(const struct exclude_rules *rules,
			    const char *path, char *buf, size_t size);
/*
 * Returns why a file is excluded by its content (generated or minified),
 * or NULL. Looks at the first lines only.
 */
const char *exclude_by_content(const struct exclude_rules *rules,
			       const char *path, const char *buf, size_t len);
/* The default rules as text, one per line, for the assumptions block. */
const char *const *exclude_default_rules(void);

#endif
