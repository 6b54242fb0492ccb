/*
 * Naming carve seams' contexts (seams_names.c): each context gets a
 * unique name from its folders and its domain terms.
 */
#ifndef CARVE_SEAMS_NAMES_H
#define CARVE_SEAMS_NAMES_H

struct seams;

/*
 * Share of a context's code files its most distinctive term must lead
 * for the term to name a context whose folder names a layer
 * (app/models:status).
 */
#define SEAMS_NAME_TERM_SHARE 0.1

/*
 * The share for a context whose folder other contexts would be named
 * for too (src/main/java/com/shop, the main folder of every slice).
 */
#define SEAMS_NAME_SHARED_SHARE 0.5

/*
 * Names every context of s that has no name yet (declared contexts keep
 * theirs), uniquely, puts the contexts in their final order (the kernel
 * first, then by code) and fills s->context_of for that order.
 */
void seams_name_contexts(struct seams *s);

#endif
