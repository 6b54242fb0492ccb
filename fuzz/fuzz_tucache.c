/*
 * Fuzz target: the libclang cache reader (clang.cache). A unit it hands
 * out must be in range: a known status, indexes into its own files and
 * symbols, symbol kinds the model can name. The scan behind it has three
 * files whose blob ids the records may name.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/scan.h"
#include "carve/scancache.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/tu.h"
#include "carve/tucache.h"
#include "carve/xmalloc.h"
#include "fuzz.h"

static const char *const paths[] = { "a.c", "b.h", "lib/c.c" };
#define PATHS_NR (sizeof(paths) / sizeof(paths[0]))

static struct scan scan;
static struct strmap by_path = STRMAP_INIT;

static void setup(void)
{
	if (scan.files)
		return;
	scan.root = xstrdup(fuzz_dir());
	scan.files = xcalloc(PATHS_NR, sizeof(*scan.files));
	scan.nr = PATHS_NR;
	for (size_t i = 0; i < PATHS_NR; i++) {
		scan.files[i].path = paths[i];
		scan.files[i].status = FILE_COUNTED;
		memset(scan.files[i].blob, 'a' + (int)i, 40);
		strmap_put(&by_path, paths[i], (void *)(i + 1));
	}
}

static void check(const struct tu *tu)
{
	if (tu->status > TU_CRASHED || !tu->files_nr)
		abort();
	for (size_t i = 0; i < tu->syms_nr; i++)
		if (tu->syms[i].kind > SYMBOL_MACRO)
			abort();
	for (size_t i = 0; i < tu->defs_nr; i++)
		if (tu->defs[i].sym >= tu->syms_nr ||
		    tu->defs[i].file >= tu->files_nr)
			abort();
	for (size_t i = 0; i < tu->refs_nr; i++)
		if (tu->refs[i].from >= tu->files_nr ||
		    tu->refs[i].sym >= tu->syms_nr ||
		    tu->refs[i].target >= (int)tu->files_nr ||
		    tu->refs[i].decl >= (int)tu->files_nr ||
		    tu->refs[i].target < -1 || tu->refs[i].decl < -1)
			abort();
	for (size_t i = 0; i < tu->incs_nr; i++)
		if (tu->incs[i].from >= tu->files_nr ||
		    tu->incs[i].to >= tu->files_nr)
			abort();
	for (size_t i = 0; i < tu->files_nr; i++)
		if (tu->files[i].file >= (long)PATHS_NR)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tucache cache = TUCACHE_INIT;
	struct tu_context ctx = { &scan, &by_path, NULL, NULL };
	struct strbuf header = STRBUF_INIT;
	struct strmap_entry *me;
	const char **keys = NULL;
	size_t nr = 0;

	setup();
	ctx.root = scan.root;
	scancache_header(&header, "clang", TUCACHE_FORMAT);
	fuzz_write_cache("clang.cache", header.buf, data, size);
	tucache_load(&cache, fuzz_dir());
	keys = xcalloc(cache.by_key.nr + 1, sizeof(*keys));
	strmap_for_each (&cache.by_key, me)
		keys[nr++] = me->key;
	for (size_t i = 0; i < nr; i++) {
		struct tu tu;

		memset(&tu, 0, sizeof(tu));
		if (tucache_get(&cache, &tu, keys[i], &ctx))
			check(&tu);
		tu_release(&tu);
	}
	free(keys);
	tucache_release(&cache);
	strbuf_release(&header);
	return 0;
}
