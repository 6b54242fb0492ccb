/*
 * Dependency statements: what each language's lexer finds in a file's
 * bytes during the scan pass (#include, import, require, use, mod, ...),
 * before resolution to files of the repository or external packages.
 * A dep_list owns nothing: its strings live in the arena it was given.
 */
#ifndef CARVE_DEPS_H
#define CARVE_DEPS_H

#include <stddef.h>

#include "carve/model_scan.h"

struct arena;
struct language;
struct line_counts;

/*
 * Appends the dependency statements of buf[0..len) (NUL-terminated at
 * len) written in `lang` to `out`; strings are allocated in `arena`.
 * Comments and strings are skipped; unterminated ones end at the end of
 * the buffer. Languages without a lexer add nothing.
 */
void deps_extract(struct dep_list *out, struct arena *arena,
		  const struct language *lang, const char *buf, size_t len);

/*
 * deps_extract() and linecount_buffer(counts, lang, buf, len) in one
 * pass over the bytes, for the languages whose lexer follows the line
 * counter (Go): returns 1 when both are done, 0 when nothing was (the
 * caller calls both).
 */
int deps_extract_counting(struct dep_list *out, struct arena *arena,
			  const struct language *lang, const char *buf,
			  size_t len, struct line_counts *counts);

/* Appends one reference (the lexers' helper); copies target and name. */
struct dep_ref *dep_list_add(struct dep_list *out, struct arena *arena,
			     enum dep_kind kind, const char *target,
			     size_t target_len, unsigned line);

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
/*
 * deps_go() (buf[len] must be '\0', as deps_extract()'s is: the body
 * is lexed by the line counter, which stops there), and with counts
 * the line counts (lang Go) of
 * cbuf[0..clen), the file before deps_extract() skipped a byte-order
 * mark, in the same pass (linecount_follow()).
 */
void deps_go_counting(struct dep_list *out, struct arena *arena,
		      const char *buf, size_t len, const struct language *lang,
		      const char *cbuf, size_t clen,
		      struct line_counts *counts);
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
