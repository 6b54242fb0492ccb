/*
 * Unit tests for carve estimate's model: the normal quantile against
 * libm's erfc, the log-normal and PERT quantiles against their closed
 * forms, percentiles on hand-counted samples, rates and their parsing,
 * the model's arithmetic with fixed distributions (worked by hand), the
 * correlation the shared rate draw keeps, and the JSON round trip.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "carve/error.h"
#include "carve/estimate.h"
#include "carve/estimate_build.h"
#include "carve/montecarlo.h"
#include "carve/rates.h"

static double normal_cdf(double x)
{
	return 0.5 * erfc(-x / sqrt(2));
}

static void normal_quantile_inverts_erfc(void **state)
{
	const double p[] = { 1e-6, 0.001, 0.02,	 0.1,	0.3,	 0.5,
			     0.7,  0.9,	  0.975, 0.999, 1 - 1e-6 };

	(void)state;
	for (size_t i = 0; i < sizeof(p) / sizeof(p[0]); i++)
		assert_true(fabs(normal_cdf(mc_normal_quantile(p[i])) - p[i]) <
			    1e-9);
	/* the textbook 97.5% point */
	assert_true(fabs(mc_normal_quantile(0.975) - 1.959963985) < 1e-8);
	assert_true(mc_normal_quantile(0.5) == 0 ||
		    fabs(mc_normal_quantile(0.5)) < 1e-15);
}

static void uniforms_are_uniform_and_addressable(void **state)
{
	double sum = 0, sq = 0;
	size_t n = 200000, below = 0;

	(void)state;
	for (size_t i = 0; i < n; i++) {
		double u = mc_uniform(7, i, MC_NOISE, 3);

		assert_true(u > 0 && u < 1);
		sum += u;
		sq += u * u;
		below += u < 0.1;
	}
	/* mean 1/2, variance 1/12: 5 standard errors */
	assert_true(fabs(sum / n - 0.5) < 5 * sqrt(1.0 / 12 / n));
	assert_true(fabs(sq / n - sum * sum / n / n - 1.0 / 12) < 0.002);
	assert_true(fabs((double)below / n - 0.1) < 0.004);
	/* the same key gives the same number; another stream another */
	assert_true(mc_uniform(7, 42, MC_RATE, 0) ==
		    mc_uniform(7, 42, MC_RATE, 0));
	assert_true(mc_uniform(7, 42, MC_RATE, 0) !=
		    mc_uniform(7, 42, MC_TEST, 0));
	assert_true(mc_uniform(7, 42, MC_RATE, 0) !=
		    mc_uniform(8, 42, MC_RATE, 0));
}

static void lognormal_hits_its_three_points(void **state)
{
	struct estimate_dist d = { 0 };

	(void)state;
	assert_int_equal(estimate_dist_set(&d, DIST_LOGNORMAL, 15, 30, 60), 0);
	assert_true(fabs(estimate_dist_quantile(&d, 0.5) - 30) < 1e-9);
	assert_true(fabs(estimate_dist_quantile(&d, 0.9) - 60) < 1e-6);
	assert_true(fabs(estimate_dist_quantile(&d, 0.1) - 15) < 1e-6);
	/* mean = median x exp(sigma^2 / 2), sigma = ln 4 / (2 x 1.28155) */
	assert_true(fabs(estimate_dist_mean(&d) -
			 30 * exp(pow(log(4) / 2.563103131, 2) / 2)) < 1e-6);
	estimate_dist_release(&d);
}

static void pert_mean_and_bounds(void **state)
{
	struct estimate_dist d = { 0 };
	double sum = 0;
	size_t n = 100000;

	(void)state;
	assert_int_equal(estimate_dist_set(&d, DIST_PERT, 10, 20, 60), 0);
	for (size_t i = 0; i < n; i++)
		sum += estimate_dist_quantile(&d, ((double)i + 0.5) / n);
	/* PERT mean (a + 4m + b) / 6 = (10 + 80 + 60) / 6 = 25 */
	assert_true(fabs(sum / n - 25) < 0.05);
	assert_true(fabs(estimate_dist_quantile(&d, 1e-9) - 10) < 0.1);
	assert_true(fabs(estimate_dist_quantile(&d, 1 - 1e-9) - 60) < 0.1);
	/* symmetric: the median is the mode */
	assert_int_equal(estimate_dist_set(&d, DIST_PERT, 10, 20, 30), 0);
	assert_true(fabs(estimate_dist_quantile(&d, 0.5) - 20) < 0.01);
	estimate_dist_release(&d);
}

static void bad_distributions_are_refused(void **state)
{
	struct estimate_dist d = { 0 };

	(void)state;
	assert_int_equal(estimate_dist_set(&d, DIST_PERT, 0, 1, 2),
			 CARVE_EINVALID);
	assert_int_equal(estimate_dist_set(&d, DIST_PERT, -1, 1, 2),
			 CARVE_EINVALID);
	assert_int_equal(estimate_dist_set(&d, DIST_PERT, NAN, 1, 2),
			 CARVE_EINVALID);
	assert_int_equal(estimate_dist_set(&d, DIST_PERT, 3, 1, 2),
			 CARVE_EINVALID);
	assert_int_equal(estimate_dist_set(&d, DIST_LOGNORMAL, 1, 1, INFINITY),
			 CARVE_EINVALID);
	/* one point is a fixed value */
	assert_int_equal(estimate_dist_set(&d, DIST_PERT, 5, 5, 5), 0);
	assert_int_equal(d.kind, DIST_FIXED);
	assert_true(estimate_dist_quantile(&d, 0.123) == 5);
}

static void percentiles_type_7(void **state)
{
	const double s[] = { 1, 2, 3, 4, 5 };
	double v[101];
	struct estimate_range r;

	(void)state;
	/* h = (n - 1) p: 0.4 -> 1.4, 2 -> 3, 3.6 -> 4.6 */
	assert_true(fabs(mc_percentile(s, 5, 0.1) - 1.4) < 1e-12);
	assert_true(fabs(mc_percentile(s, 5, 0.5) - 3) < 1e-12);
	assert_true(fabs(mc_percentile(s, 5, 0.9) - 4.6) < 1e-12);
	/* 1..101 shuffled: h = 100 p lands on whole ranks */
	for (int i = 0; i < 101; i++)
		v[i] = (double)((i * 37) % 101 + 1);
	estimate_range_of(&r, v, 101);
	assert_true(r.p10 == 11 && r.p50 == 51 && r.p80 == 81 && r.p90 == 91);
	assert_true(fabs(r.mean - 51) < 1e-12);
	/* with ties and interpolation: 10 values 0..9, p80 h = 7.2 */
	for (int i = 0; i < 10; i++)
		v[i] = (double)(9 - i);
	estimate_range_of(&r, v, 10);
	assert_true(fabs(r.p80 - 7.2) < 1e-12);
	assert_true(fabs(r.p10 - 0.9) < 1e-12);
}

static void complexity_factor_is_bounded(void **state)
{
	(void)state;
	assert_true(estimate_complexity_factor(0.2, 0.2) == 1);
	assert_true(fabs(estimate_complexity_factor(0.242, 0.2) - 1.1) < 1e-9);
	assert_true(estimate_complexity_factor(0.8, 0.2) == 1.5);
	assert_true(estimate_complexity_factor(0.05, 0.2) == 0.75);
	assert_true(estimate_complexity_factor(0.3, 0) == 1);
}

/* The usual names of languages are carve's; browser languages are known. */
static void language_aliases(void **state)
{
	static const char *const pairs[][2] = {
		{ "csharp", "c#" },	 { "CS", "c#" },
		{ "C#", "c#" },		 { "golang", "go" },
		{ "js", "javascript" },	 { "TS", "typescript" },
		{ "py", "python" },	 { "rb", "ruby" },
		{ "C++ Header", "c++" }, { "cpp", "c++" },
		{ "Kotlin", "kotlin" },
	};
	char buf[64];

	(void)state;
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		assert_string_equal(rates_lang_key(buf, sizeof(buf),
						   pairs[i][0]),
				    pairs[i][1]);
	assert_true(rates_front_end("typescript"));
	assert_true(rates_front_end("css"));
	assert_false(rates_front_end("python"));
	assert_false(rates_front_end("go"));
}

static void rate_options(void **state)
{
	struct rate_overrides ov = { 0 };
	struct estimate_rate r;

	(void)state;
	/* one figure keeps the default's spread: 0.5x and 2x */
	assert_int_equal(
		rates_parse_option(&ov, "Python->Go=40", DIST_LOGNORMAL), 0);
	assert_true(ov.v[0].dist.low == 20 && ov.v[0].dist.likely == 40 &&
		    ov.v[0].dist.high == 80);
	assert_int_equal(
		rates_parse_option(&ov, "java->go=10,20,50", DIST_PERT), 0);
	assert_int_equal(ov.v[1].dist.kind, DIST_PERT);
	assert_int_equal(rates_parse_option(&ov, "python->go=0",
					    DIST_LOGNORMAL),
			 CARVE_EINVALID);
	assert_int_equal(rates_parse_option(&ov, "python->go=-3",
					    DIST_LOGNORMAL),
			 CARVE_EINVALID);
	assert_int_equal(rates_parse_option(&ov, "python->go=nan",
					    DIST_LOGNORMAL),
			 CARVE_EINVALID);
	assert_int_equal(rates_parse_option(&ov, "python->go=60,31,15",
					    DIST_LOGNORMAL),
			 CARVE_EINVALID);
	assert_int_equal(rates_parse_option(&ov, "python=5", DIST_LOGNORMAL),
			 CARVE_EINVALID);
	assert_int_equal(rates_parse_option(&ov, "python->go=5,6",
					    DIST_LOGNORMAL),
			 CARVE_EINVALID);
	assert_int_equal(ov.nr, 2);

	rates_resolve(&r, "python", "go", &ov, DIST_LOGNORMAL);
	assert_true(r.dist.likely == 40 && !r.fallback);
	assert_string_equal(r.source, "option");
	free(r.from), free(r.to), free(r.source);
	rates_resolve(&r, "python", "go", NULL, DIST_LOGNORMAL);
	/*
	 * Khan: 148 x 220 = 32,560 engineer-days of team time, about 92%
	 * of it work, less 1,520 of fixed costs: 1,000,000 / 28,500 = 35.09
	 */
	assert_true(fabs(r.dist.likely - 1e6 / 28500) < 0.15);
	free(r.from), free(r.to), free(r.source);
	rates_resolve(&r, "java", "java", NULL, DIST_LOGNORMAL);
	assert_true(r.dist.likely == 150 && !r.fallback);
	free(r.from), free(r.to), free(r.source);
	rates_resolve(&r, "cobol", "go", NULL, DIST_LOGNORMAL);
	assert_true(r.fallback && r.dist.likely == 35);
	free(r.from), free(r.to), free(r.source);
	rates_overrides_release(&ov);
}

static char *write_sizes(const char *text)
{
	char *path = strdup("/tmp/carve-sizes-XXXXXX");
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");

	fputs(text, fp);
	fclose(fp);
	return path;
}

static struct estimate *build(const char *text, enum estimate_dist_kind kind,
			      int threads)
{
	char *path = write_sizes(text);
	struct estimate_options o;
	struct estimate *e = NULL;

	estimate_options_init(&o);
	o.target = "go";
	o.dist = kind;
	o.trials = 2000;
	o.threads = threads;
	assert_int_equal(estimate_build_sizes(&e, path, &o), 0);
	unlink(path);
	free(path);
	return e;
}

/*
 * With every distribution fixed, each trial is the likely value:
 * a: 3,070 Python lines to Go at 35 = 87.714 days, 307 test lines at
 *    35 x 1.5 = 5.848 days, 2 interfaces x 3 = 6, one service 20,
 *    3 tables x 5 = 15: 134.562 days.
 * b: 1,500 Java lines to Go at the fallback rate 35 (no figure for
 *    java->go) = 42.857 days; not a service, no interfaces: 42.857 days.
 * Phase 0: 120. Total 297.42.
 */
static void fixed_model_arithmetic(void **state)
{
	struct estimate *e;
	double a = 3070 / 35.0 + 307 / (35.0 * 1.5) + 2 * 3 + 20 + 3 * 5;
	double b = 1500 / 35.0;

	(void)state;
	e = build("{ \"contexts\": ["
		  "{ \"name\": \"a\", \"code\": { \"python\": 3070 },"
		  "  \"tests\": { \"python\": 307 }, \"interfaces\": 2,"
		  "  \"tables\": 3 },"
		  "{ \"name\": \"b\", \"code\": { \"java\": 1500 },"
		  "  \"service\": false } ] }",
		  DIST_FIXED, 1);
	assert_int_equal(e->nr, 2);
	assert_true(fabs(e->contexts[0].days.p10 - a) < 1e-9);
	assert_true(fabs(e->contexts[0].days.p90 - a) < 1e-9);
	assert_true(fabs(e->contexts[0].likely_days - a) < 1e-9);
	assert_true(fabs(e->contexts[1].days.p50 - b) < 1e-9);
	assert_true(fabs(e->phase0_days.p50 - 120) < 1e-9);
	assert_true(fabs(e->total_days.p50 - (a + b + 120)) < 1e-9);
	assert_true(e->rates[e->contexts[1].work[0].rate].fallback);
	estimate_free(e);
}

static double correlation(const double *x, const double *y, size_t n,
			  size_t stride)
{
	double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;

	for (size_t i = 0; i < n; i++) {
		mx += x[i * stride];
		my += y[i * stride];
	}
	mx /= n;
	my /= n;
	for (size_t i = 0; i < n; i++) {
		double dx = x[i * stride] - mx, dy = y[i * stride] - my;

		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	return sxy / sqrt(sxx * syy);
}

/*
 * 40 equal contexts. Were they independent, the total's P90/P50 would
 * shrink towards 1 (by about sqrt(40)); with the team-wide rate shared it
 * stays near one context's. And two contexts move together: their
 * correlation is the share of the variance the shared draw explains
 * (sigma_rate^2 / (sigma_rate^2 + sigma_noise^2) = 0.29 / 0.37 ~ 0.78
 * in log space).
 */
static void shared_rate_is_not_averaged_away(void **state)
{
	struct estimate *e;
	char text[8192] = "{ \"contexts\": [";
	double one, all, *days;

	(void)state;
	for (int i = 0; i < 40; i++)
		snprintf(text + strlen(text), sizeof(text) - strlen(text),
			 "%s{ \"name\": \"c%d\", \"code\": { \"python\": "
			 "25000 } }",
			 i ? "," : "", i);
	snprintf(text + strlen(text), sizeof(text) - strlen(text), "] }");
	e = build(text, DIST_LOGNORMAL, 2);
	one = e->contexts[0].days.p90 / e->contexts[0].days.p50;
	all = e->total_days.p90 / e->total_days.p50;
	assert_true(all > 0.85 * one);
	assert_true(all > 1.6);
	assert_non_null(e->draws);
	assert_true(correlation(e->draws, e->draws + 1, e->trials, e->nr) >
		    0.6);
	/* estimate_trial recomputes exactly what the run drew */
	days = calloc(e->nr, sizeof(*days));
	for (size_t t = 0; t < e->trials; t += 97) {
		double p0 = estimate_trial(e, t, days), sum = p0;

		assert_true(p0 == e->phase0_draws[t]);
		for (size_t c = 0; c < e->nr; c++) {
			assert_true(days[c] == e->draws[t * e->nr + c]);
			sum += days[c];
		}
		assert_true(fabs(sum - e->total_draws[t]) < 1e-6);
	}
	free(days);
	estimate_free(e);
}

static void threads_do_not_change_a_digit(void **state)
{
	const char *text = "{ \"contexts\": ["
			   "{ \"name\": \"a\", \"code\": { \"python\": 9000 } "
			   "},"
			   "{ \"name\": \"b\", \"code\": { \"ruby\": 4000 } },"
			   "{ \"name\": \"c\", \"code\": { \"go\": 7000 } } ] "
			   "}";
	struct estimate *x = build(text, DIST_PERT, 1);
	struct estimate *y = build(text, DIST_PERT, 2);

	(void)state;
	assert_memory_equal(x->total_draws, y->total_draws,
			    x->trials * sizeof(double));
	assert_true(x->contexts[2].days.p50 == y->contexts[2].days.p50);
	/* go to go is a split: the same-language rate, 150 */
	assert_true(x->rates[x->contexts[2].work[0].rate].dist.likely == 150);
	estimate_free(x);
	estimate_free(y);
}

static void json_round_trip(void **state)
{
	struct estimate *e, *back = NULL;
	cJSON *root = cJSON_CreateObject();

	(void)state;
	e = build("{ \"contexts\": ["
		  "{ \"name\": \"a\", \"code\": { \"python\": 12000 },"
		  "  \"interfaces\": 4 },"
		  "{ \"name\": \"z\", \"code\": {} } ] }",
		  DIST_LOGNORMAL, 1);
	assert_true(e->contexts[1].excluded);
	estimate_json_add(root, e);
	assert_int_equal(
		estimate_json_load(&back, cJSON_GetObjectItem(root, "estimate"),
				   "m.json"),
		0);
	assert_int_equal(back->nr, 2);
	/* the model keeps the inputs; the plan layer reruns the draws */
	assert_null(back->draws);
	estimate_rerun(back);
	assert_true(back->contexts[1].excluded);
	assert_true(back->total_days.p50 == e->total_days.p50);
	assert_memory_equal(back->draws, e->draws,
			    e->trials * e->nr * sizeof(double));
	assert_int_equal(back->assume_nr, e->assume_nr);
	estimate_free(back);
	estimate_free(e);
	cJSON_Delete(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(normal_quantile_inverts_erfc),
		cmocka_unit_test(uniforms_are_uniform_and_addressable),
		cmocka_unit_test(lognormal_hits_its_three_points),
		cmocka_unit_test(pert_mean_and_bounds),
		cmocka_unit_test(bad_distributions_are_refused),
		cmocka_unit_test(percentiles_type_7),
		cmocka_unit_test(complexity_factor_is_bounded),
		cmocka_unit_test(language_aliases),
		cmocka_unit_test(rate_options),
		cmocka_unit_test(fixed_model_arithmetic),
		cmocka_unit_test(shared_rate_is_not_averaged_away),
		cmocka_unit_test(threads_do_not_change_a_digit),
		cmocka_unit_test(json_round_trip),
	};

	warning_set_quiet(1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
