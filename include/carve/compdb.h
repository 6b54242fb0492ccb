/*
 * The translation units libclang parses: the entries of a compilation
 * database (compile_commands.json, read with libclang's
 * CXCompilationDatabase API) that compile a file of the scan, or, without
 * one, a command guessed for every C and C++ source file. A compdb owns
 * every string it points to; compdb_release() frees all.
 */
#ifndef CARVE_COMPDB_H
#define CARVE_COMPDB_H

#include <stddef.h>

#include "carve/arena.h"

struct scan;
struct strmap;

struct compdb_entry {
	const char *file; /* repository path of the main file */
	size_t scan_index; /* its index in scan->files */
	const char *directory; /* absolute working directory */
	/* for clang_parseTranslationUnit2FullArgv: the compiler first */
	const char **argv;
	int argc;
	char key[41]; /* SHA-1 of directory, arguments and resource dir */
	size_t order; /* position in the database: the first of a file wins */
};

struct compdb {
	char *path; /* compile_commands.json read, NULL when guessed */
	const char *resource_dir; /* clang's builtin headers (static) */
	struct compdb_entry *entries; /* sorted by file */
	size_t nr, alloc;
	/* entries left out, by reason */
	size_t missing; /* the file does not exist */
	size_t outside; /* outside the scanned tree, or not scanned */
	size_t not_compiler; /* the command runs no C/C++ compiler */
	size_t not_c; /* the file is no C or C++ of the scan */
	size_t duplicates; /* a file compiled again: the first is kept */
	size_t relative_dirs; /* "directory" relative: taken from the file's */
	/* arguments left out of the commands kept (see compdb_filter_args) */
	size_t args_ignored; /* outputs and code generation: -c, -o, -MF */
	size_t args_refused; /* not on the allow-list: -Xclang, -Wp, @file */
	size_t response_files; /* commands left out: they name an @file */
	/* guessed commands: the include directories and defines used */
	const char **guessed_dirs;
	size_t guessed_dirs_nr;
	struct arena arena;
};

#define COMPDB_INIT \
	{           \
		0   \
	}

/*
 * The resource directory of the libclang carve is linked with (where
 * stddef.h and stdarg.h live), checked once; NULL when none holds them.
 */
const char *compdb_resource_dir(void);

/*
 * Maps the repository paths of `scan` that a command may compile
 * (counted or unknown files) to their indexes plus one.
 */
void compdb_map_paths(const struct scan *scan, struct strmap *by_path);

/*
 * Finds compile_commands.json in `dir` (-p), or else at the scanned
 * directory, the root, or their build/ directories, and loads the entries
 * that compile files of `scan` (by_path, empty, is filled by
 * compdb_map_paths() once a database is found). Returns 0, CARVE_ENOTFOUND when there is none (reported only
 * for `dir`), CARVE_EINVALID after a warning when libclang cannot load
 * it, or CARVE_ERR after an error when libclang or its builtin headers
 * cannot be found (a broken installation).
 */
int compdb_load(struct compdb *db, const struct scan *scan,
		struct strmap *by_path, const char *dir);

/*
 * Without a database: one command per C and C++ source file of the scan,
 * with the include directories its #include lines resolve to and
 * -D_GNU_SOURCE. Returns 0, or CARVE_ERR as compdb_load().
 */
int compdb_guess(struct compdb *db, const struct scan *scan);

/* How many commands compdb_guess() would make: the C and C++ sources. */
size_t compdb_guess_units(const struct scan *scan);

/* Arguments for libclang, built by compdb_filter_args(). */
struct compdb_args {
	const char **argv; /* in the arena of the call */
	size_t nr, alloc;
	size_t ignored; /* build outputs, code generation, other inputs */
	size_t refused; /* anything else not on the allow-list */
};

/*
 * The compiler arguments raw[1..nr) of a command run in `dir`, through an
 * allow-list, appended to out after "clang" or "clang++" (raw[0] decides):
 * include directories (-I, -isystem, -iquote, -idirafter) that resolve
 * inside `root` or a system include directory, -include and -imacros of
 * regular files inside `root`, -D, -U, -std, -x, -ansi, -pedantic,
 * warnings (-W without a comma, -w), target and machine options
 * (-target, -m but -mllvm), a few language -f options and -O. Paths come
 * out absolute. Everything else is left out and counted: whatever names
 * an output, a dependency file, a plugin, a response file or a
 * pass-through (-Xclang, -Wp, -mllvm) is never passed. The main file is
 * appended by the caller: input files of raw are left out.
 */
void compdb_filter_args(struct compdb_args *out, struct arena *a,
			const char *root, const char *dir,
			const char *const *raw, size_t nr);

/* Keeps only the entries of slice k (1-based) of n, in file order. */
void compdb_shard(struct compdb *db, unsigned k, unsigned n);

/* True when argv0 names a C or C++ compiler (gcc, clang++, cc-12, ...). */
int compdb_is_compiler(const char *argv0);

void compdb_release(struct compdb *db);

#endif
