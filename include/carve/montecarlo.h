/*
 * The random side of carve estimate: counter-based uniform numbers (each
 * one a SplitMix64 hash of seed, trial, stream and index, so any trial
 * can be recomputed alone, in any order, on any thread), the normal
 * quantile, and percentiles of a sample. Nothing here allocates.
 */
#ifndef CARVE_MONTECARLO_H
#define CARVE_MONTECARLO_H

#include <stddef.h>
#include <stdint.h>

/* The random streams of a trial; each context has its own index. */
enum mc_stream {
	MC_RATE, /* the team-wide rate error, common to every pair */
	MC_TEST, /* test code speed */
	MC_INTERFACE, /* cost of one interface across a seam */
	MC_SERVICE, /* fixed cost of a new service */
	MC_TABLE, /* cost of moving one owned table */
	MC_PHASE0, /* platform work before the first extraction */
	MC_NOISE, /* per context: what is particular to it */
};

/* A uniform number in (0, 1), 53 bits, for (seed, trial, stream, index). */
double mc_uniform(uint64_t seed, uint64_t trial, unsigned stream,
		  uint64_t index);
/*
 * The same in two steps, for loops over many indexes of one trial and
 * stream: mc_uniform(s, t, k, i) == mc_uniform_at(mc_stream_key(s, t, k), i).
 */
uint64_t mc_stream_key(uint64_t seed, uint64_t trial, unsigned stream);
double mc_uniform_at(uint64_t key, uint64_t index);
/* Inverse of the standard normal CDF (Acklam; relative error < 1.2e-9). */
double mc_normal_quantile(double p);
/*
 * The p-th quantile (0 to 1) of sorted[0..n), interpolated between
 * order statistics (Hyndman and Fan type 7, as R and NumPy default).
 */
double mc_percentile(const double *sorted, size_t n, double p);

#endif
