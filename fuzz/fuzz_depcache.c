/*
 * Fuzz target: the resolution cache reader (deps.cache). The input
 * follows the header and the key record of a scan of three files; what
 * a hit hands the scan must be in range: edges between its files of
 * kinds the model can name, externals used by no more files than it has.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "carve/depcache.h"
#include "carve/scan.h"
#include "carve/scancache.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"
#include "fuzz.h"

static const char *const paths[] = { "a.py", "b.py", "pkg/c.py" };
#define PATHS_NR (sizeof(paths) / sizeof(paths[0]))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scan scan;
	struct strbuf header = STRBUF_INIT;
	uint64_t key;

	memset(&scan, 0, sizeof(scan));
	scan.root = (char *)fuzz_dir();
	scan.prefix = (char *)"";
	scan.files = xcalloc(PATHS_NR, sizeof(*scan.files));
	scan.nr = PATHS_NR;
	for (size_t i = 0; i < PATHS_NR; i++) {
		scan.files[i].path = paths[i];
		scan.files[i].status = FILE_COUNTED;
	}
	key = depcache_key(&scan);
	scancache_header(&header, "deps", DEPCACHE_FORMAT);
	strbuf_addf(&header, "key\t%016" PRIx64 "\t%zu", key, scan.nr);
	strbuf_addch(&header, '\0');
	/* the header holds a NUL: written by hand */
	{
		FILE *fp;
		struct strbuf path = STRBUF_INIT;

		strbuf_addf(&path, "%s/deps.cache", fuzz_dir());
		fp = fopen(path.buf, "wb");
		if (!fp || fwrite(header.buf, 1, header.len, fp) != header.len ||
		    fwrite(data, 1, size, fp) != size || fclose(fp))
			abort();
		strbuf_release(&path);
	}
	if (depcache_load(&scan, fuzz_dir(), key)) {
		for (size_t i = 0; i < scan.edges_nr; i++)
			if (scan.edges[i].from >= scan.nr ||
			    scan.edges[i].to >= scan.nr ||
			    scan.edges[i].kind > DEP_KIND_MAX)
				abort();
		for (size_t i = 0; i < scan.externals_nr; i++)
			if (!scan.externals[i].files ||
			    scan.externals[i].files > scan.nr ||
			    scan.externals[i].refs < scan.externals[i].files ||
			    !scan.externals[i].name)
				abort();
	}
	free(scan.edges);
	free(scan.externals);
	free(scan.files);
	arena_release(&scan.arena);
	strbuf_release(&header);
	return 0;
}
