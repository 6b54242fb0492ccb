/*
 * Fuzz target: compilation-database parsing (compile_commands.json read
 * with libclang's API) and carve's handling of each command. The tree
 * holds a few C files the commands may name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "carve/compdb.h"
#include "carve/language.h"
#include "carve/scan.h"
#include "carve/strmap.h"
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
	scan.prefix = xstrdup("");
	scan.files = xcalloc(PATHS_NR, sizeof(*scan.files));
	scan.nr = PATHS_NR;
	{
		char dir[256];

		snprintf(dir, sizeof(dir), "%s/lib", fuzz_dir());
		mkdir(dir, 0700);
	}
	for (size_t i = 0; i < PATHS_NR; i++) {
		scan.files[i].path = paths[i];
		scan.files[i].status = FILE_COUNTED;
		scan.files[i].lang = language_detect(paths[i], "int x;\n", 7);
		fuzz_write_file(paths[i], (const uint8_t *)"int x;\n", 7);
		strmap_put(&by_path, paths[i], (void *)(i + 1));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct compdb db = COMPDB_INIT;

	setup();
	fuzz_write_file("compile_commands.json", data, size);
	compdb_load(&db, &scan, &by_path, NULL);
	for (size_t i = 0; i < db.nr; i++)
		if (db.entries[i].scan_index >= PATHS_NR ||
		    db.entries[i].argc < 1 || !db.entries[i].argv[0])
			abort();
	compdb_release(&db);
	return 0;
}
