/*
 * Go's resolver: an import path names a package, which is every non-test
 * .go file of one directory. Paths under a go.mod's module path (or a
 * replace directive to a local directory, or the module's vendor/) are
 * packages of the repository; anything else is an external module, named
 * as go.mod's require lines name it when they do. An import links to the
 * files that declare the names the file uses from it (pkg.Name), or to
 * the whole package when it uses none that can be found (a blank or dot
 * import, a package named unlike its directory). A directory's test
 * files are never imported; those of package p (not p_test) depend on p.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "carve/arena.h"
#include "carve/deps.h"
#include "carve/error.h"
#include "carve/resolve.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/* go.mod larger than this is not read */
#define MAX_GOMOD (4u << 20)

struct go_replace {
	const char *from; /* module path */
	const char *dir;  /* repository directory it is replaced by */
};

struct go_module {
	const char *dir;  /* repository directory of go.mod, "" for the root */
	const char *path; /* module path, or NULL when go.mod names none */
	struct go_replace *replaces;
	size_t replaces_nr, replaces_alloc;
	const char **requires;
	size_t requires_nr, requires_alloc;
	struct strmap required; /* the same paths, for look-ups */
	int dotless; /* a required module path without a dot (unusual) */
	/* import path -> struct go_target: the same answer for every file */
	struct strmap targets;
};

/* The non-test .go files of a directory. */
struct go_files {
	size_t nr;
	size_t files[];
};

/* A package directory, whether it holds a package, its declarations. */
struct go_pkg {
	const char *dir;
	int has;
	const struct strmap *decls;
};

/* Where an import path of a module's files leads (target_package()). */
struct go_target {
	int found; /* 1: the package in pkg; 0: none; -1: outside */
	struct go_pkg pkg;
	const char *external; /* outside: its module, once known */
	char dir[];
};

/* A file declaring a top-level name (two with build constraints). */
struct go_decl {
	size_t file;
	struct go_decl *next;
};

struct go_state {
	struct go_module *mods;
	size_t nr, alloc;
	/* package directory -> struct strmap of Name -> struct go_decl */
	struct strmap decls;
	size_t decls_nr;
	struct strbuf key;
	/* the declarations of memo_pkg (NULL: none) */
	const struct strmap *memo_decls;
	/*
	 * The last import resolved (file + 1, target): the uses after it
	 * name the same package, found once (memo_ok) in memo_pkg.
	 */
	size_t memo_from;
	const char *memo_target;
	/* the module of the file last resolved (file + 1), its last '/' */
	size_t mod_from, slash_from;
	struct go_module *mod;
	const char *slash;
	/* import path -> external module name, for the long require lists */
	struct strmap externals;
	/* import path -> struct go_target, for files of no module */
	struct strmap targets;
	/* package directory -> struct go_files (add_package()) */
	struct strmap packages;
	int memo_ok;
	char memo_pkg[PATH_MAX];
};

/* Normalising join of dir and rel; -1 when it leaves the repository. */
static int join_path(char *out, size_t size, const char *dir, const char *rel)
{
	size_t len = 0;
	const char *parts[2] = { dir, rel };

	for (int k = 0; k < 2; k++) {
		const char *s = parts[k];

		while (*s) {
			const char *slash = strchr(s, '/');
			size_t n = slash ? (size_t)(slash - s) : strlen(s);

			if (!n || (n == 1 && *s == '.')) {
				/* nothing */
			} else if (n == 2 && s[0] == '.' && s[1] == '.') {
				if (!len)
					return -1;
				while (len && out[len - 1] != '/')
					len--;
				if (len)
					len--;
			} else {
				if (len + n + 2 > size)
					return -1;
				if (len)
					out[len++] = '/';
				memcpy(out + len, s, n);
				len += n;
			}
			s += n;
			if (*s == '/')
				s++;
		}
	}
	out[len] = '\0';
	return 0;
}

/* True when `path` is `prefix` or below it; sets *rest to what follows. */
static int path_under(const char *path, const char *prefix, const char **rest)
{
	size_t n = strlen(prefix);

	if (strncmp(path, prefix, n) || (path[n] && path[n] != '/'))
		return 0;
	*rest = path[n] ? path + n + 1 : "";
	return 1;
}

/* Splits a go.mod line into at most `max` words; quotes are stripped. */
static size_t split_words(char *line, char **words, size_t max)
{
	size_t nr = 0;
	char *p = line;

	while (*p) {
		char q;

		while (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		if (!*p || (p[0] == '/' && p[1] == '/'))
			break;
		if (nr == max)
			return max + 1;
		if (*p == '"' || *p == '`') {
			q = *p++;
			words[nr++] = p;
			while (*p && *p != q)
				p++;
			if (!*p)
				return max + 1; /* unterminated quote */
			*p++ = '\0';
			continue;
		}
		words[nr++] = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\r' &&
		       !(p[0] == '/' && p[1] == '/'))
			p++;
		if (*p == '/') {
			*p = '\0';
			break;
		}
		if (*p)
			*p++ = '\0';
	}
	return nr;
}

static int is_local_path(const char *p)
{
	return *p == '.' && (!strncmp(p, "./", 2) || !strncmp(p, "../", 3) ||
			     !strcmp(p, ".") || !strcmp(p, ".."));
}

/* One directive of go.mod, its verb given apart inside a block. */
static void gomod_directive(struct resolver *r, struct go_module *m,
			    const char *file, unsigned line, const char *verb,
			    char **w, size_t nr)
{
	if (!strcmp(verb, "module")) {
		if (nr != 1)
			warning("%s:%u: module needs one path", file, line);
		else
			m->path = arena_strdup(&r->arena, w[0]);
	} else if (!strcmp(verb, "require")) {
		if (nr < 2) {
			warning("%s:%u: require needs a path and a version",
				file, line);
			return;
		}
		ALLOC_GROW(m->requires, m->requires_nr + 1, m->requires_alloc);
		m->requires[m->requires_nr] = arena_strdup(&r->arena, w[0]);
		strmap_put(&m->required, m->requires[m->requires_nr],
			   (void *)m -> requires[m->requires_nr]);
		m->requires_nr++;
		if (!memchr(w[0], '.', strcspn(w[0], "/")))
			m->dotless = 1;
	} else if (!strcmp(verb, "replace")) {
		size_t arrow = 0;
		char dir[PATH_MAX];

		while (arrow < nr && strcmp(w[arrow], "=>"))
			arrow++;
		if (arrow == 0 || arrow > 2 || arrow + 1 >= nr ||
		    nr > arrow + 3) {
			warning("%s:%u: replace needs 'path [version] => "
				"path [version]'", file, line);
			return;
		}
		if (!is_local_path(w[arrow + 1]) ||
		    join_path(dir, sizeof(dir), m->dir, w[arrow + 1]))
			return; /* replaced by another module: still external */
		ALLOC_GROW(m->replaces, m->replaces_nr + 1, m->replaces_alloc);
		m->replaces[m->replaces_nr].from = arena_strdup(&r->arena, w[0]);
		m->replaces[m->replaces_nr++].dir = arena_strdup(&r->arena, dir);
	} else if (strcmp(verb, "go") && strcmp(verb, "toolchain") &&
		   strcmp(verb, "exclude") && strcmp(verb, "retract") &&
		   strcmp(verb, "godebug") && strcmp(verb, "tool") &&
		   strcmp(verb, "ignore")) {
		warning("%s:%u: unknown directive '%s'", file, line, verb);
	}
}

/* Reads one go.mod; a malformed line is reported and skipped. */
static void gomod_read(struct resolver *r, struct go_module *m,
		       const char *file, const char *text)
{
	char block[16] = "";
	unsigned line = 0, block_line = 0;
	struct strbuf sb = STRBUF_INIT;

	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);
		char *w[8];
		size_t nr;

		line++;
		strbuf_reset(&sb);
		strbuf_add(&sb, text, n);
		text += n + (nl ? 1 : 0);
		nr = split_words(sb.buf, w, 6);
		if (nr > 6) {
			warning("%s:%u: cannot parse the line", file, line);
			continue;
		}
		if (!nr)
			continue;
		if (*block) {
			if (nr == 1 && !strcmp(w[0], ")"))
				*block = '\0';
			else
				gomod_directive(r, m, file, line, block, w, nr);
			continue;
		}
		if (nr == 2 && !strcmp(w[1], "(")) {
			if (strlen(w[0]) >= sizeof(block)) {
				warning("%s:%u: unknown directive '%s'", file,
					line, w[0]);
				continue;
			}
			memcpy(block, w[0], strlen(w[0]) + 1);
			block_line = line;
			continue;
		}
		gomod_directive(r, m, file, line, w[0], w + 1, nr - 1);
	}
	if (*block)
		warning("%s:%u: '%s (' is never closed", file, block_line,
			block);
	strbuf_release(&sb);
}

static int is_go_test(const char *path)
{
	size_t n = strlen(path);

	return n >= 8 && !strcmp(path + n - 8, "_test.go");
}

static int is_go(const char *path)
{
	size_t n = strlen(path);

	return n >= 3 && !strcmp(path + n - 3, ".go");
}

/* The declarations of the package in directory dir[0..len), made. */
static struct strmap *package_decls(struct resolver *r, struct go_state *g,
				    const char *dir, size_t len)
{
	struct strmap *names;

	strbuf_reset(&g->key);
	strbuf_add(&g->key, dir, len);
	names = strmap_get(&g->decls, g->key.buf);
	if (!names) {
		names = arena_alloc(&r->arena, sizeof(*names)); /* zeroed */
		strmap_put(&g->decls, arena_strndup(&r->arena, dir, len),
			   names);
	}
	return names;
}

/* Indexes the top-level names of every package's non-test files. */
static void index_decls(struct resolver *r)
{
	const struct scan *scan = r->scan;
	struct go_state *g = r->go;

	for (size_t i = 0; i < scan->nr; i++) {
		const struct scan_file *f = &scan->files[i];
		const char *slash;
		size_t dir_len;
		struct strmap *names = NULL;

		if (!f->deps.nr || !is_go(f->path) || is_go_test(f->path) ||
		    resolver_file(r, f->path) != (long)i)
			continue;
		slash = strrchr(f->path, '/');
		dir_len = slash ? (size_t)(slash - f->path) : 0;
		for (size_t k = 0; k < f->deps.nr; k++) {
			const struct dep_ref *d = &f->deps.refs[k];
			struct strmap_entry *e;
			unsigned long long hash;
			struct go_decl *x;

			if (!(d->flags & DEP_DECLARES))
				continue;
			if (!g) {
				g = xcalloc(1, sizeof(*g));
				strbuf_init(&g->key, 0);
				r->go = g;
			}
			if (!names)
				names = package_decls(r, g, f->path, dir_len);
			x = arena_alloc(&r->arena, sizeof(*x));
			x->file = i;
			/* targets live as long as the scan */
			e = strmap_find(names, d->target, &hash);
			if (e && e->key) {
				x->next = e->value;
				e->value = x;
			} else {
				x->next = NULL;
				strmap_add(names, e, d->target, hash, x);
			}
			g->decls_nr++;
		}
	}
}

/* The declarations of the package in `dir`, or NULL. */
static const struct strmap *decls_of(struct go_state *g, const char *dir)
{
	if (!g || !g->decls_nr)
		return NULL;
	return strmap_get(&g->decls, dir);
}

/* The files of a package (its declarations) that declare `name`. */
static const struct go_decl *decl_find(const struct strmap *names,
				       const char *name)
{
	return names ? strmap_get(names, name) : NULL;
}

int resolve_go_prepare(struct resolver *r)
{
	const struct scan *scan = r->scan;
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;
	struct go_state *g = NULL;

	for (size_t i = 0; i < scan->nr; i++) {
		const char *p = scan->files[i].path;
		const char *slash = strrchr(p, '/');
		struct go_module *m;

		if ((slash ? slash[1] : *p) != 'g' ||
		    strcmp(slash ? slash + 1 : p, "go.mod") ||
		    resolver_file(r, p) != (long)i)
			continue;
		strbuf_reset(&path);
		strbuf_reset(&text);
		strbuf_addf(&path, "%s/%s", scan->root ? scan->root : ".", p);
		if (resolver_read_file(r, &text, path.buf, MAX_GOMOD)) {
			warning("cannot read '%s'", p);
			continue;
		}
		if (!g) {
			g = xcalloc(1, sizeof(*g));
			strbuf_init(&g->key, 0);
		}
		ALLOC_GROW(g->mods, g->nr + 1, g->alloc);
		m = &g->mods[g->nr++];
		memset(m, 0, sizeof(*m));
		m->dir = arena_strndup(&r->arena, p,
				       slash ? (size_t)(slash - p) : 0);
		gomod_read(r, m, p, text.buf);
	}
	strbuf_release(&path);
	strbuf_release(&text);
	r->go = g;
	index_decls(r);
	return 0;
}

/* True for a .go file that is not a test. */
static int package_file(const char *p)
{
	size_t n = strlen(p);

	return n >= 3 && !memcmp(p + n - 3, ".go", 3) &&
	       !(n >= 8 && !memcmp(p + n - 8, "_test.go", 8));
}

/* Adds the package in repository directory `dir`; 0 when it has none. */
static int add_package(struct resolver *r, const char *dir,
		       struct resolve_out *out)
{
	struct go_state *g = r->go;
	struct go_files *x = g ? strmap_get(&g->packages, dir) : NULL;
	int fresh = !out->nr; /* a directory's files are distinct */
	int any;

	if (!x) {
		/* importing a package never pulls in its tests */
		const struct resolve_dir *d = resolver_dir(r, dir);
		size_t nr = 0;

		x = xmalloc(sizeof(*x) + (d ? d->nr : 0) * sizeof(size_t));
		for (size_t i = 0; d && i < d->nr; i++)
			if (package_file(r->scan->files[d->files[i]].path))
				x->files[nr++] = d->files[i];
		x->nr = nr;
		if (g) {
			/* the files of a package, found once (a big one is
			 * imported whole by many) */
			strmap_put(&g->packages, arena_strdup(&r->arena, dir),
				   x);
		}
	}
	if (fresh) {
		ALLOC_GROW(out->files, out->nr + x->nr, out->alloc);
		memcpy(out->files + out->nr, x->files,
		       x->nr * sizeof(*x->files));
		out->nr += x->nr;
	} else {
		for (size_t i = 0; i < x->nr; i++)
			resolve_out_add(out, x->files[i]);
	}
	any = x->nr > 0;
	if (!g)
		free(x);
	return any;
}

/* Whether the directory `dir` holds a package (non-test .go files). */
static int has_package(struct resolver *r, const char *dir)
{
	const struct resolve_dir *d = resolver_dir(r, dir);

	for (size_t i = 0; d && i < d->nr; i++)
		if (package_file(r->scan->files[d->files[i]].path))
			return 1;
	return 0;
}

/* Adds the files of a package (`names`) that declare `name`; 0: none. */
static int add_decl(const struct strmap *names, const char *name,
		    struct resolve_out *out)
{
	const struct go_decl *x = decl_find(names, name);

	for (; x; x = x->next)
		resolve_out_add(out, x->file);
	return out->nr > 0;
}

/* The package in `dir`: whether there is one, its declarations. */
static struct go_pkg package_at(struct resolver *r, const char *dir)
{
	struct go_pkg p;

	p.dir = dir;
	p.has = has_package(r, dir);
	p.decls = p.has ? decls_of(r->go, dir) : NULL;
	return p;
}

/*
 * Import `d` of file `from` names package `p`. A use (d->name) links to
 * the files declaring the name; the import itself to the whole package
 * only when none of the uses after it (the lexer puts them there) is
 * found: its weight is then in the uses. Returns 0 when `p` is no
 * package.
 */
static int add_import(struct resolver *r, size_t from, const struct dep_ref *d,
		      const struct go_pkg *p, struct resolve_out *out)
{
	const struct dep_list *l = &r->scan->files[from].deps;
	struct go_state *g = r->go;
	size_t n;

	if (!p->has)
		return 0;
	if (g && !d->name && (n = strlen(p->dir)) < sizeof(g->memo_pkg)) {
		/* the uses after it are of this package */
		g->memo_ok = 1;
		memcpy(g->memo_pkg, p->dir, n + 1);
		g->memo_decls = p->decls;
	}
	if (d->name) {
		/* not found (a method, a field): the import itself links */
		if (!add_decl(p->decls, d->name, out))
			out->quiet = 1;
		return 1;
	}
	if (d >= l->refs && d < l->refs + l->nr)
		for (const struct dep_ref *u = d + 1;
		     u < l->refs + l->nr && u->name &&
		     !strcmp(u->target, d->target);
		     u++)
			if (decl_find(p->decls, u->name)) {
				out->quiet = 1;
				return 1;
			}
	return add_package(r, p->dir, out);
}

/* The module holding `path`: the go.mod in its nearest directory. */
static struct go_module *module_of(struct go_state *g, const char *path)
{
	struct go_module *best = NULL;
	const char *rest;

	for (size_t i = 0; g && i < g->nr; i++) {
		struct go_module *m = &g->mods[i];

		if (*m->dir && !path_under(path, m->dir, &rest))
			continue;
		if (!best || strlen(m->dir) > strlen(best->dir))
			best = m;
	}
	return best;
}

/*
 * Module path of an import from outside: the longest required module it
 * is under, else a guess (host/owner/repo on the big forges, host/name
 * elsewhere, plus a /vN suffix; the first element for the standard
 * library, whose paths have no dot in their first element).
 */
static void external(struct resolver *r, const struct go_module *m,
		     const char *t, struct resolve_out *out)
{
	static const char *const forges[] = {
		"github.com", "gitlab.com", "bitbucket.org", "golang.org",
		"gitee.com", "codeberg.org",
	};
	const char *best = NULL, *p = t, *first = strchr(t, '/');
	size_t first_len = first ? (size_t)(first - t) : strlen(t);
	size_t parts = 2;

	/* module paths have a dot in their first element, std paths none */
	if (m && !m->dotless && !memchr(t, '.', first_len))
		m = NULL;
	if (m && m->requires_nr) {
		/* t itself, then t cut at each '/' from the right */
		size_t n = strlen(t);
		char *prefix = xstrndup(t, n);

		for (size_t k = n + 1; k-- > 0 && !best;) {
			if (k < n && t[k] != '/')
				continue;
			prefix[k] = '\0';
			best = strmap_get(&m->required, prefix);
		}
		free(prefix);
	}
	if (best) {
		resolve_out_external(r, out, best, strlen(best));
		return;
	}
	if (!memchr(t, '.', first_len)) {
		resolve_out_external(r, out, t, first_len);
		return;
	}
	for (size_t i = 0; i < sizeof(forges) / sizeof(*forges); i++)
		if (strlen(forges[i]) == first_len &&
		    !memcmp(t, forges[i], first_len))
			parts = 3;
	for (size_t i = 0; i < parts && p; i++) {
		p = strchr(p, '/');
		if (p && i + 1 < parts)
			p++;
	}
	/* a major version suffix belongs to the module path */
	if (p && p[1] == 'v' && p[2] >= '1' && p[2] <= '9') {
		const char *q = p + 3;

		while (*q >= '0' && *q <= '9')
			q++;
		if (!*q || *q == '/')
			p = q;
	}
	resolve_out_external(r, out, t, p ? (size_t)(p - t) : strlen(t));
}

/*
 * The package an import path `t` of module m's files names, in pkg
 * (PATH_MAX bytes): 1 when there is one to link to, 0 when the path is
 * the repository's but leads nowhere, -1 when it is outside.
 */
static int find_package(struct resolver *r, const struct go_state *g,
			const struct go_module *m, const char *t, char *pkg)
{
	const struct go_module *best = NULL;
	const char *rest;
	char dir[PATH_MAX];

	if (m) {
		size_t n = strlen(m->dir);

		if (n + sizeof("/vendor") > sizeof(dir))
			return 0;
		memcpy(dir, m->dir, n);
		memcpy(dir + n, &"/vendor"[!n], sizeof("/vendor") - !n);
		if (!join_path(pkg, PATH_MAX, dir, t) && has_package(r, pkg))
			return 1;
		for (size_t i = 0; i < m->replaces_nr; i++) {
			if (!path_under(t, m->replaces[i].from, &rest))
				continue;
			return !join_path(pkg, PATH_MAX, m->replaces[i].dir,
					  rest);
		}
	}
	for (size_t i = 0; g && i < g->nr; i++) {
		const struct go_module *c = &g->mods[i];

		if (c->path && path_under(t, c->path, &rest) &&
		    (!best || strlen(c->path) > strlen(best->path)))
			best = c;
	}
	if (best) {
		path_under(t, best->path, &rest);
		return !join_path(pkg, PATH_MAX, best->dir, rest);
	}
	return -1;
}

/*
 * find_package(), remembered per module and import path (every file
 * of a module that imports a path gets the same answer): sets *pkg.
 */
static int target_package(struct resolver *r, struct go_state *g,
			  struct go_module *m, const char *t,
			  struct go_pkg *pkg, char *buf, struct go_target **xp)
{
	struct strmap *memo = m ? &m->targets : g ? &g->targets : NULL;
	struct go_target *x = memo ? strmap_get(memo, t) : NULL;
	int found;

	*xp = x;
	if (x) {
		*pkg = x->pkg;
		return x->found;
	}
	found = find_package(r, g, m, t, buf);
	if (found > 0)
		*pkg = package_at(r, buf);
	if (!memo)
		return found;
	x = arena_alloc(&r->arena,
			sizeof(*x) + (found > 0 ? strlen(buf) : 0) + 1);
	x->found = found;
	if (found > 0) {
		memcpy(x->dir, buf, strlen(buf) + 1);
		x->pkg = *pkg;
		x->pkg.dir = x->dir;
		*pkg = x->pkg;
	}
	strmap_put(memo, t, x); /* t lives as long as the scan */
	*xp = x;
	return found;
}

void resolve_go(struct resolver *r, size_t from, const struct dep_ref *d,
		struct resolve_out *out)
{
	struct go_state *g = r->go;
	const char *file = r->scan->files[from].path, *t = d->target;
	struct go_module *m;
	char dir[PATH_MAX], buf[PATH_MAX];
	const char *slash;
	struct go_pkg pkg;
	struct go_target *x;
	int found;

	if (d->kind != DEP_IMPORT || !*t)
		return;
	/* the lexer's uses share their import's copy of the path */
	if (g && d->name && g->memo_from == from + 1 &&
	    (g->memo_target == t || !strcmp(g->memo_target, t))) {
		/* a use of the import just resolved, which found a package */
		if (g->memo_ok) {
			struct go_pkg p = { g->memo_pkg, 1, g->memo_decls };

			add_import(r, from, d, &p, out);
		} else {
			out->quiet = 1;
		}
		return;
	}
	if (g && !d->name) {
		g->memo_from = from + 1;
		g->memo_target = t;
		g->memo_ok = 0;
	}
	if (g && g->slash_from == from + 1) {
		slash = g->slash;
	} else {
		slash = strrchr(file, '/');
		if (g) {
			g->slash_from = from + 1;
			g->slash = slash;
		}
	}
	if (slash && (size_t)(slash - file) >= sizeof(dir))
		return;
	if (*t == '.') {
		/* the file's directory: for the package clause and ./x */
		memcpy(dir, file, slash ? (size_t)(slash - file) : 0);
		dir[slash ? slash - file : 0] = '\0';
	}
	if (!strcmp(t, ".")) {
		const char *name = d->name ? d->name : "";
		size_t n = strlen(name);
		int external_test = n > 5 && !strcmp(name + n - 5, "_test");

		/* the package clause: a test of package p depends on p */
		out->quiet = 1;
		if (is_go_test(file) && !external_test)
			add_package(r, dir, out);
		return;
	}
	if (is_local_path(t)) {
		/* the old relative import of GOPATH days */
		if (!join_path(buf, sizeof(buf), dir, t)) {
			struct go_pkg p = package_at(r, buf);

			add_import(r, from, d, &p, out);
		}
		return;
	}
	if (g && g->mod_from == from + 1) {
		m = g->mod; /* statements come file by file */
	} else {
		m = module_of(g, file);
		if (g) {
			g->mod_from = from + 1;
			g->mod = m;
		}
	}
	found = target_package(r, g, m, t, &pkg, buf, &x);
	if (found > 0)
		add_import(r, from, d, &pkg, out);
	if (found >= 0)
		return;
	if (d->name) {
		out->quiet = 1; /* the import names the external package */
		return;
	}
	if (x && x->external) {
		/* what the look-up below gave the module's last file */
		out->external = x->external;
		return;
	}
	if (g) {
		const char *name = strmap_get(&g->externals, t);

		if (name) {
			out->external = name;
			if (x)
				x->external = name;
			return;
		}
	}
	external(r, m, t, out);
	if (g && out->external)
		strmap_put(&g->externals, arena_strdup(&r->arena, t),
			   (void *)out->external);
	if (x)
		x->external = out->external;
}

void resolve_go_release(struct resolver *r)
{
	struct go_state *g;
	struct strmap_entry *e;

	if (!r || !r->go)
		return;
	g = r->go;
	for (size_t i = 0; i < g->nr; i++) {
		free(g->mods[i].replaces);
		free(g->mods[i].requires);
		strmap_release(&g->mods[i].required);
		strmap_release(&g->mods[i].targets);
	}
	free(g->mods);
	strmap_for_each (&g->decls, e)
		strmap_release(e->value);
	strmap_release(&g->decls);
	strmap_release(&g->targets);
	strmap_for_each (&g->packages, e)
		free(e->value);
	strmap_release(&g->packages);
	strmap_release(&g->externals);
	strbuf_release(&g->key);
	free(g);
	r->go = NULL;
}
