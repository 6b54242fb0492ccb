/*
 * A burndown from a repository and its carve.json: the legacy and new
 * globs and plan.start taken, the history sampled, the planned series
 * from the plan, the forecast, and the assumptions behind every number
 * recorded in the model. For carve burndown and carve report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/burndown.h"
#include "carve/check.h"
#include "carve/config.h"
#include "carve/error.h"
#include "carve/model.h"
#include "carve/options.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/* "legacy" or "new" of carve.json into a glob list (strings borrowed). */
static void copy_globs(struct glob_list *out, const struct glob_list *g)
{
	for (int i = 0; i < g->nr; i++)
		glob_list_add(out, g->patterns[i]);
}

int burndown_declared(const struct config *cfg, const char *root)
{
	if (cfg->legacy.nr || cfg->new_paths.nr)
		return 0;
	if (cfg->path)
		error("no migration declared: '%s' has neither \"legacy\" "
		      "nor \"new\"",
		      cfg->path);
	else
		error("no migration declared: no carve.json in '%s'", root);
	fputs("hint: a burndown measures code moving from the legacy paths "
	      "to the new ones;\n"
	      "hint: declare them in carve.json as globs, for example\n"
	      "hint:   \"legacy\": [ \"monolith/**\" ],\n"
	      "hint:   \"new\": [ \"services/**\" ]\n"
	      "hint: (carve init suggests them when the history shows code "
	      "moving)\n",
	      stderr);
	return BURNDOWN_EUNDECLARED;
}

/* plan.start of carve.json, when the options did not say. */
static void read_start(int64_t *start, const struct config *cfg)
{
	if (!*start && cfg->has_plan && cfg->plan.start_set)
		*start = (int64_t)cfg->plan.cal.start * 86400;
}

static const char *join_globs(struct strbuf *sb, const struct glob_list *g)
{
	strbuf_setlen(sb, 0);
	for (int i = 0; i < g->nr; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", g->patterns[i]);
	return sb->buf;
}

static void assume(struct model *m, const struct burndown_options *o,
		   const struct burndown *b, const struct config *cfg)
{
	const struct snapshots *s = b->actual;
	const char *src = cfg->path ? cfg->path : "default";
	const char *rev = o->snap.rev ? o->snap.rev : "HEAD";
	struct strbuf sb = STRBUF_INIT;
	char d[16];

	if (b->interval)
		model_assume(m, "samples",
			     o->set_interval ? "option" : "default",
			     "the newest first-parent commit of %s dated "
			     "before "
			     "each sample instant (Mondays 00:00 UTC for "
			     "weekly "
			     "samples), every %lld days; commit dates decide, "
			     "in the order of the chain",
			     rev, (long long)(b->interval / 86400));
	else
		model_assume(m, "samples", "option",
			     "one per tag whose commit is reachable from %s, "
			     "dated by the tagged commit",
			     rev);
	model_assume(m, "legacy", s->all_legacy ? "default" : src, "%s",
		     s->all_legacy ? "no \"legacy\" in carve.json: every "
				     "path not in \"new\" counts as legacy"
				   : join_globs(&sb, &b->legacy));
	model_assume(m, "new", b->new_paths.nr ? src : "default", "%s",
		     b->new_paths.nr ? join_globs(&sb, &b->new_paths)
				     : "no \"new\" in carve.json: none");
	model_assume(m, "code lines", "default",
		     "as carve scan counts them (language table and line "
		     "counter), from each blob, counted once per blob id; "
		     "excluded, binary and unknown files count none");
	burndown_date(d, sizeof(d), s->start);
	model_assume(m, "migration start",
		     o->set_start    ? "option"
		     : o->snap.start ? src
				     : "default",
		     "%s (%s)", d,
		     o->set_start    ? "--start"
		     : o->snap.start ? "plan.start"
				     : s->start_source);
	model_assume(m, "scope", "default",
		     "legacy code at the start plus code lines added to "
		     "legacy files since (a file grown, or a new file that "
		     "is not the exact move of a deleted one)");
	model_assume(m, "share migrated", "default",
		     "new code / (legacy code + new code) at each sample, "
		     "0 while the new side is empty; code added to legacy "
		     "is scope growth, shown apart, not migration");
	if (s->dep_points)
		model_assume(m, "dependencies",
			     o->snap.deps_every >= 0 ? "option" : "default",
			     "dependencies into legacy and carve check "
			     "violations at one sample in %d and the last "
			     "(%zu samples), resolved as carve scan does; "
			     "resolver configuration files (go.mod, "
			     "tsconfig.json) from the work tree",
			     s->deps_every, s->dep_points);
	model_assume(m, "forecast",
		     o->trials != BURNDOWN_TRIALS || o->seed != 1 ? "option"
								  : "default",
		     "Monte Carlo: %d trials, seed %llu; each trial draws "
		     "intervals at random from the net burns observed since "
		     "the start until no legacy code is left",
		     o->trials, o->seed);
	burndown_date(d, sizeof(d), b->today);
	model_assume(m, "today", b->today_source, "%s", d);
	strbuf_release(&sb);
}

/* SOURCE_DATE_EPOCH, else the newest commit: output from input only. */
static void set_today(struct burndown *b, int64_t today)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	long long t;
	int n;

	if (today) {
		b->today = today;
		b->today_source = "option";
	} else if (env && sscanf(env, "%lld%n", &t, &n) == 1 && !env[n]) {
		b->today = (int64_t)t;
		b->today_source = "SOURCE_DATE_EPOCH";
	} else {
		b->today = b->actual->last_commit;
		b->today_source = "default";
	}
}

int burndown_run(struct burndown **out, struct model *m,
		 const struct config *cfg, const struct input_options *io,
		 struct burndown_options *o)
{
	struct burndown *b = xcalloc(1, sizeof(*b));
	int ret;

	*out = NULL;
	if ((ret = burndown_declared(cfg, m->scan->root)))
		goto done;
	copy_globs(&b->legacy, &cfg->legacy);
	copy_globs(&b->new_paths, &cfg->new_paths);
	read_start(&o->snap.start, cfg);
	o->snap.legacy = &b->legacy;
	o->snap.new_paths = &b->new_paths;
	o->snap.config = cfg;
	o->snap.violations = check_count;
	b->interval = o->snap.by_tag ? 0 : o->snap.interval;
	if ((ret = snapshots_run(&b->actual, m->scan->root, &o->snap)))
		goto done;
	if (!b->actual->nr) {
		char first[16], last[16];

		burndown_date(first, sizeof(first), b->actual->first_commit);
		burndown_date(last, sizeof(last), b->actual->last_commit);
		ret = error_code(CARVE_EINVALID,
				 "no sample of '%s' falls within the range "
				 "asked for (its commits are dated %s to %s)",
				 m->scan->root, first, last);
		goto done;
	}
	set_today(b, o->today);
	if (!o->no_plan && cfg->has_plan &&
	    (ret = burndown_plan(b, m, cfg, io, o)))
		goto done;
	burndown_forecast(&b->forecast, b->actual, (size_t)o->trials, o->seed);
	burndown_compare(b);
	assume(m, o, b, cfg);
	*out = b;
	b = NULL;
done:
	burndown_free(b);
	return ret;
}
