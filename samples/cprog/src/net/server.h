/* Serving the line protocol over TCP or over a pair of streams. */
#ifndef KV_NET_SERVER_H
#define KV_NET_SERVER_H

#include <stdio.h>

#include <kv/kv.h>

/* Answer requests read from in until QUIT or end of input. */
int server_serve_stream(kv_store *kv, FILE *in, FILE *out);

/* Listen on 127.0.0.1:port and serve clients one after another.
 * Returns only on error (non-zero) or after max_clients clients (> 0). */
int server_run(kv_store *kv, unsigned short port, int max_clients);

#endif
