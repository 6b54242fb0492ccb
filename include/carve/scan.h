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

#include "carve/arena.h"
#include "carve/deps.h"
#include "carve/exclude.h"
#include "carve/linecount.h"

struct config;
struct language;
struct symdeps;

enum file_status {
	FILE_COUNTED,    /* a known language, lines counted */
	FILE_UNKNOWN,    /* text in no known language: lines only */
	FILE_BINARY,
	FILE_EXCLUDED,   /* see reason */
	FILE_TOO_BIG,    /* over --max-file-size */
	FILE_UNREADABLE, /* vanished or unreadable: see reason */
	FILE_SYMLINK,
	FILE_SUBMODULE,
	FILE_SPECIAL,    /* FIFO, socket or device */
};

struct scan_file {
	const char *path;   /* relative to the work tree root */
	const struct language *lang; /* NULL unless detected */
	const char *module; /* NULL for files not counted */
	const char *package; /* declared package (Java family), or NULL */
	enum file_status status;
	const char *reason; /* why excluded or unreadable, else NULL */
	uint64_t size;
	char blob[41];      /* git blob id of the content read, or "" */
	int untracked;
	struct line_counts counts;
	struct dep_list deps; /* dependency statements as written */
	/*
	 * The statements as the scan cache holds them, not yet decoded into
	 * deps (NULL when read afresh or decoded): scan_load_deps() decodes
	 * them, which resolution does only when its own cache misses.
	 */
	const char *deps_cached;
	/*
	 * A C/C++ header's implementation file anywhere in the tree, when
	 * both stems are unique (include/lib/x.h and src/x.c): 1 + its
	 * index, or 0. The model's "pair"; seams keeps the two together.
	 */
	size_t pair;
};

/* One symbol a symbol edge's source file uses from its target. */
struct scan_symbol {
	const char *name; /* spelling: "kv_get" */
	const char *usr; /* libclang's Unified Symbol Resolution */
	enum symbol_kind kind;
};

/*
 * A language with a dependency lexer whose code files (tests and
 * migrations aside) carve counted but hardly links: at least
 * SCAN_BLIND_MIN_FILES files and fewer than one edge from them (to a
 * file of the repository) per SCAN_BLIND_FILES_PER_EDGE files, or
 * SCAN_BLIND_ISOLATED percent of them in no edge at all (healthy
 * repositories measure 1-11%: gitea's Go, netbox's Python, mastodon's
 * JS; mastodon's Ruby before constants were followed: 94%). Its graph,
 * seams and checks see next to nothing of it.
 */
struct scan_blind {
	const char *language;
	size_t files, edges, isolated;
	/* "1,200 Ruby files (tests aside), 3 dependencies, 1,197 files
	 * linked to none: <cause>" (in the scan's arena) */
	const char *text;
};
#define SCAN_BLIND_MIN_FILES 20
#define SCAN_BLIND_FILES_PER_EDGE 10
#define SCAN_BLIND_ISOLATED 75

/* A dependency between two files, all references of one kind summed. */
struct scan_edge {
	size_t from, to;  /* indexes into files */
	enum dep_kind kind;
	unsigned flags;   /* DEP_* flags shared by every reference */
	unsigned weight;  /* number of references */
	/* DEP_SYMBOL: the symbols used, sorted by kind and name (arena) */
	struct scan_symbol *symbols;
	size_t symbols_nr;
};

/* A package outside the repository and how much the code uses it. */
struct scan_external {
	const char *name;
	size_t refs;  /* references */
	size_t files; /* files that use it */
	int stdlib; /* the language's or platform's standard library */
};

/* Per-language or per-module totals of counted files. */
struct scan_group {
	const char *name;
	size_t files;
	struct line_counts counts;
};

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
	const char *compdb_dir; /* -p DIR, or NULL to look at the root */
	int pair_headers; /* 0 default (C pairs), -1 off, 1 C and C++ */
	unsigned shard_k, shard_n; /* --shard K/N, 0/0 for all */
};

struct scan {
	char *root;        /* absolute root of the work tree or directory */
	char *prefix;      /* scanned sub-directory, "" for the whole tree */
	int is_git;
	char head[41];
	char *branch;
	char scanned_at[32]; /* UTC, ISO 8601 */
	const char *module_rule;
	uint64_t max_file_size;
	struct scan_file *files; /* sorted by path */
	size_t nr;
	size_t status_count[FILE_SPECIAL + 1];
	struct scan_group *languages; /* by code lines, descending */
	size_t languages_nr;
	struct scan_group *modules;   /* by code lines, descending */
	size_t modules_nr;
	struct line_counts total;     /* all counted files */
	struct scan_edge *edges; /* sorted by (from, to, kind) */
	size_t edges_nr;
	struct scan_external *externals; /* by references, descending */
	size_t externals_nr;
	size_t unresolved; /* references to neither a file nor a package */
	char *cache_path;  /* the scan cache used, NULL for none */
	char *cache_text; /* the cache file's text, which deps_cached points into */
	size_t cache_hits; /* files whose results came from the cache */
	/* what libclang did (symdeps.h), NULL when it did not run */
	struct symdeps *clang;
	/* languages carve reads but barely links (scan_find_blind_spots) */
	struct scan_blind *blind;
	size_t blind_nr;
	struct arena arena;
};

/*
 * Fills scan->blind (in the scan's arena) and warns of each blind spot
 * on stderr. Run after resolution; without it every language is blind.
 */
void scan_find_blind_spots(struct scan *scan);

/* Default --max-file-size: larger files are listed, not counted. */
#define SCAN_DEFAULT_MAX_FILE_SIZE (16ULL << 20)
/*
 * Default --max-files: a tree listing more files is refused (CARVE_ETOOBIG)
 * before any is read, with a message saying how to raise the limit.
 */
#define SCAN_DEFAULT_MAX_FILES 2000000

/* Runs a scan; on success *out is owned by the caller (scan_free). */
int scan_run(struct scan **out, const struct scan_options *opts);
void scan_free(struct scan *scan);

/* Short name of a status for output: "counted", "binary", ... */
const char *scan_status_name(enum file_status status);
/* The status named `name`, or -1. */
int scan_status_parse(const char *name);
/* qsort() order of struct scan_edge: by from, to, then kind. */
int scan_edge_cmp(const void *a, const void *b);
/*
 * Decodes every file's deps_cached into deps. A damaged record is a
 * warning naming the file (its statements are then left out).
 */
void scan_load_deps(struct scan *scan);
/* Computes the status counts, totals and language/module groups. */
void scan_summarise(struct scan *scan);

#endif
