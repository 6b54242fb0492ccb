/*
 * The scan: the inventory part of the model. scan_run() lists the files,
 * reads each once on a pool of threads, detects its language, counts its
 * lines and branch points, assigns its module, and sums it all up. A
 * struct scan owns every string it points to; scan_free() releases all.
 */
#ifndef CARVE_SCAN_H
#define CARVE_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "carve/exclude.h"
#include "carve/model_scan.h"

struct config;

struct scan_options {
	const char *path;       /* directory to scan */
	int threads;
	int untracked;          /* add untracked, not ignored files */
	int no_git;             /* walk the directory even inside git */
	uint64_t max_file_size;
	size_t max_files; /* more is an error; 0: SCAN_DEFAULT_MAX_FILES */
	int module_depth;       /* 0: from config, else language-aware */
	struct exclude_rules excludes;
	const struct config *config; /* may be NULL */
	const char *cache_dir;  /* NULL: <git dir>/carve */
	int no_cache;
	int no_deps;            /* skip dependency extraction */
	/* libclang (src/scan/clang_*.c): enum symdeps_mode, 0 is auto */
	int clang;
	/*
	 * auto without a compilation database: guessed commands when the
	 * tree has 1 to this many C/C++ sources (0: never). The commands
	 * that propose contexts set SYMDEPS_AUTO_GUESS_MAX; carve scan 0.
	 */
	size_t clang_guess_max;
	const char *compdb_dir; /* -p DIR, or NULL to look at the root */
	int pair_headers; /* 0 default (C pairs), -1 off, 1 C and C++ */
	unsigned shard_k, shard_n; /* --shard K/N, 0/0 for all */
};

/* Default --max-file-size: larger files are listed, not counted. */
#define SCAN_DEFAULT_MAX_FILE_SIZE (16ULL << 20)
/*
 * Default --max-files: a tree listing more files is refused (CARVE_ETOOBIG)
 * before any is read, with a message saying how to raise the limit.
 */
#define SCAN_DEFAULT_MAX_FILES 2000000

/*
 * Fills scan->blind (in the scan's arena) and warns of each blind spot
 * on stderr. Run after resolution; without it every language is blind.
 */
void scan_find_blind_spots(struct scan *scan);

/* Runs a scan; on success *out is owned by the caller (scan_free). */
int scan_run(struct scan **out, const struct scan_options *opts);

/*
 * Decodes every file's deps_cached into deps. A damaged record is a
 * warning naming the file (its statements are then left out).
 */
void scan_load_deps(struct scan *scan);

#endif
