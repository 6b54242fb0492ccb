/*
 * carve seams: proposed bounded contexts, the seam of each (the
 * dependencies crossing it), cycles between contexts, whole-proposal
 * metrics and the first-extraction ranking; --compare measures the
 * proposal against a declared clustering with MoJoFM, a2a and the
 * adjusted Rand index, beside three baselines.
 */
#include <math.h>
#include <string.h>

#include "carve/cli.h"
#include "carve/cmd.h"
#include "carve/compare.h"
#include "carve/history.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/partition.h"
#include "carve/pipeline.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/seams_dot.h"
#include "carve/seams_text.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

static const struct cli_command seams_cmd = {
	"seams",
	{ CLI_USAGE_INPUT },
	"Proposed bounded contexts of the repository at PATH (default '.') or "
	"of\n"
	"a model written by 'carve scan -f json': the files of each, the seam\n"
	"(dependencies crossing it), cycles between contexts, and the order "
	"in\n"
	"which to extract them.\n",
};

struct seams_args {
	struct common_options common;
	struct input_options input;
	struct seams_options o;
	const char *compare;
	const char *weights_arg;
	int no_folders, no_history;
	int top;
	/* which options were given, for the assumptions */
	int set_resolution, set_min_size, set_hub_share, set_seed, set_runs;
	int min_loc, max_loc;
};

static int parse_number(double *out, const char *arg, const char *name,
			double min, double max)
{
	char *end;
	double v = strtod(arg, &end);

	if (end == arg || *end || !(v >= min && v <= max))
		return error_code(CARVE_EINVALID,
				  "%s takes a number from %g to %g, not '%s'",
				  name, min, max, arg);
	*out = v;
	return 0;
}

/* N files or N loc (code lines). */
static int parse_size(double *out, int *loc, const char *arg, const char *name)
{
	size_t n = strlen(arg);
	char buf[64];

	*loc = n > 3 && !strcmp(arg + n - 3, "loc");
	if (*loc && n - 3 < sizeof(buf)) {
		memcpy(buf, arg, n - 3);
		buf[n - 3] = '\0';
		arg = buf;
	}
	if (parse_number(out, arg, name, 0, 1e12) || *out != floor(*out))
		return error_code(CARVE_EINVALID,
				  "%s takes a whole number of files, or of "
				  "code lines with 'loc' (2000loc)",
				  name);
	return 0;
}

static int take_weights(const struct cli_opt *opt, const char *arg)
{
	struct seams_args *a = opt->value;

	if (seams_weights_parse(&a->o.weights, arg))
		return CARVE_EINVALID;
	a->weights_arg = arg;
	return 0;
}

static int take_resolution(const struct cli_opt *opt, const char *arg)
{
	struct seams_args *a = opt->value;

	return parse_number(&a->o.resolution, arg, "--resolution", 1e-4, 1e4);
}

static int take_min_size(const struct cli_opt *opt, const char *arg)
{
	struct seams_args *a = opt->value;

	return parse_size(&a->o.min_size, &a->min_loc, arg, "--min-size");
}

static int take_max_size(const struct cli_opt *opt, const char *arg)
{
	struct seams_args *a = opt->value;

	return parse_size(&a->o.max_size, &a->max_loc, arg, "--max-size");
}

static int take_hub_share(const struct cli_opt *opt, const char *arg)
{
	struct seams_args *a = opt->value;
	double v;

	if (parse_number(&v, arg, "--hub-share", 1, 100))
		return CARVE_EINVALID;
	a->o.hub_share = v / 100.0;
	return 0;
}

static int parse_args(struct seams_args *a, int argc, char **argv)
{
	int ret;
	const struct cli_opt opts[] = {
		CLI_COMMON(&a->common, "text (default), json, csv, dot or svg",
			   "text",
			   "worker threads for the scan (default: CPUs)"),
		CLI_CALLBACK(0, "weights", a, "LIST", take_weights,
			     "weight of each signal, e.g. static=1,folders=4 "
			     "(static, cochange, authors, folders, terms)",
			     NULL),
		CLI_SWITCH(0, "no-folders", &a->no_folders,
			   "leave the folder structure out (folders=0)"),
		CLI_SWITCH(0, "no-history", &a->no_history,
			   "leave change coupling and authors out"),
		CLI_SET(0, "cluster-tests", &a->o.follow_roles, 0,
			"cluster tests and migrations too (default: they join "
			"the code of their directory)"),
		CLI_SIZE_T(0, "contexts", &a->o.contexts, "K", 1, 1 << 30,
			   "aim for K contexts (searches the resolution)",
			   NULL),
		CLI_CALLBACK(0, "resolution", a, "R", take_resolution,
			     "Leiden resolution (default 1; higher gives "
			     "smaller "
			     "contexts)",
			     "1", .given = &a->set_resolution),
		CLI_CALLBACK(0, "min-size", a, "N", take_min_size,
			     "smaller contexts join their strongest neighbour "
			     "(files, or N loc; default 3)",
			     "3", .given = &a->set_min_size),
		CLI_CALLBACK(0, "max-size", a, "N", take_max_size,
			     "larger contexts are split (files or N loc)",
			     NULL),
		CLI_CALLBACK(0, "hub-share", a, "P", take_hub_share,
			     "a file used by P% of the files that depend on "
			     "anything is a hub (default 50; 100: none)",
			     "50", .given = &a->set_hub_share),
		CLI_INT(0, "runs", &a->o.runs, "N", 1, 1000,
			"seeded Leiden runs, the best kept (default 8, fewer "
			"on "
			"graphs of over 250,000 links)",
			"8", .given = &a->set_runs),
		CLI_ULONG(0, "seed", &a->o.seed, "N", 0, 2147483647,
			  "seed of the first run", "1", .given = &a->set_seed),
		CLI_STRING(0, "compare", &a->compare, "FILE",
			   "measure against a clustering in FILE (RSF 'contain "
			   "CONTEXT FILE' lines or JSON)",
			   NULL),
		CLI_TOP(&a->top, "rows per table in text output", "8"),
		CLI_HELP_ROW,
		CLI_END,
	};

	common_options_init(&a->common, "text,json,csv,dot,svg");
	seams_options_init(&a->o);
	a->top = 8;
	if ((ret = cli_parse_input(&a->input, &a->common, &seams_cmd, opts,
				   argc, argv)))
		return ret;
	if (a->o.max_size > 0 && a->o.min_size > 0 && a->set_min_size &&
	    a->min_loc != a->max_loc)
		return error_code(CARVE_EINVALID, "--min-size and --max-size "
						  "must both count "
						  "files or both code lines "
						  "(loc)");
	a->o.size_in_code = a->min_loc || a->max_loc;
	/* sizes the user asked for rule out the default cap */
	if (a->set_min_size || a->o.contexts)
		a->o.max_share = 0;
	if (a->max_loc && !a->set_min_size)
		a->o.min_size = 0;
	if (a->o.max_size > 0 && a->o.max_size < a->o.min_size)
		return error_code(CARVE_EINVALID, "--max-size is smaller than "
						  "--min-size");
	if (a->no_folders)
		a->o.weights.w[SIGNAL_FOLDERS] = 0;
	if (a->no_history) {
		a->o.weights.w[SIGNAL_COCHANGE] = 0;
		a->o.weights.w[SIGNAL_AUTHORS] = 0;
	}
	return 0;
}

static void record_assumptions(struct model *m, const struct seams_args *a,
			       const struct seams *s)
{
	const struct seams_options *o = &a->o;
	const struct seams_graph *g = &s->graph;
	struct strbuf sb = STRBUF_INIT;

	for (int i = 0; i < SIGNAL_NR; i++) {
		if (!o->history &&
		    (i == SIGNAL_COCHANGE || i == SIGNAL_AUTHORS))
			continue;
		if (i)
			strbuf_addstr(&sb, ", ");
		strbuf_addf(&sb, "%s=%g", seams_signal_name(i),
			    o->weights.w[i]);
	}
	model_assume(m, "signal weights",
		     a->weights_arg || a->no_folders ? "option" : "default",
		     "%s (static: per reference, both directions; folders: "
		     "each directory is a node linked to each of its units "
		     "by 1%s)",
		     sb.buf,
		     o->history ? "; cochange: shared changes x degree of "
				  "each pair code-maat's thresholds keep; "
				  "authors: each main author is a node linked "
				  "to the files by the author's share of their "
				  "lines" :
				  "");
	if (!o->history)
		model_assume(m, "history",
			     a->no_history ? "option" : "default",
			     "no history: static graph and folders only%s",
			     a->no_history ? "" :
			     m->scan->is_git ? "" : " (not a git work tree)");
	else
		model_assume(m, "history", "default",
			     "%zu commits to %.12s, %zu coupled file pairs "
			     "(at least %d changes, %d shared, %d%% degree)",
			     o->history->commits, o->history->head,
			     o->history->file_coupling.nr,
			     o->history->min_revs, o->history->min_shared,
			     o->history->min_coupling);
	model_assume(m, "units", "default",
		     "a C/C++ header and its sources of the same stem in the "
		     "same directory are one unit");
	if (o->follow_roles)
		model_assume(m, "tests and migrations", "default",
			     "not clustered: a test inside an app joins the "
			     "context holding most of the app, a test from a "
			     "tree of its own the file it is named after, else "
			     "what it imports most; migrations join the code "
			     "of their nearest directory that holds code, else "
			     "what they depend on most; so do views (first the "
			     "code their folder mirrors: templates/dcim/ joins "
			     "dcim) and files that are not code (docs, config "
			     "and CI, build files, translations, fixtures, "
			     "assets, data), which with no code beside them "
			     "make the platform group, never a service");
	else
		model_assume(m, "tests and migrations", "option",
			     "clustered like other files (--cluster-tests)");
	if (o->hub_share < 1)
		model_assume(m, "shared kernel",
			     a->set_hub_share ? "option" : "default",
			     "hubs: files used from at least %g%% of the other "
			     "modules that depend on anything (here %zu), set "
			     "apart before clustering",
			     o->hub_share * 100, g->hub_threshold);
	else
		model_assume(m, "shared kernel", "option", "none");
	model_assume(
		m, "clustering",
		a->set_resolution || a->set_runs || a->set_seed || o->contexts
			? "option"
			: "default",
		"igraph Leiden, modularity at resolution %.4g, best of "
		"%d runs from seed %lu%s",
		s->resolution, s->runs, o->seed,
		o->contexts ? " (resolution searched for --contexts)" : "");
	model_assume(m, "small contexts",
		     a->set_min_size ? "option" : "default",
		     "under %g %s join the context they link to "
		     "most",
		     o->min_size, o->size_in_code ? "code lines" : "files");
	if (o->max_size > 0)
		model_assume(m, "large contexts", "option",
			     "over %g %s are clustered again at a higher "
			     "resolution",
			     o->max_size,
			     o->size_in_code ? "code lines" : "files");
	else if (o->max_share > 0)
		model_assume(m, "large contexts", "default",
			     "over %g%% of the clustered code are clustered "
			     "again at a higher resolution, unless the split "
			     "would cut over %g%% of the links between their "
			     "files that a random split into such pieces cuts "
			     "(one piece), or its pieces would follow their "
			     "folders (their layers, not their domains): kept "
			     "whole; here %zu",
			     100 * o->max_share, 100 * SEAMS_ONE_PIECE,
			     s->kept_whole);
	model_assume(m, "names", "default",
		     "a context is named after the deepest directory whose "
		     "tree holds half of its files (else the one holding "
		     "most); a vertical slice (under 70%% of its code in "
		     "that directory) after the word its folders and files "
		     "share (folder:word); a context whose folder a larger "
		     "one is named after adds its most distinctive domain "
		     "term (folder:term)");
	model_assume(m, "layers and domains", "default",
		     "a folder name found in %d sibling folders or more "
		     "(forms/, api/) is a layer: its files pull to the "
		     "folder above it; a folder name found under unrelated "
		     "parents (domain/model/handling, interfaces/handling) "
		     "ties one domain across layers by %g; files whose "
		     "names lead with one term (Cargo, CargoRepository, "
		     "CargoController) are tied across folders; a folder "
		     "of files with unrelated terms pulls %g as hard; "
		     "change coupling between files of one name is left out",
		     SEAMS_LAYER_SIBLINGS, SEAMS_DOMAIN_PULL,
		     SEAMS_LAYER_PULL);
	model_assume(m, "extraction ranking", "default",
		     "mean of scores from 0 to 1 (1 - count / largest count): "
		     "coupling (share of its references across the seam), "
		     "boundary (file edges in the seam), dependents "
		     "(contexts using it)%s; contexts under 1%% of the code, "
		     "and code under one branch per 1,000 lines (data), "
		     "are not ranked",
		     o->history ? ", change (file changes; more is better: "
				  "count / largest count)"
				: "; change frequency needs history");
	strbuf_release(&sb);
}

int cmd_seams(int argc, char **argv)
{
	struct seams_args a = { 0 };
	struct pipeline pl;
	struct outfile out = OUTFILE_INIT;
	struct partition p = PARTITION_INIT;
	struct compare_result cmp = { 0 };
	struct seams *s = NULL;
	struct strbuf title = STRBUF_INIT;
	size_t counted = 0;
	int ret;

	pipeline_init(&pl);
	if ((ret = parse_args(&a, argc, argv))) {
		ret = cli_exit_status(ret);
		goto done;
	}
	ret = EXIT_FATAL;
	pl.input = a.input;
	if (pipeline_need(&pl, PIPELINE_SCAN))
		goto done;
	if (a.compare && partition_load(&p, a.compare))
		goto done;
	for (size_t f = 0; f < pl.m.scan->nr; f++)
		counted += pl.m.scan->files[f].status == FILE_COUNTED;
	if (a.o.contexts > counted) {
		warning("--contexts %zu is more than the %zu counted files: "
			"aiming for %zu",
			a.o.contexts, counted, counted);
		a.o.contexts = counted;
	}
	pl.seams_opts = a.o;
	pl.no_history = a.no_history;
	pl.history_warning = "no history: going on with the static graph "
			     "and folders";
	if (pipeline_need(&pl, PIPELINE_SEAMS))
		goto done;
	s = pl.seams;
	pl.seams = NULL;
	a.o.config = &pl.cfg;
	if (!a.no_history)
		a.o.history = pl.m.history;
	record_assumptions(&pl.m, &a, s);
	if (a.compare) {
		compare_run(&cmp, s, &p, a.compare);
		s->comparison = &cmp;
	}
	if (outfile_open(&out, a.common.output))
		goto done;
	if (a.common.format == FORMAT_TEXT)
		outfile_text(&out);
	switch (a.common.format) {
	case FORMAT_CSV:
		seams_print_csv(out.fp, s);
		break;
	case FORMAT_DOT:
	case FORMAT_SVG:
		strbuf_addf(&title, "proposed contexts of %s", pl.m.scan->root);
		if (seams_render(out.fp, s, a.common.format == FORMAT_SVG,
				 title.buf))
			goto done;
		break;
	case FORMAT_JSON:
		/* the model carries the proposal from here on */
		pl.m.seams = s;
		s = NULL;
		model_write_json(out.fp, &pl.m);
		break;
	default:
		seams_print_text(out.fp, s, &pl.m, (size_t)a.top);
		if (a.compare)
			seams_print_comparison(out.fp, &cmp);
		break;
	}
	if (outfile_commit(&out))
		goto done;
	ret = EXIT_OK;
done:
	outfile_abort(&out);
	compare_release(&cmp);
	strbuf_release(&title);
	partition_release(&p);
	seams_free(s);
	pipeline_release(&pl);
	return ret;
}
