/*
 * Write-ahead log.  Each record is
 *
 *   op (1 byte: 'P' put, 'D' delete) | key length (u32) | value length (u32)
 *   | CRC-32 of key and value (u32) | key bytes | value bytes
 *
 * with integers in little-endian order.
 */
#ifndef KV_CORE_WAL_H
#define KV_CORE_WAL_H

#include <kv/status.h>

struct kv_store;

typedef struct wal wal_t;

#define WAL_OP_PUT 'P'
#define WAL_OP_DEL 'D'

wal_t *wal_open(const char *path, kv_status *st);
void wal_close(wal_t *w);
kv_status wal_append(wal_t *w, char op, const char *key, const char *value);
/* Apply every record to kv through store_apply(); stops at a torn tail. */
kv_status wal_replay(wal_t *w, struct kv_store *kv);
/* Replace the log with one put record per live key. */
kv_status wal_rewrite(wal_t *w, const struct kv_store *kv);

#endif
