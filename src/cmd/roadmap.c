/*
 * carve roadmap: the migration scheduled for the real team on a real
 * calendar: phase 0, one extraction per context in its steps, data
 * separation; waves, milestones with P50/P85 dates, critical path and
 * utilisation, as text, CSV, JSON, Mermaid, TaskJuggler, MS Project XML
 * or a Graphviz drawing.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "carve/cmd.h"
#include "carve/config.h"
#include "carve/input.h"
#include "carve/model.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/plan.h"
#include "carve/roadmap.h"
#include "carve/roadmap_dot.h"
#include "carve/roadmap_mermaid.h"
#include "carve/roadmap_pm.h"
#include "carve/roadmap_source.h"
#include "carve/roadmap_text.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/* clang-format off */
static const char usage_text[] =
"usage: carve roadmap [options] [PATH | MODEL.json]\n"
"\n"
"Schedules the migration of the repository at PATH (default '.'), of a\n"
"model file, or of the contexts declared in carve.json \"plan.contexts\":\n"
"phase 0, one extraction per context in its steps, data separation;\n"
"resource-levelled on plan.capacity and the calendar, with P50/P85\n"
"dates of every milestone from the Monte Carlo trials.\n"
"\n"
"  -o, --output FILE      write to FILE (default '-', standard output)\n"
"  -f, --format FORMAT    text (default), json, csv, mermaid, dot, svg,\n"
"                         png, tjp (TaskJuggler) or msproject (XML)\n"
"  -c, --config FILE      read FILE instead of carve.json at the root\n"
"  -j, --jobs N           worker threads for the scan (default: CPUs)\n"
"  -q, --quiet            no progress and no warnings on stderr\n"
"      --progress WHEN    auto (default), never or always\n"
"      --start DATE       first day (YYYY-MM-DD; default plan.start,\n"
"                         else today)\n"
"      --trials N         Monte Carlo trials scheduled (default 1000;\n"
"                         0: the P50 schedule only)\n"
"      --seed N           seed of the trials (default 1)\n"
"      --sizes FILE       contexts and code sizes (JSON, as carve estimate\n"
"                         --sizes) instead of a repository\n"
"  -h, --help             show this help\n";
/* clang-format on */

enum { OPT_START = 256, OPT_TRIALS, OPT_SEED, OPT_SIZES };

static const struct option long_options[] = {
	COMMON_LONG_OPTIONS,
	{ "start", required_argument, NULL, OPT_START },
	{ "trials", required_argument, NULL, OPT_TRIALS },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "sizes", required_argument, NULL, OPT_SIZES },
	{ NULL, 0, NULL, 0 },
};

struct roadmap_args {
	struct common_options common;
	struct input_options input;
	const char *start, *sizes;
	int trials, seed;
	int set_trials, set_seed;
};

static int parse_args(struct roadmap_args *a, int argc, char **argv)
{
	int c, ret;
	calendar_day d;

	common_options_init(&a->common, "text,json,csv,mermaid,dot,svg,png,tjp,"
					"msproject");
	a->trials = ROADMAP_DEFAULT_TRIALS;
	a->seed = 1;
	optind = 1;
	while ((c = getopt_long(argc, argv, COMMON_SHORT_OPTIONS, long_options,
				NULL)) != -1) {
		ret = common_options_parse(&a->common, c, optarg);
		if (ret < 0)
			return EXIT_USAGE;
		if (ret)
			continue;
		switch (c) {
		case OPT_START:
			if (calendar_parse(&d, optarg)) {
				error("--start takes an ISO 8601 date "
				      "(YYYY-MM-DD), not '%s'",
				      optarg);
				return EXIT_USAGE;
			}
			a->start = optarg;
			break;
		case OPT_TRIALS:
			if (options_int(&a->trials, optarg, "--trials", 0,
					100000))
				return EXIT_USAGE;
			a->set_trials = 1;
			break;
		case OPT_SEED:
			if (options_int(&a->seed, optarg, "--seed", 0,
					2147483647))
				return EXIT_USAGE;
			a->set_seed = 1;
			break;
		case OPT_SIZES:
			a->sizes = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		default:
			fputs(usage_text, stderr);
			return EXIT_USAGE;
		}
	}
	if (input_from_args(&a->input, "roadmap", argc, argv, optind,
			    &a->common))
		return EXIT_USAGE;
	if (a->sizes && a->input.arg) {
		error("--sizes and a PATH or MODEL.json: give one input");
		return EXIT_USAGE;
	}
	common_options_apply(&a->common);
	return -1;
}

/* Today, or SOURCE_DATE_EPOCH's day for reproducible builds and tests. */
static calendar_day today(void)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	time_t now = env && *env ? (time_t)strtoll(env, NULL, 10) : time(NULL);

	return (calendar_day)(now / 86400);
}

int cmd_roadmap(int argc, char **argv)
{
	struct roadmap_args a = { 0 };
	struct config cfg = CONFIG_INIT;
	struct model m = MODEL_INIT;
	struct plan plan;
	struct roadmap_source src = ROADMAP_SOURCE_INIT;
	struct roadmap *r = NULL;
	struct outfile out = OUTFILE_INIT;
	struct strbuf title = STRBUF_INIT;
	calendar_day start = today();
	int ret;

	memset(&plan, 0, sizeof(plan));
	ret = parse_args(&a, argc, argv);
	if (ret >= 0)
		goto done;
	ret = EXIT_FATAL;
	if (a.start)
		calendar_parse(&start, a.start);
	/* as input_open() reads it: a model file takes only -c */
	if (model_is_file(a.input.arg ? a.input.arg : ".")) {
		if (a.input.config && config_load(&cfg, a.input.config, 1))
			goto done;
	} else if (input_load_config(&cfg, a.input.config,
				     a.input.arg ? a.input.arg : ".")) {
		goto done;
	}
	if (!plan_declares_contexts(&cfg) && !a.sizes) {
		/* contexts and efforts come from the repository (or model) */
		config_release(&cfg);
		if (input_open(&m, &cfg, &a.input))
			goto done;
	}
	if (plan_load(&plan, &cfg, start))
		goto done;
	if (a.start) {
		plan.cal.start = start;
		plan.start_set = 1;
		while (!calendar_is_workday(&plan.cal, plan.cal.start))
			plan.cal.start++;
	}
	if (a.sizes && plan.contexts_nr) {
		error("--sizes and plan.contexts in '%s': give one input",
		      plan.path);
		goto done;
	}
	if (a.sizes ? roadmap_source_sizes(
			      &src, a.sizes, &cfg, (size_t)a.trials,
			      (unsigned long)a.seed, a.common.threads)
		    : roadmap_source_open(&src, &m, &cfg, &plan, &a.input,
					  (size_t)a.trials,
					  (unsigned long)a.seed))
		goto done;
	if (roadmap_build(&r, &plan, &src.in))
		goto done;
	roadmap_assume(&m, &plan, r, a.start != NULL, a.set_trials, a.set_seed,
		       (unsigned long)a.seed);
	for (size_t i = 0; i < r->notes_nr; i++)
		warning("%s", r->notes[i]);
	if (outfile_open(&out, a.common.output))
		goto done;
	switch (a.common.format) {
	case FORMAT_CSV:
		roadmap_print_csv(out.fp, r);
		break;
	case FORMAT_MERMAID:
		roadmap_print_mermaid(out.fp, r);
		break;
	case FORMAT_TJP:
		roadmap_print_tjp(out.fp, r);
		break;
	case FORMAT_MSPROJECT:
		roadmap_print_msproject(out.fp, r);
		break;
	case FORMAT_DOT:
	case FORMAT_SVG:
	case FORMAT_PNG:
		strbuf_addf(&title, "migration roadmap (%s)",
			    r->source ? r->source : "plan");
		if (roadmap_render(out.fp, r, a.common.format, title.buf))
			goto done;
		break;
	case FORMAT_JSON:
		/*
		 * declared contexts have no files: an empty scan rooted at
		 * the config keeps the model loadable by later commands;
		 * the contexts and the estimate behind the plan go with it
		 */
		if (!m.scan) {
			m.scan = xcalloc(1, sizeof(*m.scan));
			m.scan->root = xstrdup(a.sizes ? a.sizes : plan.path);
			m.scan->prefix = xstrdup("");
		}
		if (!m.seams) {
			m.seams = src.seams;
			src.seams = NULL;
		}
		if (src.estimate && !m.estimate) {
			m.estimate = src.estimate;
			src.estimate = NULL;
		}
		m.roadmap = r;
		model_write_json(out.fp, &m);
		m.roadmap = NULL;
		break;
	default:
		roadmap_print_text(out.fp, r, &m);
		break;
	}
	if (outfile_commit(&out))
		goto done;
	/* a plan that cannot finish is written, and is a finding */
	ret = r->finished ? EXIT_OK : EXIT_FINDINGS;
done:
	outfile_abort(&out);
	strbuf_release(&title);
	roadmap_free(r);
	roadmap_source_release(&src);
	model_release(&m);
	plan_release(&plan);
	config_release(&cfg);
	return ret;
}
