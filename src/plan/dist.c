/*
 * The distributions of carve estimate: log-normal (median and the P10
 * and P90 around it), beta-PERT (three points) and fixed values, each
 * sampled through its quantile function so one uniform number drives
 * every quantity that must move together.
 */
#include <math.h>
#include <string.h>

#include "carve/error.h"
#include "carve/estimate.h"
#include "carve/montecarlo.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/* Phi^-1(0.9): low and high of a log-normal are its P10 and P90. */
#define Z90 1.2815515655446004

/* Cells of the numerical integration of the PERT density. */
#define PERT_CELLS 16384

/*
 * The PERT quantile table: the beta density with shape 1 + 4(m - a) /
 * (b - a) and 1 + 4(b - m) / (b - a) integrated by the midpoint rule,
 * then inverted by linear interpolation at evenly spaced probabilities.
 */
static void pert_table(struct estimate_dist *d)
{
	double a = d->low, b = d->high, m = d->likely;
	double alpha = 1 + 4 * (m - a) / (b - a);
	double beta = 1 + 4 * (b - m) / (b - a);
	double *cdf = xcalloc(PERT_CELLS + 1, sizeof(*cdf));
	size_t k = 0;

	for (size_t i = 0; i < PERT_CELLS; i++) {
		double x = ((double)i + 0.5) / PERT_CELLS;

		cdf[i + 1] = cdf[i] + pow(x, alpha - 1) * pow(1 - x, beta - 1);
	}
	d->table = xcalloc(ESTIMATE_PERT_STEPS + 1, sizeof(*d->table));
	for (size_t j = 0; j <= ESTIMATE_PERT_STEPS; j++) {
		double want = cdf[PERT_CELLS] * (double)j / ESTIMATE_PERT_STEPS;
		double f, x;

		while (k < PERT_CELLS && cdf[k + 1] < want)
			k++;
		if (k >= PERT_CELLS) {
			x = 1;
		} else {
			f = cdf[k + 1] > cdf[k]
				    ? (want - cdf[k]) / (cdf[k + 1] - cdf[k])
				    : 0;
			x = ((double)k + f) / PERT_CELLS;
		}
		d->table[j] = a + x * (b - a);
	}
	free(cdf);
}

int estimate_dist_set(struct estimate_dist *d, enum estimate_dist_kind kind,
		      double low, double likely, double high)
{
	estimate_dist_release(d);
	if (estimate_dist_init(d, kind, low, likely, high))
		return CARVE_EINVALID;
	d->sigma = log(high / low) / (2 * Z90);
	if (d->kind == DIST_PERT)
		pert_table(d);
	return 0;
}

double estimate_dist_quantile(const struct estimate_dist *d, double u)
{
	double h, f;
	size_t i;

	switch (d->kind) {
	case DIST_LOGNORMAL:
		return d->likely * exp(d->sigma * mc_normal_quantile(u));
	case DIST_PERT:
		h = u * ESTIMATE_PERT_STEPS;
		i = (size_t)h;
		if (i >= ESTIMATE_PERT_STEPS)
			return d->table[ESTIMATE_PERT_STEPS];
		f = h - (double)i;
		return d->table[i] + f * (d->table[i + 1] - d->table[i]);
	default:
		return d->likely;
	}
}

double estimate_dist_mean(const struct estimate_dist *d)
{
	double s;

	switch (d->kind) {
	case DIST_LOGNORMAL:
		s = d->sigma;
		return d->likely * exp(s * s / 2);
	case DIST_PERT:
		return (d->low + 4 * d->likely + d->high) / 6;
	default:
		return d->likely;
	}
}

void estimate_dist_describe(struct strbuf *sb, const struct estimate_dist *d)
{
	if (d->kind == DIST_FIXED) {
		strbuf_addf(sb, "%g (fixed)", d->likely);
		return;
	}
	strbuf_addf(sb, "%s %g / %g / %g", estimate_dist_name(d->kind), d->low,
		    d->likely, d->high);
	strbuf_addstr(sb, d->kind == DIST_LOGNORMAL ? " (P10 / median / P90)"
						    : " (min / mode / max)");
}

void estimate_dist_copy(struct estimate_dist *dst,
			const struct estimate_dist *src)
{
	*dst = *src;
	dst->table = NULL;
	if (src->table) {
		dst->table =
			xcalloc(ESTIMATE_PERT_STEPS + 1, sizeof(*dst->table));
		memcpy(dst->table, src->table,
		       (ESTIMATE_PERT_STEPS + 1) * sizeof(*dst->table));
	}
}
