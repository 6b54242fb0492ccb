/*
 * Past an identifier, sixteen bytes at a time: the bytes ident_char()
 * takes with IDENT_HIGH (letters, digits, '_', and bytes from 0x80, as
 * UTF-8 letters are taken whole). For the lexers that read many names
 * (Go's uses, C#'s words), where a test per byte costs about twice.
 */
#ifndef CARVE_IDENTSKIP_H
#define CARVE_IDENTSKIP_H

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "carve/ident.h"

/* The first byte at or after p, before end, that is no name byte. */
static inline const char *ident_skip(const char *p, const char *end)
{
#ifdef __SSE2__
	/*
	 * a range [lo, hi] by one signed compare: x + (0x80 - lo) is below
	 * -128 + (hi - lo + 1) exactly for x in it
	 */
	const __m128i case_bit = _mm_set1_epi8(0x20);
	const __m128i a_off = _mm_set1_epi8((char)(0x80 - 'a'));
	const __m128i a_lim = _mm_set1_epi8((char)(-128 + 26));
	const __m128i d_off = _mm_set1_epi8((char)(0x80 - '0'));
	const __m128i d_lim = _mm_set1_epi8((char)(-128 + 10));
	const __m128i us = _mm_set1_epi8('_'), zero = _mm_setzero_si128();

	while (end - p >= 16) {
		const __m128i v =
			_mm_loadu_si128((const __m128i *)(const void *)p);
		/* signed compares: bytes from 0x80 are negative */
		__m128i ok = _mm_cmpgt_epi8(zero, v);
		unsigned other;

		ok = _mm_or_si128(
			ok,
			_mm_cmpgt_epi8(a_lim,
				       _mm_add_epi8(_mm_or_si128(v, case_bit),
						    a_off)));
		ok = _mm_or_si128(ok, _mm_cmpgt_epi8(d_lim,
						     _mm_add_epi8(v, d_off)));
		ok = _mm_or_si128(ok, _mm_cmpeq_epi8(v, us));
		other = (unsigned)_mm_movemask_epi8(ok) ^ 0xffffu;
		if (other)
			return p + __builtin_ctz(other);
		p += 16;
	}
#endif
	while (p < end && ident_char((unsigned char)*p, IDENT_HIGH))
		p++;
	return p;
}

#endif
