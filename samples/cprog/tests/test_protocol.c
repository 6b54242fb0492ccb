/* Tests of the line protocol parser and executor. */
#include <kv/kv.h>

#include "../src/net/protocol.h"
#include "check.h"

static void test_parse(void)
{
    proto_request req;

    CHECK(proto_parse("GET name\n", &req) == 0);
    CHECK(req.cmd == CMD_GET);
    CHECK_STR(req.key, "name");
    CHECK(proto_parse("put greeting hello world\n", &req) == 0);
    CHECK(req.cmd == CMD_PUT);
    CHECK_STR(req.value, "hello world");
    CHECK(proto_parse("GET\n", &req) != 0);
    CHECK(req.cmd == CMD_BAD);
    CHECK(proto_parse("FLY away\n", &req) != 0);
    CHECK(proto_parse("   \n", &req) != 0);
}

static void test_execute(void)
{
    kv_store *kv;
    proto_request req;
    char out[128];

    kv_open(NULL, &kv);
    proto_parse("PUT x 42", &req);
    proto_execute(kv, &req, out, sizeof out);
    CHECK_STR(out, "+OK\n");
    proto_parse("GET x", &req);
    proto_execute(kv, &req, out, sizeof out);
    CHECK_STR(out, "+42\n");
    proto_parse("COUNT", &req);
    proto_execute(kv, &req, out, sizeof out);
    CHECK_STR(out, ":1\n");
    proto_parse("DEL y", &req);
    proto_execute(kv, &req, out, sizeof out);
    CHECK_STR(out, "-ERR not found\n");
    kv_close(kv);
}

int main(void)
{
    test_parse();
    test_execute();
    return CHECK_DONE();
}
