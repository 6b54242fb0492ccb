/*
 * Fuzz target: carve.json loading, from the JSON-with-comments parser to
 * the checks of every key's type (config_load reads a path), and a
 * command's copy of the plan (plan_load).
 */
#include "carve/config.h"
#include "carve/plan.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg = CONFIG_INIT;
	struct plan plan;

	if (!config_load(&cfg, fuzz_write_file("carve.json", data, size), 1) &&
	    !plan_load(&plan, &cfg, 20000))
		plan_release(&plan);
	if (cfg.exclude.nr)
		glob_list_match(&cfg.exclude, "src/a/b.c");
	config_release(&cfg);
	return 0;
}
