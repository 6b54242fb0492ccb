/*
 * pool_for: a counter shared by the workers hands out items in order.
 */
#include <pthread.h>
#include <unistd.h>

#include "carve/error.h"
#include "carve/pool.h"
#include "carve/xmalloc.h"

struct pool_run {
	size_t nr;
	size_t next; /* atomic */
	pool_fn fn;
	void *ctx;
};

struct pool_worker {
	struct pool_run *run;
	int id;
	pthread_t thread;
};

static void *work(void *arg)
{
	struct pool_worker *w = arg;
	struct pool_run *run = w->run;

	for (;;) {
		size_t i = __atomic_fetch_add(&run->next, 1, __ATOMIC_RELAXED);

		if (i >= run->nr)
			break;
		run->fn(run->ctx, i, w->id);
	}
	return NULL;
}

void pool_for(size_t nr, int threads, pool_fn fn, void *ctx)
{
	struct pool_run run = { nr, 0, fn, ctx };
	struct pool_worker *workers;

	if (threads < 1)
		threads = 1;
	if ((size_t)threads > nr)
		threads = nr ? (int)nr : 1;
	workers = xcalloc((size_t)threads, sizeof(*workers));
	for (int i = 0; i < threads; i++) {
		workers[i].run = &run;
		workers[i].id = i;
	}
	for (int i = 1; i < threads; i++)
		if (pthread_create(&workers[i].thread, NULL, work, &workers[i]))
			die("cannot start worker thread %d", i);
	work(&workers[0]);
	for (int i = 1; i < threads; i++)
		pthread_join(workers[i].thread, NULL);
	free(workers);
}

int pool_default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}
