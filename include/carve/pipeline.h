/*
 * The stages a command needs, run once each and in order: "make sure the
 * model has stage X" (pipeline_need) runs what X needs first. A command
 * fills the input and any stage options it has, asks for its stages, and
 * renders. The model and the config belong to the pipeline, as does each
 * stage's result until a command moves it into the model (set the
 * pipeline's pointer to NULL then); pipeline_release() frees the rest.
 */
#ifndef CARVE_PIPELINE_H
#define CARVE_PIPELINE_H

#include "carve/burndown.h"
#include "carve/calendar.h"
#include "carve/config.h"
#include "carve/data_analysis.h"
#include "carve/estimate.h"
#include "carve/input.h"
#include "carve/model.h"
#include "carve/plan.h"
#include "carve/roadmap_source.h"
#include "carve/seams.h"

enum pipeline_stage {
	PIPELINE_CONFIG, /* carve.json (or -c FILE) only */
	PIPELINE_SCAN, /* the scan of PATH, or the model in MODEL.json */
	PIPELINE_HISTORY, /* the git history, carve history's defaults */
	PIPELINE_SEAMS, /* the proposed contexts */
	PIPELINE_DATA, /* tables and their readers, writers, owners */
	PIPELINE_API, /* endpoints and their callers */
	PIPELINE_ESTIMATE, /* effort per proposed context */
	PIPELINE_ROADMAP, /* the schedule of carve.json's plan */
	PIPELINE_BURNDOWN, /* planned and actual series from git */
	PIPELINE_STAGES,
};

struct api_report;
struct roadmap;

struct pipeline {
	struct input_options input; /* PATH or MODEL.json, -c, -j */
	struct config cfg;
	struct model m;

	/* stage options, defaults from pipeline_init() */
	struct scan_options *scan_opts; /* NULL: the defaults and carve.json */
	int fresh; /* scan with the defaults, not carve.json */
	int no_history; /* contexts without history */
	const char *history_warning; /* history fails: warn and go on */
	struct seams_options seams_opts;
	struct data_options data_opts;
	struct estimate_options estimate_opts;
	struct burndown_options burndown_opts;

	/* stage results the model does not hold */
	struct seams *seams;
	struct data_report *data;
	struct api_report *api;
	struct estimate *estimate;
	struct plan plan;
	struct roadmap_source roadmap_src;
	struct roadmap *roadmap;
	struct burndown *burndown;

	unsigned done; /* bit 1 << stage for each stage run */
};

void pipeline_init(struct pipeline *p);

/*
 * Runs `stage` and what it needs, unless run already. Returns 0, or <0
 * after reporting (a failed stage is tried again by a later call).
 */
int pipeline_need(struct pipeline *p, enum pipeline_stage stage);

/*
 * Records in the model how the contexts of a static proposal (no_history)
 * were made, as carve data and carve api state it.
 */
void pipeline_assume_static_contexts(struct pipeline *p);

/* Frees the model, the config and every stage result still held. */
void pipeline_release(struct pipeline *p);

#endif
