/*
 * What a file is for, from its path alone: product code, tests, or
 * schema migrations. Seams does not rank a context of tests or
 * migrations for extraction (they move with the code they test or the
 * data they shape), and estimate ports tests at their own rate. The
 * roles and their names are the model's (carve/model_scan.h).
 */
#ifndef CARVE_ROLE_H
#define CARVE_ROLE_H

#include "carve/model_scan.h"

enum file_role file_role(const char *path);

#endif
