/*
 * The libclang cache: the results of each translation unit, keyed by its
 * compile command (directory, arguments, resource directory) and valid
 * while every file it read is unchanged: the git blob id of each file of
 * the scan, size and modification time of the others (system headers,
 * generated files). It lives beside the scan cache, in clang.cache.
 */
#ifndef CARVE_TUCACHE_H
#define CARVE_TUCACHE_H

#include <stddef.h>

#include "carve/strbuf.h"
#include "carve/strmap.h"

struct tu;
struct tu_context;

/* Bump when the layout of a record changes (2: units confined). */
#define TUCACHE_FORMAT 2

struct tucache {
	char *path; /* the cache file */
	struct strbuf data; /* its bytes; records are parsed in place */
	struct strmap by_key; /* key -> record (char *) */
	struct strmap stamps; /* absolute path -> "size:mtime" checked */
	struct arena arena;
	int warned; /* a damaged record was reported */
};

#define TUCACHE_INIT                                         \
	{                                                    \
		NULL, STRBUF_INIT, STRMAP_INIT, STRMAP_INIT, \
		{                                            \
			0                                    \
		}                                            \
	}

/* Loads dir/clang.cache (missing or another version's: empty). */
void tucache_load(struct tucache *cache, const char *dir);

/*
 * Fills `tu` (zeroed) with the cached results for `key` when every file
 * they depend on is unchanged; returns 1 then, else 0. Not thread-safe.
 */
int tucache_get(struct tucache *cache, struct tu *tu, const char *key,
		const struct tu_context *ctx);

/* The stamp of a file outside the scan: "size:mtime-ns", "" if missing. */
void tucache_stamp(char *out, size_t size, const char *path);

/*
 * Replaces the cache file with the units: parsed ones with every file
 * they read, failed and crashed ones with their main file only (parsed
 * again when it or the command changes). Returns 0, or <0 after a
 * warning.
 */
int tucache_save(const struct tucache *cache, struct tu *const *tus,
		 const char *const *keys, size_t nr);

void tucache_release(struct tucache *cache);

#endif
