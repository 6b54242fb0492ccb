/* Private layout of kv_store, shared by store.c and wal.c only. */
#ifndef KV_CORE_STORE_INTERNAL_H
#define KV_CORE_STORE_INTERNAL_H

#include <stddef.h>

#include <kv/kv.h>

#include "wal.h"

#define STORE_MIN_BUCKETS 16
#define STORE_MAX_LOAD 2 /* entries per bucket before the table grows */

struct kv_entry {
    char *key;
    char *value;
    unsigned hash;
    struct kv_entry *next;
};

struct kv_store {
    struct kv_entry **buckets;
    size_t nbuckets;
    size_t count;
    wal_t *wal; /* NULL for a memory-only store */
};

/* Apply one change without logging it (used by the log replay). */
kv_status store_apply(kv_store *kv, char op, const char *key, const char *value);

#endif
