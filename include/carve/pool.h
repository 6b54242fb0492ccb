/*
 * Parallel loops over an index range with POSIX threads. Workers take
 * items in chunks from a shared atomic counter, so uneven item costs
 * (a 10 MB file next to a 1 KB one) balance out.
 */
#ifndef CARVE_POOL_H
#define CARVE_POOL_H

#include <stddef.h>

/*
 * Called once per item; `worker` is 0..threads-1 so callers can keep
 * per-worker state (a buffer, a repository handle) without locks.
 */
typedef void (*pool_fn)(void *ctx, size_t item, int worker);

/*
 * Runs fn over items 0..nr-1 on `threads` threads (1 runs inline) and
 * returns when all are done. Items are not processed in order.
 */
void pool_for(size_t nr, int threads, pool_fn fn, void *ctx);

/* Online CPUs, at least 1: the default for -j. */
int pool_default_threads(void);

#endif
