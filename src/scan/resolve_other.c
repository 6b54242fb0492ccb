/*
 * Resolvers of PHP (use through composer.json PSR-4 maps, include of
 * literal paths) and Rust (mod and use paths to module files, other first
 * segments as crates); Ruby's is in resolve_ruby.c, C#'s in
 * resolve_csharp.c.
 */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <string.h>

#include "carve/config.h"
#include "carve/deps.h"
#include "carve/error.h"
#include "carve/language.h"
#include "carve/resolve.h"
#include "carve/resolve_paths.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/* composer.json is small; a larger one is not a composer file. */
#define COMPOSER_MAX_SIZE (4u << 20)

/* ---- PHP ----------------------------------------------------------- */

struct psr4 {
	const char *prefix; /* namespace prefix, A\B\ ("" for any) */
	const char *dir; /* repository directory, "" for the root */
};

struct php_state {
	struct psr4 *map; /* longest prefix first */
	size_t nr, alloc;
};

static int cmp_psr4(const void *a, const void *b)
{
	const struct psr4 *x = a, *y = b;
	size_t lx = strlen(x->prefix), ly = strlen(y->prefix);

	if (lx != ly)
		return lx < ly ? 1 : -1;
	if (strcmp(x->prefix, y->prefix))
		return strcmp(x->prefix, y->prefix);
	return strcmp(x->dir, y->dir);
}

static void psr4_add(struct resolver *r, struct php_state *st,
		     const char *prefix, const char *base, const char *dir)
{
	struct strbuf sb = STRBUF_INIT;
	struct psr4 *e;

	strbuf_addstr(&sb, base);
	if (resolve_path_join(&sb, dir))
		goto done;
	ALLOC_GROW(st->map, st->nr + 1, st->alloc);
	e = &st->map[st->nr++];
	/* "App" and "App\" are the same prefix: keep one form */
	e->prefix = *prefix && !resolve_ends_with(prefix, "\\")
			    ? arena_strdup(&r->arena, prefix)
			    : arena_strndup(&r->arena, prefix,
					    *prefix ? strlen(prefix) - 1 : 0);
	e->dir = arena_strndup(&r->arena, sb.buf, sb.len);
done:
	strbuf_release(&sb);
}

/* Reads the autoload and autoload-dev PSR-4 maps of one composer.json. */
static void read_composer(struct resolver *r, struct php_state *st,
			  const char *path)
{
	static const char *const sections[] = { "autoload", "autoload-dev" };
	struct strbuf file = STRBUF_INIT, base = STRBUF_INIT;
	cJSON *root = NULL;

	strbuf_addf(&base, "%s/%s", r->scan->root, path);
	if (resolver_read_file(r, &file, base.buf, COMPOSER_MAX_SIZE) < 0) {
		warning("cannot read '%s': its autoload map is ignored", path);
		goto done;
	}
	root = config_parse_jsonc_warn(file.buf, file.len, path);
	if (!root) {
		warning("'%s' is malformed: its autoload map is ignored", path);
		goto done;
	}
	resolve_dir_of(&base, path);
	for (size_t s = 0; s < 2; s++) {
		cJSON *sec =
			cJSON_GetObjectItemCaseSensitive(root, sections[s]);
		cJSON *map = cJSON_GetObjectItemCaseSensitive(sec, "psr-4");
		cJSON *e;

		if (!cJSON_IsObject(map))
			continue;
		cJSON_ArrayForEach (e, map) {
			cJSON *v;

			if (cJSON_IsString(e)) {
				psr4_add(r, st, e->string, base.buf,
					 e->valuestring);
				continue;
			}
			if (!cJSON_IsArray(e)) {
				warning("'%s': %s psr-4 \"%s\" should be a "
					"directory or a list of them",
					path, sections[s], e->string);
				continue;
			}
			cJSON_ArrayForEach (v, e)
				if (cJSON_IsString(v))
					psr4_add(r, st, e->string, base.buf,
						 v->valuestring);
		}
	}
done:
	cJSON_Delete(root);
	strbuf_release(&file);
	strbuf_release(&base);
}

int resolve_php_prepare(struct resolver *r)
{
	struct php_state *st = NULL;

	if (!resolver_has_lang(r, "PHP", 1))
		return 0;
	for (size_t i = 0; i < r->scan->nr; i++)
		if (resolve_lang_is(&r->scan->files[i], "PHP")) {
			st = xcalloc(1, sizeof(*st));
			r->php = st;
			break;
		}
	if (!st)
		return 0;
	for (size_t i = 0; i < r->scan->nr; i++) {
		const struct scan_file *f = &r->scan->files[i];

		if ((f->status != FILE_COUNTED && f->status != FILE_UNKNOWN) ||
		    strcmp(resolve_base_name(f->path), "composer.json"))
			continue;
		read_composer(r, st, f->path);
	}
	if (st->nr)
		qsort(st->map, st->nr, sizeof(*st->map), cmp_psr4);
	return 0;
}

/*
 * A class through the PSR-4 maps: the longest matching prefix's
 * directory plus the rest of the name as a path, plus .php. Returns 1
 * when found, 0 when a prefix matched but no file exists (a class of
 * the repository, not found: unresolved), -1 when no prefix matched.
 */
static int php_class(struct resolver *r, const struct php_state *st,
		     const char *name, struct resolve_out *out)
{
	struct strbuf rel = STRBUF_INIT;
	int ret = -1;

	for (size_t i = 0; i < st->nr; i++) {
		const struct psr4 *e = &st->map[i];
		size_t n = strlen(e->prefix);

		if (n && (strncmp(name, e->prefix, n) || name[n] != '\\'))
			continue;
		/* the catch-all "" prefix proves nothing about the name */
		if (n)
			ret = 0;
		strbuf_reset(&rel);
		for (const char *p = name + (n ? n + 1 : 0); *p; p++)
			strbuf_addch(&rel, *p == '\\' ? '/' : *p);
		if (resolve_add_path(r, out, e->dir, rel.buf, ".php")) {
			ret = 1;
			break;
		}
	}
	strbuf_release(&rel);
	return ret;
}

void resolve_php(struct resolver *r, size_t from, const struct dep_ref *d,
		 struct resolve_out *out)
{
	const struct php_state *st = r->php;
	const char *t = d->target;
	struct strbuf sb = STRBUF_INIT;
	size_t n;

	if (!st || !*t)
		goto done;
	if (d->kind == DEP_REQUIRE) {
		/*
		 * ./x (from __DIR__) is the file's directory; a bare path is
		 * looked up on the include path, "." being the front
		 * controller's directory, most often the root: both are tried.
		 */
		int relative = !strncmp(t, "./", 2) || !strncmp(t, "../", 3);

		if (*t == '/')
			goto done;
		resolve_dir_of(&sb, r->scan->files[from].path);
		if (relative) {
			if (!resolve_add_path(r, out, sb.buf, t, NULL))
				resolve_add_path(r, out, "", t, NULL);
		} else if (!resolve_add_path(r, out, "", t, NULL)) {
			resolve_add_path(r, out, sb.buf, t, NULL);
		}
		goto done;
	}
	if (d->kind != DEP_USE)
		goto done;
	if (!(d->flags & DEP_STATIC)) {
		int found = php_class(r, st, t, out);

		if (found >= 0)
			goto done;
		/* no PSR-4 map: try the name as a path from the root */
		for (const char *p = t; *p; p++)
			strbuf_addch(&sb, *p == '\\' ? '/' : *p);
		if (resolve_add_path(r, out, "", sb.buf, ".php"))
			goto done;
	} else {
		/* functions and constants: no autoloading, no file to find */
		struct resolve_out probe = { 0 };
		int internal = php_class(r, st, t, &probe) >= 0;

		free(probe.files);
		if (internal)
			goto done;
	}
	/*
	 * A vendor: the first namespace component in lower case, as
	 * composer names vendors (Symfony\... is symfony/...); a name with
	 * no namespace is PHP's own (Exception, DateTime).
	 */
	n = strcspn(t, "\\");
	if (!t[n]) {
		resolve_out_external(r, out, "php", 3);
		goto done;
	}
	strbuf_reset(&sb);
	for (size_t i = 0; i < n; i++)
		strbuf_addch(&sb, tolower((unsigned char)t[i]));
	resolve_out_external(r, out, sb.buf, sb.len);
done:
	strbuf_release(&sb);
}

void resolve_php_release(struct resolver *r)
{
	struct php_state *st = r->php;

	if (!st)
		return;
	free(st->map);
	free(st);
	r->php = NULL;
}

/* ---- Rust ---------------------------------------------------------- */

/* Rust needs no index beyond the resolver's paths. */
int resolve_rust_prepare(struct resolver *r)
{
	(void)r;
	return 0;
}

void resolve_rust_release(struct resolver *r)
{
	(void)r;
}

static int is_mod_root(const char *path)
{
	const char *base = resolve_base_name(path);

	return !strcmp(base, "mod.rs") || !strcmp(base, "lib.rs") ||
	       !strcmp(base, "main.rs");
}

/*
 * The directory holding the submodules of the module in file `path`:
 * its own directory for mod.rs, lib.rs and main.rs, else a directory
 * named after the file (a/b.rs -> a/b).
 */
static void child_dir(struct strbuf *sb, const char *path)
{
	strbuf_reset(sb);
	if (is_mod_root(path)) {
		resolve_dir_of(sb, path);
		return;
	}
	strbuf_addstr(sb, path);
	if (resolve_ends_with(sb->buf, ".rs"))
		strbuf_setlen(sb, sb->len - 3);
}

/* The file of module `name` in directory dir: name.rs or name/mod.rs. */
static long module_file(struct resolver *r, const char *dir, const char *name,
			size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	long file;

	strbuf_addf(&sb, "%s%s%.*s.rs", dir, *dir ? "/" : "", (int)len, name);
	file = resolver_file(r, sb.buf);
	if (file < 0) {
		strbuf_setlen(&sb, sb.len - 3);
		strbuf_addstr(&sb, "/mod.rs");
		file = resolver_file(r, sb.buf);
	}
	strbuf_release(&sb);
	return file;
}

/*
 * The module file whose submodules live in directory `dir`: dir/mod.rs,
 * dir/lib.rs, dir/main.rs, or dir.rs beside it. -1 when none.
 */
static long module_of_dir(struct resolver *r, const char *dir)
{
	static const char *const roots[] = { "mod.rs", "lib.rs", "main.rs" };
	struct strbuf sb = STRBUF_INIT;
	long file = -1;

	for (size_t i = 0; i < 3 && file < 0; i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s%s%s", dir, *dir ? "/" : "", roots[i]);
		file = resolver_file(r, sb.buf);
	}
	if (file < 0 && *dir) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s.rs", dir);
		file = resolver_file(r, sb.buf);
	}
	strbuf_release(&sb);
	return file;
}

/*
 * The crate root of `path`: the nearest directory at or above it with a
 * lib.rs (preferred) or main.rs. Sets sb to that directory; returns the
 * root file or -1.
 */
static long crate_root(struct resolver *r, struct strbuf *sb, const char *path)
{
	if (is_mod_root(path) && strcmp(resolve_base_name(path), "mod.rs")) {
		resolve_dir_of(sb, path);
		return resolver_file(r, path);
	}
	resolve_dir_of(sb, path);
	for (;;) {
		struct strbuf f = STRBUF_INIT;
		long file;
		char *slash;

		strbuf_addf(&f, "%s%slib.rs", sb->buf, sb->len ? "/" : "");
		file = resolver_file(r, f.buf);
		if (file < 0) {
			strbuf_reset(&f);
			strbuf_addf(&f, "%s%smain.rs", sb->buf,
				    sb->len ? "/" : "");
			file = resolver_file(r, f.buf);
		}
		strbuf_release(&f);
		if (file >= 0)
			return file;
		if (!sb->len)
			return -1;
		slash = strrchr(sb->buf, '/');
		strbuf_setlen(sb, slash ? (size_t)(slash - sb->buf) : 0);
	}
}

/*
 * Path segments `rest` (b::c::d) below the module whose submodules are
 * in `dir` and whose file is `file`: the deepest module file that
 * exists (dir/b/c/d.rs, dir/b/c.rs, dir/b.rs, or their mod.rs), else
 * `file` itself, where the item is declared.
 */
static void add_module_path(struct resolver *r, struct resolve_out *out,
			    const char *dir, const char *rest, long file)
{
	struct strbuf sb = STRBUF_INIT;
	long best = file;

	strbuf_addstr(&sb, dir);
	while (*rest) {
		const char *sep = strstr(rest, "::");
		size_t n = sep ? (size_t)(sep - rest) : strlen(rest);
		long m = module_file(r, sb.buf, rest, n);

		if (m < 0)
			break;
		best = m;
		if (sb.len)
			strbuf_addch(&sb, '/');
		strbuf_add(&sb, rest, n);
		rest += n;
		if (*rest)
			rest += 2;
	}
	if (best >= 0)
		resolve_out_add(out, (size_t)best);
	strbuf_release(&sb);
}

void resolve_rust(struct resolver *r, size_t from, const struct dep_ref *d,
		  struct resolve_out *out)
{
	const char *path = r->scan->files[from].path;
	const char *t = d->target;
	struct strbuf dir = STRBUF_INIT;
	long file = (long)from;
	size_t n;

	if (!*t)
		goto done;
	if (d->kind == DEP_MOD) {
		child_dir(&dir, path);
		file = module_file(r, dir.buf, t, strlen(t));
		if (file >= 0)
			resolve_out_add(out, (size_t)file);
		goto done;
	}
	if (d->kind != DEP_USE)
		goto done;
	n = strcspn(t, ":");
	if (n == 5 && !strncmp(t, "crate", 5)) {
		file = crate_root(r, &dir, path);
		t += n;
	} else if (n == 4 && !strncmp(t, "self", 4)) {
		child_dir(&dir, path);
		t += n;
	} else if (n == 5 && !strncmp(t, "super", 5)) {
		/* each super:: climbs to the parent module */
		child_dir(&dir, path);
		while (!strncmp(t, "super", 5) && (t[5] == ':' || !t[5])) {
			char *slash;

			if (!dir.len) {
				file = -1;
				break;
			}
			slash = strrchr(dir.buf, '/');
			strbuf_setlen(&dir,
				      slash ? (size_t)(slash - dir.buf) : 0);
			file = module_of_dir(r, dir.buf);
			t += 5;
			if (*t)
				t += 2;
		}
		if (file < 0)
			goto done;
		add_module_path(r, out, dir.buf, t, file);
		goto done;
	} else if (*t >= 'A' && *t <= 'Z') {
		/* an enum or type in scope: an item of this very file */
		resolve_out_add(out, from);
		goto done;
	} else {
		/* a submodule of this module (2018 paths), else a crate */
		child_dir(&dir, path);
		if (module_file(r, dir.buf, t, n) < 0) {
			resolve_out_external(r, out, t, n);
			goto done;
		}
	}
	if (*t == ':')
		t += 2;
	add_module_path(r, out, dir.buf, t, file);
done:
	strbuf_release(&dir);
}
