/*
 * Progress on stderr for long work: "scan: 1,234/5,678 files (22%),
 * 810/s, 1.5s". Shown only when stderr is a terminal and not muted (-q),
 * once the work has taken a second (at once with --progress always),
 * and redrawn at most ten times a second; safe to tick from worker
 * threads. A step that counts nothing shows "seams: 3s" after a second.
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

struct progress_step;

/*
 * Starts a step line, drawn from a second on by a timer thread while no
 * counting line and no step started inside it is up; NULL when not
 * shown. Steps nest: stop the inner one first.
 */
struct progress_step *progress_step_start(const char *title);
/* Ends the line ("seams: 2.4s, done.") if it was drawn; NULL-safe. */
void progress_step_stop(struct progress_step *s);

#endif
