/*
 * Glob matching: segments are matched with fnmatch(3); `**` segments are
 * handled here with single-point backtracking, so matching stays linear
 * in the number of segments even with several `**`.
 */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "carve/glob.h"
#include "carve/xmalloc.h"

#define MAX_SEG 4096

static int match_segment(const char *pat, size_t plen, const char *seg,
			 size_t slen)
{
	char p[MAX_SEG], s[MAX_SEG];

	if (plen >= MAX_SEG || slen >= MAX_SEG)
		return 0;
	memcpy(p, pat, plen);
	p[plen] = '\0';
	memcpy(s, seg, slen);
	s[slen] = '\0';
	return !fnmatch(p, s, FNM_PATHNAME);
}

/* Length of the segment starting at s (up to '/' or end). */
static size_t seglen(const char *s)
{
	const char *slash = strchr(s, '/');

	return slash ? (size_t)(slash - s) : strlen(s);
}

static const char *next_seg(const char *s, size_t len)
{
	return s[len] == '/' ? s + len + 1 : s + len;
}

static int match_anchored(const char *pat, const char *path)
{
	const char *bt_pat = NULL, *bt_path = NULL;

	for (;;) {
		if (!*pat)
			return !*path;
		size_t pl = seglen(pat);

		if (pl == 2 && pat[0] == '*' && pat[1] == '*') {
			pat = next_seg(pat, pl);
			if (!*pat)
				return 1; /* trailing ** matches the rest */
			bt_pat = pat;
			bt_path = path;
			continue;
		}
		if (*path) {
			size_t sl = seglen(path);

			if (match_segment(pat, pl, path, sl)) {
				pat = next_seg(pat, pl);
				path = next_seg(path, sl);
				continue;
			}
		}
		if (!bt_pat || !*bt_path)
			return 0;
		/* let the last ** swallow one more segment */
		bt_path = next_seg(bt_path, seglen(bt_path));
		pat = bt_pat;
		path = bt_path;
	}
}

int glob_match(const char *pattern, const char *path)
{
	size_t len = strlen(pattern);
	int ok;

	if (!len)
		return 0;
	/*
	 * A leading slash anchors at the root, as in .gitignore: "/main.go"
	 * is the root's main.go only, where "main.go" is any directory's.
	 */
	if (pattern[0] == '/') {
		if (!pattern[1])
			return 0;
		if (pattern[len - 1] != '/')
			return match_anchored(pattern + 1, path);
		pattern++;
		len--;
	}
	if (pattern[len - 1] == '/') {
		/* "dir/" means everything below dir */
		char *p = xmalloc(len + 3);

		memcpy(p, pattern, len);
		memcpy(p + len, "**", 3);
		ok = glob_match(p, path);
		free(p);
		return ok;
	}
	if (!strchr(pattern, '/')) {
		const char *base = strrchr(path, '/');

		return match_segment(pattern, len, base ? base + 1 : path,
				     strlen(base ? base + 1 : path));
	}
	return match_anchored(pattern, path);
}

void glob_list_add(struct glob_list *list, const char *pattern)
{
	ALLOC_GROW(list->patterns, list->nr + 1, list->alloc);
	list->patterns[list->nr++] = pattern;
}

const char *glob_list_match(const struct glob_list *list, const char *path)
{
	for (int i = 0; i < list->nr; i++)
		if (glob_match(list->patterns[i], path))
			return list->patterns[i];
	return NULL;
}

void glob_list_release(struct glob_list *list)
{
	free(list->patterns);
	list->patterns = NULL;
	list->nr = list->alloc = 0;
}
