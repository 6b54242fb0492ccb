/*
 * Fuzz target: reading a model JSON (carve scan/history/seams -f json)
 * back in, as every command taking MODEL.json does.
 */
#include "carve/model.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct model m = MODEL_INIT;

	model_load_json(&m, fuzz_write_file("model.json", data, size));
	model_release(&m);
	return 0;
}
