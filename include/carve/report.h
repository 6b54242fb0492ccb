/*
 * carve report: one self-contained HTML page from the parts of a model
 * (src/render/report*.c). Each section is one function in its own file;
 * the table in src/render/report.c lists them with the model part each
 * needs and the command that fills it, so a missing part gives a short
 * note naming that command instead of an empty chart. The report borrows
 * everything it points to.
 */
#ifndef CARVE_REPORT_H
#define CARVE_REPORT_H

#include <stddef.h>
#include <stdio.h>

struct api_report;
struct burndown;
struct check;
struct cJSON;
struct estimate;
struct roadmap;
struct data_report;
struct config;
struct graph;
struct model;
struct seams;

struct report {
	FILE *fp;
	const struct model *m; /* scan, history and assumptions */
	const struct seams *seams; /* the proposal, or NULL */
	const struct check *check; /* the rules' result, or NULL */
	const struct data_report *data; /* tables and owners, or NULL */
	const struct api_report *api; /* endpoints per context, or NULL */
	const struct config *cfg; /* carve.json (legacy/new), may be empty */
	const struct graph *modules; /* module graph (cycles), or NULL */
	const struct estimate *estimate; /* carve estimate's part, or NULL */
	const struct roadmap *roadmap; /* the schedule, to draw; or NULL */
	const struct cJSON *roadmap_part; /* "roadmap" as in -f json, or NULL */
	const struct burndown *burndown; /* carve burndown's, or NULL */
	/* when a part is absent: what to do to fill it, "set X in
	 * carve.json" (NULL: the section table's note) */
	const char *estimate_hint, *roadmap_hint, *burndown_hint;
	const char *source; /* what was read: a PATH or MODEL.json */
	size_t max_rows; /* rows per table before "N more" */
	size_t max_nodes; /* contexts drawn before the drawing collapses */
};

#define REPORT_MAX_ROWS 50
/* contexts drawn; past them the dependency structure matrix */
#define REPORT_MAX_NODES 15
/* contexts in the matrix; past them a note */
#define REPORT_MAX_DSM 150
/* characters of a path in a table cell before its middle is elided */
#define REPORT_PATH_MAX 56

/*
 * Writes the page: head (Content-Security-Policy, inline style), the
 * table of contents, every section, the appendix. Returns 0, or <0 after
 * reporting when a drawing could not be made.
 */
int report_write(struct report *r);

/* The sections, for report.c's table (src/render/report_<name>.c). */
int report_summary(struct report *r);
int report_inventory(struct report *r);
int report_graph(struct report *r);
/* The dependency structure matrix of the contexts (report_dsm.c). */
int report_dsm(struct report *r);
int report_cycles(struct report *r);
int report_history(struct report *r);
int report_contexts(struct report *r);
int report_check(struct report *r);
int report_data(struct report *r);
int report_api(struct report *r);
int report_appendix(struct report *r);
int report_estimate(struct report *r);
int report_roadmap(struct report *r);
int report_burndown(struct report *r);

/* Headline numbers of the planning parts, for the summary. */
void report_estimate_tiles(struct report *r);
void report_roadmap_tiles(struct report *r);
/* The "migrated" tile from the burndown's actual series; 0: none. */
int report_burndown_tile(struct report *r);
/* A summary tile: a value and what it is; an absent one says `cmd`. */
void report_tile(struct report *r, const char *value, const char *what);
void report_tile_absent(struct report *r, const char *what, const char *cmd);
/* An absent tile with what to do ("set ... in carve.json"). */
void report_tile_hint(struct report *r, const char *what, const char *hint);

/* Helpers shared by the sections (src/render/report.c). */

/* <table class=sortable> with its header row; align: 'l' or 'r' each. */
void report_table_begin(struct report *r, const char *align,
			const char *const *headers);
/* One row: cells escaped; right-aligned cells are numbers. */
void report_table_row(struct report *r, const char *align,
		      const char *const *cells);
/* Closes the table; `more` rows left out are counted below it. */
void report_table_end(struct report *r, size_t more, const char *where);
/* "N more rows not shown (where)." below a table or chart; 0: nothing. */
void report_more(struct report *r, size_t more, const char *where);
/* A short note (escaped) in the note style. */
void report_note(struct report *r, const char *text);
/*
 * A path or a name as <code>, never wrapped: past REPORT_PATH_MAX
 * characters its middle folders give way to an ellipsis, the whole path
 * in the title (shown on hover).
 */
void report_path(struct report *r, const char *path);
/* Text whose words over REPORT_PATH_MAX characters (paths) are elided
 * so, and whose lines break only between words. */
void report_words(struct report *r, const char *text);
/* A path in at most `max` characters (at least 8). */
void report_path_max(struct report *r, const char *path, size_t max);
/* Writes an SVG made by Graphviz inline: no prolog, scaled to fit. */
void report_inline_svg(struct report *r, const char *svg, size_t len,
		       const char *label);
/* "1,234" into a static-free buffer of 32 bytes. */
const char *report_num(char *buf, unsigned long long n);

#endif
