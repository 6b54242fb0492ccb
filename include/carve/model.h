/*
 * The model every command reads and extends (DESIGN.md, "schema":
 * "carve/1"): the scan's inventory now, more parts as commands add them,
 * and the assumptions behind every number. The model owns its parts.
 */
#ifndef CARVE_MODEL_H
#define CARVE_MODEL_H

#include <stdio.h>

#include "carve/error.h"

#define MODEL_SCHEMA "carve/1"

struct history;
struct scan;
struct seams;
struct check;
struct burndown;
struct estimate;
struct data_report;
struct api_report;
struct roadmap;
struct roadmap_saved;

/* One input or rule a result depends on, printed beside it. */
struct assumption {
	char *name;
	char *value;
	char *source; /* "default", "option", or the config file's path */
};

struct model {
	struct scan *scan;
	struct history *history; /* carve history's part, or NULL */
	struct seams *seams; /* carve seams' proposal, or NULL */
	const struct check *check; /* carve check's result (borrowed), or NULL */
	const struct burndown *burndown; /* carve burndown's (borrowed), or NULL */
	struct estimate *estimate; /* carve estimate's part, or NULL */
	const struct data_report *data; /* carve data's (borrowed), or NULL */
	const struct api_report *api; /* carve api's (borrowed), or NULL */
	const struct roadmap *roadmap; /* carve roadmap's (borrowed), or NULL */
	struct roadmap_saved *roadmap_saved; /* read from a model, or NULL */
	struct assumption *assumptions;
	size_t assumptions_nr, assumptions_alloc;
};

#define MODEL_INIT { 0 }

/* Where a command's model comes from (carve/input.h opens it). */
struct input_options {
	const char *arg;    /* PATH or MODEL.json; NULL means "." */
	const char *config; /* -c FILE, or NULL for <root>/carve.json */
	int threads;
	const char *cache_dir; /* the scan's cache, or NULL: <git dir>/carve */
};

/* Records an assumption (strings are copied). */
void model_assume(struct model *m, const char *name, const char *source,
		  const char *fmt, ...) CARVE_PRINTF(4, 5);
/* Writes the model as JSON; strings from the repository made valid UTF-8. */
int model_write_json(FILE *fp, const struct model *m);
void model_release(struct model *m);

/*
 * Reads a model written by `carve scan -f json` (schema carve/1; a newer
 * schema is refused with a message). Returns 0 or <0 after reporting.
 */
int model_load_json(struct model *m, const char *path);
/* True when a command's argument names a model file rather than a tree. */
int model_is_file(const char *arg);

/*
 * Merges the models in[0..nr) into out (src/model/model_merge.c): the
 * partial models of one repository's shards (symbol edges resolved again
 * across them), or models of several repositories (each under a
 * directory named after its root). The inputs stay the caller's.
 * Returns 0 or <0 after reporting.
 */
int model_merge(struct model *out, struct model *in, size_t nr);

/*
 * The libclang parts of the model (src/model/model_clang.c): an edge's
 * "symbols", and the "clang" object of the scan (scan->clang).
 */
struct cJSON;
struct scan_edge;
struct strmap;
void model_clang_symbols(struct cJSON *edge, const struct scan_edge *e);
void model_clang_json(struct cJSON *root, const struct scan *s);
/* Reads an edge's "symbols" into e (scan->arena); <0 when malformed. */
int model_clang_load_symbols(struct scan *s, struct scan_edge *e,
			     const struct cJSON *edge);
/*
 * Reads "clang" (when present) into s->clang; index maps paths to file
 * indexes plus one. Returns 0 or <0 after reporting.
 */
int model_clang_load(struct scan *s, const struct cJSON *root, const char *path,
		     const struct strmap *index);

#endif
