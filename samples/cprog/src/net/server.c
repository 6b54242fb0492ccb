#include "server.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "protocol.h"
#include "util/log.h"

int server_serve_stream(kv_store *kv, FILE *in, FILE *out)
{
    char line[PROTO_MAX_KEY + PROTO_MAX_VALUE + 16];
    char reply[PROTO_MAX_VALUE + 16];
    proto_request req;
    int served = 0;

    while (fgets(line, sizeof line, in)) {
        proto_parse(line, &req);
        proto_execute(kv, &req, reply, sizeof reply);
        fputs(reply, out);
        fflush(out);
        served++;
        if (req.cmd == CMD_QUIT)
            break;
    }
    return served;
}

static int listen_on(unsigned short port)
{
    struct sockaddr_in addr;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;

    if (fd < 0)
        return -1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, 16) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int server_run(kv_store *kv, unsigned short port, int max_clients)
{
    int fd = listen_on(port);
    int clients = 0;

    if (fd < 0) {
        kv_log(KV_LOG_ERROR, "cannot listen on port %u: %s", port, strerror(errno));
        return 1;
    }
#ifdef __linux__
    prctl(PR_SET_NAME, "kv-server", 0, 0, 0);
#endif
    kv_log(KV_LOG_INFO, "listening on 127.0.0.1:%u", port);
    while (max_clients <= 0 || clients < max_clients) {
        int cfd = accept(fd, NULL, NULL);
        FILE *in, *out;
        int dfd;

        if (cfd < 0) {
            if (errno == EINTR)
                continue;
            kv_log(KV_LOG_ERROR, "accept: %s", strerror(errno));
            close(fd);
            return 1;
        }
        dfd = dup(cfd);
        in = fdopen(cfd, "r");
        out = dfd < 0 ? NULL : fdopen(dfd, "w");
        if (!in || !out) {
            kv_log(KV_LOG_WARN, "cannot set up streams, dropping client");
            if (in)
                fclose(in);
            else
                close(cfd);
            if (out)
                fclose(out);
            else if (dfd >= 0)
                close(dfd);
            continue;
        }
        kv_log(KV_LOG_DEBUG, "client served %d requests", server_serve_stream(kv, in, out));
        fclose(in);
        fclose(out);
        clients++;
    }
    close(fd);
    return 0;
}
