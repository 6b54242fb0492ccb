/*
 * A clustering read from a file, for carve seams --compare: RSF
 * ("contain CONTEXT FILE" lines, the format architecture-recovery tools
 * use) or JSON ({"context": ["file", ...]}, or a model with "contexts"
 * written by carve seams -f json). A partition owns its strings (in its
 * arena).
 */
#ifndef CARVE_PARTITION_H
#define CARVE_PARTITION_H

#include <stddef.h>

#include "carve/arena.h"

struct partition {
	const char **objects; /* file paths, in the order read */
	size_t *label; /* per object: index into clusters */
	size_t nr, alloc;
	const char **clusters; /* cluster names */
	size_t clusters_nr, clusters_alloc; /* some may end up empty */
	size_t duplicates; /* objects listed again (the last counts) */
	struct arena arena;
};

#define PARTITION_INIT \
	{              \
		0      \
	}

/*
 * Reads `path` (JSON when its first non-blank byte is '{', else RSF).
 * Returns 0, or <0 after reporting the file and line.
 */
int partition_load(struct partition *p, const char *path);
void partition_release(struct partition *p);

#endif
