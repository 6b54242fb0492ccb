/*
 * carve check as SARIF 2.1.0 (OASIS Static Analysis Results Interchange
 * Format): one run, the rules of carve.json as its reporting
 * descriptors, one result per violation with a physical location
 * relative to the repository root (%SRCROOT%).
 */

#include <cjson/cJSON.h>
#include <stdlib.h>

#include "carve/check_sarif.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/utf8.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

static void add_str(cJSON *o, const char *key, const char *value)
{
	char *clean = utf8_sanitize(value);

	cJSON_AddStringToObject(o, key, clean);
	free(clean);
}

/* { "text": s }, SARIF's message object */
static void add_message(cJSON *o, const char *key, const char *text)
{
	add_str(cJSON_AddObjectToObject(o, key), "text", text);
}

/* "carve/rule-1", ...: stable while carve.json keeps its order */
static void rule_id(struct strbuf *sb, size_t i)
{
	strbuf_reset(sb);
	strbuf_addf(sb, "carve/rule-%zu", i + 1);
}

static void add_rules(cJSON *driver, const struct check *c)
{
	cJSON *rules = cJSON_AddArrayToObject(driver, "rules");
	struct strbuf id = STRBUF_INIT;

	for (size_t i = 0; i < c->rules_nr; i++) {
		cJSON *r = cJSON_CreateObject();

		rule_id(&id, i);
		add_str(r, "id", id.buf);
		add_str(r, "name", c->rules[i].label);
		add_message(r, "shortDescription", c->rules[i].label);
		add_str(cJSON_AddObjectToObject(r, "defaultConfiguration"),
			"level", "error");
		cJSON_AddItemToArray(rules, r);
	}
	strbuf_release(&id);
}

static cJSON *result(const struct check *c, const struct check_violation *v,
		     struct strbuf *sb)
{
	cJSON *r = cJSON_CreateObject(), *loc, *phys, *art;

	rule_id(sb, v->rule);
	add_str(r, "ruleId", sb->buf);
	cJSON_AddNumberToObject(r, "ruleIndex", (double)v->rule);
	add_str(r, "level", v->known ? "note" : "error");
	check_message(c, v, sb);
	add_message(r, "message", sb->buf);
	loc = cJSON_CreateObject();
	phys = cJSON_AddObjectToObject(loc, "physicalLocation");
	art = cJSON_AddObjectToObject(phys, "artifactLocation");
	add_str(art, "uri", c->scan->files[v->from].path);
	add_str(art, "uriBaseId", "%SRCROOT%");
	if (v->line)
		cJSON_AddNumberToObject(cJSON_AddObjectToObject(phys, "region"),
					"startLine", v->line);
	cJSON_AddItemToArray(cJSON_AddArrayToObject(r, "locations"), loc);
	/* the baseline's key: the same violation on another line matches */
	add_str(cJSON_AddObjectToObject(r, "partialFingerprints"),
		"carveViolation/v1", v->key);
	add_str(r, "baselineState", v->known ? "unchanged" : "new");
	if (v->known) {
		cJSON *s = cJSON_CreateObject();

		add_str(s, "kind", "external");
		add_str(s, "justification", "listed in the carve baseline");
		cJSON_AddItemToArray(cJSON_AddArrayToObject(r, "suppressions"),
				     s);
	}
	return r;
}

void check_print_sarif(FILE *fp, const struct check *c)
{
	cJSON *root = cJSON_CreateObject(), *run, *tool, *driver, *results;
	cJSON *inv, *notes;
	struct strbuf sb = STRBUF_INIT;
	char *text;

	add_str(root, "$schema", SARIF_SCHEMA);
	add_str(root, "version", "2.1.0");
	run = cJSON_CreateObject();
	cJSON_AddItemToArray(cJSON_AddArrayToObject(root, "runs"), run);
	tool = cJSON_AddObjectToObject(run, "tool");
	driver = cJSON_AddObjectToObject(tool, "driver");
	add_str(driver, "name", "carve");
	add_str(driver, "version", CARVE_VERSION);
	add_rules(driver, c);
	/* stale baseline entries: warnings of the run, not results */
	inv = cJSON_CreateObject();
	cJSON_AddItemToArray(cJSON_AddArrayToObject(run, "invocations"), inv);
	cJSON_AddTrueToObject(inv, "executionSuccessful");
	notes = cJSON_AddArrayToObject(inv, "toolExecutionNotifications");
	for (size_t i = 0; i < c->stale_nr; i++) {
		cJSON *n = cJSON_CreateObject();

		strbuf_reset(&sb);
		strbuf_addf(&sb, "stale baseline entry: %s", c->stale[i]);
		add_str(n, "level", "warning");
		add_message(n, "message", sb.buf);
		cJSON_AddItemToArray(notes, n);
	}
	results = cJSON_AddArrayToObject(run, "results");
	for (size_t i = 0; i < c->nr; i++)
		cJSON_AddItemToArray(results, result(c, &c->v[i], &sb));
	text = cJSON_Print(root);
	fputs(text, fp);
	fputc('\n', fp);
	free(text);
	cJSON_Delete(root);
	strbuf_release(&sb);
}
