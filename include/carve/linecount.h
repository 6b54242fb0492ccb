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

#endif
