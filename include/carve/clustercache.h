/*
 * The cluster cache: the communities cluster_run() (or cluster_run_k())
 * found for one clustering problem, kept in <cache dir>/seams-cluster/
 * under a key that is a SHA-1 of the whole problem (nodes, links and
 * their weights, sizes, pinned nodes), the options, the wanted count,
 * carve's and igraph's versions: Leiden is deterministic for a given
 * input, so a warm carve seams (estimate, roadmap, report) reads its
 * communities instead of running Leiden again. The file is untrusted:
 * a damaged, truncated or crafted one is a miss with a warning.
 */
#ifndef CARVE_CLUSTERCACHE_H
#define CARVE_CLUSTERCACHE_H

#include <stddef.h>

#include "carve/cluster.h"

#define CLUSTERCACHE_FORMAT 1
#define CLUSTERCACHE_DIR "seams-cluster"
/* the newest files kept: other options, --no-history, other commits */
#define CLUSTERCACHE_KEEP 8

/*
 * cluster_run() (want 0) or cluster_run_k() (want > 0: o->resolution
 * set to the one used), through the cache in `dir` (NULL: no cache).
 * Sets *q to the modularity at resolution 1 as they do; returns k or
 * <0 after reporting. CARVE_TRACE_SEAMS in the environment makes it say
 * on stderr whether the communities were read, written or computed.
 */
long clustercache_run(size_t *membership, const struct cluster_problem *p,
		      struct cluster_options *o, size_t want, double *q,
		      const char *dir);

/*
 * Reads the body of a cache file (what follows the header and the key,
 * without the seal) for a problem of n nodes into membership[0 .. n-1]:
 * communities numbered 0 .. k-1 in order of their first node, as
 * cluster_run() leaves them. Returns 0, or -1 when any record is out of
 * range (membership is then undefined).
 */
int clustercache_parse(size_t *membership, size_t n, long *k,
		       double *resolution, const char *buf, size_t len);

#endif
