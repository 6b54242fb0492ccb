/*
 * carve seams: proposed bounded contexts, the seam of each (the
 * dependencies crossing it), cycles between contexts, whole-proposal
 * metrics and the first-extraction ranking; --compare measures the
 * proposal against a declared clustering with MoJoFM, a2a and the
 * adjusted Rand index, beside three baselines.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "carve/cmd.h"
#include "carve/compare.h"
#include "carve/csv.h"
#include "carve/history.h"
#include "carve/input.h"
#include "carve/model.h"
#include "carve/mojo.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/partition.h"
#include "carve/rank.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/seams_dot.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/table.h"
#include "carve/xmalloc.h"

/* clang-format off */
static const char usage_text[] =
"usage: carve seams [options] [PATH | MODEL.json]\n"
"\n"
"Proposed bounded contexts of the repository at PATH (default '.') or of\n"
"a model written by 'carve scan -f json': the files of each, the seam\n"
"(dependencies crossing it), cycles between contexts, and the order in\n"
"which to extract them.\n"
"\n"
"  -o, --output FILE      write to FILE (default '-', standard output)\n"
"  -f, --format FORMAT    text (default), json, csv, dot or svg\n"
"  -c, --config FILE      read FILE instead of carve.json at the root\n"
"  -j, --jobs N           worker threads for the scan (default: CPUs)\n"
"  -q, --quiet            no progress and no warnings on stderr\n"
"      --progress WHEN    auto (default), never or always\n"
"      --weights LIST     weight of each signal, e.g. static=1,folders=4\n"
"                         (static, cochange, authors, folders)\n"
"      --no-folders       leave the folder structure out (folders=0)\n"
"      --no-history       leave change coupling and authors out\n"
"      --cluster-tests    cluster tests and migrations too (default: they\n"
"                         join the code of their directory)\n"
"      --contexts K       aim for K contexts (searches the resolution)\n"
"      --resolution R     Leiden resolution (default 1; higher gives\n"
"                         smaller contexts)\n"
"      --min-size N       smaller contexts join their strongest\n"
"                         neighbour (files, or N loc; default 3)\n"
"      --max-size N       larger contexts are split (files or N loc)\n"
"      --hub-share P      a file used by P% of the files that depend on\n"
"                         anything is a hub (default 50; 100: none)\n"
"      --runs N           seeded Leiden runs, the best kept (default 8,\n"
"                         fewer on graphs of over 250,000 links)\n"
"      --seed N           seed of the first run (default 1)\n"
"      --compare FILE     measure against a clustering in FILE (RSF\n"
"                         'contain CONTEXT FILE' lines or JSON)\n"
"      --top N            rows per table in text output (default 8)\n"
"  -h, --help             show this help\n";
/* clang-format on */

enum {
	OPT_WEIGHTS = 256,
	OPT_NO_FOLDERS,
	OPT_NO_HISTORY,
	OPT_CONTEXTS,
	OPT_RESOLUTION,
	OPT_MIN_SIZE,
	OPT_MAX_SIZE,
	OPT_HUB_SHARE,
	OPT_RUNS,
	OPT_SEED,
	OPT_COMPARE,
	OPT_TOP,
	OPT_CLUSTER_TESTS,
};

static const struct option long_options[] = {
	COMMON_LONG_OPTIONS,
	{ "weights", required_argument, NULL, OPT_WEIGHTS },
	{ "no-folders", no_argument, NULL, OPT_NO_FOLDERS },
	{ "no-history", no_argument, NULL, OPT_NO_HISTORY },
	{ "contexts", required_argument, NULL, OPT_CONTEXTS },
	{ "resolution", required_argument, NULL, OPT_RESOLUTION },
	{ "min-size", required_argument, NULL, OPT_MIN_SIZE },
	{ "max-size", required_argument, NULL, OPT_MAX_SIZE },
	{ "hub-share", required_argument, NULL, OPT_HUB_SHARE },
	{ "runs", required_argument, NULL, OPT_RUNS },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "compare", required_argument, NULL, OPT_COMPARE },
	{ "top", required_argument, NULL, OPT_TOP },
	{ "cluster-tests", no_argument, NULL, OPT_CLUSTER_TESTS },
	{ NULL, 0, NULL, 0 },
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

static int parse_args(struct seams_args *a, int argc, char **argv)
{
	int c, ret, n;
	double v;

	common_options_init(&a->common, "text,json,csv,dot,svg");
	seams_options_init(&a->o);
	a->top = 8;
	optind = 1;
	while ((c = getopt_long(argc, argv, COMMON_SHORT_OPTIONS, long_options,
				NULL)) != -1) {
		ret = common_options_parse(&a->common, c, optarg);
		if (ret < 0)
			return EXIT_USAGE;
		if (ret)
			continue;
		switch (c) {
		case OPT_WEIGHTS:
			if (seams_weights_parse(&a->o.weights, optarg))
				return EXIT_USAGE;
			a->weights_arg = optarg;
			break;
		case OPT_NO_FOLDERS:
			a->no_folders = 1;
			break;
		case OPT_NO_HISTORY:
			a->no_history = 1;
			break;
		case OPT_CLUSTER_TESTS:
			a->o.follow_roles = 0;
			break;
		case OPT_CONTEXTS:
			if (options_int(&n, optarg, "--contexts", 1, 1 << 30))
				return EXIT_USAGE;
			a->o.contexts = (size_t)n;
			break;
		case OPT_RESOLUTION:
			if (parse_number(&a->o.resolution, optarg,
					 "--resolution", 1e-4, 1e4))
				return EXIT_USAGE;
			a->set_resolution = 1;
			break;
		case OPT_MIN_SIZE:
			if (parse_size(&a->o.min_size, &a->min_loc, optarg,
				       "--min-size"))
				return EXIT_USAGE;
			a->set_min_size = 1;
			break;
		case OPT_MAX_SIZE:
			if (parse_size(&a->o.max_size, &a->max_loc, optarg,
				       "--max-size"))
				return EXIT_USAGE;
			break;
		case OPT_HUB_SHARE:
			if (parse_number(&v, optarg, "--hub-share", 1, 100))
				return EXIT_USAGE;
			a->o.hub_share = v / 100.0;
			a->set_hub_share = 1;
			break;
		case OPT_RUNS:
			if (options_int(&a->o.runs, optarg, "--runs", 1, 1000))
				return EXIT_USAGE;
			a->set_runs = 1;
			break;
		case OPT_SEED:
			if (options_int(&n, optarg, "--seed", 0, 2147483647))
				return EXIT_USAGE;
			a->o.seed = (unsigned long)n;
			a->set_seed = 1;
			break;
		case OPT_COMPARE:
			a->compare = optarg;
			break;
		case OPT_TOP:
			if (options_int(&a->top, optarg, "--top", 0, 1000000))
				return EXIT_USAGE;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		default:
			fputs(usage_text, stderr);
			return EXIT_USAGE;
		}
	}
	if (input_from_args(&a->input, "seams", argc, argv, optind, &a->common))
		return EXIT_USAGE;
	if (a->o.max_size > 0 && a->o.min_size > 0 && a->set_min_size &&
	    a->min_loc != a->max_loc) {
		error("--min-size and --max-size must both count files or "
		      "both code lines (loc)");
		return EXIT_USAGE;
	}
	a->o.size_in_code = a->min_loc || a->max_loc;
	if (a->max_loc && !a->set_min_size)
		a->o.min_size = 0;
	if (a->o.max_size > 0 && a->o.max_size < a->o.min_size) {
		error("--max-size is smaller than --min-size");
		return EXIT_USAGE;
	}
	if (a->no_folders)
		a->o.weights.w[SIGNAL_FOLDERS] = 0;
	if (a->no_history) {
		a->o.weights.w[SIGNAL_COCHANGE] = 0;
		a->o.weights.w[SIGNAL_AUTHORS] = 0;
	}
	if (!a->top)
		a->top = 1000000;
	common_options_apply(&a->common);
	return -1;
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
			     "not clustered: each joins the context of the "
			     "code of its nearest directory that holds code, "
			     "else of the code it depends on most");
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
	model_assume(m, "names", "default",
		     "a context is named after the deepest directory whose "
		     "tree holds half of its files (else the one holding "
		     "most); -2, -3 tell apart contexts of one directory");
	model_assume(m, "extraction ranking", "default",
		     "mean of scores from 0 to 1 (1 - count / largest count): "
		     "coupling (references across the seam), boundary (file "
		     "edges in the seam), dependents (contexts using it)%s",
		     o->history ? ", change (file changes; more is better: "
				  "count / largest count)"
				: "; change frequency needs history");
	strbuf_release(&sb);
}

static void add_num(struct strbuf *sb, unsigned long long n)
{
	strbuf_add_thousands(sb, n);
}

static const char *fmt_langs(struct strbuf *sb, const struct seams_context *x)
{
	strbuf_reset(sb);
	for (size_t i = 0; i < x->langs_nr && i < 4; i++) {
		if (i)
			strbuf_addstr(sb, ", ");
		strbuf_addf(sb, "%s ", x->langs[i].name);
		add_num(sb, x->langs[i].code);
	}
	if (x->langs_nr > 4)
		strbuf_addstr(sb, ", ...");
	return sb->buf;
}

static void print_crossings(FILE *fp, const struct seams *s, size_t ctx,
			    int out, size_t top)
{
	const char *hdr[] = { out ? "depends on" : "used by", "refs", "edges",
			      out ? "imports" : "imported" };
	struct table *t = table_new("lrrl", hdr);
	struct strbuf sb = STRBUF_INIT;
	size_t rows = 0, more = 0;

	for (size_t i = 0; i < s->crossings_nr; i++) {
		const struct seams_crossing *c = &s->crossings[i];
		char refs[32], edges[32];
		const char *row[4];

		if ((out ? c->from : c->to) != ctx)
			continue;
		if (rows++ >= top) {
			more++;
			continue;
		}
		strbuf_reset(&sb);
		for (size_t j = 0; j < c->targets_nr && j < 3; j++)
			strbuf_addf(&sb, "%s%s (%lu)", j ? ", " : "",
				    c->targets[j].path, c->targets[j].refs);
		if (c->targets_nr > 3)
			strbuf_addf(&sb, ", %zu more", c->targets_nr - 3);
		for (size_t j = 0; j < c->symbols_nr && j < 3; j++)
			strbuf_addf(&sb, "%s%s (%lu)", j ? ", " : "; symbols ",
				    c->symbols[j].path, c->symbols[j].refs);
		if (c->symbols_nr > 3)
			strbuf_addf(&sb, ", %zu more", c->symbols_nr - 3);
		snprintf(refs, sizeof(refs), "%lu", c->refs);
		snprintf(edges, sizeof(edges), "%zu", c->edges);
		row[0] = s->contexts[out ? c->to : c->from].name;
		row[1] = refs;
		row[2] = edges;
		row[3] = sb.buf;
		table_add_row(t, row);
	}
	if (rows) {
		struct strbuf ind = STRBUF_INIT;
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);

		table_print(t, mem);
		fclose(mem);
		/* indent the table under its context */
		for (char *line = buf; line && *line;) {
			char *nl = strchr(line, '\n');

			fprintf(fp, "    %.*s\n",
				nl ? (int)(nl - line) : (int)strlen(line),
				line);
			line = nl ? nl + 1 : NULL;
		}
		if (more)
			fprintf(fp, "    ... %zu more\n", more);
		free(buf);
		strbuf_release(&ind);
	}
	table_free(t);
	strbuf_release(&sb);
}

static void print_owners(FILE *fp, const char *what,
			 const struct seams_owner *o, size_t nr)
{
	if (!nr)
		return;
	fprintf(fp, "; %s", what);
	for (size_t i = 0; i < nr; i++)
		fprintf(fp, "%s %s %.0f%%", i ? "," : "", o[i].name,
			100 * o[i].share);
}

static void print_history(FILE *fp, const struct seams_context *x)
{
	fprintf(fp, "  history: %zu file changes", x->changes);
	if (x->coupled)
		fprintf(fp, "; change coupling across the seam %.0f%% (%lu "
			"of %lu shared changes)",
			100.0 * (double)x->leaked / (double)x->coupled,
			x->leaked, x->coupled);
	print_owners(fp, "authors", x->authors, x->authors_nr);
	print_owners(fp, "teams", x->teams, x->teams_nr);
	fputc('\n', fp);
}

static void print_context(FILE *fp, const struct seams *s, size_t i, size_t top)
{
	const struct seams_context *x = &s->contexts[i];
	struct strbuf sb = STRBUF_INIT, num = STRBUF_INIT;

	add_num(&num, x->code);
	fprintf(fp, "\n%s%s: %zu file%s, %s code lines (%s)\n", x->name,
		x->kernel     ? " (hubs that nearly everything uses)"
		: x->unlinked ? " (files linked to nothing)"
		: x->declared ? " (declared in carve.json)"
		: x->role == ROLE_TEST ? " (tests: they move with the code "
					 "they test, not ranked)"
		: x->role == ROLE_MIGRATION ? " (migrations: they move with "
					      "the data, not ranked)"
			      : "",
		x->files_nr, x->files_nr == 1 ? "" : "s", num.buf,
		fmt_langs(&sb, x));
	fprintf(fp,
		"  cohesion %.2f (%lu references inside), %lu out and "
		"%lu in across the seam, to %zu and from %zu contexts",
		x->cohesion, x->internal, x->refs_out, x->refs_in, x->fan_out,
		x->fan_in);
	if (x->rank)
		fprintf(fp, ", extraction rank %zu", x->rank);
	fputc('\n', fp);
	if (s->options.history)
		print_history(fp, x);
	if (x->cycle >= 0)
		fprintf(fp, "  on context cycle %ld\n", x->cycle + 1);
	if (x->files_nr <= 6 || x->kernel) {
		fputs("  files:", fp);
		for (size_t j = 0; j < x->files_nr && j < 12; j++)
			fprintf(fp, " %s", s->scan->files[x->files[j]].path);
		if (x->files_nr > 12)
			fprintf(fp, " ... (%zu more)", x->files_nr - 12);
		fputc('\n', fp);
	}
	print_crossings(fp, s, i, 1, top);
	print_crossings(fp, s, i, 0, top);
	strbuf_release(&sb);
	strbuf_release(&num);
}

static void print_ranking(FILE *fp, const struct seams *s, size_t top)
{
	const char *hdr[] = { "rank",	"context",  "score",	  "coupling",
			      "change", "boundary", "dependents", "files" };
	struct table *t = table_new("rlrrrrrr", hdr);

	fputs("\nfirst extraction (least coupled, most changed, smallest "
	      "seam, fewest dependents; 1 is best)\n",
	      fp);
	for (size_t r = 0; r < s->ranking_nr && r < top; r++) {
		const struct seams_context *x = &s->contexts[s->ranking[r]];
		char cell[8][32];
		const char *row[8];

		snprintf(cell[0], 32, "%zu", r + 1);
		snprintf(cell[2], 32, "%.2f", x->rank_score);
		for (int c = 0; c < CRIT_NR; c++) {
			if (x->score[c] < 0)
				snprintf(cell[3 + c], 32, "-");
			else
				snprintf(cell[3 + c], 32, "%.2f", x->score[c]);
		}
		snprintf(cell[7], 32, "%zu", x->files_nr);
		for (int c = 0; c < 8; c++)
			row[c] = cell[c];
		row[1] = x->name;
		table_add_row(t, row);
	}
	table_print(t, fp);
	table_free(t);
	if (s->ranking_nr > top)
		fprintf(fp, "... %zu more\n", s->ranking_nr - top);
}

static void print_text(FILE *fp, const struct seams *s, const struct model *m,
		       size_t top)
{
	size_t counted = 0, proposed = 0;
	long kernel = -1;

	for (size_t i = 0; i < s->nr; i++) {
		counted += s->contexts[i].files_nr;
		if (s->contexts[i].kernel)
			kernel = (long)i;
		else
			proposed++;
	}
	fprintf(fp, "seams of %s: %zu contexts over %zu files (%zu units)",
		s->scan->root, proposed, counted,
		s->graph.nr - s->graph.folders_nr);
	if (kernel >= 0)
		fprintf(fp, ", shared kernel of %zu file%s",
			s->contexts[kernel].files_nr,
			s->contexts[kernel].files_nr == 1 ? "" : "s");
	fputc('\n', fp);
	fprintf(fp,
		"modularity %.3f, TurboMQ %.2f, %lu of %lu references "
		"(%.1f%%) cross contexts, %zu context cycle%s\n",
		s->modularity, s->turbo_mq, s->refs_crossing, s->refs_total,
		s->refs_total ? 100.0 * (double)s->refs_crossing /
					(double)s->refs_total
			      : 0.0,
		s->cycles_nr, s->cycles_nr == 1 ? "" : "s");
	if (s->wanted_missed)
		fprintf(fp, "--contexts %zu: only %zu found\n",
			s->options.contexts, s->wanted_missed);
	for (size_t i = 0; i < s->nr; i++)
		print_context(fp, s, i, top);
	fputs("\ncycles between contexts\n", fp);
	if (!s->cycles_nr)
		fputs("  none\n", fp);
	for (size_t i = 0; i < s->cycles_nr; i++) {
		const struct seams_cycle *c = &s->cycles[i];

		fprintf(fp, "%zu. %zu contexts:", i + 1, c->nr);
		for (size_t j = 0; j < c->nr; j++)
			fprintf(fp, " %s", s->contexts[c->contexts[j]].name);
		fprintf(fp,
			"\n   cut %zu dependenc%s (%lu references) to "
			"break it:\n",
			c->cuts_nr, c->cuts_nr == 1 ? "y" : "ies", c->cut_refs);
		for (size_t j = 0; j < c->cuts_nr; j++) {
			const struct seams_crossing *x =
				&s->crossings[c->cuts[j]];

			fprintf(fp, "     %s -> %s (%lu)\n",
				s->contexts[x->from].name,
				s->contexts[x->to].name, x->refs);
		}
	}
	print_ranking(fp, s, top);
	fputs("\nassumptions:\n", fp);
	for (size_t i = 0; i < m->assumptions_nr; i++)
		fprintf(fp, "  %s: %s [%s]\n", m->assumptions[i].name,
			m->assumptions[i].value, m->assumptions[i].source);
}

static void print_csv(FILE *fp, const struct seams *s)
{
	csv_text(fp, "path");
	csv_sep(fp);
	csv_text(fp, "context");
	csv_end(fp);
	for (size_t f = 0; f < s->scan->nr; f++) {
		if (s->context_of[f] < 0)
			continue;
		csv_text(fp, s->scan->files[f].path);
		csv_sep(fp);
		csv_text(fp, s->contexts[s->context_of[f]].name);
		csv_end(fp);
	}
}

static void print_comparison(FILE *fp, const struct compare_result *r)
{
	const char *hdr[COMPARE_NR + 1] = { "measure" };
	struct table *t;
	const char *names[] = { "MoJoFM", "a2a", "adjusted Rand", "mno",
				"contexts" };

	for (int i = 0; i < COMPARE_NR; i++)
		hdr[i + 1] = compare_name(i);
	t = table_new("lrrrr", hdr);
	fprintf(fp,
		"\ncompared with %s: %zu files in %zu contexts; %zu of "
		"them counted by the scan (%.1f%%)",
		r->path, r->files, r->clusters, r->common,
		r->files ? 100.0 * (double)r->common / (double)r->files : 0.0);
	if (r->only_ours)
		fprintf(fp, ", %zu counted files it does not name (left out)",
			r->only_ours);
	if (r->duplicates)
		fprintf(fp, ", %zu repeated assignments (the last counts)",
			r->duplicates);
	fputc('\n', fp);
	if (r->missing_nr) {
		fprintf(fp, "not counted by the scan:");
		for (size_t i = 0; i < r->missing_nr && i < 8; i++)
			fprintf(fp, " %s", r->missing[i]);
		if (r->missing_nr > 8)
			fprintf(fp, " ... (%zu more)", r->missing_nr - 8);
		fputc('\n', fp);
	}
	for (int m = 0; m < 5; m++) {
		char cell[COMPARE_NR][32];
		const char *row[COMPARE_NR + 1];

		for (int i = 0; i < COMPARE_NR; i++) {
			if (m == 0)
				snprintf(cell[i], 32, "%.2f", r->fm[i]);
			else if (m == 1)
				snprintf(cell[i], 32, "%.2f", r->a2a[i]);
			else if (m == 2)
				/* no "-0.000" for an index of about 0 */
				snprintf(cell[i], 32, "%.3f",
					 fabs(r->ari[i]) < 5e-4 ? 0.0
								: r->ari[i]);
			else if (m == 3)
				snprintf(cell[i], 32, "%lu", r->mno[i]);
			else
				snprintf(cell[i], 32, "%zu", r->k[i]);
			row[i + 1] = cell[i];
		}
		row[0] = names[m];
		table_add_row(t, row);
	}
	table_print(t, fp);
	table_free(t);
	fprintf(fp,
		"MoJoFM = (1 - mno / %lu) x 100, %lu being the largest "
		"mno of any clustering of these %zu files%s\n",
		r->max_mno, r->max_mno, r->common,
		r->approximate ? "; a2a matched greedily (large)" : "");
}

int cmd_seams(int argc, char **argv)
{
	struct seams_args a = { 0 };
	struct config cfg = CONFIG_INIT;
	struct model m = MODEL_INIT;
	struct outfile out = OUTFILE_INIT;
	struct partition p = PARTITION_INIT;
	struct compare_result cmp = { 0 };
	struct seams *s = NULL;
	struct strbuf title = STRBUF_INIT;
	size_t counted = 0;
	int ret;

	ret = parse_args(&a, argc, argv);
	if (ret >= 0)
		goto done;
	ret = EXIT_FATAL;
	if (input_open(&m, &cfg, &a.input))
		goto done;
	if (a.compare && partition_load(&p, a.compare))
		goto done;
	for (size_t f = 0; f < m.scan->nr; f++)
		counted += m.scan->files[f].status == FILE_COUNTED;
	if (a.o.contexts > counted) {
		warning("--contexts %zu is more than the %zu counted files: "
			"aiming for %zu",
			a.o.contexts, counted, counted);
		a.o.contexts = counted;
	}
	a.o.config = &cfg;
	if (!a.no_history && input_history(&m, &cfg, &a.input))
		warning("no history: going on with the static graph and "
			"folders");
	if (!a.no_history)
		a.o.history = m.history;
	if (seams_propose(&s, m.scan, &a.o))
		goto done;
	record_assumptions(&m, &a, s);
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
		print_csv(out.fp, s);
		break;
	case FORMAT_DOT:
	case FORMAT_SVG:
		strbuf_addf(&title, "proposed contexts of %s", m.scan->root);
		if (seams_render(out.fp, s, a.common.format == FORMAT_SVG,
				 title.buf))
			goto done;
		break;
	case FORMAT_JSON:
		/* the model carries the proposal from here on */
		m.seams = s;
		s = NULL;
		model_write_json(out.fp, &m);
		break;
	default:
		print_text(out.fp, s, &m, (size_t)a.top);
		if (a.compare)
			print_comparison(out.fp, &cmp);
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
	model_release(&m);
	config_release(&cfg);
	return ret;
}
