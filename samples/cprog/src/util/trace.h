/* Debug tracing, compiled in only with -DKV_TRACE. */
#ifndef KV_UTIL_TRACE_H
#define KV_UTIL_TRACE_H

#include "log.h"

#define TRACE(...) kv_log(KV_LOG_DEBUG, __VA_ARGS__)

#endif
