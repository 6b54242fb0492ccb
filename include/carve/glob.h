/*
 * Path globs as in .gitignore and carve.json: `*` and `?` and `[...]`
 * stay within one path segment, `**` spans any number of segments, a
 * pattern without a slash matches the last segment at any depth, and a
 * trailing slash matches a directory and everything below it.
 */
#ifndef CARVE_GLOB_H
#define CARVE_GLOB_H

/* True when repository-relative `path` (slash-separated) matches. */
int glob_match(const char *pattern, const char *path);

/* A list of patterns; the strings are borrowed from the caller. */
struct glob_list {
	const char **patterns;
	int nr, alloc;
};

#define GLOB_LIST_INIT { NULL, 0, 0 }

void glob_list_add(struct glob_list *list, const char *pattern);
/* Returns the first pattern that matches path, or NULL. */
const char *glob_list_match(const struct glob_list *list, const char *path);
void glob_list_release(struct glob_list *list);

#endif
