#include "protocol.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../util/str.h"

static const struct {
    const char *name;
    proto_cmd cmd;
    size_t args;
} commands[] = {
    { "GET", CMD_GET, 1 },
    { "PUT", CMD_PUT, 2 },
    { "DEL", CMD_DEL, 1 },
    { "COUNT", CMD_COUNT, 0 },
    { "COMPACT", CMD_COMPACT, 0 },
    { "PING", CMD_PING, 0 },
    { "QUIT", CMD_QUIT, 0 },
};

static int bad(proto_request *req, const char *why)
{
    req->cmd = CMD_BAD;
    req->error = why;
    return -1;
}

int proto_parse(const char *line, proto_request *req)
{
    char buf[PROTO_MAX_KEY + PROTO_MAX_VALUE + 16];
    char *fields[3];
    size_t n;

    memset(req, 0, sizeof *req);
    if (!str_copy(buf, line, sizeof buf))
        return bad(req, "line too long");
    n = str_split(str_trim(buf), fields, 3);
    if (n == 0)
        return bad(req, "empty command");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcasecmp(fields[0], commands[i].name) != 0)
            continue;
        if (n - 1 != commands[i].args)
            return bad(req, "wrong number of arguments");
        req->cmd = commands[i].cmd;
        if (n > 1 && !str_copy(req->key, fields[1], sizeof req->key))
            return bad(req, "key too long");
        if (n > 2 && !str_copy(req->value, str_trim(fields[2]), sizeof req->value))
            return bad(req, "value too long");
        return 0;
    }
    return bad(req, "unknown command");
}

void proto_execute(kv_store *kv, const proto_request *req, char *out, size_t outlen)
{
    const char *value;
    kv_status st;

    switch (req->cmd) {
    case CMD_GET:
        st = kv_get(kv, req->key, &value);
        if (st == KV_OK)
            snprintf(out, outlen, "+%s\n", value);
        else
            snprintf(out, outlen, "-ERR %s\n", kv_strstatus(st));
        return;
    case CMD_PUT:
        st = kv_put(kv, req->key, req->value);
        break;
    case CMD_DEL:
        st = kv_del(kv, req->key);
        break;
    case CMD_COMPACT:
        st = kv_compact(kv);
        break;
    case CMD_COUNT:
        snprintf(out, outlen, ":%zu\n", kv_count(kv));
        return;
    case CMD_PING:
        snprintf(out, outlen, "+PONG\n");
        return;
    case CMD_QUIT:
        snprintf(out, outlen, "+BYE\n");
        return;
    case CMD_BAD:
    default:
        snprintf(out, outlen, "-ERR %s\n", req->error ? req->error : "bad request");
        return;
    }
    if (st == KV_OK)
        snprintf(out, outlen, "+OK\n");
    else
        snprintf(out, outlen, "-ERR %s\n", kv_strstatus(st));
}
