/*
 * carve api's part of the model JSON: "api", every endpoint with its
 * serving context, file, line and calling contexts.
 */
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "carve/json.h"
#include "carve/model_api.h"
#include "carve/model_scan.h"
#include "carve/model_seams.h"
#include "carve/utf8.h"

static const char *ctx_name(const struct api_report *r, long c)
{
	return c >= 0 ? r->seams->contexts[c].name : "";
}

void api_json_add(cJSON *root, const struct api_report *r)
{
	cJSON *api = cJSON_AddObjectToObject(root, "api");
	cJSON *eps = cJSON_AddArrayToObject(api, "endpoints");
	cJSON *fws = cJSON_AddArrayToObject(api, "frameworks");

	/* each framework seen, by name, and whether its routes are read */
	for (size_t i = 0; i < r->frameworks_nr; i++) {
		cJSON *o = cJSON_CreateObject();

		json_add_str(o, "name", r->frameworks[i].name);
		cJSON_AddNumberToObject(o, "files",
					(double)r->frameworks[i].files);
		cJSON_AddBoolToObject(o, "routes_read", r->frameworks[i].read);
		cJSON_AddItemToArray(fws, o);
	}
	if (r->notice)
		json_add_str(api, "notice", r->notice);

	for (size_t i = 0; i < r->nr; i++) {
		const struct api_entry *e = &r->entries[i];
		cJSON *o = cJSON_CreateObject(), *callers;

		json_add_str(o, "context", ctx_name(r, e->context));
		json_add_str(o, "method", e->ep->method);
		json_add_str(o, "path", e->ep->path);
		json_add_str(o, "framework", e->ep->framework);
		json_add_str(o, "file", r->scan->files[e->file].path);
		cJSON_AddNumberToObject(o, "line", e->ep->line);
		callers = cJSON_AddArrayToObject(o, "callers");
		for (size_t c = 0; c < e->callers_nr; c++)
			cJSON_AddItemToArray(callers,
					     cJSON_CreateString(ctx_name(
						     r, (long)e->callers[c])));
		cJSON_AddItemToArray(eps, o);
	}
}
