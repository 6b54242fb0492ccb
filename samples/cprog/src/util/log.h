/* Leveled logging to stderr. */
#ifndef KV_UTIL_LOG_H
#define KV_UTIL_LOG_H

enum kv_log_level {
    KV_LOG_DEBUG,
    KV_LOG_INFO,
    KV_LOG_WARN,
    KV_LOG_ERROR
};

void kv_log_set_level(enum kv_log_level level);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void kv_log(enum kv_log_level level, const char *fmt, ...);

#endif
