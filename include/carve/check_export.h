/*
 * carve check's rules exported for other tools
 * (src/render/check_export.c).
 */
#ifndef CARVE_CHECK_EXPORT_H
#define CARVE_CHECK_EXPORT_H

#include <stdio.h>

#include "carve/model_check.h"

/*
 * Writes the rules as the configuration of `tool` (dependency-cruiser,
 * import-linter or tach); what the tool cannot say is left out with a warning.
 * Returns 0, or CARVE_EINVALID for an unknown tool.
 */
int check_export(FILE *fp, const struct check *c, const char *tool);

#endif
