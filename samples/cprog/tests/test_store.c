/* Tests of the public kv API, in memory and with a log file. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <kv/kv.h>

#include "check.h"

static int count_pairs(const char *key, const char *value, void *arg)
{
    (void)key;
    (void)value;
    (*(int *)arg)++;
    return 0;
}

static void test_memory(void)
{
    kv_store *kv;
    const char *v;
    char key[32];
    int seen = 0;

    CHECK(kv_open(NULL, &kv) == KV_OK);
    CHECK(kv_put(kv, "colour", "blue") == KV_OK);
    CHECK(kv_put(kv, "colour", "green") == KV_OK);
    CHECK(kv_get(kv, "colour", &v) == KV_OK);
    CHECK_STR(v, "green");
    CHECK(kv_get(kv, "size", &v) == KV_NOT_FOUND);
    CHECK(kv_put(kv, "", "x") == KV_INVALID);
    for (int i = 0; i < 1000; i++) {
        snprintf(key, sizeof key, "k%d", i);
        kv_put(kv, key, key);
    }
    CHECK(kv_count(kv) == 1001);
    CHECK(kv_get(kv, "k777", &v) == KV_OK);
    CHECK_STR(v, "k777");
    kv_foreach(kv, count_pairs, &seen);
    CHECK(seen == 1001);
    CHECK(kv_del(kv, "k777") == KV_OK);
    CHECK(kv_del(kv, "k777") == KV_NOT_FOUND);
    kv_close(kv);
}

static void test_log(void)
{
    char path[] = "/tmp/kvtestXXXXXX";
    int fd = mkstemp(path);
    kv_store *kv;
    const char *v;

    CHECK(fd >= 0);
    close(fd);
    CHECK(kv_open(path, &kv) == KV_OK);
    kv_put(kv, "a", "1");
    kv_put(kv, "b", "2");
    kv_put(kv, "a", "3");
    kv_del(kv, "b");
    kv_close(kv);

    CHECK(kv_open(path, &kv) == KV_OK);
    CHECK(kv_count(kv) == 1);
    CHECK(kv_get(kv, "a", &v) == KV_OK);
    CHECK_STR(v, "3");
    CHECK(kv_compact(kv) == KV_OK);
    kv_put(kv, "c", "4");
    kv_close(kv);

    CHECK(kv_open(path, &kv) == KV_OK);
    CHECK(kv_count(kv) == 2);
    kv_close(kv);
    remove(path);
}

int main(void)
{
    test_memory();
    test_log();
    return CHECK_DONE();
}
