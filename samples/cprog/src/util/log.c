#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

static enum kv_log_level threshold = KV_LOG_INFO;

static const char *const names[] = { "debug", "info", "warn", "error" };

void kv_log_set_level(enum kv_log_level level)
{
    threshold = level;
}

void kv_log(enum kv_log_level level, const char *fmt, ...)
{
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    va_list ap;

    if (level < threshold)
        return;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    fprintf(stderr, "%s kv %s: ", stamp, names[level]);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}
