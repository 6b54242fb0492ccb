/*
 * The check part of the model ("check"): the contexts carve.json
 * declares, its rules, and the violations carve check found in a scan.
 * check_load() and check_run() (carve/check.h) make one; check_json_add()
 * writes it and check_message() words a violation
 * (src/model/check_json.c).
 */
#ifndef CARVE_MODEL_CHECK_H
#define CARVE_MODEL_CHECK_H

#include <stddef.h>

#include "carve/glob.h"

struct cJSON;
struct scan;
struct strbuf;

/* The contexts of carve.json and the files of each (carve/contexts.h). */
struct contexts {
	int nr;
	const char **names;
	struct glob_list *globs;
	long *of_file; /* per scan file: context index, or -1 */
	/* per scan file: index of "legacy" or "new" when its globs match,
	 * or -1. Those two may overlap the other contexts: a file of
	 * "orders" can be legacy too (of_file is then "orders"); a file
	 * of no other context has its area as its context. */
	long *area_of_file;
};

#define CONTEXTS_INIT \
	{             \
		0     \
	}

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

/* A violation's message: "imports 'x' (orders -> legacy): rule '...'". */
void check_message(const struct check *c, const struct check_violation *v,
		   struct strbuf *sb);
/* Adds "check" (counts and violations) to a model's JSON root. */
void check_json_add(struct cJSON *root, const struct check *c);

#endif
