/*
 * carve init's starting carve.json: what a scan and a seams proposal
 * show about a repository (src/analysis/init_detect.c), written as JSON
 * with a comment on each key (carve/init_config_json.h). The struct
 * owns its arrays; strings are borrowed from the scan and the proposal,
 * or owned by `arena`.
 */
#ifndef CARVE_INIT_CONFIG_H
#define CARVE_INIT_CONFIG_H

#include <stddef.h>

#include "carve/arena.h"

struct scan;
struct seams;

struct init_context {
	const char *name;
	const char **globs; /* sorted: "DIR/" + "**", or a file path */
	size_t globs_nr;
	size_t files;
	unsigned long code;
};

struct init_config {
	const char *root;
	const char *main_language; /* by code lines, or NULL */
	const char *languages[4]; /* the first few, by code */
	size_t languages_nr;
	const char *target; /* suggested target language (lower case) */
	char source_key[64]; /* main language as a rates key: "python" */
	const char **exclude; /* directories not to migrate, as globs */
	size_t exclude_nr;
	int module_depth; /* 0: keep the language-aware rule */
	const char *module_rule;
	const char **legacy, **fresh; /* "legacy" and "new" globs */
	size_t legacy_nr, fresh_nr;
	struct init_context *contexts;
	size_t contexts_nr;
	char today[16]; /* YYYY-MM-DD: SOURCE_DATE_EPOCH or now, UTC */
	struct arena arena;
};

/* Fills c from a scan and (may be NULL) a proposal of contexts. */
void init_config_detect(struct init_config *c, const struct scan *scan,
			const struct seams *seams);
void init_config_release(struct init_config *c);

#endif
