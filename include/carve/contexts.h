/*
 * Contexts declared in carve.json: "contexts" (name -> globs), and the
 * "legacy" and "new" globs as contexts of those names, matched against
 * the scan's counted files. carve seams pins them; carve check enforces
 * rules between them. Names and patterns are borrowed from the config,
 * which must outlive the struct.
 */
#ifndef CARVE_CONTEXTS_H
#define CARVE_CONTEXTS_H

#include "carve/model_check.h"

struct config;
struct scan;

/*
 * Reads the declared contexts of cfg (may be NULL: none) and assigns the
 * scan's counted files. With `legacy_new` set, "legacy" and "new" count
 * as contexts too, as areas that may overlap the others (area_of_file).
 * A context that matches no file, or a file matched by two contexts (or
 * by both legacy and new), is an error naming them. Returns 0 or <0 after reporting.
 */
int contexts_load(struct contexts *c, const struct config *cfg,
		  const struct scan *scan, int legacy_new);
/* Index of the context named `name`, or -1. */
int contexts_find(const struct contexts *c, const char *name);
void contexts_release(struct contexts *c);

#endif
