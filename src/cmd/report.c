/*
 * carve report: everything the other commands find, in one
 * self-contained HTML page for people who never open a terminal. From a
 * PATH it runs the stages it needs (scan, history in git, seams, check
 * when carve.json has rules); from a MODEL.json it uses the parts there.
 */

#include <cjson/cJSON.h>

#include "carve/check.h"
#include "carve/cli.h"
#include "carve/cmd.h"
#include "carve/graph.h"
#include "carve/history.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/pipeline.h"
#include "carve/report.h"
#include "carve/scan.h"

static const struct cli_command report_cmd = {
	"report",
	{ CLI_USAGE_INPUT },
	"One self-contained HTML page with what the other commands find about\n"
	"the repository at PATH (default '.') or in a model JSON file: "
	"summary,\n"
	"inventory, dependencies between contexts, cycles, hotspots and "
	"change\n"
	"coupling, proposed contexts and their seams, the boundary check, and\n"
	"every input and assumption. Sections whose part is missing name the\n"
	"command that fills them.\n",
};

struct report_args {
	struct common_options common;
	struct input_options input;
	int no_history, max_rows, max_nodes;
	const char *target;
};

static int parse_args(struct report_args *a, int argc, char **argv)
{
	int ret;
	const struct cli_opt opts[] = {
		CLI_COMMON(&a->common, "html (the only one)", NULL,
			   "worker threads for the scan (default: CPUs)"),
		CLI_SWITCH(0, "no-history", &a->no_history,
			   "leave the git history out"),
		CLI_STRING(0, "target", &a->target, "LANG",
			   "the language services are written in, as carve "
			   "estimate --target (default: carve.json \"target\", "
			   "else none: a split)",
			   "carve.json"),
		CLI_INT(0, "max-rows", &a->max_rows, "N", 1, 1000000,
			"rows per table, then a count of the rest", "50"),
		CLI_INT(0, "max-nodes", &a->max_nodes, "N", 1, 10000,
			"contexts drawn; past them a dependency structure "
			"matrix",
			"15"),
		CLI_HELP_ROW,
		CLI_END,
	};

	common_options_init(&a->common, "html");
	a->max_rows = REPORT_MAX_ROWS;
	a->max_nodes = REPORT_MAX_NODES;
	if ((ret = cli_parse_input(&a->input, &a->common, &report_cmd, opts,
				   argc, argv)))
		return ret;
	return 0;
}

static size_t counted(const struct scan *s)
{
	return s->status_count[FILE_COUNTED];
}

/* carve.json declares "rules": the check has something to hold. */
static int cfg_has_rules(const struct config *cfg)
{
	return cfg->has_rules;
}

/*
 * The estimate part: the model's, or carve estimate's run on the
 * contexts carve seams proposes (as carve estimate sees them), with
 * --target or carve.json's "target" (none: a split). The roadmap part
 * schedules this same estimate. r->estimate_hint says why it is empty.
 */
static int add_estimate(struct report *r, const struct report_args *a,
			struct pipeline *p)
{
	if (p->m.estimate) {
		r->estimate = p->m.estimate;
		return 0;
	}
	if (model_is_file(a->input.arg ? a->input.arg : ".")) {
		r->estimate_hint = "run carve estimate -f json on the model";
		return 0;
	}
	if (!p->seams) {
		r->estimate_hint = "give carve a repository with code it "
				   "counts";
		return 0;
	}
	p->estimate_opts.target = a->target;
	if (pipeline_need(p, PIPELINE_ESTIMATE))
		return -1;
	r->estimate = p->estimate;
	return 0;
}

/* carve.json has "plan": {"start": ...}: the roadmap can be scheduled. */
static int plan_has_start(const struct config *cfg)
{
	return cfg->has_plan && cfg->plan.start_set;
}

/*
 * The roadmap part: the model's as saved, or carve roadmap's schedule
 * of carve.json's plan with its defaults. *json holds the part as -f
 * json writes it.
 */
static int add_roadmap(struct report *r, cJSON **json,
		       const struct report_args *a, struct pipeline *p)
{
	cJSON *root;

	if (model_is_file(a->input.arg ? a->input.arg : ".")) {
		if (p->m.roadmap_saved)
			*json = cJSON_Duplicate(p->m.roadmap_saved->part, 1);
		else
			r->roadmap_hint = "run carve roadmap -f json on the "
					  "model";
		return 0;
	}
	if (!plan_has_start(&p->cfg)) {
		r->roadmap_hint = "set \"plan\": {\"start\": \"YYYY-MM-DD\"} "
				  "in "
				  "carve.json (see carve roadmap)";
		return 0;
	}
	if (pipeline_need(p, PIPELINE_ROADMAP))
		return -1;
	r->roadmap = p->roadmap;
	root = cJSON_CreateObject();
	roadmap_json_add(root, p->roadmap);
	*json = cJSON_DetachItemFromObjectCaseSensitive(root, "roadmap");
	cJSON_Delete(root);
	return 0;
}

/*
 * The burndown part: carve burndown's run with its defaults on a git
 * work tree whose carve.json declares "new" (and "legacy"). A failure
 * (reported) leaves the section out rather than the page.
 */
static void add_burndown(struct report *r, const struct report_args *a,
			 struct pipeline *p)
{
	const struct config *cfg = &p->cfg;

	if (model_is_file(a->input.arg ? a->input.arg : ".")) {
		r->burndown_hint = "run carve report on the git work tree "
				   "(carve burndown reads its history)";
		return;
	}
	if (!cfg->has_new) {
		r->burndown_hint = "declare \"legacy\" and \"new\" paths in "
				   "carve.json";
		return;
	}
	if (!p->m.scan->is_git || !*p->m.scan->head) {
		r->burndown_hint = "give carve report a git work tree with "
				   "commits";
		return;
	}
	/* the plan beside the burndown: the same estimate as the report's */
	p->burndown_opts.target = a->target;
	p->burndown_opts.estimate = p->estimate;
	p->burndown_opts.seams = p->estimate ? p->seams : NULL;
	if (pipeline_need(p, PIPELINE_BURNDOWN)) {
		warning("no burndown: the report goes on without it");
		r->burndown_hint = "fix what carve burndown reports";
	}
	r->burndown = p->burndown;
}

int cmd_report(int argc, char **argv)
{
	struct report_args a = { 0 };
	struct pipeline p;
	struct outfile out = OUTFILE_INIT;
	struct check chk = CHECK_INIT;
	struct graph g = GRAPH_INIT;
	struct report r = { 0 };
	cJSON *rm_json = NULL;
	int ret, has_rules;

	pipeline_init(&p);
	if ((ret = parse_args(&a, argc, argv))) {
		ret = cli_exit_status(ret);
		goto done;
	}
	ret = EXIT_FATAL;
	p.input = a.input;
	p.no_history = a.no_history;
	p.history_warning = "no history: the report goes on without it";
	if (pipeline_need(&p, PIPELINE_SCAN) ||
	    (!a.no_history && pipeline_need(&p, PIPELINE_HISTORY)))
		goto done;
	if (graph_build(&g, p.m.scan, GRAPH_MODULES))
		goto done;
	if (counted(p.m.scan)) {
		if (pipeline_need(&p, PIPELINE_SEAMS))
			goto done;
		model_assume(&p.m, "contexts", "default",
			     "carve seams with its defaults: igraph Leiden at "
			     "resolution %.4g, best of %d runs from seed %lu%s",
			     p.seams->resolution, p.seams->runs,
			     p.seams_opts.seed,
			     !a.no_history && p.m.history ? ", with change "
							    "coupling and "
							    "authors"
							  : ", static graph "
							    "and folders only");
	}
	if (p.seams && (pipeline_need(&p, PIPELINE_DATA) ||
			pipeline_need(&p, PIPELINE_API)))
		goto done;
	has_rules = cfg_has_rules(&p.cfg);
	if (has_rules) {
		if (check_load(&chk, &p.cfg, p.m.scan))
			goto done;
		scan_load_deps(p.m.scan);
		check_run(&chk);
	}
	if (add_estimate(&r, &a, &p) || add_roadmap(&r, &rm_json, &a, &p))
		goto done;
	r.roadmap_part = rm_json;
	add_burndown(&r, &a, &p);
	if (p.m.history)
		model_assume(&p.m, "history", "default",
			     "%zu commits to %.12s; coupling: at least %d "
			     "changes, %d shared, %d%% degree, changes of "
			     "over %d files left out",
			     p.m.history->commits, p.m.history->head,
			     p.m.history->min_revs, p.m.history->min_shared,
			     p.m.history->min_coupling,
			     p.m.history->max_changeset);
	model_assume(&p.m, "report limits",
		     a.max_rows != REPORT_MAX_ROWS ||
				     a.max_nodes != REPORT_MAX_NODES
			     ? "option"
			     : "default",
		     "tables show %d rows and count the rest; over %d "
		     "contexts make a dependency structure matrix instead of "
		     "a drawing",
		     a.max_rows, a.max_nodes);
	if (outfile_open(&out, a.common.output))
		goto done;
	r.fp = out.fp;
	r.m = &p.m;
	r.seams = p.seams;
	r.check = has_rules ? &chk : NULL;
	r.data = p.data;
	r.api = p.api;
	r.cfg = &p.cfg;
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
	check_release(&chk);
	graph_release(&g);
	pipeline_release(&p);
	return ret;
}
