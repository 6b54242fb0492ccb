/* Append-only log of changes, replayed at start-up. */
#include "wal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <minicrc.h>

#include "store_internal.h"
#include "util/log.h"
#include "util/mem.h"

#define WAL_MAX_FIELD (16u << 20) /* refuse absurd lengths from a bad file */

struct wal {
    char *path;
    FILE *fp;
};

static void put_u32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint32_t record_crc(const char *key, size_t klen, const char *value, size_t vlen)
{
    return minicrc32(minicrc32(0, key, klen), value, vlen);
}

wal_t *wal_open(const char *path, kv_status *st)
{
    wal_t *w = xcalloc(1, sizeof *w);

    w->path = xstrdup(path);
    w->fp = fopen(path, "a+b");
    if (!w->fp) {
        kv_log(KV_LOG_ERROR, "wal: cannot open %s", path);
        free(w->path);
        free(w);
        *st = KV_IO_ERROR;
        return NULL;
    }
    *st = KV_OK;
    return w;
}

void wal_close(wal_t *w)
{
    if (w->fp)
        fclose(w->fp);
    free(w->path);
    free(w);
}

static kv_status write_record(FILE *fp, char op, const char *key, const char *value)
{
    size_t klen = strlen(key), vlen = strlen(value);
    unsigned char head[13];

    head[0] = (unsigned char)op;
    put_u32(head + 1, (uint32_t)klen);
    put_u32(head + 5, (uint32_t)vlen);
    put_u32(head + 9, record_crc(key, klen, value, vlen));
    if (fwrite(head, 1, sizeof head, fp) != sizeof head
        || fwrite(key, 1, klen, fp) != klen
        || fwrite(value, 1, vlen, fp) != vlen)
        return KV_IO_ERROR;
    return KV_OK;
}

kv_status wal_append(wal_t *w, char op, const char *key, const char *value)
{
    kv_status st = write_record(w->fp, op, key, value);

    if (st == KV_OK && fflush(w->fp) != 0)
        st = KV_IO_ERROR;
    return st;
}

kv_status wal_replay(wal_t *w, struct kv_store *kv)
{
    unsigned char head[13];
    size_t records = 0;

    rewind(w->fp);
    while (fread(head, 1, sizeof head, w->fp) == sizeof head) {
        uint32_t klen = get_u32(head + 1), vlen = get_u32(head + 5);
        char *key, *value;

        if (klen == 0 || klen > WAL_MAX_FIELD || vlen > WAL_MAX_FIELD)
            return KV_CORRUPT;
        key = xmalloc(klen + 1);
        value = xmalloc(vlen + 1);
        if (fread(key, 1, klen, w->fp) != klen || fread(value, 1, vlen, w->fp) != vlen) {
            kv_log(KV_LOG_WARN, "wal: torn record at the end of %s ignored", w->path);
            free(key);
            free(value);
            break;
        }
        key[klen] = value[vlen] = '\0';
        if (record_crc(key, klen, value, vlen) != get_u32(head + 9)) {
            free(key);
            free(value);
            return KV_CORRUPT;
        }
        store_apply(kv, (char)head[0], key, head[0] == WAL_OP_DEL ? NULL : value);
        free(key);
        free(value);
        records++;
    }
    fseek(w->fp, 0, SEEK_END);
    kv_log(KV_LOG_DEBUG, "wal: replayed %zu records", records);
    return KV_OK;
}

struct rewrite_ctx {
    FILE *fp;
    kv_status st;
};

static int rewrite_one(const char *key, const char *value, void *arg)
{
    struct rewrite_ctx *ctx = arg;

    ctx->st = write_record(ctx->fp, WAL_OP_PUT, key, value);
    return ctx->st != KV_OK;
}

kv_status wal_rewrite(wal_t *w, const struct kv_store *kv)
{
    size_t len = strlen(w->path);
    char *tmp = xmalloc(len + 5);
    struct rewrite_ctx ctx = { NULL, KV_OK };

    memcpy(tmp, w->path, len);
    memcpy(tmp + len, ".tmp", 5);
    ctx.fp = fopen(tmp, "wb");
    if (!ctx.fp) {
        free(tmp);
        return KV_IO_ERROR;
    }
    kv_foreach(kv, rewrite_one, &ctx);
    if (fclose(ctx.fp) != 0 && ctx.st == KV_OK)
        ctx.st = KV_IO_ERROR;
    if (ctx.st == KV_OK && rename(tmp, w->path) != 0)
        ctx.st = KV_IO_ERROR;
    if (ctx.st != KV_OK) {
        remove(tmp);
    } else {
        fclose(w->fp);
        w->fp = fopen(w->path, "a+b");
        if (!w->fp)
            ctx.st = KV_IO_ERROR;
    }
    free(tmp);
    return ctx.st;
}
