/*
 * carve burndown: how much legacy code is left, how fast it goes, when it
 * ends, and whether the legacy side still grows: the actual series
 * sampled from git, a Monte Carlo forecast from its throughput, the
 * planned series when a roadmap is known; as text, CSV, the model's JSON,
 * or a chart (SVG, PNG).
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "carve/burndown.h"
#include "carve/chart.h"
#include "carve/cmd.h"
#include "carve/config.h"
#include "carve/csv.h"
#include "carve/input.h"
#include "carve/model.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/table.h"
#include "carve/xmalloc.h"

static const char usage_text[] =
	"usage: carve burndown [options] [PATH | MODEL.json]\n"
	"\n"
	"Burndown and burn-up of the migration of the repository at PATH\n"
	"(default '.'): legacy and new code lines sampled from its git "
	"history,\n"
	"the scope added to legacy, the dependencies still crossing into "
	"it,\n"
	"and a forecast of the completion date.\n"
	"\n"
	"  -o, --output FILE       write to FILE (default '-', standard "
	"output)\n"
	"  -f, --format FORMAT     text (default), json (the model), csv, "
	"svg\n"
	"                          or png (a 1200x600 chart)\n"
	"  -c, --config FILE       read FILE instead of carve.json at the "
	"root\n"
	"  -j, --jobs N            worker threads (default: online CPUs)\n"
	"  -q, --quiet             no progress and no warnings on stderr\n"
	"      --progress WHEN     auto (default), never or always\n"
	"      --rev REV           sample the first-parent history of REV\n"
	"                          (default HEAD)\n"
	"      --interval SPAN     one sample per SPAN: 7d (default), 2w, "
	"30d,\n"
	"                          or 'tag' for one sample per tag\n"
	"      --since DATE        first sample date (YYYY-MM-DD)\n"
	"      --until DATE        last sample date\n"
	"      --start DATE        migration start (default: plan.start of\n"
	"                          carve.json, else the first sample with "
	"new code)\n"
	"      --today DATE        the today marker (default: "
	"SOURCE_DATE_EPOCH,\n"
	"                          else the newest sample's commit date)\n"
	"      --deps-every N      dependencies and check violations at "
	"every\n"
	"                          Nth sample and the last (default: about "
	"24\n"
	"                          samples in all; 0: none)\n"
	"      --trials N          Monte Carlo trials (default 10000)\n"
	"      --seed N            random seed of the forecast (default 1)\n"
	"      --no-plan           leave out the planned series of "
	"carve.json's\n"
	"                          \"plan\" (carve roadmap's schedule)\n"
	"      --cache-dir DIR     keep the blob cache in DIR\n"
	"                          (default: .git/carve)\n"
	"      --no-cache          neither read nor write the blob cache\n"
	"  -h, --help              show this help\n";

enum {
	OPT_REV = 256,
	OPT_INTERVAL,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_START,
	OPT_TODAY,
	OPT_DEPS_EVERY,
	OPT_TRIALS,
	OPT_SEED,
	OPT_NO_PLAN,
	OPT_CACHE_DIR,
	OPT_NO_CACHE,
};

static const struct option long_options[] = {
	COMMON_LONG_OPTIONS,
	{ "rev", required_argument, NULL, OPT_REV },
	{ "interval", required_argument, NULL, OPT_INTERVAL },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "start", required_argument, NULL, OPT_START },
	{ "today", required_argument, NULL, OPT_TODAY },
	{ "deps-every", required_argument, NULL, OPT_DEPS_EVERY },
	{ "trials", required_argument, NULL, OPT_TRIALS },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "no-plan", no_argument, NULL, OPT_NO_PLAN },
	{ "cache-dir", required_argument, NULL, OPT_CACHE_DIR },
	{ "no-cache", no_argument, NULL, OPT_NO_CACHE },
	{ NULL, 0, NULL, 0 },
};

struct burndown_args {
	struct common_options common;
	struct input_options input;
	struct snapshot_options opts;
	struct glob_list legacy, new_paths;
	int64_t today;
	int deps_every; /* -1: auto */
	int trials;
	unsigned long long seed;
	int no_plan;
	const char *interval_arg, *start_arg;
};

static int parse_interval(struct burndown_args *a, const char *arg)
{
	char unit = 'd';
	int n = 0, len = 0;

	if (!strcmp(arg, "tag")) {
		a->opts.by_tag = 1;
		return 0;
	}
	if (sscanf(arg, "%d%n%c%n", &n, &len, &unit, &len) < 1 || arg[len] ||
	    n < 1 || n > 3660 || (unit != 'd' && unit != 'w'))
		return error_code(CARVE_EINVALID,
				  "--interval takes a number of days or "
				  "weeks (7d, 2w) or 'tag', not '%s'",
				  arg);
	a->opts.interval = (int64_t)n * (unit == 'w' ? 7 : 1) * 86400;
	return 0;
}

static int parse_args(struct burndown_args *a, int argc, char **argv)
{
	struct snapshot_options *o = &a->opts;
	int c, ret, v;

	common_options_init(&a->common, "text,json,csv,svg,png");
	o->interval = SNAPSHOT_WEEK;
	a->deps_every = -1;
	a->trials = BURNDOWN_TRIALS;
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
		case OPT_REV:
			o->rev = optarg;
			break;
		case OPT_INTERVAL:
			if (parse_interval(a, optarg))
				return EXIT_USAGE;
			a->interval_arg = optarg;
			break;
		case OPT_SINCE:
			if (options_date(&o->since, optarg, "--since"))
				return EXIT_USAGE;
			break;
		case OPT_UNTIL:
			if (options_date(&o->until, optarg, "--until"))
				return EXIT_USAGE;
			break;
		case OPT_START:
			if (options_date(&o->start, optarg, "--start"))
				return EXIT_USAGE;
			a->start_arg = optarg;
			break;
		case OPT_TODAY:
			if (options_date(&a->today, optarg, "--today"))
				return EXIT_USAGE;
			break;
		case OPT_DEPS_EVERY:
			if (options_int(&a->deps_every, optarg, "--deps-every",
					0, 1 << 30))
				return EXIT_USAGE;
			break;
		case OPT_TRIALS:
			if (options_int(&a->trials, optarg, "--trials", 1,
					10000000))
				return EXIT_USAGE;
			break;
		case OPT_SEED:
			if (options_int(&v, optarg, "--seed", 0, 1 << 30))
				return EXIT_USAGE;
			a->seed = (unsigned long long)v;
			break;
		case OPT_NO_PLAN:
			a->no_plan = 1;
			break;
		case OPT_CACHE_DIR:
			o->cache_dir = optarg;
			break;
		case OPT_NO_CACHE:
			o->no_cache = 1;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		default:
			fputs(usage_text, stderr);
			return EXIT_USAGE;
		}
	}
	if (input_from_args(&a->input, "burndown", argc, argv, optind,
			    &a->common))
		return EXIT_USAGE;
	if (o->since && o->until && o->until < o->since) {
		error("--until is before --since");
		return EXIT_USAGE;
	}
	o->threads = a->common.threads;
	common_options_apply(&a->common);
	return -1;
}

/* "legacy" or "new" of carve.json into a glob list (strings borrowed). */
static int read_globs(struct glob_list *out, const struct config *cfg,
		      const char *key)
{
	const cJSON *arr, *g;

	if (!cfg->root ||
	    !(arr = cJSON_GetObjectItemCaseSensitive(cfg->root, key)))
		return 0;
	if (!cJSON_IsArray(arr))
		return error("%s: \"%s\" must be an array of glob strings",
			     cfg->path, key);
	cJSON_ArrayForEach (g, arr) {
		if (!cJSON_IsString(g) || !*g->valuestring)
			return error("%s: \"%s\" must hold non-empty glob "
				     "strings",
				     cfg->path, key);
		glob_list_add(out, g->valuestring);
	}
	return 0;
}

/* plan.start of carve.json, when --start did not say. */
static int read_start(struct burndown_args *a, const struct config *cfg)
{
	const cJSON *plan, *start;
	struct strbuf what = STRBUF_INIT;
	int ret;

	if (a->opts.start || !cfg->root)
		return 0;
	plan = cJSON_GetObjectItemCaseSensitive(cfg->root, "plan");
	start = plan ? cJSON_GetObjectItemCaseSensitive(plan, "start") : NULL;
	if (!start)
		return 0;
	if (!cJSON_IsString(start))
		return error("%s: \"plan.start\" must be a date string such "
			     "as \"2027-01-04\"",
			     cfg->path);
	strbuf_addf(&what, "%s: \"plan.start\"", cfg->path);
	ret = options_date(&a->opts.start, start->valuestring, what.buf);
	strbuf_release(&what);
	return ret;
}

static const char *join_globs(struct strbuf *sb, const struct glob_list *g)
{
	strbuf_setlen(sb, 0);
	for (int i = 0; i < g->nr; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", g->patterns[i]);
	return sb->buf;
}

static void record_assumptions(struct model *m, const struct burndown_args *a,
			       const struct burndown *b,
			       const struct config *cfg)
{
	const struct snapshots *s = b->actual;
	const char *src = cfg->path ? cfg->path : "default";
	struct strbuf sb = STRBUF_INIT;
	char d[16];

	if (b->interval)
		model_assume(m, "samples",
			     a->interval_arg ? "option" : "default",
			     "the newest first-parent commit of %s dated "
			     "before "
			     "each sample instant (Mondays 00:00 UTC for "
			     "weekly samples), every %lld days; commit dates "
			     "decide, in the order of the chain",
			     a->opts.rev ? a->opts.rev : "HEAD",
			     (long long)(b->interval / 86400));
	else
		model_assume(m, "samples", "option",
			     "one per tag whose commit is reachable from %s, "
			     "dated by the tagged commit",
			     a->opts.rev ? a->opts.rev : "HEAD");
	model_assume(m, "legacy", s->all_legacy ? "default" : src, "%s",
		     s->all_legacy ? "no \"legacy\" in carve.json: every "
				     "path not in \"new\" counts as legacy"
				   : join_globs(&sb, &a->legacy));
	model_assume(m, "new", a->new_paths.nr ? src : "default", "%s",
		     a->new_paths.nr ? join_globs(&sb, &a->new_paths)
				     : "no \"new\" in carve.json: none");
	model_assume(m, "code lines", "default",
		     "as carve scan counts them (language table and line "
		     "counter), from each blob, counted once per blob id; "
		     "excluded, binary and unknown files count none");
	burndown_date(d, sizeof(d), s->start);
	model_assume(m, "migration start",
		     a->start_arg ? "option"
		     : s->start_source && !strcmp(s->start_source, "option")
			     ? src
			     : "default",
		     "%s (%s)", d,
		     a->start_arg			  ? "--start"
		     : !strcmp(s->start_source, "option") ? "plan.start"
							  : s->start_source);
	model_assume(m, "scope", "default",
		     "legacy code at the start plus code lines added to "
		     "legacy files since (a file grown, or a new file that "
		     "is not the exact move of a deleted one)");
	model_assume(m, "share migrated", "default",
		     "(scope - legacy code left) / scope");
	if (b->actual->dep_points)
		model_assume(m, "dependencies",
			     a->deps_every >= 0 ? "option" : "default",
			     "dependencies into legacy and carve check "
			     "violations at one sample in %d and the last "
			     "(%zu samples), resolved as carve scan does; "
			     "resolver configuration files (go.mod, "
			     "tsconfig.json) from the work tree",
			     s->deps_every, s->dep_points);
	model_assume(m, "forecast",
		     a->trials != BURNDOWN_TRIALS || a->seed != 1 ? "option"
								  : "default",
		     "Monte Carlo: %d trials, seed %llu; each trial draws "
		     "intervals at random from the net burns observed since "
		     "the start until no legacy code is left",
		     a->trials, a->seed);
	burndown_date(d, sizeof(d), b->today);
	model_assume(m, "today", b->today_source, "%s", d);
	strbuf_release(&sb);
}

static void thousands(struct strbuf *sb, unsigned long long n)
{
	strbuf_setlen(sb, 0);
	strbuf_add_thousands(sb, n);
}

static const char *count_or_dash(char *buf, size_t size, long n)
{
	if (n < 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%ld", n);
	return buf;
}

/* Eight levels of U+2581..U+2588, one per sample (at most 64). */
static void sparkline(FILE *fp, const struct snapshots *s)
{
	static const char *const bars[] = { "\u2581", "\u2582", "\u2583",
					    "\u2584", "\u2585", "\u2586",
					    "\u2587", "\u2588" };
	size_t width = s->nr < 64 ? s->nr : 64;
	uint64_t max = 0;

	for (size_t i = 0; i < s->nr; i++)
		if (s->points[i].sum[SNAP_LEGACY].code > max)
			max = s->points[i].sum[SNAP_LEGACY].code;
	fputs("legacy  ", fp);
	for (size_t k = 0; k < width; k++) {
		size_t i = width > 1 ? k * (s->nr - 1) / (width - 1) : 0;
		uint64_t v = s->points[i].sum[SNAP_LEGACY].code;

		fputs(bars[max ? (size_t)(v * 7 / max) : 0], fp);
	}
	fputc('\n', fp);
}

static void print_table(FILE *fp, const struct snapshots *s)
{
	static const char *const hdr[] = { "date",    "commit",	   "legacy",
					   "new",     "scope",	   "migrated",
					   "deps in", "violations" };
	struct table *t = table_new("llrrrrrr", hdr);
	struct strbuf c[8];
	size_t *pick = xmalloc((s->nr + 1) * sizeof(*pick));
	size_t rows = 0;

	/* the samples with dependencies when there are a few, else 24 */
	for (size_t i = 0; i < s->nr; i++)
		if (s->points[i].deps_to_legacy >= 0)
			pick[rows++] = i;
	if (rows < 2 || rows > 30) {
		rows = s->nr <= 24 ? s->nr : 24;
		/* evenly spread over the samples, the last one included */
		for (size_t r = 0; r < rows; r++)
			pick[r] = rows > 1 ? r * (s->nr - 1) / (rows - 1) : 0;
	}
	for (int k = 0; k < 8; k++)
		strbuf_init(&c[k], 0);
	for (size_t r = 0; r < rows; r++) {
		size_t i = pick[r];
		const struct snapshot_point *p = &s->points[i];
		const char *row[8];
		char d[16], n[24];

		burndown_date(d, sizeof(d), p->date);
		strbuf_setlen(&c[0], 0);
		strbuf_addstr(&c[0], p->tag ? p->tag : d);
		strbuf_setlen(&c[1], 0);
		strbuf_add(&c[1], p->commit, 10);
		thousands(&c[2], p->sum[SNAP_LEGACY].code);
		thousands(&c[3], p->sum[SNAP_NEW].code);
		thousands(&c[4], burndown_scope(s, i));
		strbuf_setlen(&c[5], 0);
		strbuf_addf(&c[5], "%.1f%%", 100 * burndown_share(s, i));
		strbuf_setlen(&c[6], 0);
		strbuf_addstr(&c[6],
			      count_or_dash(n, sizeof(n), p->deps_to_legacy));
		strbuf_setlen(&c[7], 0);
		strbuf_addstr(&c[7],
			      count_or_dash(n, sizeof(n), p->violations));
		for (int k = 0; k < 8; k++)
			row[k] = c[k].buf;
		table_add_row(t, row);
	}
	table_print(t, fp);
	table_free(t);
	for (int k = 0; k < 8; k++)
		strbuf_release(&c[k]);
	free(pick);
}

static void print_forecast(FILE *fp, const struct burndown *b)
{
	const struct burndown_forecast *f = &b->forecast;
	char p50[16], p85[16];

	if (!f->ok) {
		fprintf(fp, "forecast: none: %s\n", f->why_not);
	} else if (!f->remaining) {
		fputs("forecast: done: no legacy code left\n", fp);
	} else {
		burndown_date(p50, sizeof(p50), f->p50);
		burndown_date(p85, sizeof(p85), f->p85);
		fprintf(fp,
			"forecast: P50 %s, P85 %s (Monte Carlo, %zu trials "
			"over %zu observed intervals, net %.0f code lines a "
			"week)\n",
			p50, p85, f->trials, f->steps, f->burn_per_week);
	}
	if (b->planned_p50) {
		burndown_date(p50, sizeof(p50), b->planned_p50);
		burndown_date(p85, sizeof(p85), b->planned_p85);
		fprintf(fp, "plan:     P50 %s, P85 %s%s\n", p50, p85,
			b->slips ? "  SLIPS: the forecast is past the plan"
				 : "");
	} else {
		fputs("plan:     none (no roadmap in the model)\n", fp);
	}
}

static void print_text(FILE *fp, const struct burndown_args *a,
		       const struct model *m, const struct burndown *b)
{
	const struct snapshots *s = b->actual;
	const struct snapshot_point *last = &s->points[s->nr - 1];
	struct strbuf n1 = STRBUF_INIT, n2 = STRBUF_INIT, n3 = STRBUF_INIT;
	char first[16], end[16], start[16], viol[24];

	(void)a;
	burndown_date(first, sizeof(first), s->points[0].date);
	burndown_date(end, sizeof(end), last->date);
	burndown_date(start, sizeof(start), s->start);
	fprintf(fp, "burndown of %s (%.12s): %zu %s samples, %s to %s\n",
		m->scan->root, s->head, s->nr, b->interval ? "dated" : "tag",
		first, end);
	if (s->all_legacy)
		fputs("no \"legacy\" in carve.json: every path not in "
		      "\"new\" counts as legacy\n",
		      fp);
	thousands(&n1, burndown_base(s));
	fprintf(fp, "migration start %s: legacy %s code lines\n", start,
		n1.buf);
	thousands(&n1, last->sum[SNAP_LEGACY].code);
	thousands(&n2, last->sum[SNAP_NEW].code);
	thousands(&n3, last->scope_added);
	fprintf(fp,
		"now: legacy %s, new %s code lines; %s added to legacy "
		"since the start; %.1f%% of the scope migrated\n",
		n1.buf, n2.buf, n3.buf, 100 * burndown_share(s, s->nr - 1));
	if (last->deps_to_legacy >= 0)
		fprintf(fp,
			"dependencies into legacy: %ld; carve check "
			"violations: %s\n",
			last->deps_to_legacy,
			count_or_dash(viol, sizeof(viol), last->violations));
	if (s->before_first)
		fprintf(fp,
			"%zu sample dates before the first commit left out\n",
			s->before_first);
	if (s->out_of_order)
		fprintf(fp,
			"%zu commits dated before their parent: samples "
			"follow the chain, by commit date\n",
			s->out_of_order);
	if (s->missing)
		fprintf(fp, "%zu missing objects skipped (a partial clone?)\n",
			s->missing);
	if (s->nr < 2)
		fputs("the history is shorter than one interval: one "
		      "sample only\n",
		      fp);
	fputc('\n', fp);
	print_table(fp, s);
	sparkline(fp, s);
	fputc('\n', fp);
	print_forecast(fp, b);
	fputs("\nassumptions:\n", fp);
	for (size_t i = 0; i < m->assumptions_nr; i++)
		fprintf(fp, "  %s: %s [%s]\n", m->assumptions[i].name,
			m->assumptions[i].value, m->assumptions[i].source);
	strbuf_release(&n1);
	strbuf_release(&n2);
	strbuf_release(&n3);
}

static void csv_long(FILE *fp, long n)
{
	if (n >= 0)
		csv_number(fp, (unsigned long long)n);
}

static void csv_fixed(FILE *fp, double v, int decimals)
{
	if (!isnan(v))
		fprintf(fp, "%.*f", decimals, v);
}

/* The planned period whose date is closest to t, or NULL. */
static const struct burndown_planned *planned_at(const struct burndown *b,
						 int64_t t)
{
	const struct burndown_planned *best = NULL;

	for (size_t i = 0; i < b->planned_nr; i++)
		if (!best ||
		    llabs(b->planned[i].date - t) < llabs(best->date - t))
			best = &b->planned[i];
	return best && llabs(best->date - t) < 4 * 86400 ? best : NULL;
}

static void print_csv(FILE *fp, const struct burndown *b)
{
	static const char *const cols[] = {
		"date",
		"commit",
		"commit_date",
		"tag",
		"legacy_code",
		"new_code",
		"other_code",
		"legacy_files",
		"new_files",
		"scope_added",
		"scope",
		"share_migrated",
		"deps_to_legacy",
		"violations",
		"planned_remaining_days",
		"planned_p15_days",
		"planned_p85_days",
		"planned_legacy_code",
		"ideal_days",
	};
	const struct snapshots *s = b->actual;

	for (size_t c = 0; c < sizeof(cols) / sizeof(*cols); c++) {
		if (c)
			csv_sep(fp);
		csv_text(fp, cols[c]);
	}
	csv_end(fp);
	for (size_t i = 0; i < s->nr; i++) {
		const struct snapshot_point *p = &s->points[i];
		const struct burndown_planned *pl = planned_at(b, p->date);
		char d[16];

		burndown_date(d, sizeof(d), p->date);
		csv_text(fp, d);
		csv_sep(fp);
		csv_text(fp, p->commit);
		csv_sep(fp);
		burndown_date(d, sizeof(d), p->commit_time);
		csv_text(fp, d);
		csv_sep(fp);
		csv_text(fp, p->tag ? p->tag : "");
		for (int k = 0; k < SNAP_CLASSES; k++) {
			csv_sep(fp);
			csv_number(fp, p->sum[k].code);
		}
		csv_sep(fp);
		csv_number(fp, p->sum[SNAP_LEGACY].files);
		csv_sep(fp);
		csv_number(fp, p->sum[SNAP_NEW].files);
		csv_sep(fp);
		csv_number(fp, p->scope_added);
		csv_sep(fp);
		csv_number(fp, burndown_scope(s, i));
		csv_sep(fp);
		csv_fixed(fp, burndown_share(s, i), 4);
		csv_sep(fp);
		csv_long(fp, p->deps_to_legacy);
		csv_sep(fp);
		csv_long(fp, p->violations);
		csv_sep(fp);
		csv_fixed(fp, pl ? pl->remaining_days : NAN, 1);
		csv_sep(fp);
		csv_fixed(fp, pl ? pl->low_days : NAN, 1);
		csv_sep(fp);
		csv_fixed(fp, pl ? pl->high_days : NAN, 1);
		csv_sep(fp);
		csv_fixed(fp, pl ? round(pl->legacy_code) : NAN, 0);
		csv_sep(fp);
		csv_fixed(fp, pl ? pl->ideal : NAN, 1);
		csv_end(fp);
	}
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash && slash[1] ? slash + 1 : path;
}

/* The chart: actual legacy, new, scope; plan with its band; markers. */
static void build_chart(struct strbuf *svg, const struct model *m,
			const struct burndown *b)
{
	const struct snapshots *s = b->actual;
	size_t n = s->nr, pn = b->planned_nr;
	int64_t *x = xmalloc((n + 1) * sizeof(*x));
	int64_t *px = xmalloc((pn + 1) * sizeof(*px));
	double *legacy = xmalloc((n + 1) * sizeof(double));
	double *fresh = xmalloc((n + 1) * sizeof(double));
	double *scope = xmalloc((n + 1) * sizeof(double));
	double *plan = xmalloc((pn + 1) * sizeof(double));
	double *lo = xmalloc((pn + 1) * sizeof(double));
	double *hi = xmalloc((pn + 1) * sizeof(double));
	struct chart_series series[4];
	struct chart_marker *markers =
		xcalloc(b->milestones_nr + 3, sizeof(*markers));
	struct strbuf title = STRBUF_INIT, sub = STRBUF_INIT;
	struct chart c = { 0 };
	size_t ns = 0, nm = 0;
	char d1[16], d2[16];

	for (size_t i = 0; i < n; i++) {
		x[i] = s->points[i].date;
		legacy[i] = (double)s->points[i].sum[SNAP_LEGACY].code;
		fresh[i] = (double)s->points[i].sum[SNAP_NEW].code;
		scope[i] = i && s->points[i - 1].date >= s->start
				   ? (double)burndown_scope(s, i)
			   : s->points[i].date >= s->start
				   ? (double)burndown_scope(s, i)
				   : NAN;
	}
	for (size_t i = 0; i < pn; i++) {
		const struct burndown_planned *p = &b->planned[i];
		/* the band in code lines: the effort range at this date */
		double k = p->remaining_days > 0
				   ? p->legacy_code / p->remaining_days
				   : 0;

		px[i] = p->date;
		plan[i] = p->legacy_code;
		lo[i] = p->low_days * k;
		hi[i] = p->high_days * k;
	}
	if (pn)
		series[ns++] = (struct chart_series){ "planned legacy code "
						      "(P15-P85 band)",
						      "#2b6cb0",
						      px,
						      plan,
						      lo,
						      hi,
						      pn,
						      1 };
	series[ns++] = (struct chart_series){ "scope: legacy at start + "
					      "added",
					      "#718096",
					      x,
					      scope,
					      NULL,
					      NULL,
					      n,
					      1 };
	series[ns++] = (struct chart_series){
		"actual legacy code", "#c05621", x, legacy, NULL, NULL, n, 0
	};
	series[ns++] = (struct chart_series){ "new code", "#2f855a", x, fresh,
					      NULL,	  NULL,	     n, 0 };
	for (size_t i = 0; i < b->milestones_nr; i++)
		markers[nm++] = (struct chart_marker){ b->milestones[i].date,
						       b->milestones[i].name,
						       "#2b6cb0", 1 };
	if (b->forecast.ok && b->forecast.remaining) {
		markers[nm++] = (struct chart_marker){ b->forecast.p50,
						       "forecast P50",
						       "#c05621", 1 };
		markers[nm++] = (struct chart_marker){ b->forecast.p85,
						       "forecast P85",
						       "#c05621", 1 };
	}
	markers[nm++] =
		(struct chart_marker){ b->today, "today", "#e53e3e", 0 };
	strbuf_addf(&title, "Migration burndown: %s", base_name(m->scan->root));
	burndown_date(d1, sizeof(d1), s->start);
	strbuf_addf(&sub, "code lines in legacy paths since %s", d1);
	if (b->forecast.ok && b->forecast.remaining) {
		burndown_date(d1, sizeof(d1), b->forecast.p50);
		burndown_date(d2, sizeof(d2), b->forecast.p85);
		strbuf_addf(&sub, "; forecast P50 %s, P85 %s", d1, d2);
	}
	if (b->slips)
		strbuf_addstr(&sub, " (slips past the plan)");
	c.title = title.buf;
	c.subtitle = sub.buf;
	c.y_unit = "code lines";
	c.width = 1200;
	c.height = 600;
	c.series = series;
	c.series_nr = ns;
	c.markers = markers;
	c.markers_nr = nm;
	chart_svg(svg, &c);
	strbuf_release(&title);
	strbuf_release(&sub);
	free(markers);
	free(x);
	free(px);
	free(legacy);
	free(fresh);
	free(scope);
	free(plan);
	free(lo);
	free(hi);
}

static int64_t default_today(struct burndown *b)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	long long t;
	int n;

	if (env && sscanf(env, "%lld%n", &t, &n) == 1 && !env[n]) {
		b->today_source = "SOURCE_DATE_EPOCH";
		return (int64_t)t;
	}
	b->today_source = "default";
	return b->actual->last_commit;
}

int cmd_burndown(int argc, char **argv)
{
	struct burndown_args a = { 0 };
	struct config cfg = CONFIG_INIT;
	struct model m = MODEL_INIT;
	struct outfile out = OUTFILE_INIT;
	struct burndown *b = NULL;
	struct strbuf svg = STRBUF_INIT;
	int ret;

	ret = parse_args(&a, argc, argv);
	if (ret >= 0)
		goto done;
	ret = EXIT_FATAL;
	if (input_open(&m, &cfg, &a.input))
		goto done;
	if (read_globs(&a.legacy, &cfg, "legacy") ||
	    read_globs(&a.new_paths, &cfg, "new") || read_start(&a, &cfg))
		goto done;
	a.opts.legacy = &a.legacy;
	a.opts.new_paths = &a.new_paths;
	a.opts.config = &cfg;
	a.opts.deps_every = a.deps_every;
	b = xcalloc(1, sizeof(*b));
	b->interval = a.opts.by_tag ? 0 : a.opts.interval;
	if (snapshots_run(&b->actual, m.scan->root, &a.opts))
		goto done;
	if (!b->actual->nr) {
		error("no sample of '%s' falls within the range asked for "
		      "(its commits are dated from %lld to %lld)",
		      m.scan->root, (long long)b->actual->first_commit,
		      (long long)b->actual->last_commit);
		goto done;
	}
	b->today = a.today ? a.today : default_today(b);
	if (a.today)
		b->today_source = "option";
	if (!a.no_plan && cfg.root &&
	    cJSON_GetObjectItemCaseSensitive(cfg.root, "plan") &&
	    burndown_plan(b, &m, &cfg, &a.input, (unsigned long)a.seed))
		goto done;
	burndown_forecast(&b->forecast, b->actual, (size_t)a.trials, a.seed);
	burndown_compare(b);
	m.burndown = b;
	record_assumptions(&m, &a, b, &cfg);
	if (b->actual->all_legacy && !a.common.quiet)
		warning("no \"legacy\" paths in carve.json: every path not in "
			"\"new\" counts as legacy");
	if (outfile_open(&out, a.common.output))
		goto done;
	switch (a.common.format) {
	case FORMAT_JSON:
		model_write_json(out.fp, &m);
		break;
	case FORMAT_CSV:
		print_csv(out.fp, b);
		break;
	case FORMAT_SVG:
		build_chart(&svg, &m, b);
		fwrite(svg.buf, 1, svg.len, out.fp);
		break;
	case FORMAT_PNG:
		build_chart(&svg, &m, b);
		if (chart_png(out.fp, svg.buf, svg.len, 1200, 600))
			goto done;
		break;
	default:
		print_text(out.fp, &a, &m, b);
		break;
	}
	if (outfile_commit(&out))
		goto done;
	ret = EXIT_OK;
done:
	outfile_abort(&out);
	m.burndown = NULL;
	burndown_free(b);
	model_release(&m);
	config_release(&cfg);
	glob_list_release(&a.legacy);
	glob_list_release(&a.new_paths);
	strbuf_release(&svg);
	return ret;
}
