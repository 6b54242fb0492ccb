/*
 * One translation unit as libclang sees it: the files it read, the
 * #include directives of repository files, the definitions made in
 * repository files and every reference from a repository file to a
 * declaration (calls, DeclRefExpr, TypeRef, MemberRef, expansions of
 * repository macros), with the diagnostics counted. A struct tu owns
 * everything it points to (its arena); tu_release() frees all.
 */
#ifndef CARVE_TU_H
#define CARVE_TU_H

#include <stddef.h>

#include "carve/arena.h"
#include "carve/model_scan.h"

struct compdb_entry;
struct scan;
struct strmap;

enum tu_status {
	TU_PARSED, /* parsed, maybe with errors (counted) */
	TU_FAILED, /* libclang could not parse it at all */
	TU_CRASHED, /* libclang crashed on it (its crash recovery caught it) */
};

/* A file the unit read; the cache checks each stamp before reuse. */
struct tu_file {
	const char *path; /* repository path, else absolute */
	long file; /* index into scan->files, or -1 */
	/* git blob id for files of the scan, "size:mtime-ns" otherwise */
	char stamp[48];
};

struct tu_symbol {
	const char *usr;
	const char *name;
	enum symbol_kind kind;
};

/* Symbol `sym` is defined in file `file` (indexes into the tu). */
struct tu_def {
	unsigned sym, file;
};

/*
 * File `from` refers to symbol `sym` `count` times. `target` is the file
 * holding the definition when the unit saw it, `decl` the file of the
 * declaration used; -1 when none or not a repository file.
 */
struct tu_ref {
	unsigned from, sym;
	int target, decl;
	unsigned count;
};

/* Repository file `from` includes repository file `to`. */
struct tu_include {
	unsigned from, to;
};

struct tu {
	const char *main; /* repository path of the main file */
	enum tu_status status;
	int cached; /* read from the cache, not parsed */
	unsigned errors, warnings;
	const char **messages; /* the first few errors, without location */
	size_t messages_nr;
	struct tu_file *files;
	size_t files_nr, files_alloc;
	struct tu_symbol *syms;
	size_t syms_nr, syms_alloc;
	struct tu_def *defs;
	size_t defs_nr, defs_alloc;
	struct tu_ref *refs;
	size_t refs_nr, refs_alloc;
	struct tu_include *incs;
	size_t incs_nr, incs_alloc;
	struct arena arena;
};

/* How many error messages a unit keeps for the summary. */
#define TU_MAX_MESSAGES 4

/* What tu_parse needs to know about the scan, shared by every worker. */
struct tu_context {
	const struct scan *scan;
	const struct strmap *by_path; /* repository path -> index plus one */
	const char *root; /* real path of the work tree */
	/*
	 * libclang's virtual file system (-ivfsoverlay): every file a unit
	 * may open, NULL for none (tests)
	 */
	const char *overlay;
};

/*
 * Parses entry `e` with `index` (a CXIndex, one per thread) into `tu`
 * (zeroed by the caller). A unit that fails or crashes is recorded with
 * its status, never an error: returns 0.
 */
int tu_parse(struct tu *tu, void *index, const struct compdb_entry *e,
	     const struct tu_context *ctx);

/* Adds a symbol (strings copied), returning its index; no dedup. */
unsigned tu_add_symbol(struct tu *tu, const char *usr, const char *name,
		       enum symbol_kind kind);
/* Adds a file (path copied), returning its index. */
unsigned tu_add_file(struct tu *tu, const char *path, long file,
		     const char *stamp);
/* Keeps message `msg` (copied) when fewer than TU_MAX_MESSAGES are kept. */
void tu_add_message(struct tu *tu, const char *msg);

void tu_release(struct tu *tu);

struct symindex;
/* Adds the definitions and references of a parsed unit. */
void symindex_add_tu(struct symindex *ix, const struct tu *tu);

#endif
