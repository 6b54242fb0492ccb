/*
 * Fuzz target: carve.json loading, from the JSON-with-comments parser to
 * the checks of every key's type (config_load reads a path).
 */
#include "carve/config.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg = CONFIG_INIT;

	config_load(&cfg, fuzz_write_file("carve.json", data, size), 1);
	if (cfg.exclude.nr)
		glob_list_match(&cfg.exclude, "src/a/b.c");
	config_release(&cfg);
	return 0;
}
