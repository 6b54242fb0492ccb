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

struct partition;
struct seams;

/* The clusterings measured: carve's proposal, then the baselines. */
enum {
	COMPARE_CARVE,
	COMPARE_FOLDERS,
	COMPARE_ONE,
	COMPARE_ALONE,
	COMPARE_NR,
};

struct compare_result {
	const char *path; /* the file compared with */
	size_t files, clusters; /* that it names (clusters left non-empty) */
	size_t common; /* files the scan counts too */
	size_t only_ours; /* counted files it does not name */
	size_t duplicates; /* repeated assignments (the last counts) */
	const char **missing; /* its files the scan does not count */
	size_t missing_nr;
	size_t k[COMPARE_NR]; /* clusters over the common files */
	unsigned long mno[COMPARE_NR], max_mno;
	double fm[COMPARE_NR], a2a[COMPARE_NR], ari[COMPARE_NR];
	int approximate; /* a2a matched greedily */
};

/* "carve", "folders", "one cluster" or "singletons". */
const char *compare_name(int i);
/* Fills r (release with compare_release()). */
void compare_run(struct compare_result *r, const struct seams *s,
		 const struct partition *p, const char *path);
void compare_release(struct compare_result *r);

#endif
