/*
 * Numbers in carve's binary caches: fixed-width, little-endian whatever
 * the machine, so a cache reads the same on every architecture.
 */
#ifndef CARVE_LE_H
#define CARVE_LE_H

#include <stdint.h>

#include "carve/strbuf.h"

static inline void put_le32(struct strbuf *sb, uint32_t v)
{
	unsigned char b[4];

	for (int i = 0; i < 4; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	strbuf_add(sb, b, 4);
}

static inline void put_le64(struct strbuf *sb, uint64_t v)
{
	put_le32(sb, (uint32_t)v);
	put_le32(sb, (uint32_t)(v >> 32));
}

static inline uint32_t get_le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static inline uint64_t get_le64(const unsigned char *p)
{
	return get_le32(p) | (uint64_t)get_le32(p + 4) << 32;
}

#endif
