/*
 * The translation units to parse: compile_commands.json through
 * libclang's CXCompilationDatabase API, each command made ready for
 * clang_parseTranslationUnit2FullArgv (no output or dependency files,
 * the working directory and the resource directory given explicitly, as
 * threads cannot chdir), or commands guessed from the lexical pass.
 */
#include <dlfcn.h>
#include <git2.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "carve/compdb.h"
#include "carve/error.h"
#include "carve/language.h"
#include "carve/libclang.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

#ifndef CARVE_CLANG_RESOURCE_DIR
#define CARVE_CLANG_RESOURCE_DIR ""
#endif

static int has_builtin_headers(const char *dir)
{
	struct strbuf sb = STRBUF_INIT;
	struct stat st;
	int ok;

	strbuf_addf(&sb, "%s/include/stddef.h", dir);
	ok = !stat(sb.buf, &st);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s/include/stdarg.h", dir);
	ok = ok && !stat(sb.buf, &st);
	strbuf_release(&sb);
	return ok;
}

static char resource_dir[PATH_MAX];
static pthread_once_t resource_once = PTHREAD_ONCE_INIT;

/*
 * libclang looks for its builtin headers beside the shared object it was
 * loaded from, which distributions move (Debian's libclang-14.so.1 in
 * /usr/lib/x86_64-linux-gnu has no clang/14.0.6 beside it): so carve
 * names the directory itself. Build time's first, then the one beside
 * the libclang actually loaded, as clang's driver would compute it.
 */
static void find_resource_dir(void)
{
	const char *env = getenv("CARVE_CLANG_RESOURCE_DIR");
	CXString version;
	const char *v;
	Dl_info info;
	char *real, *slash;

	if (env) {
		if (has_builtin_headers(env))
			snprintf(resource_dir, sizeof(resource_dir), "%s", env);
		return;
	}
	if (*CARVE_CLANG_RESOURCE_DIR &&
	    has_builtin_headers(CARVE_CLANG_RESOURCE_DIR)) {
		snprintf(resource_dir, sizeof(resource_dir), "%s",
			 CARVE_CLANG_RESOURCE_DIR);
		return;
	}
	if (!libclang_path() || !dladdr((void *)clang_getClangVersion, &info) ||
	    !info.dli_fname)
		return;
	real = realpath(info.dli_fname, NULL);
	if (!real)
		return;
	slash = strrchr(real, '/');
	if (slash)
		*slash = '\0';
	version = clang_getClangVersion();
	v = strstr(clang_getCString(version), "version ");
	if (v) {
		char num[32];
		size_t n;

		v += 8;
		n = strspn(v, "0123456789.");
		if (n < sizeof(num)) {
			memcpy(num, v, n);
			num[n] = '\0';
			snprintf(resource_dir, sizeof(resource_dir),
				 "%s/clang/%s", real, num);
			if (!has_builtin_headers(resource_dir))
				*resource_dir = '\0';
		}
	}
	clang_disposeString(version);
	free(real);
}

/* A broken installation, never a property of the code: fatal. */
static int no_builtin_headers(void)
{
	return error("cannot find clang's builtin headers (stddef.h, "
		     "stdarg.h) for the libclang in use; set "
		     "CARVE_CLANG_RESOURCE_DIR to its resource directory");
}

const char *compdb_resource_dir(void)
{
	pthread_once(&resource_once, find_resource_dir);
	return *resource_dir ? resource_dir : NULL;
}

int compdb_is_compiler(const char *argv0)
{
	static const char *const names[] = {
		"cc",	"c++", "gcc",  "g++", "clang", "clang++", "icc",
		"icpc", "icx", "icpx", "xlc", "tcc",   "cpp",
	};
	const char *base = strrchr(argv0, '/');
	char name[256];
	size_t n;

	base = base ? base + 1 : argv0;
	n = strlen(base);
	if (!n || n >= sizeof(name))
		return 0;
	memcpy(name, base, n + 1);
	/* a version suffix: gcc-12, clang-14, clang++-14.0 */
	for (char *dash = strrchr(name, '-');
	     dash && dash[1] &&
	     strspn(dash + 1, "0123456789.") == strlen(dash + 1);
	     dash = strrchr(name, '-'))
		*dash = '\0';
	n = strlen(name);
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		size_t k = strlen(names[i]);

		/* a target prefix: x86_64-linux-gnu-gcc */
		if (n >= k && !strcmp(name + n - k, names[i]) &&
		    (n == k || name[n - k - 1] == '-'))
			return 1;
	}
	return 0;
}

static int is_wrapper(const char *argv0)
{
	static const char *const names[] = { "ccache", "distcc", "icecc",
					     "sccache" };
	const char *base = strrchr(argv0, '/');

	base = base ? base + 1 : argv0;
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (!strcmp(base, names[i]))
			return 1;
	return 0;
}

/*
 * Options that would make libclang write files or that a syntax-only
 * parse does not need; `with_value` ones take the next argument too.
 */
static int dropped(const char *arg, int *with_value)
{
	static const char *const alone[] = { "-c",  "-MD",	   "-MMD",
					     "-MP", "-M",	   "-MM",
					     "-MG", "-save-temps", "-pipe" };
	static const char *const valued[] = { "-o", "-MF", "-MT", "-MQ" };

	*with_value = 0;
	for (size_t i = 0; i < sizeof(alone) / sizeof(*alone); i++)
		if (!strcmp(arg, alone[i]))
			return 1;
	for (size_t i = 0; i < sizeof(valued) / sizeof(*valued); i++) {
		size_t n = strlen(valued[i]);

		if (strncmp(arg, valued[i], n))
			continue;
		*with_value = !arg[n];
		return 1;
	}
	return 0;
}

static int is_c_family(const struct scan_file *f, int sources_only)
{
	const char *n;

	if (f->status != FILE_COUNTED || !f->lang)
		return 0;
	n = f->lang->name;
	if (!strcmp(n, "C") || !strcmp(n, "C++") || !strcmp(n, "Objective-C") ||
	    !strcmp(n, "Objective-C++"))
		return 1;
	return !sources_only &&
	       (!strcmp(n, "C Header") || !strcmp(n, "C++ Header"));
}

/* The key: every byte that decides what libclang does with the unit. */
static void entry_key(struct compdb_entry *e)
{
	struct strbuf sb = STRBUF_INIT;
	git_oid oid;

	strbuf_addstr(&sb, e->directory);
	for (int i = 0; i < e->argc; i++) {
		strbuf_addch(&sb, '\0');
		strbuf_addstr(&sb, e->argv[i]);
	}
	git_odb_hash(&oid, sb.buf, sb.len, GIT_OBJECT_BLOB);
	git_oid_tostr(e->key, sizeof(e->key), &oid);
	strbuf_release(&sb);
}

struct argv_builder {
	const char **argv;
	size_t nr, alloc;
};

static void push(struct argv_builder *b, struct arena *a, const char *s)
{
	ALLOC_GROW(b->argv, b->nr + 1, b->alloc);
	b->argv[b->nr++] = arena_strdup(a, s);
}

static void add_entry(struct compdb *db, const char *file, size_t index,
		      const char *dir, struct argv_builder *b)
{
	struct compdb_entry *e;

	push(b, &db->arena, "-resource-dir");
	push(b, &db->arena, db->resource_dir);
	ALLOC_GROW(db->entries, db->nr + 1, db->alloc);
	e = &db->entries[db->nr++];
	memset(e, 0, sizeof(*e));
	e->file = file;
	e->scan_index = index;
	e->directory = arena_strdup(&db->arena, dir);
	e->argc = (int)b->nr;
	e->argv = arena_alloc(&db->arena, (b->nr + 1) * sizeof(*e->argv));
	memcpy(e->argv, b->argv, b->nr * sizeof(*e->argv));
	entry_key(e);
}

static int cmp_entry(const void *a, const void *b)
{
	const struct compdb_entry *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	if (c)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Sorts by file and keeps the first command of each file. */
static void sort_entries(struct compdb *db)
{
	size_t out = 0;

	if (!db->nr)
		return;
	qsort(db->entries, db->nr, sizeof(*db->entries), cmp_entry);
	for (size_t i = 0; i < db->nr; i++) {
		if (out &&
		    !strcmp(db->entries[out - 1].file, db->entries[i].file)) {
			db->duplicates++;
			continue;
		}
		db->entries[out++] = db->entries[i];
	}
	db->nr = out;
}

/* Repository path of absolute `abs` under `root`, or NULL. */
static const char *under_root(const char *root, const char *abs)
{
	size_t n = strlen(root);

	if (strncmp(abs, root, n) || (abs[n] && abs[n] != '/'))
		return NULL;
	return abs[n] ? abs + n + 1 : "";
}

/* Options whose value, joined or the next argument, is a path. */
static const char *const path_options[] = {
	"-I",	    "-iquote",	    "-isystem",		  "-idirafter",
	"-include", "-imacros",	    "-isysroot",	  "--sysroot",
	"-iprefix", "-iwithprefix", "-iwithprefixbefore", "-F",
	"-B",	    "-L",	    "-working-directory",
};

/* Options whose next argument is a value that is not a path. */
static const char *const value_options[] = {
	"-D",	       "-U",	  "-x",	      "-arch",
	"-target",     "-Xclang", "-Xlinker", "-Xpreprocessor",
	"-Xassembler", "-mllvm",  "--param",  "-z",
	"-T",	       "-u",	  "-e",	      "-aux-info",
};

static void push_path(struct argv_builder *b, struct arena *a, const char *dir,
		      const char *opt, const char *path)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, opt);
	if (*path != '/')
		strbuf_addf(&sb, "%s/", dir);
	strbuf_addstr(&sb, path);
	push(b, a, sb.buf);
	strbuf_release(&sb);
}

/*
 * The arguments for libclang: no outputs or dependency files, and every
 * path absolute. clang's -working-directory would do the latter, but
 * LLVM 14 implements it with a chdir of the whole process, which threads
 * parsing other units would see.
 */
static void make_args(struct argv_builder *b, struct arena *a, const char *dir,
		      char **raw, size_t nr)
{
	push(b, a, raw[0]);
	for (size_t i = 1; i < nr; i++) {
		const char *s = raw[i];
		int with_value, done = 0;

		if (dropped(s, &with_value)) {
			i += (size_t)with_value;
			continue;
		}
		if (*s != '-') {
			push_path(b, a, dir, "", s); /* an input file */
			continue;
		}
		for (size_t k = 0;
		     !done && k < sizeof(path_options) / sizeof(*path_options);
		     k++) {
			const char *o = path_options[k];
			size_t n = strlen(o);

			if (strncmp(s, o, n))
				continue;
			if (!s[n] && i + 1 < nr) {
				push(b, a, s);
				push_path(b, a, dir, "", raw[++i]);
				done = 1;
			} else if (s[n] == '=' && n > 2) {
				char opt[32];

				snprintf(opt, sizeof(opt), "%s=", o);
				push_path(b, a, dir, opt, s + n + 1);
				done = 1;
			} else if (s[n] && n == 2) {
				push_path(b, a, dir, o, s + n);
				done = 1;
			}
		}
		if (done)
			continue;
		push(b, a, s);
		for (size_t k = 0;
		     k < sizeof(value_options) / sizeof(*value_options); k++)
			if (!strcmp(s, value_options[k]) && i + 1 < nr) {
				push(b, a, raw[++i]);
				break;
			}
	}
}

static void load_command(struct compdb *db, const struct scan *scan,
			 const struct strmap *by_path, const char *root,
			 const char *db_dir, CXCompileCommand cmd, size_t order)
{
	CXString dir_s = clang_CompileCommand_getDirectory(cmd);
	CXString file_s = clang_CompileCommand_getFilename(cmd);
	const char *dir = clang_getCString(dir_s);
	const char *file = clang_getCString(file_s);
	unsigned nargs = clang_CompileCommand_getNumArgs(cmd);
	struct argv_builder b = { 0 };
	struct strbuf abs = STRBUF_INIT, wd = STRBUF_INIT;
	const char *rel;
	char *real = NULL, **raw = NULL;
	size_t index, raw_nr = 0;
	unsigned first = 0;
	void *v;

	if (!dir || !file || !nargs)
		goto done;
	if (*dir != '/') {
		/* not absolute, as the format requires: the database's own */
		strbuf_addf(&wd, "%s/%s", db_dir, dir);
		db->relative_dirs++;
	} else {
		strbuf_addstr(&wd, dir);
	}
	if (*file != '/')
		strbuf_addf(&abs, "%s/", wd.buf);
	strbuf_addstr(&abs, file);
	real = realpath(abs.buf, NULL);
	if (!real) {
		db->missing++;
		goto done;
	}
	rel = under_root(root, real);
	v = rel ? strmap_get(by_path, rel) : NULL;
	if (!v) {
		db->outside++;
		goto done;
	}
	index = (size_t)v - 1;
	if (!is_c_family(&scan->files[index], 0)) {
		db->not_c++;
		goto done;
	}
	{
		CXString a0 = clang_CompileCommand_getArg(cmd, 0);

		if (is_wrapper(clang_getCString(a0)) && nargs > 1)
			first = 1;
		clang_disposeString(a0);
	}
	raw = xcalloc(nargs, sizeof(*raw));
	for (unsigned i = first; i < nargs; i++) {
		CXString a = clang_CompileCommand_getArg(cmd, i);

		raw[raw_nr++] = xstrdup(clang_getCString(a));
		clang_disposeString(a);
	}
	if (!compdb_is_compiler(raw[0])) {
		db->not_compiler++;
		goto done;
	}
	make_args(&b, &db->arena, wd.buf, raw, raw_nr);
	add_entry(db, scan->files[index].path, index, wd.buf, &b);
	db->entries[db->nr - 1].order = order;
done:
	for (size_t i = 0; i < raw_nr; i++)
		free(raw[i]);
	free(raw);
	free(real);
	free(b.argv);
	strbuf_release(&abs);
	strbuf_release(&wd);
	clang_disposeString(dir_s);
	clang_disposeString(file_s);
}

int compdb_load(struct compdb *db, const struct scan *scan,
		const struct strmap *by_path, const char *dir)
{
	struct strbuf path = STRBUF_INIT;
	CXCompilationDatabase_Error err;
	CXCompilationDatabase cdb = NULL;
	CXCompileCommands cmds = NULL;
	char *root = NULL, *db_dir = NULL;
	struct stat st;
	int ret = CARVE_ENOTFOUND;

	if (dir) {
		strbuf_addf(&path, "%s/compile_commands.json", dir);
		if (stat(path.buf, &st)) {
			ret = error_code(CARVE_ENOTFOUND,
					 "no compile_commands.json in '%s'",
					 dir);
			goto done;
		}
	} else {
		for (int i = 0; i < 4; i++) {
			strbuf_reset(&path);
			strbuf_addf(&path, "%s%s%s/%scompile_commands.json",
				    scan->root,
				    i < 2 && *scan->prefix ? "/" : "",
				    i < 2 ? scan->prefix : "",
				    i % 2 ? "build/" : "");
			if (!stat(path.buf, &st))
				break;
			strbuf_reset(&path);
		}
		if (!path.len)
			goto done;
	}
	db_dir = realpath(path.buf, NULL);
	root = realpath(scan->root, NULL);
	if (!db_dir || !root) {
		ret = error_code(CARVE_ENOTFOUND, "cannot resolve '%s'",
				 path.buf);
		goto done;
	}
	db->path = xstrdup(db_dir);
	*strrchr(db_dir, '/') = '\0';
	if (libclang_load()) {
		ret = CARVE_ERR;
		goto done;
	}
	db->resource_dir = compdb_resource_dir();
	if (!db->resource_dir) {
		ret = no_builtin_headers();
		goto done;
	}
	cdb = clang_CompilationDatabase_fromDirectory(db_dir, &err);
	if (err != CXCompilationDatabase_NoError || !cdb) {
		warning("cannot load the compilation database '%s': not a "
			"JSON array of commands",
			db->path);
		ret = CARVE_EINVALID;
		goto done;
	}
	cmds = clang_CompilationDatabase_getAllCompileCommands(cdb);
	for (unsigned i = 0; cmds && i < clang_CompileCommands_getSize(cmds);
	     i++)
		load_command(db, scan, by_path, root, db_dir,
			     clang_CompileCommands_getCommand(cmds, i), i);
	sort_entries(db);
	ret = 0;
done:
	if (cmds)
		clang_CompileCommands_dispose(cmds);
	if (cdb)
		clang_CompilationDatabase_dispose(cdb);
	free(root);
	free(db_dir);
	strbuf_release(&path);
	return ret;
}

struct dir_vote {
	const char *dir;
	size_t votes;
};

static int cmp_vote(const void *a, const void *b)
{
	const struct dir_vote *x = a, *y = b;

	if (x->votes != y->votes)
		return x->votes < y->votes ? 1 : -1;
	return strcmp(x->dir, y->dir);
}

/* Files by base name, for finding where an #include's spelling lives. */
struct name_list {
	size_t *files;
	size_t nr, alloc;
};

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/*
 * The include directories: every directory D such that an #include "T"
 * or <T> of a C family file is D/T, except the including file's own
 * directory for quoted includes; the most used first.
 */
static void guess_dirs(struct compdb *db, const struct scan *scan)
{
	struct strmap names = STRMAP_INIT, votes = STRMAP_INIT;
	struct strmap_entry *me;
	struct dir_vote *v = NULL;
	struct strbuf dir = STRBUF_INIT;
	size_t nr = 0, alloc = 0;

	for (size_t i = 0; i < scan->nr; i++) {
		struct name_list *l;
		const char *b;

		if (!is_c_family(&scan->files[i], 0))
			continue;
		b = base_name(scan->files[i].path);
		l = strmap_get(&names, b);
		if (!l) {
			l = arena_alloc(&db->arena, sizeof(*l));
			strmap_put(&names, b, l);
		}
		ALLOC_GROW(l->files, l->nr + 1, l->alloc);
		l->files[l->nr++] = i;
	}
	for (size_t i = 0; i < scan->nr; i++) {
		const struct scan_file *f = &scan->files[i];
		const char *own = base_name(f->path);

		if (!is_c_family(f, 0))
			continue;
		for (size_t k = 0; k < f->deps.nr; k++) {
			const struct dep_ref *d = &f->deps.refs[k];
			struct name_list *l;
			size_t tn = strlen(d->target);

			if (d->kind != DEP_INCLUDE || *d->target == '/' ||
			    strstr(d->target, ".."))
				continue;
			l = strmap_get(&names, base_name(d->target));
			for (size_t j = 0; l && j < l->nr; j++) {
				const char *p = scan->files[l->files[j]].path;
				size_t pn = strlen(p);
				size_t *count;

				if (pn < tn || strcmp(p + pn - tn, d->target) ||
				    (pn > tn && p[pn - tn - 1] != '/'))
					continue;
				strbuf_reset(&dir);
				strbuf_add(&dir, p, pn > tn ? pn - tn - 1 : 0);
				if (!(d->flags & DEP_ANGLE) &&
				    dir.len == (size_t)(own - f->path) -
						       (own > f->path) &&
				    !strncmp(dir.buf, f->path, dir.len))
					continue;
				count = strmap_get(&votes, dir.buf);
				if (!count) {
					char *key = arena_strndup(
						&db->arena, dir.buf, dir.len);

					count = arena_alloc(&db->arena,
							    sizeof(*count));
					strmap_put(&votes, key, count);
				}
				(*count)++;
			}
		}
	}
	strmap_for_each (&votes, me) {
		ALLOC_GROW(v, nr + 1, alloc);
		v[nr].dir = me->key;
		v[nr++].votes = *(size_t *)me->value;
	}
	if (nr)
		qsort(v, nr, sizeof(*v), cmp_vote);
	db->guessed_dirs = arena_alloc(&db->arena, (nr + 1) * sizeof(char *));
	for (size_t i = 0; i < nr; i++)
		db->guessed_dirs[i] = v[i].dir;
	db->guessed_dirs_nr = nr;
	free(v);
	strmap_for_each (&names, me) {
		struct name_list *l = me->value;

		free(l->files);
	}
	strmap_release(&names);
	strmap_release(&votes);
	strbuf_release(&dir);
}

int compdb_guess(struct compdb *db, const struct scan *scan)
{
	struct argv_builder b = { 0 };
	struct strbuf sb = STRBUF_INIT;
	char *root = realpath(scan->root, NULL);
	int config_h = 0;

	if (libclang_load()) {
		free(root);
		return CARVE_ERR;
	}
	db->resource_dir = compdb_resource_dir();
	if (!db->resource_dir) {
		free(root);
		return no_builtin_headers();
	}
	if (!root)
		return error("cannot resolve '%s'", scan->root);
	guess_dirs(db, scan);
	for (size_t i = 0; i < scan->nr; i++)
		if (scan->files[i].status == FILE_COUNTED &&
		    !strcmp(base_name(scan->files[i].path), "config.h"))
			config_h = 1;
	for (size_t i = 0; i < scan->nr; i++) {
		const struct scan_file *f = &scan->files[i];
		int cxx;

		if (!is_c_family(f, 1))
			continue;
		cxx = !!strstr(f->lang->name, "++");
		b.nr = 0;
		push(&b, &db->arena, cxx ? "clang++" : "clang");
		push(&b, &db->arena, cxx ? "-std=gnu++17" : "-std=gnu11");
		push(&b, &db->arena, "-D_GNU_SOURCE");
		if (config_h)
			push(&b, &db->arena, "-DHAVE_CONFIG_H");
		for (size_t k = 0; k < db->guessed_dirs_nr; k++) {
			strbuf_reset(&sb);
			strbuf_addf(&sb, "-I%s%s%s", root,
				    *db->guessed_dirs[k] ? "/" : "",
				    db->guessed_dirs[k]);
			push(&b, &db->arena, sb.buf);
		}
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s/%s", root, f->path);
		push(&b, &db->arena, sb.buf);
		add_entry(db, f->path, i, root, &b);
		db->entries[db->nr - 1].order = i;
	}
	sort_entries(db);
	free(b.argv);
	free(root);
	strbuf_release(&sb);
	return 0;
}

void compdb_shard(struct compdb *db, unsigned k, unsigned n)
{
	size_t out = 0;

	if (!n)
		return;
	for (size_t i = 0; i < db->nr; i++)
		if (i % n == k - 1)
			db->entries[out++] = db->entries[i];
	db->nr = out;
}

void compdb_release(struct compdb *db)
{
	if (!db)
		return;
	free(db->path);
	free(db->entries);
	arena_release(&db->arena);
	memset(db, 0, sizeof(*db));
}
