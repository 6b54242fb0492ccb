/*
 * The scan cache: per-file results (status, language, counts, declared
 * package) keyed by path and git blob id, so a rescan reads only files
 * whose content changed. It lives in <git dir>/carve/scan.cache, or in
 * --cache-dir; outside git there are no blob ids and no cache. Results
 * depend on carve's counting rules, so the file records the version that
 * wrote it and is ignored by any other.
 */
#ifndef CARVE_SCANCACHE_H
#define CARVE_SCANCACHE_H

#include <stdint.h>
#include <string.h>

#include "carve/linecount.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"

struct scan;
struct scan_file;

/* Bump when the layout of a record changes. */
#define SCANCACHE_FORMAT 2

struct scancache_entry {
	const char *path;
	const char *blob;     /* 40 hex digits */
	unsigned flags;       /* scan options the result depends on */
	int status;           /* enum file_status */
	const char *language; /* display name, "" for none */
	const char *reason;   /* "" for none */
	const char *package;  /* "" for none */
	const char *deps;     /* encoded dependency statements */
	struct line_counts counts;
};

struct scancache {
	char *path;        /* the cache file */
	struct strbuf data; /* the file's bytes; entries point into it */
	struct strmap by_path;
	struct scancache_entry *entries;
	size_t nr, alloc;
};

#define SCANCACHE_INIT { NULL, STRBUF_INIT, STRMAP_INIT, NULL, 0, 0 }

/*
 * Loads the cache file in `dir` (missing, unreadable or from another
 * version: an empty cache). Never fails: a cache is only an optimisation.
 */
void scancache_load(struct scancache *cache, const char *dir);
/* The entry for path when its blob id and flags match, else NULL. */
const struct scancache_entry *scancache_get(const struct scancache *cache,
					    const char *path, const char *blob,
					    unsigned flags);
/* The checksum of the scan's sources this build was made from. */
const char *scancache_rules_id(void);
/*
 * The header line of carve's cache files ("carve-<kind>-cache FORMAT
 * VERSION RULES"): a cache written by another build never matches.
 */
void scancache_header(struct strbuf *sb, const char *kind, int format);
/*
 * Reads the cache file at path into data when its header is this build's
 * for `kind` and `format`; returns where its records start, or NULL (a
 * missing, unreadable or foreign file: start afresh).
 */
char *scancache_read_file(struct strbuf *data, const char *path,
			  const char *kind, int format, size_t max);
/* True when the cache keeps f's results (a blob id, a status it keeps). */
int scancache_keeps(const struct scan_file *f);
/* "00" "01" ... "99": two digits at a time for scancache_put_number(). */
extern const char scancache_digits[201];

/*
 * Writes v in decimal at q (at most 20 bytes, no NUL); returns the end.
 * Inline: the caches write hundreds of thousands of them (kinds, flags
 * and levels of one digit, lines and file indexes of up to four).
 */
static inline char *scancache_put_number(char *q, unsigned long long v)
{
	char *p;
	size_t n;

	if (v < 10) {
		*q = (char)('0' + v);
		return q + 1;
	}
	if (v < 100) {
		memcpy(q, scancache_digits + 2 * v, 2);
		return q + 2;
	}
	if (v < 10000) {
		unsigned x = (unsigned)v, hi = x / 100, lo = x % 100;

		if (hi < 10) {
			*q = (char)('0' + hi);
			memcpy(q + 1, scancache_digits + 2 * lo, 2);
			return q + 3;
		}
		memcpy(q, scancache_digits + 2 * hi, 2);
		memcpy(q + 2, scancache_digits + 2 * lo, 2);
		return q + 4;
	}
	n = 5;
	for (unsigned long long t = v / 100000; t; t /= 10)
		n++;
	q += n;
	/* two digits at a time from the end, the first alone if odd */
	for (p = q; v >= 100; v /= 100) {
		p -= 2;
		memcpy(p, scancache_digits + 2 * (v % 100), 2);
	}
	if (v >= 10)
		memcpy(p - 2, scancache_digits + 2 * v, 2);
	else
		p[-1] = (char)('0' + v);
	return q;
}

/*
 * Replaces the cache file with the results of `scan` (only files whose
 * blob id is known), and sets the deps_hash of each file whose
 * statements it encodes. Returns 0, or <0 after a warning.
 */
int scancache_save(const struct scancache *cache, struct scan *scan,
		   unsigned flags);
void scancache_release(struct scancache *cache);

struct arena;
struct dep_list;
/*
 * The 64-bit hash of encoded statements enc[0..n) that the resolution
 * cache's key sums (depcache.c), whether they were encoded by this scan
 * or read from the cache.
 */
uint64_t scancache_deps_hash(const char *enc, size_t n);
/* Appends deps encoded as the cache keeps them (see scancache.c). */
void scancache_encode_deps(struct strbuf *sb, const struct dep_list *deps);
/* 0 when enc holds only well-formed statements of a lexer's kinds. */
int scancache_check_deps(const char *enc);
/*
 * Decodes an entry's dependency statements into `out` (strings in
 * `arena`). Returns 0, or -1 when the encoding is damaged.
 */
int scancache_decode_deps(struct dep_list *out, struct arena *arena,
			  const char *enc);

#endif
