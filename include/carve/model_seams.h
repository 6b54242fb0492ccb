/*
 * The seams part of the model ("contexts"): the proposed bounded
 * contexts, the seam (crossing dependencies) of each, their metrics and
 * ranking, the cycles between them, the graph they were clustered from,
 * and a comparison with a declared clustering. seams_propose()
 * (carve/seams.h) makes one; seams_json_add() writes it
 * (src/model/seams_json.c), which also names criteria and comparisons
 * and releases it all (seams_free()).
 */
#ifndef CARVE_MODEL_SEAMS_H
#define CARVE_MODEL_SEAMS_H

#include <stddef.h>

#include "carve/model_scan.h"

struct cJSON;
struct config;
struct history;
struct scan;

/* The evidence a link can carry; history adds the middle two. */
enum seams_signal {
	SIGNAL_STATIC, /* dependency references between the two units */
	SIGNAL_COCHANGE, /* change coupling (from carve history) */
	SIGNAL_AUTHORS, /* shared authors (from carve history) */
	SIGNAL_FOLDERS, /* same directory */
	SIGNAL_TERMS, /* same domain term leading the file name */
	SIGNAL_NR,
};

struct seams_weights {
	double w[SIGNAL_NR]; /* scale of each signal; 0 leaves it out */
};

struct seams_unit {
	const char *name; /* path of its first file (sources first) */
	const char *dir; /* its directory: "" at the root (owned) */
	size_t first, nr; /* its files: unit_files[first .. first + nr) */
	unsigned long code; /* code lines of its files */
	size_t fan_in; /* distinct units that depend on it */
	size_t fan_out; /* distinct units it depends on */
	size_t modules_in; /* other modules whose files depend on it */
	int hub; /* shared kernel: left out of the links */
	int follower; /* tests or migrations (role.h): left out of the
		       * links, placed after clustering with the code of
		       * their directory (see seams_propose()) */
	int folder; /* a node without files: a directory's or an author's */
};

struct seams_link {
	size_t a, b; /* units, a < b */
	double signal[SIGNAL_NR]; /* raw evidence per signal */
	double weight; /* sum of signal[s] * weights.w[s] */
};

struct seams_graph {
	const struct scan *scan;
	struct seams_weights weights;
	size_t *unit_of; /* per scan file: unit, or SIZE_MAX */
	size_t *unit_files; /* scan file indexes grouped by unit */
	struct seams_unit *units; /* sorted by name */
	size_t nr;
	struct seams_link *links; /* sorted by (a, b), hubs left out */
	size_t links_nr;
	size_t hub_threshold; /* modules_in that makes a hub */
	size_t hubs_nr;
	size_t folders_nr; /* nodes without files, after the units */
	double total[SIGNAL_NR]; /* raw evidence per signal, all links */
	struct seams_link *pending; /* added, not yet merged into links */
	size_t pending_nr, pending_alloc;
};

#define SEAMS_GRAPH_INIT \
	{                \
		0        \
	}
void seams_graph_release(struct seams_graph *g);

/* The clusterings measured: carve's proposal, then the baselines. */
enum {
	COMPARE_CARVE,
	COMPARE_FOLDERS,
	COMPARE_ONE,
	COMPARE_ALONE,
	COMPARE_NR,
};

struct compare_result {
	const char *path; /* the file compared with */
	size_t files, clusters; /* that it names (clusters left non-empty) */
	size_t common; /* files the scan counts too */
	size_t only_ours; /* counted files it does not name */
	size_t duplicates; /* repeated assignments (the last counts) */
	const char **missing; /* its files the scan does not count */
	size_t missing_nr;
	size_t k[COMPARE_NR]; /* clusters over the common files */
	unsigned long mno[COMPARE_NR], max_mno;
	double fm[COMPARE_NR], a2a[COMPARE_NR], ari[COMPARE_NR];
	int approximate; /* a2a matched greedily */
};

/* "carve", "folders", "one cluster" or "singletons". */
const char *compare_name(int i);

/* Short name of criterion c for output: "coupling", "change", ... */
const char *rank_criterion_name(int c);

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

void seams_free(struct seams *s);

/*
 * Adds the proposal to a model's JSON `root`: "contexts" (each with its
 * files, metrics, seam and score) and "seams" (the whole-proposal
 * metrics, cycles, ranking and any comparison). Strings are copied.
 */
void seams_json_add(struct cJSON *root, const struct seams *s);

#endif
