/*
 * Precise C/C++ dependencies with libclang: after the lexical scan,
 * symdeps_run() parses the translation units of the compilation database
 * on -j threads (one CXIndex each), with a per-unit cache, resolves every
 * reference to the file that defines its symbol, and adds symbol edges
 * (and the include edges the lexer missed) to the scan. What it did is
 * kept in a struct symdeps that the scan owns (scan->clang).
 */
#ifndef CARVE_SYMDEPS_H
#define CARVE_SYMDEPS_H

#include <stddef.h>

#include "carve/symindex.h"

struct scan;
struct scan_options;

enum symdeps_mode {
	SYMDEPS_AUTO, /* on when a compilation database is found */
	SYMDEPS_ON, /* on; guessed commands without a database */
	SYMDEPS_OFF,
};

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

/* How many distinct diagnostic messages the summary keeps. */
#define SYMDEPS_TOP_MESSAGES 10

/*
 * Runs libclang over the scan as opts says (clang, compdb_dir,
 * pair_headers, shard_k/shard_n, threads, cache) and sets scan->clang
 * when it ran. Returns 0 (also when there was nothing to do), or <0
 * after reporting: -p names no database, or libclang's builtin headers
 * cannot be found (a broken installation, never a warning).
 */
int symdeps_run(struct scan *scan, const struct scan_options *opts);

/* Parses "auto", "on" or "off"; returns the mode or -1. */
int symdeps_mode_parse(const char *arg);

void symdeps_free(struct symdeps *sd);

#endif
