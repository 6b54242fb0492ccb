/*
 * The commit log that `carve history` mines from git: one record per
 * commit (author, times, parents) and, for the commits it diffs, one
 * record per changed file with the lines added and deleted exactly as
 * `git log --numstat --no-renames` counts them. A struct hlog owns every
 * string it points to (in its arena); hlog_release() frees it all.
 *
 * Mining is split by concern: hlog_walk() lists the commits, the tree
 * diff (treediff_run) finds the changed paths of one commit, numstat
 * counts their lines, hlog_mine() runs both on worker threads, and the
 * history cache keeps the results by commit id.
 */
#ifndef CARVE_HISTORYLOG_H
#define CARVE_HISTORYLOG_H

#include <stddef.h>
#include <stdint.h>

#include "carve/arena.h"
#include "carve/strmap.h"
#include "carve/u64map.h"

struct oidmap;
struct strbuf;
struct progress;
struct scan;
typedef struct git_repository git_repository;
typedef struct git_odb git_odb;
typedef struct git_oid git_oid;

#define HLOG_NONE UINT32_MAX

/* hlog_change.flags */
enum {
	HLOG_BINARY = 1 << 0, /* "-" in numstat: no line counts */
	HLOG_MISSING = 1 << 1, /* a blob is missing (partial clone) */
	HLOG_NEW = 1 << 2, /* the path did not exist in the parent */
	HLOG_GONE = 1 << 3, /* the path does not exist after the commit */
	HLOG_RENAMED = 1 << 4, /* gone, because it moved to another change's
				  path (its `from`) */
};

/*
 * added and deleted are always git's --no-renames counts. When renames
 * were looked for, a file that moved is two changes as ever, the old
 * path flagged HLOG_RENAMED and the new one with `from` set and the
 * lines of the diff between the two versions in rename_added and
 * rename_deleted; --follow-renames reads those instead.
 */
struct hlog_change {
	uint32_t path; /* index into hlog.paths */
	uint32_t from; /* old path when this file was moved here */
	uint32_t added;
	uint32_t deleted;
	uint32_t rename_added;
	uint32_t rename_deleted;
	unsigned flags;
};

/* hlog_commit.flags */
enum {
	HLOG_MERGE = 1 << 0, /* more than one parent: not diffed */
	HLOG_CUT = 1 << 1, /* its parents are not in the repository
				     (shallow clone): not diffed */
	HLOG_UNREADABLE = 1 << 2, /* a tree is missing: not diffed */
	HLOG_MINED = 1 << 3, /* changes are known (mined or cached) */
	HLOG_RENAMES = 1 << 4, /* renames were looked for */
	HLOG_CACHED = 1 << 5, /* changes came from the cache */
	HLOG_INCOMPLETE = 1 << 6, /* objects were missing: not cached */
};

struct hlog_commit {
	unsigned char id[20];
	unsigned char tree[20];
	unsigned char parent[20]; /* first parent, zero for a root commit */
	int64_t time; /* author time, seconds since the epoch (UTC) */
	int64_t commit_time; /* committer time: --since and --until */
	int tz; /* author's offset from UTC in minutes */
	uint32_t author; /* index into hlog.people */
	unsigned parents; /* parents the commit names */
	unsigned flags;
	size_t change; /* its changes: hlog.changes[change, change+nr) */
	size_t nr;
};

/* An author as the commit names them, made valid UTF-8. */
struct hlog_person {
	const char *name;
	const char *email;
	int64_t latest; /* the newest committer time of their commits */
};

struct hlog {
	struct hlog_commit *commits; /* in walk order: newest first */
	size_t nr, alloc;
	struct hlog_change *changes;
	size_t changes_nr, changes_alloc;
	const char **paths; /* interned, repository-relative */
	size_t paths_nr, paths_alloc;
	struct strmap path_index; /* path -> index + 1 */
	struct hlog_person *people;
	size_t people_nr, people_alloc;
	struct strmap people_index; /* "name\nemail" -> index + 1 */
	char head[41]; /* the commit the walk started from */
	int shallow; /* the repository is a shallow clone */
	size_t cut; /* commits whose parents are absent */
	size_t missing; /* blobs that could not be read */
	size_t unreadable; /* commits with a missing tree */
	size_t broken; /* parents that could not be read (not shallow) */
	size_t mined; /* commits diffed in this run */
	size_t cached; /* commits whose changes came from the cache */
	struct arena arena;
};

#define HLOG_INIT \
	{         \
		0 \
	}

void hlog_release(struct hlog *log);
/* Interns a path (copied) and returns its index. */
uint32_t hlog_path(struct hlog *log, const char *path, size_t len);
/* Interns an author (copied, made valid UTF-8) and returns its index. */
uint32_t hlog_person(struct hlog *log, const char *name, const char *email);
/* Gives back the spare room of the commit and change arrays. */
void hlog_trim(struct hlog *log);
/*
 * Appends a change to `commit`, whose changes must be the last added
 * (all changes of one commit are added together, commit after commit).
 */
struct hlog_change *hlog_add_change(struct hlog *log,
				    struct hlog_commit *commit);

/*
 * Sets libgit2's object cache and pack window sizes for walking a long
 * history (no hash verification of objects read).
 */
void hlog_tune_libgit2(void);

/* What to walk: the commits reachable from `rev` (or A..B). */
struct hlog_walk_options {
	const char *rev; /* NULL: HEAD */
	int64_t since; /* committer time lower bound, 0: none */
	int64_t until; /* committer time upper bound, 0: none */
	size_t max_commits; /* 0: all */
	/*
	 * Commits already summed up (sorted ids of 20 bytes, an ancestor-
	 * closed set): the walk neither lists them nor goes past them, and
	 * sets *reached when it meets `reach` among them.
	 */
	const unsigned char *known;
	size_t known_nr;
	const unsigned char *reach;
	int *reached;
};

/*
 * Lists the commits in date order (newest first, as `git log`), without
 * their changes. Works on shallow clones (their boundary commits are
 * marked HLOG_CUT) and where parents are missing. An unborn HEAD gives an
 * empty log. Returns 0 or <0 after reporting.
 */
int hlog_walk(struct hlog *log, git_repository *repo,
	      const struct hlog_walk_options *o);

/*
 * The tree diff: walks two trees (ids of 20 bytes, NULL for none) in
 * git's order, skipping subtrees whose ids are equal, and calls fn for
 * every path whose blob, mode or kind differs, with the old and new ids
 * and modes (a zero mode for a side that does not exist). Gitlinks are
 * reported like files. Returns 0, or GIT_ENOTFOUND (negative) when a
 * tree is missing.
 */
typedef void (*treediff_fn)(void *payload, const char *path, size_t len,
			    const unsigned char *old_id, unsigned old_mode,
			    const unsigned char *new_id, unsigned new_mode);
int treediff_run(git_odb *odb, const unsigned char *old_tree,
		 const unsigned char *new_tree, struct strbuf *path,
		 treediff_fn fn, void *payload);

/*
 * Line counts of one change, as `git diff --numstat` gives them: blobs
 * with a NUL in their first 8000 bytes, or larger than max_blob_size,
 * are binary; a gitlink reads as "Subproject commit <id>\n". One
 * struct numstat per thread: it holds its own repository handle and a
 * cache of recently read blobs.
 */
struct numstat;

struct numstat *numstat_new(git_repository *repo, uint64_t max_blob_size,
			    size_t cache_bytes);
void numstat_free(struct numstat *ns);
/*
 * Counts one change (an id of NULL or a zero mode: that side does not
 * exist). Sets *added, *deleted and *flags (HLOG_BINARY, HLOG_MISSING).
 */
void numstat_count(struct numstat *ns, const unsigned char *old_id,
		   unsigned old_mode, const unsigned char *new_id,
		   unsigned new_mode, uint32_t *added, uint32_t *deleted,
		   unsigned *flags);
/*
 * The attribute files git reads for the "diff" attribute: the index's
 * .gitattributes (as they are in the work tree), info/attributes,
 * core.attributesFile, the XDG and the system file. Appends their
 * names and bytes to `key`, and to `dirs`, each NUL-terminated, the
 * directories ("dir/", "" for all) under which one of them could unset
 * "diff" (names "-diff" or "binary"). The .gitattributes of the index
 * are those the scan read with its file list (scan->gitattributes) when
 * it has them, read from the index again otherwise (scan NULL).
 */
void hlog_attribute_sources(struct strbuf *key, struct strbuf *dirs,
			    git_repository *repo, const struct scan *scan);
/*
 * Marks the changes of paths whose "diff" attribute is unset (binary,
 * -diff) as binary, as git does; `repo` is the work tree's handle. The
 * attribute is looked up once per path, and only for paths under one
 * of hlog_attribute_sources()' `dirs` with a change that has lines.
 */
void numstat_apply_attributes(struct hlog *log, git_repository *repo);

struct hcache;

struct hlog_mine_options {
	const char *gitdir; /* each worker opens its own handle */
	int threads;
	uint64_t max_blob_size;
	int follow_renames;
	struct hcache *cache; /* may be NULL */
};

/*
 * Fills in the changes of every commit of the log that is neither a
 * merge nor cut, from the cache when it has them, else by diffing the
 * commit against its first parent. Never fails on missing objects: they
 * are counted in log->missing and log->unreadable. Returns 0 or <0.
 */
int hlog_mine(struct hlog *log, const struct hlog_mine_options *o);

/*
 * Rename detection for one commit: pairs its deleted files (`gone`,
 * indexes into log->changes, with their blob ids) with its added files
 * (`born`): first equal blobs, then the most similar pairs with at least
 * 50% of lines in common, among sizes within a factor of two, looking at
 * no more than RENAME_MAX_CANDIDATES of each. Marks the pairs as
 * hlog_change describes.
 */
#define RENAME_MAX_CANDIDATES 100

struct rename_side {
	size_t change;
	const unsigned char *id;
};

void rename_detect(struct hlog *log, struct numstat *ns,
		   const struct rename_side *gone, size_t gone_nr,
		   const struct rename_side *born, size_t born_nr);

/*
 * The history cache: each commit's changes by commit id, in
 * <git dir>/carve/history.cache (or --cache-dir), so a rerun diffs only
 * new commits. Results depend on the numstat rules and the blob size
 * limit, both named in the file's header; a file from another version
 * is ignored. Commits with missing objects are never cached.
 */
/* Bump when the records or the numstat rules change. */
#define HCACHE_FORMAT 1

struct hcache {
	char *path;
	struct strbuf *data; /* the file's bytes */
	struct oidmap *index; /* commit id -> offset + 1 in data */
	char header[128];
	size_t added; /* commits new in this run */
};

/* Loads the cache in `dir`; a missing or foreign file is an empty one. */
void hcache_load(struct hcache *c, const char *dir, uint64_t max_blob_size);
/*
 * True when the cache has a usable record of commit `id`: one exists,
 * and it looked for renames if they are wanted.
 */
int hcache_has(const struct hcache *c, const unsigned char *id,
	       int want_renames);
/*
 * Appends the cached changes of log->commits[i] to the log and returns
 * 1, or returns 0 when the cache has no usable record.
 */
int hcache_fill(struct hcache *c, struct hlog *log, size_t i, int want_renames);
/*
 * Rewrites the cache with the records it had and every mined commit of
 * the log. Returns 0, or <0 after a warning.
 */
int hcache_save(struct hcache *c, const struct hlog *log);
void hcache_release(struct hcache *c);

/*
 * The history summary (src/history/histsummary.c): the whole struct
 * history but the scan's figures, under <cache dir>/history-summary/,
 * one file per key, the HSUMMARY_KEEP newest kept. The key is a SHA-1
 * of all a summary depends on: the commits the revision names, the
 * options that shape it, carve.json, the .mailmap and attribute files,
 * and the scan's paths, modules and excluded files.
 */
#define HSUMMARY_FORMAT 2
#define HSUMMARY_KEEP 4

struct history;
struct history_options;
struct scan;

/*
 * Sets key (20 bytes) and shape (20 bytes: the key without the
 * revision, naming the state a summary can be extended with) for a history of `repo` read with `o` against
 * `scan`. Returns 0, or -1 when the revision does not resolve (the walk
 * reports it) and no summary applies.
 */
int hsummary_key(unsigned char *key, unsigned char *shape, git_repository *repo,
		 const struct scan *scan, const struct history_options *o);
/*
 * Reads the summary of `key` from `dir`: 0 with *out owned by the
 * caller (scan figures, root, rev, options and cache path unset), 1
 * when there is none or it is damaged (warned about).
 */
int hsummary_load(struct history **out, const char *dir,
		  const unsigned char *key);
/* Writes h as the summary of `key` in `dir`; 0 or <0 after a warning. */
int hsummary_save(const struct history *h, const char *dir,
		  const unsigned char *key);
/* The records alone, for hsummary_save and the fuzz target. */
void hsummary_encode(struct strbuf *sb, const struct history *h);
/* Reads records back: 0 with *out owned by the caller, -1 when bad. */
int hsummary_parse(struct history **out, const char *buf, size_t len);
/*
 * Sets each file's and module's figures from the scan (exists, code
 * lines, complexity, hotspots), as the summary leaves them out.
 */
void history_add_scan_figures(struct history *h, const struct scan *scan);

/*
 * Summing up, for history_run (src/history/authors.c, summary.c).
 */
struct config;
struct history;
struct history_coupling;
struct history_options;
struct scan;

/*
 * Resolves each person of the log through .mailmap into the authors of
 * h (one per name), assigns teams from carve.json "teams", and sets
 * person_author[i] for each log->people[i]. Returns 0, or <0 after
 * reporting a malformed "teams".
 */
int history_authors(struct history *h, git_repository *repo,
		    const struct hlog *log, const struct config *cfg,
		    uint32_t *person_author);

/*
 * Coupling counts being summed (src/history/coupling.c): per entity the
 * changes within the size limit, per pair the changes with both.
 */
struct hcouple_pair {
	uint64_t key; /* a << 32 | b, a < b */
	uint64_t shared; /* changes with both */
};

struct hcouple {
	struct u64map pairs; /* a << 32 | b (a < b) -> changes with both */
	/* or, read back or joined, the same as an array sorted by key
	 * (a pair is in one of the two): a third of the map's memory */
	struct hcouple_pair *sorted;
	size_t sorted_nr, sorted_alloc;
	size_t *revs; /* per entity */
	size_t revs_nr, revs_alloc;
	size_t changesets, large;
};

/* Counts one change: its `n` distinct entities, `size` files. */
void hcouple_add(struct hcouple *c, const uint32_t *set, size_t n, size_t size,
		 size_t max_changeset);
/* The pairs of the map, sorted by key (the caller frees them). */
struct hcouple_pair *hcouple_map_pairs(const struct hcouple *c, size_t *nr);
/* The pairs that pass the thresholds, strongest first. */
void hcouple_finish(struct history_coupling *out, const struct hcouple *c,
		    int min_revs, int min_shared, int min_coupling);
void hcouple_release(struct hcouple *c);

/*
 * What a summary can be extended with (src/history/histstate.c): with
 * it, a summary of HEAD' whose history holds the summarised HEAD is the
 * old summary plus the commits that are new, never a replay of them
 * all. Kept beside the summaries as <shape>.state, the shape a SHA-1 of
 * the summary's key without the revision.
 */
struct hstate_person {
	const char *name, *email; /* as the commits name them (UTF-8) */
	int64_t latest; /* their newest commit's committer time */
	uint32_t author; /* index into history.authors, HLOG_NONE: none */
};

struct hstate {
	unsigned char key[20]; /* the summary's key */
	char head[41];
	unsigned char *ids; /* the commits walked, sorted, 20 bytes each */
	size_t ids_nr;
	struct hstate_person *people; /* sorted by name, then email */
	size_t people_nr;
	struct hcouple coupling[2]; /* files, modules */
	int64_t *large_time; /* per history.large: committer time */
	size_t large_nr;
	const char **left_out; /* paths changed but not counted, sorted */
	size_t left_out_nr;
	struct arena arena;
};

void hstate_release(struct hstate *st);
/* Orders h->large and `time` (one per entry) newest first, then by id. */
void hstate_sort_large(struct history *h, int64_t *time);
/* Sets st->ids and st->people from the log (people_author: final). */
void hstate_from_log(struct hstate *st, const struct hlog *log,
		     const uint32_t *person_author);
/* Writes st as <dir>/history-summary/<shape>.state; 0 or <0 (warned). */
int hstate_save(const struct hstate *st, const char *dir,
		const unsigned char *shape);
/*
 * Reads the state of `shape`: 0 with *st filled, 1 when there is none
 * or it is damaged (warned about).
 */
int hstate_load(struct hstate *st, const char *dir, const unsigned char *shape);
/* The records alone, for hstate_save and the fuzz target. */
void hstate_encode(struct strbuf *sb, const struct hstate *st);
int hstate_parse(struct hstate *st, const char *buf, size_t len);

/*
 * Extends `old` (with its state) by `add`, the summary of the commits
 * that are new (with its state), both made with the same options: the
 * authors are resolved again over everyone, entities and shares summed
 * by name, coupling counts summed and the thresholds applied again.
 * Returns 0 with *out and *out_st set, or 1 when the two cannot be
 * joined exactly (an author the new people split or move to another
 * team, a file in another module): the caller replays instead, and
 * `why` says why. old_st's coupling counts are released once joined.
 */
int hstate_merge(struct history **out, struct hstate *out_st,
		 const struct history *old, struct hstate *old_st,
		 const struct history *add, const struct hstate *add_st,
		 git_repository *repo, const struct history_options *o,
		 const char **why);

/*
 * Whether h (with its state) would be summed up the same against `scan`:
 * every file kept and in its module, every path left out still left
 * out. 0, or 1 with *why.
 */
int history_check_paths(const struct history *h, const struct hstate *st,
			const struct scan *scan,
			const struct history_options *o, const char **why);

/*
 * Sums the log up per file and module of the scan, with coupling, for
 * the commits flagged for analysis. `messages` holds each commit's
 * message when grouping by ticket (else NULL). Fills st's coupling
 * counts and large_time. Returns 0 or <0.
 */
int history_summarise(struct history *h, const struct hlog *log,
		      const uint32_t *person_author, const struct scan *scan,
		      const struct history_options *o, const char **messages,
		      struct hstate *st);
/*
 * Orders h's authors by commits (then name), drops those without
 * commits, renumbers every share (ordering them again) and maps
 * `person_author` (nr entries) to the new numbers (HLOG_NONE for those
 * dropped).
 */
void history_sort_authors(struct history *h, uint32_t *person_author,
			  size_t nr);

#endif
