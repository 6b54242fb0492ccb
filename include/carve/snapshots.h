/*
 * Sampled snapshots of a repository's history: at one commit per
 * interval (or per tag), the code lines in the legacy and new paths of
 * carve.json, counted from trees and blobs without checking anything
 * out. Each blob is counted once (a cache keyed by blob id, kept under
 * the cache directory beside history.cache); from one sample to the next
 * only the tree diff is walked, so unchanged subtrees are never read.
 * A struct snapshots owns everything it points to; snapshots_free()
 * releases it all.
 */
#ifndef CARVE_SNAPSHOTS_H
#define CARVE_SNAPSHOTS_H

#include <stddef.h>
#include <stdint.h>

#include "carve/glob.h"
#include "carve/model_burndown.h"

struct config;
struct scan;

#define SNAPSHOT_WEEK (7 * 86400)

struct snapshot_options {
	const char *rev; /* NULL: HEAD */
	int64_t interval; /* seconds between samples (default a week) */
	int by_tag; /* one sample per tag reachable from rev instead */
	int64_t since, until; /* sampling range, 0: first commit / newest */
	int64_t start; /* migration start, 0: the sample before new code */
	const struct glob_list *legacy; /* empty: everything not new */
	const struct glob_list *new_paths;
	const struct config *config; /* "exclude" (may be NULL) */
	const char *cache_dir; /* NULL: <git dir>/carve */
	int no_cache;
	uint64_t max_blob_size; /* larger blobs are not counted */
	int threads;
	/*
	 * dependencies and check at every Nth sample (and the last), 0:
	 * none, -1: N such that about 24 samples get them
	 */
	int deps_every;
	/*
	 * carve check's violations in a sample's scan, -1 for none
	 * counted; NULL counts none. The layer above history gives it
	 * (check_count(), carve/check.h).
	 */
	long (*violations)(const struct config *cfg, const struct scan *scan);
};

/*
 * Samples the first-parent history of the git repository at `root` and
 * sums each sample. Returns 0 with *out owned by the caller, or <0 after
 * reporting (not a git repository, a bad revision, no commits).
 */
int snapshots_run(struct snapshots **out, const char *root,
		  const struct snapshot_options *o);
void snapshots_free(struct snapshots *s);

/* The class of a path: SNAP_LEGACY, SNAP_NEW or SNAP_OTHER. */
int snapshots_class(const struct snapshot_options *o, const char *path);

/*
 * Dependencies at one sample (src/history/snapdeps.c): the tree's files
 * scanned from their blobs (statements extracted once per blob), resolved
 * as carve scan resolves them, then counted: dependencies from files
 * outside legacy into legacy files, and carve check's violations of the
 * "rules" of carve.json (-1 when some context has no file yet at that
 * sample, or there are no rules). Configuration files the resolvers read
 * (go.mod, tsconfig.json) are the work tree's, not the sample's.
 */
struct snapdeps;
struct exclude_rules;
typedef struct git_odb git_odb;
struct snapdeps *snapdeps_new(const char *gitdir, const char *root,
			      const struct snapshot_options *o,
			      const struct exclude_rules *ex);
/* Returns 0 with both counts set, or <0 when the tree is unreadable. */
int snapdeps_point(struct snapdeps *d, git_odb *odb, const unsigned char *tree,
		   long *deps_to_legacy, long *violations);
void snapdeps_free(struct snapdeps *d);

/*
 * The sample instants from `first` to `last` (both commit dates): the
 * Monday 00:00 UTC at or before `since` (else `first`) plus k intervals,
 * until one passes `last` (or `until`). Returns how many were written to
 * *out (owned by the caller).
 */
size_t snapshots_dates(int64_t **out, int64_t first, int64_t last,
		       int64_t since, int64_t until, int64_t interval);

#endif
