/*
 * carve data's part of the model JSON: "data", with the tables (their
 * suggested owner, writers and per-context uses) and the contexts
 * (tables owned, shared tables written, database coupling).
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "carve/json.h"
#include "carve/model_data.h"
#include "carve/model_scan.h"
#include "carve/utf8.h"

static cJSON *names(const struct data_report *r, const size_t *v, size_t nr)
{
	cJSON *a = cJSON_CreateArray();

	for (size_t i = 0; i < nr; i++) {
		char *clean = utf8_sanitize(r->tables[v[i]].name);

		cJSON_AddItemToArray(a, cJSON_CreateString(clean));
		free(clean);
	}
	return a;
}

void data_json_add(cJSON *root, const struct data_report *r)
{
	cJSON *data = cJSON_AddObjectToObject(root, "data");
	cJSON *tables = cJSON_AddArrayToObject(data, "tables");
	cJSON *contexts, *aside, *orms;

	json_add_uint(data, "accesses", r->accesses);
	json_add_uint(data, "crossing", r->crossing);
	json_add_fixed(data, "coupling", r->coupling, 4);
	json_add_uint(data, "shared_tables", r->shared_nr);
	json_add_uint(data, "dynamic", r->dynamic);
	json_add_uint(data, "models", r->models);
	json_add_uint(data, "abstract_models", r->abstract_models);
	json_add_uint(data, "unresolved_model_queries", r->unresolved_models);
	json_add_uint(data, "catalog_accesses", r->catalog);
	aside = cJSON_AddObjectToObject(data, "set_aside");
	for (int k = DATA_ASIDE_MIGRATION; k < DATA_ASIDE_NR; k++) {
		cJSON *o = cJSON_AddObjectToObject(aside, data_aside_name(k));

		json_add_uint(o, "reads", r->aside_reads[k]);
		json_add_uint(o, "writes", r->aside_writes[k]);
	}
	if (!r->frameworks_nr)
		json_add_str(
			data, "notice",
			"no ORM model recognised; looked for " DATA_ORMS_LOOKED_FOR);
	orms = cJSON_AddObjectToObject(data, "orm_models");
	for (size_t i = 0; i < r->frameworks_nr; i++)
		json_add_uint(orms, r->frameworks[i].name,
			      r->frameworks[i].models);
	for (size_t i = 0; i < r->tables_nr; i++) {
		const struct data_table *t = &r->tables[i];
		cJSON *o = cJSON_CreateObject(), *uses, *refs;

		json_add_str(o, "name", t->name);
		if (t->owner >= 0)
			json_add_str(o, "owner", r->contexts[t->owner].name);
		else
			cJSON_AddNullToObject(o, "owner");
		json_add_uint(o, "writers", t->writers);
		cJSON_AddBoolToObject(o, "shared", t->shared);
		if (t->other_schema)
			cJSON_AddTrueToObject(o, "other_schema");
		if (t->dropped)
			cJSON_AddTrueToObject(o, "dropped");
		if (t->view)
			cJSON_AddTrueToObject(o, "view");
		uses = cJSON_AddArrayToObject(o, "contexts");
		for (size_t c = 0; c < t->uses_nr; c++) {
			const unsigned long *n = t->uses[c].n;
			cJSON *u;

			if (!n[DATA_READ] && !n[DATA_WRITE] &&
			    !n[DATA_DEFINE] && !n[DATA_DROP])
				continue;
			u = cJSON_CreateObject();
			json_add_str(u, "context", r->contexts[c].name);
			for (int k = 0; k < DATA_KIND_NR; k++)
				json_add_uint(u, data_kind_name(k), n[k]);
			cJSON_AddItemToArray(uses, u);
		}
		refs = cJSON_AddArrayToObject(o, "files");
		for (size_t j = 0; j < t->refs_nr; j++) {
			const struct data_ref *x = &t->refs[j];
			cJSON *u = cJSON_CreateObject();

			json_add_str(u, "path", r->scan->files[x->file].path);
			json_add_uint(u, "line", x->line);
			json_add_str(u, "kind", data_kind_name(x->kind));
			json_add_str(u, "via", x->via);
			if (x->aside != DATA_ASIDE_NONE)
				json_add_str(u, "set_aside",
					     data_aside_name(x->aside));
			cJSON_AddItemToArray(refs, u);
		}
		cJSON_AddItemToArray(tables, o);
	}
	contexts = cJSON_AddArrayToObject(data, "contexts");
	for (size_t c = 0; c < r->contexts_nr; c++) {
		const struct data_context *x = &r->contexts[c];
		cJSON *o = cJSON_CreateObject();

		json_add_str(o, "name", x->name);
		json_add_uint(o, "reads", x->reads);
		json_add_uint(o, "writes", x->writes);
		json_add_uint(o, "defines", x->defines);
		json_add_uint(o, "crossing", x->crossing);
		json_add_fixed(o, "coupling", x->coupling, 4);
		json_add_uint(o, "dynamic", x->dynamic);
		cJSON_AddItemToObject(o, "owns",
				      names(r, x->owned, x->owned_nr));
		cJSON_AddItemToObject(o, "shared_writes",
				      names(r, x->shared, x->shared_nr));
		cJSON_AddItemToObject(o, "foreign_reads",
				      names(r, x->foreign_reads,
					    x->foreign_reads_nr));
		cJSON_AddItemToArray(contexts, o);
	}
}

const char *data_aside_name(enum data_aside why)
{
	static const char *const names[] = { NULL, "migration", "test",
					     "fixture", "seed" };

	return why < DATA_ASIDE_NR ? names[why] : NULL;
}

const char *data_kind_name(enum data_kind kind)
{
	static const char *const names[] = { "read", "write", "define",
					     "drop" };

	return kind < DATA_KIND_NR ? names[kind] : "?";
}
