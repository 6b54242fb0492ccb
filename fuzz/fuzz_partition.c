/*
 * Fuzz target: carve seams --compare input, RSF or JSON clusterings.
 */
#include "carve/partition.h"
#include "fuzz.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct partition p = PARTITION_INIT;

	if (!partition_load(&p, fuzz_write_file("arch.rsf", data, size))) {
		for (size_t i = 0; i < p.nr; i++)
			if (p.label[i] >= p.clusters_nr)
				abort();
	}
	partition_release(&p);
	return 0;
}
