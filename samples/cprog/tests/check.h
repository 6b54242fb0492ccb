/* Minimal assertion macros for the tests (TAP output). */
#ifndef KV_TESTS_CHECK_H
#define KV_TESTS_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_count, check_failed;

#define CHECK(cond)                                                              \
    do {                                                                         \
        check_count++;                                                           \
        if (cond) {                                                              \
            printf("ok %d - %s\n", check_count, #cond);                          \
        } else {                                                                 \
            check_failed++;                                                      \
            printf("not ok %d - %s (%s:%d)\n", check_count, #cond, __FILE__,     \
                   __LINE__);                                                    \
        }                                                                        \
    } while (0)

#define CHECK_STR(a, b) CHECK(strcmp((a), (b)) == 0)

#define CHECK_DONE()                                                             \
    (printf("1..%d\n", check_count), check_failed ? 1 : 0)

#endif
