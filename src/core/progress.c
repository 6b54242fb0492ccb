/*
 * Progress lines: one writer at a time (trylock), so ticking never blocks
 * a worker; the counter itself is atomic. A line appears once its work
 * has taken a second (at once with --progress always), so quick steps
 * print nothing. Steps that count nothing (seams, an estimate) get a
 * line with the time spent, drawn by a timer thread while no counting
 * line is up.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "carve/error.h"
#include "carve/progress.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

#define PROGRESS_DELAY 1.0 /* seconds of work before a line appears */

static enum progress_mode mode = PROGRESS_AUTO;

/* The line on the terminal, shared by every progress. */
static pthread_mutex_t line_lock = PTHREAD_MUTEX_INITIALIZER;
static size_t line_len; /* characters of the unfinished line, 0: none */
static int counting; /* counting lines shown and not stopped */
static struct progress_step *current_step;

struct progress {
	const char *title, *unit;
	size_t total, done;
	double start, last_draw;
	int shown;
	pthread_mutex_t draw;
};

struct progress_step {
	const char *title;
	double start;
	int stop, shown;
	int paused; /* a step inside this one is running */
	struct progress_step *parent;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
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

/* Seconds of work before a line appears: CARVE_PROGRESS_DELAY (tests). */
static double delay(void)
{
	static double d = -1;
	const char *env;
	char *end;

	if (d >= 0)
		return d;
	d = PROGRESS_DELAY;
	if ((env = getenv("CARVE_PROGRESS_DELAY")) && *env) {
		double v = strtod(env, &end);

		if (!*end && v >= 0 && v <= 3600)
			d = v;
	}
	return d;
}

static int shown(void)
{
	return mode != PROGRESS_NEVER && (mode == PROGRESS_ALWAYS || isatty(2));
}

/* Replaces the unfinished line with text, ended with a newline if final. */
static void emit(const char *text, int final)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = strlen(text);

	pthread_mutex_lock(&line_lock);
	strbuf_addch(&sb, '\r');
	strbuf_addstr(&sb, text);
	for (size_t i = len; i < line_len; i++)
		strbuf_addch(&sb, ' ');
	if (final)
		strbuf_addch(&sb, '\n');
	line_len = final ? 0 : len;
	fputs(sb.buf, stderr);
	fflush(stderr);
	pthread_mutex_unlock(&line_lock);
	strbuf_release(&sb);
}

struct progress *progress_start(const char *title, const char *unit,
				size_t total)
{
	struct progress *p;

	if (!shown())
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

	if (!p->shown) {
		__atomic_add_fetch(&counting, 1, __ATOMIC_RELAXED);
		p->shown = 1;
	}
	strbuf_addf(&sb, "%s: ", p->title);
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
	strbuf_addf(&sb, ", %.1fs%s", elapsed, final ? ", done." : "");
	emit(sb.buf, final);
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
	if (t - p->last_draw >= 0.1 &&
	    (mode == PROGRESS_ALWAYS || t - p->start >= delay())) {
		p->last_draw = t;
		draw(p, done, 0);
	}
	pthread_mutex_unlock(&p->draw);
}

void progress_stop(struct progress *p)
{
	if (!p)
		return;
	/* a quick one says nothing, unless asked to always */
	if (p->shown || mode == PROGRESS_ALWAYS || now() - p->start >= delay())
		draw(p, __atomic_load_n(&p->done, __ATOMIC_RELAXED), 1);
	if (p->shown)
		__atomic_sub_fetch(&counting, 1, __ATOMIC_RELAXED);
	pthread_mutex_destroy(&p->draw);
	free(p);
}

static void *step_timer(void *arg)
{
	struct progress_step *s = arg;
	struct timespec until;
	double next = s->start + delay();

	pthread_mutex_lock(&s->lock);
	while (!s->stop) {
		double t = now();

		if (t >= next) {
			if (!__atomic_load_n(&counting, __ATOMIC_RELAXED) &&
			    !__atomic_load_n(&s->paused, __ATOMIC_RELAXED)) {
				char text[128];

				snprintf(text, sizeof(text), "%s: %.0fs",
					 s->title, t - s->start);
				emit(text, 0);
				s->shown = 1;
			}
			next = t + 1.0;
			continue;
		}
		/* the condition's clock is CLOCK_REALTIME */
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += (time_t)(next - t);
		until.tv_nsec +=
			(long)((next - t - (double)(time_t)(next - t)) * 1e9);
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&s->wake, &s->lock, &until);
	}
	pthread_mutex_unlock(&s->lock);
	return NULL;
}

struct progress_step *progress_step_start(const char *title)
{
	struct progress_step *s;

	if (!shown())
		return NULL;
	delay(); /* read before the timer thread does */
	s = xcalloc(1, sizeof(*s));
	s->title = title;
	s->parent = current_step;
	s->start = now();
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->wake, NULL);
	if (pthread_create(&s->thread, NULL, step_timer, s)) {
		pthread_mutex_destroy(&s->lock);
		pthread_cond_destroy(&s->wake);
		free(s);
		return NULL;
	}
	if (s->parent)
		__atomic_store_n(&s->parent->paused, 1, __ATOMIC_RELAXED);
	current_step = s;
	return s;
}

void progress_step_stop(struct progress_step *s)
{
	if (!s)
		return;
	pthread_mutex_lock(&s->lock);
	s->stop = 1;
	pthread_cond_signal(&s->wake);
	pthread_mutex_unlock(&s->lock);
	pthread_join(s->thread, NULL);
	/* over the delay, but the timer had no turn yet: say so now */
	if (s->shown || now() - s->start >= delay()) {
		char text[128];

		snprintf(text, sizeof(text), "%s: %.1fs, done.", s->title,
			 now() - s->start);
		emit(text, 1);
	}
	current_step = s->parent;
	if (s->parent)
		__atomic_store_n(&s->parent->paused, 0, __ATOMIC_RELAXED);
	pthread_mutex_destroy(&s->lock);
	pthread_cond_destroy(&s->wake);
	free(s);
}
