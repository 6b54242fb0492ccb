/*
 * Code lines of git blobs, each blob counted once: the scan's language
 * detection and line counter run on the blob's bytes, and the result is
 * kept by blob id (and the language its path implies) in memory and in
 * "blobs.cache" under the cache directory, so a later run reads no blob
 * it has counted before. Used by the sampled snapshots (snapshots.h).
 */
#ifndef CARVE_BLOBCOUNT_H
#define CARVE_BLOBCOUNT_H

#include <stddef.h>
#include <stdint.h>

/* Bump when the layout of a record changes. */
#define BLOBCOUNT_FORMAT 1

struct exclude_rules;

/* What one blob at one path counts for. */
struct blobcount_result {
	uint32_t code; /* code lines, 0 for binary, excluded or unknown */
	int counted; /* a file of a known language */
	int missing; /* the blob could not be read */
};

struct blobcount;

/*
 * A counter for the repository at gitdir (each worker thread opens its
 * own handle). With cache_dir set, loads its cache file (missing or from
 * another build: empty). `ex` (borrowed) decides exclusions by content.
 */
struct blobcount *blobcount_new(const char *gitdir, int threads,
				const char *cache_dir, uint64_t max_blob_size,
				const struct exclude_rules *ex);
/* The cached result of blob `id` at `path`, or NULL when not known yet. */
const struct blobcount_result *
blobcount_find(struct blobcount *bc, const unsigned char *id, const char *path);
/*
 * Counts the blobs ids[i] at paths[i] (i < nr) that are not known yet,
 * on the worker threads, and remembers them. Duplicates are fine.
 */
void blobcount_fill(struct blobcount *bc, const unsigned char *const *ids,
		    const char *const *paths, size_t nr);
/* Blobs read in this run, results loaded from the cache file, blobs
 * that could not be read. */
void blobcount_stats(const struct blobcount *bc, size_t *counted,
		     size_t *cached, size_t *missing);
/* The cache file's path, or NULL. */
const char *blobcount_cache_path(const struct blobcount *bc);
/* Writes the cache when blobs were counted; warns and goes on on error. */
void blobcount_save(struct blobcount *bc);
void blobcount_free(struct blobcount *bc);

#endif
