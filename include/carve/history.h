/*
 * Mining git's history into the history part of the model
 * (carve/model_history.h): history_run() walks the log (src/history/)
 * and sums it up per file and module; hotspots and coupling are computed
 * here too.
 */
#ifndef CARVE_HISTORY_H
#define CARVE_HISTORY_H

#include <stddef.h>
#include <stdint.h>

#include "carve/glob.h"
#include "carve/model_history.h"

struct config;
struct scan;

struct history_options {
	const char *rev; /* NULL: HEAD; A..B for a range */
	int64_t since, until; /* committer time bounds, 0: none */
	size_t max_commits; /* 0: all */
	struct glob_list paths; /* only these paths (empty: all) */
	struct glob_list exclude; /* and not these */
	int max_changeset; /* larger changes are left out of coupling */
	int min_revs, min_shared, min_coupling;
	enum history_grouping group_by;
	const char *ticket_regex; /* POSIX extended, HISTORY_BY_TICKET */
	int follow_renames;
	int threads;
	const char *cache_dir; /* NULL: <git dir>/carve */
	int no_cache;
	uint64_t max_blob_size; /* larger blobs count as binary, unread */
	const struct config *config; /* teams and modules; may be NULL */
};

#define HISTORY_MAX_CHANGESET 30
#define HISTORY_MIN_REVS 5
#define HISTORY_MIN_SHARED 5
#define HISTORY_MIN_COUPLING 30
#define HISTORY_MAX_BLOB_SIZE (512ULL << 20) /* git's bigFileThreshold */

/*
 * Mines the history of the git repository holding scan->root and sums
 * it up per file and per module of the scan. Returns 0 with *out owned
 * by the caller, or <0 after reporting (not a git repository, a bad
 * revision, a bad ticket pattern or "teams" entry).
 */
int history_run(struct history **out, const struct scan *scan,
		const struct history_options *o);

/* Hotspot order: files (or modules) by hotspot score, descending. */
size_t *history_hotspots(const struct history_entity *e, size_t nr,
			 size_t *out_nr);

/*
 * Coupling with code-maat's definitions, for the unit tests and for
 * history_run: `sets` holds each change's entities (indexes below
 * entities_nr, distinct), set i being sets[starts[i]..starts[i+1]).
 * Changes with more than max_changeset entities are left out; the rest
 * give each pair's shared changes and each entity's changes, and the
 * pairs pass when average changes >= min_revs, shared >= min_shared and
 * degree >= min_coupling.
 */
void history_couple(struct history_coupling *out, const uint32_t *sets,
		    const size_t *starts, size_t nr, size_t max_changeset,
		    const size_t *sizes, int min_revs, int min_shared,
		    int min_coupling);

struct model;
struct input_options;
/*
 * Adds the git history with carve history's defaults to a model read
 * from a git work tree (nothing for a model file, a tree outside git or
 * a model that has one). Returns 0, or <0 after reporting.
 */
int input_history(struct model *m, const struct config *cfg,
		  const struct input_options *o);

#endif
