/*
 * The list of files a scan considers: inside a git work tree the index
 * (plus untracked, not ignored files on request), read through libgit2;
 * elsewhere a directory walk. Symbolic links are listed, never followed;
 * submodules are listed, never entered.
 */
#ifndef CARVE_FILELIST_H
#define CARVE_FILELIST_H

#include <stdint.h>

#include "carve/arena.h"
#include "carve/strbuf.h"

enum entry_kind {
	ENTRY_FILE,
	ENTRY_SYMLINK,
	ENTRY_SUBMODULE,
	ENTRY_SPECIAL, /* FIFO, socket or device: listed, never opened */
};

struct filelist_entry {
	const char *path; /* relative to the work tree root, '/'-separated */
	enum entry_kind kind;
	int untracked;
	/* from the git index: valid while the file's stat data matches */
	int has_index;
	unsigned char oid[20];
	uint64_t index_size;
	int64_t index_mtime_sec;
	uint32_t index_mtime_nsec;
	/* as git compares: an edit that puts the mtime back changes these */
	int64_t index_ctime_sec;
	uint32_t index_ctime_nsec;
	uint32_t index_ino;
	/* outside a sparse checkout's cone: read from the object store */
	int skip_worktree;
};

struct filelist {
	char *root;   /* absolute work tree (or directory) root */
	char *prefix; /* the scanned sub-directory below root, "" for all */
	int is_git;
	char head[41];   /* HEAD commit id, "" when unborn or not git */
	char *branch;    /* short branch name, NULL when detached/not git */
	char *gitdir;    /* the repository's git directory, NULL outside git */
	struct filelist_entry *entries; /* sorted by path (byte order) */
	size_t nr, alloc;
	struct arena arena; /* paths */
	/*
	 * the index's .gitattributes entries, of every stage and in the
	 * index's order, whatever the prefix: each its path, a NUL and its
	 * 20-byte blob id; attributes_read says the index was read
	 */
	struct strbuf attributes;
	int attributes_read;
};

#define FILELIST_INIT { 0 }

enum {
	FILELIST_UNTRACKED = 1 << 0, /* add untracked, not ignored files */
	FILELIST_NO_GIT = 1 << 1,    /* walk the directory even inside git */
};

/*
 * Lists the files below `path` (a directory). Returns 0, or a negative
 * code after reporting: CARVE_ENOTFOUND for a missing path,
 * CARVE_EINVALID for a bare repository or a path that is not a directory.
 */
int filelist_collect(struct filelist *out, const char *path, unsigned flags);
void filelist_release(struct filelist *list);

struct strbuf;
/*
 * Sets `out` to the root of the work tree holding `path`, or to `path`
 * itself outside git (where carve.json is looked for). Returns 0 or <0.
 */
int filelist_root(struct strbuf *out, const char *path);

struct git_repository;
/*
 * git_repository_open_ext(out, path, flags) with git's safe.directory
 * rule made an error: 0 when opened, CARVE_ENOTFOUND when path is in no
 * repository, CARVE_EINVALID after an error naming the cause when the
 * repository is owned by another user (libgit2's GIT_EOWNER), as git
 * refuses it.
 */
int filelist_repo_open(struct git_repository **out, const char *path,
		       unsigned flags);

#endif
