/*
 * Declared contexts: parsed from carve.json and matched against the
 * scan's counted files, with the errors an architect needs to fix a
 * declaration (the context that matches nothing, the two that overlap
 * and a file they both claim).
 */
#include <string.h>

#include <cjson/cJSON.h>

#include "carve/config.h"
#include "carve/contexts.h"
#include "carve/error.h"
#include "carve/scan.h"
#include "carve/xmalloc.h"

static int add(struct contexts *c, const char *path, const char *name,
	       const cJSON *globs)
{
	const cJSON *g;

	if (!*name)
		return error("%s: \"contexts\" has a context with an empty "
			     "name",
			     path);
	if (contexts_find(c, name) >= 0)
		return error("%s: context '%s' is declared twice", path, name);
	if (!cJSON_IsArray(globs))
		return error("%s: context '%s' must be an array of glob "
			     "strings",
			     path, name);
	c->names[c->nr] = name;
	cJSON_ArrayForEach (g, globs) {
		if (!cJSON_IsString(g) || !*g->valuestring)
			return error("%s: context '%s' must hold non-empty "
				     "glob strings",
				     path, name);
		glob_list_add(&c->globs[c->nr], g->valuestring);
	}
	c->nr++;
	return 0;
}

int contexts_load(struct contexts *c, const struct config *cfg,
		  const struct scan *scan, int legacy_new)
{
	static const char *const extra[] = { "legacy", "new" };
	const cJSON *ctx = NULL, *item;
	size_t *matched;
	int max = 2, areas;

	c->of_file = xmalloc((scan->nr ? scan->nr : 1) * sizeof(*c->of_file));
	c->area_of_file =
		xmalloc((scan->nr ? scan->nr : 1) * sizeof(*c->area_of_file));
	for (size_t f = 0; f < scan->nr; f++)
		c->of_file[f] = c->area_of_file[f] = -1;
	if (!cfg || !cfg->root)
		return 0;
	ctx = cJSON_GetObjectItemCaseSensitive(cfg->root, "contexts");
	if (ctx && !cJSON_IsObject(ctx))
		return error("%s: \"contexts\" must be an object of context "
			     "name -> globs",
			     cfg->path);
	max += ctx ? cJSON_GetArraySize(ctx) : 0;
	c->names = xcalloc((size_t)max + 1, sizeof(*c->names));
	c->globs = xcalloc((size_t)max + 1, sizeof(*c->globs));
	cJSON_ArrayForEach (item, ctx)
		if (add(c, cfg->path, item->string, item))
			return CARVE_EINVALID;
	areas = c->nr;
	for (int i = 0; legacy_new && i < 2; i++) {
		item = cJSON_GetObjectItemCaseSensitive(cfg->root, extra[i]);
		if (item && add(c, cfg->path, extra[i], item))
			return CARVE_EINVALID;
	}
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
