/*
 * Seals of carve's own caches: a file ends with the SHA-1 of everything
 * before it (as git hashes a blob, through libgit2), so a cache that was
 * cut short or changed on disk is told from a good one before a byte of
 * it is trusted. The same hash makes the caches' keys.
 */
#ifndef CARVE_SEAL_H
#define CARVE_SEAL_H

#include <stddef.h>

struct strbuf;

/* The 20-byte SHA-1 of buf[0..len) into out; 0, or -1 when it failed. */
int seal_hash(unsigned char *out, const void *buf, size_t len);
/* Appends the seal of sb's contents to sb; 0, or -1 when it failed. */
int seal_append(struct strbuf *sb);
/* Whether buf[0..len) ends with the seal of what comes before it. */
int seal_ok(const void *buf, size_t len);

#endif
