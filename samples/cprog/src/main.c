/*
 * kvtool: command-line front end of the kv store.
 *
 *   kvtool [-f FILE] [-v] get KEY
 *   kvtool [-f FILE] [-v] put KEY VALUE
 *   kvtool [-f FILE] [-v] del KEY
 *   kvtool [-f FILE] [-v] list | compact
 *   kvtool [-f FILE] [-v] repl            (line protocol on stdin/stdout)
 *   kvtool [-f FILE] [-v] serve [PORT]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <kv/kv.h>
#include <kv/version.h>

#include "net/server.h"
#include "util/log.h"

#define DEFAULT_FILE "kv.wal"
#define DEFAULT_PORT 7411

static void usage(FILE *fp)
{
    fprintf(fp,
            "usage: kvtool [-f FILE] [-v] COMMAND [ARGS]\n"
            "commands: get KEY | put KEY VALUE | del KEY | list | compact | repl | serve [PORT]\n");
}

static int print_pair(const char *key, const char *value, void *arg)
{
    FILE *out = arg;

    fprintf(out, "%s\t%s\n", key, value);
    return 0;
}

static int report(kv_status st, const char *what)
{
    if (st == KV_OK)
        return 0;
    fprintf(stderr, "kvtool: %s: %s\n", what, kv_strstatus(st));
    return st == KV_NOT_FOUND ? 1 : 2;
}

static int run(kv_store *kv, int argc, char **argv)
{
    const char *cmd = argv[0];
    const char *value;

    if (strcmp(cmd, "get") == 0 && argc == 2) {
        int rc = report(kv_get(kv, argv[1], &value), argv[1]);
        if (rc == 0)
            puts(value);
        return rc;
    }
    if (strcmp(cmd, "put") == 0 && argc == 3)
        return report(kv_put(kv, argv[1], argv[2]), argv[1]);
    if (strcmp(cmd, "del") == 0 && argc == 2)
        return report(kv_del(kv, argv[1]), argv[1]);
    if (strcmp(cmd, "list") == 0 && argc == 1) {
        kv_foreach(kv, print_pair, stdout);
        return 0;
    }
    if (strcmp(cmd, "compact") == 0 && argc == 1)
        return report(kv_compact(kv), "compact");
    if (strcmp(cmd, "repl") == 0 && argc == 1) {
        server_serve_stream(kv, stdin, stdout);
        return 0;
    }
    if (strcmp(cmd, "serve") == 0 && argc <= 2) {
        long port = argc == 2 ? strtol(argv[1], NULL, 10) : DEFAULT_PORT;
        if (port <= 0 || port > 65535) {
            fprintf(stderr, "kvtool: bad port %s\n", argv[1]);
            return 2;
        }
        return server_run(kv, (unsigned short)port, 0);
    }
    usage(stderr);
    return 2;
}

int main(int argc, char **argv)
{
    const char *file = DEFAULT_FILE;
    kv_store *kv;
    int opt, rc;

    if (argc == 2 && strcmp(argv[1], "--version") == 0) {
        printf("kvtool %s\n", KV_VERSION_STRING);
        return 0;
    }
    while ((opt = getopt(argc, argv, "f:vh")) != -1) {
        switch (opt) {
        case 'f':
            file = optarg;
            break;
        case 'v':
            kv_log_set_level(KV_LOG_DEBUG);
            break;
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (optind >= argc) {
        usage(stderr);
        return 2;
    }
    if (kv_open(strcmp(file, "-") == 0 ? NULL : file, &kv) != KV_OK)
        return 2;
    rc = run(kv, argc - optind, argv + optind);
    kv_close(kv);
    return rc;
}
