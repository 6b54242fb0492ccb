/*
 * carve scan in other line counters' JSON, so what reads their output
 * reads carve's (src/render/scan_cloc.c).
 */
#ifndef CARVE_SCAN_CLOC_H
#define CARVE_SCAN_CLOC_H

#include <stdio.h>

struct scan;

/*
 * cloc --json: "header" (n_files, n_lines; cloc_version names the
 * shape, 1.96; timings are 0, as carve's output is deterministic), one
 * object per language under cloc's name (nFiles, blank, comment, code)
 * by code, most first, then "SUM". Counted files, less the empty ones
 * cloc ignores.
 */
void scan_print_cloc(FILE *fp, const struct scan *s);

/*
 * tokei --output json: one object per language under tokei's name
 * (blanks, code, comments, reports of the files, children, inaccurate),
 * then "Total". A language tokei has no name for is left out with a
 * warning, as tokei --input would reject the whole file.
 */
void scan_print_tokei(FILE *fp, const struct scan *s);

#endif
