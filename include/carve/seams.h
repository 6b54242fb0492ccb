/*
 * A proposal of bounded contexts (candidate services): the files of
 * each, its metrics, its seam (the dependencies that cross into and out
 * of it, grouped by the other context), the cycles between contexts with
 * their lightest cuts, whole-proposal metrics, and the first-extraction
 * ranking. seams_propose() builds it from a scan; a struct seams owns
 * everything it points to except the scan's strings, which it borrows.
 */
#ifndef CARVE_SEAMS_H
#define CARVE_SEAMS_H

#include <stddef.h>
#include <stdio.h>

#include "carve/role.h"
#include "carve/seams_graph.h"

struct cJSON;
struct compare_result;
struct history;
struct config;
struct scan;

/* Code lines of one language within a context. */
struct seams_lang {
	const char *name;
	size_t files;
	unsigned long code;
};

/* A file imported across a seam, and how often. */
struct seams_target {
	const char *path;
	unsigned long refs;
};

/* The static dependencies from context `from` into context `to`. */
struct seams_crossing {
	size_t from, to;
	unsigned long refs; /* references */
	size_t edges; /* file-to-file edges */
	struct seams_target *targets; /* files of `to` imported, most first */
	size_t targets_nr;
	/* with libclang: the symbols of `to` used (path is the symbol's
	 * name, refs the importing files using it), most used first */
	struct seams_target *symbols;
	size_t symbols_nr;
	int cut; /* suggested cut of a cycle between contexts */
};

/* An author's (or team's) share of the lines added to a context. */
struct seams_owner {
	const char *name; /* borrowed from the history */
	double share;     /* 0 to 1 */
};

#define SEAMS_OWNERS 3

/* Components of the first-extraction score, each 0 (worst) to 1 (best). */
enum seams_criterion {
	CRIT_COUPLING, /* least coupled: few references across the seam */
	CRIT_CHANGE, /* most frequently changed (needs history) */
	CRIT_BOUNDARY, /* clearest boundary: fewest file edges in its seam */
	CRIT_DEPENDENTS, /* few dependents: few contexts depend on it */
	CRIT_NR,
};

struct seams_context {
	char *name; /* unique; the dominant directory, or declared */
	int kernel; /* the shared kernel: hubs set apart */
	int declared; /* pinned by carve.json "contexts" */
	int unlinked; /* files with no link to anything */
	/* tests or migrations when they hold most of its code lines: such a
	 * context moves with the code it serves and is not ranked */
	enum file_role role;
	size_t *files; /* scan indexes, by path */
	size_t files_nr;
	size_t units; /* clustering units (header+source pairs) */
	unsigned long code; /* lines of code, views, tests, migrations */
	unsigned long other; /* lines of what is not code (role.h) */
	struct seams_lang *langs; /* of its code, by code, descending */
	size_t langs_nr;
	unsigned long internal; /* references within */
	unsigned long refs_out, refs_in; /* references across the seam */
	size_t edges_out, edges_in; /* file edges across the seam */
	size_t fan_out, fan_in; /* other contexts, each way */
	double cohesion; /* internal / (internal + out + in), 0 if none */
	double factor; /* TurboMQ cluster factor 2i / (2i + out + in) */
	long cycle; /* index into seams.cycles, -1 when on none */
	/* with history: */
	size_t changes;   /* file changes (commits x files) */
	unsigned long coupled, leaked; /* shared changes of coupled pairs
					* with a file inside, and those
					* whose other file is outside */
	struct seams_owner authors[SEAMS_OWNERS], teams[SEAMS_OWNERS];
	size_t authors_nr, teams_nr;
	double score[CRIT_NR]; /* < 0: not available */
	double rank_score; /* mean of the available components */
	size_t rank; /* 1 = extract first; 0 for the kernel */
};

/* Contexts that depend on each other in a cycle, and what to cut. */
struct seams_cycle {
	size_t *contexts;
	size_t nr;
	size_t *cuts; /* indexes into crossings, lightest first */
	size_t cuts_nr;
	unsigned long cut_refs;
};

struct seams_options {
	struct seams_weights weights;
	const struct history *history; /* change coupling, authors; or NULL */
	double hub_share; /* see seams_graph_build(); >= 1: no kernel */
	double resolution; /* Leiden resolution (1 = modularity) */
	int runs; /* seeded Leiden runs, best kept; 0: by size */
	unsigned long seed;
	size_t contexts; /* wanted number of contexts, 0: free */
	double min_size, max_size; /* per context, 0: no bound */
	/* with no max_size: the largest share of the code one context may
	 * hold before it is clustered again, unless it is one piece
	 * (SEAMS_MAX_SHARE; 0: no bound) */
	double max_share;
	int size_in_code; /* sizes are code lines, not files */
	const struct config *config; /* declared contexts, may be NULL */
	/* tests and migrations join the context of the code of their
	 * directory instead of being clustered (default 1) */
	int follow_roles;
};

/*
 * With runs 0, as many runs (1 to 8) as fit this many link visits: 8 up
 * to 250,000 links, 1 from 2,000,000 (the 10 s budget of 1M edges).
 */
#define SEAMS_RUN_LINKS 2e6
#define SEAMS_DEFAULT_MIN_SIZE 3
/* Default largest share of the code in one context (max_share). */
#define SEAMS_MAX_SHARE 0.4
/* Share of a split's link weight between its parts past which the
 * context is one piece and is kept whole. */
#define SEAMS_ONE_PIECE 0.5

struct seams {
	const struct scan *scan;
	struct seams_graph graph;
	struct seams_options options;
	long *context_of; /* per scan file: context, -1 if not counted */
	struct seams_context *contexts; /* the kernel first, then by size */
	size_t nr;
	struct seams_crossing *crossings; /* by (from, to) */
	size_t crossings_nr;
	struct seams_cycle *cycles;
	size_t cycles_nr;
	size_t *ranking; /* context indexes, extract-first first */
	size_t ranking_nr;
	unsigned long rank_min_code; /* code lines a ranked context needs */
	double modularity; /* Q of the static graph, by context */
	double fused_modularity; /* Q of the fused graph it clustered */
	double turbo_mq;
	unsigned long refs_total, refs_crossing;
	double resolution; /* the resolution used */
	int runs; /* the Leiden runs made */
	size_t wanted_missed; /* --contexts K could not be reached: found */
	size_t kept_whole; /* contexts over max_share that are one piece */
	const struct compare_result *comparison; /* set by the caller */
};

/* Fills the defaults of every option. */
void seams_options_init(struct seams_options *o);

/*
 * Proposes contexts for `scan`'s counted files. Declared contexts are
 * read from o->config; one that matches no file, or a file matched by
 * two, is an error naming them. Returns 0 and sets *out (the caller's:
 * seams_free), or <0 after reporting.
 */
int seams_propose(struct seams **out, const struct scan *scan,
		  const struct seams_options *o);
void seams_free(struct seams *s);

/*
 * Adds the proposal to a model's JSON `root`: "contexts" (each with its
 * files, metrics, seam and score) and "seams" (the whole-proposal
 * metrics, cycles, ranking and any comparison). Strings are copied.
 */
void seams_json_add(struct cJSON *root, const struct seams *s);

/*
 * Draws the proposal with Graphviz as DOT text (svg 0) or SVG: contexts
 * as nodes, seams as edges labelled by references, cycles red, cuts
 * dashed. Returns 0 or <0 after reporting.
 */
int seams_render(FILE *fp, const struct seams *s, int svg, const char *title);

/* Index of the context named `name`, or -1. */
long seams_find(const struct seams *s, const char *name);

#endif
