/*
 * The first-extraction ranking of a proposal, by the criteria of the
 * strangler-fig method: least coupled, most frequently changed (with
 * history), clearest boundary (smallest seam), fewest dependents. Each
 * criterion is scored 0 to 1 against the other contexts and kept, so the
 * ranking explains itself.
 */
#ifndef CARVE_RANK_H
#define CARVE_RANK_H

struct seams;

/* Share of the code contexts' code a context needs to be ranked. */
#define RANK_MIN_SHARE 0.01
/* Code lines per branch point past which a context is data, not logic. */
#define RANK_DATA_LINES 1000
/*
 * Scores and orders every context but the shared kernel, the unlinked
 * files and contexts without any dependency (documentation, scripts)
 * into s->ranking; sets each context's score and rank.
 */
void rank_contexts(struct seams *s);

#endif
