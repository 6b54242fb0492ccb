/*
 * Dependency statements: what each language's lexer finds in a file's
 * bytes during the scan pass (#include, import, require, use, mod, ...),
 * before resolution to files of the repository or external packages.
 * A dep_list owns nothing: its strings live in the arena it was given.
 */
#ifndef CARVE_DEPS_H
#define CARVE_DEPS_H

#include <stddef.h>

struct arena;
struct language;

enum dep_kind {
	DEP_INCLUDE, /* C family #include / #import */
	DEP_IMPORT, /* Python, Go, Java, Kotlin, Scala, JS/TS import, C# using */
	DEP_REQUIRE, /* require(), require_relative, PHP require/include */
	DEP_USE, /* PHP use, Rust use */
	DEP_MOD, /* Rust mod x; */
	DEP_EXPORT, /* JS/TS export ... from */
	DEP_SYMBOL, /* C family: uses symbols defined there (libclang) */
};

/* What a symbol of a symbol edge is (libclang, src/scan/clang_*.c). */
enum symbol_kind {
	SYMBOL_FUNCTION, /* functions, C++ methods and function templates */
	SYMBOL_VARIABLE, /* variables with linkage */
	SYMBOL_TYPE, /* struct, union, enum, typedef, class, template */
	SYMBOL_CONSTANT, /* enumerators */
	SYMBOL_MACRO, /* macros of the repository */
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

/*
 * Appends the dependency statements of buf[0..len) (NUL-terminated at
 * len) written in `lang` to `out`; strings are allocated in `arena`.
 * Comments and strings are skipped; unterminated ones end at the end of
 * the buffer. Languages without a lexer add nothing.
 */
void deps_extract(struct dep_list *out, struct arena *arena,
		  const struct language *lang, const char *buf, size_t len);

/* Appends one reference (the lexers' helper); copies target and name. */
struct dep_ref *dep_list_add(struct dep_list *out, struct arena *arena,
			     enum dep_kind kind, const char *target,
			     size_t target_len, unsigned line);
void dep_list_release(struct dep_list *list);

/*
 * The per-language lexers behind deps_extract(), one file each in
 * src/scan/deps_<family>.c.
 */
void deps_c(struct dep_list *out, struct arena *arena, const char *buf,
	    size_t len);
void deps_python(struct dep_list *out, struct arena *arena,
		 const char *buf, size_t len);
void deps_go(struct dep_list *out, struct arena *arena, const char *buf,
	     size_t len);
void deps_java(struct dep_list *out, struct arena *arena,
	       const struct language *lang, const char *buf, size_t len);
void deps_js(struct dep_list *out, struct arena *arena, const char *buf,
	     size_t len);
void deps_ruby(struct dep_list *out, struct arena *arena, const char *buf,
	       size_t len);
void deps_php(struct dep_list *out, struct arena *arena, const char *buf,
	      size_t len);
void deps_csharp(struct dep_list *out, struct arena *arena,
		 const char *buf, size_t len);
void deps_rust(struct dep_list *out, struct arena *arena, const char *buf,
	       size_t len);
/*
 * Views and templates (LANG_VIEW), src/scan/deps_views.c. A Go template's
 * {{define "x"}} is a DEP_INCLUDE of x with DEP_DECLARES.
 */
void deps_views(struct dep_list *out, struct arena *arena,
		const struct language *lang, const char *buf, size_t len);

#endif
