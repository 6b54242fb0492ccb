/*
 * Hoare's selection, for percentiles of many trials: linear on average,
 * where sorting each set of trials for two or three percentiles costs
 * n log n. DEFINE_SELECT(name, type) defines
 *
 *	static inline type name(type *v, size_t n, size_t k)
 *
 * which returns the k-th smallest of v[0..n) (k from 0) and reorders v so
 * that every value before index k is at most it and every value after at
 * least it. The type must be ordered by < (floats without NaN).
 */
#ifndef CARVE_SELECT_H
#define CARVE_SELECT_H

#include <stddef.h>

#define DEFINE_SELECT(name, type)                                             \
	static inline type name(type *v, size_t n, size_t k)                  \
	{                                                                     \
		long lo = 0, hi = (long)n - 1;                                \
                                                                              \
		while (lo < hi) {                                             \
			type a = v[lo], b = v[lo + (hi - lo) / 2], c = v[hi]; \
			/* the median of three as the pivot */                \
			type pivot = a < b ? (b < c ? b : (a < c ? c : a))    \
					   : (a < c ? a : (b < c ? c : b));   \
			long i = lo, j = hi;                                  \
                                                                              \
			while (i <= j) {                                      \
				while (v[i] < pivot)                          \
					i++;                                  \
				while (v[j] > pivot)                          \
					j--;                                  \
				if (i <= j) {                                 \
					type x = v[i];                        \
                                                                              \
					v[i++] = v[j];                        \
					v[j--] = x;                           \
				}                                             \
			}                                                     \
			if ((long)k <= j)                                     \
				hi = j;                                       \
			else if ((long)k >= i)                                \
				lo = i;                                       \
			else                                                  \
				break; /* between j and i: all equal */       \
		}                                                             \
		return v[k];                                                  \
	}

#endif
