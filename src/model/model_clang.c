/*
 * The libclang parts of the model JSON, written and read back: the
 * symbols of each symbol edge, and the "clang" object (what was parsed,
 * diagnostics, what was skipped; for a partial model of --shard, the
 * definitions and references `carve merge` resolves across shards).
 */
#include <limits.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "carve/config.h"
#include "carve/json.h"
#include "carve/model.h"
#include "carve/model_scan.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

static cJSON *strings(const char *const *v, size_t nr)
{
	cJSON *arr = cJSON_CreateArray();

	for (size_t i = 0; i < nr; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(v[i]));
	return arr;
}

void model_clang_symbols(cJSON *edge, const struct scan_edge *e)
{
	cJSON *arr;

	if (!e->symbols_nr)
		return;
	arr = cJSON_AddArrayToObject(edge, "symbols");
	for (size_t i = 0; i < e->symbols_nr; i++) {
		cJSON *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "name", e->symbols[i].name);
		cJSON_AddStringToObject(o, "kind",
					symbol_kind_name(e->symbols[i].kind));
		cJSON_AddStringToObject(o, "usr", e->symbols[i].usr);
		cJSON_AddItemToArray(arr, o);
	}
}

static const char *const pair_names[] = { "none", "c", "all" };

static void add_index(cJSON *o, const struct scan *s, const struct symindex *ix)
{
	cJSON *defs = cJSON_AddArrayToObject(o, "definitions");
	cJSON *refs = cJSON_AddArrayToObject(o, "references");

	for (size_t i = 0; i < ix->defs_nr; i++) {
		const struct symdef *d = &ix->defs[i];
		cJSON *a = cJSON_CreateArray();

		cJSON_AddItemToArray(a, cJSON_CreateString(d->usr));
		cJSON_AddItemToArray(
			a, cJSON_CreateString(s->files[d->file].path));
		cJSON_AddItemToArray(
			a, cJSON_CreateString(symbol_kind_name(d->kind)));
		cJSON_AddItemToArray(a, cJSON_CreateString(d->name));
		cJSON_AddItemToArray(defs, a);
	}
	for (size_t i = 0; i < ix->refs_nr; i++) {
		const struct symref *r = &ix->refs[i];
		cJSON *a = cJSON_CreateArray();

		cJSON_AddItemToArray(
			a, cJSON_CreateString(s->files[r->from].path));
		cJSON_AddItemToArray(a, cJSON_CreateString(r->usr));
		cJSON_AddItemToArray(
			a, cJSON_CreateString(symbol_kind_name(r->kind)));
		cJSON_AddItemToArray(a, cJSON_CreateString(r->name));
		cJSON_AddItemToArray(
			a, r->target < 0 ? cJSON_CreateNull()
					 : cJSON_CreateString(
						   s->files[r->target].path));
		cJSON_AddItemToArray(
			a, r->decl < 0 ? cJSON_CreateNull()
				       : cJSON_CreateString(
						 s->files[r->decl].path));
		cJSON_AddItemToArray(a, cJSON_CreateNumber(r->count));
		cJSON_AddItemToArray(refs, a);
	}
}

void model_clang_json(cJSON *root, const struct scan *s)
{
	const struct symdeps *sd = s->clang;
	cJSON *o, *skipped, *msgs;

	if (!sd)
		return;
	o = cJSON_AddObjectToObject(root, "clang");
	if (sd->compdb)
		cJSON_AddStringToObject(o, "compdb", sd->compdb);
	else
		cJSON_AddNullToObject(o, "compdb");
	cJSON_AddBoolToObject(o, "guessed", sd->guessed);
	if (sd->resource_dir)
		cJSON_AddStringToObject(o, "resource_dir", sd->resource_dir);
	cJSON_AddStringToObject(o, "pair_headers",
				pair_names[sd->pair_headers]);
	if (sd->shard_n) {
		char shard[48];

		snprintf(shard, sizeof(shard), "%u/%u", sd->shard_k,
			 sd->shard_n);
		cJSON_AddStringToObject(o, "shard", shard);
	}
	json_add_uint(o, "units", sd->units);
	json_add_uint(o, "parsed", sd->parsed);
	json_add_uint(o, "cached", sd->cached);
	json_add_uint(o, "failed", sd->failed);
	json_add_uint(o, "crashed", sd->crashed);
	json_add_uint(o, "errors", sd->errors);
	json_add_uint(o, "warnings", sd->warnings);
	json_add_uint(o, "definitions_total", sd->index.defs_nr);
	json_add_uint(o, "references_total", sd->index.refs_nr);
	json_add_uint(o, "unresolved", sd->index.unresolved);
	json_add_uint(o, "include_edges_added", sd->include_edges_added);
	skipped = cJSON_AddObjectToObject(o, "skipped");
	json_add_uint(skipped, "missing", sd->skipped_missing);
	json_add_uint(skipped, "outside", sd->skipped_outside);
	json_add_uint(skipped, "not_compiler", sd->skipped_not_compiler);
	json_add_uint(skipped, "not_c", sd->skipped_not_c);
	json_add_uint(skipped, "duplicates", sd->skipped_duplicates);
	json_add_uint(skipped, "response_files", sd->response_files);
	json_add_uint(o, "relative_directories", sd->relative_dirs);
	json_add_uint(o, "arguments_ignored", sd->args_ignored);
	json_add_uint(o, "arguments_refused", sd->args_refused);
	cJSON_AddItemToObject(o, "crashed_files",
			      strings(sd->crashed_files, sd->crashed_nr));
	cJSON_AddItemToObject(o, "failed_files",
			      strings(sd->failed_files, sd->failed_nr));
	msgs = cJSON_AddArrayToObject(o, "messages");
	for (size_t i = 0; i < sd->messages_nr; i++) {
		cJSON *m = cJSON_CreateObject();

		cJSON_AddStringToObject(m, "text", sd->messages[i].text);
		json_add_uint(m, "units", sd->messages[i].units);
		cJSON_AddItemToArray(msgs, m);
	}
	if (sd->guessed)
		cJSON_AddItemToObject(o, "guessed_include_dirs",
				      strings(sd->guessed_dirs,
					      sd->guessed_dirs_nr));
	if (sd->partial) {
		cJSON_AddTrueToObject(o, "partial");
		add_index(o, s, &sd->index);
	}
}

static const char *get_string(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static size_t get_size(const cJSON *o, const char *key)
{
	return (size_t)json_count(cJSON_GetObjectItemCaseSensitive(o, key));
}

int model_clang_load_symbols(struct scan *s, struct scan_edge *e,
			     const cJSON *edge)
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(edge, "symbols");
	const cJSON *sym;
	size_t n = 0;

	if (!cJSON_IsArray(arr))
		return 0;
	e->symbols = arena_alloc(
		&s->arena,
		(size_t)cJSON_GetArraySize(arr) * sizeof(*e->symbols) + 1);
	cJSON_ArrayForEach (sym, arr) {
		const char *name = get_string(sym, "name");
		const char *kind = get_string(sym, "kind");
		const char *usr = get_string(sym, "usr");
		int k = kind ? symbol_kind_parse(kind) : -1;

		if (!name || k < 0)
			return -1;
		e->symbols[n].name = arena_strdup(&s->arena, name);
		e->symbols[n].usr = arena_strdup(&s->arena, usr ? usr : name);
		e->symbols[n++].kind = (enum symbol_kind)k;
	}
	e->symbols_nr = n;
	return 0;
}

static const char **load_strings(struct symdeps *sd, const cJSON *arr,
				 size_t *nr)
{
	const cJSON *v;
	const char **out =
		arena_alloc(&sd->arena, ((size_t)cJSON_GetArraySize(arr) + 1) *
						sizeof(*out));

	*nr = 0;
	cJSON_ArrayForEach (v, arr)
		if (cJSON_IsString(v))
			out[(*nr)++] = arena_strdup(&sd->arena, v->valuestring);
	return out;
}

static long file_of(const cJSON *v, const struct strmap *index)
{
	void *hit = cJSON_IsString(v) ? strmap_get(index, v->valuestring)
				      : NULL;

	return hit ? (long)((size_t)hit - 1) : -1;
}

static int load_index(struct symdeps *sd, const cJSON *o,
		      const struct strmap *index)
{
	const cJSON *a;

	cJSON_ArrayForEach (a, cJSON_GetObjectItemCaseSensitive(o, "definitions")) {
		const cJSON *usr = cJSON_GetArrayItem(a, 0);
		long file = file_of(cJSON_GetArrayItem(a, 1), index);
		const cJSON *kind = cJSON_GetArrayItem(a, 2);
		const cJSON *name = cJSON_GetArrayItem(a, 3);
		int k = cJSON_IsString(kind)
				? symbol_kind_parse(kind->valuestring)
				: -1;

		if (!cJSON_IsString(usr) || file < 0 || k < 0 ||
		    !cJSON_IsString(name))
			return -1;
		symindex_add_def(&sd->index, usr->valuestring,
				 name->valuestring, (enum symbol_kind)k,
				 (size_t)file);
	}
	cJSON_ArrayForEach (a, cJSON_GetObjectItemCaseSensitive(o, "references")) {
		const cJSON *usr = cJSON_GetArrayItem(a, 1);
		const cJSON *kind = cJSON_GetArrayItem(a, 2);
		const cJSON *name = cJSON_GetArrayItem(a, 3);
		const cJSON *count = cJSON_GetArrayItem(a, 6);
		struct symref r;
		long from = file_of(cJSON_GetArrayItem(a, 0), index);
		int k = cJSON_IsString(kind)
				? symbol_kind_parse(kind->valuestring)
				: -1;

		if (from < 0 || !cJSON_IsString(usr) || k < 0 ||
		    !cJSON_IsString(name) || !cJSON_IsNumber(count))
			return -1;
		r.from = (size_t)from;
		r.usr = usr->valuestring;
		r.name = name->valuestring;
		r.kind = (enum symbol_kind)k;
		r.target = file_of(cJSON_GetArrayItem(a, 4), index);
		r.decl = file_of(cJSON_GetArrayItem(a, 5), index);
		r.count = json_count(count) > UINT_MAX
				  ? UINT_MAX
				  : (unsigned)json_count(count);
		symindex_add_ref(&sd->index, &r);
	}
	return 0;
}

int model_clang_load(struct scan *s, const cJSON *root, const char *path,
		     const struct strmap *index)
{
	const cJSON *o = cJSON_GetObjectItemCaseSensitive(root, "clang");
	const cJSON *skipped, *m;
	struct symdeps *sd;
	const char *v;

	if (!cJSON_IsObject(o))
		return 0;
	sd = xcalloc(1, sizeof(*sd));
	s->clang = sd;
	if ((v = get_string(o, "compdb")))
		sd->compdb = arena_strdup(&sd->arena, v);
	sd->guessed = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "guessed"));
	if ((v = get_string(o, "resource_dir")))
		sd->resource_dir = arena_strdup(&sd->arena, v);
	v = get_string(o, "pair_headers");
	for (int i = 0; v && i < 3; i++)
		if (!strcmp(v, pair_names[i]))
			sd->pair_headers = i;
	if ((v = get_string(o, "shard")) &&
	    sscanf(v, "%u/%u", &sd->shard_k, &sd->shard_n) != 2)
		sd->shard_k = sd->shard_n = 0;
	sd->partial = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "partial"));
	sd->units = get_size(o, "units");
	sd->parsed = get_size(o, "parsed");
	sd->cached = get_size(o, "cached");
	sd->failed = get_size(o, "failed");
	sd->crashed = get_size(o, "crashed");
	sd->errors = get_size(o, "errors");
	sd->warnings = get_size(o, "warnings");
	sd->include_edges_added = get_size(o, "include_edges_added");
	sd->index.unresolved = get_size(o, "unresolved");
	skipped = cJSON_GetObjectItemCaseSensitive(o, "skipped");
	sd->skipped_missing = get_size(skipped, "missing");
	sd->skipped_outside = get_size(skipped, "outside");
	sd->skipped_not_compiler = get_size(skipped, "not_compiler");
	sd->skipped_not_c = get_size(skipped, "not_c");
	sd->skipped_duplicates = get_size(skipped, "duplicates");
	sd->relative_dirs = get_size(o, "relative_directories");
	sd->response_files = get_size(skipped, "response_files");
	sd->args_ignored = get_size(o, "arguments_ignored");
	sd->args_refused = get_size(o, "arguments_refused");
	sd->crashed_files = load_strings(
		sd, cJSON_GetObjectItemCaseSensitive(o, "crashed_files"),
		&sd->crashed_nr);
	sd->failed_files = load_strings(
		sd, cJSON_GetObjectItemCaseSensitive(o, "failed_files"),
		&sd->failed_nr);
	sd->guessed_dirs = load_strings(
		sd, cJSON_GetObjectItemCaseSensitive(o, "guessed_include_dirs"),
		&sd->guessed_dirs_nr);
	m = cJSON_GetObjectItemCaseSensitive(o, "messages");
	sd->messages = arena_alloc(&sd->arena, ((size_t)cJSON_GetArraySize(m) +
						1) * sizeof(*sd->messages));
	cJSON_ArrayForEach (o, m) {
		const char *text = get_string(o, "text");

		if (!text)
			continue;
		sd->messages[sd->messages_nr].text =
			arena_strdup(&sd->arena, text);
		sd->messages[sd->messages_nr++].units = get_size(o, "units");
	}
	o = cJSON_GetObjectItemCaseSensitive(root, "clang");
	if (load_index(sd, o, index))
		return error("%s: clang.definitions and clang.references "
			     "need [usr, file, kind, name] and [from, usr, "
			     "kind, name, target, decl, count] naming files "
			     "of the model",
			     path);
	symindex_finish(&sd->index);
	return 0;
}
