/*
 * What a file is for, from its path alone: product code, views and
 * templates, tests, schema migrations, or what is not code to carve
 * (docs, configuration and CI, build files, translations, fixtures,
 * style sheets and media, data files). Seams clusters only code; the
 * rest joins the code it serves or sits with (or, with none, the
 * platform group, never a service). Estimate ports tests at their own
 * rate. The roles and their names are the model's (carve/model_scan.h).
 */
#ifndef CARVE_ROLE_H
#define CARVE_ROLE_H

#include <stddef.h>

#include "carve/model_scan.h"

enum file_role file_role(const char *path);
/*
 * The length of the folder that holds a test's innermost test folder
 * (app/orders of app/orders/tests/test_x.py; src of src/test/java/...),
 * or 0 when no test folder is in the path or it is at the top.
 */
size_t role_test_root(const char *path);
/* Whether files of the role are clustered as code (code only). */
#define ROLE_CLUSTERED(r) ((r) == ROLE_CODE)
/* Whether the role is not code to carve: docs ... data. */
#define ROLE_NOT_CODE(r) ((r) >= ROLE_DOCS && (r) <= ROLE_DATA)

#endif
