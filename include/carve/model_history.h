/*
 * The history part of the model: what git's history says about the
 * files and modules of a scan. Churn (revisions, lines added and
 * deleted), hotspots (revisions x complexity), change coupling with
 * code-maat's definitions, and ownership by author and team.
 * history_run() (carve/history.h) mines it; history_to_json() and
 * history_from_json() write and read it (src/model/history_json.c). A
 * struct history owns every string it points to, history_free()
 * releases all.
 */
#ifndef CARVE_MODEL_HISTORY_H
#define CARVE_MODEL_HISTORY_H

#include <stddef.h>
#include <stdint.h>

#include "carve/arena.h"

enum history_grouping {
	HISTORY_BY_COMMIT, /* each commit is one change */
	HISTORY_BY_TICKET, /* commits naming the same ticket are one */
	HISTORY_BY_DAY, /* one author's commits of one day are one */
};

/* One author's (or team's) part in a file or module. */
struct history_share {
	uint32_t who; /* index into history.authors (or history.teams) */
	size_t revisions;
	uint64_t added, deleted;
};

/* A file or a module. */
struct history_entity {
	const char *name;
	const char *module; /* files: their module */
	size_t revisions; /* commits that changed it */
	uint64_t added, deleted;
	size_t binary; /* changes with no line counts */
	int64_t first, last; /* author times of the first and last change */
	struct history_share *authors; /* by revisions, then lines added */
	size_t authors_nr;
	struct history_share *teams; /* likewise, when teams are known */
	size_t teams_nr;
	int exists; /* in the scan (a file of the work tree) */
	uint64_t code, complexity; /* from the scan */
	uint64_t hotspot; /* revisions x complexity */
	uint64_t hotspot_loc; /* revisions x code lines */
	size_t files; /* modules: files changed */
};

struct history_author {
	const char *name; /* after .mailmap */
	const char *email;
	int team; /* index into history.teams, -1 for none */
	size_t commits;
	uint64_t added, deleted;
	int64_t first, last;
};

struct history_team {
	const char *name;
	size_t authors, commits;
	uint64_t added, deleted;
};

/* Two entities that changed together. */
struct history_pair {
	uint32_t a, b; /* indexes into files or modules, a < b by name */
	size_t shared; /* changes with both */
	size_t revs_a, revs_b; /* changes with each (within the size limit) */
	int degree; /* shared / average revisions, in percent,
				 rounded down as code-maat does */
};

struct history_coupling {
	struct history_pair *pairs; /* kept pairs, strongest first */
	size_t nr;
	size_t changesets; /* changes considered */
	size_t large; /* changes left out: more than max_changeset files */
	size_t candidates; /* pairs that changed together at least once */
	/* pairs removed by each threshold, in the order they are applied */
	size_t below_min_revs, below_min_shared, below_min_coupling;
};

/* A change left out of coupling because it changed too many files. */
struct history_large {
	const char *id; /* commit id, or "ticket X" / "A on day N" */
	size_t files;
};

struct history {
	char *root; /* the work tree */
	char head[41]; /* the commit the walk started from */
	const char *rev;
	int shallow; /* a shallow clone: history is cut */
	size_t cut; /* commits whose parents are absent */
	size_t commits; /* walked (within --since/--until/--max-commits) */
	size_t merges; /* left out: not diffed */
	size_t analysed; /* commits whose changes count */
	size_t missing; /* changes whose blobs are missing */
	size_t unreadable; /* commits with a missing tree */
	size_t mined, cached; /* where the changes came from */
	char *cache_path; /* NULL when not cached */
	uint64_t added, deleted;
	size_t changes, binary;
	size_t filtered; /* changes of paths left out (excludes, --path) */
	int64_t first, last; /* author times of the oldest and newest commit */
	int64_t now; /* the reference for ages: HEAD's commit time */
	struct history_entity *files; /* by path */
	size_t files_nr;
	struct history_entity *modules; /* by name */
	size_t modules_nr;
	struct history_author *authors; /* by commits, descending */
	size_t authors_nr;
	struct history_team *teams; /* by name; none without "teams" */
	size_t teams_nr;
	struct history_coupling file_coupling, module_coupling;
	struct history_large *large; /* newest first */
	size_t large_nr;
	/* the settings the results depend on, for the assumptions */
	int max_changeset, min_revs, min_shared, min_coupling;
	enum history_grouping group_by;
	const char *ticket_regex;
	int follow_renames;
	int mailmap; /* a .mailmap was applied */
	struct arena arena;
};

void history_free(struct history *h);
void history_coupling_release(struct history_coupling *c);

struct cJSON;
/* The model's "history" part (the caller owns the result). */
struct cJSON *history_to_json(const struct history *h);
/*
 * Reads a "history" part back (from a model file named `path`, for
 * messages). Returns 0 with *out owned by the caller, or <0.
 */
int history_from_json(struct history **out, const struct cJSON *json,
		      const char *path);

#endif
