/*
 * kv: a small in-memory key-value store with an optional write-ahead log.
 *
 * Keys and values are NUL-terminated strings.  Every change is appended to
 * the log before it is applied, and the log is replayed by kv_open().
 */
#ifndef KV_KV_H
#define KV_KV_H

#include <stddef.h>

#include <kv/status.h>

typedef struct kv_store kv_store;

/* Called for each pair by kv_foreach(); return non-zero to stop. */
typedef int (*kv_visit_fn)(const char *key, const char *value, void *arg);

/* Open a store.  With wal_path NULL the store lives in memory only. */
kv_status kv_open(const char *wal_path, kv_store **out);
void kv_close(kv_store *kv);

kv_status kv_put(kv_store *kv, const char *key, const char *value);
/* *value points into the store and stays valid until the key changes. */
kv_status kv_get(const kv_store *kv, const char *key, const char **value);
kv_status kv_del(kv_store *kv, const char *key);

size_t kv_count(const kv_store *kv);
/* Visit pairs in no particular order; returns the callback's stop value. */
int kv_foreach(const kv_store *kv, kv_visit_fn fn, void *arg);

/* Rewrite the log so that it holds one record per live key. */
kv_status kv_compact(kv_store *kv);

#endif /* KV_KV_H */
