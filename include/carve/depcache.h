/*
 * The resolution cache: the edges, external packages and unresolved
 * count of the last scan, reused while nothing resolution reads has
 * changed. What it reads is (1) every file's path, language, status,
 * declared package and dependency statements, summed up in a 64-bit key,
 * and (2) the configuration files the resolvers opened or looked for
 * (compile_commands.json, go.mod, tsconfig.json, composer.json), each
 * recorded with its size and modification time, or as absent. Warnings
 * the resolvers gave are kept and given again, so a cached run says what
 * a fresh one would.
 */
#ifndef CARVE_DEPCACHE_H
#define CARVE_DEPCACHE_H

#include <stdint.h>

#include "carve/strbuf.h"

/*
 * Bump when the layout of a record or the key's sum changes (3: the
 * statements summed by scancache_deps_hash(), not strhash()).
 */
#define DEPCACHE_FORMAT 3

struct scan;

/* What the resolvers read besides the scan, and what they warned. */
struct depcache_inputs {
	/* "size\tsec\tnsec\tpath\0", or "-\tpath\0" for an absent one */
	struct strbuf files;
	struct strbuf warnings; /* one per line */
};

#define DEPCACHE_INPUTS_INIT             \
	{                                \
		STRBUF_INIT, STRBUF_INIT \
	}

/* The key of everything resolution reads from the scan itself. */
uint64_t depcache_key(const struct scan *scan);

/* Records that `path` was read or looked for, with its current state. */
void depcache_note_input(struct depcache_inputs *in, const char *path);

/*
 * Fills scan->edges, scan->externals and scan->unresolved from the cache
 * file in `dir` when its key matches and every recorded input is as it
 * was; repeats the recorded warnings. Returns 1 on a hit, 0 otherwise
 * (nothing changed in scan).
 */
int depcache_load(struct scan *scan, const char *dir, uint64_t key);

/* Replaces the cache file; a failure is a warning, never fatal. */
void depcache_save(const struct scan *scan, const char *dir, uint64_t key,
		   const struct depcache_inputs *in);

void depcache_inputs_release(struct depcache_inputs *in);

#endif
