/*
 * Counting code, comment and blank lines and branch points in one pass
 * over a file's bytes, with a state machine per syntax family. No regular
 * expressions, no allocation.
 *
 * A line is blank when it holds only white space (also inside a comment
 * or string, as cloc counts); a comment line when everything else on it
 * is comment (Python triple-quoted strings count as comment, as in cloc);
 * otherwise code, including code followed by a comment.
 */
#ifndef CARVE_LINECOUNT_H
#define CARVE_LINECOUNT_H

#include <stddef.h>

#include "carve/model_scan.h"

struct language;

/*
 * Counts buf[0..len) written in `lang` into *out (overwritten). buf[len]
 * must be '\0' (a strbuf's is): the counter stops there, not at a length.
 */
void linecount_buffer(struct line_counts *out, const struct language *lang,
		      const char *buf, size_t len);

/*
 * What a dependency lexer follows during a count, so that it need not
 * pass over the bytes again (linecount_follow()). In code at or after
 * `from`: each newline whose next byte has its entry set in line_first
 * calls line() with p after it and the number of the line it starts;
 * each '.' after `from` whose bytes before and after have their entries
 * set in dot_prev and dot_next calls dot() with p at it; with comment
 * set, each line comment calls comment() with p at its first byte.
 * line() may change line_first; the rest stays as it was at the start.
 * No dot_prev: no dot calls.
 */
struct linecount_hook {
	const char *from;
	/* 256 entries each */
	const unsigned char *line_first, *dot_prev, *dot_next;
	void (*line)(void *ctx, const char *p, unsigned line);
	void (*dot)(void *ctx, const char *p);
	void (*comment)(void *ctx, const char *p);
	void *ctx;
};

/*
 * linecount_buffer(), calling hk's functions as the count goes (C-like
 * syntaxes, where '.' is punctuation). The counts are the same.
 */
void linecount_follow(struct line_counts *out, const struct language *lang,
		      const char *buf, size_t len,
		      const struct linecount_hook *hk);

#endif
