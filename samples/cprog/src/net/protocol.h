/*
 * Line protocol spoken by the server and by the interactive mode:
 *
 *   GET key | PUT key value... | DEL key | COUNT | COMPACT | PING | QUIT
 *
 * Replies are one line: "+OK", "+<value>", ":<number>", or "-ERR <reason>".
 */
#ifndef KV_NET_PROTOCOL_H
#define KV_NET_PROTOCOL_H

#include <stddef.h>

#include <kv/kv.h>

#define PROTO_MAX_KEY 256
#define PROTO_MAX_VALUE 4096

typedef enum proto_cmd {
    CMD_GET,
    CMD_PUT,
    CMD_DEL,
    CMD_COUNT,
    CMD_COMPACT,
    CMD_PING,
    CMD_QUIT,
    CMD_BAD
} proto_cmd;

typedef struct proto_request {
    proto_cmd cmd;
    char key[PROTO_MAX_KEY];
    char value[PROTO_MAX_VALUE];
    const char *error; /* set when cmd == CMD_BAD */
} proto_request;

/* Parse one line (without or with its newline).  Returns 0 on success. */
int proto_parse(const char *line, proto_request *req);

/* Run req against kv and write the reply line, newline included. */
void proto_execute(kv_store *kv, const proto_request *req, char *out, size_t outlen);

#endif
