/*
 * The commit log's storage: commits, changes, interned paths and
 * authors. Strings live in the log's arena.
 */
#include <string.h>

#include "carve/historylog.h"
#include "carve/strbuf.h"
#include "carve/utf8.h"
#include "carve/xmalloc.h"

void hlog_release(struct hlog *log)
{
	if (!log)
		return;
	free(log->commits);
	free(log->changes);
	free(log->paths);
	free(log->people);
	strmap_release(&log->path_index);
	strmap_release(&log->people_index);
	arena_release(&log->arena);
	memset(log, 0, sizeof(*log));
}

uint32_t hlog_path(struct hlog *log, const char *path, size_t len)
{
	char stack[512];
	char *key = len < sizeof(stack) ? stack : xmalloc(len + 1);
	size_t i;

	memcpy(key, path, len);
	key[len] = '\0';
	i = (size_t)strmap_get(&log->path_index, key);
	if (!i) {
		char *copy = arena_strndup(&log->arena, path, len);

		ALLOC_GROW(log->paths, log->paths_nr + 1, log->paths_alloc);
		log->paths[log->paths_nr++] = copy;
		i = log->paths_nr;
		strmap_put(&log->path_index, copy, (void *)i);
	}
	if (key != stack)
		free(key);
	return (uint32_t)(i - 1);
}

static const char *clean(struct hlog *log, const char *s)
{
	char *copy;

	if (utf8_is_valid(s, strlen(s)))
		return arena_strdup(&log->arena, s);
	copy = utf8_sanitize(s);
	s = arena_strdup(&log->arena, copy);
	free(copy);
	return s;
}

uint32_t hlog_person(struct hlog *log, const char *name, const char *email)
{
	struct strbuf key = STRBUF_INIT;
	size_t i;

	strbuf_addf(&key, "%s\n%s", name, email);
	i = (size_t)strmap_get(&log->people_index, key.buf);
	if (!i) {
		struct hlog_person *p;

		ALLOC_GROW(log->people, log->people_nr + 1, log->people_alloc);
		p = &log->people[log->people_nr++];
		p->name = clean(log, name);
		p->email = clean(log, email);
		p->latest = INT64_MIN;
		i = log->people_nr;
		strmap_put(&log->people_index,
			   arena_strndup(&log->arena, key.buf, key.len),
			   (void *)i);
	}
	strbuf_release(&key);
	return (uint32_t)(i - 1);
}

void hlog_trim(struct hlog *log)
{
	/* arrays grown by doubling hold up to twice what they need */
	if (log->nr && log->alloc > log->nr) {
		log->commits = xreallocarray(log->commits, log->nr,
					     sizeof(*log->commits));
		log->alloc = log->nr;
	}
	if (log->changes_nr && log->changes_alloc > log->changes_nr) {
		log->changes = xreallocarray(log->changes, log->changes_nr,
					     sizeof(*log->changes));
		log->changes_alloc = log->changes_nr;
	}
}

struct hlog_change *hlog_add_change(struct hlog *log,
				    struct hlog_commit *commit)
{
	struct hlog_change *c;

	if (!commit->nr)
		commit->change = log->changes_nr;
	else if (commit->change + commit->nr != log->changes_nr)
		BUG("changes of one commit must be added together");
	ALLOC_GROW(log->changes, log->changes_nr + 1, log->changes_alloc);
	c = &log->changes[log->changes_nr++];
	memset(c, 0, sizeof(*c));
	c->from = HLOG_NONE;
	commit->nr++;
	return c;
}
