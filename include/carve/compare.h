/*
 * carve seams --compare: a proposal measured against a clustering read
 * from a file, over the files both name, with MoJoFM, a2a and the
 * adjusted Rand index, beside three baselines on the same files: one
 * cluster per folder, everything in one cluster, every file alone.
 * A compare_result borrows the names of the partition it was made from.
 */
#ifndef CARVE_COMPARE_H
#define CARVE_COMPARE_H

#include <stddef.h>

#include "carve/model_seams.h"

struct partition;
struct seams;

/* Fills r (release with compare_release()). */
void compare_run(struct compare_result *r, const struct seams *s,
		 const struct partition *p, const char *path);
void compare_release(struct compare_result *r);

#endif
