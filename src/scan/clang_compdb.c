/*
 * The translation units to parse: compile_commands.json through
 * libclang's CXCompilationDatabase API, each command made ready for
 * clang_parseTranslationUnit2FullArgv (no output or dependency files,
 * the working directory and the resource directory given explicitly, as
 * threads cannot chdir), or commands guessed from the lexical pass.
 */
#include <cjson/cJSON.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <git2.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carve/compdb.h"
#include "carve/error.h"
#include "carve/language.h"
#include "carve/libclang.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

#define MAX_COMPDB_SIZE (1ULL << 30)

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

static void push(struct compdb_args *b, struct arena *a, const char *s)
{
	ALLOC_GROW(b->argv, b->nr + 1, b->alloc);
	b->argv[b->nr++] = arena_strdup(a, s);
}

static void add_entry(struct compdb *db, const char *file, size_t index,
		      const char *dir, struct compdb_args *b)
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

/*
 * System include directories: a command may name these with -I or
 * -isystem (they hold nothing of the repository's making).
 */
static int in_system_dir(const char *real)
{
	static const char *const dirs[] = { "/usr/include",
					    "/usr/local/include",
					    "/usr/lib/gcc", "/usr/lib/clang",
					    "/usr/lib/llvm" };
	const char *res = compdb_resource_dir();

	for (size_t i = 0; i < sizeof(dirs) / sizeof(*dirs); i++) {
		size_t n = strlen(dirs[i]);

		if (!strncmp(real, dirs[i], n) &&
		    (!real[n] || real[n] == '/' ||
		     (!strcmp(dirs[i], "/usr/lib/llvm") && real[n] == '-')))
			return 1;
	}
	return res && under_root(res, real) != NULL;
}

/*
 * `path` (relative to dir) resolved: inside root, or a system include
 * directory when `system` is set; a directory when `want_dir`, else a
 * regular file of the repository. NULL when refused.
 */
static char *confined_path(const char *root, const char *dir, const char *path,
			   int want_dir, int system)
{
	struct strbuf sb = STRBUF_INIT;
	struct stat st;
	char *real;

	if (*path != '/')
		strbuf_addf(&sb, "%s/", dir);
	strbuf_addstr(&sb, path);
	real = realpath(sb.buf, NULL);
	strbuf_release(&sb);
	if (!real)
		return NULL;
	if (stat(real, &st) ||
	    (want_dir ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)) ||
	    (!under_root(root, real) && !(system && in_system_dir(real)))) {
		free(real);
		return NULL;
	}
	return real;
}

/* Options taking a path, joined or as the next argument. */
static const struct {
	const char *name;
	int dir; /* a directory, else a file */
} path_options[] = {
	{ "-I", 1 },	     { "-isystem", 1 }, { "-iquote", 1 },
	{ "-idirafter", 1 }, { "-include", 0 }, { "-imacros", 0 },
};

/* Options taking a value that is no path, joined or the next argument. */
static const char *const value_options[] = { "-D", "-U", "-x", "-target",
					     "-arch" };

/* What a build needs and a syntax-only parse ignores: no refusal. */
static const char *const ignored_alone[] = { "-c", "-MD", "-MMD", "-MP",
					     "-M", "-MM", "-MG",  "-pipe",
					     "-S", "-E",  "-v" };
static const char *const ignored_valued[] = { "-o", "-MF", "-MT", "-MQ" };

/* Separate-value options refused with their value: never passed on. */
static const char *const refused_valued[] = {
	"-Xclang",
	"-Xpreprocessor",
	"-Xassembler",
	"-Xlinker",
	"-Xanalyzer",
	"-mllvm",
	"-MJ",
	"-load",
	"-isysroot",
	"--sysroot",
	"-iprefix",
	"-iwithprefix",
	"-iwithprefixbefore",
	"-F",
	"-B",
	"-L",
	"-working-directory",
	"-ivfsoverlay",
	"-resource-dir",
	"--config",
	"-Xarch_host",
	"-Xarch_device",
	"-Xcuda-ptxas",
	"-Xopenmp-target",
	"-dependency-file",
	"-fmodules-cache-path",
	"-serialize-diagnostics",
	"-module-dependency-dir",
	"-header-include-file",
	"-dependency-dot",
	"-aux-info",
	"-z",
	"-T",
	"-u",
	"-e",
	"--param",
};

/* -f options that change how code parses, and their -fno- forms. */
static const char *const f_options[] = {
	"asm",
	"blocks",
	"borland-extensions",
	"builtin",
	"char8_t",
	"common",
	"concepts-ts",
	"coroutines-ts",
	"cxx-exceptions",
	"declspec",
	"delayed-template-parsing",
	"dollars-in-identifiers",
	"double-square-bracket-attributes",
	"exceptions",
	"freestanding",
	"gnu-keywords",
	"gnu89-inline",
	"gnu-inline-asm",
	"hosted",
	"ms-compatibility",
	"ms-extensions",
	"objc-arc",
	"openmp",
	"operator-names",
	"pascal-strings",
	"PIC",
	"pic",
	"PIE",
	"pie",
	"rtti",
	"short-enums",
	"short-wchar",
	"signed-char",
	"unsigned-char",
	"signed-bitfields",
	"unsigned-bitfields",
	"sized-deallocation",
	"strict-aliasing",
	"threadsafe-statics",
	"trigraphs",
	"wchar-type",
	"zero-initialized-in-bss",
	"math-errno",
	"fast-math",
	"finite-math-only",
	"ms-volatile",
	"no-builtin",
	"digraphs",
	"elide-constructors",
	"implicit-templates",
	"access-control",
	"gnu-runtime",
	"next-runtime",
	"objc-exceptions",
	"visibility-inlines-hidden",
};

/* -f options with a value (letters, digits, "_.+-"). */
static const char *const f_valued[] = {
	"visibility=",	      "template-depth=",
	"constexpr-depth=",   "constexpr-steps=",
	"bracket-depth=",     "ms-compatibility-version=",
	"input-charset=",     "exec-charset=",
	"wide-exec-charset=", "pack-struct=",
	"max-type-align=",    "no-builtin-",
	"openmp-version=",    "macro-backtrace-limit=",
	"message-length=",
};

static int in_list(const char *s, const char *const *list, size_t nr)
{
	for (size_t i = 0; i < nr; i++)
		if (!strcmp(s, list[i]))
			return 1;
	return 0;
}

#define IN_LIST(s, list) in_list((s), (list), sizeof(list) / sizeof(*(list)))

/* Letters, digits and "_.+-=,:" only: a value that names no file. */
static int plain_value(const char *s, const char *extra)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!(*s >= 'a' && *s <= 'z') && !(*s >= 'A' && *s <= 'Z') &&
		    !(*s >= '0' && *s <= '9') && !strchr("_.+-", *s) &&
		    !(extra && strchr(extra, *s)))
			return 0;
	return 1;
}

/* A lone option on the allow-list (no value, or its value joined). */
static int allowed_alone(const char *s)
{
	static const char *const alone[] = {
		"-ansi",       "-pedantic",	"-pedantic-errors",
		"-w",	       "-pthread",	"-nostdinc",
		"-nostdinc++", "-nostdlibinc",	"-nobuiltininc",
		"-undef",      "-trigraphs",	"-ObjC",
		"-ObjC++",     "-fsyntax-only", "-Wall",
		"-Wextra",
	};

	if (IN_LIST(s, alone))
		return 1;
	if (!strncmp(s, "-std=", 5) || !strncmp(s, "--std=", 6))
		return plain_value(strchr(s, '=') + 1, NULL);
	if (!strncmp(s, "-stdlib=", 8) || !strncmp(s, "--target=", 9) ||
	    !strncmp(s, "-march=", 7) || !strncmp(s, "-mcpu=", 6) ||
	    !strncmp(s, "-mtune=", 7))
		return plain_value(strchr(s, '=') + 1, NULL);
	/* warnings: -Wp, -Wa, -Wl pass arguments on, so no comma at all */
	if (s[1] == 'W' && s[2] && !strchr(s, ','))
		return plain_value(s + 2, "=");
	if (s[1] == 'O' && (!s[2] || !strcmp(s, "-Ofast") ||
			    (plain_value(s + 2, NULL) && !s[3])))
		return 1;
	/* machine options, but -mllvm in any spelling (a pass-through) */
	if (s[1] == 'm' && s[2] && strncmp(s, "-mllvm", 6))
		return plain_value(s + 2, "=");
	if (s[1] == 'f' && s[2]) {
		const char *f = s + 2;

		if (IN_LIST(f, f_options) ||
		    (!strncmp(f, "no-", 3) && IN_LIST(f + 3, f_options)))
			return 1;
		for (size_t i = 0; i < sizeof(f_valued) / sizeof(*f_valued);
		     i++) {
			size_t n = strlen(f_valued[i]);

			if (!strncmp(f, f_valued[i], n))
				return plain_value(f + n, NULL);
		}
	}
	return 0;
}

/* The option of list `opts` that s starts with, or -1. */
static int option_prefix(const char *s, const char *const *opts, size_t nr)
{
	for (size_t i = 0; i < nr; i++)
		if (!strncmp(s, opts[i], strlen(opts[i])))
			return (int)i;
	return -1;
}

void compdb_filter_args(struct compdb_args *out, struct arena *a,
			const char *root, const char *dir,
			const char *const *raw, size_t nr)
{
	struct strbuf sb = STRBUF_INIT;

	push(out, a, nr && strstr(raw[0], "++") ? "clang++" : "clang");
	for (size_t i = 1; i < nr; i++) {
		const char *s = raw[i];
		const char *next = i + 1 < nr ? raw[i + 1] : NULL;
		int done = 0;

		if (*s != '-' || !s[1]) {
			/* input files (the caller adds the main file) */
			if (*s == '@')
				out->refused++; /* a response file */
			else
				out->ignored++;
			continue;
		}
		if (IN_LIST(s, ignored_alone) || !strncmp(s, "-g", 2)) {
			out->ignored++;
			continue;
		}
		if (IN_LIST(s, ignored_valued)) {
			out->ignored += 1 + !!next;
			i += !!next;
			continue;
		}
		if (option_prefix(s, ignored_valued,
				  sizeof(ignored_valued) /
					  sizeof(*ignored_valued)) >= 0) {
			out->ignored++; /* -ofile, -MFfile */
			continue;
		}
		if (IN_LIST(s, refused_valued)) {
			out->refused += 1 + !!next;
			i += !!next;
			continue;
		}
		for (size_t p = 0;
		     !done && p < sizeof(path_options) / sizeof(*path_options);
		     p++) {
			const char *o = path_options[p].name;
			size_t n = strlen(o);
			const char *val;
			char *real;

			if (strncmp(s, o, n))
				continue;
			if (!s[n]) {
				val = next;
				i += !!next;
			} else {
				val = s + n + (s[n] == '=');
			}
			done = 1;
			real = val && *val ? confined_path(root, dir, val,
							   path_options[p].dir,
							   path_options[p].dir)
					   : NULL;
			if (!real) {
				out->refused += 1 + (!s[n] && val);
				break;
			}
			push(out, a, o);
			push(out, a, real);
			free(real);
		}
		if (done)
			continue;
		for (size_t v = 0;
		     !done &&
		     v < sizeof(value_options) / sizeof(*value_options);
		     v++) {
			const char *o = value_options[v];
			size_t n = strlen(o);

			if (strncmp(s, o, n) || (s[n] && n != 2))
				continue;
			done = 1;
			if (!s[n] && !next) {
				out->refused++;
				break;
			}
			strbuf_reset(&sb);
			strbuf_addf(&sb, "%s%s", o, s[n] ? s + n : next);
			i += !s[n];
			/* a language, target or architecture names no file */
			if (n != 2 && !plain_value(sb.buf + n, NULL)) {
				out->refused += 1 + !s[n];
				break;
			}
			if (n == 2) {
				push(out, a, sb.buf);
			} else {
				push(out, a, o);
				push(out, a, sb.buf + n);
			}
		}
		if (done)
			continue;
		if (allowed_alone(s))
			push(out, a, s);
		else
			out->refused++;
	}
	strbuf_release(&sb);
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
	struct compdb_args b = { 0 };
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
	compdb_filter_args(&b, &db->arena, root, wd.buf,
			   (const char *const *)raw, raw_nr);
	db->args_ignored += b.ignored;
	db->args_refused += b.refused;
	strbuf_reset(&abs);
	strbuf_addf(&abs, "%s/%s", root, rel);
	push(&b, &db->arena, abs.buf);
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

/* True when a command string names a response file (@file) anywhere. */
static int names_response_file(const char *cmd)
{
	for (const char *p = cmd; (p = strchr(p, '@')); p++)
		if (p == cmd || strchr(" \t\n\r\v\f\"'\\", p[-1]))
			return 1;
	return 0;
}

/*
 * libclang's loader expands @file arguments (any readable file, a device
 * even) before carve sees a command: so the database goes to libclang as
 * a copy in a private temporary directory, without the commands that
 * name one. Returns that directory (the caller removes it), or NULL
 * after a warning.
 */
static char *sanitized_copy(struct compdb *db, const char *path)
{
	struct strbuf data = STRBUF_INIT, out = STRBUF_INIT;
	const char *tmp = getenv("TMPDIR");
	cJSON *json = NULL, *item, *next;
	char *dir = NULL, *text = NULL;
	int fd = -1;

	if (strbuf_read_file(&data, path, MAX_COMPDB_SIZE)) {
		warning("cannot read the compilation database '%s'", path);
		goto done;
	}
	json = cJSON_ParseWithLength(data.buf, data.len);
	if (!cJSON_IsArray(json)) {
		warning("cannot load the compilation database '%s': not a "
			"JSON array of commands",
			path);
		goto done;
	}
	for (item = json->child; item; item = next) {
		cJSON *args = cJSON_GetObjectItemCaseSensitive(item, "arguments");
		cJSON *cmd = cJSON_GetObjectItemCaseSensitive(item, "command");
		cJSON *a;
		int bad = cJSON_IsString(cmd) &&
			  names_response_file(cmd->valuestring);

		next = item->next;
		cJSON_ArrayForEach (a, args)
			if (cJSON_IsString(a) && *a->valuestring == '@')
				bad = 1;
		if (bad) {
			db->response_files++;
			cJSON_Delete(cJSON_DetachItemViaPointer(json, item));
		}
	}
	text = cJSON_PrintUnformatted(json);
	strbuf_addf(&out, "%s/carve-compdb-XXXXXX",
		    tmp && *tmp == '/' ? tmp : "/tmp");
	if (!text || !mkdtemp(out.buf)) {
		warning("cannot copy the compilation database '%s': %s", path,
			strerror(errno));
		goto done;
	}
	dir = strbuf_detach(&out, NULL);
	strbuf_addf(&out, "%s/compile_commands.json", dir);
	fd = open(out.buf, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		  0600);
	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
		warning("cannot copy the compilation database '%s': %s", path,
			strerror(errno));
		unlink(out.buf);
		rmdir(dir);
		free(dir);
		dir = NULL;
	}
done:
	if (fd >= 0)
		close(fd);
	free(text);
	cJSON_Delete(json);
	strbuf_release(&data);
	strbuf_release(&out);
	return dir;
}

static void remove_copy(char *dir)
{
	struct strbuf sb = STRBUF_INIT;

	if (!dir)
		return;
	strbuf_addf(&sb, "%s/compile_commands.json", dir);
	unlink(sb.buf);
	rmdir(dir);
	strbuf_release(&sb);
	free(dir);
}

void compdb_map_paths(const struct scan *scan, struct strmap *by_path)
{
	for (size_t i = 0; i < scan->nr; i++)
		if (scan->files[i].status == FILE_COUNTED ||
		    scan->files[i].status == FILE_UNKNOWN)
			strmap_put(by_path, scan->files[i].path,
				   (void *)(i + 1));
}

int compdb_load(struct compdb *db, const struct scan *scan,
		struct strmap *by_path, const char *dir)
{
	struct strbuf path = STRBUF_INIT;
	CXCompilationDatabase_Error err;
	CXCompilationDatabase cdb = NULL;
	CXCompileCommands cmds = NULL;
	char *root = NULL, *db_dir = NULL, *copy = NULL;
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
	/* found in the tree (not named with -p): it must stay in the tree */
	if (!dir && !under_root(root, db_dir)) {
		warning("ignoring '%s': a symbolic link out of the repository",
			path.buf);
		ret = CARVE_EINVALID;
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
	copy = sanitized_copy(db, db->path);
	if (!copy) {
		ret = CARVE_EINVALID;
		goto done;
	}
	cdb = clang_CompilationDatabase_fromDirectory(copy, &err);
	if (err != CXCompilationDatabase_NoError || !cdb) {
		warning("cannot load the compilation database '%s': not a "
			"JSON array of commands",
			db->path);
		ret = CARVE_EINVALID;
		goto done;
	}
	cmds = clang_CompilationDatabase_getAllCompileCommands(cdb);
	compdb_map_paths(scan, by_path);
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
	remove_copy(copy);
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

size_t compdb_guess_units(const struct scan *scan)
{
	size_t n = 0;

	for (size_t i = 0; i < scan->nr; i++)
		n += is_c_family(&scan->files[i], 1);
	return n;
}

int compdb_guess(struct compdb *db, const struct scan *scan)
{
	struct compdb_args b = { 0 };
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
