/*
 * Output files written atomically: data goes to a temporary file beside
 * the target, renamed over it only by outfile_commit(), so a failed or
 * interrupted run leaves the old file (or none) in place. "-" is stdout.
 */
#ifndef CARVE_OUTFILE_H
#define CARVE_OUTFILE_H

#include <stddef.h>
#include <stdio.h>

struct outfile {
	FILE *fp;   /* write here */
	char *path; /* target, NULL for stdout */
	char *tmp;  /* temporary file, NULL for stdout */
	FILE *raw; /* under outfile_text(): the stream fp filters into */
};

#define OUTFILE_INIT { NULL, NULL, NULL }

/*
 * Opens path ("-" or NULL: stdout); reports and returns <0 on failure.
 * A device or FIFO (-o /dev/null) is written in place, not replaced; a
 * symlink's target file is replaced, not the link.
 */
int outfile_open(struct outfile *out, const char *path);
/*
 * A file carve chose itself (a cache, carve.json at the root), not one
 * the user named: an existing symlink, device or FIFO there is refused
 * (reported, <0), never followed; temporary files of this target left
 * by a killed run (older than ten minutes) are removed first.
 */
int outfile_open_private(struct outfile *out, const char *path);
/*
 * Of the files in dir named by 40 hex digits and then suffix (a cache's
 * entries), keeps `keep` in all, the newest by modification time and
 * current (the one just written, which may tie with others written in
 * the same second) always among them, and removes the rest.
 */
void outfile_prune(const char *dir, const char *suffix, const char *current,
		   size_t keep);
/*
 * Text for people: from now on, control characters written to out->fp
 * (but newline and tab: a file name's escape sequence or carriage
 * return) reach the file or terminal as U+FFFD. Call after opening.
 */
void outfile_text(struct outfile *out);
/*
 * Flushes, checks for write errors (a full disk), and renames the
 * temporary file into place. On failure the target is untouched.
 */
int outfile_commit(struct outfile *out);
/*
 * Standard output's reader went away (EPIPE): ends the process quietly,
 * killed by SIGPIPE as `carve ... | head` expects of a filter (status
 * 141 in the shell), even when SIGPIPE was ignored; exit 128 when it is
 * blocked.
 */
void outfile_broken_pipe(void) __attribute__((noreturn));
/* Discards an uncommitted output; NULL-safe and idempotent. */
void outfile_abort(struct outfile *out);

/*
 * Creates `dir` and its missing parents (mode 0777 before the umask), as
 * mkdir -p. Returns 0, or -1 with errno set.
 */
int outfile_mkdirs(const char *dir);

#endif
