/*
 * carve.json: the optional per-repository configuration. JSON with // and
 * slash-star comments and trailing commas allowed. config_load() reads
 * it once into a typed struct config: every key checked there, errors
 * naming the file, the key and what was wrong ("carve.json: 'plan.start':
 * expected an ISO 8601 date (YYYY-MM-DD, a real day), got \"tomorrow\""),
 * unknown keys warned about once with their line and column and the
 * nearest known key. The rest of carve reads the
 * struct, never the JSON. Strings are borrowed from the parsed document,
 * which the config owns.
 *
 * To add a key: a field below, a loader and a row of `top_keys` in
 * src/model/config.c (or of its section's key list), a line in
 * man/carve.json.5.
 */
#ifndef CARVE_CONFIG_H
#define CARVE_CONFIG_H

#include <stddef.h>

#include "carve/error.h"
#include "carve/glob.h"
#include "carve/model_estimate.h"
#include "carve/plan.h"

struct cJSON;

/* "contexts": a declared context and its globs. */
struct config_context {
	const char *name;
	struct glob_list globs;
};

/* "rules[i]": from/to name a context, "legacy", "new" or "*". */
struct config_rule {
	const char *name; /* "name", or NULL */
	const char *from, *to; /* NULL for a cycles rule */
	int allow; /* "allow": true */
	int cycles; /* "cycles": false (no cycles between contexts) */
	struct glob_list except; /* "except" */
};

/* "teams": emails or patterns of the people of a team. */
struct config_team {
	const char *name;
	const char **patterns;
	size_t patterns_nr;
};

/*
 * A figure of "rates" or "estimate": one number, or three points with
 * an optional distribution of their own.
 */
struct config_dist {
	const char *key; /* "python->go", "service" */
	int three; /* 1: optimistic, likely, pessimistic; 0: value */
	double value;
	double optimistic, likely, pessimistic;
	int kind_set; /* "distribution" given */
	enum estimate_dist_kind kind;
};

/*
 * One entry of "target" as written (borrowed from the document): `from`
 * is NULL for a plain name or "language" (every language), else the
 * source language it maps. The estimate reads the names as languages
 * (aliases and all) and says which one it does not know.
 */
struct config_target {
	const char *from, *to;
};

struct config {
	char *path;          /* the file read, or NULL when none was found */
	struct cJSON *root;  /* the parsed document (owned), or NULL */
	int loaded; /* config_load() ran (even without a file) */
	struct glob_list exclude; /* "exclude"; strings owned by root */
	int module_depth;    /* "modules.depth", 0 when unset */
	/* "modules.map": name -> globs; parallel arrays owned by root */
	const char **module_names;
	struct glob_list *module_globs;
	int module_nr;
	/* "legacy" and "new": paths of the old and the new code */
	struct glob_list legacy, new_paths;
	int has_legacy, has_new;
	struct config_context *contexts; /* "contexts", in file order */
	size_t contexts_nr;
	struct config_rule *rules; /* "rules" */
	size_t rules_nr;
	int has_rules;
	struct config_team *teams; /* "teams" */
	size_t teams_nr;
	/* "target": "go" or { "language": "go", "javascript": ... } */
	int has_target;
	const char *target_language; /* NULL when not named */
	struct config_target *targets; /* in file order */
	size_t targets_nr;
	int target_is_map; /* an object, not a plain name */
	struct config_dist *rates; /* "rates", in file order */
	size_t rates_nr;
	/* "estimate": its distribution and costs or factors */
	int estimate_kind_set;
	enum estimate_dist_kind estimate_kind;
	struct config_dist *factors;
	size_t factors_nr;
	/* "estimate"."price": file roles priced, 1u << enum file_role */
	unsigned priced_roles;
	/* "plan", every key checked; plan_load() adds the start's defaults */
	int has_plan;
	struct plan plan;
};

#define CONFIG_INIT { 0 }

/*
 * Loads `path`; with `required` unset a missing file is not an error and
 * leaves cfg empty. Returns 0, or a negative code after reporting.
 */
int config_load(struct config *cfg, const char *path, int required);
void config_release(struct config *cfg);

/*
 * Reports "<path>: '<key>': <what>[, got <value>]" (the value shown as
 * JSON, a long string cut) and returns CARVE_EINVALID: the one form of
 * every carve.json error. `got` may be NULL.
 */
int config_error(const char *path, const char *key, const struct cJSON *got,
		 const char *fmt, ...) CARVE_PRINTF(4, 5);
/*
 * Warns "<path>:<line>:<column>: unknown key '<where>.<key>' ignored"
 * for each key of obj not in the NULL-ended `keys`, with "(did you mean
 * '...'?)" when a known key is at most two edits away. The position is
 * that of the key's first "key": in the file config_load() is reading
 * (left out when called otherwise, or not found).
 */
void config_unknown_keys(const char *path, const struct cJSON *obj,
			 const char *const *keys, const char *where);
/* The keys of "estimate": "distribution" and each cost or factor. */
extern const char *const config_estimate_keys[];

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
