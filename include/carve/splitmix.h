/*
 * SplitMix64 (Steele, Lea and Flood 2014), the one copy in the tree: its
 * finaliser hashes a 64-bit counter (the counter-based draws of estimate
 * and roadmap), and its generator steps a state (burndown's resampling).
 * Part of core; header only, so each loop gets it inlined.
 */
#ifndef CARVE_SPLITMIX_H
#define CARVE_SPLITMIX_H

#include <stdint.h>

/* The golden-ratio increment of the generator's state. */
#define SPLITMIX64_GAMMA 0x9e3779b97f4a7c15ULL

/* A well-mixed 64-bit hash of x (the generator's output for state x). */
static inline uint64_t splitmix64(uint64_t x)
{
	x += SPLITMIX64_GAMMA;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* The next number of the generator whose state is *state, stepping it. */
static inline uint64_t splitmix64_next(uint64_t *state)
{
	uint64_t x = *state;

	*state += SPLITMIX64_GAMMA;
	return splitmix64(x);
}

#endif
