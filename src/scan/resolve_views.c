/*
 * Resolution of the references of views and templates (deps_views.c) to
 * files: Rails partials by the views folder's conventions, Razor views
 * by ASP.NET's search (the view's folder, then every Shared folder
 * above it) and Razor types through the @using directives in scope and
 * the namespaces C# files declare, Go templates by {{define}} or by path,
 * EJS includes from the including file, and the rest (Django, Jinja,
 * Twig, Nunjucks, Liquid, Handlebars, Mustache) by their path
 * under a templates folder, nearest first. Component scripts (Vue,
 * Svelte) go to the JavaScript resolver, Razor's @using to C#'s.
 */
#include <string.h>

#include "carve/deps.h"
#include "carve/language.h"
#include "carve/resolve.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

struct views_state {
	/* a view's path with its base name's extensions dropped */
	struct strmap by_stem;
	/* every path suffix of a template, with and without extensions */
	struct strmap by_suffix;
	/* Go: {{define "x"}} and {{block "x"}} names */
	struct strmap defines;
	/*
	 * C#: the files by stem (Product for Product.cs, Product.Admin.cs);
	 * "Namespace.Type" is looked up in the C# resolver's index, and
	 * "Namespace.Stem" by the stem, then the namespaces its files declare
	 */
	struct strmap cs_stems;
	/* the namespaces the view being resolved sees (scope_of) */
	size_t scope_file; /* plus one; 0 before the first */
	const char **scope;
	size_t scope_nr, scope_alloc;
	/* the last type looked up in that scope, and its files */
	const char *memo_type;
	struct resolve_files memo;
	struct strbuf key; /* index_add()'s scratch */
	/*
	 * the resolvable files whose path ends in .cshtml or .razor, by
	 * path (plus one), built when first needed: what Razor looks up,
	 * without the resolver's index of every path
	 */
	struct strmap razor_paths;
	int razor_indexed;
	/* add_path()'s, razor_view()'s and razor_type()'s: none allocates */
	struct strbuf path_sb, name_sb, rel_sb, type_sb;
	/*
	 * by_stem, by_suffix and defines are built by views_index() when a
	 * Rails, Go or path-named template first needs them: Razor needs
	 * none of them
	 */
	int indexed;
	/*
	 * the _ViewImports.cshtml (_Imports.razor) files above the last
	 * view's folder, nearest first: the views of a folder come together
	 */
	struct strbuf imports_dir;
	int imports_valid;
	long *imports;
	size_t imports_nr, imports_alloc;
};

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

static int lang_is(const struct scan_file *f, const char *name)
{
	return f->lang && !strcmp(f->lang->name, name);
}

/* Adds file i to the list under key (copied), once. */
static void index_add(struct resolver *r, struct views_state *st,
		      struct strmap *map, const char *key, size_t len, size_t i)
{
	struct strbuf *sb = &st->key;
	struct strmap_entry *e;
	unsigned long long hash;
	struct resolve_files *v;

	strbuf_setlen(sb, 0);
	strbuf_add(sb, key, len);
	/* one look-up, whether the key is new or not */
	e = strmap_find(map, sb->buf, &hash);
	v = e && e->key ? e->value : NULL;
	if (!v) {
		v = arena_alloc(&r->arena, sizeof(*v)); /* zeroed */
		strmap_add(map, e, arena_strndup(&r->arena, sb->buf, sb->len),
			   hash, v);
	}
	resolve_files_push(v, i);
}

static int razor_path(const char *path, size_t n)
{
	return (n >= 7 && !memcmp(path + n - 7, ".cshtml", 7)) ||
	       (n >= 6 && !memcmp(path + n - 6, ".razor", 6));
}

/*
 * resolver_file(): a Razor path (the views' partials, layouts and
 * _ViewImports) in the views' own index of Razor paths, any other in
 * the resolver's.
 */
static long view_file(const struct resolver *r, const char *path)
{
	struct views_state *st = r->views;
	void *v;

	if (!razor_path(path, strlen(path)))
		return resolver_file(r, path);
	if (!st->razor_indexed) {
		st->razor_indexed = 1;
		for (size_t i = 0; i < r->scan->nr; i++) {
			const struct scan_file *f = &r->scan->files[i];

			if ((f->status == FILE_COUNTED ||
			     f->status == FILE_UNKNOWN) &&
			    razor_path(f->path, strlen(f->path)))
				strmap_put(&st->razor_paths, f->path,
					   (void *)(i + 1));
		}
	}
	v = strmap_get(&st->razor_paths, path);
	return v ? (long)((size_t)v - 1) : -1;
}

/* Whether a directory component of path is templates or jinja2. */
static int under_templates(const char *path)
{
	const char *p = path, *slash;

	while ((slash = strchr(p, '/'))) {
		size_t n = (size_t)(slash - p);

		if ((n == 9 && !memcmp(p, "templates", 9)) ||
		    (n == 6 && !memcmp(p, "jinja2", 6)))
			return 1;
		p = slash + 1;
	}
	return 0;
}

static void index_view(struct resolver *r, struct views_state *st, size_t i)
{
	const struct scan_file *f = &r->scan->files[i];
	const char *path = f->path, *base = base_name(path);
	const char *dot = strchr(base, '.');
	size_t stem = dot && dot != base ? (size_t)(dot - path) : strlen(path);

	index_add(r, st, &st->by_stem, path, stem, i);
	/* "a/templates/shop/x.html": shop/x.html, x.html, shop/x, x ... */
	for (const char *p = path; p;) {
		index_add(r, st, &st->by_suffix, p, strlen(p), i);
		if (stem > (size_t)(p - path))
			index_add(r, st, &st->by_suffix, p,
				  stem - (size_t)(p - path), i);
		p = strchr(p, '/');
		if (p)
			p++;
	}
	for (size_t k = 0; k < f->deps.nr; k++) {
		const struct dep_ref *d = &f->deps.refs[k];

		if (d->kind == DEP_INCLUDE && (d->flags & DEP_DECLARES))
			index_add(r, st, &st->defines, d->target,
				  strlen(d->target), i);
	}
}

static void index_csharp(struct resolver *r, struct views_state *st, size_t i)
{
	const char *base = base_name(r->scan->files[i].path);

	index_add(r, st, &st->cs_stems, base, strcspn(base, "."), i);
}

/* The files index_view() takes, and those index_csharp() takes. */
static int is_template(const struct scan_file *f)
{
	return (f->status == FILE_COUNTED || f->status == FILE_UNKNOWN) &&
	       (language_is_view(f->lang) || under_templates(f->path));
}

/* Builds the views' own indexes, once, when first needed. */
static struct views_state *views_index(const struct resolver *r)
{
	struct views_state *st = r->views;

	if (st->indexed)
		return st;
	st->indexed = 1;
	for (size_t i = 0; i < r->scan->nr; i++)
		if (is_template(&r->scan->files[i]))
			index_view((struct resolver *)r, st, i);
	return st;
}

int resolve_views_prepare(struct resolver *r)
{
	struct views_state *st = NULL;
	int views = 0;

	for (size_t i = 0; i < r->langs_nr && !views; i++)
		views = language_is_view(r->langs[i].lang);
	if (!views)
		return 0;
	st = xcalloc(1, sizeof(*st));
	strbuf_init(&st->key, 0);
	strbuf_init(&st->imports_dir, 0);
	strbuf_init(&st->path_sb, 0);
	strbuf_init(&st->name_sb, 0);
	strbuf_init(&st->rel_sb, 0);
	strbuf_init(&st->type_sb, 0);
	for (size_t i = 0; i < r->scan->nr; i++) {
		const struct scan_file *f = &r->scan->files[i];

		if ((f->status == FILE_COUNTED || f->status == FILE_UNKNOWN) &&
		    lang_is(f, "C#") && !under_templates(f->path))
			index_csharp(r, st, i);
	}
	r->views = st;
	return 0;
}

static void release_map(struct strmap *map)
{
	struct strmap_entry *e;

	strmap_for_each (map, e)
		resolve_files_release(e->value);
	strmap_release(map);
}

void resolve_views_release(struct resolver *r)
{
	struct views_state *st = r->views;

	if (!st)
		return;
	release_map(&st->by_stem);
	release_map(&st->by_suffix);
	release_map(&st->defines);
	release_map(&st->cs_stems);
	strmap_release(&st->razor_paths);
	free(st->scope);
	free(st->memo.files);
	free(st->imports);
	strbuf_release(&st->imports_dir);
	strbuf_release(&st->key);
	strbuf_release(&st->path_sb);
	strbuf_release(&st->name_sb);
	strbuf_release(&st->rel_sb);
	strbuf_release(&st->type_sb);
	free(st);
	r->views = NULL;
}

/* Length of the common directory prefix of two paths, in components. */
static size_t common_dirs(const char *a, const char *b)
{
	size_t n = 0;

	for (;;) {
		const char *sa = strchr(a, '/'), *sb = strchr(b, '/');

		if (!sa || !sb || sa - a != sb - b || memcmp(a, b, sa - a))
			return n;
		n++;
		a = sa + 1;
		b = sb + 1;
	}
}

/*
 * Whether template name t is the path of `path` from a templates (or
 * jinja2) folder: how template loaders name templates.
 */
static int from_templates(const char *path, const char *t)
{
	size_t n = strlen(t);

	for (const char *p = path; p; p = strchr(p, '/'), p = p ? p + 1 : p) {
		size_t before = (size_t)(p - path);

		if (strncmp(p, t, n) || (p[n] && p[n] != '.'))
			continue;
		if ((before >= 10 && !memcmp(p - 10, "templates/", 10) &&
		     (before == 10 || p[-11] == '/')) ||
		    (before >= 7 && !memcmp(p - 7, "jinja2/", 7) &&
		     (before == 7 || p[-8] == '/')))
			return 1;
	}
	return 0;
}

/*
 * The files of v that template name t names for `from`: those whose
 * path from a templates folder it is, if any, else all; of these the
 * nearest to `from` (most directories in common). Never `from` itself.
 */
static int add_nearest(const struct resolver *r, size_t from, const char *t,
		       struct resolve_out *out, const struct resolve_files *v)
{
	const char *path = r->scan->files[from].path;
	size_t best = 0, found = 0;
	int anchored = 0;

	if (!v || !v->nr)
		return 0;
	for (size_t i = 0; i < v->nr; i++)
		if (v->files[i] != from &&
		    from_templates(r->scan->files[v->files[i]].path, t))
			anchored = 1;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < v->nr; i++) {
			const char *p = r->scan->files[v->files[i]].path;
			size_t c;

			if (v->files[i] == from ||
			    (anchored && !from_templates(p, t)))
				continue;
			c = common_dirs(path, p);
			if (!pass && c > best)
				best = c;
			if (pass && c == best) {
				resolve_out_add(out, v->files[i]);
				found++;
			}
		}
	return found > 0;
}

/* Appends path `rel` to sb, folding "." and ".." components. */
static int join_path(struct strbuf *sb, const char *rel)
{
	while (*rel) {
		size_t n = strcspn(rel, "/");

		if (n == 2 && !memcmp(rel, "..", 2)) {
			size_t d;

			if (!sb->len)
				return -1; /* above the repository */
			d = dir_len(sb->buf);
			strbuf_setlen(sb, d);
		} else if (n && !(n == 1 && *rel == '.')) {
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

/* A file at `dir`/`rel`, exactly. */
static int add_path(const struct resolver *r, struct resolve_out *out,
		    const char *dir, size_t dlen, const char *rel)
{
	struct strbuf *sb = &((struct views_state *)r->views)->path_sb;
	long file = -1;

	strbuf_reset(sb);
	strbuf_add(sb, dir, dlen);
	if (!join_path(sb, rel))
		file = view_file(r, sb->buf);
	if (file < 0)
		return 0;
	resolve_out_add(out, (size_t)file);
	return 1;
}

/* ---- templates by name ----------------------------------------------- */

/*
 * Django, Jinja, Twig, Handlebars, Mustache, and Go by path: the name
 * relative to the template (./x, ../x), else as the end of a template's
 * path, with or without its extensions, nearest first.
 */
static void template_by_name(struct resolver *r, size_t from, const char *t,
			     struct resolve_out *out)
{
	const struct views_state *st = views_index(r);
	const char *path = r->scan->files[from].path;

	if (!strncmp(t, "./", 2) || !strncmp(t, "../", 3)) {
		add_path(r, out, path, dir_len(path), t);
		return;
	}
	while (*t == '/')
		t++;
	/* Twig's @Bundle/x.html.twig: the bundle's own templates */
	if (*t == '@' && strchr(t, '/'))
		t = strchr(t, '/') + 1;
	add_nearest(r, from, t, out, strmap_get(&st->by_suffix, t));
}

/*
 * EJS: include('x') is relative to the including file, .ejs added when
 * it names none; else a template's name, as Django's.
 */
static void ejs_include(struct resolver *r, size_t from, const char *t,
			struct resolve_out *out)
{
	const char *path = r->scan->files[from].path;
	const char *base = strrchr(t, '/') ? strrchr(t, '/') + 1 : t;
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, t);
	if (!strchr(base, '.'))
		strbuf_addstr(&sb, ".ejs");
	if (*t != '/' && add_path(r, out, path, dir_len(path), sb.buf))
		goto done;
	template_by_name(r, from, t, out);
done:
	strbuf_release(&sb);
}

/* ---- Rails ------------------------------------------------------------ */

/*
 * render 'x' in app/views/accounts/show.html.haml: _x.* in accounts/,
 * else in application/ (inherited by every controller); render 'a/x':
 * a/_x.* under the views folder. A template: the same without the _.
 */
static void rails_render(struct resolver *r, size_t from,
			 const struct dep_ref *d, struct resolve_out *out)
{
	const struct views_state *st = views_index(r);
	const char *path = r->scan->files[from].path, *t = d->target;
	const char *slash = strrchr(t, '/'), *views = NULL;
	const char *under = d->name && !strcmp(d->name, "template") ? "" : "_";
	struct strbuf key = STRBUF_INIT;
	size_t root;

	/* the views folder: the last "views" component of the path */
	for (const char *p = path; (p = strstr(p, "views/")); p++)
		if (p == path || p[-1] == '/')
			views = p;
	root = views ? (size_t)(views - path) + 5 : dir_len(path);
	if (*t == '/')
		t++;
	if (slash) {
		strbuf_add(&key, path, root);
		if (key.len)
			strbuf_addch(&key, '/');
		strbuf_add(&key, t, (size_t)(slash - t) + 1);
		strbuf_addstr(&key, under);
		strbuf_add(&key, slash + 1, strcspn(slash + 1, "."));
		resolve_files_out(out, strmap_get(&st->by_stem, key.buf));
		goto done;
	}
	strbuf_add(&key, path, dir_len(path));
	if (key.len)
		strbuf_addch(&key, '/');
	strbuf_addstr(&key, under);
	strbuf_add(&key, t, strcspn(t, "."));
	if (resolve_files_out(out, strmap_get(&st->by_stem, key.buf)))
		goto done;
	strbuf_reset(&key);
	strbuf_add(&key, path, root);
	strbuf_addstr(&key, key.len ? "/application/" : "application/");
	strbuf_addstr(&key, under);
	strbuf_add(&key, t, strcspn(t, "."));
	resolve_files_out(out, strmap_get(&st->by_stem, key.buf));
done:
	strbuf_release(&key);
}

/* ---- Razor ------------------------------------------------------------ */

/*
 * <partial name="x">, Html.Partial("x"), Layout = "x": "~/..." from the
 * project's folder (the nearest folder above that holds it), a path
 * with a folder from the view's, a bare name in the view's folder and
 * then in each Shared (or Views/Shared) folder above it.
 */
static void razor_view(struct resolver *r, size_t from, const char *t,
		       struct resolve_out *out)
{
	struct views_state *st = r->views;
	const char *path = r->scan->files[from].path;
	struct strbuf *name = &st->name_sb, *rel = &st->rel_sb;
	size_t dir = dir_len(path);
	const char *ext = strrchr(base_name(t), '.');

	strbuf_reset(name);
	strbuf_reset(rel);
	if (!strncmp(t, "~/", 2) || *t == '/') {
		t += *t == '~' ? 2 : 1;
		for (size_t d = dir;; d = dir_len(rel->buf)) {
			strbuf_reset(rel);
			strbuf_add(rel, path, d);
			if (add_path(r, out, rel->buf, rel->len, t) || !d)
				break;
		}
		return;
	}
	strbuf_addstr(name, t);
	if (!ext || (strcmp(ext, ".cshtml") && strcmp(ext, ".razor")))
		strbuf_addstr(name, ".cshtml");
	if (strchr(t, '/')) {
		add_path(r, out, path, dir, name->buf);
		return;
	}
	if (add_path(r, out, path, dir, name->buf))
		return;
	for (size_t d = dir;;) {
		strbuf_reset(rel);
		strbuf_add(rel, path, d);
		strbuf_addstr(rel, d ? "/Shared/" : "Shared/");
		strbuf_add(rel, name->buf, name->len);
		if (add_path(r, out, "", 0, rel->buf))
			break;
		strbuf_reset(rel);
		strbuf_add(rel, path, d);
		strbuf_addstr(rel, d ? "/Views/Shared/" : "Views/Shared/");
		strbuf_add(rel, name->buf, name->len);
		if (add_path(r, out, "", 0, rel->buf) || !d)
			break;
		strbuf_reset(rel);
		strbuf_add(rel, path, d);
		d = dir_len(rel->buf);
	}
}

/* Whether C# file i declares namespace ns[0..n) (or a type in it). */
static int declares(const struct scan_file *f, const char *ns, size_t n)
{
	for (size_t k = 0; k < f->deps.nr; k++) {
		const struct dep_ref *d = &f->deps.refs[k];

		if ((d->flags & DEP_DECLARES) && !strncmp(d->target, ns, n) &&
		    !d->target[n])
			return 1;
	}
	return 0;
}

/*
 * Namespace `ns` (len n) plus "." plus type t, K: the C# files outside a
 * templates folder that declare type K, and those whose stem is K's
 * last name that declare the namespace before it (a file is named
 * after its type).
 */
static int cs_lookup(const struct resolver *r, const struct views_state *st,
		     struct strbuf *sb, const char *ns, size_t n, const char *t,
		     struct resolve_out *out)
{
	const struct resolve_files *v;
	const char *last;
	const size_t *files;
	size_t nr;
	int found = 0;

	strbuf_reset(sb);
	strbuf_add(sb, ns, n);
	strbuf_addch(sb, '.');
	strbuf_addstr(sb, t);
	/* the C# index also holds "A.B." of a type it has no name for */
	files = sb->buf[sb->len - 1] == '.'
			? NULL
			: resolve_csharp_type(r, sb->buf, &nr);
	for (size_t i = 0; files && i < nr; i++)
		if (!under_templates(r->scan->files[files[i]].path)) {
			resolve_out_add(out, files[i]);
			found = 1;
		}
	last = strrchr(sb->buf, '.');
	v = strmap_get(&st->cs_stems, last + 1);
	for (size_t i = 0; v && i < v->nr; i++)
		if (declares(&r->scan->files[v->files[i]], sb->buf,
			     (size_t)(last - sb->buf))) {
			resolve_out_add(out, v->files[i]);
			found = 1;
		}
	return found;
}

/*
 * At most this many namespaces are in a view's scope: real views open a
 * few dozen; a hostile one with a million @using costs no more.
 */
#define RAZOR_SCOPE_MAX 64

/* Appends the @using directives of file i to the scope (no duplicates). */
static void scope_add(const struct resolver *r, struct views_state *st,
		      long i)
{
	const struct scan_file *f;

	if (i < 0)
		return;
	f = &r->scan->files[i];
	for (size_t k = 0; k < f->deps.nr; k++) {
		const struct dep_ref *d = &f->deps.refs[k];
		size_t j;

		if (d->kind != DEP_IMPORT || d->name || d->flags)
			continue;
		for (j = 0; j < st->scope_nr; j++)
			if (!strcmp(st->scope[j], d->target))
				break;
		if (j < st->scope_nr)
			continue;
		if (st->scope_nr == RAZOR_SCOPE_MAX)
			return;
		ALLOC_GROW(st->scope, st->scope_nr + 1, st->scope_alloc);
		st->scope[st->scope_nr++] = d->target;
	}
}

/*
 * The namespaces view `from` sees: its @using directives, then those of
 * each _ViewImports.cshtml (Blazor: _Imports.razor) above it, nearest
 * first. Built once per view: its statements come one after another.
 */
static void scope_of(const struct resolver *r, struct views_state *st,
		     size_t from)
{
	static const char *const imports[] = { "_ViewImports.cshtml",
					       "_Imports.razor", NULL };
	const char *path = r->scan->files[from].path;
	size_t len = dir_len(path);
	struct strbuf dir = STRBUF_INIT, sb = STRBUF_INIT;

	if (st->scope_file == from + 1)
		return;
	st->scope_file = from + 1;
	st->scope_nr = 0;
	st->memo_type = NULL;
	scope_add(r, st, (long)from);
	if (!st->imports_valid || st->imports_dir.len != len ||
	    memcmp(st->imports_dir.buf, path, len)) {
		st->imports_valid = 1;
		strbuf_reset(&st->imports_dir);
		strbuf_add(&st->imports_dir, path, len);
		st->imports_nr = 0;
		strbuf_add(&dir, path, len);
		for (;;) {
			for (int k = 0; imports[k]; k++) {
				long i;

				strbuf_reset(&sb);
				strbuf_add(&sb, dir.buf, dir.len);
				if (dir.len)
					strbuf_addch(&sb, '/');
				strbuf_addstr(&sb, imports[k]);
				i = view_file(r, sb.buf);
				if (i < 0)
					continue;
				ALLOC_GROW(st->imports, st->imports_nr + 1,
					   st->imports_alloc);
				st->imports[st->imports_nr++] = i;
			}
			if (!dir.len)
				break;
			strbuf_setlen(&dir, dir_len(dir.buf));
		}
		strbuf_release(&dir);
		strbuf_release(&sb);
	}
	for (size_t k = 0; k < st->imports_nr; k++)
		scope_add(r, st, st->imports[k]);
}

/*
 * @model T, @inject T x, @inherits T: the file of T (T.cs, or T.*.cs
 * for a partial class) in the namespace T names, or in one of the view's
 * scope (scope_of); else the only C# file named T.
 */
static void razor_type(struct resolver *r, size_t from, const char *t,
		       struct resolve_out *out)
{
	struct views_state *st = r->views;
	const char *dot = strrchr(t, '.');
	struct strbuf *sb = &st->type_sb;
	const struct resolve_files *v;

	if (dot && cs_lookup(r, st, sb, t, (size_t)(dot - t), dot + 1, out))
		return;
	scope_of(r, st, from);
	/* a view names its model again and again: once is enough */
	if (st->memo_type && st->scope_file == from + 1 &&
	    !strcmp(st->memo_type, t)) {
		resolve_files_out(out, &st->memo);
		return;
	}
	for (size_t i = 0; i < st->scope_nr; i++)
		if (cs_lookup(r, st, sb, st->scope[i], strlen(st->scope[i]), t,
			      out))
			goto remember;
	v = dot ? NULL : strmap_get(&st->cs_stems, t);
	if (v && v->nr == 1)
		resolve_files_out(out, v);
remember:
	st->memo_type = t;
	st->memo.nr = 0;
	for (size_t i = 0; i < out->nr; i++) {
		ALLOC_GROW(st->memo.files, st->memo.nr + 1, st->memo.alloc);
		st->memo.files[st->memo.nr++] = out->files[i];
	}
}

void resolve_views(struct resolver *r, size_t from, const struct dep_ref *d,
		   struct resolve_out *out)
{
	const struct views_state *st = r->views;
	const char *lang = r->scan->files[from].lang->name;

	if (!st || !*d->target || (d->flags & DEP_DECLARES))
		return;
	if (!strcmp(lang, "Vue") || !strcmp(lang, "Svelte")) {
		resolve_js(r, from, d, out);
	} else if (!strcmp(lang, "Razor")) {
		if (d->kind == DEP_IMPORT && !d->name)
			resolve_csharp(r, from, d, out);
		else if (d->kind == DEP_IMPORT)
			razor_type(r, from, d->target, out);
		else
			razor_view(r, from, d->target, out);
	} else if (!strcmp(lang, "ERB") || !strcmp(lang, "Haml") ||
		   !strcmp(lang, "Slim")) {
		if (d->kind == DEP_USE) /* a constant of the Ruby code */
			resolve_ruby(r, from, d, out);
		else
			rails_render(r, from, d, out);
	} else if (!strcmp(lang, "EJS")) {
		ejs_include(r, from, d->target, out);
	} else if (!strcmp(lang, "Go Template")) {
		if (!resolve_files_out(out, strmap_get(&views_index(r)->defines,
						       d->target)))
			template_by_name(r, from, d->target, out);
	} else {
		template_by_name(r, from, d->target, out);
	}
}
