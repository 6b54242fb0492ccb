/*
 * The JavaScript and TypeScript resolver: relative specifiers with the
 * extensions and index files bundlers and tsc probe, tsconfig.json and
 * jsconfig.json `baseUrl` and `paths` (the nearest config above a file,
 * `extends` followed one level), and packages of the repository itself
 * (package.json `main` and `exports`). Anything else is an external
 * package: its first path component, or `@scope/name`.
 */
#include <cjson/cJSON.h>
#include <string.h>

#include "carve/config.h"
#include "carve/deps.h"
#include "carve/language.h"
#include "carve/resolve.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/* Config files larger than this are not read. */
#define JS_MAX_CONFIG (4u << 20)

/* One `paths` entry: "prefix*suffix" -> targets. */
struct js_alias {
	const char *prefix;
	const char *suffix; /* NULL when the pattern has no '*' */
	const char **targets;
	size_t nr_targets;
};

struct js_config {
	const char *base_url;   /* repository path, or NULL */
	const char *paths_base; /* what `paths` targets are relative to */
	struct js_alias *aliases;
	size_t nr_aliases;
};

/* A package.json of the repository. */
struct js_pkg {
	const char *name; /* NULL when it has none */
	const char *dir;
	const char *entries[2]; /* from "exports" and "main", or NULL */
};

struct js_state {
	struct strmap configs; /* directory -> struct js_config */
	struct strmap pkg_dirs; /* directory -> struct js_pkg */
	struct js_pkg **pkgs;   /* those with a name */
	size_t nr_pkgs, alloc_pkgs;
};

/* Probed in this order after the specifier itself. */
static const char *const extensions[] = {
	".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts",
	".json", ".vue", ".svelte", NULL
};

/* JS/TS, or a component whose <script> holds it (deps_views.c) */
static int is_js(const struct language *lang)
{
	return lang && (!strcmp(lang->name, "JavaScript") ||
			!strcmp(lang->name, "TypeScript") ||
			!strcmp(lang->name, "Vue") ||
			!strcmp(lang->name, "Svelte"));
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static size_t dir_len(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? (size_t)(slash - path) : 0;
}

/*
 * Appends relative path `rel` to repository directory sb->buf, folding
 * "." and ".." segments. Returns -1 when it climbs out of the repository.
 */
static int join(struct strbuf *sb, const char *rel)
{
	while (*rel) {
		size_t n = strcspn(rel, "/");

		if (!n || (n == 1 && rel[0] == '.')) {
			/* nothing */
		} else if (n == 2 && rel[0] == '.' && rel[1] == '.') {
			size_t keep;

			if (!sb->len)
				return -1;
			keep = sb->len;
			while (keep && sb->buf[keep - 1] != '/')
				keep--;
			strbuf_setlen(sb, keep ? keep - 1 : 0);
		} else {
			if (sb->len)
				strbuf_addch(sb, '/');
			strbuf_add(sb, rel, n);
		}
		rel += n;
		if (*rel == '/')
			rel++;
	}
	return 0;
}

/* Joins `rel` to `dir` into a string of the resolver's arena, or NULL. */
static const char *join_dup(struct resolver *r, const char *dir,
			    size_t dir_n, const char *rel)
{
	struct strbuf sb = STRBUF_INIT;
	const char *ret = NULL;

	strbuf_add(&sb, dir, dir_n);
	if (!join(&sb, rel))
		ret = arena_strndup(&r->arena, sb.buf, sb.len);
	strbuf_release(&sb);
	return ret;
}

/* Reads and parses repository file `path`; NULL after a warning. */
static cJSON *read_json(const struct resolver *r, const char *path)
{
	struct strbuf full = STRBUF_INIT, text = STRBUF_INIT;
	cJSON *json = NULL;

	strbuf_addf(&full, "%s/%s", r->scan->root, path);
	if (resolver_read_file(r, &text, full.buf, JS_MAX_CONFIG) < 0)
		warning("cannot read '%s': ignored for resolution", path);
	else
		json = config_parse_jsonc_warn(text.buf, text.len, path);
	strbuf_release(&full);
	strbuf_release(&text);
	return json;
}

static const char *json_string(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void add_aliases(struct resolver *r, struct js_config *c,
			const cJSON *paths)
{
	const cJSON *e;
	size_t n = 0;

	cJSON_ArrayForEach(e, paths)
		n++;
	c->aliases = arena_alloc(&r->arena, (n ? n : 1) * sizeof(*c->aliases));
	cJSON_ArrayForEach(e, paths) {
		struct js_alias *a = &c->aliases[c->nr_aliases];
		const char *star = strchr(e->string, '*');
		const cJSON *t;
		size_t nt = 0;

		if (!cJSON_IsArray(e))
			continue;
		cJSON_ArrayForEach(t, e)
			nt++;
		a->targets = arena_alloc(&r->arena,
					 (nt ? nt : 1) * sizeof(*a->targets));
		cJSON_ArrayForEach(t, e)
			if (cJSON_IsString(t))
				a->targets[a->nr_targets++] = arena_strdup(
					&r->arena, t->valuestring);
		if (star) {
			a->prefix = arena_strndup(&r->arena, e->string,
						  (size_t)(star - e->string));
			a->suffix = arena_strdup(&r->arena, star + 1);
		} else {
			a->prefix = arena_strdup(&r->arena, e->string);
		}
		c->nr_aliases++;
	}
}

/* tsconfig.json or jsconfig.json at `path`. */
static void read_config(struct resolver *r, struct js_state *st,
			const char *path)
{
	cJSON *json = read_json(r, path), *base = NULL;
	const cJSON *co, *paths;
	struct js_config *c;
	const char *ext, *url;
	size_t dir = dir_len(path);
	char *key;

	if (!json)
		return;
	key = arena_strndup(&r->arena, path, dir);
	if (!strcmp(base_name(path), "jsconfig.json") &&
	    strmap_get(&st->configs, key))
		goto done; /* tsconfig.json wins */
	c = arena_alloc(&r->arena, sizeof(*c));
	co = cJSON_GetObjectItemCaseSensitive(json, "compilerOptions");
	if ((url = json_string(co, "baseUrl")))
		c->base_url = join_dup(r, path, dir, url);
	paths = cJSON_GetObjectItemCaseSensitive(co, "paths");
	c->paths_base = key;
	ext = json_string(json, "extends");
	if (ext && ext[0] == '.' && (!url || !cJSON_IsObject(paths))) {
		struct strbuf sb = STRBUF_INIT;
		const cJSON *bco;
		const char *burl;

		strbuf_add(&sb, path, dir);
		if (!join(&sb, ext)) {
			if (sb.len < 5 || strcmp(sb.buf + sb.len - 5, ".json"))
				strbuf_addstr(&sb, ".json");
			if (resolver_file(r, sb.buf) >= 0)
				base = read_json(r, sb.buf);
		}
		bco = cJSON_GetObjectItemCaseSensitive(base, "compilerOptions");
		if (!url && (burl = json_string(bco, "baseUrl")))
			c->base_url = join_dup(r, sb.buf, dir_len(sb.buf),
					       burl);
		if (!cJSON_IsObject(paths) &&
		    cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(bco,
								    "paths"))) {
			paths = cJSON_GetObjectItemCaseSensitive(bco, "paths");
			c->paths_base = arena_strndup(&r->arena, sb.buf,
						      dir_len(sb.buf));
		}
		strbuf_release(&sb);
	}
	if (c->base_url)
		c->paths_base = c->base_url;
	if (cJSON_IsObject(paths))
		add_aliases(r, c, paths);
	strmap_put(&st->configs, key, c);
done:
	cJSON_Delete(base);
	cJSON_Delete(json);
}

/* The entry point "exports" names for ".": a string somewhere in it. */
static const char *exports_entry(const cJSON *x)
{
	static const char *const conditions[] = {
		"import", "require", "default", "types", "node", NULL
	};
	const cJSON *dot;

	if (cJSON_IsString(x))
		return x->valuestring;
	if (!cJSON_IsObject(x))
		return NULL;
	dot = cJSON_GetObjectItemCaseSensitive(x, ".");
	if (dot)
		return exports_entry(dot);
	for (int i = 0; conditions[i]; i++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(
			x, conditions[i]);

		if (cJSON_IsString(v))
			return v->valuestring;
		if (cJSON_IsObject(v))
			return exports_entry(v);
	}
	return NULL;
}

static void read_package(struct resolver *r, struct js_state *st,
			 const char *path)
{
	cJSON *json = read_json(r, path);
	struct js_pkg *p;
	const char *s;
	size_t dir = dir_len(path);

	if (!json)
		return;
	p = arena_alloc(&r->arena, sizeof(*p));
	p->dir = arena_strndup(&r->arena, path, dir);
	if ((s = json_string(json, "name")))
		p->name = arena_strdup(&r->arena, s);
	if ((s = exports_entry(cJSON_GetObjectItemCaseSensitive(json,
								"exports"))))
		p->entries[0] = join_dup(r, path, dir, s);
	if ((s = json_string(json, "main")))
		p->entries[1] = join_dup(r, path, dir, s);
	strmap_put(&st->pkg_dirs, p->dir, p);
	if (p->name) {
		ALLOC_GROW(st->pkgs, st->nr_pkgs + 1, st->alloc_pkgs);
		st->pkgs[st->nr_pkgs++] = p;
	}
	cJSON_Delete(json);
}

int resolve_js_prepare(struct resolver *r)
{
	const struct scan *scan = r->scan;
	struct js_state *st;
	size_t i;

	for (i = 0; i < r->langs_nr; i++)
		if (is_js(r->langs[i].lang))
			break;
	if (i == r->langs_nr)
		return 0;
	st = xcalloc(1, sizeof(*st));
	for (i = 0; i < scan->nr; i++) {
		const struct scan_file *f = &scan->files[i];
		const char *name;
		int config;

		if (f->status != FILE_COUNTED && f->status != FILE_UNKNOWN)
			continue;
		/* the name first: few files are configurations */
		name = base_name(f->path);
		config = (*name == 't' && !strcmp(name, "tsconfig.json")) ||
			 (*name == 'j' && !strcmp(name, "jsconfig.json"));
		if (!config && (*name != 'p' || strcmp(name, "package.json")))
			continue;
		if (strstr(f->path, "node_modules/"))
			continue;
		if (config)
			read_config(r, st, f->path);
		else
			read_package(r, st, f->path);
	}
	r->js = st;
	return 0;
}

void resolve_js_release(struct resolver *r)
{
	struct js_state *st = r ? r->js : NULL;

	if (!st)
		return;
	strmap_release(&st->configs);
	strmap_release(&st->pkg_dirs);
	free(st->pkgs);
	free(st);
	r->js = NULL;
}

static int probe(const struct resolver *r, const struct js_state *st,
		 struct strbuf *sb, struct resolve_out *out, int depth);

/* sb->buf + suffix as a file. */
static int probe_as(const struct resolver *r, struct strbuf *sb,
		    size_t base, const char *suffix, struct resolve_out *out)
{
	long file;

	strbuf_setlen(sb, base);
	strbuf_addstr(sb, suffix);
	file = resolver_file(r, sb->buf);
	strbuf_setlen(sb, base);
	if (file < 0)
		return 0;
	resolve_out_add(out, (size_t)file);
	return 1;
}

/* A package directory's entry points. */
static int probe_entry(const struct resolver *r, const struct js_state *st,
		       const struct js_pkg *p, struct resolve_out *out,
		       int depth)
{
	struct strbuf sb = STRBUF_INIT;
	int found = 0;

	for (int i = 0; i < 2 && !found && depth < 2; i++) {
		if (!p->entries[i])
			continue;
		strbuf_reset(&sb);
		strbuf_addstr(&sb, p->entries[i]);
		found = probe(r, st, &sb, out, depth + 1);
	}
	strbuf_release(&sb);
	return found;
}

/*
 * Repository path sb->buf as written, with an extension, as a package
 * directory or with an index file. Adds the file found to out.
 */
static int probe(const struct resolver *r, const struct js_state *st,
		 struct strbuf *sb, struct resolve_out *out, int depth)
{
	size_t base = sb->len;
	const struct js_pkg *p;
	const char *dot;

	if (!base)
		return 0;
	if (probe_as(r, sb, base, "", out))
		return 1;
	for (int i = 0; extensions[i]; i++)
		if (probe_as(r, sb, base, extensions[i], out))
			return 1;
	/* ESM TypeScript names its .ts files by their output: ./a.js */
	dot = strrchr(sb->buf, '.');
	if (dot && !strchr(dot, '/')) {
		static const char *const js[] = { ".js", ".jsx", ".mjs",
						  ".cjs", NULL };
		static const char *const ts[] = { ".ts", ".tsx", ".mts",
						  ".cts", NULL };
		size_t stem = (size_t)(dot - sb->buf);

		for (int i = 0; js[i]; i++)
			if (!strcmp(dot, js[i]) &&
			    (probe_as(r, sb, stem, ts[i], out) ||
			     probe_as(r, sb, stem, ".d.ts", out))) {
				strbuf_setlen(sb, base);
				return 1;
			}
		strbuf_setlen(sb, base);
	}
	if ((p = strmap_get(&st->pkg_dirs, sb->buf)) &&
	    probe_entry(r, st, p, out, depth))
		return 1;
	for (int i = 0; extensions[i]; i++) {
		char index[16];

		snprintf(index, sizeof(index), "/index%s", extensions[i]);
		if (probe_as(r, sb, base, index, out))
			return 1;
	}
	return 0;
}

/* The nearest tsconfig.json or jsconfig.json above `path`. */
static const struct js_config *nearest_config(const struct js_state *st,
					      const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	const struct js_config *c = NULL;
	size_t len = dir_len(path);

	strbuf_add(&sb, path, len);
	for (;;) {
		if ((c = strmap_get(&st->configs, sb.buf)) || !sb.len)
			break;
		strbuf_setlen(&sb, dir_len(sb.buf));
	}
	strbuf_release(&sb);
	return c;
}

/*
 * `paths` of config c: the longest matching pattern's targets, in order.
 * Returns 1 when found, -1 when a pattern matched but no target exists,
 * 0 when none matched.
 */
static int resolve_alias(const struct resolver *r, const struct js_state *st,
			 const struct js_config *c, const char *spec,
			 struct resolve_out *out)
{
	const struct js_alias *best = NULL;
	size_t best_len = 0, n = strlen(spec);
	struct strbuf sb = STRBUF_INIT, target = STRBUF_INIT;
	int ret = 0;

	for (size_t i = 0; i < c->nr_aliases; i++) {
		const struct js_alias *a = &c->aliases[i];
		size_t pn = strlen(a->prefix), sn;

		if (!a->suffix) {
			if (!strcmp(spec, a->prefix)) {
				best = a;
				break; /* an exact pattern wins */
			}
			continue;
		}
		sn = strlen(a->suffix);
		if (n >= pn + sn && !strncmp(spec, a->prefix, pn) &&
		    !strcmp(spec + n - sn, a->suffix) &&
		    (!best || pn > best_len)) {
			best = a;
			best_len = pn;
		}
	}
	if (!best)
		return 0;
	for (size_t t = 0; t < best->nr_targets && ret <= 0; t++) {
		const char *tpl = best->targets[t], *star = strchr(tpl, '*');

		strbuf_reset(&target);
		if (star && best->suffix) {
			size_t pn = strlen(best->prefix);
			size_t mid = n - pn - strlen(best->suffix);

			strbuf_add(&target, tpl, (size_t)(star - tpl));
			strbuf_add(&target, spec + pn, mid);
			strbuf_addstr(&target, star + 1);
		} else {
			strbuf_addstr(&target, tpl);
		}
		strbuf_reset(&sb);
		strbuf_addstr(&sb, c->paths_base);
		if (!join(&sb, target.buf) && probe(r, st, &sb, out, 0))
			ret = 1;
	}
	/*
	 * A catch-all "*", or targets in node_modules, say nothing about
	 * where a package lives: it stays external.
	 */
	if (!ret && !(best->suffix && !*best->prefix && !*best->suffix) &&
	    !(best->nr_targets && strstr(best->targets[0], "node_modules/")))
		ret = -1;
	strbuf_release(&sb);
	strbuf_release(&target);
	return ret;
}

/* A package of the repository named by spec (longest name first). */
static int resolve_package(const struct resolver *r, const struct js_state *st,
			   const char *spec, struct resolve_out *out)
{
	const struct js_pkg *best = NULL;
	size_t best_len = 0;
	struct strbuf sb = STRBUF_INIT;
	int ret = 0;

	for (size_t i = 0; i < st->nr_pkgs; i++) {
		const struct js_pkg *p = st->pkgs[i];
		size_t n = strlen(p->name);

		if (!strncmp(spec, p->name, n) &&
		    (spec[n] == '\0' || spec[n] == '/') && n > best_len) {
			best = p;
			best_len = n;
		}
	}
	if (!best)
		return 0;
	if (!spec[best_len]) {
		ret = probe_entry(r, st, best, out, 0);
		if (!ret) {
			strbuf_addstr(&sb, best->dir);
			ret = probe(r, st, &sb, out, 2);
		}
	} else {
		strbuf_addstr(&sb, best->dir);
		ret = !join(&sb, spec + best_len + 1) &&
		      probe(r, st, &sb, out, 0);
	}
	strbuf_release(&sb);
	return ret ? 1 : -1;
}

void resolve_js(struct resolver *r, size_t from, const struct dep_ref *d,
		struct resolve_out *out)
{
	const struct js_state *st = r->js;
	const char *path = r->scan->files[from].path;
	const struct js_config *c;
	struct strbuf spec = STRBUF_INIT, sb = STRBUF_INIT;
	size_t first;

	if (!st)
		goto done;
	/* bundler queries (./icon.svg?raw) name the file before them */
	strbuf_add(&spec, d->target, strcspn(d->target, "?"));
	if (!spec.len)
		goto done;
	if (!strncmp(spec.buf, "node:", 5)) {
		resolve_out_external(r, out, "node", 4);
		goto done;
	}
	if (spec.buf[0] == '.') {
		strbuf_add(&sb, path, dir_len(path));
		if (!join(&sb, spec.buf))
			probe(r, st, &sb, out, 0);
		goto done;
	}
	if (spec.buf[0] == '/')
		goto done;
	c = nearest_config(st, path);
	if (c && resolve_alias(r, st, c, spec.buf, out))
		goto done;
	if (c && c->base_url) {
		strbuf_addstr(&sb, c->base_url);
		if (!join(&sb, spec.buf) && probe(r, st, &sb, out, 0))
			goto done;
	}
	if (resolve_package(r, st, spec.buf, out))
		goto done;
	first = strcspn(spec.buf, "/");
	if (spec.buf[0] == '@' && spec.buf[first] == '/')
		first += 1 + strcspn(spec.buf + first + 1, "/");
	resolve_out_external(r, out, spec.buf, first);
done:
	strbuf_release(&spec);
	strbuf_release(&sb);
}
