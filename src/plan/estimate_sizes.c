/*
 * An estimate from declared sizes instead of a repository: a JSON file
 * listing contexts with their code lines by language (and test code,
 * generated lines, interfaces, owned tables). It states a case such as
 * Khan Academy's 1M Python lines in 40 services without the code.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <string.h>

#include "carve/config.h"
#include "carve/error.h"
#include "carve/estimate.h"
#include "carve/estimate_build.h"
#include "carve/language.h"
#include "carve/rates.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"

#define SIZES_MAX_FILE (256u << 20)

static int get_count(unsigned long *out, const cJSON *v, const char *path,
		     size_t i, const char *key)
{
	if (!v)
		return 0;
	if (!cJSON_IsNumber(v) || !(v->valuedouble >= 0) ||
	    v->valuedouble > 1e15 || v->valuedouble != floor(v->valuedouble))
		return error_code(CARVE_EINVALID,
				  "'%s': contexts[%zu].%s must be a whole "
				  "number of at least 0",
				  path, i, key);
	*out = (unsigned long)v->valuedouble;
	return 0;
}

static int add_lines(struct estimate_build *b, struct estimate_context *x,
		     const cJSON *langs, const char *path, size_t i,
		     const char *what, int test)
{
	struct strbuf key = STRBUF_INIT;
	int ret = 0;

	if (!langs)
		return 0;
	if (!cJSON_IsObject(langs))
		return error_code(CARVE_EINVALID,
				  "'%s': contexts[%zu].%s must be an object "
				  "of language: code lines",
				  path, i, what);
	for (const cJSON *l = langs->child; l; l = l->next) {
		const struct language *lang = language_by_name(l->string);
		unsigned long n = 0;
		char k[64];

		strbuf_reset(&key);
		strbuf_addf(&key, "%s.%s", what, l->string);
		if ((ret = get_count(&n, l, path, i, key.buf)))
			break;
		if (!lang && n)
			warning("'%s': contexts[%zu] (%s): language '%s' is "
				"not one carve knows: rate \"unknown\" (the "
				"fallback)",
				path, i, x->name, l->string);
		estimate_build_work(
			b, x,
			lang ? rates_lang_key(k, sizeof(k), lang->name)
			     : "unknown",
			!lang || estimate_rewritten(lang), n, test, 1);
	}
	strbuf_release(&key);
	return ret;
}

static int add_context(struct estimate_build *b, struct strmap *names,
		       const cJSON *c, const char *path, size_t i)
{
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(c, "name");
	const cJSON *service = cJSON_GetObjectItemCaseSensitive(c, "service");
	struct estimate_context *x;
	unsigned long n = 0;

	if (!cJSON_IsObject(c) || !cJSON_IsString(name) || !*name->valuestring)
		return error_code(CARVE_EINVALID,
				  "'%s': contexts[%zu] needs a \"name\"", path,
				  i);
	if (strmap_get(names, name->valuestring))
		return error_code(CARVE_EINVALID,
				  "'%s': contexts[%zu]: context '%s' is "
				  "declared twice",
				  path, i, name->valuestring);
	/* the key is the document's string, which outlives the map */
	strmap_put(names, name->valuestring, (void *)c);
	for (const cJSON *k = c->child; k; k = k->next)
		if (strcmp(k->string, "name") && strcmp(k->string, "code") &&
		    strcmp(k->string, "tests") &&
		    strcmp(k->string, "generated") &&
		    strcmp(k->string, "interfaces") &&
		    strcmp(k->string, "tables") && strcmp(k->string, "service"))
			warning("'%s': contexts[%zu]: unknown key \"%s\"", path,
				i, k->string);
	x = estimate_build_context(b, name->valuestring);
	if (service && !cJSON_IsBool(service))
		return error_code(CARVE_EINVALID,
				  "'%s': contexts[%zu].service must be true "
				  "or false",
				  path, i);
	if (service)
		x->service = cJSON_IsTrue(service);
	x->complexity = 1;
	if (add_lines(b, x, cJSON_GetObjectItemCaseSensitive(c, "code"), path,
		      i, "code", 0) ||
	    add_lines(b, x, cJSON_GetObjectItemCaseSensitive(c, "tests"), path,
		      i, "tests", 1) ||
	    get_count(&x->generated,
		      cJSON_GetObjectItemCaseSensitive(c, "generated"), path, i,
		      "generated"))
		return CARVE_EINVALID;
	if (get_count(&n, cJSON_GetObjectItemCaseSensitive(c, "interfaces"),
		      path, i, "interfaces"))
		return CARVE_EINVALID;
	x->interfaces = n;
	n = 0;
	if (get_count(&n, cJSON_GetObjectItemCaseSensitive(c, "tables"), path,
		      i, "tables"))
		return CARVE_EINVALID;
	x->tables = n;
	b->tables |= n > 0;
	return 0;
}

int estimate_build_sizes(struct estimate **out, const char *path,
			 const struct estimate_options *o)
{
	struct estimate_build b;
	struct strbuf text = STRBUF_INIT;
	struct strmap names = STRMAP_INIT;
	cJSON *root = NULL;
	const cJSON *contexts;
	size_t i = 0;
	int ret;

	if ((ret = estimate_build_begin(&b, o)))
		goto done;
	if (strbuf_read_file(&text, path, SIZES_MAX_FILE) < 0) {
		ret = error("cannot read sizes file '%s'", path);
		goto done;
	}
	if (!(root = config_parse_jsonc(text.buf, text.len, path))) {
		ret = CARVE_EINVALID;
		goto done;
	}
	contexts = cJSON_GetObjectItemCaseSensitive(root, "contexts");
	if (!cJSON_IsArray(contexts)) {
		ret = error_code(CARVE_EINVALID,
				 "'%s': no \"contexts\" array (see "
				 "carve-estimate(1), SIZES)",
				 path);
		goto done;
	}
	if ((size_t)cJSON_GetArraySize(contexts) > ESTIMATE_MAX_CONTEXTS) {
		ret = error_code(CARVE_ETOOBIG,
				 "'%s': %d contexts: carve estimate takes at "
				 "most %d; group them into fewer",
				 path, cJSON_GetArraySize(contexts),
				 ESTIMATE_MAX_CONTEXTS);
		goto done;
	}
	b.e->density = 0;
	for (const cJSON *c = contexts->child; c; c = c->next, i++)
		if ((ret = add_context(&b, &names, c, path, i)))
			goto done;
	ret = estimate_build_finish(&b, out);
done:
	strmap_release(&names);
	cJSON_Delete(root);
	strbuf_release(&text);
	estimate_build_release(&b);
	return ret;
}
