/*
 * carve history's printers: text, CSV and code-maat's CSV analyses of
 * the history part of a model. They only read what they are given.
 */
#ifndef CARVE_HISTORY_TEXT_H
#define CARVE_HISTORY_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct history;
struct model;

/* code-maat's analyses (-f code-maat --analysis NAME) */
enum history_analysis {
	HISTORY_ANALYSIS_REVISIONS,
	HISTORY_ANALYSIS_COUPLING,
	HISTORY_ANALYSIS_AUTHORS,
	HISTORY_ANALYSIS_OWNERSHIP,
};

/* Writes t as YYYY-MM-DD (UTC) into buf, or "-" for none. */
void history_format_date(char *buf, size_t size, int64_t t);

/*
 * The text summary of m's history: totals, hotspots and coupling per
 * file and per module, ownership, teams (top rows of each), assumptions.
 */
void history_print_text(FILE *fp, const struct model *m, size_t top);

/* One CSV row per file (or module) with its churn and authors. */
void history_print_csv(FILE *fp, const struct history *h, int modules);

/* The CSV of one code-maat analysis, as code-maat writes it. */
void history_print_code_maat(FILE *fp, const struct history *h, int modules,
			     enum history_analysis analysis);

#endif
