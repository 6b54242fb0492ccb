/*
 * Building the file list: libgit2's index and status APIs inside a work
 * tree, nftw(3) with FTW_PHYS outside one (so symlink loops cannot trap
 * the walk).
 */
#include <errno.h>
#include <ftw.h>
#include <git2.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carve/error.h"
#include "carve/filelist.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

static struct filelist_entry *add_entry(struct filelist *list,
					const char *path, size_t len)
{
	struct filelist_entry *e;

	ALLOC_GROW(list->entries, list->nr + 1, list->alloc);
	e = &list->entries[list->nr++];
	memset(e, 0, sizeof(*e));
	e->path = arena_strndup(&list->arena, path, len);
	return e;
}

static int in_prefix(const struct filelist *list, const char *path)
{
	size_t n = strlen(list->prefix);

	return !n || (!strncmp(path, list->prefix, n) &&
		      (path[n] == '/' || path[n] == '\0'));
}

static int git_failed(const char *what, const char *path)
{
	const git_error *e = git_error_last();

	return error("cannot %s '%s': %s", what, path,
		     e && e->message ? e->message : "unknown libgit2 error");
}

static enum entry_kind kind_of_mode(unsigned mode)
{
	switch (mode & 0170000) {
	case 0120000:
		return ENTRY_SYMLINK;
	case 0160000:
		return ENTRY_SUBMODULE;
	default:
		return ENTRY_FILE;
	}
}

static int collect_index(struct filelist *list, git_repository *repo)
{
	git_index *index = NULL;
	size_t count;
	int ret = 0;

	if (git_repository_index(&index, repo) < 0)
		return git_failed("read the index of", list->root);
	count = git_index_entrycount(index);
	for (size_t i = 0; i < count; i++) {
		const git_index_entry *ie = git_index_get_byindex(index, i);
		struct filelist_entry *e;
		const char *slash;

		/* the history's key reads them (hlog_attribute_sources) */
		if (ie) {
			slash = strrchr(ie->path, '/');
			if (!strcmp(slash ? slash + 1 : ie->path,
				    ".gitattributes")) {
				strbuf_add(&list->attributes, ie->path,
					   strlen(ie->path) + 1);
				strbuf_add(&list->attributes, ie->id.id, 20);
			}
		}
		if (!ie || git_index_entry_stage(ie) > 1)
			continue; /* conflicted: stage 2/3 repeat the path */
		if (!in_prefix(list, ie->path))
			continue;
		if (list->nr && !strcmp(list->entries[list->nr - 1].path,
					ie->path))
			continue;
		e = add_entry(list, ie->path, strlen(ie->path));
		e->kind = kind_of_mode(ie->mode);
		e->has_index = git_index_entry_stage(ie) == 0;
		memcpy(e->oid, ie->id.id, 20);
		e->index_size = ie->file_size;
		e->index_mtime_sec = ie->mtime.seconds;
		e->index_mtime_nsec = ie->mtime.nanoseconds;
		e->index_ctime_sec = ie->ctime.seconds;
		e->index_ctime_nsec = ie->ctime.nanoseconds;
		e->index_ino = ie->ino;
		e->skip_worktree =
			e->has_index &&
			(ie->flags_extended & GIT_INDEX_ENTRY_SKIP_WORKTREE);
	}
	list->attributes_read = 1;
	git_index_free(index);
	return ret;
}

static int collect_untracked(struct filelist *list, git_repository *repo)
{
	git_status_options opts = GIT_STATUS_OPTIONS_INIT;
	git_status_list *status = NULL;
	struct strbuf full = STRBUF_INIT;
	size_t count;

	opts.show = GIT_STATUS_SHOW_WORKDIR_ONLY;
	opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED |
		     GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
		     GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
	if (git_status_list_new(&status, repo, &opts) < 0)
		return git_failed("list untracked files in", list->root);
	count = git_status_list_entrycount(status);
	for (size_t i = 0; i < count; i++) {
		const git_status_entry *se = git_status_byindex(status, i);
		const char *path;
		struct filelist_entry *e;
		struct stat st;

		if (!(se->status & GIT_STATUS_WT_NEW) || !se->index_to_workdir)
			continue;
		path = se->index_to_workdir->new_file.path;
		if (!in_prefix(list, path))
			continue;
		e = add_entry(list, path, strlen(path));
		e->untracked = 1;
		strbuf_reset(&full);
		strbuf_addf(&full, "%s/%s", list->root, path);
		if (!lstat(full.buf, &st)) {
			if (S_ISLNK(st.st_mode))
				e->kind = ENTRY_SYMLINK;
			else if (!S_ISREG(st.st_mode))
				e->kind = ENTRY_SPECIAL;
		}
	}
	strbuf_release(&full);
	git_status_list_free(status);
	return 0;
}

static void read_head(struct filelist *list, git_repository *repo)
{
	git_reference *head = NULL;
	const git_oid *oid;

	if (git_repository_head(&head, repo) < 0) {
		git_error_clear();
		return;
	}
	oid = git_reference_target(head);
	if (oid)
		git_oid_tostr(list->head, sizeof(list->head), oid);
	if (git_reference_is_branch(head))
		list->branch = xstrdup(git_reference_shorthand(head));
	git_reference_free(head);
}

static int cmp_entry(const void *a, const void *b)
{
	const struct filelist_entry *x = a, *y = b;

	return strcmp(x->path, y->path);
}

static int collect_git(struct filelist *list, git_repository *repo,
		       const char *abs, unsigned flags)
{
	const char *workdir = git_repository_workdir(repo);
	size_t n;
	int ret;

	if (!workdir)
		return error_code(CARVE_EINVALID,
				  "'%s' is a bare repository: carve needs a "
				  "work tree (clone it, or run on a checkout)",
				  abs);
	n = strlen(workdir);
	while (n > 1 && workdir[n - 1] == '/')
		n--;
	list->root = xstrndup(workdir, n);
	list->is_git = 1;
	list->gitdir = xstrdup(git_repository_path(repo));
	n = strlen(list->gitdir);
	while (n > 1 && list->gitdir[n - 1] == '/')
		list->gitdir[--n] = '\0';
	n = strlen(list->root);
	if (strlen(abs) > n && !strncmp(abs, list->root, n) && abs[n] == '/')
		list->prefix = xstrdup(abs + n + 1);
	else
		list->prefix = xstrdup("");
	read_head(list, repo);
	ret = collect_index(list, repo);
	if (!ret && (flags & FILELIST_UNTRACKED))
		ret = collect_untracked(list, repo);
	return ret;
}

/* nftw has no user pointer; one walk at a time is all carve needs. */
static struct filelist *walk_list;
static size_t walk_root_len;

static int walk_visit(const char *fpath, const struct stat *st, int type,
		      struct FTW *ftw)
{
	const char *rel = fpath + walk_root_len;
	const char *base = fpath + ftw->base;
	struct filelist_entry *e;

	if (*rel == '/')
		rel++;
	if (!*rel)
		return FTW_CONTINUE;
	if (type == FTW_D || type == FTW_DNR) {
		if (!strcmp(base, ".git") || !strcmp(base, ".hg") ||
		    !strcmp(base, ".svn") || !strcmp(base, ".bzr"))
			return FTW_SKIP_SUBTREE;
		if (type == FTW_DNR)
			warning("cannot read directory '%s': permission "
				"denied", rel);
		return FTW_CONTINUE;
	}
	if (type == FTW_NS) {
		warning("cannot stat '%s'", rel);
		return FTW_CONTINUE;
	}
	e = add_entry(walk_list, rel, strlen(rel));
	if (type == FTW_SL || type == FTW_SLN)
		e->kind = ENTRY_SYMLINK;
	else if (!S_ISREG(st->st_mode))
		e->kind = ENTRY_SPECIAL;
	return FTW_CONTINUE;
}

static int collect_walk(struct filelist *list, const char *abs)
{
	list->root = xstrdup(abs);
	list->prefix = xstrdup("");
	walk_list = list;
	walk_root_len = strlen(abs);
	if (nftw(abs, walk_visit, 64, FTW_PHYS | FTW_ACTIONRETVAL) < 0)
		return error("cannot walk '%s': %s", abs, strerror(errno));
	return 0;
}

/* Checks that path is a directory and sets abs to its real path. */
static int check_dir(char *abs, const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return error_code(errno == ENOENT ? CARVE_ENOTFOUND : CARVE_EIO,
				  "cannot scan '%s': %s", path,
				  strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return error_code(CARVE_EINVALID,
				  "cannot scan '%s': not a directory", path);
	if (!realpath(path, abs))
		return error("cannot resolve '%s': %s", path, strerror(errno));
	return 0;
}

int filelist_repo_open(git_repository **out, const char *path, unsigned flags)
{
	git_buf found = GIT_BUF_INIT;
	struct stat st;
	int owner = 0, ret;

	if (!git_repository_open_ext(out, path, flags, NULL))
		return 0;
	*out = NULL;
	/*
	 * libgit2 refuses a repository owned by another user unless
	 * safe.directory lists it (1.5 reports that as "safe.directory
	 * was not found", not GIT_EOWNER): discovery, which does not check
	 * owners, tells whether there was a repository to refuse.
	 */
	git_error_clear();
	if (!git_repository_discover(&found, path, 0, NULL) &&
	    !stat(found.ptr, &st) && st.st_uid != geteuid())
		owner = 1;
	git_error_clear();
	if (!owner) {
		git_buf_dispose(&found);
		return CARVE_ENOTFOUND;
	}
	ret = error_code(CARVE_EINVALID,
			 "detected dubious ownership in repository at '%s' "
			 "(owned by uid %ld, not by you): carve follows "
			 "git's safe.directory rule; to trust it, run "
			 "git config --global --add safe.directory '%s'",
			 path, (long)st.st_uid, path);
	git_buf_dispose(&found);
	return ret;
}

int filelist_collect(struct filelist *list, const char *path, unsigned flags)
{
	git_repository *repo = NULL;
	char abs[PATH_MAX];
	int ret;

	if ((ret = check_dir(abs, path)))
		return ret;
	if (!(flags & FILELIST_NO_GIT) &&
	    !(ret = filelist_repo_open(&repo, abs, 0))) {
		ret = collect_git(list, repo, abs, flags);
		git_repository_free(repo);
	} else if ((flags & FILELIST_NO_GIT) || ret == CARVE_ENOTFOUND) {
		ret = collect_walk(list, abs);
	}
	if (!ret && list->nr)
		qsort(list->entries, list->nr, sizeof(*list->entries),
		      cmp_entry);
	return ret;
}

void filelist_release(struct filelist *list)
{
	if (!list)
		return;
	free(list->entries);
	free(list->root);
	free(list->prefix);
	free(list->branch);
	free(list->gitdir);
	arena_release(&list->arena);
	strbuf_release(&list->attributes);
	memset(list, 0, sizeof(*list));
}

int filelist_root(struct strbuf *out, const char *path)
{
	git_repository *repo = NULL;
	const char *workdir;
	char abs[PATH_MAX];
	int ret;

	strbuf_reset(out);
	if ((ret = check_dir(abs, path)))
		return ret;
	if ((ret = filelist_repo_open(&repo, abs, 0))) {
		if (ret != CARVE_ENOTFOUND)
			return ret;
		strbuf_addstr(out, abs);
		return 0;
	}
	workdir = git_repository_workdir(repo);
	strbuf_addstr(out, workdir ? workdir : abs);
	while (out->len > 1 && out->buf[out->len - 1] == '/')
		strbuf_setlen(out, out->len - 1);
	git_repository_free(repo);
	return 0;
}
