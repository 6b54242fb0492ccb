/*
 * carve.json: the optional per-repository configuration. JSON with // and
 * slash-star comments and trailing commas allowed. Errors name the file,
 * line and column; unknown keys are reported as warnings.
 */
#ifndef CARVE_CONFIG_H
#define CARVE_CONFIG_H

#include <stddef.h>

#include "carve/glob.h"

struct cJSON;

struct config {
	char *path;          /* the file read, or NULL when none was found */
	struct cJSON *root;  /* the parsed document (owned), or NULL */
	struct glob_list exclude; /* "exclude"; strings owned by root */
	int module_depth;    /* "modules.depth", 0 when unset */
	/* "modules.map": name -> globs; parallel arrays owned by root */
	const char **module_names;
	struct glob_list *module_globs;
	int module_nr;
};

#define CONFIG_INIT { 0 }

/*
 * Loads `path`; with `required` unset a missing file is not an error and
 * leaves cfg empty. Returns 0, or a negative code after reporting.
 */
int config_load(struct config *cfg, const char *path, int required);
void config_release(struct config *cfg);

/*
 * Parses JSON text that may contain comments and trailing commas (as
 * carve.json and tsconfig.json do). On failure returns NULL and reports
 * "cannot parse '<name>' at line L, column C: <what was expected>".
 * The caller owns the result (cJSON_Delete).
 */
struct cJSON *config_parse_jsonc(const char *text, size_t len,
				 const char *name);
/*
 * The same for files a scan only consults (tsconfig.json, composer.json):
 * the message is a warning, and the caller goes on without the file.
 */
struct cJSON *config_parse_jsonc_warn(const char *text, size_t len,
				      const char *name);

/*
 * A JSON number read as a count: 0 for anything not a number, negative
 * or NaN, and at most 2^53 (the largest integer a double holds exactly),
 * so that no conversion of a hostile model's 1e300 is undefined.
 */
unsigned long long json_count(const struct cJSON *v);

#endif
