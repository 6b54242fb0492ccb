/*
 * Fuzz target: the cluster cache reader (seams-cluster/<key>, a body
 * past its seal's check). The node count is the first body field, as a
 * caller would know it; what is accepted must be a membership
 * cluster_run() could give: every node in a community below k, the
 * communities numbered by their first node, all k of them used.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "carve/clustercache.h"
#include "carve/xmalloc.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t n = 0, *membership, next = 0;
	double resolution = 0;
	long k = -1;

	if (size >= 8)
		for (int i = 7; i >= 0; i--)
			n = n << 8 | data[i];
	if (n > size)
		n = size; /* larger ones are refused before any read */
	membership = xmalloc((n ? n : 1) * sizeof(*membership));
	if (!clustercache_parse(membership, n, &k, &resolution,
				(const char *)data, size)) {
		if (k < 0 || (size_t)k > n || (n && !k) ||
		    !isfinite(resolution))
			abort();
		for (size_t v = 0; v < n; v++) {
			if (membership[v] > next || membership[v] >= (size_t)k)
				abort();
			if (membership[v] == next)
				next++;
		}
		if (next != (size_t)k)
			abort();
	}
	free(membership);
	return 0;
}
