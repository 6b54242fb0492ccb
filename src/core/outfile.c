/*
 * Atomic output. Temporary files are registered so that SIGINT/SIGTERM
 * removes them before the process dies.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "carve/error.h"
#include "carve/outfile.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

#define MAX_PENDING 16
static char *volatile pending[MAX_PENDING];

static void remove_pending(int sig)
{
	for (int i = 0; i < MAX_PENDING; i++)
		if (pending[i])
			unlink(pending[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void track(char *tmp)
{
	static int handlers;

	if (!handlers) {
		signal(SIGINT, remove_pending);
		signal(SIGTERM, remove_pending);
		signal(SIGHUP, remove_pending);
		handlers = 1;
	}
	for (int i = 0; i < MAX_PENDING; i++)
		if (!pending[i]) {
			pending[i] = tmp;
			return;
		}
}

static void untrack(const char *tmp)
{
	for (int i = 0; i < MAX_PENDING; i++)
		if (pending[i] == tmp)
			pending[i] = NULL;
}

/*
 * A target that is no regular file (a device such as /dev/null or
 * /dev/full, a FIFO) is written in place: a temporary file renamed over
 * it would replace the device node. Returns 1 when opened so, -1 after
 * reporting, 0 for a regular or new file; a symlink to a regular file
 * sets *real to the file, so that the rename keeps the link.
 */
static int open_special(struct outfile *out, const char *path, char **real)
{
	struct stat st;
	int fd;

	*real = NULL;
	if (stat(path, &st) < 0)
		return 0; /* new (or a dangling link): made by the rename */
	if (S_ISDIR(st.st_mode)) {
		error("cannot write '%s': Is a directory", path);
		return -1;
	}
	if (S_ISREG(st.st_mode)) {
		struct stat lst;

		if (!lstat(path, &lst) && S_ISLNK(lst.st_mode))
			*real = realpath(path, NULL);
		return 0;
	}
	fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0 || !(out->fp = fdopen(fd, "w"))) {
		error("cannot write '%s': %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	out->path = xstrdup(path);
	return 1;
}

/* The temporary file beside path that outfile_commit() renames. */
static int open_temporary(struct outfile *out, const char *path)
{
	struct strbuf tmp = STRBUF_INIT;
	const char *slash;
	mode_t mask;
	int fd;

	slash = strrchr(path, '/');
	if (slash)
		strbuf_add(&tmp, path, (size_t)(slash - path + 1));
	strbuf_addf(&tmp, ".%s.carve-XXXXXX", slash ? slash + 1 : path);
	fd = mkstemp(tmp.buf);
	if (fd < 0) {
		int err = errno;

		strbuf_release(&tmp);
		return error("cannot write '%s': %s", path, strerror(err));
	}
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	out->fp = fdopen(fd, "w");
	if (!out->fp)
		die_errno("fdopen");
	out->tmp = strbuf_detach(&tmp, NULL);
	out->path = xstrdup(path);
	track(out->tmp);
	return 0;
}

/*
 * Temporary files of this target that a killed run (SIGKILL, a power
 * cut) left behind: ".NAME.carve-XXXXXX" beside it, regular, ours, and
 * untouched for STALE_SECONDS (a live run writes its file in seconds).
 */
#define STALE_SECONDS (10 * 60)

static void remove_stale(const char *path)
{
	const char *slash = strrchr(path, '/');
	struct strbuf dir = STRBUF_INIT, prefix = STRBUF_INIT;
	struct strbuf full = STRBUF_INIT;
	struct dirent *de;
	time_t now = time(NULL);
	DIR *d;

	strbuf_add(&dir, path, slash ? (size_t)(slash - path) : 0);
	if (!dir.len)
		strbuf_addstr(&dir, slash ? "/" : ".");
	strbuf_addf(&prefix, ".%s.carve-", slash ? slash + 1 : path);
	d = opendir(dir.buf);
	while (d && (de = readdir(d))) {
		struct stat st;

		if (strncmp(de->d_name, prefix.buf, prefix.len) ||
		    strlen(de->d_name + prefix.len) != 6)
			continue;
		strbuf_reset(&full);
		strbuf_addf(&full, "%s/%s", dir.buf, de->d_name);
		if (!lstat(full.buf, &st) && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid() && now - st.st_mtime > STALE_SECONDS)
			unlink(full.buf);
	}
	if (d)
		closedir(d);
	strbuf_release(&dir);
	strbuf_release(&prefix);
	strbuf_release(&full);
}

int outfile_open_private(struct outfile *out, const char *path)
{
	struct stat st;

	out->fp = NULL;
	out->path = out->tmp = NULL;
	out->raw = NULL;
	if (!lstat(path, &st) && !S_ISREG(st.st_mode))
		return error("refusing to write '%s': %s", path,
			     S_ISLNK(st.st_mode) ? "it is a symbolic link"
						 : "not a regular file");
	remove_stale(path);
	return open_temporary(out, path);
}

int outfile_open(struct outfile *out, const char *path)
{
	char *real;
	int ret;

	out->fp = NULL;
	out->path = out->tmp = NULL;
	out->raw = NULL;
	if (!path || !strcmp(path, "-")) {
		out->fp = stdout;
		return 0;
	}
	switch (open_special(out, path, &real)) {
	case 1:
		return 0;
	case -1:
		return CARVE_EIO;
	}
	if (real)
		path = real; /* a symlink's file is replaced, not the link */
	ret = open_temporary(out, path);
	free(real);
	return ret;
}

/* The filter of outfile_text(); `c2` holds a 0xc2 not yet written. */
struct text_filter {
	FILE *raw;
	int c2;
};

static ssize_t filter_write(void *cookie, const char *buf, size_t len)
{
	static const char bad[] = "\xef\xbf\xbd";
	struct text_filter *f = cookie;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)buf[i];

		if (f->c2) {
			f->c2 = 0;
			if (c >= 0x80 && c < 0xa0) { /* C1: U+0080..U+009F */
				fputs(bad, f->raw);
				continue;
			}
			putc(0xc2, f->raw);
		}
		if (c == 0xc2)
			f->c2 = 1;
		else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
			fputs(bad, f->raw);
		else
			putc(c, f->raw);
	}
	return ferror(f->raw) ? -1 : (ssize_t)len;
}

static int filter_close(void *cookie)
{
	struct text_filter *f = cookie;

	if (f->c2)
		putc(0xc2, f->raw);
	free(f);
	return 0;
}

void outfile_text(struct outfile *out)
{
	cookie_io_functions_t io = { NULL, filter_write, NULL, filter_close };
	struct text_filter *f;

	if (!out->fp || out->raw)
		return;
	f = xcalloc(1, sizeof(*f));
	f->raw = out->fp;
	out->raw = out->fp;
	out->fp = fopencookie(f, "w", io);
	if (!out->fp)
		die_errno("fopencookie");
}

/* Closes the filter of outfile_text(), leaving the stream it fed. */
static int close_filter(struct outfile *out)
{
	int err = 0;

	if (!out->raw)
		return 0;
	if (fclose(out->fp))
		err = errno ? errno : EIO;
	out->fp = out->raw;
	out->raw = NULL;
	return err;
}

int outfile_commit(struct outfile *out)
{
	int err = 0;
	const char *name = out->path ? out->path : "standard output";

	if (!out->fp)
		return 0;
	err = close_filter(out);
	if (fflush(out->fp) || ferror(out->fp))
		err = errno ? errno : EIO;
	if (out->fp == stdout) {
		out->fp = NULL;
		if (err == EPIPE)
			outfile_broken_pipe();
		if (err)
			return error("cannot write %s: %s", name, strerror(err));
		return 0;
	}
	if (fclose(out->fp) && !err)
		err = errno ? errno : EIO;
	out->fp = NULL;
	if (!err && out->tmp && rename(out->tmp, out->path))
		err = errno;
	if (err) {
		error("cannot write '%s': %s", name, strerror(err));
		outfile_abort(out); /* frees name */
		return CARVE_EIO;
	}
	if (out->tmp)
		untrack(out->tmp);
	free(out->tmp);
	free(out->path);
	out->tmp = out->path = NULL;
	return 0;
}

void outfile_broken_pipe(void)
{
	/* the reader went away (carve ... | head): die as filters do */
	fflush(stderr);
	signal(SIGPIPE, SIG_DFL);
	raise(SIGPIPE);
	exit(EXIT_FATAL); /* SIGPIPE blocked: quietly all the same */
}

void outfile_abort(struct outfile *out)
{
	if (!out)
		return;
	if (out->fp)
		close_filter(out);
	if (out->fp && out->fp != stdout)
		fclose(out->fp);
	out->fp = NULL;
	if (out->tmp) {
		unlink(out->tmp);
		untrack(out->tmp);
	}
	free(out->tmp);
	free(out->path);
	out->tmp = out->path = NULL;
}

int outfile_mkdirs(const char *dir)
{
	char *copy = xstrdup(dir);
	int ret = 0;

	for (char *p = copy + 1;; p++) {
		char c;

		if (*p && *p != '/')
			continue;
		c = *p;
		*p = '\0';
		if (mkdir(copy, 0777) < 0 && errno != EEXIST) {
			ret = -1;
			break;
		}
		if (!c)
			break;
		*p = c;
	}
	free(copy);
	return ret;
}

struct aged {
	char *path;
	struct timespec mtime;
};

static int newest_first(const void *x, const void *y)
{
	const struct aged *a = x, *b = y;

	if (a->mtime.tv_sec != b->mtime.tv_sec)
		return a->mtime.tv_sec > b->mtime.tv_sec ? -1 : 1;
	if (a->mtime.tv_nsec != b->mtime.tv_nsec)
		return a->mtime.tv_nsec > b->mtime.tv_nsec ? -1 : 1;
	return strcmp(a->path, b->path);
}

void outfile_prune(const char *dir, const char *suffix, const char *current,
		   size_t keep)
{
	size_t kept = 1, slen = strlen(suffix);

	DIR *d = opendir(dir);
	struct dirent *de;
	struct aged *files = NULL;
	size_t nr = 0, alloc = 0;

	if (!d)
		return;
	while ((de = readdir(d))) {
		struct strbuf p = STRBUF_INIT;
		struct stat st;

		if (strlen(de->d_name) != 40 + slen ||
		    strspn(de->d_name, "0123456789abcdef") != 40 ||
		    strcmp(de->d_name + 40, suffix))
			continue;
		strbuf_addf(&p, "%s/%s", dir, de->d_name);
		if (lstat(p.buf, &st) || !S_ISREG(st.st_mode)) {
			strbuf_release(&p);
			continue;
		}
		ALLOC_GROW(files, nr + 1, alloc);
		files[nr].path = strbuf_detach(&p, NULL);
		files[nr++].mtime = st.st_mtim;
	}
	closedir(d);
	if (nr)
		qsort(files, nr, sizeof(*files), newest_first);
	for (size_t i = 0; i < nr; i++) {
		if (strcmp(files[i].path, current)) {
			if (kept >= keep)
				unlink(files[i].path);
			else
				kept++;
		}
		free(files[i].path);
	}
	free(files);
}
