/*
 * The extraction cache: what data_extract() (carve data) and
 * routes_extract() (carve api) found in each file, kept in
 * <cache dir>/data-extract.cache and api-extract.cache, so that a warm
 * data, api, estimate or report reads and tokenises only the files that
 * changed. A record is keyed by the file's path, the language it was
 * read as and its git blob id (the scan's content id); the header names
 * carve's version and the checksum of the scan's sources (the
 * extractors among them), so another build never uses the file.
 *
 * A data record is the whole data_file (accesses and ORM classes whose
 * flags are in range); an api record only a file's path literals and
 * framework markers, kept when it declares no endpoint, mount, viewset,
 * class or view: such files are read again each time. A hit still
 * opens the file, so one that vanished,
 * grew past the size limit or became unreadable is read (and fails) as
 * without the cache.
 *
 * The file: the header line, records (the key, NUL, a 4-byte little
 * endian payload length, the payload), then the SHA-1 of all that. It
 * is untrusted: a damaged or crafted file, or a record out of range, is
 * a warning and a recompute; it is written privately and atomically,
 * only when a record changed, never through a symlink, and not at all
 * without a scan cache (a model file, --no-cache).
 */
#ifndef CARVE_EXTRACTCACHE_H
#define CARVE_EXTRACTCACHE_H

#include <stddef.h>

#include "carve/strbuf.h"

#define EXTRACTCACHE_FORMAT 2

struct arena;
struct api_file;
struct data_file;
struct extractcache;
struct scan;

/*
 * Opens the cache of `kind` ("data" or "api") beside the scan's cache,
 * loading it; NULL when the scan had none.
 */
struct extractcache *extractcache_open(const struct scan *scan,
				       const char *kind);
/*
 * File f read as `lang` from the cache: its record decoded into out (a
 * struct data_file or api_file, by the cache's kind; strings in arena)
 * and 1, or 0 when f must be read: no record, or a damaged one (then a
 * warning at the end). Thread-safe across distinct files.
 */
int extractcache_read(struct extractcache *c, size_t f, const char *lang,
		      void *out, struct arena *arena);
/* Keeps the payload (taken) of file f read as `lang`. */
void extractcache_put(struct extractcache *c, size_t f, const char *lang,
		      struct strbuf *payload);
/* Writes the file when a record changed, and frees c (NULL-safe). */
void extractcache_close(struct extractcache *c);

/*
 * Checks the records of a cache file (past its header, before its seal);
 * 0 when every record is in range, or -1. decode checks one payload
 * (NULL: none).
 */
int extractcache_parse(const char *buf, size_t len,
		       int (*decode)(const unsigned char *, size_t));

/*
 * A file's result as a payload: 0, or -1 when it is not kept (see
 * above).
 */
int extractcache_encode_data(struct strbuf *sb, const struct data_file *f);
int extractcache_encode_api(struct strbuf *sb, const struct api_file *f);
/*
 * Fills out from a payload, strings in arena (NULL: only checks it);
 * 0, or -1 when it is out of range (out left empty).
 */
int extractcache_decode_data(struct data_file *out, struct arena *arena,
			     const unsigned char *p, size_t len);
int extractcache_decode_api(struct api_file *out, struct arena *arena,
			    const unsigned char *p, size_t len);

#endif
