/*
 * Diagnostics on stderr, one line each, serialised across worker threads
 * so that lines from different threads never interleave.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/error.h"
#include "carve/strbuf.h"
#include "carve/utf8.h"

static pthread_mutex_t report_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned warnings;
static int quiet_warnings;
static struct strbuf *recording;

/*
 * Messages name files of the repository: a name's newline or terminal
 * escape must neither forge a line nor drive the terminal, so control
 * characters and invalid UTF-8 are replaced before printing.
 */
static void report(const char *prefix, const char *fmt, va_list ap,
		   const char *suffix)
{
	char line[4096], *clean;

	vsnprintf(line, sizeof(line), fmt, ap);
	clean = utf8_sanitize_text(line);
	pthread_mutex_lock(&report_lock);
	fputs(prefix, stderr);
	fputs(clean, stderr);
	if (suffix) {
		fputs(": ", stderr);
		fputs(suffix, stderr);
	}
	fputc('\n', stderr);
	pthread_mutex_unlock(&report_lock);
	free(clean);
}

int error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report("error: ", fmt, ap, NULL);
	va_end(ap);
	return CARVE_ERR;
}

int error_code(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report("error: ", fmt, ap, NULL);
	va_end(ap);
	return code;
}

void warning(const char *fmt, ...)
{
	va_list ap;

	__atomic_add_fetch(&warnings, 1, __ATOMIC_RELAXED);
	if (recording) {
		char line[1024];

		va_start(ap, fmt);
		vsnprintf(line, sizeof(line), fmt, ap);
		va_end(ap);
		strbuf_addstr(recording, line);
		strbuf_addch(recording, '\n');
	}
	if (quiet_warnings)
		return;
	va_start(ap, fmt);
	report("warning: ", fmt, ap, NULL);
	va_end(ap);
}

void warning_record(struct strbuf *sb)
{
	recording = sb;
}

unsigned warning_count(void)
{
	return __atomic_load_n(&warnings, __ATOMIC_RELAXED);
}

int warning_is_quiet(void)
{
	return quiet_warnings;
}

void warning_set_quiet(int quiet)
{
	quiet_warnings = quiet;
}

void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report("fatal: ", fmt, ap, NULL);
	va_end(ap);
	exit(EXIT_FATAL);
}

void die_errno(const char *fmt, ...)
{
	va_list ap;
	const char *msg = strerror(errno);

	va_start(ap, fmt);
	report("fatal: ", fmt, ap, msg);
	va_end(ap);
	exit(EXIT_FATAL);
}

void bug_fl(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "BUG: %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}
