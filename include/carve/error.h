/*
 * Diagnostics and exit codes. error() and warning() print to stderr and
 * return so callers can write `return error(...)`; die() exits with 128.
 */
#ifndef CARVE_ERROR_H
#define CARVE_ERROR_H

#include <stdarg.h>

/* Exit status of every command (DESIGN.md conventions). */
enum {
	EXIT_OK = 0,
	EXIT_FINDINGS = 1,
	EXIT_FATAL = 128,
	EXIT_USAGE = 129,
};

/* Named error codes returned (negated) by fallible functions. */
enum {
	CARVE_ERR = -1,       /* generic failure, already reported */
	CARVE_ENOTFOUND = -2, /* a path or object does not exist */
	CARVE_EINVALID = -3,  /* input is malformed */
	CARVE_ETOOBIG = -4,   /* input is over a documented limit */
	CARVE_EIO = -5,       /* reading or writing failed */
};

#define CARVE_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* Prints "error: ..." to stderr and returns CARVE_ERR. */
int error(const char *fmt, ...) CARVE_PRINTF(1, 2);
/* Like error() but for an error code: prints and returns `code`. */
int error_code(int code, const char *fmt, ...) CARVE_PRINTF(2, 3);
/* Prints "warning: ..." to stderr unless warnings are muted. */
void warning(const char *fmt, ...) CARVE_PRINTF(1, 2);
/* Prints "fatal: ..." and exits with EXIT_FATAL. */
void die(const char *fmt, ...) CARVE_PRINTF(1, 2) __attribute__((noreturn));
/* Prints "fatal: ...: <strerror(errno)>" and exits with EXIT_FATAL. */
void die_errno(const char *fmt, ...) CARVE_PRINTF(1, 2)
	__attribute__((noreturn));
/* Reports a broken invariant (a carve bug) and aborts. */
void bug_fl(const char *file, int line, const char *fmt, ...)
	CARVE_PRINTF(3, 4) __attribute__((noreturn));
#define BUG(...) bug_fl(__FILE__, __LINE__, __VA_ARGS__)

/* Number of warnings printed so far (thread-safe). */
unsigned warning_count(void);
/*
 * While sb is set (NULL stops), each warning's text is also appended
 * to it as a line. Not for use while other threads may warn.
 */
struct strbuf;
void warning_record(struct strbuf *sb);
/* With quiet set, warning() only counts; errors are still printed. */
void warning_set_quiet(int quiet);
/* Whether warnings are quiet (-q). */
int warning_is_quiet(void);

#endif
