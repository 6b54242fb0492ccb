/*
 * carve api: the endpoints each context serves (routes, URL patterns,
 * mappings, GraphQL root fields) and, for each, the other contexts whose
 * code names its path: what a gateway must route and what to compare
 * side by side when the context is extracted.
 */

#include "carve/api.h"
#include "carve/api_out.h"
#include "carve/api_text.h"
#include "carve/cli.h"
#include "carve/cmd.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/pipeline.h"

static const struct cli_command api_cmd = {
	"api",
	{ CLI_USAGE_INPUT },
	"Declared endpoints of the repository at PATH (default '.') by the\n"
	"context serving them, with the contexts whose code calls each.\n",
};

int cmd_api(int argc, char **argv)
{
	struct common_options common;
	struct pipeline p;
	struct outfile out = OUTFILE_INIT;
	int ret, top = 50;
	const struct cli_opt opts[] = {
		CLI_COMMON(&common, "text (default), json, csv or dot", "text",
			   "worker threads (default: CPUs)"),
		CLI_TOP(&top, "endpoints per context in text output", "50"),
		CLI_HELP_ROW,
		CLI_END,
	};

	pipeline_init(&p);
	common_options_init(&common, "text,json,csv,dot");
	if ((ret = cli_parse_input(&p.input, &common, &api_cmd, opts, argc,
				   argv)))
		return cli_exit_status(ret);
	ret = EXIT_FATAL;
	p.no_history = 1;
	if (pipeline_need(&p, PIPELINE_API))
		goto done;
	pipeline_assume_static_contexts(&p);
	model_assume(&p.m, "callers", "default",
		     "a string literal in another context whose last path "
		     "segments match the endpoint's (parameters match any)");
	if (outfile_open(&out, common.output))
		goto done;
	switch (common.format) {
	case FORMAT_JSON:
		p.m.api = p.api;
		model_write_json(out.fp, &p.m);
		p.m.api = NULL;
		break;
	case FORMAT_CSV:
		api_print_csv(out.fp, p.api);
		break;
	case FORMAT_DOT:
		api_print_dot(out.fp, p.api);
		break;
	default:
		api_print_text(out.fp, p.api, (size_t)top);
		break;
	}
	if (outfile_commit(&out))
		goto done;
	ret = EXIT_OK;
done:
	outfile_abort(&out);
	pipeline_release(&p);
	return ret;
}
