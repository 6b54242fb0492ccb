/*
 * Atomic output. Temporary files are registered so that SIGINT/SIGTERM
 * removes them before the process dies.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

int outfile_open(struct outfile *out, const char *path)
{
	struct strbuf tmp = STRBUF_INIT;
	const char *slash;
	mode_t mask;
	int fd;

	out->fp = NULL;
	out->path = out->tmp = NULL;
	if (!path || !strcmp(path, "-")) {
		out->fp = stdout;
		return 0;
	}
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

int outfile_commit(struct outfile *out)
{
	int err = 0;
	const char *name = out->path ? out->path : "standard output";

	if (!out->fp)
		return 0;
	if (fflush(out->fp) || ferror(out->fp))
		err = errno ? errno : EIO;
	if (out->fp == stdout) {
		out->fp = NULL;
		if (err && err != EPIPE)
			return error("cannot write %s: %s", name, strerror(err));
		return err ? CARVE_EIO : 0;
	}
	if (fclose(out->fp) && !err)
		err = errno ? errno : EIO;
	out->fp = NULL;
	if (!err && rename(out->tmp, out->path))
		err = errno;
	if (err) {
		error("cannot write '%s': %s", name, strerror(err));
		outfile_abort(out); /* frees name */
		return CARVE_EIO;
	}
	untrack(out->tmp);
	free(out->tmp);
	free(out->path);
	out->tmp = out->path = NULL;
	return 0;
}

void outfile_abort(struct outfile *out)
{
	if (!out)
		return;
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
