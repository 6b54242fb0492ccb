/*
 * carve data's part of the model JSON: "data", with the tables (their
 * suggested owner, writers and per-context uses) and the contexts
 * (tables owned, shared tables written, database coupling).
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "carve/model_data.h"
#include "carve/model_scan.h"
#include "carve/utf8.h"

static void add_str(cJSON *o, const char *key, const char *value)
{
	char *clean = utf8_sanitize(value);

	cJSON_AddStringToObject(o, key, clean);
	free(clean);
}

static void add_uint(cJSON *o, const char *key, unsigned long long n)
{
	char digits[24];

	snprintf(digits, sizeof(digits), "%llu", n);
	cJSON_AddRawToObject(o, key, digits);
}

static void add_real(cJSON *o, const char *key, double v)
{
	char num[32];

	snprintf(num, sizeof(num), "%.4f", v);
	cJSON_AddRawToObject(o, key, num);
}

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
	cJSON *contexts;

	add_uint(data, "accesses", r->accesses);
	add_uint(data, "crossing", r->crossing);
	add_real(data, "coupling", r->coupling);
	add_uint(data, "shared_tables", r->shared_nr);
	add_uint(data, "dynamic", r->dynamic);
	add_uint(data, "models", r->models);
	add_uint(data, "abstract_models", r->abstract_models);
	add_uint(data, "unresolved_model_queries", r->unresolved_models);
	for (size_t i = 0; i < r->tables_nr; i++) {
		const struct data_table *t = &r->tables[i];
		cJSON *o = cJSON_CreateObject(), *uses, *refs;

		add_str(o, "name", t->name);
		if (t->owner >= 0)
			add_str(o, "owner", r->contexts[t->owner].name);
		else
			cJSON_AddNullToObject(o, "owner");
		add_uint(o, "writers", t->writers);
		cJSON_AddBoolToObject(o, "shared", t->shared);
		if (t->other_schema)
			cJSON_AddTrueToObject(o, "other_schema");
		if (t->dropped)
			cJSON_AddTrueToObject(o, "dropped");
		uses = cJSON_AddArrayToObject(o, "contexts");
		for (size_t c = 0; c < t->uses_nr; c++) {
			const unsigned long *n = t->uses[c].n;
			cJSON *u;

			if (!n[DATA_READ] && !n[DATA_WRITE] &&
			    !n[DATA_DEFINE] && !n[DATA_DROP])
				continue;
			u = cJSON_CreateObject();
			add_str(u, "context", r->contexts[c].name);
			for (int k = 0; k < DATA_KIND_NR; k++)
				add_uint(u, data_kind_name(k), n[k]);
			cJSON_AddItemToArray(uses, u);
		}
		refs = cJSON_AddArrayToObject(o, "files");
		for (size_t j = 0; j < t->refs_nr; j++) {
			const struct data_ref *x = &t->refs[j];
			cJSON *u = cJSON_CreateObject();

			add_str(u, "path", r->scan->files[x->file].path);
			add_uint(u, "line", x->line);
			add_str(u, "kind", data_kind_name(x->kind));
			add_str(u, "via", x->via);
			cJSON_AddItemToArray(refs, u);
		}
		cJSON_AddItemToArray(tables, o);
	}
	contexts = cJSON_AddArrayToObject(data, "contexts");
	for (size_t c = 0; c < r->contexts_nr; c++) {
		const struct data_context *x = &r->contexts[c];
		cJSON *o = cJSON_CreateObject();

		add_str(o, "name", x->name);
		add_uint(o, "reads", x->reads);
		add_uint(o, "writes", x->writes);
		add_uint(o, "defines", x->defines);
		add_uint(o, "crossing", x->crossing);
		add_real(o, "coupling", x->coupling);
		add_uint(o, "dynamic", x->dynamic);
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

const char *data_kind_name(enum data_kind kind)
{
	static const char *const names[] = { "read", "write", "define",
					     "drop" };

	return kind < DATA_KIND_NR ? names[kind] : "?";
}
