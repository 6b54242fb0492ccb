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
#include "carve/api_analysis.h"
#include "carve/burndown.h"
#include "carve/check.h"
#include "carve/cmd.h"
#include "carve/data.h"
#include "carve/data_analysis.h"
#include "carve/estimate.h"
#include "carve/graph.h"
#include "carve/history.h"
#include "carve/input.h"
#include "carve/model.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/plan.h"
#include "carve/report.h"
#include "carve/roadmap.h"
#include "carve/roadmap_source.h"
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
"      --target LANG      estimate a rewrite into LANG (default: carve.json\n"
"                         \"target\"; without one, no estimate)\n"
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
	OPT_TARGET,
};

static const struct option long_options[] = {
	COMMON_LONG_OPTIONS,
	{ "no-history", no_argument, NULL, OPT_NO_HISTORY },
	{ "max-rows", required_argument, NULL, OPT_MAX_ROWS },
	{ "max-nodes", required_argument, NULL, OPT_MAX_NODES },
	{ "target", required_argument, NULL, OPT_TARGET },
	{ NULL, 0, NULL, 0 },
};

struct report_args {
	struct common_options common;
	struct input_options input;
	int no_history, max_rows, max_nodes;
	const char *target;
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
			if (options_int(&a->max_nodes, optarg, "--max-nodes", 1,
					10000))
				return EXIT_USAGE;
			break;
		case OPT_TARGET:
			a->target = optarg;
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

/* carve.json's "target", or --target: an estimate is wanted. */
static const char *target_of(const struct report_args *a,
			     const struct config *cfg)
{
	if (a->target)
		return a->target;
	if (cfg->root && cJSON_GetObjectItemCaseSensitive(cfg->root, "target"))
		return "carve.json";
	return NULL;
}

/*
 * The estimate part: the model's, or carve estimate's run on the
 * contexts `s` (those carve seams proposes, as carve estimate sees
 * them) when a target is set. *hint says what fills it otherwise.
 */
static int run_estimate(struct estimate **out, const char **hint,
			const struct report_args *a, const struct config *cfg,
			struct model *m, const struct seams *s)
{
	struct estimate_options eo;
	struct estimate *e;

	if (model_is_file(a->input.arg ? a->input.arg : ".")) {
		*hint = "run carve estimate -f json on the model";
		return 0;
	}
	if (!target_of(a, cfg) || !s) {
		*hint = s ? "set \"target\" (the language to rewrite into) in "
			    "carve.json, or give --target LANG"
			  : "give carve a repository with code it counts";
		return 0;
	}
	estimate_options_init(&eo);
	eo.config = cfg;
	eo.target = a->target;
	eo.threads = a->common.threads;
	if (estimate_build(out, m->scan, s, &eo))
		return -1;
	e = *out;
	for (size_t i = 0; i < e->assume_nr; i++)
		model_assume(m, e->assume[3 * i], e->assume[3 * i + 2], "%s",
			     e->assume[3 * i + 1]);
	return 0;
}

/* carve.json has "plan": {"start": ...}: the roadmap can be scheduled. */
static int plan_has_start(const struct config *cfg)
{
	const cJSON *plan =
		cfg->root ? cJSON_GetObjectItemCaseSensitive(cfg->root, "plan")
			  : NULL;

	return cJSON_GetObjectItemCaseSensitive(plan, "start") != NULL;
}

/*
 * The roadmap part: the model's as saved, or carve roadmap's schedule
 * of carve.json's plan with its defaults (so the dates are those of
 * carve roadmap -f json). *json holds the part as -f json writes it.
 */
static int run_roadmap(struct roadmap **out, cJSON **json, const char **hint,
		       struct plan *plan, struct roadmap_source *src,
		       const struct report_args *a, const struct config *cfg,
		       struct model *m)
{
	cJSON *root;

	if (model_is_file(a->input.arg ? a->input.arg : ".")) {
		if (m->roadmap_saved)
			*json = cJSON_Duplicate(m->roadmap_saved->part, 1);
		else
			*hint = "run carve roadmap -f json on the model";
		return 0;
	}
	if (!plan_has_start(cfg)) {
		*hint = "set \"plan\": {\"start\": \"YYYY-MM-DD\"} in "
			"carve.json (see carve roadmap)";
		return 0;
	}
	if (plan_load(plan, cfg, 0) ||
	    roadmap_source_open(src, m, cfg, plan, &a->input,
				ROADMAP_DEFAULT_TRIALS, ESTIMATE_SEED) ||
	    roadmap_build(out, plan, &src->in))
		return -1;
	roadmap_assume(m, plan, *out, 0, 0, 0, ESTIMATE_SEED);
	for (size_t i = 0; i < (*out)->notes_nr; i++)
		warning("%s", (*out)->notes[i]);
	root = cJSON_CreateObject();
	roadmap_json_add(root, *out);
	*json = cJSON_DetachItemFromObjectCaseSensitive(root, "roadmap");
	cJSON_Delete(root);
	return 0;
}

/*
 * The burndown part: carve burndown's run with its defaults on a git
 * work tree whose carve.json declares "new" (and "legacy"). A failure
 * (reported) leaves the section out rather than the page.
 */
static void run_burndown(struct burndown **out, const char **hint,
			 const struct report_args *a, const struct config *cfg,
			 struct model *m)
{
	struct burndown_options bo = BURNDOWN_OPTIONS_INIT;

	if (model_is_file(a->input.arg ? a->input.arg : ".")) {
		*hint = "run carve report on the git work tree (carve burndown "
			"reads its history)";
		return;
	}
	if (!cfg->root || !cJSON_GetObjectItemCaseSensitive(cfg->root, "new")) {
		*hint = "declare \"legacy\" and \"new\" paths in carve.json";
		return;
	}
	if (!m->scan->is_git || !*m->scan->head) {
		*hint = "give carve report a git work tree with commits";
		return;
	}
	if (burndown_run(out, m, cfg, &a->input, &bo)) {
		warning("no burndown: the report goes on without it");
		*hint = "fix what carve burndown reports";
	}
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
	struct estimate *est = NULL;
	struct plan plan;
	struct roadmap_source src = ROADMAP_SOURCE_INIT;
	struct roadmap *rm = NULL;
	struct burndown *bd = NULL;
	cJSON *rm_json = NULL;
	int ret, has_rules;

	memset(&plan, 0, sizeof(plan));
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
	has_rules = cfg.root && cJSON_GetObjectItemCaseSensitive(cfg.root, "rul"
									   "e"
									   "s");
	if (has_rules) {
		if (check_load(&chk, &cfg, m.scan))
			goto done;
		scan_load_deps(m.scan);
		check_run(&chk);
	}
	if (m.estimate)
		r.estimate = m.estimate;
	else if (run_estimate(&est, &r.estimate_hint, &a, &cfg, &m, s))
		goto done;
	else
		r.estimate = est;
	if (run_roadmap(&rm, &rm_json, &r.roadmap_hint, &plan, &src, &a, &cfg,
			&m))
		goto done;
	r.roadmap = rm;
	r.roadmap_part = rm_json;
	run_burndown(&bd, &r.burndown_hint, &a, &cfg, &m);
	r.burndown = bd;
	if (m.history)
		model_assume(&m, "history", "default",
			     "%zu commits to %.12s; coupling: at least %d "
			     "changes, %d shared, %d%% degree, changes of "
			     "over %d files left out",
			     m.history->commits, m.history->head,
			     m.history->min_revs, m.history->min_shared,
			     m.history->min_coupling, m.history->max_changeset);
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
	cJSON_Delete(rm_json);
	burndown_free(bd);
	roadmap_free(rm);
	roadmap_source_release(&src);
	plan_release(&plan);
	estimate_free(est);
	check_release(&chk);
	data_report_free(data);
	api_report_free(api);
	graph_release(&g);
	seams_free(s);
	model_release(&m);
	config_release(&cfg);
	return ret;
}
