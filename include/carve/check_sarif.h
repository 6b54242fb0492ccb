/*
 * carve check -f sarif: the violations as a SARIF 2.1.0 log, so code
 * scanning (GitHub, GitLab, IDEs) shows each one inline
 * (src/render/check_sarif.c).
 */
#ifndef CARVE_CHECK_SARIF_H
#define CARVE_CHECK_SARIF_H

#include <stdio.h>

#include "carve/model_check.h"

/*
 * Writes one run of tool "carve": a reporting descriptor per rule of c,
 * one result per violation (file, line, rule, message). Violations in
 * the baseline are results too, marked "unchanged" and suppressed, so a
 * viewer shows them dismissed; new ones are errors. Stale baseline
 * entries are warnings of the run's invocation.
 */
void check_print_sarif(FILE *fp, const struct check *c);

#endif
