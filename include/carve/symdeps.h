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

#include "carve/model_scan.h"

struct scan;
struct scan_options;

enum symdeps_mode {
	SYMDEPS_AUTO, /* on when a compilation database is found */
	SYMDEPS_ON, /* on; guessed commands without a database */
	SYMDEPS_OFF,
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

#endif
