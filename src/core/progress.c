/*
 * Progress lines: one writer at a time (trylock), so ticking never blocks
 * a worker; the counter itself is atomic.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "carve/error.h"
#include "carve/progress.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

static enum progress_mode mode = PROGRESS_AUTO;

struct progress {
	const char *title, *unit;
	size_t total, done;
	double start, last_draw;
	pthread_mutex_t draw;
};

void progress_set_mode(enum progress_mode m)
{
	mode = m;
}

int progress_parse_mode(enum progress_mode *out, const char *arg)
{
	if (!strcmp(arg, "auto"))
		*out = PROGRESS_AUTO;
	else if (!strcmp(arg, "never"))
		*out = PROGRESS_NEVER;
	else if (!strcmp(arg, "always"))
		*out = PROGRESS_ALWAYS;
	else
		return CARVE_EINVALID;
	return 0;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct progress *progress_start(const char *title, const char *unit,
				size_t total)
{
	struct progress *p;

	if (mode == PROGRESS_NEVER || (mode == PROGRESS_AUTO && !isatty(2)))
		return NULL;
	p = xcalloc(1, sizeof(*p));
	p->title = title;
	p->unit = unit;
	p->total = total;
	p->start = p->last_draw = now();
	pthread_mutex_init(&p->draw, NULL);
	return p;
}

static void draw(struct progress *p, size_t done, int final)
{
	struct strbuf sb = STRBUF_INIT;
	double elapsed = now() - p->start;

	strbuf_addf(&sb, "\r%s: ", p->title);
	strbuf_add_thousands(&sb, done);
	if (p->total) {
		strbuf_addch(&sb, '/');
		strbuf_add_thousands(&sb, p->total);
	}
	strbuf_addf(&sb, " %s", p->unit);
	if (p->total)
		strbuf_addf(&sb, " (%.0f%%)", 100.0 * (double)done /
			    (double)p->total);
	if (elapsed > 0)
		strbuf_addf(&sb, ", %.0f/s", (double)done / elapsed);
	strbuf_addf(&sb, ", %.1fs%s", elapsed, final ? ", done.\n" : "");
	fputs(sb.buf, stderr);
	fflush(stderr);
	strbuf_release(&sb);
}

void progress_add(struct progress *p, size_t n)
{
	size_t done;
	double t;

	if (!p)
		return;
	done = __atomic_add_fetch(&p->done, n, __ATOMIC_RELAXED);
	if (pthread_mutex_trylock(&p->draw))
		return;
	t = now();
	if (t - p->last_draw >= 0.1) {
		p->last_draw = t;
		draw(p, done, 0);
	}
	pthread_mutex_unlock(&p->draw);
}

void progress_stop(struct progress *p)
{
	if (!p)
		return;
	draw(p, __atomic_load_n(&p->done, __ATOMIC_RELAXED), 1);
	pthread_mutex_destroy(&p->draw);
	free(p);
}
