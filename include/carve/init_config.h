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
#include <stdint.h>

#include "carve/arena.h"

struct config;
struct history;
struct scan;
struct seams;

/*
 * Code moving from one directory to another in the history: the
 * evidence behind the "legacy" and "new" carve init writes.
 */
struct init_move {
	const char *from, *to; /* directories: "monolith", "src/legacy" */
	size_t names; /* names both hold (lost in from, present in to) */
	uint64_t peak; /* from's code lines at most since to had code */
	uint64_t legacy_now, new_now; /* code lines at the last sample */
	int64_t began; /* to's first change under a shared name */
	int64_t until; /* the newest commit sampled */
	/* not a move: why the best candidate (from, to) was turned down */
	const char *why_not;
};

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
	/* "legacy" and "new": written only when the history shows a move */
	const char **legacy, **fresh;
	size_t legacy_nr, fresh_nr;
	/* the move found (when legacy_nr), else the closest candidate */
	struct init_move move;
	/* folders named legacy, monolith, services...: only suggested */
	const char **maybe_legacy, **maybe_fresh;
	size_t maybe_legacy_nr, maybe_fresh_nr;
	char start[16]; /* plan.start when a move shows it, else "" */
	struct init_context *contexts;
	size_t contexts_nr;
	char today[16]; /* YYYY-MM-DD: SOURCE_DATE_EPOCH or now, UTC */
	struct arena arena;
};

/* Fills c from a scan and (may be NULL) a proposal of contexts. */
void init_config_detect(struct init_config *c, const struct scan *scan,
			const struct seams *seams);

/* How init_moves_find() samples the history. */
struct init_moves_options {
	const struct config *config; /* "exclude" (may be NULL) */
	const char *cache_dir; /* NULL: <git dir>/carve */
	int threads;
};

/*
 * Looks for code moving from one directory (depth 1 or 2) to another:
 * pairs of directories sharing names (a folder or file stem below each)
 * that one lost code under (history `h`) and the other holds code under
 * (scan), best first, each checked on the history sampled every four
 * weeks (src/analysis/init_moves.c): from the first sample with code in
 * the second, the first must lose at least 10% of its peak over two
 * intervals or more, none holding 80% of the loss, while the second
 * gains code. Returns 1 with *mv filled (strings in `keep`), else 0,
 * with the best candidate tried in mv->from and mv->to (NULL when none)
 * and mv->why_not saying why it is no move.
 */
int init_moves_find(struct init_move *mv, struct arena *keep,
		    const struct scan *scan, const struct history *h,
		    const struct init_moves_options *o);

/*
 * Declares the move found: "legacy" and "new" globs, plan.start (the
 * day new code began under a shared name), and the source and target
 * languages as the main back-end languages of each side in `scan`.
 */
void init_config_set_move(struct init_config *c, const struct init_move *mv,
			  const struct scan *scan);
void init_config_release(struct init_config *c);

#endif
