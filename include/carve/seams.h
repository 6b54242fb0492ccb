/*
 * A proposal of bounded contexts (candidate services): the files of
 * each, its metrics, its seam (the dependencies that cross into and out
 * of it, grouped by the other context), the cycles between contexts with
 * their lightest cuts, whole-proposal metrics, and the first-extraction
 * ranking. seams_propose() builds it from a scan; a struct seams owns
 * everything it points to except the scan's strings, which it borrows.
 */
#ifndef CARVE_SEAMS_H
#define CARVE_SEAMS_H

#include <stddef.h>

#include "carve/model_seams.h"
#include "carve/seams_graph.h"

struct scan;

/*
 * With runs 0, as many runs (1 to 8) as fit this many link visits: 8 up
 * to 250,000 links, 1 from 2,000,000 (the 10 s budget of 1M edges).
 */
#define SEAMS_RUN_LINKS 2e6
#define SEAMS_DEFAULT_MIN_SIZE 3
/* Default largest share of the code in one context (max_share). */
#define SEAMS_MAX_SHARE 0.25
/* Share of a split's link weight between its parts past which the
 * context is one piece and is kept whole. */
#define SEAMS_ONE_PIECE 0.85
/* How much of the way from the largest folder alone to one folder a
 * piece a split's pieces may follow the folders before the split is the
 * context's layers, not its domains, and the context is kept whole. */
#define SEAMS_LAYERED_SPLIT 0.6
/* Fewest files of a context split for its share of the code. */
#define SEAMS_SPLIT_FILES 10

/* Fills the defaults of every option. */
void seams_options_init(struct seams_options *o);

/*
 * Proposes contexts for `scan`'s counted files. Declared contexts are
 * read from o->config; one that matches no file, or a file matched by
 * two, is an error naming them. Returns 0 and sets *out (the caller's:
 * seams_free), or <0 after reporting.
 */
int seams_propose(struct seams **out, const struct scan *scan,
		  const struct seams_options *o);

/* Index of the context named `name`, or -1. */
long seams_find(const struct seams *s, const char *name);

#endif
