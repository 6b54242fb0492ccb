/*
 * carve history: churn, hotspots, change coupling and ownership mined
 * from git, per file and per module; as text, the model's JSON, CSV, or
 * code-maat's CSV analyses.
 */
#include <string.h>

#include "carve/cli.h"
#include "carve/cmd.h"
#include "carve/history.h"
#include "carve/history_text.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/pipeline.h"

static const struct cli_command history_cmd = {
	"history",
	{ CLI_USAGE_INPUT },
	"Churn, hotspots, change coupling and ownership from the git history "
	"of\n"
	"the repository at PATH (default '.'), per file and per module.\n",
};

static const char *const analysis_names[] = {
	"revisions", "coupling", "authors", "entity-ownership", NULL,
};

struct history_args {
	struct common_options common;
	struct input_options input;
	struct history_options opts;
	int modules; /* --level module */
	int analysis; /* enum history_analysis, -1 unset */
	int top;
	const char *since_arg, *until_arg, *group_arg;
};

static void record_assumptions(struct model *m, const struct history_args *a)
{
	const struct history *h = m->history;
	const struct history_options *o = &a->opts;

	model_assume(m, "history commits",
		     o->rev || o->since || o->until || o->max_commits ? "option"
								      : "default",
		     "non-merge commits reachable from %s%s%s%s%s, by "
		     "committer date",
		     h->rev, a->since_arg ? " since " : "",
		     a->since_arg ? a->since_arg : "",
		     a->until_arg ? " until " : "",
		     a->until_arg ? a->until_arg : "");
	model_assume(m, "line counts", "default",
		     "as git log --numstat --no-renames: each non-merge "
		     "commit against its first parent; binary (a NUL in the "
		     "first 8000 bytes, or over --max-blob-size) has none");
	if (h->follow_renames)
		model_assume(m, "renames", "option",
			     "followed: a file moved with at least 50%% of its "
			     "lines keeps its history under the new name");
	model_assume(m, "authors", "default", "%s",
		     h->mailmap ? "by name after .mailmap"
				: "by name (no .mailmap)");
	if (h->teams_nr)
		model_assume(m, "teams",
			     o->config && o->config->path ? o->config->path
							  : "default",
			     "%zu teams; an author's team is the first whose "
			     "email or name pattern matches",
			     h->teams_nr);
	model_assume(m, "coupling", "default",
		     "code-maat's: degree = shared revisions / average "
		     "revisions of the pair");
	model_assume(m, "coupling thresholds",
		     o->min_revs != HISTORY_MIN_REVS ||
				     o->min_shared != HISTORY_MIN_SHARED ||
				     o->min_coupling != HISTORY_MIN_COUPLING
			     ? "option"
			     : "default",
		     "average revisions >= %d, shared >= %d, degree >= %d%%",
		     o->min_revs, o->min_shared, o->min_coupling);
	model_assume(m, "coupling changes",
		     o->max_changeset != HISTORY_MAX_CHANGESET ||
				     o->group_by != HISTORY_BY_COMMIT
			     ? "option"
			     : "default",
		     "%s; merges and changes of more than %d files left out",
		     o->group_by == HISTORY_BY_TICKET ? "commits naming the "
							"same ticket are one "
							"change"
		     : o->group_by == HISTORY_BY_DAY ? "an author's commits of "
						       "one day are "
						       "one change"
						     : "each commit is one "
						       "change",
		     o->max_changeset);
	model_assume(m, "hotspots", "default",
		     "revisions x complexity, then revisions x code lines, of "
		     "files in the scan");
	model_assume(m, "ages", "default",
		     "days from the last change to HEAD's commit date");
}

static int parse_group_by(const struct cli_opt *opt, const char *arg)
{
	struct history_args *a = opt->value;
	struct history_options *o = &a->opts;

	a->group_arg = arg;
	if (!strcmp(arg, "commit")) {
		o->group_by = HISTORY_BY_COMMIT;
	} else if (!strcmp(arg, "day")) {
		o->group_by = HISTORY_BY_DAY;
	} else if (!strncmp(arg, "ticket:", 7) && arg[7]) {
		o->group_by = HISTORY_BY_TICKET;
		o->ticket_regex = arg + 7;
	} else {
		return error_code(CARVE_EINVALID,
				  "--group-by takes commit, day or "
				  "ticket:REGEX, not '%s'",
				  arg);
	}
	return 0;
}

static const char *const levels[] = { "file", "module", NULL };

static int parse_args(struct history_args *a, int argc, char **argv)
{
	struct history_options *o = &a->opts;
	int ret;
	const struct cli_opt opts[] = {
		CLI_COMMON(&a->common,
			   "text (default), json (the model), csv or "
			   "code-maat (see --analysis)",
			   "text", "worker threads (default: online CPUs)"),
		CLI_STRING(0, "rev", &o->rev, "REV",
			   "commits reachable from REV (default HEAD), or A..B",
			   "HEAD"),
		CLI_STRING(0, "since", &a->since_arg, "DATE",
			   "only commits after DATE (YYYY-MM-DD[Thh:mm:ss])",
			   NULL),
		CLI_STRING(0, "until", &a->until_arg, "DATE",
			   "only commits before DATE", NULL),
		CLI_SIZE_T(0, "max-commits", &o->max_commits, "N", 1, 1 << 30,
			   "only the newest N commits", NULL),
		CLI_GLOBS(0, "path", &o->paths, "GLOB",
			  "only paths matching GLOB (repeatable)"),
		CLI_GLOBS(0, "exclude", &o->exclude, "GLOB",
			  "leave out paths matching GLOB (repeatable)"),
		CLI_INT(0, "max-changeset", &o->max_changeset, "N", 2, 1 << 30,
			"leave changes of more than N files out of coupling",
			"30"),
		CLI_INT(0, "min-revs", &o->min_revs, "N", 0, 1 << 30,
			"coupling: average revisions", "5"),
		CLI_INT(0, "min-shared", &o->min_shared, "N", 0, 1 << 30,
			"coupling: shared revisions", "5"),
		CLI_INT(0, "min-coupling", &o->min_coupling, "N", 0, 100,
			"coupling: degree in percent", "30"),
		CLI_CALLBACK(0, "group-by", a, "HOW", parse_group_by,
			     "one change per commit (default), per "
			     "ticket:REGEX "
			     "or per author and day",
			     "commit"),
		CLI_SWITCH(0, "follow-renames", &o->follow_renames,
			   "count a moved file's history under its name"),
		CLI_CHOICE(0, "level", &a->modules, "LEVEL", levels,
			   "file (default) or module, for csv and code-maat",
			   "file"),
		CLI_CHOICE(0, "analysis", &a->analysis, "NAME", analysis_names,
			   "code-maat analysis: revisions (default), coupling, "
			   "authors or entity-ownership",
			   "revisions"),
		CLI_TOP(&a->top, "rows per table in text output", "10"),
		CLI_BYTES(0, "max-blob-size", &o->max_blob_size, "SIZE",
			  "larger blobs count as binary", "512M"),
		CLI_STRING(0, "cache-dir", &o->cache_dir, "DIR",
			   "keep the history and scan caches in DIR "
			   "(default: .git/carve)",
			   ".git/carve"),
		CLI_SWITCH(0, "no-cache", &o->no_cache,
			   "neither read nor write the history cache"),
		CLI_HELP_ROW,
		CLI_END,
	};

	common_options_init(&a->common, "text,json,csv,code-maat");
	o->max_changeset = HISTORY_MAX_CHANGESET;
	o->min_revs = HISTORY_MIN_REVS;
	o->min_shared = HISTORY_MIN_SHARED;
	o->min_coupling = HISTORY_MIN_COUPLING;
	o->max_blob_size = HISTORY_MAX_BLOB_SIZE;
	a->analysis = -1;
	a->top = 10;
	if ((ret = cli_parse_input(&a->input, &a->common, &history_cmd, opts,
				   argc, argv)))
		return ret;
	if ((a->since_arg &&
	     options_date(&o->since, a->since_arg, "--since")) ||
	    (a->until_arg && options_date(&o->until, a->until_arg, "--until")))
		return CARVE_EINVALID;
	if (a->analysis >= 0 && a->common.format != FORMAT_CODE_MAAT)
		return error_code(CARVE_EINVALID, "--analysis goes with -f "
						  "code-maat");
	if (a->analysis < 0)
		a->analysis = HISTORY_ANALYSIS_REVISIONS;
	o->threads = a->common.threads;
	return 0;
}

int cmd_history(int argc, char **argv)
{
	struct history_args a = { 0 };
	struct pipeline p;
	struct outfile out = OUTFILE_INIT;
	int ret;

	pipeline_init(&p);
	if ((ret = parse_args(&a, argc, argv))) {
		ret = cli_exit_status(ret);
		goto done;
	}
	ret = EXIT_FATAL;
	p.input = a.input;
	/* --cache-dir holds the scan's cache too: nothing in the repo */
	p.input.cache_dir = a.opts.cache_dir;
	if (pipeline_need(&p, PIPELINE_SCAN))
		goto done;
	a.opts.config = &p.cfg;
	if (history_run(&p.m.history, p.m.scan, &a.opts))
		goto done;
	record_assumptions(&p.m, &a);
	if (outfile_open(&out, a.common.output))
		goto done;
	if (a.common.format == FORMAT_TEXT)
		outfile_text(&out);
	switch (a.common.format) {
	case FORMAT_JSON:
		model_write_json(out.fp, &p.m);
		break;
	case FORMAT_CSV:
		history_print_csv(out.fp, p.m.history, a.modules);
		break;
	case FORMAT_CODE_MAAT:
		history_print_code_maat(out.fp, p.m.history, a.modules,
					a.analysis);
		break;
	default:
		history_print_text(out.fp, &p.m, (size_t)a.top);
		break;
	}
	if (outfile_commit(&out))
		goto done;
	ret = EXIT_OK;
done:
	outfile_abort(&out);
	pipeline_release(&p);
	glob_list_release(&a.opts.paths);
	glob_list_release(&a.opts.exclude);
	return ret;
}
