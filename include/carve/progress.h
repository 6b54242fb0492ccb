/*
 * Progress on stderr for long work: "scan: 1,234/5,678 files (22%),
 * 810/s, 1.5s". Shown only when stderr is a terminal and not muted, and
 * redrawn at most ten times a second; safe to tick from worker threads.
 */
#ifndef CARVE_PROGRESS_H
#define CARVE_PROGRESS_H

#include <stddef.h>

enum progress_mode {
	PROGRESS_AUTO, /* when stderr is a terminal */
	PROGRESS_NEVER,
	PROGRESS_ALWAYS,
};

/* Set once from the command line (--progress, -q). */
void progress_set_mode(enum progress_mode mode);
/* Parses "auto", "never" or "always"; returns 0 or CARVE_EINVALID. */
int progress_parse_mode(enum progress_mode *out, const char *arg);

struct progress;

/* Starts a progress line for `total` units (0 when unknown); may be NULL. */
struct progress *progress_start(const char *title, const char *unit,
				size_t total);
/* Adds `n` done units; NULL-safe and thread-safe. */
void progress_add(struct progress *p, size_t n);
/* Prints the final line (when shown) and frees p; NULL-safe. */
void progress_stop(struct progress *p);

#endif
