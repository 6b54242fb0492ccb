/*
 * carve report: everything the other commands find, in one
 * self-contained HTML page for people who never open a terminal. From a
 * PATH it runs the stages it needs (scan, history in git, seams, check
 * when carve.json has rules); from a MODEL.json it uses the parts there.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "carve/api.h"
#include "carve/check.h"
#include "carve/cmd.h"
#include "carve/data.h"
#include "carve/graph.h"
#include "carve/history.h"
#include "carve/input.h"
#include "carve/model.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/report.h"
#include "carve/scan.h"
#include "carve/seams.h"

/* clang-format off */
static const char usage_text[] =
"usage: carve report [options] [PATH | MODEL.json]\n"
"\n"
"One self-contained HTML page with what the other commands find about\n"
"the repository at PATH (default '.') or in a model JSON file: summary,\n"
"inventory, dependencies between contexts, cycles, hotspots and change\n"
"coupling, proposed contexts and their seams, the boundary check, and\n"
"every input and assumption. Sections whose part is missing name the\n"
"command that fills them.\n"
"\n"
"  -o, --output FILE      write to FILE (default '-', standard output)\n"
"  -f, --format FORMAT    html (the only one)\n"
"  -c, --config FILE      read FILE instead of carve.json at the root\n"
"  -j, --jobs N           worker threads for the scan (default: CPUs)\n"
"  -q, --quiet            no progress and no warnings on stderr\n"
"      --progress WHEN    auto (default), never or always\n"
"      --no-history       leave the git history out\n"
"      --max-rows N       rows per table, then a count of the rest\n"
"                         (default 50)\n"
"      --max-nodes N      contexts drawn before the drawing collapses to\n"
"                         top-level directories (default 60)\n"
"  -h, --help             show this help\n";
/* clang-format on */

enum {
	OPT_NO_HISTORY = 256,
	OPT_MAX_ROWS,
	OPT_MAX_NODES,
};

static const struct option long_options[] = {
	COMMON_LONG_OPTIONS,
	{ "no-history", no_argument, NULL, OPT_NO_HISTORY },
	{ "max-rows", required_argument, NULL, OPT_MAX_ROWS },
	{ "max-nodes", required_argument, NULL, OPT_MAX_NODES },
	{ NULL, 0, NULL, 0 },
};

struct report_args {
	struct common_options common;
	struct input_options input;
	int no_history, max_rows, max_nodes;
};

static int parse_args(struct report_args *a, int argc, char **argv)
{
	int c, ret;

	common_options_init(&a->common, "html");
	a->max_rows = REPORT_MAX_ROWS;
	a->max_nodes = REPORT_MAX_NODES;
	optind = 1;
	while ((c = getopt_long(argc, argv, COMMON_SHORT_OPTIONS, long_options,
				NULL)) != -1) {
		ret = common_options_parse(&a->common, c, optarg);
		if (ret < 0)
			return EXIT_USAGE;
		if (ret)
			continue;
		switch (c) {
		case OPT_NO_HISTORY:
			a->no_history = 1;
			break;
		case OPT_MAX_ROWS:
			if (options_int(&a->max_rows, optarg, "--max-rows", 1,
					1000000))
				return EXIT_USAGE;
			break;
		case OPT_MAX_NODES:
			if (options_int(&a->max_nodes, optarg, "--max-nodes",
					1, 10000))
				return EXIT_USAGE;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		default:
			fputs(usage_text, stderr);
			return EXIT_USAGE;
		}
	}
	if (input_from_args(&a->input, "report", argc, argv, optind,
			    &a->common))
		return EXIT_USAGE;
	common_options_apply(&a->common);
	return -1;
}

static size_t counted(const struct scan *s)
{
	return s->status_count[FILE_COUNTED];
}

int cmd_report(int argc, char **argv)
{
	struct report_args a = { 0 };
	struct config cfg = CONFIG_INIT;
	struct model m = MODEL_INIT;
	struct outfile out = OUTFILE_INIT;
	struct check chk = CHECK_INIT;
	struct graph g = GRAPH_INIT;
	struct seams_options so;
	struct seams *s = NULL;
	struct report r = { 0 };
	struct data_report *data = NULL;
	struct data_options dopt = { 0 };
	struct api_report *api = NULL;
	int ret, has_rules;

	ret = parse_args(&a, argc, argv);
	if (ret >= 0)
		goto done;
	ret = EXIT_FATAL;
	if (input_open(&m, &cfg, &a.input))
		goto done;
	if (!a.no_history && input_history(&m, &cfg, &a.input))
		warning("no history: the report goes on without it");
	if (graph_build(&g, m.scan, GRAPH_MODULES))
		goto done;
	seams_options_init(&so);
	so.config = &cfg;
	so.history = a.no_history ? NULL : m.history;
	if (counted(m.scan)) {
		if (seams_propose(&s, m.scan, &so))
			goto done;
		model_assume(&m, "contexts", "default",
			     "carve seams with its defaults: igraph Leiden at "
			     "resolution %.4g, best of %d runs from seed %lu%s",
			     s->resolution, s->runs, so.seed,
			     so.history ? ", with change coupling and authors"
					: ", static graph and folders only");
	}
	if (s) {
		dopt.threads = a.common.threads;
		if (data_analyse(&data, m.scan, s, &dopt) ||
		    api_analyse(&api, m.scan, s, a.common.threads))
			goto done;
	}
	has_rules = cfg.root &&
		    cJSON_GetObjectItemCaseSensitive(cfg.root, "rules");
	if (has_rules) {
		if (check_load(&chk, &cfg, m.scan))
			goto done;
		scan_load_deps(m.scan);
		check_run(&chk);
	}
	if (m.history)
		model_assume(&m, "history",
			     "default",
			     "%zu commits to %.12s; coupling: at least %d "
			     "changes, %d shared, %d%% degree, changes of "
			     "over %d files left out",
			     m.history->commits, m.history->head,
			     m.history->min_revs, m.history->min_shared,
			     m.history->min_coupling,
			     m.history->max_changeset);
	model_assume(&m, "report limits",
		     a.max_rows != REPORT_MAX_ROWS ||
				     a.max_nodes != REPORT_MAX_NODES
			     ? "option"
			     : "default",
		     "tables show %d rows and count the rest; drawings of "
		     "over %d contexts collapse to top-level directories",
		     a.max_rows, a.max_nodes);
	if (outfile_open(&out, a.common.output))
		goto done;
	r.fp = out.fp;
	r.m = &m;
	r.seams = s;
	r.check = has_rules ? &chk : NULL;
	r.data = data;
	r.api = api;
	r.cfg = &cfg;
	r.modules = &g;
	r.source = a.input.arg ? a.input.arg : ".";
	r.max_rows = (size_t)a.max_rows;
	r.max_nodes = (size_t)a.max_nodes;
	if (report_write(&r) || outfile_commit(&out))
		goto done;
	ret = EXIT_OK;
done:
	outfile_abort(&out);
	check_release(&chk);
	data_report_free(data);
	api_report_free(api);
	graph_release(&g);
	seams_free(s);
	model_release(&m);
	config_release(&cfg);
	return ret;
}
