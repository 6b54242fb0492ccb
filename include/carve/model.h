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

struct scan;
struct seams;
struct check;

/* One input or rule a result depends on, printed beside it. */
struct assumption {
	char *name;
	char *value;
	char *source; /* "default", "option", or the config file's path */
};

struct model {
	struct scan *scan;
	struct seams *seams; /* carve seams' proposal, or NULL */
	const struct check *check; /* carve check's result (borrowed), or NULL */
	struct assumption *assumptions;
	size_t assumptions_nr, assumptions_alloc;
};

#define MODEL_INIT { 0 }

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

#endif
