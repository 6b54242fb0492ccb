/*
 * Declared contexts: carve.json's (struct config) matched against the
 * scan's counted files, with the errors an architect needs to fix a
 * declaration (the context that matches nothing, the two that overlap
 * and a file they both claim).
 */
#include <string.h>

#include "carve/config.h"
#include "carve/contexts.h"
#include "carve/error.h"
#include "carve/scan.h"
#include "carve/xmalloc.h"

static int add(struct contexts *c, const char *path, const char *name,
	       const struct glob_list *globs)
{
	if (contexts_find(c, name) >= 0)
		return error("%s: context '%s' is declared twice", path, name);
	c->names[c->nr] = name;
	for (int i = 0; i < globs->nr; i++)
		glob_list_add(&c->globs[c->nr], globs->patterns[i]);
	c->nr++;
	return 0;
}

int contexts_load(struct contexts *c, const struct config *cfg,
		  const struct scan *scan, int legacy_new)
{
	size_t *matched;
	size_t max = 2;
	int areas;

	c->of_file = xmalloc((scan->nr ? scan->nr : 1) * sizeof(*c->of_file));
	c->area_of_file =
		xmalloc((scan->nr ? scan->nr : 1) * sizeof(*c->area_of_file));
	for (size_t f = 0; f < scan->nr; f++)
		c->of_file[f] = c->area_of_file[f] = -1;
	if (!cfg || !cfg->path)
		return 0;
	max += cfg->contexts_nr;
	c->names = xcalloc(max + 1, sizeof(*c->names));
	c->globs = xcalloc(max + 1, sizeof(*c->globs));
	for (size_t i = 0; i < cfg->contexts_nr; i++)
		if (add(c, cfg->path, cfg->contexts[i].name,
			&cfg->contexts[i].globs))
			return CARVE_EINVALID;
	areas = c->nr;
	if (legacy_new && cfg->has_legacy &&
	    add(c, cfg->path, "legacy", &cfg->legacy))
		return CARVE_EINVALID;
	if (legacy_new && cfg->has_new &&
	    add(c, cfg->path, "new", &cfg->new_paths))
		return CARVE_EINVALID;
	matched = xcalloc((size_t)c->nr + 1, sizeof(*matched));
	for (size_t f = 0; f < scan->nr; f++) {
		const struct scan_file *sf = &scan->files[f];

		if (sf->status != FILE_COUNTED)
			continue;
		for (int k = 0; k < c->nr; k++) {
			long *slot = k < areas ? &c->of_file[f] :
						 &c->area_of_file[f];

			if (!glob_list_match(&c->globs[k], sf->path))
				continue;
			if (*slot >= 0) {
				error("%s: contexts '%s' and '%s' overlap: "
				      "both match '%s'",
				      cfg->path, c->names[*slot], c->names[k],
				      sf->path);
				free(matched);
				return CARVE_EINVALID;
			}
			*slot = k;
			matched[k]++;
		}
		if (c->of_file[f] < 0)
			c->of_file[f] = c->area_of_file[f];
	}
	for (int k = 0; k < c->nr; k++)
		if (!matched[k]) {
			error("%s: context '%s' matches no counted file",
			      cfg->path, c->names[k]);
			free(matched);
			return CARVE_EINVALID;
		}
	free(matched);
	return 0;
}

int contexts_find(const struct contexts *c, const char *name)
{
	for (int k = 0; k < c->nr; k++)
		if (!strcmp(c->names[k], name))
			return k;
	return -1;
}

void contexts_release(struct contexts *c)
{
	if (!c)
		return;
	for (int k = 0; k < c->nr; k++)
		glob_list_release(&c->globs[k]);
	free(c->globs);
	free(c->names);
	free(c->of_file);
	free(c->area_of_file);
	memset(c, 0, sizeof(*c));
}
