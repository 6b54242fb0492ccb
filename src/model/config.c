/*
 * carve.json loading. Comments and trailing commas are blanked out in a
 * copy of the text (offsets stay the same), so cJSON's error position maps
 * straight back to a line and column in the user's file. Then every key
 * is read into struct config by the loader of its row in `top_keys`,
 * each value checked, so that nothing else in carve reads the JSON.
 */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "carve/config.h"
#include "carve/error.h"
#include "carve/model_scan.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/utf8.h"
#include "carve/xmalloc.h"

#define CONFIG_MAX_SIZE (16u << 20)
#define CONFIG_MAX_DEPTH 64

/* Overwrites comments (and commas before a closing bracket) with spaces. */
static void blank_comments(char *s, size_t len)
{
	size_t last_comma = (size_t)-1;

	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (c == '"') {
			for (i++; i < len && s[i] != '"'; i++)
				if (s[i] == '\\' && i + 1 < len)
					i++;
			last_comma = (size_t)-1;
		} else if (c == '/' && i + 1 < len && s[i + 1] == '/') {
			while (i < len && s[i] != '\n')
				s[i++] = ' ';
		} else if (c == '/' && i + 1 < len && s[i + 1] == '*') {
			s[i] = s[i + 1] = ' ';
			for (i += 2; i < len; i++) {
				if (s[i] == '*' && i + 1 < len && s[i + 1] == '/') {
					s[i] = s[i + 1] = ' ';
					i++;
					break;
				}
				if (s[i] != '\n')
					s[i] = ' ';
			}
		} else if (c == ',') {
			last_comma = i;
		} else if (c == '}' || c == ']') {
			if (last_comma != (size_t)-1)
				s[last_comma] = ' ';
			last_comma = (size_t)-1;
		} else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
			last_comma = (size_t)-1;
		}
	}
}

static void position(const char *text, size_t off, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else {
			(*col)++;
		}
	}
}

static int nesting_too_deep(const char *s, size_t len)
{
	int depth = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"') {
			for (i++; i < len && s[i] != '"'; i++)
				if (s[i] == '\\')
					i++;
		} else if (s[i] == '{' || s[i] == '[') {
			if (++depth > CONFIG_MAX_DEPTH)
				return 1;
		} else if (s[i] == '}' || s[i] == ']') {
			depth--;
		}
	}
	return 0;
}

/*
 * The first key of an object that an earlier key of the same object
 * repeats, here or below; a map of the names seen keeps a file of
 * 100,000 keys linear.
 */
static const char *find_duplicate(const cJSON *node, const char **where)
{
	struct strmap seen = STRMAP_INIT;
	const char *dup = NULL;
	const cJSON *a;

	cJSON_ArrayForEach (a, node) {
		if (cJSON_IsObject(node) && a->string) {
			if (strmap_get(&seen, a->string)) {
				*where = node->string ? node->string : "";
				dup = a->string;
				break;
			}
			strmap_put(&seen, a->string, (void *)a);
		}
		if ((cJSON_IsObject(a) || cJSON_IsArray(a)) &&
		    (dup = find_duplicate(a, where)))
			break;
	}
	strmap_release(&seen);
	return dup;
}

/* Reports through error() or, for files a scan only consults, warning(). */
static void complain(int as_warning, const char *fmt, ...)
	CARVE_PRINTF(2, 3);

static void complain(int as_warning, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	if (as_warning)
		warning("%s", sb.buf);
	else
		error("%s", sb.buf);
	strbuf_release(&sb);
}

static cJSON *parse_jsonc(const char *text, size_t len, const char *name,
			  int as_warning)
{
	char *copy = xstrndup(text, len);
	const char *end = NULL;
	const char *dup, *where = "", *nul;
	cJSON *root;
	int line, col;

	blank_comments(copy, len);
	/* cJSON would end a string at a NUL and read on after it */
	if ((nul = memchr(text, '\0', len))) {
		position(text, (size_t)(nul - text), &line, &col);
		complain(as_warning,
			 "cannot parse '%s' at line %d, column %d: "
			 "a NUL byte in the text",
			 name, line, col);
		free(copy);
		return NULL;
	}
	if (nesting_too_deep(copy, len)) {
		complain(as_warning, "cannot parse '%s': nested deeper than %d "
			 "levels", name, CONFIG_MAX_DEPTH);
		free(copy);
		return NULL;
	}
	/* the length includes the NUL, which cJSON requires to end the text */
	root = cJSON_ParseWithLengthOpts(copy, len + 1, &end, 1);
	if (!root) {
		size_t off = end && end >= copy ? (size_t)(end - copy) : 0;
		const char *what;

		if (off >= len)
			what = "unexpected end of file";
		else if (memchr(copy, '\0', len))
			what = "a NUL byte in the text";
		else
			what = "expected a JSON value, ',' or a closing bracket";
		position(text, off > len ? len : off, &line, &col);
		complain(as_warning, "cannot parse '%s' at line %d, column %d: "
			 "%s", name, line, col, what);
		free(copy);
		return NULL;
	}
	free(copy);
	if ((dup = find_duplicate(root, &where))) {
		complain(as_warning, "cannot parse '%s': duplicate key '%s'%s%s%s",
			 name, dup, *where ? " in \"" : "", where,
			 *where ? "\"" : "");
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}

cJSON *config_parse_jsonc(const char *text, size_t len, const char *name)
{
	return parse_jsonc(text, len, name, 0);
}

cJSON *config_parse_jsonc_warn(const char *text, size_t len, const char *name)
{
	return parse_jsonc(text, len, name, 1);
}

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* What a value is, for the "got ..." of a message. */
static const char *describe(struct strbuf *sb, const cJSON *v)
{
	strbuf_reset(sb);
	if (cJSON_IsString(v)) {
		char *text = utf8_sanitize_text(v->valuestring);
		size_t n = strlen(text), cut = n;

		/* a long one cut after 60 bytes, between two characters */
		if (n > 60)
			for (cut = 60; cut && (text[cut] & 0xc0) == 0x80; cut--)
				;
		strbuf_addf(sb, "\"%.*s%s\"", (int)cut, text,
			    cut < n ? "..." : "");
		free(text);
	} else if (cJSON_IsNumber(v)) {
		char num[32];

		/* the shortest form that reads back the same, as cJSON's */
		snprintf(num, sizeof(num), "%.15g", v->valuedouble);
		if (isfinite(v->valuedouble) &&
		    strtod(num, NULL) != v->valuedouble)
			snprintf(num, sizeof(num), "%.17g", v->valuedouble);
		strbuf_addstr(sb, num);
	} else if (cJSON_IsBool(v)) {
		strbuf_addstr(sb, cJSON_IsTrue(v) ? "true" : "false");
	} else if (cJSON_IsNull(v)) {
		strbuf_addstr(sb, "null");
	} else if (cJSON_IsArray(v)) {
		strbuf_addstr(sb, "an array");
	} else if (cJSON_IsObject(v)) {
		strbuf_addstr(sb, "an object");
	} else {
		strbuf_addstr(sb, "nothing");
	}
	return sb->buf;
}

int config_error(const char *path, const char *key, const cJSON *got,
		 const char *fmt, ...)
{
	struct strbuf what = STRBUF_INIT, value = STRBUF_INIT;
	char *name = utf8_sanitize_text(key);
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&what, fmt, ap);
	va_end(ap);
	if (got)
		error("%s: '%s': %s, got %s", path, name, what.buf,
		      describe(&value, got));
	else
		error("%s: '%s': %s", path, name, what.buf);
	free(name);
	strbuf_release(&what);
	strbuf_release(&value);
	return CARVE_EINVALID;
}

/* Edit distance of two short keys (longer ones are no typo of a key). */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[65];

	if (la > 64 || lb > 64)
		return (size_t)-1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = tolower((unsigned char)a[i - 1]) !=
				      tolower((unsigned char)b[j - 1]);
			size_t best = diag + cost;

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

static int known(const char *const *keys, const char *key)
{
	for (; *keys; keys++)
		if (!strcmp(*keys, key))
			return 1;
	return 0;
}

/*
 * The text config_load() is reading, comments blanked, so that a key's
 * warning can say where it stands.
 */
static const char *reading_text;
static size_t reading_len;
/* each lookup reads the whole text: a hostile file's 100,000 keys get none */
static unsigned reading_lookups;
#define CONFIG_MAX_LOOKUPS 32

/* Where "key": first stands in the text being read: 1, else 0. */
static int key_position(const char *key, int *line, int *col)
{
	const char *s = reading_text, *end = s + reading_len, *p = s;
	size_t klen = strlen(key);

	if (!s || ++reading_lookups > CONFIG_MAX_LOOKUPS)
		return 0;
	while (p && end - p >= (ptrdiff_t)klen + 2) {
		const char *q = p + 1 + klen;

		if (*p == '"' && !memcmp(p + 1, key, klen) && *q == '"') {
			for (q++; q < end && isspace((unsigned char)*q); q++)
				;
			if (q < end && *q == ':') {
				position(s, (size_t)(p - s), line, col);
				return 1;
			}
		}
		p = memchr(p + 1, '"', (size_t)(end - p - 1));
	}
	return 0;
}

void config_unknown_keys(const char *path, const cJSON *obj,
			 const char *const *keys, const char *where)
{
	const cJSON *item;

	cJSON_ArrayForEach (item, obj) {
		struct strbuf at = STRBUF_INIT;
		const char *near = NULL;
		size_t best = 3;
		int line, col;
		char *name;

		if (known(keys, item->string))
			continue;
		/* a typo: at most two edits, and fewer than the key has */
		for (const char *const *k = keys; *k; k++) {
			size_t d = distance(item->string, *k);

			if (d < best && d < strlen(*k)) {
				best = d;
				near = *k;
			}
		}
		name = utf8_sanitize_text(item->string);
		strbuf_addstr(&at, path);
		if (key_position(item->string, &line, &col))
			strbuf_addf(&at, ":%d:%d", line, col);
		if (near)
			warning("%s: unknown key '%s%s%s' ignored (did you mean "
				"'%s%s%s'?)",
				at.buf, where, *where ? "." : "", name, where,
				*where ? "." : "", near);
		else
			warning("%s: unknown key '%s%s%s' ignored", at.buf,
				where, *where ? "." : "", name);
		strbuf_release(&at);
		free(name);
	}
}

/* An array of non-empty glob strings into `out` (strings borrowed). */
static int load_globs(struct glob_list *out, const cJSON *arr,
		      const char *path, const char *key)
{
	const cJSON *item;
	size_t i = 0;

	if (!cJSON_IsArray(arr))
		return config_error(path, key, arr,
				    "expected an array of glob strings");
	cJSON_ArrayForEach (item, arr) {
		if (!cJSON_IsString(item) || !*item->valuestring) {
			struct strbuf k = STRBUF_INIT;

			strbuf_addf(&k, "%s[%zu]", key, i);
			config_error(path, k.buf, item,
				     "expected a non-empty glob string");
			strbuf_release(&k);
			return CARVE_EINVALID;
		}
		glob_list_add(out, item->valuestring);
		i++;
	}
	return 0;
}

static int load_exclude(struct config *cfg, const cJSON *v)
{
	return load_globs(&cfg->exclude, v, cfg->path, "exclude");
}

static int load_legacy(struct config *cfg, const cJSON *v)
{
	cfg->has_legacy = 1;
	return load_globs(&cfg->legacy, v, cfg->path, "legacy");
}

static int load_new(struct config *cfg, const cJSON *v)
{
	cfg->has_new = 1;
	return load_globs(&cfg->new_paths, v, cfg->path, "new");
}

static int load_modules(struct config *cfg, const cJSON *mod)
{
	static const char *const keys[] = { "depth", "map", NULL };
	const cJSON *depth, *map, *item;
	struct strbuf key = STRBUF_INIT;
	int i = 0, ret = 0;

	if (!cJSON_IsObject(mod))
		return config_error(cfg->path, "modules", mod,
				    "expected an object");
	config_unknown_keys(cfg->path, mod, keys, "modules");
	depth = cJSON_GetObjectItemCaseSensitive(mod, "depth");
	if (depth) {
		if (!cJSON_IsNumber(depth) || depth->valuedouble < 1 ||
		    depth->valuedouble > 64 ||
		    depth->valuedouble != (int)depth->valuedouble)
			return config_error(cfg->path, "modules.depth", depth,
					    "expected a whole number from 1 "
					    "to 64");
		cfg->module_depth = depth->valueint;
	}
	map = cJSON_GetObjectItemCaseSensitive(mod, "map");
	if (!map)
		return 0;
	if (!cJSON_IsObject(map))
		return config_error(cfg->path, "modules.map", map,
				    "expected an object of module name -> "
				    "globs");
	cfg->module_nr = cJSON_GetArraySize(map);
	cfg->module_names = xcalloc((size_t)cfg->module_nr + 1,
				    sizeof(*cfg->module_names));
	cfg->module_globs = xcalloc((size_t)cfg->module_nr + 1,
				    sizeof(*cfg->module_globs));
	cJSON_ArrayForEach (item, map) {
		cfg->module_names[i] = item->string;
		strbuf_reset(&key);
		strbuf_addf(&key, "modules.map.%s", item->string);
		if ((ret = load_globs(&cfg->module_globs[i], item, cfg->path,
				      key.buf)))
			break;
		i++;
	}
	strbuf_release(&key);
	return ret;
}

static int load_contexts(struct config *cfg, const cJSON *v)
{
	struct strbuf key = STRBUF_INIT;
	const cJSON *item;
	int ret = 0;

	if (!cJSON_IsObject(v))
		return config_error(cfg->path, "contexts", v,
				    "expected an object of context name -> "
				    "globs");
	cfg->contexts = xcalloc((size_t)cJSON_GetArraySize(v) + 1,
				sizeof(*cfg->contexts));
	cJSON_ArrayForEach (item, v) {
		struct config_context *c = &cfg->contexts[cfg->contexts_nr++];

		c->name = item->string;
		if (!*item->string) {
			ret = config_error(cfg->path, "contexts", NULL,
					   "a context has an empty name");
			break;
		}
		strbuf_reset(&key);
		strbuf_addf(&key, "contexts.%s", item->string);
		if ((ret = load_globs(&c->globs, item, cfg->path, key.buf)))
			break;
	}
	strbuf_release(&key);
	return ret;
}

/* A rule's "from" or "to": "*", a declared context, "legacy", "new". */
static int rule_side(struct config *cfg, const cJSON *rule, const char *side,
		     const char *key, const char **out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(rule, side);
	struct strbuf k = STRBUF_INIT;
	const char *name;
	int ret = 0;

	strbuf_addf(&k, "%s.%s", key, side);
	if (!cJSON_IsString(v)) {
		ret = config_error(cfg->path, k.buf, v,
				   "expected a context or \"*\"");
		goto done;
	}
	*out = name = v->valuestring;
	if (!strcmp(name, "*") ||
	    (cfg->has_legacy && !strcmp(name, "legacy")) ||
	    (cfg->has_new && !strcmp(name, "new")))
		goto done;
	for (size_t i = 0; i < cfg->contexts_nr; i++)
		if (!strcmp(cfg->contexts[i].name, name))
			goto done;
	ret = config_error(cfg->path, k.buf, v,
			   "expected a declared context (\"contexts\", "
			   "\"legacy\" or \"new\") or \"*\"");
done:
	strbuf_release(&k);
	return ret;
}

static int load_rule(struct config *cfg, struct config_rule *r,
		     const cJSON *rule, const char *key)
{
	static const char *const keys[] = { "name",   "from",	"to", "allow",
					    "except", "cycles", NULL };
	struct strbuf k = STRBUF_INIT;
	const cJSON *v;
	int ret = 0;

	if (!cJSON_IsObject(rule))
		return config_error(cfg->path, key, rule,
				    "expected an object (a rule)");
	config_unknown_keys(cfg->path, rule, keys, key);
	if ((v = cJSON_GetObjectItemCaseSensitive(rule, "cycles"))) {
		strbuf_addf(&k, "%s.cycles", key);
		if (!cJSON_IsFalse(v))
			ret = config_error(cfg->path, k.buf, v,
					   "expected false (no cycles between "
					   "contexts), the only value it "
					   "takes");
		r->cycles = 1;
	} else if (!(ret = rule_side(cfg, rule, "from", key, &r->from)) &&
		   !(ret = rule_side(cfg, rule, "to", key, &r->to))) {
		v = cJSON_GetObjectItemCaseSensitive(rule, "allow");
		strbuf_addf(&k, "%s.allow", key);
		if (v && !cJSON_IsBool(v))
			ret = config_error(cfg->path, k.buf, v,
					   "expected true or false");
		r->allow = cJSON_IsTrue(v);
		v = cJSON_GetObjectItemCaseSensitive(rule, "except");
		strbuf_reset(&k);
		strbuf_addf(&k, "%s.except", key);
		if (!ret && v)
			ret = load_globs(&r->except, v, cfg->path, k.buf);
	}
	v = cJSON_GetObjectItemCaseSensitive(rule, "name");
	strbuf_reset(&k);
	strbuf_addf(&k, "%s.name", key);
	if (!ret && v && !cJSON_IsString(v))
		ret = config_error(cfg->path, k.buf, v, "expected a string");
	if (!ret && v)
		r->name = v->valuestring;
	strbuf_release(&k);
	return ret;
}

static int load_rules(struct config *cfg, const cJSON *v)
{
	struct strbuf key = STRBUF_INIT;
	const cJSON *rule;
	int ret = 0;

	cfg->has_rules = 1;
	if (!cJSON_IsArray(v))
		return config_error(cfg->path, "rules", v,
				    "expected an array of rules");
	cfg->rules =
		xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof(*cfg->rules));
	cJSON_ArrayForEach (rule, v) {
		strbuf_reset(&key);
		strbuf_addf(&key, "rules[%zu]", cfg->rules_nr);
		if ((ret = load_rule(cfg, &cfg->rules[cfg->rules_nr++], rule,
				     key.buf)))
			break;
	}
	strbuf_release(&key);
	return ret;
}

static int load_teams(struct config *cfg, const cJSON *v)
{
	struct strbuf key = STRBUF_INIT;
	const cJSON *team, *pattern;
	int ret = 0;

	if (!cJSON_IsObject(v))
		return config_error(cfg->path, "teams", v,
				    "expected an object: team name -> array "
				    "of emails or patterns");
	cfg->teams =
		xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof(*cfg->teams));
	cJSON_ArrayForEach (team, v) {
		struct config_team *t = &cfg->teams[cfg->teams_nr++];

		t->name = team->string;
		strbuf_reset(&key);
		strbuf_addf(&key, "teams.%s", team->string);
		if (!cJSON_IsArray(team)) {
			ret = config_error(cfg->path, key.buf, team,
					   "expected an array of emails or "
					   "patterns");
			break;
		}
		t->patterns = xcalloc((size_t)cJSON_GetArraySize(team) + 1,
				      sizeof(*t->patterns));
		cJSON_ArrayForEach (pattern, team) {
			if (!cJSON_IsString(pattern)) {
				strbuf_addf(&key, "[%zu]", t->patterns_nr);
				ret = config_error(cfg->path, key.buf, pattern,
						   "expected an email or a "
						   "pattern (a string)");
				goto done;
			}
			t->patterns[t->patterns_nr++] = pattern->valuestring;
		}
	}
done:
	strbuf_release(&key);
	return ret;
}

/*
 * "target": one language name, or an object of "language" (every
 * language) and source language -> target language (the estimate checks
 * that each names a language carve knows).
 */
static int load_target(struct config *cfg, const cJSON *v)
{
	struct strbuf key = STRBUF_INIT;
	int ret = 0;

	cfg->has_target = 1;
	if (cJSON_IsString(v) && *v->valuestring) {
		cfg->targets = xcalloc(1, sizeof(*cfg->targets));
		cfg->targets[cfg->targets_nr++].to = v->valuestring;
		cfg->target_language = v->valuestring;
		return 0;
	}
	if (!cJSON_IsObject(v))
		return config_error(cfg->path, "target", v,
				    "expected a language name or an object "
				    "({\"language\": \"go\", \"javascript\": "
				    "\"typescript\"})");
	cfg->target_is_map = 1;
	cfg->targets = xcalloc((size_t)cJSON_GetArraySize(v) + 1,
			       sizeof(*cfg->targets));
	for (const cJSON *c = v->child; c; c = c->next) {
		struct config_target *t = &cfg->targets[cfg->targets_nr];
		int all = !strcmp(c->string, "language");

		if (!cJSON_IsString(c) || !*c->valuestring || !*c->string) {
			strbuf_reset(&key);
			strbuf_addf(&key, "target.%s", c->string);
			ret = config_error(cfg->path, key.buf, c,
					   "expected a language name "
					   "(\"go\")");
			break;
		}
		t->from = all ? NULL : c->string;
		t->to = c->valuestring;
		cfg->targets_nr++;
		if (all)
			cfg->target_language = c->valuestring;
	}
	strbuf_release(&key);
	return ret;
}

/* "estimate"."price": the roles of files priced after all. */
static int load_price(struct config *cfg, const cJSON *v)
{
	const cJSON *c;

	if (!cJSON_IsArray(v))
		return config_error(cfg->path, "estimate.price", v,
				    "expected an array of file roles "
				    "([\"translations\", \"fixtures\"])");
	cJSON_ArrayForEach (c, v) {
		int r;

		for (r = ROLE_DOCS; r <= ROLE_DATA; r++)
			if (cJSON_IsString(c) &&
			    !strcmp(c->valuestring, file_role_name(r)))
				break;
		if (r > ROLE_DATA)
			return config_error(
				cfg->path, "estimate.price", c,
				"expected roles that can be priced (docs, "
				"config, build, translations, fixtures, "
				"assets, data)");
		cfg->priced_roles |= 1u << r;
	}
	return 0;
}

/*
 * A figure of "rates" (lines per engineer-day: the optimistic figure is
 * the highest) or of "estimate" (engineer-days: the lowest).
 */
static int load_dist(struct config_dist *d, const cJSON *v, const char *path,
		     const char *key, int rate)
{
	static const char *const names[] = { "optimistic", "likely",
					     "pessimistic", "distribution",
					     NULL };
	struct strbuf k = STRBUF_INIT;
	double p[3];
	const cJSON *dist;
	int ret = 0;

	d->key = v->string;
	if (cJSON_IsNumber(v)) {
		if (!isfinite(v->valuedouble) || v->valuedouble <= 0)
			return config_error(path, key, v,
					    "expected a number above 0");
		d->value = v->valuedouble;
		return 0;
	}
	if (!cJSON_IsObject(v))
		return config_error(path, key, v,
				    "expected a number above 0 or an object "
				    "with \"optimistic\", \"likely\" and "
				    "\"pessimistic\"");
	d->three = 1;
	for (const cJSON *c = v->child; c; c = c->next)
		if (!known(names, c->string)) {
			strbuf_addf(&k, "%s.%s", key, c->string);
			ret = config_error(path, k.buf, NULL,
					   "unknown key (expected "
					   "\"optimistic\", \"likely\", "
					   "\"pessimistic\" or "
					   "\"distribution\")");
			goto done;
		}
	dist = cJSON_GetObjectItemCaseSensitive(v, "distribution");
	if (dist && (!cJSON_IsString(dist) ||
		     estimate_dist_parse_kind(&d->kind, dist->valuestring))) {
		strbuf_addf(&k, "%s.distribution", key);
		ret = config_error(path, k.buf, dist,
				   "expected \"lognormal\", \"pert\" or "
				   "\"fixed\"");
		goto done;
	}
	d->kind_set = !!dist;
	for (int i = 0; i < 3; i++) {
		const cJSON *x = cJSON_GetObjectItemCaseSensitive(v, names[i]);

		if (!cJSON_IsNumber(x) || !isfinite(x->valuedouble) ||
		    x->valuedouble <= 0) {
			strbuf_reset(&k);
			strbuf_addf(&k, "%s.%s", key, names[i]);
			ret = config_error(path, k.buf, x,
					   "expected a number above 0");
			goto done;
		}
		p[i] = x->valuedouble;
	}
	d->optimistic = p[0];
	d->likely = p[1];
	d->pessimistic = p[2];
	if (rate ? !(p[2] <= p[1] && p[1] <= p[0])
		 : !(p[0] <= p[1] && p[1] <= p[2]))
		ret = config_error(path, key, NULL,
				   rate ? "expected pessimistic <= likely <= "
					  "optimistic (lines per engineer-day)"
					: "expected optimistic <= likely <= "
					  "pessimistic (engineer-days)");
done:
	strbuf_release(&k);
	return ret;
}

/* "FROM->TO", both named, each shorter than 128 bytes. */
static int is_pair(const char *s)
{
	const char *arrow = strstr(s, "->");

	return arrow && arrow != s && arrow[2] && arrow - s < 128 &&
	       strlen(arrow + 2) < 128;
}

static int load_rates(struct config *cfg, const cJSON *v)
{
	struct strbuf key = STRBUF_INIT;
	int ret = 0;

	if (!cJSON_IsObject(v))
		return config_error(cfg->path, "rates", v,
				    "expected an object of \"FROM->TO\": "
				    "lines per engineer-day");
	cfg->rates =
		xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof(*cfg->rates));
	for (const cJSON *r = v->child; r; r = r->next) {
		strbuf_reset(&key);
		strbuf_addf(&key, "rates.%s", r->string);
		if (!is_pair(r->string)) {
			ret = config_error(cfg->path, key.buf, NULL,
					   "expected a language pair FROM->TO "
					   "(\"python->go\")");
			break;
		}
		if ((ret = load_dist(&cfg->rates[cfg->rates_nr++], r, cfg->path,
				     key.buf, 1)))
			break;
	}
	strbuf_release(&key);
	return ret;
}

/* The costs and factors of carve estimate that carve.json may set. */
const char *const config_estimate_keys[] = {
	"distribution", "test_speed", "interface", "service",
	"table",	"phase0",     "noise",	   "price", NULL,
};

static int load_estimate(struct config *cfg, const cJSON *v)
{
	struct strbuf key = STRBUF_INIT;
	const cJSON *dist;
	int ret = 0;

	if (!cJSON_IsObject(v))
		return config_error(cfg->path, "estimate", v,
				    "expected an object");
	config_unknown_keys(cfg->path, v, config_estimate_keys, "estimate");
	dist = cJSON_GetObjectItemCaseSensitive(v, "distribution");
	if (dist &&
	    (!cJSON_IsString(dist) ||
	     estimate_dist_parse_kind(&cfg->estimate_kind, dist->valuestring)))
		return config_error(cfg->path, "estimate.distribution", dist,
				    "expected \"lognormal\", \"pert\" or "
				    "\"fixed\"");
	cfg->estimate_kind_set = !!dist;
	cfg->factors = xcalloc((size_t)cJSON_GetArraySize(v) + 1,
			       sizeof(*cfg->factors));
	for (const cJSON *c = v->child; c; c = c->next) {
		if (!strcmp(c->string, "price")) {
			if ((ret = load_price(cfg, c)))
				break;
			continue;
		}
		if (!strcmp(c->string, "distribution") ||
		    !known(config_estimate_keys, c->string))
			continue;
		strbuf_reset(&key);
		strbuf_addf(&key, "estimate.%s", c->string);
		if ((ret = load_dist(&cfg->factors[cfg->factors_nr++], c,
				     cfg->path, key.buf, 0)))
			break;
	}
	strbuf_release(&key);
	return ret;
}

static int load_plan(struct config *cfg, const cJSON *v)
{
	plan_release(&cfg->plan);
	cfg->has_plan = 1;
	return plan_parse(&cfg->plan, v, cfg->path);
}

static int load_schema(struct config *cfg, const cJSON *v)
{
	(void)cfg;
	(void)v;
	return 0;
}

/*
 * Every top-level key and its loader, run in this order: "rules" after
 * the "contexts", "legacy" and "new" it names.
 */
static const struct top_key {
	const char *key;
	int (*load)(struct config *cfg, const cJSON *v);
} top_keys[] = {
	{ "$schema", load_schema },    { "exclude", load_exclude },
	{ "modules", load_modules },   { "legacy", load_legacy },
	{ "new", load_new },	       { "contexts", load_contexts },
	{ "rules", load_rules },       { "teams", load_teams },
	{ "target", load_target },     { "rates", load_rates },
	{ "estimate", load_estimate }, { "plan", load_plan },
};

static int load_keys(struct config *cfg)
{
	const char *names[N_ELEMS(top_keys) + 1];
	int ret;

	for (size_t i = 0; i < N_ELEMS(top_keys); i++)
		names[i] = top_keys[i].key;
	names[N_ELEMS(top_keys)] = NULL;
	config_unknown_keys(cfg->path, cfg->root, names, "");
	for (size_t i = 0; i < N_ELEMS(top_keys); i++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(
			cfg->root, top_keys[i].key);

		if (v && (ret = top_keys[i].load(cfg, v)))
			return ret;
	}
	return 0;
}

int config_load(struct config *cfg, const char *path, int required)
{
	struct strbuf sb = STRBUF_INIT;
	char *blank;
	int ret;

	cfg->loaded = 1;
	ret = strbuf_read_file(&sb, path, CONFIG_MAX_SIZE);
	if (ret == CARVE_ENOTFOUND && !required) {
		ret = 0;
		goto done;
	}
	if (ret == CARVE_ETOOBIG) {
		ret = error("cannot read '%s': larger than %u MiB", path,
			    CONFIG_MAX_SIZE >> 20);
		goto done;
	}
	if (ret) {
		int err = errno;
		struct stat st;

		if (!lstat(path, &st) && !S_ISREG(st.st_mode))
			ret = error("cannot read '%s': %s", path,
				    S_ISDIR(st.st_mode) ? "a directory, not a "
							  "JSON file"
				    : S_ISLNK(st.st_mode) ? "a symbolic link, "
							    "which carve "
							    "does not follow"
							  : "not a regular "
							    "file");
		else
			ret = error("cannot read '%s': %s", path,
				    strerror(err));
		goto done;
	}
	cfg->path = xstrdup(path);
	cfg->root = config_parse_jsonc(sb.buf, sb.len, path);
	if (!cfg->root) {
		ret = CARVE_EINVALID;
		goto done;
	}
	if (!cJSON_IsObject(cfg->root)) {
		ret = error("%s: the top level must be a JSON object", path);
		goto done;
	}
	blank = xstrndup(sb.buf, sb.len);
	blank_comments(blank, sb.len);
	reading_text = blank;
	reading_len = sb.len;
	reading_lookups = 0;
	ret = load_keys(cfg);
	reading_text = NULL;
	free(blank);
done:
	strbuf_release(&sb);
	return ret;
}

void config_release(struct config *cfg)
{
	if (!cfg)
		return;
	for (int i = 0; i < cfg->module_nr; i++)
		glob_list_release(&cfg->module_globs[i]);
	free(cfg->module_globs);
	free(cfg->module_names);
	glob_list_release(&cfg->exclude);
	glob_list_release(&cfg->legacy);
	glob_list_release(&cfg->new_paths);
	for (size_t i = 0; i < cfg->contexts_nr; i++)
		glob_list_release(&cfg->contexts[i].globs);
	free(cfg->contexts);
	for (size_t i = 0; i < cfg->rules_nr; i++)
		glob_list_release(&cfg->rules[i].except);
	free(cfg->rules);
	for (size_t i = 0; i < cfg->teams_nr; i++)
		free(cfg->teams[i].patterns);
	free(cfg->teams);
	free(cfg->rates);
	free(cfg->factors);
	free(cfg->targets);
	plan_release(&cfg->plan);
	cJSON_Delete(cfg->root);
	free(cfg->path);
	memset(cfg, 0, sizeof(*cfg));
}

unsigned long long json_count(const cJSON *v)
{
	const double max = 9007199254740992.0; /* 2^53 */

	if (!cJSON_IsNumber(v) || !(v->valuedouble > 0))
		return 0;
	return v->valuedouble >= max ? (unsigned long long)max
				     : (unsigned long long)v->valuedouble;
}
