/*
 * Fuzz target: reading a model JSON (carve scan/history/seams -f json)
 * back in, as every command taking MODEL.json does.
 */
#include "carve/estimate.h"
#include "carve/model.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct model m = MODEL_INIT;

	/* as cli/input.c opens a model: a saved estimate is rerun */
	if (!model_load_json(&m, fuzz_write_file("model.json", data, size)) &&
	    m.estimate)
		estimate_rerun(m.estimate);
	model_release(&m);
	return 0;
}
