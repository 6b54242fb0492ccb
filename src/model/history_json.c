/*
 * The model's "history" part as JSON, both ways: written by
 * model_write_json(), read back by model_load_json() so that later
 * commands (seams, estimate, burndown) can use a saved model. Names of
 * authors, teams and entities stand for the indexes of struct history;
 * history_free() releases one.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "carve/config.h"
#include "carve/error.h"
#include "carve/json.h"
#include "carve/model_history.h"
#include "carve/strmap.h"
#include "carve/utf8.h"
#include "carve/xmalloc.h"

static const char *const grouping_names[] = { "commit", "ticket", "day" };

static void add_time(cJSON *o, const char *key, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char buf[32];

	if (!t || !gmtime_r(&tt, &tm)) {
		cJSON_AddNullToObject(o, key);
		return;
	}
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
	cJSON_AddStringToObject(o, key, buf);
}

static cJSON *shares_json(const struct history *h,
			  const struct history_share *s, size_t nr, int teams)
{
	cJSON *arr = cJSON_CreateArray();

	for (size_t i = 0; i < nr; i++) {
		cJSON *o = cJSON_CreateObject();

		json_add_str(o, "name",
			     teams ? h->teams[s[i].who].name
				   : h->authors[s[i].who].name);
		json_add_uint(o, "revisions", s[i].revisions);
		json_add_uint(o, "added", s[i].added);
		json_add_uint(o, "deleted", s[i].deleted);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *entities_json(const struct history *h,
			    const struct history_entity *e, size_t nr,
			    int modules)
{
	cJSON *arr = cJSON_CreateArray();

	for (size_t i = 0; i < nr; i++) {
		const struct history_entity *x = &e[i];
		cJSON *o = cJSON_CreateObject();

		json_add_str(o, modules ? "name" : "path", x->name);
		if (modules)
			json_add_uint(o, "files", x->files);
		else
			json_add_str(o, "module", x->module);
		cJSON_AddBoolToObject(o, "exists", x->exists);
		json_add_uint(o, "revisions", x->revisions);
		json_add_uint(o, "added", x->added);
		json_add_uint(o, "deleted", x->deleted);
		json_add_uint(o, "binary", x->binary);
		add_time(o, "first", x->first);
		add_time(o, "last", x->last);
		json_add_uint(
			o, "age_days",
			h->now > x->last
				? (unsigned long long)((h->now - x->last) /
						       86400)
				: 0);
		json_add_uint(o, "code", x->code);
		json_add_uint(o, "complexity", x->complexity);
		json_add_uint(o, "hotspot", x->hotspot);
		json_add_uint(o, "hotspot_loc", x->hotspot_loc);
		cJSON_AddItemToObject(o, "authors",
				      shares_json(h, x->authors, x->authors_nr,
						  0));
		if (h->teams_nr)
			cJSON_AddItemToObject(o, "teams",
					      shares_json(h, x->teams,
							  x->teams_nr, 1));
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *coupling_json(const struct history_coupling *c,
			    const struct history_entity *e)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *removed, *pairs;

	json_add_uint(o, "changes", c->changesets);
	json_add_uint(o, "large", c->large);
	json_add_uint(o, "candidates", c->candidates);
	removed = cJSON_AddObjectToObject(o, "removed");
	json_add_uint(removed, "min_revs", c->below_min_revs);
	json_add_uint(removed, "min_shared", c->below_min_shared);
	json_add_uint(removed, "min_coupling", c->below_min_coupling);
	pairs = cJSON_AddArrayToObject(o, "pairs");
	for (size_t i = 0; i < c->nr; i++) {
		const struct history_pair *p = &c->pairs[i];
		cJSON *x = cJSON_CreateObject();

		json_add_str(x, "entity", e[p->a].name);
		json_add_str(x, "coupled", e[p->b].name);
		json_add_uint(x, "degree", (unsigned long long)p->degree);
		json_add_uint(x, "shared", p->shared);
		json_add_uint(x, "entity_revisions", p->revs_a);
		json_add_uint(x, "coupled_revisions", p->revs_b);
		cJSON_AddItemToArray(pairs, x);
	}
	return o;
}

cJSON *history_to_json(const struct history *h)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *settings, *arr, *coupling;

	json_add_str(o, "rev", h->rev);
	json_add_str(o, "head", *h->head ? h->head : NULL);
	cJSON_AddBoolToObject(o, "shallow", h->shallow);
	json_add_uint(o, "cut", h->cut);
	json_add_uint(o, "commits", h->commits);
	json_add_uint(o, "merges", h->merges);
	json_add_uint(o, "analysed", h->analysed);
	json_add_uint(o, "missing", h->missing);
	json_add_uint(o, "unreadable", h->unreadable);
	json_add_uint(o, "changes", h->changes);
	json_add_uint(o, "filtered", h->filtered);
	json_add_uint(o, "added", h->added);
	json_add_uint(o, "deleted", h->deleted);
	json_add_uint(o, "binary", h->binary);
	add_time(o, "first", h->first);
	add_time(o, "last", h->last);
	add_time(o, "now", h->now);
	settings = cJSON_AddObjectToObject(o, "settings");
	json_add_uint(settings, "max_changeset",
		      (unsigned long long)h->max_changeset);
	json_add_uint(settings, "min_revs", (unsigned long long)h->min_revs);
	json_add_uint(settings, "min_shared",
		      (unsigned long long)h->min_shared);
	json_add_uint(settings, "min_coupling",
		      (unsigned long long)h->min_coupling);
	json_add_str(settings, "group_by", grouping_names[h->group_by]);
	json_add_str(settings, "ticket_regex", h->ticket_regex);
	cJSON_AddBoolToObject(settings, "follow_renames", h->follow_renames);
	cJSON_AddBoolToObject(settings, "mailmap", h->mailmap);
	arr = cJSON_AddArrayToObject(o, "authors");
	for (size_t i = 0; i < h->authors_nr; i++) {
		const struct history_author *a = &h->authors[i];
		cJSON *x = cJSON_CreateObject();

		json_add_str(x, "name", a->name);
		json_add_str(x, "email", a->email);
		json_add_str(x, "team",
			     a->team >= 0 ? h->teams[a->team].name : NULL);
		json_add_uint(x, "commits", a->commits);
		json_add_uint(x, "added", a->added);
		json_add_uint(x, "deleted", a->deleted);
		add_time(x, "first", a->first);
		add_time(x, "last", a->last);
		cJSON_AddItemToArray(arr, x);
	}
	arr = cJSON_AddArrayToObject(o, "teams");
	for (size_t i = 0; i < h->teams_nr; i++) {
		const struct history_team *t = &h->teams[i];
		cJSON *x = cJSON_CreateObject();

		json_add_str(x, "name", t->name);
		json_add_uint(x, "authors", t->authors);
		json_add_uint(x, "commits", t->commits);
		json_add_uint(x, "added", t->added);
		json_add_uint(x, "deleted", t->deleted);
		cJSON_AddItemToArray(arr, x);
	}
	cJSON_AddItemToObject(o, "files",
			      entities_json(h, h->files, h->files_nr, 0));
	cJSON_AddItemToObject(o, "modules",
			      entities_json(h, h->modules, h->modules_nr, 1));
	coupling = cJSON_AddObjectToObject(o, "coupling");
	cJSON_AddItemToObject(coupling, "files",
			      coupling_json(&h->file_coupling, h->files));
	cJSON_AddItemToObject(coupling, "modules",
			      coupling_json(&h->module_coupling, h->modules));
	arr = cJSON_AddArrayToObject(o, "left_out");
	for (size_t i = 0; i < h->large_nr; i++) {
		cJSON *x = cJSON_CreateObject();

		json_add_str(x, "change", h->large[i].id);
		json_add_uint(x, "files", h->large[i].files);
		cJSON_AddItemToArray(arr, x);
	}
	return o;
}

/* Reading back. */

static const char *get_string(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static unsigned long long get_uint(const cJSON *o, const char *key)
{
	return json_count(cJSON_GetObjectItemCaseSensitive(o, key));
}

static int get_bool(const cJSON *o, const char *key)
{
	return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, key));
}

static int64_t get_time(const cJSON *o, const char *key)
{
	const char *s = get_string(o, key);
	struct tm tm = { 0 };

	if (!s || sscanf(s, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon,
			 &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return (int64_t)timegm(&tm);
}

static const char *dup(struct history *h, const char *s)
{
	return s ? arena_strdup(&h->arena, s) : NULL;
}

static void load_shares(struct history_share **out, size_t *nr,
			const cJSON *arr, const struct strmap *index)
{
	const cJSON *x;
	size_t n = (size_t)cJSON_GetArraySize(arr);

	*out = n ? xcalloc(n, sizeof(**out)) : NULL;
	*nr = 0;
	cJSON_ArrayForEach (x, arr) {
		const char *name = get_string(x, "name");
		size_t who = name ? (size_t)strmap_get(index, name) : 0;

		if (!who)
			continue;
		(*out)[*nr].who = (uint32_t)(who - 1);
		(*out)[*nr].revisions = get_uint(x, "revisions");
		(*out)[*nr].added = get_uint(x, "added");
		(*out)[*nr].deleted = get_uint(x, "deleted");
		(*nr)++;
	}
}

static void load_entities(struct history *h, struct history_entity **out,
			  size_t *nr, const cJSON *arr, int modules,
			  const struct strmap *authors,
			  const struct strmap *teams, struct strmap *names)
{
	const cJSON *x;
	size_t n = (size_t)cJSON_GetArraySize(arr);

	*out = xcalloc(n + 1, sizeof(**out));
	*nr = 0;
	cJSON_ArrayForEach (x, arr) {
		struct history_entity *e = &(*out)[*nr];
		const char *name = get_string(x, modules ? "name" : "path");

		if (!name)
			continue;
		e->name = dup(h, name);
		e->module = dup(h, get_string(x, "module"));
		e->files = get_uint(x, "files");
		e->exists = get_bool(x, "exists");
		e->revisions = get_uint(x, "revisions");
		e->added = get_uint(x, "added");
		e->deleted = get_uint(x, "deleted");
		e->binary = get_uint(x, "binary");
		e->first = get_time(x, "first");
		e->last = get_time(x, "last");
		e->code = get_uint(x, "code");
		e->complexity = get_uint(x, "complexity");
		e->hotspot = get_uint(x, "hotspot");
		e->hotspot_loc = get_uint(x, "hotspot_loc");
		load_shares(&e->authors, &e->authors_nr,
			    cJSON_GetObjectItemCaseSensitive(x, "authors"),
			    authors);
		load_shares(&e->teams, &e->teams_nr,
			    cJSON_GetObjectItemCaseSensitive(x, "teams"),
			    teams);
		(*nr)++;
		strmap_put(names, e->name, (void *)*nr);
	}
}

static void load_coupling(struct history_coupling *c, const cJSON *o,
			  const struct strmap *names)
{
	const cJSON *x, *removed = cJSON_GetObjectItemCaseSensitive(o, "removed");
	const cJSON *pairs = cJSON_GetObjectItemCaseSensitive(o, "pairs");
	size_t n = (size_t)cJSON_GetArraySize(pairs);

	c->changesets = get_uint(o, "changes");
	c->large = get_uint(o, "large");
	c->candidates = get_uint(o, "candidates");
	c->below_min_revs = get_uint(removed, "min_revs");
	c->below_min_shared = get_uint(removed, "min_shared");
	c->below_min_coupling = get_uint(removed, "min_coupling");
	c->pairs = n ? xcalloc(n, sizeof(*c->pairs)) : NULL;
	cJSON_ArrayForEach (x, pairs) {
		const char *a = get_string(x, "entity");
		const char *b = get_string(x, "coupled");
		size_t ia = a ? (size_t)strmap_get(names, a) : 0;
		size_t ib = b ? (size_t)strmap_get(names, b) : 0;
		struct history_pair *p;

		if (!ia || !ib)
			continue;
		p = &c->pairs[c->nr++];
		p->a = (uint32_t)(ia - 1);
		p->b = (uint32_t)(ib - 1);
		p->degree = (int)get_uint(x, "degree");
		p->shared = get_uint(x, "shared");
		p->revs_a = get_uint(x, "entity_revisions");
		p->revs_b = get_uint(x, "coupled_revisions");
	}
}

int history_from_json(struct history **out, const cJSON *o, const char *path)
{
	struct history *h;
	struct strmap authors = STRMAP_INIT, teams = STRMAP_INIT;
	struct strmap files = STRMAP_INIT, modules = STRMAP_INIT;
	const cJSON *x, *arr, *settings, *coupling;
	const char *s;
	size_t n;

	*out = NULL;
	if (!cJSON_IsObject(o))
		return error("%s: \"history\" must be an object", path);
	h = xcalloc(1, sizeof(*h));
	h->root = xstrdup("");
	h->rev = dup(h, get_string(o, "rev"));
	if ((s = get_string(o, "head")) && strlen(s) == 40)
		memcpy(h->head, s, 41);
	h->shallow = get_bool(o, "shallow");
	h->cut = get_uint(o, "cut");
	h->commits = get_uint(o, "commits");
	h->merges = get_uint(o, "merges");
	h->analysed = get_uint(o, "analysed");
	h->missing = get_uint(o, "missing");
	h->unreadable = get_uint(o, "unreadable");
	h->changes = get_uint(o, "changes");
	h->filtered = get_uint(o, "filtered");
	h->added = get_uint(o, "added");
	h->deleted = get_uint(o, "deleted");
	h->binary = get_uint(o, "binary");
	h->first = get_time(o, "first");
	h->last = get_time(o, "last");
	h->now = get_time(o, "now");
	settings = cJSON_GetObjectItemCaseSensitive(o, "settings");
	h->max_changeset = (int)get_uint(settings, "max_changeset");
	h->min_revs = (int)get_uint(settings, "min_revs");
	h->min_shared = (int)get_uint(settings, "min_shared");
	h->min_coupling = (int)get_uint(settings, "min_coupling");
	s = get_string(settings, "group_by");
	for (int g = 0; s && g < 3; g++)
		if (!strcmp(s, grouping_names[g]))
			h->group_by = (enum history_grouping)g;
	h->ticket_regex = dup(h, get_string(settings, "ticket_regex"));
	h->follow_renames = get_bool(settings, "follow_renames");
	h->mailmap = get_bool(settings, "mailmap");

	arr = cJSON_GetObjectItemCaseSensitive(o, "teams");
	n = (size_t)cJSON_GetArraySize(arr);
	h->teams = n ? xcalloc(n, sizeof(*h->teams)) : NULL;
	cJSON_ArrayForEach (x, arr) {
		struct history_team *t = &h->teams[h->teams_nr];

		if (!(s = get_string(x, "name")))
			continue;
		t->name = dup(h, s);
		t->authors = get_uint(x, "authors");
		t->commits = get_uint(x, "commits");
		t->added = get_uint(x, "added");
		t->deleted = get_uint(x, "deleted");
		strmap_put(&teams, t->name, (void *)++h->teams_nr);
	}
	arr = cJSON_GetObjectItemCaseSensitive(o, "authors");
	n = (size_t)cJSON_GetArraySize(arr);
	h->authors = n ? xcalloc(n, sizeof(*h->authors)) : NULL;
	cJSON_ArrayForEach (x, arr) {
		struct history_author *a = &h->authors[h->authors_nr];
		const char *team;

		if (!(s = get_string(x, "name")))
			continue;
		a->name = dup(h, s);
		a->email = dup(h, get_string(x, "email"));
		team = get_string(x, "team");
		a->team = team ? (int)(size_t)strmap_get(&teams, team) - 1 : -1;
		a->commits = get_uint(x, "commits");
		a->added = get_uint(x, "added");
		a->deleted = get_uint(x, "deleted");
		a->first = get_time(x, "first");
		a->last = get_time(x, "last");
		strmap_put(&authors, a->name, (void *)++h->authors_nr);
	}
	load_entities(h, &h->files, &h->files_nr,
		      cJSON_GetObjectItemCaseSensitive(o, "files"), 0, &authors,
		      &teams, &files);
	load_entities(h, &h->modules, &h->modules_nr,
		      cJSON_GetObjectItemCaseSensitive(o, "modules"), 1,
		      &authors, &teams, &modules);
	coupling = cJSON_GetObjectItemCaseSensitive(o, "coupling");
	load_coupling(&h->file_coupling,
		      cJSON_GetObjectItemCaseSensitive(coupling, "files"),
		      &files);
	load_coupling(&h->module_coupling,
		      cJSON_GetObjectItemCaseSensitive(coupling, "modules"),
		      &modules);
	arr = cJSON_GetObjectItemCaseSensitive(o, "left_out");
	n = (size_t)cJSON_GetArraySize(arr);
	h->large = n ? xcalloc(n, sizeof(*h->large)) : NULL;
	cJSON_ArrayForEach (x, arr) {
		if (!(s = get_string(x, "change")))
			continue;
		h->large[h->large_nr].id = dup(h, s);
		h->large[h->large_nr++].files = get_uint(x, "files");
	}
	strmap_release(&authors);
	strmap_release(&teams);
	strmap_release(&files);
	strmap_release(&modules);
	*out = h;
	return 0;
}

void history_free(struct history *h)
{
	if (!h)
		return;
	for (int level = 0; level < 2; level++) {
		struct history_entity *e = level ? h->modules : h->files;
		size_t nr = level ? h->modules_nr : h->files_nr;

		for (size_t i = 0; i < nr; i++) {
			free(e[i].authors);
			free(e[i].teams);
		}
	}
	free(h->files);
	free(h->modules);
	free(h->authors);
	free(h->teams);
	free(h->large);
	free(h->root);
	free(h->cache_path);
	history_coupling_release(&h->file_coupling);
	history_coupling_release(&h->module_coupling);
	arena_release(&h->arena);
	free(h);
}
void history_coupling_release(struct history_coupling *c)
{
	if (!c)
		return;
	free(c->pairs);
	memset(c, 0, sizeof(*c));
}
