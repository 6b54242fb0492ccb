/*
 * The scan pass: one read per file on a pool of workers, then totals.
 * Workers share nothing but the file array (each writes its own slots)
 * and keep their buffers and arenas per worker, so there are no locks.
 */
#include <errno.h>
#include <fcntl.h>
#include <git2.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "carve/deps.h"
#include "carve/error.h"
#include "carve/filelist.h"
#include "carve/language.h"
#include "carve/module.h"
#include "carve/pool.h"
#include "carve/progress.h"
#include "carve/resolve.h"
#include "carve/scan.h"
#include "carve/scancache.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/symdeps.h"
#include "carve/xmalloc.h"

struct worker {
	git_odb *odb; /* opened on first use: sparse checkouts */
	struct strbuf buf;
	struct strbuf path;
	struct strbuf module;
	struct arena arena;
};

struct scan_run {
	struct scan *scan;
	const struct filelist *list;
	const struct scan_options *opts;
	struct module_rules modules;
	struct worker *workers;
	struct progress *progress;
	struct scancache *cache; /* NULL: no cache */
	unsigned cache_flags;
	size_t cache_hits;       /* atomic */
};

/* Files of no known language are counted as plain text: lines only. */
static const struct language plain_text = {
	"Text", "Text", SYNTAX_PLAIN, 0, NULL, NULL,
};

/* True when stat data says the file still holds the index's blob. */
static int matches_index(const struct filelist_entry *e, const struct stat *st)
{
	/* the index keeps 32 bits of each, as git writes them */
	return e->has_index && e->index_size == (uint64_t)st->st_size &&
	       e->index_mtime_sec == (int64_t)st->st_mtim.tv_sec &&
	       e->index_mtime_nsec == (uint32_t)st->st_mtim.tv_nsec &&
	       (uint32_t)e->index_ctime_sec == (uint32_t)st->st_ctim.tv_sec &&
	       e->index_ctime_nsec == (uint32_t)st->st_ctim.tv_nsec &&
	       e->index_ino == (uint32_t)st->st_ino;
}

static void index_blob(char *hex, const struct filelist_entry *e)
{
	git_oid oid;

	memcpy(oid.id, e->oid, 20);
	git_oid_tostr(hex, 41, &oid);
}

/*
 * Fills f from the cache when the file is unchanged since the index
 * recorded it and the cache knows that blob at that path; no read.
 */
static int from_cache(struct scan_run *run, struct worker *w,
		      struct scan_file *f, const struct filelist_entry *e)
{
	const struct scancache_entry *hit;
	struct stat st;
	char blob[41];

	if (!run->cache)
		return 0;
	if (e->skip_worktree) {
		/* the index's blob id is the file's: no work tree copy */
		st.st_size = (off_t)e->index_size;
	} else if (lstat(w->path.buf, &st) < 0 || !S_ISREG(st.st_mode) ||
		   !matches_index(e, &st)) {
		return 0;
	}
	index_blob(blob, e);
	hit = scancache_get(run->cache, e->path, blob, run->cache_flags);
	if (!hit)
		return 0;
	f->lang = *hit->language ? language_by_name(hit->language) : NULL;
	if (*hit->language && !f->lang)
		return 0; /* a language this carve no longer knows */
	f->status = (enum file_status)hit->status;
	f->reason = *hit->reason ? hit->reason : NULL;
	f->package = *hit->package ? hit->package : NULL;
	f->counts = hit->counts;
	f->deps_cached = *hit->deps ? hit->deps : NULL;
	f->size = (uint64_t)st.st_size;
	memcpy(f->blob, blob, sizeof(f->blob));
	__atomic_add_fetch(&run->cache_hits, 1, __ATOMIC_RELAXED);
	return 1;
}

/*
 * Reads the file; the index's blob id is kept only while size and mtime
 * match the index entry, as git itself decides; otherwise the content
 * read is hashed.
 */
static int read_file(struct scan_file *f, const struct filelist_entry *e,
		     struct worker *w, const struct scan_options *opts)
{
	struct stat st;
	int fd, ret = 0;

	fd = open(w->path.buf, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (fd < 0) {
		f->reason = errno == ENOENT ? "vanished" : strerror(errno);
		return CARVE_EIO;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		f->status = FILE_SPECIAL;
		return CARVE_EINVALID;
	}
	f->size = (uint64_t)st.st_size;
	if (f->size > opts->max_file_size) {
		close(fd);
		f->status = FILE_TOO_BIG;
		return CARVE_ETOOBIG;
	}
	strbuf_reset(&w->buf);
	strbuf_grow(&w->buf, (size_t)st.st_size);
	while (w->buf.len <= opts->max_file_size) {
		ssize_t n;

		if (w->buf.alloc - w->buf.len < 2)
			strbuf_grow(&w->buf, 65536);
		n = read(fd, w->buf.buf + w->buf.len,
			 w->buf.alloc - w->buf.len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			f->reason = strerror(errno);
			ret = CARVE_EIO;
			break;
		}
		if (!n)
			break;
		w->buf.len += (size_t)n;
	}
	close(fd);
	if (ret)
		return ret;
	if (w->buf.len > opts->max_file_size) {
		f->status = FILE_TOO_BIG;
		return CARVE_ETOOBIG;
	}
	w->buf.buf[w->buf.len] = '\0';
	f->size = w->buf.len;
	if (matches_index(e, &st)) {
		index_blob(f->blob, e);
	} else {
		git_oid oid;

		if (!git_odb_hash(&oid, w->buf.buf, w->buf.len,
				  GIT_OBJECT_BLOB))
			git_oid_tostr(f->blob, sizeof(f->blob), &oid);
	}
	return 0;
}

/*
 * A file outside a sparse checkout's cone (skip-worktree in the index):
 * its blob from the object store, as git would show it.
 */
static int read_blob(struct scan_file *f, const struct filelist_entry *e,
		     struct worker *w, const struct scan_run *run)
{
	struct strbuf objects = STRBUF_INIT;
	git_odb_object *obj = NULL;
	git_oid oid;
	size_t len;

	if (!w->odb) {
		strbuf_addf(&objects, "%s/objects", run->list->gitdir);
		if (git_odb_open(&w->odb, objects.buf) < 0)
			w->odb = NULL;
		strbuf_release(&objects);
	}
	memcpy(oid.id, e->oid, 20);
	if (!w->odb || git_odb_read(&obj, w->odb, &oid) < 0 ||
	    git_odb_object_type(obj) != GIT_OBJECT_BLOB) {
		git_error_clear();
		git_odb_object_free(obj);
		f->reason = "outside the sparse checkout, and its blob is "
			    "missing";
		return CARVE_EIO;
	}
	len = git_odb_object_size(obj);
	f->size = len;
	if (len > run->opts->max_file_size) {
		git_odb_object_free(obj);
		f->status = FILE_TOO_BIG;
		return CARVE_ETOOBIG;
	}
	strbuf_reset(&w->buf);
	strbuf_add(&w->buf, git_odb_object_data(obj), len);
	git_odb_object_free(obj);
	index_blob(f->blob, e);
	return 0;
}

/*
 * A Git LFS pointer (git-lfs's spec/v1: "version" first, an "oid
 * sha256:" and a "size" line, under 1024 bytes): the file's content is
 * elsewhere, so its three lines are no code.
 */
static int is_lfs_pointer(const char *buf, size_t len)
{
	static const char version[] = "version "
				      "https://git-lfs.github.com/spec/v1\n";

	return len < 1024 && !strncmp(buf, version, sizeof(version) - 1) &&
	       strstr(buf, "\noid sha256:") && strstr(buf, "\nsize ");
}

static void scan_one(void *ctx, size_t i, int id)
{
	struct scan_run *run = ctx;
	struct worker *w = &run->workers[id];
	const struct filelist_entry *e = &run->list->entries[i];
	struct scan_file *f = &run->scan->files[i];
	const struct language *lang;
	const char *reason;
	char why[512];

	f->path = e->path;
	f->untracked = e->untracked;
	if (e->kind == ENTRY_SYMLINK) {
		f->status = FILE_SYMLINK;
		goto done;
	}
	if (e->kind == ENTRY_SUBMODULE) {
		f->status = FILE_SUBMODULE;
		goto done;
	}
	if (e->kind == ENTRY_SPECIAL) {
		f->status = FILE_SPECIAL;
		goto done;
	}
	reason = exclude_by_path(&run->opts->excludes, e->path, why,
				 sizeof(why));
	if (reason) {
		f->status = FILE_EXCLUDED;
		f->reason = arena_strdup(&w->arena, reason);
		goto done;
	}
	strbuf_reset(&w->path);
	strbuf_addf(&w->path, "%s/%s", run->list->root, e->path);
	if (from_cache(run, w, f, e))
		goto module;
	if (e->skip_worktree ? read_blob(f, e, w, run)
			     : read_file(f, e, w, run->opts)) {
		if (f->status == FILE_COUNTED)
			f->status = FILE_UNREADABLE;
		if (f->status == FILE_UNREADABLE)
			warning("cannot read '%s': %s", e->path, f->reason);
		goto done;
	}
	if (language_is_binary(w->buf.buf, w->buf.len)) {
		f->status = FILE_BINARY;
		goto done;
	}
	if (is_lfs_pointer(w->buf.buf, w->buf.len)) {
		f->status = FILE_EXCLUDED;
		f->reason = "Git LFS pointer: the content is stored in Git "
			    "LFS, not in the repository";
		goto done;
	}
	reason = exclude_by_content(&run->opts->excludes, e->path, w->buf.buf,
				    w->buf.len);
	if (reason) {
		f->status = FILE_EXCLUDED;
		f->reason = reason;
		goto done;
	}
	lang = language_detect(e->path, w->buf.buf, w->buf.len);
	f->lang = lang;
	f->status = lang ? FILE_COUNTED : FILE_UNKNOWN;
	/* Go's lexer follows the line counter's pass instead of its own */
	if (run->opts->no_deps ||
	    !deps_extract_counting(&f->deps, &w->arena, lang, w->buf.buf,
				   w->buf.len, &f->counts)) {
		linecount_buffer(&f->counts, lang ? lang : &plain_text,
				 w->buf.buf, w->buf.len);
		if (!run->opts->no_deps)
			deps_extract(&f->deps, &w->arena, lang, w->buf.buf,
				     w->buf.len);
	}
	if (module_package(&w->module, lang, w->buf.buf, w->buf.len))
		f->package = arena_strndup(&w->arena, w->module.buf,
					   w->module.len);
module:
	if (f->status == FILE_COUNTED || f->status == FILE_UNKNOWN) {
		module_name(&w->module, &run->modules, e->path, f->package);
		f->module = arena_strndup(&w->arena, w->module.buf,
					  w->module.len);
	}
done:
	progress_add(run->progress, 1);
}

static void stamp_time(struct scan *scan)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t t = epoch ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(scan->scanned_at, sizeof(scan->scanned_at),
		 "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int scan_run(struct scan **out, const struct scan_options *opts)
{
	struct filelist list = FILELIST_INIT;
	struct scan *scan = NULL;
	struct scan_run run = { 0 };
	struct scancache cache = SCANCACHE_INIT;
	struct strbuf cache_dir = STRBUF_INIT;
	int threads = opts->threads > 0 ? opts->threads : 1;
	unsigned flags = 0;
	int ret;

	*out = NULL;
	if (opts->untracked)
		flags |= FILELIST_UNTRACKED;
	if (opts->no_git)
		flags |= FILELIST_NO_GIT;
	ret = filelist_collect(&list, opts->path, flags);
	if (ret)
		goto done;
	if (list.nr >
	    (opts->max_files ? opts->max_files : SCAN_DEFAULT_MAX_FILES)) {
		ret = error_code(CARVE_ETOOBIG,
				 "cannot scan '%s': %zu files, over the limit "
				 "of %zu (raise it with carve scan "
				 "--max-files N, then pass the model it "
				 "writes to other commands)",
				 opts->path, list.nr,
				 opts->max_files
					 ? opts->max_files
					 : (size_t)SCAN_DEFAULT_MAX_FILES);
		goto done;
	}

	scan = xcalloc(1, sizeof(*scan));
	scan->nr = list.nr;
	scan->files = xcalloc(list.nr ? list.nr : 1, sizeof(*scan->files));
	scan->max_file_size = opts->max_file_size;
	run.scan = scan;
	run.list = &list;
	run.opts = opts;
	run.modules.depth = opts->module_depth;
	run.modules.config = opts->config;
	scan->module_rule = module_rule_text(&run.modules);
	if (!opts->no_cache && (opts->cache_dir || list.gitdir)) {
		if (opts->cache_dir)
			strbuf_addstr(&cache_dir, opts->cache_dir);
		else
			strbuf_addf(&cache_dir, "%s/carve", list.gitdir);
		scancache_load(&cache, cache_dir.buf);
		run.cache = &cache;
		run.cache_flags = (opts->excludes.include_vendored ? 1 : 0) |
				  (opts->no_deps ? 2 : 0);
	}
	run.workers = xcalloc((size_t)threads, sizeof(*run.workers));
	run.progress = progress_start("scan", "files", list.nr);
	pool_for(list.nr, threads, scan_one, &run);
	progress_stop(run.progress);

	if (run.cache) {
		scan->cache_hits = run.cache_hits;
		scan->cache_path = xstrdup(cache.path);
		size_t kept = 0;

		for (size_t i = 0; i < scan->nr; i++)
			kept += scancache_keeps(&scan->files[i]) ? 1 : 0;
		/* rewritten only when a file it would keep was read afresh */
		if (run.cache_hits < kept)
			scancache_save(&cache, scan, run.cache_flags);
		/* deps_cached points into it: the scan keeps it */
		scan->cache_text = strbuf_detach(&cache.data, NULL);
	}

	/*
	 * The scan keeps the workers' arenas (modules, packages, statements)
	 * and copies what lives elsewhere: paths (the file list's) and
	 * reasons (some are strerror()'s).
	 */
	for (int i = 0; i < threads; i++)
		arena_take(&scan->arena, &run.workers[i].arena);
	for (size_t i = 0; i < scan->nr; i++) {
		struct scan_file *f = &scan->files[i];

		f->path = arena_strdup(&scan->arena, f->path);
		if (f->reason)
			f->reason = arena_strdup(&scan->arena, f->reason);
	}
	scan->root = list.root;
	scan->prefix = list.prefix;
	scan->branch = list.branch;
	list.root = list.prefix = list.branch = NULL;
	scan->is_git = list.is_git;
	if (list.attributes_read) {
		/* never NULL once read, even with no entry */
		strbuf_addch(&list.attributes, '\0');
		scan->gitattributes_len = list.attributes.len - 1;
		scan->gitattributes = strbuf_detach(&list.attributes, NULL);
	}
	memcpy(scan->head, list.head, sizeof(scan->head));
	stamp_time(scan);
	scan_summarise(scan);
	resolve_c_pairs(scan);
	if (!opts->no_deps &&
	    (ret = resolve_scan(scan, run.cache ? cache_dir.buf : NULL)))
		goto done;
	/* the lexical resolvers know nothing of symbols */
	for (size_t i = 0; i < scan->edges_nr; i++) {
		scan->edges[i].symbols = NULL;
		scan->edges[i].symbols_nr = 0;
	}
	if (!opts->no_deps && (ret = symdeps_run(scan, opts)))
		goto done;
	if (!opts->no_deps)
		scan_find_blind_spots(scan);
	*out = scan;
	scan = NULL;
done:
	if (run.workers) {
		for (int i = 0; i < threads; i++) {
			git_odb_free(run.workers[i].odb);
			strbuf_release(&run.workers[i].buf);
			strbuf_release(&run.workers[i].path);
			strbuf_release(&run.workers[i].module);
			arena_release(&run.workers[i].arena);
		}
		free(run.workers);
	}
	scancache_release(&cache);
	strbuf_release(&cache_dir);
	filelist_release(&list);
	scan_free(scan);
	return ret;
}

void scan_load_deps(struct scan *scan)
{
	for (size_t i = 0; i < scan->nr; i++) {
		struct scan_file *f = &scan->files[i];

		if (!f->deps_cached)
			continue;
		if (scancache_decode_deps(&f->deps, &scan->arena,
					  f->deps_cached)) {
			warning("the scan cache's dependency statements of "
				"'%s' "
				"are damaged and left out; rescan with "
				"--no-cache",
				f->path);
			f->deps.nr = 0;
		}
		f->deps_cached = NULL;
	}
}
