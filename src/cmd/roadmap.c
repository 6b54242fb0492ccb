/*
 * carve roadmap: the migration scheduled for the real team on a real
 * calendar: phase 0, one extraction per context in its steps, data
 * separation; waves, milestones with P50/P85 dates, critical path and
 * utilisation, as text, CSV, JSON, Mermaid, TaskJuggler, MS Project XML
 * or a Graphviz drawing.
 */
#include <string.h>
#include <time.h>

#include "carve/cli.h"
#include "carve/cmd.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/pipeline.h"
#include "carve/roadmap.h"
#include "carve/roadmap_dot.h"
#include "carve/roadmap_mermaid.h"
#include "carve/roadmap_pm.h"
#include "carve/roadmap_source.h"
#include "carve/roadmap_text.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

static const struct cli_command roadmap_cmd = {
	"roadmap",
	{ CLI_USAGE_INPUT },
	"Schedules the migration of the repository at PATH (default '.'), of "
	"a\n"
	"model file, or of the contexts declared in carve.json "
	"\"plan.contexts\":\n"
	"phase 0, one extraction per context in its steps, data separation;\n"
	"resource-levelled on plan.capacity and the calendar, with P50/P85\n"
	"dates of every milestone from the Monte Carlo trials.\n",
};

struct roadmap_args {
	struct common_options common;
	struct input_options input;
	const char *start, *sizes, *target;
	int trials, seed;
	int set_trials, set_seed;
};

static int take_start(const struct cli_opt *opt, const char *arg)
{
	struct roadmap_args *a = opt->value;
	calendar_day d;

	if (calendar_parse(&d, arg))
		return error_code(CARVE_EINVALID,
				  "--start takes an ISO 8601 date "
				  "(YYYY-MM-DD), not '%s'",
				  arg);
	a->start = arg;
	return 0;
}

static int parse_args(struct roadmap_args *a, int argc, char **argv)
{
	int ret;
	const struct cli_opt opts[] = {
		CLI_COMMON(&a->common,
			   "text (default), json, csv, mermaid, dot, svg, png, "
			   "tjp (TaskJuggler) or msproject (XML)",
			   "text",
			   "worker threads: scan and trials (default: CPUs)"),
		CLI_CALLBACK(0, "start", a, "DATE", take_start,
			     "first day (YYYY-MM-DD; default plan.start, else "
			     "today)",
			     "plan.start"),
		CLI_INT(0, "trials", &a->trials, "N", 0, 100000,
			"Monte Carlo trials of carve estimate scheduled "
			"(default 10000, the estimate's; 0: the P50 schedule "
			"only)",
			"10000", .given = &a->set_trials),
		CLI_INT(0, "seed", &a->seed, "N", 0, 2147483647,
			"seed of the trials", "1", .given = &a->set_seed),
		CLI_STRING(0, "target", &a->target, "LANG",
			   "the language services are written in, as carve "
			   "estimate --target (default: carve.json \"target\", "
			   "else none: a split)",
			   "carve.json"),
		CLI_STRING(0, "sizes", &a->sizes, "FILE",
			   "contexts and code sizes (JSON, as carve estimate "
			   "--sizes) instead of a repository",
			   NULL),
		CLI_HELP_ROW,
		CLI_END,
	};

	common_options_init(&a->common, "text,json,csv,mermaid,dot,svg,png,tjp,"
					"msproject");
	a->trials = ROADMAP_DEFAULT_TRIALS;
	a->seed = 1;
	if ((ret = cli_parse_input(&a->input, &a->common, &roadmap_cmd, opts,
				   argc, argv)))
		return ret;
	if (a->sizes && a->input.arg)
		return error_code(CARVE_EINVALID, "--sizes and a PATH or "
						  "MODEL.json: give one input");
	return 0;
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
	struct pipeline p;
	struct plan plan;
	struct roadmap_source src = ROADMAP_SOURCE_INIT;
	struct roadmap *r = NULL;
	struct outfile out = OUTFILE_INIT;
	struct strbuf title = STRBUF_INIT;
	calendar_day start = today();
	int ret;

	memset(&plan, 0, sizeof(plan));
	pipeline_init(&p);
	if ((ret = parse_args(&a, argc, argv))) {
		ret = cli_exit_status(ret);
		goto done;
	}
	ret = EXIT_FATAL;
	if (a.start)
		calendar_parse(&start, a.start);
	p.input = a.input;
	if (pipeline_need(&p, PIPELINE_CONFIG))
		goto done;
	/* contexts and efforts come from the repository (or model) */
	if (!plan_declares_contexts(&p.cfg) && !a.sizes &&
	    pipeline_need(&p, PIPELINE_SCAN))
		goto done;
	if (plan_load(&plan, &p.cfg, start))
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
	src.target = a.target;
	if (a.sizes ? roadmap_source_sizes(
			      &src, a.sizes, &p.cfg, (size_t)a.trials,
			      (unsigned long)a.seed, a.common.threads)
		    : roadmap_source_open(&src, &p.m, &p.cfg, &plan, &a.input,
					  (size_t)a.trials,
					  (unsigned long)a.seed))
		goto done;
	if (roadmap_build(&r, &plan, &src.in))
		goto done;
	roadmap_assume(&p.m, &plan, r, a.start != NULL, a.set_trials,
		       a.set_seed, (unsigned long)a.seed);
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
		if (!p.m.scan) {
			p.m.scan = xcalloc(1, sizeof(*p.m.scan));
			p.m.scan->root = xstrdup(a.sizes ? a.sizes : plan.path);
			p.m.scan->prefix = xstrdup("");
		}
		if (!p.m.seams) {
			p.m.seams = src.seams;
			src.seams = NULL;
		}
		if (src.estimate && !p.m.estimate) {
			p.m.estimate = src.estimate;
			src.estimate = NULL;
		}
		p.m.roadmap = r;
		model_write_json(out.fp, &p.m);
		p.m.roadmap = NULL;
		break;
	default:
		roadmap_print_text(out.fp, r, &p.m);
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
	model_release(&p.m);
	plan_release(&plan);
	config_release(&p.cfg);
	return ret;
}
