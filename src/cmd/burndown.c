/*
 * carve burndown: how much legacy code is left, how fast it goes, when it
 * ends, and whether the legacy side still grows: the actual series
 * sampled from git, a Monte Carlo forecast from its throughput, the
 * planned series when a roadmap is known; as text, CSV, the model's JSON,
 * or a chart (SVG, PNG).
 */
#include <string.h>

#include "carve/burndown.h"
#include "carve/burndown_chart.h"
#include "carve/burndown_csv.h"
#include "carve/burndown_text.h"
#include "carve/chart.h"
#include "carve/cli.h"
#include "carve/cmd.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/pipeline.h"
#include "carve/scan.h"
#include "carve/strbuf.h"

static const struct cli_command burndown_cmd = {
	"burndown",
	{ CLI_USAGE_INPUT },
	"Burndown and burn-up of the migration of the repository at PATH\n"
	"(default '.'): legacy and new code lines sampled from its git "
	"history,\n"
	"the scope added to legacy, the dependencies still crossing into it,\n"
	"and a forecast of the completion date. carve.json must declare\n"
	"\"legacy\" or \"new\" (or both): without them it stops (exit 1).\n",
};

struct burndown_args {
	struct common_options common;
	struct input_options input;
	struct burndown_options opts;
};

static int parse_interval(const struct cli_opt *opt, const char *arg)
{
	struct burndown_args *a = opt->value;
	char unit = 'd';
	int n = 0, len = 0;

	a->opts.set_interval = 1;
	if (!strcmp(arg, "tag")) {
		a->opts.snap.by_tag = 1;
		return 0;
	}
	if (sscanf(arg, "%d%n%c%n", &n, &len, &unit, &len) < 1 || arg[len] ||
	    n < 1 || n > 3660 || (unit != 'd' && unit != 'w'))
		return error_code(CARVE_EINVALID,
				  "--interval takes a number of days or "
				  "weeks (7d, 2w) or 'tag', not '%s'",
				  arg);
	a->opts.snap.interval = (int64_t)n * (unit == 'w' ? 7 : 1) * 86400;
	return 0;
}

static int parse_args(struct burndown_args *a, int argc, char **argv)
{
	struct burndown_options init = BURNDOWN_OPTIONS_INIT;
	struct snapshot_options *o = &a->opts.snap;
	int ret;
	const struct cli_opt opts[] = {
		CLI_COMMON(&a->common,
			   "text (default), json (the model), csv, svg or png "
			   "(a 1200x600 chart)",
			   "text", "worker threads (default: online CPUs)"),
		CLI_STRING(0, "rev", &o->rev, "REV",
			   "sample the first-parent history of REV", "HEAD"),
		CLI_CALLBACK(0, "interval", a, "SPAN", parse_interval,
			     "one sample per SPAN: 7d (default), 2w, 30d, or "
			     "'tag' for one sample per tag",
			     "7d"),
		CLI_DATE(0, "since", &o->since, "DATE",
			 "first sample date (YYYY-MM-DD)", NULL),
		CLI_DATE(0, "until", &o->until, "DATE", "last sample date",
			 NULL),
		CLI_DATE(0, "start", &o->start, "DATE",
			 "migration start (default: plan.start of carve.json, "
			 "else the first sample with new code)",
			 "plan.start", .given = &a->opts.set_start),
		CLI_DATE(0, "today", &a->opts.today, "DATE",
			 "the today marker (default: SOURCE_DATE_EPOCH, else "
			 "the newest sample's commit date)",
			 "SOURCE_DATE_EPOCH"),
		CLI_INT(0, "deps-every", &o->deps_every, "N", 0, 1 << 30,
			"dependencies and check violations at every Nth sample "
			"and the last (default: about 24 samples in all; 0: "
			"none)",
			"about 24"),
		CLI_INT(0, "trials", &a->opts.trials, "N", 1, 10000000,
			"Monte Carlo trials of the forecast from the pace "
			"(the plan's are carve estimate's 10000)",
			"10000"),
		CLI_ULLONG(0, "seed", &a->opts.seed, "N", 0, 1 << 30,
			   "random seed of the forecast and of the plan's "
			   "estimate (as carve estimate --seed)",
			   "1"),
		CLI_STRING(0, "target", &a->opts.target, "LANG",
			   "the language services are written in, for the "
			   "plan's estimate, as carve estimate --target "
			   "(default: carve.json \"target\", else none: a "
			   "split)",
			   "carve.json"),
		CLI_SWITCH(0, "no-plan", &a->opts.no_plan,
			   "leave out the planned series of carve.json's "
			   "\"plan\" (carve roadmap's schedule)"),
		CLI_STRING(0, "cache-dir", &o->cache_dir, "DIR",
			   "keep the blob cache in DIR (default: .git/carve)",
			   ".git/carve"),
		CLI_SWITCH(0, "no-cache", &o->no_cache,
			   "neither read nor write the blob cache"),
		CLI_HELP_ROW,
		CLI_END,
	};

	common_options_init(&a->common, "text,json,csv,svg,png");
	a->opts = init;
	if ((ret = cli_parse_input(&a->input, &a->common, &burndown_cmd, opts,
				   argc, argv)))
		return ret;
	if (o->since && o->until && o->until < o->since)
		return error_code(CARVE_EINVALID, "--until is before --since");
	o->threads = a->common.threads;
	return 0;
}

int cmd_burndown(int argc, char **argv)
{
	struct burndown_args a = { 0 };
	struct pipeline p;
	struct outfile out = OUTFILE_INIT;
	struct burndown *b = NULL;
	struct strbuf svg = STRBUF_INIT;
	const char *name;
	int ret;

	pipeline_init(&p);
	if ((ret = parse_args(&a, argc, argv))) {
		ret = cli_exit_status(ret);
		goto done;
	}
	ret = EXIT_FATAL;
	p.input = a.input;
	p.burndown_opts = a.opts;
	/* before the scan: nothing to measure without a declared migration */
	if (pipeline_need(&p, PIPELINE_CONFIG))
		goto done;
	switch (burndown_declared(&p.cfg, a.input.arg ? a.input.arg : ".")) {
	case 0:
		break;
	case BURNDOWN_EUNDECLARED:
		ret = EXIT_FINDINGS;
		goto done;
	default:
		goto done;
	}
	if (pipeline_need(&p, PIPELINE_BURNDOWN))
		goto done;
	b = p.burndown;
	p.burndown = NULL;
	p.m.burndown = b;
	if (b->actual->all_legacy && !a.common.quiet)
		warning("no \"legacy\" paths in carve.json: every path not in "
			"\"new\" counts as legacy");
	name = strrchr(p.m.scan->root, '/');
	name = name && name[1] ? name + 1 : p.m.scan->root;
	if (outfile_open(&out, a.common.output))
		goto done;
	switch (a.common.format) {
	case FORMAT_JSON:
		model_write_json(out.fp, &p.m);
		break;
	case FORMAT_CSV:
		burndown_print_csv(out.fp, b);
		break;
	case FORMAT_SVG:
		burndown_chart(&svg, b, name);
		fwrite(svg.buf, 1, svg.len, out.fp);
		break;
	case FORMAT_PNG:
		burndown_chart(&svg, b, name);
		if (chart_png(out.fp, svg.buf, svg.len, 1200, 600))
			goto done;
		break;
	default:
		burndown_print_text(out.fp, &p.m, b);
		break;
	}
	if (outfile_commit(&out))
		goto done;
	ret = EXIT_OK;
done:
	outfile_abort(&out);
	p.m.burndown = NULL;
	burndown_free(b);
	pipeline_release(&p);
	strbuf_release(&svg);
	return ret;
}
