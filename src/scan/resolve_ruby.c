/*
 * Resolver of Ruby: require against the load path (lib/, spec/, test/
 * directories), require_relative against the file's directory, other
 * requires as gems.
 */
#include <string.h>

#include "carve/deps.h"
#include "carve/error.h"
#include "carve/language.h"
#include "carve/resolve.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

static int lang_is(const struct scan_file *f, const char *name)
{
	return f->status == FILE_COUNTED && f->lang &&
	       !strcmp(f->lang->name, name);
}

/* Sets sb to the directory of repository path `path` ("" at the root). */
static void dir_of(struct strbuf *sb, const char *path)
{
	const char *slash = strrchr(path, '/');

	strbuf_reset(sb);
	if (slash)
		strbuf_add(sb, path, (size_t)(slash - path));
}

/*
 * Appends relative path `rel` to directory sb, folding "." and ".."
 * components. Returns -1 when it climbs above the repository root.
 */
static int path_join(struct strbuf *sb, const char *rel)
{
	const char *p = rel;

	while (*p) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);

		if (!n || (n == 1 && *p == '.')) {
			/* empty or "." */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			char *up;

			if (!sb->len)
				return -1;
			up = strrchr(sb->buf, '/');
			strbuf_setlen(sb, up ? (size_t)(up - sb->buf) : 0);
		} else {
			if (sb->len)
				strbuf_addch(sb, '/');
			strbuf_add(sb, p, n);
		}
		p += n;
		if (*p == '/')
			p++;
	}
	return 0;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && !strcmp(s + n - k, suffix);
}

/* Adds the file at dir/rel (+ ext unless it ends so); 1 when found. */
static int add_path(struct resolver *r, struct resolve_out *out,
		    const char *dir, const char *rel, const char *ext)
{
	struct strbuf sb = STRBUF_INIT;
	long file = -1;

	strbuf_addstr(&sb, dir);
	if (!path_join(&sb, rel)) {
		if (ext && !ends_with(sb.buf, ext))
			strbuf_addstr(&sb, ext);
		file = resolver_file(r, sb.buf);
	}
	strbuf_release(&sb);
	if (file < 0)
		return 0;
	resolve_out_add(out, (size_t)file);
	return 1;
}

/*
 * The load path: every directory named lib (a gem's or the app's), spec
 * or test (RSpec and Minitest put them on $LOAD_PATH) on the way to a
 * Ruby file; sorted, unique.
 */
struct ruby_state {
	char **dirs;
	size_t nr, alloc;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_load_dir(const char *s, size_t n)
{
	return (n == 3 && !memcmp(s, "lib", 3)) ||
	       (n == 4 && (!memcmp(s, "spec", 4) || !memcmp(s, "test", 4)));
}

int resolve_ruby_prepare(struct resolver *r)
{
	struct ruby_state *st = NULL;
	struct strmap seen = STRMAP_INIT;

	for (size_t i = 0; i < r->scan->nr; i++) {
		const struct scan_file *f = &r->scan->files[i];
		const char *p = f->path;

		if (!lang_is(f, "Ruby"))
			continue;
		if (!st) {
			st = xcalloc(1, sizeof(*st));
			r->ruby = st;
		}
		for (const char *slash; (slash = strchr(p, '/'));
		     p = slash + 1) {
			char *dir;

			if (!is_load_dir(p, (size_t)(slash - p)))
				continue;
			dir = arena_strndup(&r->arena, f->path,
					    (size_t)(slash - f->path));
			if (strmap_get(&seen, dir))
				continue;
			strmap_put(&seen, dir, dir);
			ALLOC_GROW(st->dirs, st->nr + 1, st->alloc);
			st->dirs[st->nr++] = dir;
		}
	}
	strmap_release(&seen);
	if (st && st->nr)
		qsort(st->dirs, st->nr, sizeof(*st->dirs), cmp_str);
	return 0;
}

/*
 * How near load path `dir` is to the requiring file: the length of the
 * directory they share (a gem's lib/ for the gem's own files), else 0.
 */
static long load_dir_score(const char *dir, const char *path)
{
	const char *slash = strrchr(dir, '/');
	size_t n = slash ? (size_t)(slash - dir) : 0;

	if (!n)
		return 0;
	if (strncmp(dir, path, n) || path[n] != '/')
		return 0;
	return (long)n;
}

void resolve_ruby(struct resolver *r, size_t from, const struct dep_ref *d,
		  struct resolve_out *out)
{
	const struct ruby_state *st = r->ruby;
	const char *path = r->scan->files[from].path;
	const char *t = d->target;
	struct strbuf dir = STRBUF_INIT;
	long best_score = -1;
	size_t best = 0, n;

	if (d->kind != DEP_REQUIRE || !*t || *t == '/')
		goto done;
	if (!strncmp(t, "./", 2) || !strncmp(t, "../", 3)) {
		/* require_relative (marked ./ by the lexer) */
		dir_of(&dir, path);
		add_path(r, out, dir.buf, t, ".rb");
		goto done;
	}
	for (size_t i = 0; st && i < st->nr; i++) {
		long score = load_dir_score(st->dirs[i], path);
		struct resolve_out probe = { 0 };

		if (score <= best_score)
			continue;
		if (add_path(r, &probe, st->dirs[i], t, ".rb")) {
			best_score = score;
			best = probe.files[0];
		}
		free(probe.files);
	}
	if (best_score >= 0) {
		resolve_out_add(out, best);
		goto done;
	}
	/* a gem: its name is the first component (json, active_support) */
	n = strcspn(t, "/");
	if (n > 3 && !strncmp(t + n - 3, ".rb", 3))
		n -= 3;
	resolve_out_external(r, out, t, n);
done:
	strbuf_release(&dir);
}

void resolve_ruby_release(struct resolver *r)
{
	struct ruby_state *st = r->ruby;

	if (!st)
		return;
	free(st->dirs);
	free(st);
	r->ruby = NULL;
}
