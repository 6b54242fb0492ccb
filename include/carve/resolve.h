/*
 * Resolution: turns each dependency statement of the scan into edges to
 * files of the repository, or into an external package. One resolver per
 * language family (src/scan/resolve_<family>.c), sharing the index of the
 * scanned files built here. Resolution runs on one thread, after the
 * parallel read, so a family may cache what it works out in its state
 * (the Python module memo, tsconfig.json files read on demand).
 */
#ifndef CARVE_RESOLVE_H
#define CARVE_RESOLVE_H

#include <stddef.h>

#include "carve/arena.h"
#include "carve/strmap.h"

struct depcache_inputs;
struct dep_ref;
struct language;
struct scan;
struct scan_file;
struct strbuf;

/* What one dependency statement resolved to. */
struct resolve_out {
	size_t *files;        /* indexes into scan->files (Go: a package) */
	size_t nr, alloc;
	const char *external; /* package name when outside the repo, or NULL */
	/*
	 * Set when a statement without files or package is no loss: a
	 * wildcard or a using of a repository package (only the names used
	 * make edges), a name of no type of the repository.
	 */
	int quiet;
};

struct resolver {
	const struct scan *scan;
	/*
	 * repository path -> index into scan->files, plus one; directory
	 * path ("" for the root) -> struct resolve_dir. Built when first
	 * needed (resolver_file(), resolver_dir(), resolver_dirs()).
	 */
	struct strmap by_path;
	struct strmap by_dir;
	int paths_indexed, dirs_indexed;
	/*
	 * the languages of the scan's files, each once, and whether a
	 * counted file has it: a family without files skips its prepare
	 */
	struct resolve_lang *langs;
	size_t langs_nr, langs_alloc;
	struct arena arena;
	/* configuration files read, for the resolution cache (or NULL) */
	struct depcache_inputs *inputs;
	/* per-family state, set up by each family's prepare function */
	void *c, *python, *go, *java, *js, *ruby, *php, *csharp, *rust;
	void *views; /* resolve_views.c */
	/* resolve_dep()'s last language and its family's resolver */
	const struct language *family_lang;
	void (*family)(struct resolver *r, size_t from, const struct dep_ref *d,
		       struct resolve_out *out);
};

struct resolve_lang {
	const struct language *lang;
	int counted; /* a file of the language is FILE_COUNTED */
};

/*
 * A set of files (indexes into scan->files) as the C# and view indexes
 * keep them: in the order added, each once when a file's additions come
 * together; held inline while there is one (most names have one).
 */
struct resolve_files {
	size_t *files; /* &one while there is one */
	size_t nr, alloc;
	size_t one;
};

/* Adds file unless it is the last one added. */
void resolve_files_push(struct resolve_files *f, size_t file);
/* Adds every file of f (may be NULL) to out; whether f had any. */
int resolve_files_out(struct resolve_out *out, const struct resolve_files *f);
/* Frees what f holds beyond itself. */
void resolve_files_release(struct resolve_files *f);

/* The files of one directory, for package-level resolution. */
struct resolve_dir {
	size_t *files;
	size_t nr, alloc;
};

/*
 * Resolves every dependency statement of the scan into scan->edges
 * (weighted, sorted) and scan->externals. With cache_dir set, reuses
 * the last result when nothing it depends on changed (depcache.h) and
 * otherwise saves the new one there. Returns 0 or <0.
 */
int resolve_scan(struct scan *scan, const char *cache_dir);

/* Builds the indexes and calls every family's prepare function. */
int resolver_init(struct resolver *r, const struct scan *scan,
		  struct depcache_inputs *inputs);
void resolver_release(struct resolver *r);

/*
 * strbuf_read_file() for a configuration file a family reads (or looks
 * for): noted for the resolution cache, present or not.
 */
int resolver_read_file(const struct resolver *r, struct strbuf *sb,
		       const char *path, size_t max);
/* Index of the counted file at repository path `path`, or -1. */
long resolver_file(const struct resolver *r, const char *path);
/* The files of directory `dir` ("" for the root), or NULL. */
const struct resolve_dir *resolver_dir(const struct resolver *r,
				       const char *dir);
/*
 * Whether a file of the scan (a counted one when `counted` is set) is
 * of the language named `name`.
 */
int resolver_has_lang(const struct resolver *r, const char *name, int counted);
/* Every directory of a resolvable file -> struct resolve_dir. */
const struct strmap *resolver_dirs(const struct resolver *r);
/* Adds file index `file` to out (no duplicates). */
void resolve_out_add(struct resolve_out *out, size_t file);
/* Sets out's external package (copied into the resolver's arena). */
void resolve_out_external(struct resolver *r, struct resolve_out *out,
			  const char *name, size_t len);

/*
 * Resolves dependency `d` of file `from` into `out` (reset by the caller).
 * Dispatches on the file's language family.
 */
void resolve_dep(struct resolver *r, size_t from, const struct dep_ref *d,
		 struct resolve_out *out);

/*
 * Each family: prepare (read go.mod, tsconfig.json, compile_commands.json,
 * find source roots, index declared types; warnings name the file and
 * line of a malformed config and go on), resolve one reference, release.
 * prepare returns 0 or a negative code; a family with nothing to do
 * leaves its state NULL.
 */
int resolve_c_prepare(struct resolver *r);
/*
 * Sets scan_file.pair of each counted C/C++ header x.h (.hh, .hpp, .hxx)
 * whose stem no other header has, when exactly one counted x.c (.cc,
 * .cpp, .cxx) exists in the tree. Needs no dependency statements.
 */
void resolve_c_pairs(struct scan *scan);
void resolve_c(struct resolver *r, size_t from, const struct dep_ref *d,
	       struct resolve_out *out);
void resolve_c_release(struct resolver *r);

int resolve_python_prepare(struct resolver *r);
void resolve_python(struct resolver *r, size_t from, const struct dep_ref *d,
		    struct resolve_out *out);
void resolve_python_release(struct resolver *r);

int resolve_js_prepare(struct resolver *r);
void resolve_js(struct resolver *r, size_t from, const struct dep_ref *d,
		struct resolve_out *out);
void resolve_js_release(struct resolver *r);

int resolve_go_prepare(struct resolver *r);
void resolve_go(struct resolver *r, size_t from, const struct dep_ref *d,
		struct resolve_out *out);
void resolve_go_release(struct resolver *r);

int resolve_java_prepare(struct resolver *r);
void resolve_java(struct resolver *r, size_t from, const struct dep_ref *d,
		  struct resolve_out *out);
void resolve_java_release(struct resolver *r);

int resolve_ruby_prepare(struct resolver *r);
void resolve_ruby(struct resolver *r, size_t from, const struct dep_ref *d,
		  struct resolve_out *out);
void resolve_ruby_release(struct resolver *r);

int resolve_php_prepare(struct resolver *r);
void resolve_php(struct resolver *r, size_t from, const struct dep_ref *d,
		 struct resolve_out *out);
void resolve_php_release(struct resolver *r);

int resolve_csharp_prepare(struct resolver *r);
void resolve_csharp(struct resolver *r, size_t from,
		    const struct dep_ref *d, struct resolve_out *out);
void resolve_csharp_release(struct resolver *r);
/*
 * The files that declare C# type `name` (Namespace.Type, nested
 * Namespace.Outer.Inner; a type of the global namespace by its name),
 * in scan order, each once; *nr is 0 when none does.
 */
const size_t *resolve_csharp_type(const struct resolver *r, const char *name,
				  size_t *nr);

int resolve_rust_prepare(struct resolver *r);
void resolve_rust(struct resolver *r, size_t from, const struct dep_ref *d,
		  struct resolve_out *out);
void resolve_rust_release(struct resolver *r);

/*
 * Views and templates (LANG_VIEW): partials, layouts and includes to
 * template files, Razor types through C# namespaces, component scripts
 * through the JavaScript resolver.
 */
int resolve_views_prepare(struct resolver *r);
void resolve_views(struct resolver *r, size_t from, const struct dep_ref *d,
		   struct resolve_out *out);
void resolve_views_release(struct resolver *r);

#endif
