/*
 * Fuzz target: the history cache reader (history.cache). Every commit
 * it indexes is filled into a log; the changes must be in range: flags
 * of a change, non-empty paths, counts that fit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/historylog.h"
#include "carve/oidmap.h"
#include "carve/strbuf.h"
#include "fuzz.h"

#define MAX_BLOB 1000

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
	return 0;
}
