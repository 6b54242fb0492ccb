/*
 * Rename detection for --follow-renames, bounded: exact moves (equal
 * blobs) first, then pairs of a deleted and an added file of the same
 * commit with at least half their lines in common (git's default
 * similarity), best pairs first. Only files whose line counts are within
 * a factor of two are compared, and a commit with more than
 * RENAME_MAX_CANDIDATES deleted or added files gets exact moves only,
 * as git gives up beyond its rename limit.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/historylog.h"
#include "carve/xmalloc.h"

#define MIN_SIMILARITY 50

struct candidate {
	size_t gone, born; /* indexes into the gone and born lists */
	int score;
	uint32_t added, deleted;
};

static int by_score(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->gone != y->gone)
		return x->gone < y->gone ? -1 : 1;
	return x->born < y->born ? -1 : x->born > y->born;
}

static void pair(struct hlog *log, size_t gone, size_t born, uint32_t added,
		 uint32_t deleted)
{
	struct hlog_change *g = &log->changes[gone];
	struct hlog_change *b = &log->changes[born];

	g->flags |= HLOG_RENAMED;
	b->from = g->path;
	b->rename_added = added;
	b->rename_deleted = deleted;
}

void rename_detect(struct hlog *log, struct numstat *ns,
		   const struct rename_side *gone, size_t gone_nr,
		   const struct rename_side *born, size_t born_nr)
{
	char *gone_used = xcalloc(gone_nr + 1, 1);
	char *born_used = xcalloc(born_nr + 1, 1);
	struct candidate *cand = NULL;
	size_t cand_nr = 0, cand_alloc = 0;

	for (size_t b = 0; b < born_nr; b++)
		for (size_t g = 0; g < gone_nr; g++)
			if (!gone_used[g] &&
			    !memcmp(gone[g].id, born[b].id, 20)) {
				pair(log, gone[g].change, born[b].change, 0, 0);
				gone_used[g] = born_used[b] = 1;
				break;
			}
	if (gone_nr > RENAME_MAX_CANDIDATES || born_nr > RENAME_MAX_CANDIDATES)
		goto done;
	for (size_t g = 0; g < gone_nr; g++) {
		uint32_t lg = log->changes[gone[g].change].deleted;

		for (size_t b = 0; !gone_used[g] && b < born_nr; b++) {
			uint32_t lb = log->changes[born[b].change].added;
			uint32_t big = lg > lb ? lg : lb,
				 small = lg > lb ? lb : lg;
			uint32_t added, deleted;
			unsigned flags;
			struct candidate *c;
			int score;

			if (born_used[b] || !big || 2 * small < big)
				continue;
			numstat_count(ns, gone[g].id, 0100644, born[b].id,
				      0100644, &added, &deleted, &flags);
			if (flags)
				continue;
			score = (int)(100ULL *
				      (lg >= deleted ? lg - deleted : 0) / big);
			if (score < MIN_SIMILARITY)
				continue;
			ALLOC_GROW(cand, cand_nr + 1, cand_alloc);
			c = &cand[cand_nr++];
			c->gone = g;
			c->born = b;
			c->score = score;
			c->added = added;
			c->deleted = deleted;
		}
	}
	if (cand_nr)
		qsort(cand, cand_nr, sizeof(*cand), by_score);
	for (size_t i = 0; i < cand_nr; i++) {
		struct candidate *c = &cand[i];

		if (gone_used[c->gone] || born_used[c->born])
			continue;
		pair(log, gone[c->gone].change, born[c->born].change, c->added,
		     c->deleted);
		gone_used[c->gone] = born_used[c->born] = 1;
	}
done:
	free(cand);
	free(gone_used);
	free(born_used);
}
