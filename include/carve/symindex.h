/*
 * The symbol index: definitions and references of every translation unit
 * in terms of files of the scan, and their resolution into symbol edges.
 * A reference goes to the file that defines its symbol, found through the
 * USR across translation units; without a definition in the repository,
 * to the file of the declaration used. Partial models (--shard) carry the
 * index so that `carve merge` can resolve across shards. A symindex owns
 * its strings (arena); symindex_release() frees all.
 */
#ifndef CARVE_SYMINDEX_H
#define CARVE_SYMINDEX_H

#include <stddef.h>

#include "carve/arena.h"
#include "carve/strmap.h"

struct scan;

/* What a symbol of a symbol edge is (libclang, src/scan/clang_*.c). */
enum symbol_kind {
	SYMBOL_FUNCTION, /* functions, C++ methods and function templates */
	SYMBOL_VARIABLE, /* variables with linkage */
	SYMBOL_TYPE, /* struct, union, enum, typedef, class, template */
	SYMBOL_CONSTANT, /* enumerators */
	SYMBOL_MACRO, /* macros of the repository */
};

/* "function", "variable", "type", "constant", "macro". */
const char *symbol_kind_name(enum symbol_kind kind);
/* The kind named `name`, or -1. */
int symbol_kind_parse(const char *name);

struct symdef {
	const char *usr;
	const char *name;
	enum symbol_kind kind;
	size_t file; /* index into scan->files */
};

struct symref {
	size_t from; /* index into scan->files */
	const char *usr;
	const char *name;
	enum symbol_kind kind;
	long target; /* definition the unit saw, or -1 */
	long decl; /* declaration used, or -1 */
	unsigned count;
};

struct symindex {
	struct symdef *defs;
	size_t defs_nr, defs_alloc;
	struct symref *refs;
	size_t refs_nr, refs_alloc;
	size_t unresolved; /* references to no file of the repository */
	struct strmap strings; /* interned USRs and names */
	struct arena arena;
};

#define SYMINDEX_INIT \
	{             \
		0     \
	}

/* Interns `s` in the index: one copy per distinct string. */
const char *symindex_intern(struct symindex *ix, const char *s);
void symindex_add_def(struct symindex *ix, const char *usr, const char *name,
		      enum symbol_kind kind, size_t file);
void symindex_add_ref(struct symindex *ix, const struct symref *ref);

/*
 * Sorts and merges duplicate definitions and references (sum of counts),
 * so that the index and its output are deterministic.
 */
void symindex_finish(struct symindex *ix);

/* How headers pair with implementation files (--pair-headers). */
enum {
	SYMINDEX_PAIR_NONE,
	SYMINDEX_PAIR_C, /* b.h with b.c (the default) */
	SYMINDEX_PAIR_ALL, /* also b.h, b.hpp with b.cc, b.cpp, b.cxx */
};

/*
 * Appends the DEP_SYMBOL edges of the index to scan->edges (and keeps
 * them sorted), with their symbols in scan->arena. With pairing, a
 * header and the implementation file beside it (b.h and b.c) are one
 * unit: both ends of an edge move from the header to its implementation.
 */
void symindex_edges(struct symindex *ix, struct scan *scan, int pair);

/*
 * The implementation file paired with header `file` under `mode`
 * (by_path: repository path -> index plus one), or -1.
 */
long symindex_pair(const struct scan *scan, const struct strmap *by_path,
		   size_t file, int mode);

void symindex_release(struct symindex *ix);

#endif
