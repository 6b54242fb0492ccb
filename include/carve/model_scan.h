/*
 * The scan part of the model (DESIGN.md, "files", "edges", "externals",
 * "modules", and the libclang part "clang"): the types src/scan/ fills
 * and every later layer reads, with their lifecycle and their names in
 * the model's JSON. scan_run() (carve/scan.h) makes one; the model's
 * reader (carve/model.h) makes one from a model file. A struct scan owns
 * every string it points to; scan_free() releases all.
 */
#ifndef CARVE_MODEL_SCAN_H
#define CARVE_MODEL_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "carve/arena.h"
#include "carve/symindex.h"

struct language;

/* Lines of one file or a sum of files (src/scan/linecount.c counts). */
struct line_counts {
	unsigned long lines; /* physical lines: code + comment + blank */
	unsigned long code;
	unsigned long comment;
	unsigned long blank;
	/* branch points (if, for, while, case, catch, &&, ||, ?:, ...) */
	unsigned long complexity;
};

/* Adds b's counts to a's. */
void linecount_add(struct line_counts *a, const struct line_counts *b);

enum dep_kind {
	DEP_INCLUDE, /* C family #include / #import */
	DEP_IMPORT, /* Python, Go, Java, Kotlin, Scala, JS/TS import, C# using */
	DEP_REQUIRE, /* require(), require_relative, PHP require/include */
	DEP_USE, /* PHP use, Rust use */
	DEP_MOD, /* Rust mod x; */
	DEP_EXPORT, /* JS/TS export ... from */
	DEP_SYMBOL, /* C family: uses symbols defined there (libclang) */
};

#define DEP_KIND_MAX DEP_EXPORT

/* Flags of struct dep_ref. */
enum {
	DEP_ANGLE = 1 << 0,       /* #include <...> */
	DEP_CONDITIONAL = 1 << 1, /* under #if/#ifdef, or Python try/except */
	DEP_TYPE_ONLY = 1 << 2,   /* TS `import type`, Python TYPE_CHECKING */
	DEP_LOCAL = 1 << 3,       /* inside a function (Python, JS) */
	DEP_DYNAMIC = 1 << 4,     /* import(), __import__, require(expr) */
	DEP_WILDCARD = 1 << 5,    /* Java a.b.*, Python from x import * */
	DEP_STATIC = 1 << 6,      /* Java import static */
	/*
	 * A declaration, no edge: C# namespace X (target X); a type of the
	 * Java family (target Outer.Inner, in the file's package) or of C#
	 * (target the namespace, name Outer.Inner).
	 */
	DEP_DECLARES = 1 << 7,
	/*
	 * A name used in code (Java family and C#: a type, maybe qualified,
	 * once per file), not a statement: resolved in its file's scope (its
	 * package or namespaces and imports); names of nothing in the
	 * repository (String, a local) are dropped, not unresolved. C#: name
	 * holds the enclosing namespace where it is used.
	 */
	DEP_REFERENCE = 1 << 8,
	DEP_GLOBAL = 1 << 9,      /* C# global using: every file below */
};
/* every flag above (a new last flag moves it): what a cache may hold */
#define DEP_FLAGS_ALL ((unsigned long)DEP_GLOBAL * 2 - 1)

struct dep_ref {
	enum dep_kind kind;
	unsigned flags;
	unsigned line;       /* 1-based line of the statement */
	/*
	 * The target as written: "stdio.h", "shop.orders.models",
	 * "./util", "github.com/x/y", "com.acme.Foo", "crate::a::b".
	 */
	const char *target;
	/*
	 * Python `from target import name`: each name is its own dep_ref with
	 * `name` set (it may be a submodule); NULL otherwise. Views: the
	 * Razor directive naming a type ("model", "inject", "inherits"), or
	 * what a Rails render names ("partial", "template").
	 */
	const char *name;
	int level; /* Python relative import: number of leading dots */
};

struct dep_list {
	struct dep_ref *refs;
	size_t nr, alloc;
};

#define DEP_LIST_INIT { NULL, 0, 0 }

void dep_list_release(struct dep_list *list);

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
	 * scancache_deps_hash() of deps as the scan cache wrote them (0: not
	 * known), for the resolution cache's key: a first scan encodes them
	 * once.
	 */
	unsigned long long deps_hash;
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
	/*
	 * the index's .gitattributes entries as the scan's file list read
	 * them (filelist.h: path, NUL, 20-byte blob id each), or NULL when
	 * it read no index (a model file, a tree outside git)
	 */
	char *gitattributes;
	size_t gitattributes_len;
	size_t cache_hits; /* files whose results came from the cache */
	/* what libclang did (symdeps.h), NULL when it did not run */
	struct symdeps *clang;
	/* languages carve reads but barely links (scan_find_blind_spots) */
	struct scan_blind *blind;
	size_t blind_nr;
	struct arena arena;
};

void scan_free(struct scan *scan);
/*
 * The folder of the scan's cache, where the caches built on the scan
 * live too (a new string), or NULL when the scan had no cache (a model
 * file, --no-cache, a tree outside git).
 */
char *scan_cache_dir(const struct scan *scan);

/* Short name of a status for output: "counted", "binary", ... */
const char *scan_status_name(enum file_status status);
/* The status named `name`, or -1. */
int scan_status_parse(const char *name);
/* qsort() order of struct scan_edge: by from, to, then kind. */
int scan_edge_cmp(const void *a, const void *b);
/* Computes the status counts, totals and language/module groups. */
void scan_summarise(struct scan *scan);

/* A diagnostic message and the number of units that reported it. */
struct symdeps_message {
	const char *text;
	size_t units;
};

struct symdeps {
	const char *compdb; /* the database read, NULL when guessed */
	const char *resource_dir;
	int guessed; /* commands guessed, no database */
	int pair_headers;
	unsigned shard_k, shard_n; /* 0/0: every unit */
	int partial; /* a shard: the model keeps the index for merging */
	size_t units; /* translation units of this run (shard) */
	size_t parsed, cached, failed, crashed;
	size_t errors, warnings; /* diagnostics summed over the units */
	size_t skipped_missing, skipped_outside, skipped_not_compiler,
		skipped_not_c, skipped_duplicates, relative_dirs;
	/* compiler arguments left out, commands naming an @file */
	size_t args_ignored, args_refused, response_files;
	const char **crashed_files; /* sorted */
	size_t crashed_nr;
	const char **failed_files; /* sorted */
	size_t failed_nr;
	struct symdeps_message *messages; /* by units, descending */
	size_t messages_nr;
	const char **guessed_dirs; /* include directories of guessed commands */
	size_t guessed_dirs_nr;
	size_t include_edges_added; /* include edges the lexer had missed */
	struct symindex index;
	struct arena arena;
};

void symdeps_free(struct symdeps *sd);

/* What a file is for, from its path (file_role(), carve/role.h). */
enum file_role {
	ROLE_CODE,
	ROLE_TEST, /* test directories and the test file names of each
		    * ecosystem: test_x.py, x_test.go, x.spec.ts, XTest.java */
	ROLE_MIGRATION, /* migrations/, db/migrate/, alembic/versions/ */
	ROLE_VIEW, /* templates: .html, .erb, .haml, .cshtml, .tmpl, .hbs ... */
	ROLE_DOCS, /* docs/, man/, Markdown, reStructuredText, README */
	ROLE_CONFIG, /* configuration and CI: YAML, TOML, INI, .github/ */
	ROLE_BUILD, /* Makefile, CMake, autoconf, Gradle, Maven, .csproj */
	ROLE_TRANSLATION, /* .po, .xlf, .resx, locale/ and i18n/ catalogs */
	ROLE_FIXTURE, /* fixtures/, test and sample data */
	ROLE_ASSET, /* style sheets, fonts and media */
	ROLE_DATA, /* CSV, JSON and SQL data files */
	ROLE_PLATFORM, /* a context only: non-code files beside no code */
	ROLE_NR,
};

/* "code", "tests", "migrations", "views", "docs", ... "platform" */
const char *file_role_name(enum file_role role);

#endif
