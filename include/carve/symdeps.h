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

/*
 * Without a compilation database, the commands that propose contexts
 * (seams and the commands built on it) guess the commands of a tree of
 * at most this many C/C++ source files (Bash 4.2: 251; about 0.1 s a
 * file on a first run, cached after): the library split of seams needs
 * symbol edges, worth a first run of seconds, not of minutes. carve scan
 * keeps --clang=auto to a compilation database.
 */
#define SYMDEPS_AUTO_GUESS_MAX 400

enum symdeps_mode {
	SYMDEPS_AUTO, /* on with a compilation database (and see above) */
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
