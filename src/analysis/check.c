/*
 * carve check: rules between declared contexts, applied to every edge
 * of the scan, cycles between contexts (the graph module's analysis on
 * the context graph, anchored at its lightest cut), the statement behind
 * each violation found again through the resolver, and the baseline.
 */
#include <errno.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "carve/check.h"
#include "carve/config.h"
#include "carve/deps.h"
#include "carve/error.h"
#include "carve/graph.h"
#include "carve/resolve.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/utf8.h"
#include "carve/xmalloc.h"

#define BASELINE_SCHEMA "carve-baseline/1"

static const char *const rule_keys[] = { "name",   "from",   "to", "allow",
					 "except", "cycles", NULL };

static int known_key(const char *key)
{
	for (int i = 0; rule_keys[i]; i++)
		if (!strcmp(rule_keys[i], key))
			return 1;
	return 0;
}

/* "*" (-1) or a context's index; -2 after reporting an unknown name. */
static int side(const struct check *c, const cJSON *rule, const char *key,
		const char *path, size_t i)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(rule, key);
	int k;

	if (!cJSON_IsString(v)) {
		error("%s: rules[%zu] needs \"%s\": a context or \"*\"", path,
		      i, key);
		return -2;
	}
	if (!strcmp(v->valuestring, "*"))
		return -1;
	k = contexts_find(&c->contexts, v->valuestring);
	if (k < 0) {
		error("%s: rules[%zu]: \"%s\": '%s' names no declared "
		      "context",
		      path, i, key, v->valuestring);
		return -2;
	}
	return k;
}

static int load_rule(struct check *c, const cJSON *rule, const char *path,
		     size_t i)
{
	struct check_rule *r = &c->rules[c->rules_nr];
	const cJSON *v, *item;
	struct strbuf sb = STRBUF_INIT;

	memset(r, 0, sizeof(*r));
	if (!cJSON_IsObject(rule))
		return error("%s: rules[%zu] must be an object", path, i);
	cJSON_ArrayForEach (item, rule)
		if (!known_key(item->string))
			warning("%s: unknown key 'rules[%zu].%s' ignored", path,
				i, item->string);
	v = cJSON_GetObjectItemCaseSensitive(rule, "cycles");
	if (v) {
		if (!cJSON_IsFalse(v))
			return error("%s: rules[%zu]: \"cycles\" can only be "
				     "false (no cycles between contexts)",
				     path, i);
		r->cycles = 1;
		r->from = r->to = -1;
		strbuf_addstr(&sb, "no cycles between contexts");
	} else {
		if ((r->from = side(c, rule, "from", path, i)) == -2 ||
		    (r->to = side(c, rule, "to", path, i)) == -2)
			return CARVE_EINVALID;
		v = cJSON_GetObjectItemCaseSensitive(rule, "allow");
		if (v && !cJSON_IsBool(v))
			return error("%s: rules[%zu]: \"allow\" must be true "
				     "or false",
				     path, i);
		r->allow = cJSON_IsTrue(v);
		v = cJSON_GetObjectItemCaseSensitive(rule, "except");
		if (v && !cJSON_IsArray(v))
			return error("%s: rules[%zu]: \"except\" must be an "
				     "array of globs",
				     path, i);
		cJSON_ArrayForEach (item, v) {
			if (!cJSON_IsString(item) || !*item->valuestring)
				return error("%s: rules[%zu]: \"except\" must "
					     "hold non-empty globs",
					     path, i);
			glob_list_add(&r->except, item->valuestring);
		}
		strbuf_addf(&sb, "%s -> %s",
			    r->from < 0 ? "*" : c->contexts.names[r->from],
			    r->to < 0 ? "*" : c->contexts.names[r->to]);
	}
	v = cJSON_GetObjectItemCaseSensitive(rule, "name");
	if (v && !cJSON_IsString(v))
		return error("%s: rules[%zu]: \"name\" must be a string", path,
			     i);
	if (v) {
		strbuf_reset(&sb);
		strbuf_addstr(&sb, v->valuestring);
	}
	r->label = strbuf_detach(&sb, NULL);
	c->rules_nr++;
	return 0;
}

int check_load(struct check *c, const struct config *cfg,
	       const struct scan *scan)
{
	const cJSON *rules, *rule;
	size_t i = 0;

	c->scan = scan;
	if (contexts_load(&c->contexts, cfg, scan, 1))
		return CARVE_EINVALID;
	rules = cfg && cfg->root
			? cJSON_GetObjectItemCaseSensitive(cfg->root, "rules")
			: NULL;
	if (!rules)
		return 0;
	if (!cJSON_IsArray(rules))
		return error("%s: \"rules\" must be an array of rules",
			     cfg->path);
	c->rules = xcalloc((size_t)cJSON_GetArraySize(rules) + 1,
			   sizeof(*c->rules));
	cJSON_ArrayForEach (rule, rules)
		if (load_rule(c, rule, cfg->path, i++))
			return CARVE_EINVALID;
	return 0;
}

/* True when rule side k ("*" is -1) takes file f: its context or area. */
static int side_has(const struct check *c, int k, size_t f)
{
	return k < 0 || c->contexts.of_file[f] == k ||
	       c->contexts.area_of_file[f] == k;
}

/* The first rule matching an import of file `from` of `to` decides. */
static long deciding_rule(const struct check *c, size_t from, size_t to,
			  const char *target)
{
	for (size_t i = 0; i < c->rules_nr; i++) {
		const struct check_rule *r = &c->rules[i];

		if (r->cycles || !side_has(c, r->from, from) ||
		    !side_has(c, r->to, to))
			continue;
		if (!r->allow && glob_list_match(&r->except, target))
			return -1;
		return r->allow ? -1 : (long)i;
	}
	return -1;
}

static struct check_violation *add(struct check *c, size_t rule, size_t from,
				   size_t to)
{
	struct check_violation *v;

	ALLOC_GROW(c->v, c->nr + 1, c->alloc);
	v = &c->v[c->nr++];
	memset(v, 0, sizeof(*v));
	v->rule = rule;
	v->from = from;
	v->to = to;
	return v;
}

/* The statement of `from` that resolves to `to`, when the scan kept it. */
static void find_line(struct resolver *r, int *ready, struct check_violation *v,
		      const struct scan *scan)
{
	const struct scan_file *f = &scan->files[v->from];
	struct resolve_out out = { 0 };

	if (!f->deps.nr)
		return;
	if (!*ready) {
		if (resolver_init(r, scan, NULL))
			return;
		*ready = 1;
	}
	for (size_t k = 0; k < f->deps.nr && !v->line; k++) {
		const struct dep_ref *d = &f->deps.refs[k];

		out.nr = 0;
		out.external = NULL;
		resolve_dep(r, v->from, d, &out);
		for (size_t j = 0; j < out.nr; j++)
			if (out.files[j] == v->to) {
				v->line = d->line;
				v->import = d->target;
				break;
			}
	}
	free(out.files);
}

/*
 * The statements of violation i's importer that resolve to its imported
 * file: the first gives violation i its line, each other one a
 * violation of its own (import orders at line 3 and from orders import x
 * at line 12 are two findings to fix).
 */
static void find_statements(struct check *c, struct resolver *r, int *ready,
			    size_t i)
{
	const struct scan_file *f = &c->scan->files[c->v[i].from];
	struct resolve_out out = { 0 };
	int first = 1;

	if (!f->deps.nr)
		return;
	if (!*ready) {
		if (resolver_init(r, c->scan, NULL))
			return;
		*ready = 1;
	}
	for (size_t k = 0; k < f->deps.nr; k++) {
		const struct dep_ref *d = &f->deps.refs[k];
		struct check_violation *v;
		int hit = 0;

		out.nr = 0;
		out.external = NULL;
		resolve_dep(r, c->v[i].from, d, &out);
		for (size_t j = 0; j < out.nr && !hit; j++)
			hit = out.files[j] == c->v[i].to;
		if (!hit)
			continue;
		if (first) {
			c->v[i].line = d->line;
			c->v[i].import = d->target;
			first = 0;
			continue;
		}
		v = add(c, c->v[i].rule, c->v[i].from, c->v[i].to);
		v->line = d->line;
		v->import = d->target;
		v->key = xstrdup(c->v[i].key);
	}
	free(out.files);
}

/*
 * A statement that resolves to several files of a forbidden context
 * (from orders import a, b) is one finding: after sorting, a violation
 * of the importer's line and rule already found is dropped.
 */
static void one_per_statement(struct check *c)
{
	size_t out = 0;

	for (size_t i = 0; i < c->nr; i++) {
		struct check_violation *v = &c->v[i];

		if (out && v->line && !v->detail) {
			const struct check_violation *p = &c->v[out - 1];

			if (p->from == v->from && p->line == v->line &&
			    p->rule == v->rule && !p->detail) {
				free(v->key);
				continue;
			}
		}
		c->v[out++] = *v;
	}
	c->nr = out;
}

/* One violation per cycle between contexts, at its lightest cut. */
static void find_cycles(struct check *c, size_t rule)
{
	const struct scan *scan = c->scan;
	struct graph g = GRAPH_INIT;
	size_t alloc = 0, out = 0;

	g.level = GRAPH_MODULES;
	g.nr = (size_t)c->contexts.nr;
	g.nodes = xcalloc(g.nr + 1, sizeof(*g.nodes));
	for (size_t i = 0; i < g.nr; i++)
		g.nodes[i].name = c->contexts.names[i];
	for (size_t k = 0; k < scan->edges_nr; k++) {
		long a = c->contexts.of_file[scan->edges[k].from];
		long b = c->contexts.of_file[scan->edges[k].to];

		if (a < 0 || b < 0 || a == b)
			continue;
		ALLOC_GROW(g.edges, g.edges_nr + 1, alloc);
		memset(&g.edges[g.edges_nr], 0, sizeof(*g.edges));
		g.edges[g.edges_nr].from = (size_t)a;
		g.edges[g.edges_nr].to = (size_t)b;
		g.edges[g.edges_nr++].weight = scan->edges[k].weight;
	}
	/* one edge per pair of contexts, sorted, as the graph wants */
	for (size_t i = 1; i < g.edges_nr; i++) {
		struct graph_edge x = g.edges[i];
		size_t j = i;

		while (j && (g.edges[j - 1].from > x.from ||
			     (g.edges[j - 1].from == x.from &&
			      g.edges[j - 1].to > x.to))) {
			g.edges[j] = g.edges[j - 1];
			j--;
		}
		g.edges[j] = x;
	}
	for (size_t i = 0; i < g.edges_nr; i++) {
		if (out && g.edges[out - 1].from == g.edges[i].from &&
		    g.edges[out - 1].to == g.edges[i].to)
			g.edges[out - 1].weight += g.edges[i].weight;
		else
			g.edges[out++] = g.edges[i];
	}
	g.edges_nr = out;
	graph_analyse(&g);
	for (size_t i = 0; i < g.sccs_nr; i++) {
		const struct graph_scc *s = &g.sccs[i];
		const struct graph_edge *cut = &g.edges[s->cuts[0]];
		struct strbuf key = STRBUF_INIT, detail = STRBUF_INIT;
		struct check_violation *v;

		strbuf_addf(&key, "%s|cycle", c->rules[rule].label);
		strbuf_addstr(&detail, "cycle between");
		for (size_t j = 0; j < s->nr; j++) {
			strbuf_addf(&key, "|%s", g.nodes[s->nodes[j]].name);
			strbuf_addf(&detail, " %s", g.nodes[s->nodes[j]].name);
		}
		strbuf_addstr(&detail, "; cut");
		for (size_t j = 0; j < s->cuts_nr; j++)
			strbuf_addf(&detail, "%s %s -> %s (%lu)", j ? "," : "",
				    g.nodes[g.edges[s->cuts[j]].from].name,
				    g.nodes[g.edges[s->cuts[j]].to].name,
				    g.edges[s->cuts[j]].weight);
		/* anchored at the first import of the lightest cut */
		for (size_t k = 0; k < scan->edges_nr; k++) {
			const struct scan_edge *e = &scan->edges[k];

			if (c->contexts.of_file[e->from] == (long)cut->from &&
			    c->contexts.of_file[e->to] == (long)cut->to) {
				v = add(c, rule, e->from, e->to);
				v->key = strbuf_detach(&key, NULL);
				v->detail = strbuf_detach(&detail, NULL);
				break;
			}
		}
		strbuf_release(&key);
		strbuf_release(&detail);
	}
	graph_release(&g);
}

static int cmp_violation(const void *a, const void *b, void *ctx)
{
	const struct check *c = ctx;
	const struct check_violation *x = a, *y = b;
	int r = strcmp(c->scan->files[x->from].path,
		       c->scan->files[y->from].path);

	if (r)
		return r;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return strcmp(x->key, y->key);
}

void check_run(struct check *c)
{
	const struct scan *scan = c->scan;
	struct resolver r;
	int ready = 0;

	for (size_t k = 0; k < scan->edges_nr; k++) {
		const struct scan_edge *e = &scan->edges[k];
		long a = c->contexts.of_file[e->from];
		long b = c->contexts.of_file[e->to];
		struct check_violation *v;
		struct strbuf key = STRBUF_INIT;
		long rule;

		if (e->from == e->to || (a == b && a >= 0) ||
		    scan->files[e->from].status != FILE_COUNTED ||
		    scan->files[e->to].status != FILE_COUNTED)
			continue;
		rule = deciding_rule(c, e->from, e->to, scan->files[e->to].path);
		if (rule < 0)
			continue;
		/* one violation per rule, importer and imported file */
		if (c->nr && c->v[c->nr - 1].from == e->from &&
		    c->v[c->nr - 1].to == e->to)
			continue;
		v = add(c, (size_t)rule, e->from, e->to);
		strbuf_addf(&key, "%s|%s|%s", c->rules[rule].label,
			    scan->files[e->from].path, scan->files[e->to].path);
		v->key = strbuf_detach(&key, NULL);
	}
	for (size_t i = 0; i < c->rules_nr; i++)
		if (c->rules[i].cycles) {
			find_cycles(c, i);
			break;
		}
	for (size_t i = 0, n = c->nr; i < n; i++) {
		if (c->v[i].detail)
			find_line(&r, &ready, &c->v[i], scan);
		else
			find_statements(c, &r, &ready, i);
	}
	if (ready)
		resolver_release(&r);
	if (c->nr)
		qsort_r(c->v, c->nr, sizeof(*c->v), cmp_violation, c);
	one_per_statement(c);
}

int check_baseline_read(struct check *c, const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	cJSON *root = NULL;
	const cJSON *list, *item;
	size_t alloc = 0;
	int ret = 0;

	if (strbuf_read_file(&sb, path, 1u << 30)) {
		ret = error("cannot read baseline '%s': %s", path,
			    strerror(errno));
		goto done;
	}
	root = config_parse_jsonc(sb.buf, sb.len, path);
	if (!root) {
		ret = CARVE_EINVALID;
		goto done;
	}
	list = cJSON_GetObjectItemCaseSensitive(root, "violations");
	if (!cJSON_IsArray(list)) {
		ret = error("'%s' is not a carve check baseline (no "
			    "\"violations\"): write one with --update-baseline",
			    path);
		goto done;
	}
	cJSON_ArrayForEach (item, list) {
		const cJSON *key =
			cJSON_GetObjectItemCaseSensitive(item, "key");
		int found = 0;

		if (!cJSON_IsString(key))
			continue;
		for (size_t i = 0; i < c->nr; i++)
			if (!strcmp(c->v[i].key, key->valuestring)) {
				if (!c->v[i].known)
					c->known++;
				c->v[i].known = found = 1;
			}
		if (!found) {
			ALLOC_GROW(c->stale, c->stale_nr + 1, alloc);
			c->stale[c->stale_nr++] = xstrdup(key->valuestring);
		}
	}
done:
	cJSON_Delete(root);
	strbuf_release(&sb);
	return ret;
}

void check_baseline_write(FILE *fp, const struct check *c)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *list;
	char *text;

	cJSON_AddStringToObject(root, "schema", BASELINE_SCHEMA);
	list = cJSON_AddArrayToObject(root, "violations");
	for (size_t i = 0; i < c->nr; i++) {
		const struct check_violation *v = &c->v[i];
		cJSON *o = cJSON_CreateObject();
		char *s = utf8_sanitize(v->key);

		cJSON_AddStringToObject(o, "key", s);
		free(s);
		s = utf8_sanitize(c->scan->files[v->from].path);
		cJSON_AddStringToObject(o, "file", s);
		free(s);
		cJSON_AddNumberToObject(o, "line", v->line);
		cJSON_AddItemToArray(list, o);
	}
	text = cJSON_Print(root);
	fputs(text, fp);
	fputc('\n', fp);
	free(text);
	cJSON_Delete(root);
}

void check_release(struct check *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->rules_nr; i++) {
		free(c->rules[i].label);
		glob_list_release(&c->rules[i].except);
	}
	free(c->rules);
	for (size_t i = 0; i < c->nr; i++) {
		free(c->v[i].key);
		free(c->v[i].detail);
	}
	free(c->v);
	for (size_t i = 0; i < c->stale_nr; i++)
		free(c->stale[i]);
	free(c->stale);
	contexts_release(&c->contexts);
	memset(c, 0, sizeof(*c));
}

/* True when a glob list of the config matches a counted file. */
static int globs_match_some(const cJSON *globs, const struct scan *scan)
{
	const cJSON *g;

	cJSON_ArrayForEach (g, globs) {
		if (!cJSON_IsString(g))
			continue;
		for (size_t f = 0; f < scan->nr; f++)
			if (scan->files[f].status == FILE_COUNTED &&
			    glob_match(g->valuestring, scan->files[f].path))
				return 1;
	}
	return 0;
}

/*
 * carve check would refuse contexts that match no file; early in a
 * migration the new paths are empty, so such samples get no count
 * instead of an error.
 */
static int check_applies(const struct config *cfg, const struct scan *scan)
{
	const cJSON *ctx, *item;

	if (!cfg || !cfg->root ||
	    !cJSON_GetObjectItemCaseSensitive(cfg->root, "rules"))
		return 0;
	ctx = cJSON_GetObjectItemCaseSensitive(cfg->root, "contexts");
	cJSON_ArrayForEach (item, ctx)
		if (!globs_match_some(item, scan))
			return 0;
	for (int i = 0; i < 2; i++) {
		item = cJSON_GetObjectItemCaseSensitive(cfg->root,
							i ? "new" : "legacy");
		if (item && !globs_match_some(item, scan))
			return 0;
	}
	return 1;
}

long check_count(const struct config *cfg, const struct scan *scan)
{
	struct check c = CHECK_INIT;
	long violations = -1;

	if (check_applies(cfg, scan) && !check_load(&c, cfg, scan)) {
		check_run(&c);
		violations = (long)c.nr;
	}
	check_release(&c);
	return violations;
}
