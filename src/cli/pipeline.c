/*
 * The stage chain every command used to build by hand: config, then the
 * scan or the saved model, history, contexts, and what is computed from
 * them, each run once when a command first needs it.
 */
#include <string.h>

#include "carve/api.h"
#include "carve/api_analysis.h"
#include "carve/error.h"
#include "carve/history.h"
#include "carve/pipeline.h"
#include "carve/progress.h"
#include "carve/roadmap.h"
#include "carve/scan.h"

void pipeline_init(struct pipeline *p)
{
	struct burndown_options bo = BURNDOWN_OPTIONS_INIT;
	struct roadmap_source src = ROADMAP_SOURCE_INIT;
	struct model m = MODEL_INIT;
	struct config cfg = CONFIG_INIT;

	memset(p, 0, sizeof(*p));
	p->m = m;
	p->cfg = cfg;
	p->roadmap_src = src;
	p->burndown_opts = bo;
	seams_options_init(&p->seams_opts);
	estimate_options_init(&p->estimate_opts);
}

static const char *arg_of(const struct pipeline *p)
{
	return p->input.arg ? p->input.arg : ".";
}

/* a saved model is read, not scanned (carve scan's own options scan) */
static int reads_model(const struct pipeline *p)
{
	return !p->scan_opts && model_is_file(arg_of(p));
}

static const struct config *config_of(const struct pipeline *p)
{
	return p->fresh ? NULL : &p->cfg;
}

static int run_config(struct pipeline *p)
{
	if (p->fresh)
		return 0;
	if (reads_model(p))
		return p->input.config
			       ? config_load(&p->cfg, p->input.config, 1)
			       : 0;
	return input_load_config(&p->cfg, p->input.config, arg_of(p));
}

static int run_scan(struct pipeline *p)
{
	struct scan_options defaults = { 0 };
	struct scan_options *o = p->scan_opts;
	int ret;

	if (!o && !p->fresh) {
		/* read alone first (carve roadmap), it is not read again */
		if ((ret = input_open(&p->m, &p->cfg, &p->input)))
			return ret;
		p->done |= 1u << PIPELINE_CONFIG;
		return 0;
	}
	if ((ret = pipeline_need(p, PIPELINE_CONFIG)))
		return ret;
	if (!o) {
		o = &defaults;
		input_scan_defaults(o, &p->input);
	}
	input_apply_config(o, &p->cfg);
	return scan_run(&p->m.scan, o);
}

static int run_history(struct pipeline *p)
{
	int ret;

	if ((ret = pipeline_need(p, PIPELINE_SCAN)))
		return ret;
	if (input_history(&p->m, config_of(p), &p->input)) {
		if (!p->history_warning)
			return -1;
		warning("%s", p->history_warning);
	}
	return 0;
}

static int run_seams(struct pipeline *p)
{
	struct seams_options o = p->seams_opts;
	int ret;

	if ((ret = pipeline_need(p, PIPELINE_SCAN)) ||
	    (!p->no_history && (ret = pipeline_need(p, PIPELINE_HISTORY))))
		return ret;
	o.config = config_of(p);
	if (!p->no_history)
		o.history = p->m.history;
	return seams_propose(&p->seams, p->m.scan, &o);
}

static int run_data(struct pipeline *p)
{
	struct data_options o = p->data_opts;
	int ret;

	if ((ret = pipeline_need(p, PIPELINE_SEAMS)))
		return ret;
	o.threads = p->input.threads;
	return data_analyse(&p->data, p->m.scan, p->seams, &o);
}

static int run_api(struct pipeline *p)
{
	int ret;

	if ((ret = pipeline_need(p, PIPELINE_SEAMS)))
		return ret;
	return api_analyse(&p->api, p->m.scan, p->seams, p->input.threads);
}

/* The estimate of the proposed contexts, its assumptions in the model. */
static int run_estimate(struct pipeline *p)
{
	struct estimate_options o = p->estimate_opts;
	struct estimate *e;
	int ret;

	if ((ret = pipeline_need(p, PIPELINE_SEAMS)))
		return ret;
	o.config = config_of(p);
	o.threads = p->input.threads;
	if (p->done & (1u << PIPELINE_DATA))
		o.data = p->data;
	if (estimate_build(&p->estimate, p->m.scan, p->seams, &o))
		return -1;
	e = p->estimate;
	for (size_t i = 0; i < e->assume_nr; i++)
		model_assume(&p->m, e->assume[3 * i], e->assume[3 * i + 2],
			     "%s", e->assume[3 * i + 1]);
	return 0;
}

/*
 * carve.json's plan scheduled with carve roadmap's defaults (so the
 * dates are those of carve roadmap -f json), its notes as warnings.
 */
static int run_roadmap(struct pipeline *p)
{
	int ret;

	if ((ret = pipeline_need(p, PIPELINE_SCAN)))
		return ret;
	/* one effort model: the estimate already made is the one scheduled */
	if (p->done & (1u << PIPELINE_ESTIMATE)) {
		p->roadmap_src.given = p->estimate;
		p->roadmap_src.given_seams = p->seams;
	}
	p->roadmap_src.target = p->estimate_opts.target;
	if (plan_load(&p->plan, &p->cfg, 0) ||
	    roadmap_source_open(&p->roadmap_src, &p->m, &p->cfg, &p->plan,
				&p->input, ROADMAP_DEFAULT_TRIALS,
				ESTIMATE_SEED) ||
	    roadmap_build(&p->roadmap, &p->plan, &p->roadmap_src.in))
		return -1;
	roadmap_assume(&p->m, &p->plan, p->roadmap, 0, 0, 0, ESTIMATE_SEED);
	for (size_t i = 0; i < p->roadmap->notes_nr; i++)
		warning("%s", p->roadmap->notes[i]);
	return 0;
}

static int run_burndown(struct pipeline *p)
{
	int ret;

	if ((ret = pipeline_need(p, PIPELINE_SCAN)))
		return ret;
	return burndown_run(&p->burndown, &p->m, &p->cfg, &p->input,
			    &p->burndown_opts);
}

int pipeline_need(struct pipeline *p, enum pipeline_stage stage)
{
	static int (*const run[PIPELINE_STAGES])(struct pipeline *) = {
		[PIPELINE_CONFIG] = run_config,
		[PIPELINE_SCAN] = run_scan,
		[PIPELINE_HISTORY] = run_history,
		[PIPELINE_SEAMS] = run_seams,
		[PIPELINE_DATA] = run_data,
		[PIPELINE_API] = run_api,
		[PIPELINE_ESTIMATE] = run_estimate,
		[PIPELINE_ROADMAP] = run_roadmap,
		[PIPELINE_BURNDOWN] = run_burndown,
	};
	/* scan and history show their own progress */
	static const char *const title[PIPELINE_STAGES] = {
		[PIPELINE_SEAMS] = "seams",
		[PIPELINE_DATA] = "data",
		[PIPELINE_API] = "api",
		[PIPELINE_ESTIMATE] = "estimate",
		[PIPELINE_ROADMAP] = "roadmap",
		[PIPELINE_BURNDOWN] = "burndown",
	};
	struct progress_step *step;
	int ret;

	if (p->done & (1u << stage))
		return 0;
	step = title[stage] ? progress_step_start(title[stage]) : NULL;
	ret = run[stage](p);
	progress_step_stop(step);
	if (ret)
		return ret < 0 ? ret : CARVE_ERR;
	p->done |= 1u << stage;
	return 0;
}

void pipeline_assume_static_contexts(struct pipeline *p)
{
	model_assume(&p->m, "contexts", "default",
		     "carve seams' proposal from the static graph and folders "
		     "(no history), declared carve.json contexts kept");
}

void pipeline_release(struct pipeline *p)
{
	burndown_free(p->burndown);
	roadmap_free(p->roadmap);
	roadmap_source_release(&p->roadmap_src);
	plan_release(&p->plan);
	estimate_free(p->estimate);
	data_report_free(p->data);
	api_report_free(p->api);
	seams_free(p->seams);
	model_release(&p->m);
	config_release(&p->cfg);
}
