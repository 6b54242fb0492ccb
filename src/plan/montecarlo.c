/*
 * Counter-based random numbers, the normal quantile and percentiles for
 * carve estimate's Monte Carlo (montecarlo.h).
 */
#include <math.h>

#include "carve/montecarlo.h"
#include "carve/splitmix.h"

uint64_t mc_stream_key(uint64_t seed, uint64_t trial, unsigned stream)
{
	/* chained so that no two (trial, stream, index) share a key */
	return splitmix64(splitmix64(splitmix64(seed) ^ trial) ^
			  ((uint64_t)stream << 56));
}

double mc_uniform_at(uint64_t key, uint64_t index)
{
	return ((double)(splitmix64(key ^ index) >> 11) + 0.5) * 0x1p-53;
}

double mc_uniform(uint64_t seed, uint64_t trial, unsigned stream,
		  uint64_t index)
{
	return mc_uniform_at(mc_stream_key(seed, trial, stream), index);
}

double mc_normal_quantile(double p)
{
	static const double a[] = {
		-3.969683028665376e+01, 2.209460984245205e+02,
		-2.759285104469687e+02, 1.383577518672690e+02,
		-3.066479806614716e+01, 2.506628277459239e+00
	};
	static const double b[] = { -5.447609879822406e+01,
				    1.615858368580409e+02,
				    -1.556989798598866e+02,
				    6.680131188771972e+01,
				    -1.328068155288572e+01 };
	static const double c[] = {
		-7.784894002430293e-03, -3.223964580411365e-01,
		-2.400758277161838e+00, -2.549732539343734e+00,
		4.374664141464968e+00,	2.938163982698783e+00
	};
	static const double d[] = { 7.784695709041462e-03,
				    3.224671290700398e-01,
				    2.445134137142996e+00,
				    3.754408661907416e+00 };
	const double lo = 0.02425;
	double q, r;

	if (p <= 0)
		return -INFINITY;
	if (p >= 1)
		return INFINITY;
	if (p < lo || p > 1 - lo) {
		q = sqrt(-2 * log(p < lo ? p : 1 - p));
		r = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) *
			     q +
		     c[5]) /
		    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
		return p < lo ? r : -r;
	}
	q = p - 0.5;
	r = q * q;
	return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r +
		a[5]) *
	       q /
	       (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r +
		1);
}

double mc_percentile(const double *sorted, size_t n, double p)
{
	double h, f;
	size_t i;

	if (!n)
		return 0;
	h = (double)(n - 1) * p;
	i = (size_t)h;
	if (i + 1 >= n)
		return sorted[n - 1];
	f = h - (double)i;
	return sorted[i] + f * (sorted[i + 1] - sorted[i]);
}
