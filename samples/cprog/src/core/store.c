/* Hash table behind the public kv_* API. */
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "../util/str.h"
#include "util/log.h"

#ifdef KV_TRACE
#include "../util/trace.h"
#else
#define TRACE(...) ((void)0)
#endif

const char *kv_strstatus(kv_status st)
{
    switch (st) {
    case KV_OK:        return "ok";
    case KV_NOT_FOUND: return "not found";
    case KV_NO_MEMORY: return "out of memory";
    case KV_IO_ERROR:  return "I/O error";
    case KV_CORRUPT:   return "corrupt log";
    case KV_INVALID:   return "invalid argument";
    }
    return "unknown status";
}

static struct kv_entry **find_slot(const kv_store *kv, const char *key, unsigned hash)
{
    struct kv_entry **slot = &kv->buckets[hash & (kv->nbuckets - 1)];

    while (*slot && ((*slot)->hash != hash || strcmp((*slot)->key, key) != 0))
        slot = &(*slot)->next;
    return slot;
}

static void grow(kv_store *kv)
{
    size_t n = kv->nbuckets * 2;
    struct kv_entry **buckets = xcalloc(n, sizeof *buckets);

    for (size_t i = 0; i < kv->nbuckets; i++) {
        struct kv_entry *e = kv->buckets[i], *next;
        for (; e; e = next) {
            next = e->next;
            e->next = buckets[e->hash & (n - 1)];
            buckets[e->hash & (n - 1)] = e;
        }
    }
    free(kv->buckets);
    kv->buckets = buckets;
    kv->nbuckets = n;
    TRACE("store grew to %zu buckets", n);
}

kv_status store_apply(kv_store *kv, char op, const char *key, const char *value)
{
    unsigned hash = str_hash(key);
    struct kv_entry **slot = find_slot(kv, key, hash);
    struct kv_entry *e = *slot;

    if (op == WAL_OP_DEL) {
        if (!e)
            return KV_NOT_FOUND;
        *slot = e->next;
        free(e->key);
        free(e->value);
        free(e);
        kv->count--;
        return KV_OK;
    }
    if (op != WAL_OP_PUT || !value)
        return KV_INVALID;
    if (e) {
        free(e->value);
        e->value = xstrdup(value);
        return KV_OK;
    }
    e = xmalloc(sizeof *e);
    e->key = xstrdup(key);
    e->value = xstrdup(value);
    e->hash = hash;
    e->next = NULL;
    *slot = e;
    if (++kv->count > kv->nbuckets * STORE_MAX_LOAD)
        grow(kv);
    return KV_OK;
}

kv_status kv_open(const char *wal_path, kv_store **out)
{
    kv_store *kv = xcalloc(1, sizeof *kv);
    kv_status st = KV_OK;

    kv->nbuckets = STORE_MIN_BUCKETS;
    kv->buckets = xcalloc(kv->nbuckets, sizeof *kv->buckets);
    if (wal_path) {
        kv->wal = wal_open(wal_path, &st);
        if (st == KV_OK)
            st = wal_replay(kv->wal, kv);
        if (st != KV_OK) {
            kv_log(KV_LOG_ERROR, "cannot open %s: %s", wal_path, kv_strstatus(st));
            kv_close(kv);
            return st;
        }
        kv_log(KV_LOG_DEBUG, "opened %s with %zu keys", wal_path, kv->count);
    }
    *out = kv;
    return KV_OK;
}

void kv_close(kv_store *kv)
{
    if (!kv)
        return;
    for (size_t i = 0; i < kv->nbuckets; i++) {
        struct kv_entry *e = kv->buckets[i], *next;
        for (; e; e = next) {
            next = e->next;
            free(e->key);
            free(e->value);
            free(e);
        }
    }
    if (kv->wal)
        wal_close(kv->wal);
    free(kv->buckets);
    free(kv);
}

kv_status kv_put(kv_store *kv, const char *key, const char *value)
{
    kv_status st;

    if (!key || !*key || !value)
        return KV_INVALID;
    if (kv->wal && (st = wal_append(kv->wal, WAL_OP_PUT, key, value)) != KV_OK)
        return st;
    TRACE("put %s", key);
    return store_apply(kv, WAL_OP_PUT, key, value);
}

kv_status kv_get(const kv_store *kv, const char *key, const char **value)
{
    struct kv_entry *e;

    if (!key)
        return KV_INVALID;
    e = *find_slot(kv, key, str_hash(key));
    if (!e)
        return KV_NOT_FOUND;
    *value = e->value;
    return KV_OK;
}

kv_status kv_del(kv_store *kv, const char *key)
{
    const char *old;
    kv_status st;

    if (kv_get(kv, key, &old) != KV_OK)
        return KV_NOT_FOUND;
    if (kv->wal && (st = wal_append(kv->wal, WAL_OP_DEL, key, "")) != KV_OK)
        return st;
    TRACE("del %s", key);
    return store_apply(kv, WAL_OP_DEL, key, NULL);
}

size_t kv_count(const kv_store *kv)
{
    return kv->count;
}

int kv_foreach(const kv_store *kv, kv_visit_fn fn, void *arg)
{
    for (size_t i = 0; i < kv->nbuckets; i++)
        for (const struct kv_entry *e = kv->buckets[i]; e; e = e->next) {
            int stop = fn(e->key, e->value, arg);
            if (stop)
                return stop;
        }
    return 0;
}

kv_status kv_compact(kv_store *kv)
{
    if (!kv->wal)
        return KV_OK;
    return wal_rewrite(kv->wal, kv);
}
