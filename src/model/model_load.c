/*
 * Reading a model written by `carve ... -f json` back in, so that later
 * commands run on a saved model instead of rescanning. Unknown fields are
 * ignored (the schema grows within carve/1); a newer schema is refused.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "carve/config.h"
#include "carve/language.h"
#include "carve/model.h"
#include "carve/model_estimate.h"
#include "carve/model_history.h"
#include "carve/model_roadmap.h"
#include "carve/model_scan.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

#define MODEL_MAX_SIZE (2ULL << 30)

static const char *get_string(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static unsigned long get_ulong(const cJSON *o, const char *key)
{
	return (unsigned long)json_count(
		cJSON_GetObjectItemCaseSensitive(o, key));
}

static const char *dup(struct scan *s, const char *str)
{
	return str ? arena_strdup(&s->arena, str) : NULL;
}

static int load_files(struct scan *s, const cJSON *files, const char *path,
		      struct strmap *index)
{
	const cJSON *f;
	size_t i = 0;

	s->nr = (size_t)cJSON_GetArraySize(files);
	s->files = xcalloc(s->nr ? s->nr : 1, sizeof(*s->files));
	cJSON_ArrayForEach(f, files) {
		struct scan_file *sf = &s->files[i];
		const char *p = get_string(f, "path");
		const char *status = get_string(f, "status");
		const char *lang = get_string(f, "language");
		const char *blob = get_string(f, "blob");
		int st = status ? scan_status_parse(status) : -1;

		if (!p || st < 0)
			return error("%s: files[%zu] needs a path and a known "
				     "status", path, i);
		sf->path = dup(s, p);
		sf->status = (enum file_status)st;
		sf->lang = lang ? language_by_name(lang) : NULL;
		/* counted needs a language this carve knows (or any at all) */
		if (!sf->lang && sf->status == FILE_COUNTED)
			sf->status = FILE_UNKNOWN;
		sf->module = dup(s, get_string(f, "module"));
		sf->reason = dup(s, get_string(f, "reason"));
		sf->size = get_ulong(f, "size");
		if (blob && strlen(blob) == 40)
			memcpy(sf->blob, blob, 41);
		sf->counts.code = get_ulong(f, "code");
		sf->counts.comment = get_ulong(f, "comment");
		sf->counts.blank = get_ulong(f, "blank");
		sf->counts.complexity = get_ulong(f, "complexity");
		sf->counts.lines = sf->counts.code + sf->counts.comment +
				   sf->counts.blank;
		if (sf->status == FILE_COUNTED && !sf->module)
			sf->module = ".";
		strmap_put(index, sf->path, (void *)(i + 1));
		i++;
	}
	/* a header's implementation file (optional, newer models) */
	i = 0;
	for (f = files ? files->child : NULL; f; f = f->next, i++) {
		const char *pair = get_string(f, "pair");

		if (pair)
			s->files[i].pair = (size_t)strmap_get(index, pair);
	}
	return 0;
}

static int load_edges(struct scan *s, const cJSON *edges, const char *path,
		      const struct strmap *index)
{
	static const char *const kinds[] = { "include", "import", "require",
					     "use",	"mod",	  "export",
					     "symbol" };
	const cJSON *e;
	size_t alloc = 0, i = 0;

	cJSON_ArrayForEach(e, edges) {
		const char *from = get_string(e, "from");
		const char *to = get_string(e, "to");
		const char *kind = get_string(e, "kind");
		size_t f = from ? (size_t)strmap_get(index, from) : 0;
		size_t t = to ? (size_t)strmap_get(index, to) : 0;
		struct scan_edge *x;
		int k = -1;

		for (int j = 0; kind && j < 7; j++)
			if (!strcmp(kind, kinds[j]))
				k = j;
		if (!f || !t || k < 0)
			return error("%s: edges[%zu] needs 'from' and 'to' "
				     "naming files of the model and a known "
				     "kind", path, i);
		ALLOC_GROW(s->edges, s->edges_nr + 1, alloc);
		x = &s->edges[s->edges_nr++];
		memset(x, 0, sizeof(*x));
		x->from = f - 1;
		x->to = t - 1;
		x->kind = (enum dep_kind)k;
		x->weight = (unsigned)get_ulong(e, "weight");
		if (model_clang_load_symbols(s, x, e))
			return error("%s: edges[%zu].symbols needs a name and "
				     "a known kind for each symbol",
				     path, i);
		i++;
	}
	return 0;
}

static void load_externals(struct scan *s, const cJSON *ext)
{
	const cJSON *e;
	size_t alloc = 0;

	cJSON_ArrayForEach(e, ext) {
		const char *name = get_string(e, "name");

		if (!name)
			continue;
		ALLOC_GROW(s->externals, s->externals_nr + 1, alloc);
		s->externals[s->externals_nr].name = dup(s, name);
		s->externals[s->externals_nr].refs = get_ulong(e, "refs");
		s->externals[s->externals_nr].files = get_ulong(e, "files");
		s->externals[s->externals_nr].stdlib =
			cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(e, "stdlib"));
		s->externals_nr++;
	}
}

static void load_assumptions(struct model *m, const cJSON *arr)
{
	const cJSON *a;

	cJSON_ArrayForEach (a, arr) {
		const char *name = get_string(a, "name");
		const char *value = get_string(a, "value");
		const char *source = get_string(a, "source");

		if (name && value)
			model_assume(m, name, source ? source : "model", "%s",
				     value);
	}
}

int model_load_json(struct model *m, const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	struct strmap index = STRMAP_INIT;
	cJSON *root = NULL;
	const cJSON *repo, *files, *assumptions;
	const char *schema, *head;
	struct scan *s = NULL;
	int ret;

	ret = strbuf_read_file(&sb, path, MODEL_MAX_SIZE);
	if (ret) {
		ret = error("cannot read '%s': %s", path, strerror(errno));
		goto done;
	}
	root = config_parse_jsonc(sb.buf, sb.len, path);
	if (!root) {
		ret = CARVE_EINVALID;
		goto done;
	}
	schema = get_string(root, "schema");
	if (!schema || strncmp(schema, "carve/", 6)) {
		ret = error("'%s' is not a carve model (no \"schema\": "
			    "\"carve/1\")", path);
		goto done;
	}
	if (strcmp(schema, MODEL_SCHEMA)) {
		ret = error("'%s' has schema '%s'; this carve reads '%s' "
			    "(a newer carve wrote it?)", path, schema,
			    MODEL_SCHEMA);
		goto done;
	}
	files = cJSON_GetObjectItemCaseSensitive(root, "files");
	if (!cJSON_IsArray(files)) {
		ret = error("'%s' has no \"files\": run 'carve scan -f json' "
			    "to make a model", path);
		goto done;
	}
	s = xcalloc(1, sizeof(*s));
	repo = cJSON_GetObjectItemCaseSensitive(root, "repo");
	s->root = xstrdup(get_string(repo, "root") ? get_string(repo, "root") :
			  path);
	s->prefix = xstrdup(get_string(repo, "prefix") ?
			    get_string(repo, "prefix") : "");
	s->is_git = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(repo, "git"));
	head = get_string(repo, "head");
	if (head && strlen(head) == 40)
		memcpy(s->head, head, 41);
	if (get_string(repo, "branch"))
		s->branch = xstrdup(get_string(repo, "branch"));
	snprintf(s->scanned_at, sizeof(s->scanned_at), "%s",
		 get_string(repo, "scanned_at") ? get_string(repo,
							     "scanned_at") : "");
	if ((ret = load_files(s, files, path, &index)))
		goto done;
	if ((ret = load_edges(s, cJSON_GetObjectItemCaseSensitive(root,
								   "edges"),
			      path, &index)))
		goto done;
	load_externals(s, cJSON_GetObjectItemCaseSensitive(root, "externals"));
	if ((ret = model_clang_load(s, root, path, &index)))
		goto done;
	assumptions = cJSON_GetObjectItemCaseSensitive(root, "assumptions");
	load_assumptions(m, assumptions);
	scan_summarise(s);
	if (cJSON_GetObjectItemCaseSensitive(root, "history") &&
	    (ret = history_from_json(
		     &m->history,
		     cJSON_GetObjectItemCaseSensitive(root, "history"), path)))
		goto done;
	if (cJSON_GetObjectItemCaseSensitive(root, "roadmap") &&
	    (ret = roadmap_saved_load(
		     &m->roadmap_saved,
		     cJSON_GetObjectItemCaseSensitive(root, "roadmap"), path)))
		goto done;
	if (cJSON_GetObjectItemCaseSensitive(root, "estimate") &&
	    (ret = estimate_json_load(
		     &m->estimate,
		     cJSON_GetObjectItemCaseSensitive(root, "estimate"), path)))
		goto done;
	m->scan = s;
	s = NULL;
done:
	scan_free(s);
	strmap_release(&index);
	cJSON_Delete(root);
	strbuf_release(&sb);
	return ret;
}

int model_is_file(const char *arg)
{
	struct stat st;
	size_t n = strlen(arg);

	return n > 5 && !strcmp(arg + n - 5, ".json") && !stat(arg, &st) &&
	       S_ISREG(st.st_mode);
}
