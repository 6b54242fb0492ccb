/*
 * carve api: the endpoints each context serves (routes, URL patterns,
 * mappings, GraphQL root fields) and, for each, the other contexts whose
 * code names its path: what a gateway must route and what to compare
 * side by side when the context is extracted.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "carve/api.h"
#include "carve/api_analysis.h"
#include "carve/api_out.h"
#include "carve/cmd.h"
#include "carve/input.h"
#include "carve/model.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/scan.h"
#include "carve/seams.h"

/* clang-format off */
static const char usage_text[] =
"usage: carve api [options] [PATH | MODEL.json]\n"
"\n"
"Declared endpoints of the repository at PATH (default '.') by the\n"
"context serving them, with the contexts whose code calls each.\n"
"\n"
"  -o, --output FILE      write to FILE (default '-', standard output)\n"
"  -f, --format FORMAT    text (default), json, csv or dot\n"
"  -c, --config FILE      read FILE instead of carve.json at the root\n"
"  -j, --jobs N           worker threads (default: CPUs)\n"
"  -q, --quiet            no progress and no warnings on stderr\n"
"      --progress WHEN    auto (default), never or always\n"
"      --top N            endpoints per context in text output\n"
"                         (default 50)\n"
"  -h, --help             show this help\n";
/* clang-format on */

enum { OPT_TOP = 256 };

static const struct option long_options[] = {
	COMMON_LONG_OPTIONS,
	{ "top", required_argument, NULL, OPT_TOP },
	{ NULL, 0, NULL, 0 },
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
	struct input_options input = { 0 };
	struct config cfg = CONFIG_INIT;
	struct model m = MODEL_INIT;
	struct outfile out = OUTFILE_INIT;
	struct seams_options so;
	struct seams *s = NULL;
	struct api_report *r = NULL;
	int c, ret, top = 50;

	common_options_init(&common, "text,json,csv,dot");
	optind = 1;
	while ((c = getopt_long(argc, argv, COMMON_SHORT_OPTIONS, long_options,
				NULL)) != -1) {
		ret = common_options_parse(&common, c, optarg);
		if (ret < 0)
			return EXIT_USAGE;
		if (ret)
			continue;
		if (c == OPT_TOP) {
			if (options_int(&top, optarg, "--top", 0, 1000000))
				return EXIT_USAGE;
		} else if (c == 'h') {
			fputs(usage_text, stdout);
			return EXIT_OK;
		} else {
			fputs(usage_text, stderr);
			return EXIT_USAGE;
		}
	}
	if (input_from_args(&input, "api", argc, argv, optind, &common))
		return EXIT_USAGE;
	if (!top)
		top = 1000000;
	common_options_apply(&common);
	ret = EXIT_FATAL;
	if (input_open(&m, &cfg, &input))
		goto done;
	seams_options_init(&so);
	so.config = &cfg;
	if (seams_propose(&s, m.scan, &so))
		goto done;
	if (api_analyse(&r, m.scan, s, common.threads))
		goto done;
	model_assume(&m, "contexts", "default",
		     "carve seams' proposal from the static graph and folders "
		     "(no history), declared carve.json contexts kept");
	model_assume(&m, "callers", "default",
		     "a string literal in another context whose last path "
		     "segments match the endpoint's (parameters match any)");
	if (outfile_open(&out, common.output))
		goto done;
	switch (common.format) {
	case FORMAT_JSON:
		m.api = r;
		model_write_json(out.fp, &m);
		m.api = NULL;
		break;
	case FORMAT_CSV:
		api_print_csv(out.fp, r);
		break;
	case FORMAT_DOT:
		api_print_dot(out.fp, r);
		break;
	default:
		print_text(out.fp, r, (size_t)top);
		break;
	}
	if (outfile_commit(&out))
		goto done;
	ret = EXIT_OK;
done:
	outfile_abort(&out);
	api_report_free(r);
	seams_free(s);
	model_release(&m);
	config_release(&cfg);
	return ret;
}
