/*
 * The first-extraction ranking. Each criterion is a count where less is
 * better (the share of its references that cross the seam, file edges
 * in the seam, contexts that depend on it); its score is 1 - count / the
 * largest count among the ranked contexts, so the best context scores 1
 * and the worst 0. Fragments under RANK_MIN_SHARE of the code are not
 * ranked.
 * Change frequency needs history; without it, the criterion is left out
 * and the mean is taken over the others.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "carve/rank.h"
#include "carve/seams.h"
#include "carve/xmalloc.h"

/*
 * Code without logic: under one branch point per RANK_DATA_LINES lines
 * over at least that many lines (a 10,000-line table of airport codes
 * in Python). It moves as data, not as a service to extract first.
 */
static int data_only(const struct seams *s, const struct seams_context *x)
{
	unsigned long branches = 0;

	if (x->code < RANK_DATA_LINES)
		return 0;
	for (size_t j = 0; j < x->files_nr; j++)
		branches += s->scan->files[x->files[j]].counts.complexity;
	return branches * RANK_DATA_LINES < x->code;
}

/*
 * Developer tooling and set-up: most of its code under a top-level folder
 * of scripts (bin/, scripts/, tools/, hack/) or of configuration written
 * as code (Rails' config/: application.rb, initializers), or at the
 * root (setup.py, webpack.config.js, .eslintrc.js). The team runs
 * it or the framework loads it; nobody extracts it as a service.
 */
static int tooling(const struct seams *s, const struct seams_context *x)
{
	static const char *const dirs[] = { "bin", "script", "scripts",
					    "tools", "tool", "hack",
					    "devtools", "dev-tools", "config",
					    NULL };
	unsigned long under = 0;

	for (size_t j = 0; j < x->files_nr; j++) {
		const struct scan_file *f = &s->scan->files[x->files[j]];
		const char *slash = strchr(f->path, '/');

		if (!slash) /* the root's: setup.py, webpack.config.js */
			under += f->counts.code;
		for (int i = 0; slash && dirs[i]; i++)
			if ((size_t)(slash - f->path) == strlen(dirs[i]) &&
			    !strncasecmp(f->path, dirs[i], strlen(dirs[i]))) {
				under += f->counts.code;
				break;
			}
	}
	return x->code && 10 * under >= 7 * x->code;
}

/*
 * Contexts without a single dependency (docs, scripts) are not ranked,
 * nor are contexts of tests or migrations: they have few dependents and
 * small seams, and would top the ranking, but they move with the code
 * they test and the data they shape. Nor are data and tooling. Whether
 * a context may be ranked, whatever its size, is decided once per context
 * (data_only() and tooling() walk its files): rankable[i].
 */
static unsigned char *rankable_contexts(const struct seams *s)
{
	unsigned char *rankable = xcalloc(s->nr ? s->nr : 1, 1);

	for (size_t i = 0; i < s->nr; i++) {
		const struct seams_context *x = &s->contexts[i];

		rankable[i] = !x->kernel && !x->unlinked &&
			      x->role == ROLE_CODE &&
			      x->internal + x->refs_out + x->refs_in > 0 &&
			      !data_only(s, x) && !tooling(s, x);
	}
	return rankable;
}

static int ranked(const struct seams *s, const unsigned char *rankable,
		  size_t i, unsigned long min_code)
{
	return rankable[i] && s->contexts[i].code >= min_code;
}

/*
 * The least code a context needs to be ranked: RANK_MIN_SHARE of the
 * code of the code contexts. A fragment of three files (a folder of
 * template tags, a data table) is not a service to extract first, however
 * little it touches.
 */
static unsigned long min_code(const struct seams *s,
			      const unsigned char *rankable)
{
	unsigned long total = 0;

	for (size_t i = 0; i < s->nr; i++)
		if (ranked(s, rankable, i, 0))
			total += s->contexts[i].code;
	return (unsigned long)(RANK_MIN_SHARE * (double)total);
}

static double count_of(const struct seams_context *x, int c, int history)
{
	switch (c) {
	case CRIT_CHANGE:
		return history ? (double)x->changes : -1;
	case CRIT_COUPLING: {
		/* the share of its references that cross the seam: a
		 * small context is not least coupled for being small */
		double all = (double)(x->internal + x->refs_out + x->refs_in);

		return all > 0 ? (double)(x->refs_out + x->refs_in) / all : 0;
	}
	case CRIT_BOUNDARY:
		return (double)(x->edges_out + x->edges_in);
	case CRIT_DEPENDENTS:
		return (double)x->fan_in;
	default:
		return -1;
	}
}

/* Change frequency: more is better, so the score is count / largest. */
static int more_is_better(int c)
{
	return c == CRIT_CHANGE;
}

static int cmp_rank(const void *a, const void *b, void *ctx)
{
	const struct seams *s = ctx;
	const struct seams_context *x = &s->contexts[*(const size_t *)a];
	const struct seams_context *y = &s->contexts[*(const size_t *)b];

	if (x->rank_score != y->rank_score)
		return x->rank_score < y->rank_score ? 1 : -1;
	return strcmp(x->name, y->name);
}

void rank_contexts(struct seams *s)
{
	double max[CRIT_NR] = { 0 };
	int history = s->options.history != NULL;
	unsigned char *rankable = rankable_contexts(s);
	unsigned long least = min_code(s, rankable);

	s->rank_min_code = least;
	for (size_t i = 0; i < s->nr; i++)
		for (int c = 0; c < CRIT_NR; c++)
			if (ranked(s, rankable, i, least) &&
			    count_of(&s->contexts[i], c, history) > max[c])
				max[c] = count_of(&s->contexts[i], c, history);
	s->ranking = xmalloc((s->nr ? s->nr : 1) * sizeof(*s->ranking));
	s->ranking_nr = 0;
	for (size_t i = 0; i < s->nr; i++) {
		struct seams_context *x = &s->contexts[i];
		double sum = 0;
		int n = 0;

		for (int c = 0; c < CRIT_NR; c++) {
			double v = count_of(x, c, history);

			if (v < 0 || !ranked(s, rankable, i, least)) {
				x->score[c] = -1;
				continue;
			}
			if (more_is_better(c))
				x->score[c] = max[c] > 0 ? v / max[c] : 0;
			else
				x->score[c] = max[c] > 0 ? 1 - v / max[c] : 1;
			sum += x->score[c];
			n++;
		}
		x->rank_score = n ? sum / n : 0;
		x->rank = 0;
		if (ranked(s, rankable, i, least))
			s->ranking[s->ranking_nr++] = i;
	}
	free(rankable);
	if (s->ranking_nr)
		qsort_r(s->ranking, s->ranking_nr, sizeof(*s->ranking),
			cmp_rank, s);
	for (size_t r = 0; r < s->ranking_nr; r++)
		s->contexts[s->ranking[r]].rank = r + 1;
}
