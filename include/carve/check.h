/*
 * carve check: the boundaries declared in carve.json held against the
 * dependencies of a scan. "rules" lists { "from", "to", "allow",
 * "except", "name" } between contexts ("*" is any file) and { "cycles":
 * false } to forbid cycles between contexts; the first rule that matches
 * an import decides. Violations are keyed so that a baseline of known
 * ones survives lines moving. A struct check owns its arrays and strings;
 * it borrows the scan and the config, which must outlive it.
 */
#ifndef CARVE_CHECK_H
#define CARVE_CHECK_H

#include <stddef.h>
#include <stdio.h>

#include "carve/contexts.h"
#include "carve/glob.h"

struct cJSON;
struct config;
struct scan;
struct strbuf;

struct check_rule {
	char *label; /* its "name", or "FROM -> TO" / "no cycles" */
	int from, to; /* context index, or -1 for "*" */
	int allow;
	int cycles; /* { "cycles": false } */
	struct glob_list except; /* imported files the rule lets through */
};

struct check_violation {
	size_t rule;
	size_t from, to; /* scan files: the importer and the imported */
	unsigned line; /* of the statement, 0 when unknown */
	const char *import; /* the statement's target as written, or NULL */
	char *key; /* stable: rule, importer, imported (or cycle) */
	char *detail; /* a cycle's contexts and cut, or NULL */
	int known; /* listed in the baseline */
};

struct check {
	const struct scan *scan;
	struct contexts contexts;
	struct check_rule *rules;
	size_t rules_nr;
	struct check_violation *v; /* by importer, line, key */
	size_t nr, alloc;
	size_t known; /* violations in the baseline */
	char **stale; /* baseline keys that no longer occur */
	size_t stale_nr;
};

#define CHECK_INIT \
	{          \
		0  \
	}

/*
 * Reads the contexts and rules of cfg for scan. A rule naming an unknown
 * context, or malformed, is an error naming it; a file without "rules"
 * has none. Returns 0 or <0 after reporting.
 */
int check_load(struct check *c, const struct config *cfg,
	       const struct scan *scan);
/* Finds the violations of every rule (and their lines when known). */
void check_run(struct check *c);
/*
 * Marks the violations a baseline file lists as known and collects its
 * entries that no longer occur. Returns 0 or <0 after reporting.
 */
int check_baseline_read(struct check *c, const char *path);
/* Writes every violation to `fp` as a baseline. */
void check_baseline_write(FILE *fp, const struct check *c);
/* A violation's message: "imports 'x' (orders -> legacy): rule '...'". */
void check_message(const struct check *c, const struct check_violation *v,
		   struct strbuf *sb);
/* Adds "check" (counts and violations) to a model's JSON root. */
void check_json_add(struct cJSON *root, const struct check *c);
/*
 * Writes the rules as the configuration of `tool` (dependency-cruiser or
 * import-linter); what the tool cannot say is left out with a warning.
 * Returns 0, or CARVE_EINVALID for an unknown tool.
 */
int check_export(FILE *fp, const struct check *c, const char *tool);
void check_release(struct check *c);

#endif
