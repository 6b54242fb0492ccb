/*
 * Fuzz target: the scan cache reader (scan.cache, a shared CI cache is
 * untrusted). Every record it keeps must be in range: a status the scan
 * caches, counts that add up, dependency statements that decode into
 * kinds the model can name.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/arena.h"
#include "carve/deps.h"
#include "carve/scan.h"
#include "carve/scancache.h"
#include "carve/strbuf.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scancache cache = { 0 };
	struct strbuf header = STRBUF_INIT;
	struct arena arena = ARENA_INIT;

	scancache_header(&header, "scan", SCANCACHE_FORMAT);
	fuzz_write_cache("scan.cache", header.buf, data, size);
	scancache_load(&cache, fuzz_dir());
	for (size_t i = 0; i < cache.nr; i++) {
		const struct scancache_entry *e = &cache.entries[i];
		struct dep_list deps = DEP_LIST_INIT;

		if (e->status < 0 || e->status > FILE_SPECIAL ||
		    e->counts.code + e->counts.comment + e->counts.blank >
			    e->counts.lines ||
		    scancache_decode_deps(&deps, &arena, e->deps))
			abort();
		for (size_t k = 0; k < deps.nr; k++)
			if (deps.refs[k].kind > DEP_KIND_MAX ||
			    !deps.refs[k].line)
				abort();
		/* a path repeated: the last record of it is the one kept */
		(void)scancache_get(&cache, e->path, e->blob, e->flags);
		dep_list_release(&deps);
	}
	scancache_release(&cache);
	arena_release(&arena);
	strbuf_release(&header);
	return 0;
}
