/*
 * Output files written atomically: data goes to a temporary file beside
 * the target, renamed over it only by outfile_commit(), so a failed or
 * interrupted run leaves the old file (or none) in place. "-" is stdout.
 */
#ifndef CARVE_OUTFILE_H
#define CARVE_OUTFILE_H

#include <stdio.h>

struct outfile {
	FILE *fp;   /* write here */
	char *path; /* target, NULL for stdout */
	char *tmp;  /* temporary file, NULL for stdout */
};

#define OUTFILE_INIT { NULL, NULL, NULL }

/* Opens path ("-" or NULL: stdout); reports and returns <0 on failure. */
int outfile_open(struct outfile *out, const char *path);
/*
 * Flushes, checks for write errors (a full disk), and renames the
 * temporary file into place. On failure the target is untouched.
 */
int outfile_commit(struct outfile *out);
/* Discards an uncommitted output; NULL-safe and idempotent. */
void outfile_abort(struct outfile *out);

/*
 * Creates `dir` and its missing parents (mode 0777 before the umask), as
 * mkdir -p. Returns 0, or -1 with errno set.
 */
int outfile_mkdirs(const char *dir);

#endif
