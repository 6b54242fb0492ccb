/*
 * carve api: the endpoints each context serves (routes, URL patterns,
 * mappings, GraphQL root fields) and, for each, the other contexts whose
 * code names its path: what a gateway must route and what to compare
 * side by side when the context is extracted.
 */
#include <stdio.h>
#include <string.h>

#include "carve/api.h"
#include "carve/cli.h"
#include "carve/cmd.h"
#include "carve/input.h"
#include "carve/pipeline.h"
#include "carve/model.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/scan.h"
#include "carve/seams.h"

static const char *const usage[] = { "[options] [PATH | MODEL.json]", NULL };
static const struct cli_command api_cmd = {
	"api",
	usage,
	"Declared endpoints of the repository at PATH (default '.') by the\n"
	"context serving them, with the contexts whose code calls each.\n",
};

static void print_text(FILE *fp, const struct api_report *r, size_t top)
{
	long cur = -2;
	size_t shown = 0, served = 0;

	for (size_t c = 0; c < r->contexts_nr; c++)
		served += r->per_context[c] > 0;
	fprintf(fp,
		"api of %s: %zu endpoints in %zu contexts, %zu calls by "
		"path from other contexts\n",
		r->scan->root, r->nr, served, r->calls);
	for (size_t i = 0; i < r->nr; i++) {
		const struct api_entry *e = &r->entries[i];

		if (e->context != cur) {
			if (cur != -2 && shown > top)
				fprintf(fp, "  ... %zu more\n", shown - top);
			cur = e->context;
			shown = 0;
			fprintf(fp, "\n%s: %zu endpoint%s\n",
				cur >= 0 ? r->seams->contexts[cur].name
					 : "(no context)",
				cur >= 0 ? r->per_context[cur] : 0,
				cur >= 0 && r->per_context[cur] == 1 ? ""
								     : "s");
		}
		if (shown++ >= top)
			continue;
		fprintf(fp, "  %-8s %s  (%s:%u, %s)", e->ep->method,
			*e->ep->path ? e->ep->path : "\"\"",
			r->scan->files[e->file].path, e->ep->line,
			e->ep->framework);
		for (size_t k = 0; k < e->callers_nr; k++)
			fprintf(fp, "%s%s", k ? ", " : "; called from ",
				r->seams->contexts[e->callers[k]].name);
		fputc('\n', fp);
	}
	if (cur != -2 && shown > top)
		fprintf(fp, "  ... %zu more\n", shown - top);
}

int cmd_api(int argc, char **argv)
{
	struct common_options common;
	struct pipeline p;
	struct outfile out = OUTFILE_INIT;
	int argi, ret, top = 50;
	const struct cli_opt opts[] = {
		CLI_COMMON(&common, "text (default), json, csv or dot", "text",
			   "worker threads (default: CPUs)"),
		CLI_TOP(&top, "endpoints per context in text output", "50"),
		CLI_HELP_ROW,
		CLI_END,
	};

	pipeline_init(&p);
	common_options_init(&common, "text,json,csv,dot");
	if ((ret = cli_parse(&argi, &api_cmd, opts, argc, argv)))
		return cli_exit_status(ret);
	if (input_from_args(&p.input, "api", argc, argv, argi, &common))
		return EXIT_USAGE;
	common_options_apply(&common);
	ret = EXIT_FATAL;
	p.no_history = 1;
	if (pipeline_need(&p, PIPELINE_API))
		goto done;
	model_assume(&p.m, "contexts", "default",
		     "carve seams' proposal from the static graph and folders "
		     "(no history), declared carve.json contexts kept");
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
		print_text(out.fp, p.api, (size_t)top);
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
