/*
 * carve estimate: engineer-days per context from code lines and porting
 * rates, seam interfaces and fixed costs, as Monte Carlo ranges, with a
 * COCOMO II cross-check, the team's own delivery rate (--calibrate) and
 * what-if scenarios printed against the baseline.
 */

#include "carve/cli.h"
#include "carve/cmd.h"
#include "carve/estimate.h"
#include "carve/estimate_csv.h"
#include "carve/estimate_text.h"
#include "carve/input.h"
#include "carve/model.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/pipeline.h"
#include "carve/rates.h"
#include "carve/scan.h"
#include "carve/xmalloc.h"

static const struct cli_command estimate_cmd = {
	"estimate",
	{ CLI_USAGE_INPUT, "[options] --sizes FILE" },
	"Engineer-days to move each context of the repository at PATH "
	"(default\n"
	"'.'), of a model, or of the sizes declared in FILE: P50 and P10-P90\n"
	"from a Monte Carlo over every rate and factor, with every "
	"assumption.\n",
};

struct estimate_args {
	struct common_options common;
	struct input_options input;
	struct estimate_options o;
	const char *sizes;
	int what_if, calibrate, no_history;
};

static void push(const char ***v, size_t *nr, const char *s)
{
	*v = xreallocarray(*v, *nr + 1, sizeof(**v));
	(*v)[(*nr)++] = s;
}

/* A bad --rate is a usage error, found before any work. */
static int check_rate(const char *arg)
{
	struct rate_overrides ov = { 0 };
	int ret = rates_parse_option(&ov, arg, DIST_LOGNORMAL);

	rates_overrides_release(&ov);
	return ret;
}

static int take_target(const struct cli_opt *opt, const char *arg)
{
	struct estimate_args *a = opt->value;

	if (!*arg)
		return error_code(CARVE_EINVALID, "--target takes a language "
						  "name");
	a->o.target = arg;
	return 0;
}

static int take_rate(const struct cli_opt *opt, const char *arg)
{
	struct estimate_args *a = opt->value;

	if (check_rate(arg))
		return CARVE_EINVALID;
	push(&a->o.rates, &a->o.rates_nr, arg);
	return 0;
}

static int take_exclude(const struct cli_opt *opt, const char *arg)
{
	struct estimate_args *a = opt->value;

	push(&a->o.exclude, &a->o.exclude_nr, arg);
	return 0;
}

static int take_dist(const struct cli_opt *opt, const char *arg)
{
	struct estimate_args *a = opt->value;

	if (estimate_dist_parse_kind(&a->o.dist, arg))
		return error_code(CARVE_EINVALID,
				  "--distribution takes lognormal, pert or "
				  "fixed, not '%s'",
				  arg);
	return 0;
}

static int parse_args(struct estimate_args *a, int argc, char **argv)
{
	int ret;
	const struct cli_opt opts[] = {
		CLI_COMMON(&a->common, "text (default), json or csv", "text",
			   "worker threads (default: CPUs)"),
		CLI_CALLBACK(0, "target", a, "LANG", take_target,
			     "the language services are written in (default: "
			     "carve.json \"target\", else none: a split)",
			     NULL),
		CLI_CALLBACK(0, "rate", a, "PAIR=R", take_rate,
			     "lines per engineer-day for a language pair, "
			     "python->go=40 or python->go=20,31,60 (slow, "
			     "likely, "
			     "fast); repeatable",
			     NULL),
		CLI_CALLBACK(0, "exclude-context", a, "NAME", take_exclude,
			     "leave a context out; repeatable", NULL),
		CLI_SWITCH(0, "what-if", &a->what_if,
			   "compare --target, --rate and --exclude-context "
			   "with "
			   "the baseline without them"),
		CLI_STRING(0, "sizes", &a->sizes, "FILE",
			   "declared sizes (JSON) instead of a repository",
			   NULL),
		CLI_CALLBACK(0, "distribution", a, "D", take_dist,
			     "lognormal (default), pert or fixed", "lognormal"),
		CLI_SIZE_T(0, "trials", &a->o.trials, "N", 1, 1000000,
			   "Monte Carlo trials", "10000"),
		CLI_ULONG(0, "seed", &a->o.seed, "N", 0, 2147483647,
			  "seed of the trials", "1"),
		CLI_SWITCH(0, "calibrate", &a->calibrate,
			   "compare with the lines per active author-day of "
			   "the "
			   "repository's history"),
		CLI_SWITCH(0, "no-history", &a->no_history,
			   "contexts from the static graph and folders only"),
		CLI_HELP_ROW,
		CLI_END,
	};

	common_options_init(&a->common, "text,json,csv");
	estimate_options_init(&a->o);
	if ((ret = cli_parse_input(&a->input, &a->common, &estimate_cmd, opts,
				   argc, argv)))
		return ret;
	if (a->sizes && a->input.arg)
		return error_code(CARVE_EINVALID, "--sizes and a PATH or "
						  "MODEL.json: give one input");
	if (a->sizes && a->calibrate)
		return error_code(CARVE_EINVALID, "--calibrate needs a "
						  "repository, not --sizes");
	if (a->what_if && !a->o.target && !a->o.rates_nr && !a->o.exclude_nr)
		return error_code(CARVE_EINVALID, "--what-if needs a scenario: "
						  "--target, --rate "
						  "or --exclude-context");
	a->o.threads = a->common.threads;
	return 0;
}

/* One estimate of the input with options o. */
static int run(struct estimate **out, const struct estimate_args *a,
	       const struct estimate_options *o, const struct model *m,
	       const struct seams *s)
{
	if (a->sizes)
		return estimate_build_sizes(out, a->sizes, o);
	return estimate_build(out, m->scan, s, o);
}

int cmd_estimate(int argc, char **argv)
{
	struct estimate_args a = { 0 };
	struct pipeline p;
	struct outfile out = OUTFILE_INIT;
	struct estimate_options base;
	struct estimate *e = NULL, *baseline = NULL;
	int ret;

	pipeline_init(&p);
	if ((ret = parse_args(&a, argc, argv))) {
		ret = cli_exit_status(ret);
		goto done;
	}
	ret = EXIT_FATAL;
	p.input = a.input;
	if (a.sizes) {
		if (pipeline_need(&p, PIPELINE_CONFIG))
			goto done;
	} else {
		if (pipeline_need(&p, PIPELINE_SCAN))
			goto done;
		if (p.m.estimate && !p.m.scan->nr) {
			/* a model of declared sizes: its estimate as stored */
			if (a.what_if || a.o.rates_nr || a.o.target ||
			    a.o.exclude_nr) {
				error("'%s' holds declared sizes, not code: "
				      "run --sizes again for other options",
				      a.input.arg);
				goto done;
			}
			e = p.m.estimate;
			p.m.estimate = NULL;
			goto print;
		}
		p.no_history = a.no_history && !a.calibrate;
		p.history_warning = "no history: contexts from the static "
				    "graph and folders";
		if (pipeline_need(&p, PIPELINE_SEAMS))
			goto done;
		if (a.no_history && a.calibrate)
			warning("--calibrate mines the history even with "
				"--no-history");
	}
	a.o.config = &p.cfg;
	if (a.what_if) {
		base = a.o;
		base.target = NULL;
		base.rates_nr = 0;
		base.exclude_nr = 0;
		if (run(&baseline, &a, &base, &p.m, p.seams))
			goto done;
	}
	if (run(&e, &a, &a.o, &p.m, p.seams))
		goto done;
	if (a.calibrate && estimate_calibrate(e, p.m.scan, p.m.history))
		goto done;
print:
	if (outfile_open(&out, a.common.output))
		goto done;
	switch (a.common.format) {
	case FORMAT_CSV:
		estimate_print_csv(out.fp, e);
		break;
	case FORMAT_JSON:
		/*
		 * declared sizes have no files: an empty scan rooted at the
		 * sizes file keeps the model loadable by later commands
		 */
		if (!p.m.scan) {
			p.m.scan = xcalloc(1, sizeof(*p.m.scan));
			p.m.scan->root = xstrdup(a.sizes);
			p.m.scan->prefix = xstrdup("");
		}
		for (size_t i = 0; i < e->assume_nr; i++)
			model_assume(&p.m, e->assume[3 * i],
				     e->assume[3 * i + 2], "%s",
				     e->assume[3 * i + 1]);
		p.m.seams = p.seams;
		p.seams = NULL;
		/* a model's earlier estimate is replaced */
		estimate_free(p.m.estimate);
		p.m.estimate = e;
		e = NULL;
		model_write_json(out.fp, &p.m);
		break;
	default:
		estimate_print_text(out.fp, e, baseline);
		break;
	}
	if (outfile_commit(&out))
		goto done;
	ret = EXIT_OK;
done:
	outfile_abort(&out);
	estimate_free(e);
	estimate_free(baseline);
	pipeline_release(&p);
	free(a.o.rates);
	free(a.o.exclude);
	return ret;
}
