/*
 * The model as JSON, built with cJSON. Every string that comes from the
 * repository passes through utf8_sanitize() first: JSON must be valid
 * UTF-8 even when file names are not (invalid bytes become U+FFFD).
 */
#include <cjson/cJSON.h>
#include <stdarg.h>
#include <string.h>

#include "carve/json.h"
#include "carve/language.h"
#include "carve/model.h"
#include "carve/model_api.h"
#include "carve/model_burndown.h"
#include "carve/model_check.h"
#include "carve/model_data.h"
#include "carve/model_estimate.h"
#include "carve/model_history.h"
#include "carve/model_roadmap.h"
#include "carve/model_scan.h"
#include "carve/model_seams.h"
#include "carve/strbuf.h"
#include "carve/utf8.h"
#include "carve/xmalloc.h"

void model_assume(struct model *m, const char *name, const char *source,
		  const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	struct assumption *a;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	ALLOC_GROW(m->assumptions, m->assumptions_nr + 1, m->assumptions_alloc);
	a = &m->assumptions[m->assumptions_nr++];
	a->name = xstrdup(name);
	a->source = xstrdup(source);
	a->value = strbuf_detach(&sb, NULL);
}

static void add_counts(cJSON *obj, const struct line_counts *c)
{
	json_add_uint_ref(obj, "code", c->code);
	json_add_uint_ref(obj, "comment", c->comment);
	json_add_uint_ref(obj, "blank", c->blank);
	json_add_uint_ref(obj, "complexity", c->complexity);
}

static cJSON *groups_json(const struct scan_group *g, size_t nr)
{
	cJSON *arr = cJSON_CreateArray();

	for (size_t i = 0; i < nr; i++) {
		cJSON *o = cJSON_CreateObject();

		json_add_str_ref(o, "name", g[i].name);
		json_add_uint_ref(o, "files", g[i].files);
		add_counts(o, &g[i].counts);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *file_json(const struct scan *s, const struct scan_file *f)
{
	cJSON *o = cJSON_CreateObject();

	json_add_str_ref(o, "path", f->path);
	json_add_str_ref(o, "status", scan_status_name(f->status));
	json_add_str_ref(o, "language", f->lang ? f->lang->name : NULL);
	json_add_str_ref(o, "module", f->module);
	if (f->pair && f->pair <= s->nr)
		json_add_str_ref(o, "pair", s->files[f->pair - 1].path);
	if (f->reason)
		json_add_str_ref(o, "reason", f->reason);
	if (f->untracked)
		cJSON_AddTrueToObject(o, "untracked");
	json_add_uint_ref(o, "size", f->size);
	json_add_str_ref(o, "blob", *f->blob ? f->blob : NULL);
	json_add_uint_ref(o, "lines", f->counts.lines);
	add_counts(o, &f->counts);
	return o;
}

static const char *const kind_names[] = {
	[DEP_INCLUDE] = "include", [DEP_IMPORT] = "import",
	[DEP_REQUIRE] = "require", [DEP_USE] = "use",
	[DEP_MOD] = "mod",	   [DEP_EXPORT] = "export",
	[DEP_SYMBOL] = "symbol",
};

static const char *const flag_names[] = {
	"angle", "conditional", "type-only", "local", "dynamic", "wildcard",
	"static", "declares", "reference", "global",
};

static cJSON *edges_json(const struct scan *s)
{
	cJSON *arr = cJSON_CreateArray();

	for (size_t i = 0; i < s->edges_nr; i++) {
		const struct scan_edge *e = &s->edges[i];
		cJSON *o = cJSON_CreateObject();

		json_add_str_ref(o, "from", s->files[e->from].path);
		json_add_str_ref(o, "to", s->files[e->to].path);
		json_add_str_ref(o, "kind", kind_names[e->kind]);
		json_add_uint_ref(o, "weight", e->weight);
		if (e->flags) {
			cJSON *flags = cJSON_AddArrayToObject(o, "flags");

			for (size_t b = 0; b < sizeof(flag_names) /
					       sizeof(*flag_names); b++)
				if (e->flags & (1u << b))
					cJSON_AddItemToArray(flags,
						cJSON_CreateStringReference(flag_names[b]));
		}
		model_clang_symbols(o, e);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *externals_json(const struct scan *s)
{
	cJSON *arr = cJSON_CreateArray();

	for (size_t i = 0; i < s->externals_nr; i++) {
		cJSON *o = cJSON_CreateObject();

		json_add_str_ref(o, "name", s->externals[i].name);
		json_add_uint_ref(o, "refs", s->externals[i].refs);
		json_add_uint_ref(o, "files", s->externals[i].files);
		if (s->externals[i].stdlib)
			cJSON_AddItemToObjectCS(o, "stdlib",
						cJSON_CreateTrue());
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *scan_json(cJSON *root, const struct scan *s)
{
	cJSON *repo = cJSON_AddObjectToObject(root, "repo");
	cJSON *totals, *status, *files;

	json_add_str_ref(repo, "root", s->root);
	json_add_str_ref(repo, "prefix", s->prefix);
	cJSON_AddBoolToObject(repo, "git", s->is_git);
	json_add_str_ref(repo, "head", *s->head ? s->head : NULL);
	json_add_str_ref(repo, "branch", s->branch);
	json_add_str_ref(repo, "scanned_at", s->scanned_at);

	totals = cJSON_AddObjectToObject(root, "totals");
	json_add_uint_ref(totals, "files", s->nr);
	json_add_uint_ref(totals, "counted", s->status_count[FILE_COUNTED]);
	add_counts(totals, &s->total);
	json_add_uint_ref(totals, "edges", s->edges_nr);
	json_add_uint_ref(totals, "unresolved", s->unresolved);
	status = cJSON_AddObjectToObject(totals, "status");
	for (int i = 0; i <= FILE_SPECIAL; i++)
		json_add_uint_ref(status, scan_status_name(i),
				  s->status_count[i]);

	cJSON_AddItemToObject(root, "languages",
			      groups_json(s->languages, s->languages_nr));
	cJSON_AddItemToObject(root, "modules",
			      groups_json(s->modules, s->modules_nr));
	files = cJSON_AddArrayToObject(root, "files");
	for (size_t i = 0; i < s->nr; i++)
		cJSON_AddItemToArray(files, file_json(s, &s->files[i]));
	cJSON_AddItemToObject(root, "edges", edges_json(s));
	cJSON_AddItemToObject(root, "externals", externals_json(s));
	model_clang_json(root, s);
	return root;
}

int model_write_json(FILE *fp, const struct model *m)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *assumptions;
	char *text;

	cJSON_AddStringToObject(root, "schema", MODEL_SCHEMA);
	cJSON_AddStringToObject(root, "generator", "carve " CARVE_VERSION);
	if (m->scan)
		scan_json(root, m->scan);
	if (m->history)
		cJSON_AddItemToObject(root, "history",
				      history_to_json(m->history));
	if (m->seams)
		seams_json_add(root, m->seams);
	if (m->check)
		check_json_add(root, m->check);
	if (m->burndown)
		cJSON_AddItemToObject(root, "burndown",
				      burndown_to_json(m->burndown));
	if (m->estimate)
		estimate_json_add(root, m->estimate);
	if (m->roadmap)
		roadmap_json_add(root, m->roadmap);
	else if (m->roadmap_saved)
		cJSON_AddItemToObject(root, "roadmap",
				      cJSON_Duplicate(m->roadmap_saved->part, 1));
	if (m->data)
		data_json_add(root, m->data);
	if (m->api)
		api_json_add(root, m->api);
	assumptions = cJSON_AddArrayToObject(root, "assumptions");
	for (size_t i = 0; i < m->assumptions_nr; i++) {
		cJSON *o = cJSON_CreateObject();

		json_add_str_ref(o, "name", m->assumptions[i].name);
		json_add_str_ref(o, "value", m->assumptions[i].value);
		json_add_str_ref(o, "source", m->assumptions[i].source);
		cJSON_AddItemToArray(assumptions, o);
	}
	text = cJSON_Print(root);
	cJSON_Delete(root);
	if (!text)
		die("out of memory writing the model");
	fwrite(text, 1, strlen(text), fp);
	fputc('\n', fp);
	free(text);
	return 0;
}

void model_release(struct model *m)
{
	if (!m)
		return;
	seams_free(m->seams);
	estimate_free(m->estimate);
	roadmap_saved_free(m->roadmap_saved);
	scan_free(m->scan);
	history_free(m->history);
	for (size_t i = 0; i < m->assumptions_nr; i++) {
		free(m->assumptions[i].name);
		free(m->assumptions[i].value);
		free(m->assumptions[i].source);
	}
	free(m->assumptions);
	memset(m, 0, sizeof(*m));
}
