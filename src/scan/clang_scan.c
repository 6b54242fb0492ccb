/*
 * The libclang pass of a scan: finds the translation units, takes what it
 * can from the cache, parses the rest on -j threads with one CXIndex per
 * thread (libclang is thread-safe across indexes; its crash recovery
 * turns a crash into a failed unit), then resolves the references of all
 * units through the symbol index into symbol edges.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carve/compdb.h"
#include "carve/error.h"
#include "carve/language.h"
#include "carve/libclang.h"
#include "carve/pool.h"
#include "carve/progress.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/symdeps.h"
#include "carve/tu.h"
#include "carve/tucache.h"
#include "carve/xmalloc.h"

struct parse_run {
	const struct compdb *db;
	const struct tu_context *ctx;
	struct tu **tus;
	size_t *todo; /* indexes of units to parse */
	CXIndex *indexes; /* one per worker, made on first use */
	struct progress *progress;
};

int symdeps_mode_parse(const char *arg)
{
	if (!strcmp(arg, "auto"))
		return SYMDEPS_AUTO;
	if (!strcmp(arg, "on"))
		return SYMDEPS_ON;
	if (!strcmp(arg, "off"))
		return SYMDEPS_OFF;
	return -1;
}

/*
 * clang_createIndex registers LLVM's targets, and two threads doing that
 * at once can link a target into the registry twice, which makes every
 * later target lookup loop forever: indexes are made one at a time.
 */
static pthread_mutex_t index_lock = PTHREAD_MUTEX_INITIALIZER;

static CXIndex new_index(void)
{
	CXIndex index;

	pthread_mutex_lock(&index_lock);
	index = clang_createIndex(0, 0);
	pthread_mutex_unlock(&index_lock);
	return index;
}

static void parse_one(void *data, size_t i, int worker)
{
	struct parse_run *run = data;
	size_t k = run->todo[i];

	if (!run->indexes[worker])
		run->indexes[worker] = new_index();
	tu_parse(run->tus[k], run->indexes[worker], &run->db->entries[k],
		 run->ctx);
	if (run->tus[k]->status == TU_CRASHED) {
		/* what a crash left behind is not worth reusing */
		clang_disposeIndex(run->indexes[worker]);
		run->indexes[worker] = NULL;
	}
	progress_add(run->progress, 1);
}

/* Files whose text a C or C++ unit may #include. */
static int includable(const struct scan_file *f)
{
	const char *n = f->lang ? f->lang->name : NULL;

	switch (f->status) {
	case FILE_COUNTED:
		return !strncmp(n, "C", 1) || !strncmp(n, "Objective-C", 11);
	case FILE_UNKNOWN: /* .inc, .def, .h.in */
	case FILE_EXCLUDED: /* vendored headers */
	case FILE_TOO_BIG:
		return 1;
	default:
		return 0;
	}
}

/*
 * The files libclang may open, as a virtual file system overlay (LLVM's
 * -ivfsoverlay, whose YAML reads JSON) with "fallthrough": false: the
 * system and compiler include directories, and every regular file of
 * the repository a unit may include, each by itself. Anything else (an
 * #include "/abs/path", a symlink leading out, a device, a FIFO, a file
 * git ignores) is "file not found", never opened. Returns the overlay's
 * path (a private temporary file the caller removes), or NULL after an
 * error.
 */
static char *write_overlay(const struct scan *scan, const char *root,
			   const char *resource_dir)
{
	static const char *const system_dirs[] = {
		"/usr/include",
		"/usr/local/include",
		"/usr/lib/gcc",
	};
	const char *tmp = getenv("TMPDIR");
	struct strbuf path = STRBUF_INIT, sb = STRBUF_INIT;
	cJSON *json = cJSON_CreateObject(), *roots, *r;
	char *text = NULL;
	int fd = -1;

	cJSON_AddNumberToObject(json, "version", 0);
	cJSON_AddFalseToObject(json, "fallthrough");
	roots = cJSON_AddArrayToObject(json, "roots");
	for (size_t i = 0; i <= sizeof(system_dirs) / sizeof(*system_dirs);
	     i++) {
		const char *d = i < sizeof(system_dirs) / sizeof(*system_dirs)
					? system_dirs[i]
					: resource_dir;
		struct stat st;

		if (!d || stat(d, &st) || !S_ISDIR(st.st_mode))
			continue;
		r = cJSON_CreateObject();
		cJSON_AddStringToObject(r, "type", "directory-remap");
		cJSON_AddStringToObject(r, "name", d);
		cJSON_AddStringToObject(r, "external-contents", d);
		cJSON_AddItemToArray(roots, r);
	}
	for (size_t i = 0; i < scan->nr; i++) {
		struct stat st;

		if (!includable(&scan->files[i]))
			continue;
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s/%s", root, scan->files[i].path);
		/* regular files only, never through a symlink */
		if (lstat(sb.buf, &st) || !S_ISREG(st.st_mode))
			continue;
		r = cJSON_CreateObject();
		cJSON_AddStringToObject(r, "type", "file");
		cJSON_AddStringToObject(r, "name", sb.buf);
		cJSON_AddStringToObject(r, "external-contents", sb.buf);
		cJSON_AddItemToArray(roots, r);
	}
	text = cJSON_PrintUnformatted(json);
	strbuf_addf(&path, "%s/carve-vfs-XXXXXX.json",
		    tmp && *tmp == '/' ? tmp : "/tmp");
	fd = mkstemps(path.buf, 5);
	if (!text || fd < 0 ||
	    write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
		error("cannot write libclang's file list '%s': %s", path.buf,
		      strerror(errno));
		if (fd >= 0)
			unlink(path.buf);
		strbuf_release(&path);
	}
	if (fd >= 0)
		close(fd);
	free(text);
	cJSON_Delete(json);
	strbuf_release(&sb);
	return path.len ? strbuf_detach(&path, NULL) : NULL;
}

/*
 * With -q, nothing of libclang reaches stderr either: its crash report
 * ("libclang: crash detected during parsing") is written there by the
 * library itself. Returns the saved descriptor for quiet_end(), or -1.
 */
static int quiet_begin(void)
{
	int saved, null;

	if (!warning_is_quiet())
		return -1;
	fflush(stderr);
	saved = dup(2);
	null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (saved < 0 || null < 0 || dup2(null, 2) < 0) {
		if (saved >= 0)
			close(saved);
		saved = -1;
	}
	if (null >= 0)
		close(null);
	return saved;
}

static void quiet_end(int saved)
{
	if (saved < 0)
		return;
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
}

static int cmp_message(const void *a, const void *b)
{
	const struct symdeps_message *x = a, *y = b;

	if (x->units != y->units)
		return x->units < y->units ? 1 : -1;
	return strcmp(x->text, y->text);
}

/* Sums the units' diagnostics; keeps the most frequent messages. */
static void summarise(struct symdeps *sd, struct tu **tus, size_t nr)
{
	struct strmap seen = STRMAP_INIT;
	struct strmap_entry *e;
	struct symdeps_message *all = NULL;
	size_t all_nr = 0, all_alloc = 0, crashed = 0, failed = 0;

	for (size_t i = 0; i < nr; i++) {
		const struct tu *tu = tus[i];

		sd->errors += tu->errors;
		sd->warnings += tu->warnings;
		if (tu->cached && tu->status == TU_PARSED)
			sd->cached++;
		else if (tu->status == TU_PARSED)
			sd->parsed++;
		crashed += tu->status == TU_CRASHED;
		failed += tu->status == TU_FAILED;
		for (size_t k = 0; k < tu->messages_nr; k++) {
			size_t *count = strmap_get(&seen, tu->messages[k]);
			int dup = 0;

			for (size_t j = 0; j < k; j++)
				dup |= !strcmp(tu->messages[j],
					       tu->messages[k]);
			if (dup)
				continue;
			if (!count) {
				const char *key = arena_strdup(&sd->arena,
							       tu->messages[k]);

				count = arena_alloc(&sd->arena, sizeof(*count));
				strmap_put(&seen, key, count);
			}
			(*count)++;
		}
	}
	strmap_for_each (&seen, e) {
		ALLOC_GROW(all, all_nr + 1, all_alloc);
		all[all_nr].text = e->key;
		all[all_nr++].units = *(size_t *)e->value;
	}
	if (all_nr)
		qsort(all, all_nr, sizeof(*all), cmp_message);
	sd->messages_nr = all_nr < SYMDEPS_TOP_MESSAGES ? all_nr
							: SYMDEPS_TOP_MESSAGES;
	sd->messages = arena_alloc(&sd->arena, (sd->messages_nr + 1) *
						       sizeof(*sd->messages));
	if (sd->messages_nr)
		memcpy(sd->messages, all, sd->messages_nr * sizeof(*all));
	free(all);
	strmap_release(&seen);
	sd->crashed_files =
		arena_alloc(&sd->arena, (crashed + 1) * sizeof(char *));
	sd->failed_files =
		arena_alloc(&sd->arena, (failed + 1) * sizeof(char *));
	for (size_t i = 0; i < nr; i++) {
		if (tus[i]->status == TU_CRASHED)
			sd->crashed_files[sd->crashed_nr++] =
				arena_strdup(&sd->arena, tus[i]->main);
		else if (tus[i]->status == TU_FAILED)
			sd->failed_files[sd->failed_nr++] =
				arena_strdup(&sd->arena, tus[i]->main);
	}
	sd->crashed = sd->crashed_nr;
	sd->failed = sd->failed_nr;
}

/* A unit that cannot find stddef.h means carve set libclang up wrong. */
static int missing_builtins(const struct tu *tu)
{
	for (size_t i = 0; i < tu->messages_nr; i++)
		if (!strcmp(tu->messages[i], "'stddef.h' file not found") ||
		    !strcmp(tu->messages[i], "'stdarg.h' file not found"))
			return 1;
	return 0;
}

static int has_edge(const struct scan *scan, size_t from, size_t to,
		    enum dep_kind kind)
{
	size_t lo = 0, hi = scan->edges_nr;

	/* the lexical edges are sorted by (from, to, kind) */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct scan_edge *e = &scan->edges[mid];

		if (e->from < from || (e->from == from && e->to < to) ||
		    (e->from == from && e->to == to && e->kind < kind))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < scan->edges_nr && scan->edges[lo].from == from &&
	       scan->edges[lo].to == to && scan->edges[lo].kind == kind;
}

/* Adds the include edges libclang saw and the lexer did not. */
static void add_includes(struct symdeps *sd, struct scan *scan, struct tu **tus,
			 size_t nr)
{
	size_t lexical = scan->edges_nr, alloc = scan->edges_nr;

	for (size_t i = 0; i < nr; i++) {
		const struct tu *tu = tus[i];

		for (size_t k = 0; k < tu->incs_nr; k++) {
			size_t from = (size_t)tu->files[tu->incs[k].from].file;
			size_t to = (size_t)tu->files[tu->incs[k].to].file;
			struct scan_edge *e;
			int dup = 0;

			if (has_edge(scan, from, to, DEP_INCLUDE))
				continue;
			for (size_t j = lexical; j < scan->edges_nr && !dup;
			     j++)
				dup = scan->edges[j].from == from &&
				      scan->edges[j].to == to;
			if (dup)
				continue;
			ALLOC_GROW(scan->edges, scan->edges_nr + 1, alloc);
			e = &scan->edges[scan->edges_nr++];
			memset(e, 0, sizeof(*e));
			e->from = from;
			e->to = to;
			e->kind = DEP_INCLUDE;
			e->weight = 1;
			sd->include_edges_added++;
		}
	}
}

/* The directory of the scan cache, where clang.cache goes too. */
static char *cache_dir(const struct scan *scan)
{
	char *dir, *slash;

	if (!scan->cache_path)
		return NULL;
	dir = xstrdup(scan->cache_path);
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	if (access(dir, W_OK)) {
		free(dir);
		return NULL;
	}
	return dir;
}

/*
 * libclang parses nested brackets by recursion: a file nested some
 * 100,000 deep overflows the stack of the process (clang refuses past
 * 256 anyway, -fbracket-depth). Brackets are counted outside comments,
 * strings and character literals, roughly: a file is deep past 256.
 */
#define CLANG_MAX_NESTING 256

static int too_deep(const char *root, const char *path)
{
	struct strbuf sb = STRBUF_INIT, full = STRBUF_INIT;
	const char *p, *end;
	long depth = 0;
	int deep = 0;

	strbuf_addf(&full, "%s/%s", root, path);
	if (strbuf_read_file(&sb, full.buf, SCAN_DEFAULT_MAX_FILE_SIZE) < 0)
		goto done;
	p = sb.buf;
	end = sb.buf + sb.len;
	while (p < end && !deep) {
		char c = *p++;

		if (c == '/' && p < end && *p == '/') {
			while (p < end && *p != '\n')
				p++;
		} else if (c == '/' && p < end && *p == '*') {
			for (p++; p + 1 < end && !(p[0] == '*' && p[1] == '/');)
				p++;
			p += 2;
		} else if (c == '"' || c == '\'') {
			while (p < end && *p != c && *p != '\n')
				p += *p == '\\' ? 2 : 1;
			p++;
		} else if (c == '(' || c == '[' || c == '{') {
			deep = ++depth > CLANG_MAX_NESTING;
		} else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
			depth--;
		}
	}
done:
	strbuf_release(&sb);
	strbuf_release(&full);
	return deep;
}

/*
 * Leaves out of db the sources nested too deep for libclang; returns
 * the name of a header nested too deep (then nothing may be parsed: any
 * unit may include it), or NULL.
 */
static const char *drop_deep(struct compdb *db, const struct scan *scan,
			     const char *root)
{
	size_t out = 0;

	for (size_t i = 0; i < scan->nr; i++) {
		const struct scan_file *f = &scan->files[i];

		if (f->status == FILE_COUNTED && f->lang &&
		    strstr(f->lang->name, "Header") && too_deep(root, f->path))
			return f->path;
	}
	for (size_t i = 0; i < db->nr; i++) {
		if (too_deep(root, db->entries[i].file)) {
			warning("libclang: '%s' left out: brackets nested over "
				"%d deep",
				db->entries[i].file, CLANG_MAX_NESTING);
			continue;
		}
		db->entries[out++] = db->entries[i];
	}
	db->nr = out;
	return NULL;
}

static int pair_mode(const struct scan_options *opts)
{
	if (!opts->pair_headers)
		return SYMINDEX_PAIR_C;
	return opts->pair_headers > 0 ? SYMINDEX_PAIR_ALL : SYMINDEX_PAIR_NONE;
}

int symdeps_run(struct scan *scan, const struct scan_options *opts)
{
	int mode = opts->compdb_dir && opts->clang == SYMDEPS_AUTO
			   ? SYMDEPS_ON
			   : opts->clang;
	struct strmap by_path = STRMAP_INIT;
	struct compdb db = COMPDB_INIT;
	struct tucache cache = TUCACHE_INIT;
	struct tu_context ctx = { 0 };
	struct parse_run run = { 0 };
	struct symdeps *sd = NULL;
	struct tu **tus = NULL;
	const char **keys = NULL;
	char *root = NULL, *dir = NULL, *overlay = NULL;
	int saved_stderr;
	int threads = opts->threads > 0 ? opts->threads : 1;
	size_t todo_nr = 0;
	int ret;

	if (mode == SYMDEPS_OFF || opts->no_deps)
		return 0;
	/* the paths are mapped once a database is found (most scans none) */
	ret = compdb_load(&db, scan, &by_path, opts->compdb_dir);
	if (ret == CARVE_ERR || (ret == CARVE_ENOTFOUND && opts->compdb_dir))
		goto done; /* no libclang or builtin headers; -p wrong */
	if (ret && mode == SYMDEPS_AUTO) {
		size_t n = compdb_guess_units(scan);

		if (!n || n > opts->clang_guess_max || libclang_load()) {
			ret = 0;
			goto done;
		}
	}
	if (ret) {
		compdb_release(&db);
		scan_load_deps(scan); /* the #include lines guess the -I */
		if ((ret = compdb_guess(&db, scan))) {
			if (mode == SYMDEPS_AUTO)
				ret = 0; /* said why; the scan goes on */
			goto done;
		}
	}
	sd = xcalloc(1, sizeof(*sd));
	sd->compdb = db.path ? arena_strdup(&sd->arena, db.path) : NULL;
	sd->guessed = !db.path;
	sd->resource_dir = db.resource_dir;
	sd->pair_headers = pair_mode(opts);
	sd->skipped_missing = db.missing;
	sd->skipped_outside = db.outside;
	sd->skipped_not_compiler = db.not_compiler;
	sd->skipped_not_c = db.not_c;
	sd->skipped_duplicates = db.duplicates;
	sd->relative_dirs = db.relative_dirs;
	sd->args_ignored = db.args_ignored;
	sd->args_refused = db.args_refused;
	sd->response_files = db.response_files;
	sd->guessed_dirs = arena_alloc(&sd->arena, (db.guessed_dirs_nr + 1) *
							   sizeof(char *));
	for (size_t i = 0; i < db.guessed_dirs_nr; i++)
		sd->guessed_dirs[i] =
			arena_strdup(&sd->arena, db.guessed_dirs[i]);
	sd->guessed_dirs_nr = db.guessed_dirs_nr;
	if ((root = realpath(scan->root, NULL))) {
		const char *deep = drop_deep(&db, scan, root);

		if (deep) {
			warning("libclang: not run: '%s' has brackets nested "
				"over %d deep, which libclang cannot parse "
				"safely",
				deep, CLANG_MAX_NESTING);
			db.nr = 0;
		}
		free(root);
		root = NULL;
	}
	if (opts->shard_n) {
		compdb_shard(&db, opts->shard_k, opts->shard_n);
		sd->shard_k = opts->shard_k;
		sd->shard_n = opts->shard_n;
		sd->partial = 1;
	}
	sd->units = db.nr;
	scan->clang = sd;
	if (!db.nr) {
		if (mode == SYMDEPS_ON)
			warning("--clang=on: nothing to parse: no C or C++ "
				"translation unit in '%s'",
				scan->root);
		ret = 0;
		goto done;
	}

	root = realpath(scan->root, NULL);
	if (!root) {
		ret = error("cannot resolve '%s'", scan->root);
		goto done;
	}
	ctx.scan = scan;
	if (!by_path.nr)
		compdb_map_paths(scan, &by_path); /* a guessed database */
	ctx.by_path = &by_path;
	ctx.root = root;
	overlay = write_overlay(scan, root, db.resource_dir);
	if (!overlay) {
		ret = CARVE_EIO;
		goto done;
	}
	ctx.overlay = overlay;
	tus = xcalloc(db.nr, sizeof(*tus));
	keys = xcalloc(db.nr, sizeof(*keys));
	run.todo = xcalloc(db.nr, sizeof(*run.todo));
	dir = opts->no_cache ? NULL : cache_dir(scan);
	if (dir)
		tucache_load(&cache, dir);
	for (size_t i = 0; i < db.nr; i++) {
		tus[i] = xcalloc(1, sizeof(**tus));
		keys[i] = db.entries[i].key;
		if (!dir || !tucache_get(&cache, tus[i], keys[i], &ctx))
			run.todo[todo_nr++] = i;
	}
	run.db = &db;
	run.ctx = &ctx;
	run.tus = tus;
	run.indexes = xcalloc((size_t)threads, sizeof(*run.indexes));
	run.indexes[0] = new_index(); /* LLVM initialised before threads */
	run.progress = progress_start("clang", "units", todo_nr);
	saved_stderr = quiet_begin();
	pool_for(todo_nr, threads, parse_one, &run);
	quiet_end(saved_stderr);
	progress_stop(run.progress);
	for (int i = 0; i < threads; i++)
		if (run.indexes[i])
			clang_disposeIndex(run.indexes[i]);
	free(run.indexes);

	for (size_t i = 0; i < db.nr; i++)
		if (missing_builtins(tus[i])) {
			ret = error("libclang cannot find its builtin headers "
				    "parsing '%s' (resource directory '%s'): "
				    "a carve bug",
				    tus[i]->main, db.resource_dir);
			goto done;
		}
	summarise(sd, tus, db.nr);
	for (size_t i = 0; i < db.nr; i++)
		if (tus[i]->status == TU_PARSED)
			symindex_add_tu(&sd->index, tus[i]);
	symindex_finish(&sd->index);
	add_includes(sd, scan, tus, db.nr);
	symindex_edges(&sd->index, scan, sd->pair_headers);
	if (dir && todo_nr)
		tucache_save(&cache, tus, keys, db.nr);
	ret = 0;
done:
	for (size_t i = 0; tus && i < db.nr; i++) {
		tu_release(tus[i]);
		free(tus[i]);
	}
	free(tus);
	free(keys);
	free(run.todo);
	if (overlay)
		unlink(overlay);
	free(overlay);
	free(root);
	free(dir);
	tucache_release(&cache);
	compdb_release(&db);
	strmap_release(&by_path);
	return ret;
}
