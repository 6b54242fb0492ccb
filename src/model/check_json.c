/*
 * carve check's part of the model JSON ("check": the counts, each
 * violation with its message, the stale baseline entries), and the
 * message that words a violation for the JSON and the text alike.
 */
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "carve/model_check.h"
#include "carve/model_scan.h"
#include "carve/strbuf.h"
#include "carve/utf8.h"

void check_message(const struct check *c, const struct check_violation *v,
		   struct strbuf *sb)
{
	const struct check_rule *r = &c->rules[v->rule];
	long a = c->contexts.of_file[v->from], b = c->contexts.of_file[v->to];

	strbuf_reset(sb);
	if (v->detail) {
		strbuf_addf(sb, "%s: rule '%s'", v->detail, r->label);
		return;
	}
	strbuf_addf(sb, "imports '%s' (%s -> %s): rule '%s'",
		    v->import ? v->import : c->scan->files[v->to].path,
		    a < 0 ? "no context" : c->contexts.names[a],
		    b < 0 ? "no context" : c->contexts.names[b], r->label);
	if (v->import)
		strbuf_addf(sb, ", %s", c->scan->files[v->to].path);
}


void check_json_add(cJSON *root, const struct check *c)
{
	cJSON *o = cJSON_AddObjectToObject(root, "check"), *list;
	struct strbuf sb = STRBUF_INIT;

	cJSON_AddNumberToObject(o, "violations", (double)c->nr);
	cJSON_AddNumberToObject(o, "new", (double)(c->nr - c->known));
	cJSON_AddNumberToObject(o, "known", (double)c->known);
	cJSON_AddNumberToObject(o, "stale", (double)c->stale_nr);
	list = cJSON_AddArrayToObject(o, "list");
	for (size_t i = 0; i < c->nr; i++) {
		const struct check_violation *v = &c->v[i];
		cJSON *x = cJSON_CreateObject();
		char *s;

		s = utf8_sanitize(c->scan->files[v->from].path);
		cJSON_AddStringToObject(x, "file", s);
		free(s);
		cJSON_AddNumberToObject(x, "line", v->line);
		s = utf8_sanitize(c->scan->files[v->to].path);
		cJSON_AddStringToObject(x, "imports", s);
		free(s);
		s = utf8_sanitize(c->rules[v->rule].label);
		cJSON_AddStringToObject(x, "rule", s);
		free(s);
		check_message(c, v, &sb);
		s = utf8_sanitize(sb.buf);
		cJSON_AddStringToObject(x, "message", s);
		free(s);
		cJSON_AddBoolToObject(x, "known", v->known);
		cJSON_AddItemToArray(list, x);
	}
	list = cJSON_AddArrayToObject(o, "stale_entries");
	for (size_t i = 0; i < c->stale_nr; i++) {
		char *s = utf8_sanitize(c->stale[i]);

		cJSON_AddItemToArray(list, cJSON_CreateString(s));
		free(s);
	}
	strbuf_release(&sb);
}
