/*
 * The Python resolver: finds the source roots (the directories above
 * top-level packages, plus the scanned root and src/) and resolves each
 * import to a module file or a package's __init__.py, as the import
 * system would with those roots on sys.path. What no root holds is an
 * external package, named by its first component.
 */
#include <stdint.h>
#include <string.h>

#include "carve/deps.h"
#include "carve/resolve.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

struct py_state {
	/*
	 * Every Python file listed (excluded ones too) and every directory
	 * above one: what exists in the repository, resolvable or not.
	 */
	struct strmap known;
	/*
	 * The first components any root holds: a module file (without
	 * .py/.pyi) or a directory right below the root. An absolute import
	 * whose first component is not here resolves to no root at all.
	 */
	struct strmap top_names;
	/*
	 * What resolve_at() found for a module path and imported name, so
	 * each is worked out once however many files import it:
	 * "path\x1fname" (or "path\x1e" without a name) -> memo_pack().
	 */
	struct strmap memo;
	struct arena memo_arena;
	struct strbuf scratch; /* resolution is serial: one buffer serves */
	const char **roots; /* "" for the repository root; sorted */
	size_t nr_roots, alloc_roots;
};

/* What a module path names. */
enum py_found {
	PY_NONE,
	PY_MODULE,    /* a.py: *file set */
	PY_PACKAGE,   /* a/__init__.py: *file set */
	PY_NAMESPACE, /* a directory without __init__.py */
	PY_HIDDEN,    /* a file that exists but is excluded from the scan */
};

static int is_python_path(const char *path)
{
	size_t n = strlen(path);

	return (n > 3 && !memcmp(path + n - 3, ".py", 3)) ||
	       (n > 4 && !memcmp(path + n - 4, ".pyi", 4));
}

static int known(const struct py_state *st, const char *path)
{
	return strmap_get(&st->known, path) != NULL;
}

/* Length of the directory part of path ("" has none). */
static size_t dir_len(const char *path, size_t len)
{
	while (len && path[len - 1] != '/')
		len--;
	return len ? len - 1 : 0;
}

static void add_root(struct resolver *r, struct py_state *st,
		     const char *dir, size_t len)
{
	for (size_t i = 0; i < st->nr_roots; i++)
		if (strlen(st->roots[i]) == len &&
		    !memcmp(st->roots[i], dir, len))
			return;
	ALLOC_GROW(st->roots, st->nr_roots + 1, st->alloc_roots);
	st->roots[st->nr_roots++] = arena_strndup(&r->arena, dir, len);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The root `path` (a known file or directory) sits right below, or NULL. */
static const char *parent_root(const struct py_state *st, const char *path,
			       size_t dir)
{
	for (size_t i = 0; i < st->nr_roots; i++)
		if (strlen(st->roots[i]) == dir &&
		    !memcmp(st->roots[i], path, dir))
			return st->roots[i];
	return NULL;
}

/* Fills st->top_names from st->known and st->roots. */
static void collect_top_names(struct resolver *r, struct py_state *st)
{
	struct strmap_entry *e;

	strmap_for_each(&st->known, e) {
		const char *path = e->key;
		size_t len, dir, start;

		len = strlen(path);
		dir = dir_len(path, len);
		if (!parent_root(st, path, dir))
			continue;
		start = dir ? dir + 1 : 0;
		if (len > 4 && !strcmp(path + len - 4, ".pyi"))
			len -= 4;
		else if (len > 3 && !strcmp(path + len - 3, ".py"))
			len -= 3;
		strmap_put(&st->top_names,
			   arena_strndup(&r->arena, path + start, len - start),
			   (void *)1);
	}
}

int resolve_python_prepare(struct resolver *r)
{
	const struct scan *scan = r->scan;
	struct py_state *st = NULL;
	struct strbuf sb = STRBUF_INIT;
	size_t plen;

	for (size_t i = 0; i < scan->nr; i++) {
		const struct scan_file *f = &scan->files[i];
		size_t len;

		if (f->status == FILE_SYMLINK || f->status == FILE_SUBMODULE ||
		    !is_python_path(f->path))
			continue;
		if (!st)
			st = xcalloc(1, sizeof(*st));
		strmap_put(&st->known, f->path, (void *)1);
		for (len = dir_len(f->path, strlen(f->path)); len;
		     len = dir_len(f->path, len)) {
			char *dir = arena_strndup(&r->arena, f->path, len);

			if (known(st, dir))
				break;
			strmap_put(&st->known, dir, (void *)1);
		}
	}
	if (!st)
		return 0;
	plen = strlen(scan->prefix);
	while (plen && scan->prefix[plen - 1] == '/')
		plen--;
	add_root(r, st, scan->prefix, plen);
	strbuf_add(&sb, scan->prefix, plen);
	strbuf_addstr(&sb, plen ? "/src" : "src");
	if (known(st, sb.buf))
		add_root(r, st, sb.buf, sb.len);
	/* the parent of a package whose parent is no package */
	for (size_t i = 0; i < scan->nr; i++) {
		const char *path = scan->files[i].path;
		size_t len = strlen(path), pkg, parent;

		if (len < 11 || strcmp(path + len - 11, "__init__.py") ||
		    (len > 11 && path[len - 12] != '/') ||
		    !known(st, path))
			continue;
		pkg = dir_len(path, len);
		if (!pkg)
			continue; /* __init__.py at the root */
		parent = dir_len(path, pkg);
		strbuf_reset(&sb);
		strbuf_add(&sb, path, parent);
		strbuf_addstr(&sb, parent ? "/__init__.py" : "__init__.py");
		if (!known(st, sb.buf))
			add_root(r, st, path, parent);
	}
	if (st->nr_roots)
		qsort(st->roots, st->nr_roots, sizeof(*st->roots), cmp_str);
	collect_top_names(r, st);
	strbuf_release(&sb);
	r->python = st;
	return 0;
}

void resolve_python_release(struct resolver *r)
{
	struct py_state *st = r ? r->python : NULL;

	if (!st)
		return;
	strmap_release(&st->known);
	strmap_release(&st->top_names);
	strmap_release(&st->memo);
	strbuf_release(&st->scratch);
	arena_release(&st->memo_arena);
	free(st->roots);
	free(st);
	r->python = NULL;
}

/* Looks up `base` + `suffix` as a file: PY_MODULE-like, hidden or none. */
static enum py_found probe_file(const struct resolver *r,
				const struct py_state *st, struct strbuf *sb,
				size_t base, const char *suffix, long *file)
{
	strbuf_setlen(sb, base);
	strbuf_addstr(sb, suffix);
	*file = resolver_file(r, sb->buf);
	if (*file >= 0)
		return PY_MODULE;
	return known(st, sb->buf) ? PY_HIDDEN : PY_NONE;
}

/*
 * What module path sb->buf ("root/a/b", without extension) names.
 * sb is scratch space on return.
 */
static enum py_found probe(const struct resolver *r, const struct py_state *st,
			   struct strbuf *sb, long *file)
{
	size_t base = sb->len;
	enum py_found f;

	*file = -1;
	if (!base)
		return PY_NONE; /* the root itself is no module */
	if ((f = probe_file(r, st, sb, base, ".py", file)) != PY_NONE)
		return f;
	if ((f = probe_file(r, st, sb, base, "/__init__.py", file)) ==
	    PY_MODULE)
		return PY_PACKAGE;
	if (f == PY_HIDDEN)
		return f;
	if ((f = probe_file(r, st, sb, base, ".pyi", file)) != PY_NONE)
		return f;
	if ((f = probe_file(r, st, sb, base, "/__init__.pyi", file)) ==
	    PY_MODULE)
		return PY_PACKAGE;
	if (f == PY_HIDDEN)
		return f;
	strbuf_setlen(sb, base);
	return known(st, sb->buf) ? PY_NAMESPACE : PY_NONE;
}

/* Appends dotted `name` to sb as a path below what sb holds. */
static void add_dotted(struct strbuf *sb, const char *name)
{
	if (!*name)
		return;
	size_t n = strlen(name), at;

	if (sb->len)
		strbuf_addch(sb, '/');
	at = sb->len;
	strbuf_add(sb, name, n);
	for (size_t i = 0; i < n; i++)
		if (sb->buf[at + i] == '.')
			sb->buf[at + i] = '/';
}

/*
 * Resolves module path sb->buf and, for `from X import name`, the name
 * as a submodule of X or else X itself. Returns what was found.
 */
static enum py_found lookup_at(const struct resolver *r,
			       const struct py_state *st, struct strbuf *sb,
			       const struct dep_ref *d, long *found)
{
	size_t base = sb->len;
	long file, sub;
	enum py_found f = probe(r, st, sb, &file), g;

	*found = -1;
	if (f == PY_NONE || f == PY_HIDDEN)
		return f;
	if (d->name && (f == PY_PACKAGE || f == PY_NAMESPACE)) {
		strbuf_setlen(sb, base);
		add_dotted(sb, d->name);
		g = probe(r, st, sb, &sub);
		if (g == PY_MODULE || g == PY_PACKAGE) {
			*found = sub;
			return g;
		}
		if (g != PY_NONE)
			return g;
	}
	*found = file;
	return f;
}

/* A memo value: never 0 (strmap's "absent"). */
static uintptr_t memo_pack(enum py_found f, long file)
{
	return 1 + (uintptr_t)f + 8 * (uintptr_t)(file + 1);
}

/*
 * lookup_at(), each module path and name worked out once, adding the
 * file found to out.
 */
static enum py_found resolve_at(const struct resolver *r,
				struct py_state *st, struct strbuf *sb,
				const struct dep_ref *d,
				struct resolve_out *out)
{
	size_t base = sb->len;
	uintptr_t v;
	enum py_found f;
	long file;

	strbuf_addch(sb, d->name ? '\x1f' : '\x1e');
	if (d->name)
		strbuf_addstr(sb, d->name);
	v = (uintptr_t)strmap_get(&st->memo, sb->buf);
	if (v) {
		f = (enum py_found)((v - 1) % 8);
		file = (long)((v - 1) / 8) - 1;
	} else {
		char *key = arena_strndup(&st->memo_arena, sb->buf, sb->len);

		strbuf_setlen(sb, base);
		f = lookup_at(r, st, sb, d, &file);
		strmap_put(&st->memo, key, (void *)memo_pack(f, file));
	}
	if (file >= 0)
		resolve_out_add(out, (size_t)file);
	return f;
}

/* True when root is `path`'s directory or above it. */
static int root_of(const char *root, const char *path)
{
	size_t n = strlen(root);

	return !n || (!strncmp(path, root, n) && path[n] == '/');
}

/*
 * When no root resolves an absolute import: the importing file's own
 * directory (a script's is on sys.path), then an external package
 * unless a root holds the first component (internal, even if missing).
 */
static void resolve_fallback(struct resolver *r, struct py_state *st,
			     size_t from, const struct dep_ref *d,
			     struct resolve_out *out, int in_roots)
{
	const char *path = r->scan->files[from].path;
	size_t dir = dir_len(path, strlen(path));
	struct strbuf *sb = &st->scratch;

	strbuf_reset(sb);
	strbuf_add(sb, path, dir);
	strbuf_addstr(sb, dir ? "/__init__.py" : "__init__.py");
	if (!known(st, sb->buf)) {
		strbuf_setlen(sb, dir);
		add_dotted(sb, d->target);
		if (resolve_at(r, st, sb, d, out) != PY_NONE)
			return;
	}
	if (!in_roots)
		resolve_out_external(r, out, d->target,
				     strcspn(d->target, "."));
}

void resolve_python(struct resolver *r, size_t from, const struct dep_ref *d,
		    struct resolve_out *out)
{
	struct py_state *st = r->python;
	const char *path = r->scan->files[from].path;
	struct strbuf *sb;
	size_t dir = dir_len(path, strlen(path));
	enum py_found f = PY_NONE;
	const char *only;

	if (!st)
		return;
	sb = &st->scratch;
	strbuf_reset(sb);
	if (d->level > 0) {
		/* from the file's package, one directory up per extra dot */
		for (int i = 1; i < d->level; i++) {
			if (!dir)
				return; /* beyond the top: unresolved */
			dir = dir_len(path, dir);
		}
		strbuf_add(sb, path, dir);
		add_dotted(sb, d->target);
		resolve_at(r, st, sb, d, out);
		return;
	}
	if (!*d->target)
		return;
	strbuf_add(sb, d->target, strcspn(d->target, "."));
	only = strmap_get(&st->top_names, sb->buf);
	/* roots above the importing file first, the deepest first */
	for (size_t pass = 0; only && pass < 2 && f == PY_NONE; pass++) {
		for (size_t i = st->nr_roots; i-- > 0 && f == PY_NONE;) {
			const char *root = st->roots[i];

			if (root_of(root, path) != !pass)
				continue;
			strbuf_reset(sb);
			strbuf_addstr(sb, root);
			add_dotted(sb, d->target);
			f = resolve_at(r, st, sb, d, out);
		}
	}
	if (f == PY_NONE)
		resolve_fallback(r, st, from, d, out, only != NULL);
}
