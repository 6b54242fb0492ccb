/*
 * Which external packages are a language's standard library (or the
 * platform's): `os` for Python, `fmt` for Go, `stdio.h` and `sys` for C,
 * `fs` for Node. The scan marks them so the third-party inventory lists
 * only what a migration has to carry along.
 */
#ifndef CARVE_STDLIB_H
#define CARVE_STDLIB_H

#include "carve/deps.h"

struct language;

/*
 * True when `name`, the external package a dependency of `kind` in a
 * file of `lang` resolved to, is part of the standard library (for
 * #include: of C, C++ or the platform).
 */
int stdlib_has(const struct language *lang, enum dep_kind kind,
	       const char *name);

#endif
