/*
 * Fuzz target: the history cache reader (history.cache). Every commit
 * it indexes is filled into a log; the changes must be in range: flags
 * of a change, non-empty paths, counts that fit. The same bytes are
 * also read as the records of a history summary (history-summary/):
 * what is accepted has every index in range, and writes back to the
 * same bytes; and as the records of the state a summary is extended
 * with (<shape>.state): sorted commit ids, pairs inside their counts,
 * and the same bytes back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/history.h"
#include "carve/historylog.h"
#include "carve/oidmap.h"
#include "carve/strbuf.h"
#include "fuzz.h"

#define MAX_BLOB 1000

static void check_shares(const struct history_share *s, size_t nr,
			 size_t who_nr)
{
	for (size_t i = 0; i < nr; i++)
		if (s[i].who >= who_nr)
			abort();
}

static void check_summary(const uint8_t *data, size_t size)
{
	struct history *h = NULL;
	struct strbuf sb = STRBUF_INIT;

	if (hsummary_parse(&h, (const char *)data, size))
		return;
	for (size_t i = 0; i < h->authors_nr; i++)
		if (h->authors[i].team < -1 ||
		    h->authors[i].team >= (int)h->teams_nr)
			abort();
	for (int level = 0; level < 2; level++) {
		const struct history_entity *e = level ? h->files : h->modules;
		size_t nr = level ? h->files_nr : h->modules_nr;
		const struct history_coupling *c = level ? &h->file_coupling
							 : &h->module_coupling;

		for (size_t i = 0; i < nr; i++) {
			if (!e[i].name || (level && !e[i].module))
				abort();
			check_shares(e[i].authors, e[i].authors_nr,
				     h->authors_nr);
			check_shares(e[i].teams, e[i].teams_nr, h->teams_nr);
		}
		for (size_t i = 0; i < c->nr; i++)
			if (c->pairs[i].a >= nr || c->pairs[i].b >= nr)
				abort();
	}
	/* what was read writes back to the same bytes */
	hsummary_encode(&sb, h);
	if (sb.len != size || memcmp(sb.buf, data, size))
		abort();
	strbuf_release(&sb);
	history_free(h);
}

static void check_state(const uint8_t *data, size_t size)
{
	struct hstate st;
	struct strbuf sb = STRBUF_INIT;

	if (hstate_parse(&st, (const char *)data, size))
		return;
	for (size_t i = 1; i < st.ids_nr; i++)
		if (memcmp(st.ids + 20 * (i - 1), st.ids + 20 * i, 20) >= 0)
			abort();
	for (int level = 0; level < 2; level++) {
		const struct hcouple *c = &st.coupling[level];

		for (size_t i = 0; i < c->sorted_nr; i++)
			if ((c->sorted[i].key >> 32) >=
				    (uint32_t)c->sorted[i].key ||
			    (uint32_t)c->sorted[i].key >= c->revs_nr ||
			    (i && c->sorted[i - 1].key >= c->sorted[i].key))
				abort();
	}
	for (size_t i = 0; i < st.people_nr; i++)
		if (!st.people[i].name || !st.people[i].email)
			abort();
	hstate_encode(&sb, &st);
	if (sb.len != size || memcmp(sb.buf, data, size))
		abort();
	strbuf_release(&sb);
	hstate_release(&st);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hcache cache;
	char header[128];
	struct oidmap *index;

	snprintf(header, sizeof(header), "carve-history-cache %d %s %llu\n",
		 HCACHE_FORMAT, CARVE_VERSION, (unsigned long long)MAX_BLOB);
	fuzz_write_cache("history.cache", header, data, size);
	hcache_load(&cache, fuzz_dir(), MAX_BLOB);
	index = cache.index;
	for (size_t s = 0; index && s < index->alloc; s++) {
		struct hlog log = HLOG_INIT;
		struct hlog_commit *hc;

		if (!index->slots[s].used)
			continue;
		log.commits = calloc(1, sizeof(*log.commits));
		if (!log.commits)
			abort();
		log.nr = log.alloc = 1;
		hc = &log.commits[0];
		memcpy(hc->id, index->slots[s].id, 20);
		if (!hcache_has(&cache, hc->id, 0))
			abort();
		if (hcache_fill(&cache, &log, 0, 0)) {
			for (size_t k = 0; k < hc->nr; k++) {
				const struct hlog_change *ch =
					&log.changes[hc->change + k];

				if (!*log.paths[ch->path] ||
				    (ch->flags & ~(HLOG_BINARY | HLOG_NEW |
						   HLOG_GONE | HLOG_RENAMED)))
					abort();
			}
		}
		hlog_release(&log);
	}
	hcache_release(&cache);
	check_summary(data, size);
	check_state(data, size);
	return 0;
}
