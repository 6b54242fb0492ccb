/*
 * carve estimate's model: engineer-days per context from code lines and
 * porting rates, seam interfaces, fixed costs per service and per owned
 * table, with a Monte Carlo over every rate and factor in which the
 * team-wide draws are common to all contexts of a trial.
 */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/config.h"
#include "carve/error.h"
#include "carve/estimate.h"
#include "carve/estimate_build.h"
#include "carve/language.h"
#include "carve/montecarlo.h"
#include "carve/pool.h"
#include "carve/rates.h"
#include "carve/select.h"
#include "carve/role.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/* Bounds of the complexity factor: sqrt(density / reference). */
#define CX_MIN 0.75
#define CX_MAX 1.5

/* Contexts per block of the Monte Carlo (partial sums in fixed order). */
#define MC_BLOCK 64

/* The shared draws of one trial, besides the rates. */
enum { SH_TEST, SH_INTERFACE, SH_SERVICE, SH_TABLE, SH_PHASE0, SH_NR };

void estimate_options_init(struct estimate_options *o)
{
	memset(o, 0, sizeof(*o));
	o->seed = ESTIMATE_SEED;
	o->trials = ESTIMATE_TRIALS;
	o->dist = DIST_LOGNORMAL;
	o->threads = 1;
}

/* The defaults of the costs and factors; see carve-estimate(1). */
static void default_factors(struct estimate *e, enum estimate_dist_kind k)
{
	estimate_dist_set(&e->test_speed, k, 1, 1.5, 2.25);
	estimate_dist_set(&e->interface, k, 1, 3, 9);
	estimate_dist_set(&e->service, k, 10, 20, 40);
	estimate_dist_set(&e->table, k, 2, 5, 12.5);
	estimate_dist_set(&e->phase0, k, 60, 120, 240);
	estimate_dist_set(&e->noise, k, 0.7, 1, 1 / 0.7);
}

static const struct factor {
	const char *key;
	size_t offset;
	const char *what;
} factors[] = {
	{ "test_speed", offsetof(struct estimate, test_speed),
	  "test code rate / code rate (judgement: tests are simpler code)" },
	{ "interface", offsetof(struct estimate, interface),
	  "engineer-days per interface across a seam: design, build, test "
	  "and switch the callers (judgement)" },
	{ "service", offsetof(struct estimate, service),
	  "engineer-days per new service: repository, CI/CD, deployment, "
	  "observability, runbooks (judgement)" },
	{ "table", offsetof(struct estimate, table),
	  "engineer-days per owned table: schema split, dual writes, "
	  "backfill (judgement)" },
	{ "phase0", offsetof(struct estimate, phase0),
	  "engineer-days of platform work before the first extraction: "
	  "gateway, CI/CD templates, observability (judgement)" },
	{ "noise", offsetof(struct estimate, noise),
	  "per-context multiplier, independent between contexts: what is "
	  "particular to each (judgement)" },
};

#define FACTORS_NR (sizeof(factors) / sizeof(factors[0]))

static struct estimate_dist *factor_of(struct estimate *e, size_t i)
{
	return (struct estimate_dist *)((char *)e + factors[i].offset);
}

/* A language key of the user's for a target: known to carve, or an error. */
static int target_key(char *key, size_t n, const char *name, const char *where)
{
	if (!*name)
		return error_code(CARVE_EINVALID,
				  "%s: a language name is empty", where);
	rates_lang_key(key, n, name);
	if (!language_by_name(key))
		return error_code(CARVE_EINVALID,
				  "%s: '%s' is not a language carve knows "
				  "(go, java, python, c#, typescript, ...; "
				  "aliases such as golang, csharp, js are "
				  "taken)",
				  where, name);
	return 0;
}

/* Sets the target of language `from` (NULL: every back-end language). */
static void set_target(struct estimate_build *b, const char *from,
		       const char *to)
{
	if (!from) {
		free(b->e->target);
		b->e->target = xstrdup(to);
		return;
	}
	for (size_t i = 0; i < b->targets_nr; i++)
		if (!strcmp(b->targets[i].from, from)) {
			free(b->targets[i].to);
			b->targets[i].to = xstrdup(to);
			return;
		}
	b->targets = xreallocarray(b->targets, b->targets_nr + 1,
				   sizeof(*b->targets));
	b->targets[b->targets_nr].from = xstrdup(from);
	b->targets[b->targets_nr++].to = xstrdup(to);
}

/*
 * carve.json "target": "go", {"language": "go"}, or a map by language
 * {"language": "go", "python": "go", "javascript": "typescript"}.
 */
/*
 * carve.json's "target" (config.c checked its shape): each name read as
 * a language, aliases and all, the one carve does not know named.
 */
static int load_target(struct estimate_build *b, const struct config *cfg)
{
	struct strbuf where = STRBUF_INIT;
	char key[64], from[64];
	int ret = 0;

	for (size_t i = 0; i < cfg->targets_nr && !ret; i++) {
		const struct config_target *t = &cfg->targets[i];

		strbuf_reset(&where);
		if (!cfg->target_is_map)
			strbuf_addf(&where, "'%s': \"target\"", cfg->path);
		else
			strbuf_addf(&where, "'%s': \"target\".\"%s\"",
				    cfg->path, t->from ? t->from : "language");
		if ((ret = target_key(key, sizeof(key), t->to, where.buf)) ||
		    (t->from && (ret = target_key(from, sizeof(from), t->from,
						  where.buf))))
			break;
		set_target(b, t->from ? from : NULL, key);
	}
	if (!ret && cfg->targets_nr)
		b->target_source = cfg->path;
	strbuf_release(&where);
	return ret;
}

/* --target go, --target python=go,javascript=typescript, or both. */
static int option_target(struct estimate_build *b, const char *arg)
{
	char key[64], from[64];
	const char *p = arg;
	int ret = 0;

	b->target_source = "option";
	if (!*arg)
		return error_code(CARVE_EINVALID, "--target: no language");
	while (!ret) {
		size_t len = strcspn(p, ",");
		char *item = xstrndup(p, len), *eq = strchr(item, '=');

		if (eq)
			*eq = '\0';
		ret = target_key(key, sizeof(key), eq ? eq + 1 : item,
				 "--target");
		if (!ret && eq)
			ret = target_key(from, sizeof(from), item, "--target");
		if (!ret)
			set_target(b, eq ? from : NULL, key);
		free(item);
		if (!p[len])
			break;
		p += len + 1;
	}
	return ret;
}

const char *estimate_target_of(const struct estimate_build *b, const char *lang,
			       int rewritten)
{
	for (size_t i = 0; i < b->targets_nr; i++)
		if (!strcmp(b->targets[i].from, lang))
			return b->targets[i].to;
	if (!rewritten || !b->e->target || rates_front_end(lang))
		return lang;
	return b->e->target;
}

/*
 * "estimate"."price": the file roles that are not code but are priced
 * all the same (at their language's rate, moved as they are), e.g.
 * ["translations", "fixtures"].
 */
static int load_config(struct estimate_build *b, const struct config *cfg)
{
	struct strbuf key = STRBUF_INIT;
	int ret = 0;

	if (!cfg || !cfg->path)
		return 0;
	if (cfg->estimate_kind_set && !b->kind_set) {
		b->kind = cfg->estimate_kind;
		default_factors(b->e, b->kind);
		b->kind_source = cfg->path;
	}
	for (size_t f = 0; f < cfg->factors_nr; f++) {
		const struct config_dist *c = &cfg->factors[f];
		size_t i;

		for (i = 0; i < FACTORS_NR; i++)
			if (!strcmp(c->key, factors[i].key))
				break;
		if (i == FACTORS_NR)
			continue; /* config_load() warned */
		strbuf_reset(&key);
		strbuf_addf(&key, "estimate.%s", c->key);
		if ((ret = rates_parse_dist(factor_of(b->e, i), c, cfg->path,
					    key.buf, b->kind, 0)))
			goto done;
		b->factor_source[i] = cfg->path;
	}
	if ((ret = rates_parse_config(&b->ov, cfg, b->kind)))
		goto done;
	/* "estimate"."price" and "target", as config.c typed them */
	b->priced_roles |= cfg->priced_roles;
	ret = load_target(b, cfg);
done:
	strbuf_release(&key);
	return ret;
}

int estimate_build_begin(struct estimate_build *b,
			 const struct estimate_options *o)
{
	struct estimate *e = xcalloc(1, sizeof(*e));

	memset(b, 0, sizeof(*b));
	b->e = e;
	b->o = o;
	b->kind = o->dist;
	b->kind_set = o->dist != DIST_LOGNORMAL;
	b->kind_source = b->kind_set ? "option" : "default";
	e->seed = o->seed;
	e->trials = o->trials ? o->trials : ESTIMATE_TRIALS;
	default_factors(e, b->kind);
	if (load_config(b, o->config))
		return CARVE_EINVALID;
	for (size_t i = 0; i < o->rates_nr; i++)
		if (rates_parse_option(&b->ov, o->rates[i], b->kind))
			return CARVE_EINVALID;
	if (o->target) {
		/* the option replaces carve.json's whole "target" */
		free(e->target);
		e->target = NULL;
		for (size_t i = 0; i < b->targets_nr; i++) {
			free(b->targets[i].from);
			free(b->targets[i].to);
		}
		b->targets_nr = 0;
		if (option_target(b, o->target))
			return CARVE_EINVALID;
	}
	return 0;
}

size_t estimate_build_rate(struct estimate_build *b, const char *from,
			   const char *to)
{
	struct estimate *e = b->e;

	for (size_t i = 0; i < e->rates_nr; i++)
		if (!strcmp(e->rates[i].from, from) &&
		    !strcmp(e->rates[i].to, to))
			return i;
	ALLOC_GROW(e->rates, e->rates_nr + 1, b->rates_alloc);
	rates_resolve(&e->rates[e->rates_nr], from, to, &b->ov, b->kind);
	return e->rates_nr++;
}

struct estimate_context *estimate_build_context(struct estimate_build *b,
						const char *name)
{
	struct estimate *e = b->e;
	struct estimate_context *x;

	ALLOC_GROW(e->contexts, e->nr + 1, b->contexts_alloc);
	x = &e->contexts[e->nr++];
	memset(x, 0, sizeof(*x));
	x->name = xstrdup(name);
	x->service = 1;
	return x;
}

void estimate_build_work(struct estimate_build *b, struct estimate_context *x,
			 const char *lang, int programming, unsigned long code,
			 int test, double cx)
{
	const char *to = estimate_target_of(b, lang, programming);
	size_t r = estimate_build_rate(b, lang, to), i;
	struct estimate_work *w;

	for (i = 0; i < x->work_nr; i++)
		if (x->work[i].rate == r)
			break;
	if (i == x->work_nr) {
		x->work = xreallocarray(x->work, x->work_nr + 1,
					sizeof(*x->work));
		memset(&x->work[x->work_nr++], 0, sizeof(*w));
	}
	w = &x->work[i];
	w->rate = r;
	w->code += code;
	x->code += code;
	b->e->rates[r].code += code;
	if (test) {
		w->tests += code;
		x->tests += code;
		w->test_work += (double)code * cx;
	} else {
		w->work += (double)code * cx;
	}
}

double estimate_complexity_factor(double density, double reference)
{
	double f;

	if (reference <= 0 || density < 0)
		return 1;
	f = sqrt(density / reference);
	return f < CX_MIN ? CX_MIN : f > CX_MAX ? CX_MAX : f;
}

/* Per trial: 1 / rate of every pair, and the other shared draws. */
static void trial_shared(const struct estimate *e, size_t t, double *inv_rate,
			 double *sh)
{
	double u = mc_uniform(e->seed, t, MC_RATE, 0);

	/* one team-wide draw moves every rate together */
	for (size_t r = 0; r < e->rates_nr; r++)
		inv_rate[r] = 1 / estimate_dist_quantile(&e->rates[r].dist, u);
	sh[SH_TEST] = estimate_dist_quantile(
		&e->test_speed, mc_uniform(e->seed, t, MC_TEST, 0));
	sh[SH_INTERFACE] = estimate_dist_quantile(
		&e->interface, mc_uniform(e->seed, t, MC_INTERFACE, 0));
	sh[SH_SERVICE] = estimate_dist_quantile(
		&e->service, mc_uniform(e->seed, t, MC_SERVICE, 0));
	sh[SH_TABLE] = estimate_dist_quantile(
		&e->table, mc_uniform(e->seed, t, MC_TABLE, 0));
	sh[SH_PHASE0] = estimate_dist_quantile(
		&e->phase0, mc_uniform(e->seed, t, MC_PHASE0, 0));
}

static double context_days(const struct estimate *e, size_t c,
			   uint64_t noise_key, const double *inv_rate,
			   const double *sh)
{
	const struct estimate_context *x = &e->contexts[c];
	double d = 0;

	if (x->excluded)
		return 0;
	for (size_t i = 0; i < x->work_nr; i++) {
		const struct estimate_work *w = &x->work[i];

		d += (w->work + w->test_work / sh[SH_TEST]) * inv_rate[w->rate];
	}
	d += (double)x->interfaces * sh[SH_INTERFACE] +
	     (x->service ? sh[SH_SERVICE] : 0) +
	     (double)x->tables * sh[SH_TABLE];
	return d *
	       estimate_dist_quantile(&e->noise, mc_uniform_at(noise_key, c));
}

double estimate_trial(const struct estimate *e, size_t t, double *days)
{
	double *inv_rate = xcalloc(e->rates_nr + 1, sizeof(*inv_rate));
	double sh[SH_NR];

	trial_shared(e, t, inv_rate, sh);
	for (size_t c = 0; c < e->nr; c++)
		days[c] = context_days(e, c,
				       mc_stream_key(e->seed, t, MC_NOISE),
				       inv_rate, sh);
	free(inv_rate);
	return sh[SH_PHASE0];
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

DEFINE_SELECT(select_double, double)

/* P10/P50/P80/P90 (type 7) and the mean of v[0..n), reordering v. */
void estimate_range_of(struct estimate_range *r, double *v, size_t n)
{
	const double p[4] = { 0.1, 0.5, 0.8, 0.9 };
	double out[4], sum = 0;
	size_t from = 0;

	memset(r, 0, sizeof(*r));
	if (!n)
		return;
	for (size_t i = 0; i < n; i++)
		sum += v[i];
	for (int q = 0; q < 4; q++) {
		double h = (double)(n - 1) * p[q], next;
		size_t i = (size_t)h;

		select_double(v + from, n - from, i - from);
		next = v[i];
		for (size_t j = i + 1; j < n; j++)
			if (j == i + 1 || v[j] < next)
				next = v[j];
		out[q] = v[i] + (h - (double)i) * (next - v[i]);
		from = i;
	}
	r->p10 = out[0];
	r->p50 = out[1];
	r->p80 = out[2];
	r->p90 = out[3];
	r->mean = sum / (double)n;
}

struct mc {
	struct estimate *e;
	double *inv_rate; /* trials x rates */
	double *shared; /* trials x SH_NR */
	uint64_t *noise_key; /* per trial */
	double **column; /* per worker: trials */
	double *block_total; /* blocks x trials */
};

static void mc_block(void *ctx, size_t block, int worker)
{
	struct mc *mc = ctx;
	struct estimate *e = mc->e;
	size_t n = e->trials, rn = e->rates_nr ? e->rates_nr : 1;
	double *col = mc->column[worker], *sum = mc->block_total + block * n;

	for (size_t c = block * MC_BLOCK;
	     c < e->nr && c < (block + 1) * MC_BLOCK; c++) {
		struct estimate_context *x = &e->contexts[c];

		for (size_t t = 0; t < n; t++) {
			double d = context_days(e, c, mc->noise_key[t],
						mc->inv_rate + t * rn,
						mc->shared + t * SH_NR);

			col[t] = d;
			sum[t] += d;
			if (e->draws)
				e->draws[t * e->nr + c] = d;
		}
		if (!x->excluded)
			estimate_range_of(&x->days, col, n);
	}
}

void estimate_run(struct estimate *e, int threads)
{
	struct mc mc = { e };
	size_t n = e->trials, rn = e->rates_nr ? e->rates_nr : 1;
	size_t blocks = (e->nr + MC_BLOCK - 1) / MC_BLOCK;
	double *v = xcalloc(n, sizeof(*v)), total_mean = 0;

	if (threads < 1)
		threads = 1;
	mc.inv_rate = xcalloc(n * rn, sizeof(*mc.inv_rate));
	mc.shared = xcalloc(n * SH_NR, sizeof(*mc.shared));
	mc.noise_key = xcalloc(n, sizeof(*mc.noise_key));
	for (size_t t = 0; t < n; t++) {
		trial_shared(e, t, mc.inv_rate + t * rn, mc.shared + t * SH_NR);
		mc.noise_key[t] = mc_stream_key(e->seed, t, MC_NOISE);
	}
	if (e->nr && n * e->nr <= ESTIMATE_MAX_DRAWS)
		e->draws = xcalloc(n * e->nr, sizeof(*e->draws));
	mc.column = xcalloc(threads, sizeof(*mc.column));
	for (int i = 0; i < threads; i++)
		mc.column[i] = xcalloc(n, sizeof(**mc.column));
	mc.block_total = xcalloc(blocks * n + 1, sizeof(*mc.block_total));
	pool_for(blocks, threads, mc_block, &mc);

	e->phase0_draws = xcalloc(n, sizeof(*e->phase0_draws));
	e->total_draws = xcalloc(n, sizeof(*e->total_draws));
	for (size_t t = 0; t < n; t++) {
		double total = e->phase0_draws[t] =
			mc.shared[t * SH_NR + SH_PHASE0];

		/* in block order, so -j does not change a digit */
		for (size_t b = 0; b < blocks; b++)
			total += mc.block_total[b * n + t];
		e->total_draws[t] = total;
	}
	memcpy(v, e->phase0_draws, n * sizeof(*v));
	estimate_range_of(&e->phase0_days, v, n);
	memcpy(v, e->total_draws, n * sizeof(*v));
	qsort(v, n, sizeof(*v), cmp_double);
	estimate_range_of(&e->total_days, v, n);
	total_mean = e->total_days.mean;
	for (size_t c = 0; c < e->nr; c++)
		e->contexts[c].share =
			total_mean > 0 ? e->contexts[c].days.mean / total_mean
				       : 0;
	for (int i = 0; i < threads; i++)
		free(mc.column[i]);
	free(mc.column);
	free(mc.block_total);
	free(mc.inv_rate);
	free(mc.shared);
	free(mc.noise_key);
	free(v);
}

static void likely_days(struct estimate *e, struct estimate_context *x)
{
	x->port_days = 0;
	for (size_t i = 0; i < x->work_nr; i++) {
		const struct estimate_work *w = &x->work[i];

		x->port_days +=
			(w->work + w->test_work / e->test_speed.likely) /
			e->rates[w->rate].dist.likely;
	}
	x->seam_days = (double)x->interfaces * e->interface.likely;
	x->fixed_days = x->service ? e->service.likely : 0;
	x->data_days = (double)x->tables * e->table.likely;
	x->likely_days =
		x->port_days + x->seam_days + x->fixed_days + x->data_days;
}

static int is_excluded(const struct estimate_options *o, const char *name)
{
	for (size_t i = 0; i < o->exclude_nr; i++)
		if (!strcmp(o->exclude[i], name))
			return 1;
	return 0;
}

static int cmp_work(const void *a, const void *b)
{
	const struct estimate_work *x = a, *y = b;

	if (x->code != y->code)
		return x->code < y->code ? 1 : -1;
	return (x->rate > y->rate) - (x->rate < y->rate);
}

/* "option", the config file, or "default" for a rate's source text. */
static const char *rate_source(const struct estimate_build *b,
			       const char *source)
{
	if (!strcmp(source, "option"))
		return "option";
	if (b->o->config && b->o->config->path &&
	    !strcmp(source, b->o->config->path))
		return source;
	return "default";
}

static void record_assumptions(struct estimate_build *b)
{
	struct estimate *e = b->e;
	struct strbuf sb = STRBUF_INIT;

	if (e->target)
		strbuf_addf(&sb,
			    "%s for back-end code (browser languages: "
			    "JavaScript, TypeScript, Vue, Svelte, HTML and "
			    "style sheets keep theirs)",
			    e->target);
	else
		strbuf_addstr(&sb, "none: every file stays in its language "
				   "(a split, no rewrite); set \"target\" or "
				   "--target");
	for (size_t i = 0; i < b->targets_nr; i++)
		strbuf_addf(&sb, "%s%s -> %s",
			    i ? ", " : "; by language: ", b->targets[i].from,
			    b->targets[i].to);
	estimate_assume(e, "target",
			b->target_source ? b->target_source : "default", "%s",
			sb.buf);
	for (size_t r = 0; r < e->rates_nr; r++) {
		const struct estimate_rate *x = &e->rates[r];
		char name[160];

		strbuf_reset(&sb);
		estimate_dist_describe(&sb, &x->dist);
		strbuf_addf(&sb, " lines per engineer-day; %s", x->source);
		snprintf(name, sizeof(name), "rate %s->%s", x->from, x->to);
		estimate_assume(e, name, rate_source(b, x->source), "%s",
				sb.buf);
	}
	for (size_t i = 0; i < FACTORS_NR; i++) {
		strbuf_reset(&sb);
		estimate_dist_describe(&sb, factor_of(e, i));
		strbuf_addf(&sb, "; %s", factors[i].what);
		estimate_assume(e, factors[i].key,
				b->factor_source[i] ? b->factor_source[i]
						    : "default",
				"%s", sb.buf);
	}
	estimate_assume(e, "distributions", b->kind_source,
			"%s for figures given as one number; lognormal: "
			"median and P10/P90, PERT: min/mode/max",
			estimate_dist_name(b->kind));
	if (e->density > 0)
		estimate_assume(e, "complexity factor", "default",
				"sqrt(file branch density / %.4f, the "
				"code-weighted density of all files "
				"estimated), bounded to %.2f-%.2f; 1 for data "
				"and markup files",
				e->density, CX_MIN, CX_MAX);
	else
		estimate_assume(e, "complexity factor", "default",
				"1: no branch counts (declared sizes)");
	estimate_assume(e, "test code", "default",
			"files under test/, tests/, testing/, spec/, "
			"__tests__/, testdata/ or named test_*, *_test.*, "
			"*.test.*, *.spec.*, *Test.*, *Tests.*, conftest.py "
			"(role.h): ported at the rate x test_speed");
	strbuf_reset(&sb);
	for (int r = ROLE_DOCS; r <= ROLE_DATA; r++)
		if (b->priced_roles & (1u << r))
			strbuf_addf(&sb, "%s%s", sb.len ? ", " : "",
				    file_role_name(r));
	estimate_assume(e, "not code",
			b->priced_roles ? b->o->config->path : "default",
			"docs, configuration and CI, build files, "
			"translations, fixtures, style sheets and media, and "
			"data files (role.h), and code under one branch per "
			"1,000 lines (a data table), cost nothing: they move "
			"as they are%s%s%s; vendored, generated and minified "
			"files are left out by the scan; views are priced as "
			"code that moves; the platform group is no service",
			sb.len ? " (priced by \"estimate\".\"price\": " : "",
			sb.buf, sb.len ? ")" : "");
	strbuf_reset(&sb);
	for (int r = ROLE_DOCS; r <= ROLE_DATA; r++)
		if (b->left_role[r])
			strbuf_addf(&sb, "%s%s %lu", sb.len ? ", " : "",
				    file_role_name(r), b->left_role[r]);
	if (b->left_data)
		strbuf_addf(&sb, "%sdata tables in code %lu",
			    sb.len ? ", " : "", b->left_data);
	if (b->left_new)
		strbuf_addf(&sb, "%salready in \"new\" %lu", sb.len ? ", " : "",
			    b->left_new);
	if (b->left_legacy)
		strbuf_addf(&sb, "%soutside \"legacy\" %lu", sb.len ? ", " : "",
			    b->left_legacy);
	estimate_assume(e, "not priced", "default",
			"code lines that do not move as work: %s",
			sb.len ? sb.buf : "none");
	estimate_assume(e, "scope",
			b->legacy || b->fresh ? "carve.json" : "default",
			"%s%s",
			b->legacy ? "the files under \"legacy\""
				  : "every file scanned (no \"legacy\" "
				    "declared)",
			b->fresh ? ", never those already under \"new\"" : "");
	estimate_assume(e, "interfaces", "default",
			"per context, the distinct modules (or, with libclang, "
			"symbols) that other contexts use across its seam; "
			"each an API its service provides");
	estimate_assume(e, "services", "default",
			"every context with code of its own to run becomes a "
			"service and pays the fixed cost once (not the shared "
			"kernel, a library, nor files linked to nothing, nor "
			"views, tests or data alone); with a "
			"target, general-purpose code is rewritten, while "
			"Shell, SQL, Makefile, CMake, Awk, data and markup "
			"move as they are");
	if (b->tables == 2)
		estimate_assume(e, "data", "default",
				"owned tables from carve data's findings (the "
				"tables each service's code writes or "
				"defines): %zu, each at the table cost",
				b->tables_found);
	else
		estimate_assume(e, "data", "default", "%s",
				b->tables ? "owned tables as declared"
					  : "no data-ownership information: "
					    "no data work counted");
	estimate_assume(e, "Monte Carlo",
			b->o->seed != ESTIMATE_SEED ||
					b->o->trials != ESTIMATE_TRIALS
				? "option"
				: "default",
			"%zu trials from seed %lu; each trial draws one "
			"team-wide rate error (every pair moves together), "
			"one test speed, interface, service, table and phase-0 "
			"cost shared by all contexts, and one independent "
			"noise per context; SplitMix64 counter-based numbers",
			e->trials, e->seed);
	estimate_assume(e, "engineer-year", "default",
			"%d engineer-days (260 weekdays less holidays, leave "
			"and sickness)",
			RATES_DAYS_PER_YEAR);
	estimate_assume(e, "COCOMO II", "default",
			"post-architecture, A 2.94, E = 0.91 + 0.01 x 18.97 "
			"(nominal scale factors), effort multipliers 1; reuse "
			"model: rewrite AAM 0.76 (DM 0, CM 100, IM 100), split "
			"AAM 0.2632 (DM 0, CM 10, IM 50), SU 30, UNFM 0.4, AA "
			"4; "
			"19 engineer-days per person-month");
	strbuf_release(&sb);
}

int estimate_build_finish(struct estimate_build *b, struct estimate **out)
{
	struct estimate *e = b->e;
	size_t active = 0;
	double rewritten = 0, moved = 0;

	if (e->nr > ESTIMATE_MAX_CONTEXTS)
		return error_code(CARVE_ETOOBIG,
				  "%zu contexts: carve estimate takes at most "
				  "%d; group them into fewer (carve seams "
				  "--contexts K, or fewer declared contexts)",
				  e->nr, ESTIMATE_MAX_CONTEXTS);
	for (size_t i = 0; i < b->o->exclude_nr; i++) {
		size_t c;

		for (c = 0; c < e->nr; c++)
			if (!strcmp(e->contexts[c].name, b->o->exclude[i]))
				break;
		if (c == e->nr)
			return error_code(
				CARVE_EINVALID,
				"--exclude-context '%s': no such context",
				b->o->exclude[i]);
	}
	for (size_t c = 0; c < e->nr; c++) {
		struct estimate_context *x = &e->contexts[c];

		if (x->work_nr > 1)
			qsort(x->work, x->work_nr, sizeof(*x->work), cmp_work);
		if (is_excluded(b->o, x->name)) {
			x->excluded = 1;
			x->why = estimate_whys[ESTIMATE_WHY_OPTION];
		} else if (!x->code && x->generated) {
			x->excluded = 1;
			x->why = estimate_whys[ESTIMATE_WHY_GENERATED];
			warning("context '%s' holds only generated code (%lu "
				"lines): regenerated, not ported; left out",
				x->name, x->generated);
		} else if (!x->code && x->why) {
			/* code lines, none of which move (estimate_scan.c):
			 * as carve.json says, no surprise to warn of */
			x->excluded = 1;
		} else if (!x->code) {
			x->excluded = 1;
			x->why = estimate_whys[ESTIMATE_WHY_EMPTY];
			warning("context '%s' has no code lines to move: left "
				"out",
				x->name);
		}
		if (x->excluded)
			continue;
		active++;
		likely_days(e, x);
		for (size_t i = 0; i < x->work_nr; i++) {
			const struct estimate_rate *r =
				&e->rates[x->work[i].rate];

			if (strcmp(r->from, r->to))
				rewritten += (double)x->work[i].code;
			else
				moved += (double)x->work[i].code;
		}
	}
	if (!active && e->nr)
		warning("no context has code to estimate");
	estimate_cocomo_compute(&e->cocomo, rewritten, moved);
	record_assumptions(b);
	estimate_run(e, b->o->threads);
	*out = e;
	b->e = NULL;
	return 0;
}

void estimate_build_release(struct estimate_build *b)
{
	for (size_t i = 0; i < b->targets_nr; i++) {
		free(b->targets[i].from);
		free(b->targets[i].to);
	}
	free(b->targets);
	estimate_free(b->e);
	rates_overrides_release(&b->ov);
	memset(b, 0, sizeof(*b));
}

void estimate_rerun(struct estimate *e)
{
	for (size_t r = 0; r < e->rates_nr; r++) {
		struct estimate_dist *d = &e->rates[r].dist;

		estimate_dist_set(d, d->kind, d->low, d->likely, d->high);
	}
	for (size_t i = 0; i < FACTORS_NR; i++) {
		struct estimate_dist *d = factor_of(e, i);

		estimate_dist_set(d, d->kind, d->low, d->likely, d->high);
	}
	estimate_run(e, 1);
}
