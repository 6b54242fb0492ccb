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
#include "carve/model_check.h"

struct config;
struct scan;

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
void check_release(struct check *c);

/*
 * The violations of carve.json's rules in `scan`, or -1 when there are
 * no rules or some context (or "legacy", "new") matches no counted file
 * yet: early in a migration the new paths are empty. For the samples of
 * carve burndown (struct snapshot_options.violations).
 */
long check_count(const struct config *cfg, const struct scan *scan);

#endif
