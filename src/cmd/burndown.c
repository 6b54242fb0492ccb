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

#include "carve/burndown.h"
#include "carve/burndown_chart.h"
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
	struct burndown_options opts;
};

static int parse_interval(struct burndown_args *a, const char *arg)
{
	char unit = 'd';
	int n = 0, len = 0;

	a->opts.set_interval = 1;
	if (!strcmp(arg, "tag")) {
		a->opts.snap.by_tag = 1;
		return 0;
	}
	if (sscanf(arg, "%d%n%c%n", &n, &len, &unit, &len) < 1 || arg[len] ||
	    n < 1 || n > 3660 || (unit != 'd' && unit != 'w'))
		return error_code(CARVE_EINVALID,
				  "--interval takes a number of days or "
				  "weeks (7d, 2w) or 'tag', not '%s'",
				  arg);
	a->opts.snap.interval = (int64_t)n * (unit == 'w' ? 7 : 1) * 86400;
	return 0;
}

static int parse_args(struct burndown_args *a, int argc, char **argv)
{
	struct burndown_options init = BURNDOWN_OPTIONS_INIT;
	struct snapshot_options *o = &a->opts.snap;
	int c, ret, v;

	common_options_init(&a->common, "text,json,csv,svg,png");
	a->opts = init;
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
			a->opts.set_start = 1;
			break;
		case OPT_TODAY:
			if (options_date(&a->opts.today, optarg, "--today"))
				return EXIT_USAGE;
			break;
		case OPT_DEPS_EVERY:
			if (options_int(&o->deps_every, optarg, "--deps-every",
					0, 1 << 30))
				return EXIT_USAGE;
			break;
		case OPT_TRIALS:
			if (options_int(&a->opts.trials, optarg, "--trials", 1,
					10000000))
				return EXIT_USAGE;
			break;
		case OPT_SEED:
			if (options_int(&v, optarg, "--seed", 0, 1 << 30))
				return EXIT_USAGE;
			a->opts.seed = (unsigned long long)v;
			break;
		case OPT_NO_PLAN:
			a->opts.no_plan = 1;
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

int cmd_burndown(int argc, char **argv)
{
	struct burndown_args a = { 0 };
	struct config cfg = CONFIG_INIT;
	struct model m = MODEL_INIT;
	struct outfile out = OUTFILE_INIT;
	struct burndown *b = NULL;
	struct strbuf svg = STRBUF_INIT;
	const char *name;
	int ret;

	ret = parse_args(&a, argc, argv);
	if (ret >= 0)
		goto done;
	ret = EXIT_FATAL;
	if (input_open(&m, &cfg, &a.input) ||
	    burndown_run(&b, &m, &cfg, &a.input, &a.opts))
		goto done;
	m.burndown = b;
	if (b->actual->all_legacy && !a.common.quiet)
		warning("no \"legacy\" paths in carve.json: every path not in "
			"\"new\" counts as legacy");
	name = strrchr(m.scan->root, '/');
	name = name && name[1] ? name + 1 : m.scan->root;
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
		burndown_chart(&svg, b, name);
		fwrite(svg.buf, 1, svg.len, out.fp);
		break;
	case FORMAT_PNG:
		burndown_chart(&svg, b, name);
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
	strbuf_release(&svg);
	return ret;
}
