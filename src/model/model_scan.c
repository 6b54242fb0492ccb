/*
 * The scan part of the model (carve/model_scan.h): sums and groups of a
 * scan's files, the names of file statuses and roles, the order of
 * edges, and the release of it all, for a scan run or read from a model
 * file.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/language.h"
#include "carve/model_scan.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

void linecount_add(struct line_counts *a, const struct line_counts *b)
{
	a->lines += b->lines;
	a->code += b->code;
	a->comment += b->comment;
	a->blank += b->blank;
	a->complexity += b->complexity;
}

void dep_list_release(struct dep_list *list)
{
	if (!list)
		return;
	free(list->refs);
	list->refs = NULL;
	list->nr = list->alloc = 0;
}

static const char *const status_names[] = {
	[FILE_COUNTED] = "counted", [FILE_UNKNOWN] = "unknown",
	[FILE_BINARY] = "binary",   [FILE_EXCLUDED] = "excluded",
	[FILE_TOO_BIG] = "too-big", [FILE_UNREADABLE] = "unreadable",
	[FILE_SYMLINK] = "symlink", [FILE_SUBMODULE] = "submodule",
	[FILE_SPECIAL] = "special",
};

const char *scan_status_name(enum file_status status)
{
	return status_names[status];
}

int scan_status_parse(const char *name)
{
	for (int i = 0; i <= FILE_SPECIAL; i++)
		if (!strcmp(status_names[i], name))
			return i;
	return -1;
}

static int cmp_group(const void *a, const void *b)
{
	const struct scan_group *x = a, *y = b;

	if (x->counts.code != y->counts.code)
		return x->counts.code < y->counts.code ? 1 : -1;
	return strcmp(x->name, y->name);
}

static struct scan_group *group_by(struct scan *scan, size_t *nr, int lang)
{
	struct strmap index = STRMAP_INIT;
	struct scan_group *groups = NULL;
	size_t alloc = 0;

	*nr = 0;
	for (size_t i = 0; i < scan->nr; i++) {
		const struct scan_file *f = &scan->files[i];
		const char *key;
		size_t *slot;

		if (f->status != FILE_COUNTED)
			continue;
		key = lang ? f->lang->name : f->module;
		slot = strmap_get(&index, key);
		if (!slot) {
			ALLOC_GROW(groups, *nr + 1, alloc);
			memset(&groups[*nr], 0, sizeof(*groups));
			groups[*nr].name = key;
			slot = arena_alloc(&scan->arena, sizeof(*slot));
			*slot = (*nr)++;
			strmap_put(&index, key, slot);
		}
		groups[*slot].files++;
		linecount_add(&groups[*slot].counts, &f->counts);
	}
	strmap_release(&index);
	if (*nr)
		qsort(groups, *nr, sizeof(*groups), cmp_group);
	return groups;
}

void scan_summarise(struct scan *scan)
{
	for (size_t i = 0; i < scan->nr; i++) {
		const struct scan_file *f = &scan->files[i];

		scan->status_count[f->status]++;
		if (f->status == FILE_COUNTED)
			linecount_add(&scan->total, &f->counts);
	}
	scan->languages = group_by(scan, &scan->languages_nr, 1);
	scan->modules = group_by(scan, &scan->modules_nr, 0);
}

int scan_edge_cmp(const void *a, const void *b)
{
	const struct scan_edge *x = a, *y = b;

	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	return (int)x->kind - (int)y->kind;
}

void scan_free(struct scan *scan)
{
	if (!scan)
		return;
	free(scan->cache_text);
	for (size_t i = 0; i < scan->nr; i++)
		dep_list_release(&scan->files[i].deps);
	free(scan->files);
	free(scan->edges);
	free(scan->externals);
	free(scan->languages);
	free(scan->modules);
	free(scan->blind);
	free(scan->root);
	free(scan->prefix);
	free(scan->branch);
	free(scan->cache_path);
	free(scan->gitattributes);
	symdeps_free(scan->clang);
	arena_release(&scan->arena);
	free(scan);
}

char *scan_cache_dir(const struct scan *scan)
{
	const char *slash;

	if (!scan->cache_path || !(slash = strrchr(scan->cache_path, '/')) ||
	    slash == scan->cache_path)
		return NULL;
	return xstrndup(scan->cache_path, (size_t)(slash - scan->cache_path));
}

void symdeps_free(struct symdeps *sd)
{
	if (!sd)
		return;
	symindex_release(&sd->index);
	arena_release(&sd->arena);
	free(sd);
}

const char *file_role_name(enum file_role role)
{
	static const char *const names[ROLE_NR] = {
		[ROLE_CODE] = "code",
		[ROLE_TEST] = "tests",
		[ROLE_MIGRATION] = "migrations",
		[ROLE_VIEW] = "views",
		[ROLE_DOCS] = "docs",
		[ROLE_CONFIG] = "config",
		[ROLE_BUILD] = "build",
		[ROLE_TRANSLATION] = "translations",
		[ROLE_FIXTURE] = "fixtures",
		[ROLE_ASSET] = "assets",
		[ROLE_DATA] = "data",
		[ROLE_PLATFORM] = "platform",
	};

	return role < ROLE_NR ? names[role] : "?";
}
