/*
 * carve estimate: engineer-days per context from code lines and porting
 * rates, seam interfaces and fixed costs, as Monte Carlo ranges, with a
 * COCOMO II cross-check, the team's own delivery rate (--calibrate) and
 * what-if scenarios printed against the baseline.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "carve/cmd.h"
#include "carve/estimate.h"
#include "carve/estimate_csv.h"
#include "carve/estimate_text.h"
#include "carve/history.h"
#include "carve/input.h"
#include "carve/model.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/rates.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/xmalloc.h"

/* clang-format off */
static const char usage_text[] =
"usage: carve estimate [options] [PATH | MODEL.json]\n"
"       carve estimate [options] --sizes FILE\n"
"\n"
"Engineer-days to move each context of the repository at PATH (default\n"
"'.'), of a model, or of the sizes declared in FILE: P50 and P10-P90\n"
"from a Monte Carlo over every rate and factor, with every assumption.\n"
"\n"
"  -o, --output FILE      write to FILE (default '-', standard output)\n"
"  -f, --format FORMAT    text (default), json or csv\n"
"  -c, --config FILE      read FILE instead of carve.json at the root\n"
"  -j, --jobs N           worker threads (default: CPUs)\n"
"  -q, --quiet            no progress and no warnings on stderr\n"
"      --progress WHEN    auto (default), never or always\n"
"      --target LANG      the language services are written in (default:\n"
"                         carve.json \"target\", else none: a split)\n"
"      --rate PAIR=R      lines per engineer-day for a language pair,\n"
"                         python->go=40 or python->go=20,31,60 (slow,\n"
"                         likely, fast); repeatable\n"
"      --exclude-context NAME\n"
"                         leave a context out; repeatable\n"
"      --what-if          compare --target, --rate and --exclude-context\n"
"                         with the baseline without them\n"
"      --sizes FILE       declared sizes (JSON) instead of a repository\n"
"      --distribution D   lognormal (default), pert or fixed\n"
"      --trials N         Monte Carlo trials (default 10000)\n"
"      --seed N           seed of the trials (default 1)\n"
"      --calibrate        compare with the lines per active author-day\n"
"                         of the repository's history\n"
"      --no-history       contexts from the static graph and folders only\n"
"  -h, --help             show this help\n";
/* clang-format on */

enum {
	OPT_TARGET = 256,
	OPT_RATE,
	OPT_EXCLUDE,
	OPT_WHAT_IF,
	OPT_SIZES,
	OPT_DIST,
	OPT_TRIALS,
	OPT_SEED,
	OPT_CALIBRATE,
	OPT_NO_HISTORY,
};

static const struct option long_options[] = {
	COMMON_LONG_OPTIONS,
	{ "target", required_argument, NULL, OPT_TARGET },
	{ "rate", required_argument, NULL, OPT_RATE },
	{ "exclude-context", required_argument, NULL, OPT_EXCLUDE },
	{ "what-if", no_argument, NULL, OPT_WHAT_IF },
	{ "sizes", required_argument, NULL, OPT_SIZES },
	{ "distribution", required_argument, NULL, OPT_DIST },
	{ "trials", required_argument, NULL, OPT_TRIALS },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "calibrate", no_argument, NULL, OPT_CALIBRATE },
	{ "no-history", no_argument, NULL, OPT_NO_HISTORY },
	{ NULL, 0, NULL, 0 },
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

static int parse_args(struct estimate_args *a, int argc, char **argv)
{
	int c, ret, n;

	common_options_init(&a->common, "text,json,csv");
	estimate_options_init(&a->o);
	optind = 1;
	while ((c = getopt_long(argc, argv, COMMON_SHORT_OPTIONS, long_options,
				NULL)) != -1) {
		ret = common_options_parse(&a->common, c, optarg);
		if (ret < 0)
			return EXIT_USAGE;
		if (ret)
			continue;
		switch (c) {
		case OPT_TARGET:
			if (!*optarg) {
				error("--target takes a language name");
				return EXIT_USAGE;
			}
			a->o.target = optarg;
			break;
		case OPT_RATE:
			if (check_rate(optarg))
				return EXIT_USAGE;
			push(&a->o.rates, &a->o.rates_nr, optarg);
			break;
		case OPT_EXCLUDE:
			push(&a->o.exclude, &a->o.exclude_nr, optarg);
			break;
		case OPT_WHAT_IF:
			a->what_if = 1;
			break;
		case OPT_SIZES:
			a->sizes = optarg;
			break;
		case OPT_DIST:
			if (estimate_dist_parse_kind(&a->o.dist, optarg)) {
				error("--distribution takes lognormal, pert or "
				      "fixed, not '%s'",
				      optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_TRIALS:
			if (options_int(&n, optarg, "--trials", 1, 1000000))
				return EXIT_USAGE;
			a->o.trials = (size_t)n;
			break;
		case OPT_SEED:
			if (options_int(&n, optarg, "--seed", 0, 2147483647))
				return EXIT_USAGE;
			a->o.seed = (unsigned long)n;
			break;
		case OPT_CALIBRATE:
			a->calibrate = 1;
			break;
		case OPT_NO_HISTORY:
			a->no_history = 1;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		default:
			fputs(usage_text, stderr);
			return EXIT_USAGE;
		}
	}
	if (input_from_args(&a->input, "estimate", argc, argv, optind,
			    &a->common))
		return EXIT_USAGE;
	if (a->sizes && a->input.arg) {
		error("--sizes and a PATH or MODEL.json: give one input");
		return EXIT_USAGE;
	}
	if (a->sizes && a->calibrate) {
		error("--calibrate needs a repository, not --sizes");
		return EXIT_USAGE;
	}
	if (a->what_if && !a->o.target && !a->o.rates_nr && !a->o.exclude_nr) {
		error("--what-if needs a scenario: --target, --rate or "
		      "--exclude-context");
		return EXIT_USAGE;
	}
	a->o.threads = a->common.threads;
	common_options_apply(&a->common);
	return -1;
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
	struct config cfg = CONFIG_INIT;
	struct model m = MODEL_INIT;
	struct outfile out = OUTFILE_INIT;
	struct estimate_options base;
	struct estimate *e = NULL, *baseline = NULL;
	struct seams *s = NULL;
	int ret;

	ret = parse_args(&a, argc, argv);
	if (ret >= 0)
		goto done;
	ret = EXIT_FATAL;
	if (a.sizes) {
		if (input_load_config(&cfg, a.input.config, "."))
			goto done;
	} else {
		if (input_open(&m, &cfg, &a.input))
			goto done;
		if (m.estimate && !m.scan->nr) {
			/* a model of declared sizes: its estimate as stored */
			if (a.what_if || a.o.rates_nr || a.o.target ||
			    a.o.exclude_nr) {
				error("'%s' holds declared sizes, not code: "
				      "run --sizes again for other options",
				      a.input.arg);
				goto done;
			}
			e = m.estimate;
			m.estimate = NULL;
			goto print;
		}
		if (estimate_contexts(&s, &m, &cfg, a.input.arg,
				      a.common.threads,
				      a.no_history && !a.calibrate))
			goto done;
		if (a.no_history && a.calibrate)
			warning("--calibrate mines the history even with "
				"--no-history");
	}
	a.o.config = &cfg;
	if (a.what_if) {
		base = a.o;
		base.target = NULL;
		base.rates_nr = 0;
		base.exclude_nr = 0;
		if (run(&baseline, &a, &base, &m, s))
			goto done;
	}
	if (run(&e, &a, &a.o, &m, s))
		goto done;
	if (a.calibrate && estimate_calibrate(e, m.scan, m.history))
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
		if (!m.scan) {
			m.scan = xcalloc(1, sizeof(*m.scan));
			m.scan->root = xstrdup(a.sizes);
			m.scan->prefix = xstrdup("");
		}
		for (size_t i = 0; i < e->assume_nr; i++)
			model_assume(&m, e->assume[3 * i], e->assume[3 * i + 2],
				     "%s", e->assume[3 * i + 1]);
		m.seams = s;
		s = NULL;
		/* a model's earlier estimate is replaced */
		estimate_free(m.estimate);
		m.estimate = e;
		e = NULL;
		model_write_json(out.fp, &m);
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
	seams_free(s);
	model_release(&m);
	config_release(&cfg);
	free(a.o.rates);
	free(a.o.exclude);
	return ret;
}
