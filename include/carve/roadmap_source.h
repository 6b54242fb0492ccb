/*
 * Where carve roadmap's contexts and efforts come from: the contexts
 * declared in carve.json "plan.contexts" (no repository needed), or a
 * repository or model file: the contexts of carve seams, their
 * dependencies from its seam crossings, their ranking, and the effort
 * ranges and Monte Carlo trials of carve estimate. The source owns what
 * its roadmap_input points to.
 */
#ifndef CARVE_ROADMAP_SOURCE_H
#define CARVE_ROADMAP_SOURCE_H

#include <stddef.h>

#include "carve/plan.h"
#include "carve/plan_input.h"
#include "carve/roadmap.h"

struct config;
struct input_options;
struct model;
struct estimate;
struct seams;

struct roadmap_source {
	struct roadmap_input in;
	struct plan_input declared;
	struct seams *seams;
	struct estimate *estimate; /* built here, or NULL */
	const char *target; /* --target for the estimate built, or NULL */
	/* set before roadmap_source_open(): the estimate to schedule, of
	 * given_seams' contexts (borrowed), instead of building one */
	const struct estimate *given;
	const struct seams *given_seams;
	const struct estimate *used; /* this or the model's */
	const char *source;
	struct roadmap_context_in *contexts;
	struct roadmap_dep *deps;
	size_t *index; /* roadmap context -> estimate context */
};

#define ROADMAP_SOURCE_INIT \
	{                   \
		0           \
	}

/*
 * Fills src->in from plan.contexts when declared, else from the
 * repository or model named by io (scanned into m). Returns 0 or <0
 * after reporting.
 */
int roadmap_source_open(struct roadmap_source *src, struct model *m,
			const struct config *cfg, const struct plan *p,
			const struct input_options *io, size_t trials,
			unsigned long seed);
/*
 * Fills src->in from carve estimate's reading of a sizes file (see
 * carve-estimate(1)): its contexts, with no dependencies or ranking.
 */
int roadmap_source_sizes(struct roadmap_source *src, const char *path,
			 const struct config *cfg, size_t trials,
			 unsigned long seed, int threads);
void roadmap_source_release(struct roadmap_source *src);

/* Records the plan's inputs and defaults as the model's assumptions. */
void roadmap_assume(struct model *m, const struct plan *p,
		    const struct roadmap *r, int set_start, int set_trials,
		    int set_seed, unsigned long seed);

#endif
