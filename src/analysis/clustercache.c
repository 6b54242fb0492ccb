/*
 * The cluster cache (carve/clustercache.h): a file per clustering
 * problem in <cache dir>/seams-cluster/<key>. The file: a header line,
 * the 20-byte key, the body (n, k and the resolution as 8-byte little
 * endian numbers, then each node's community as 4 bytes), then the
 * SHA-1 of all that. Written privately and atomically, the
 * CLUSTERCACHE_KEEP newest kept.
 */
#include <errno.h>
#include <git2.h>
#include <igraph.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carve/clustercache.h"
#include "carve/error.h"
#include "carve/le.h"
#include "carve/outfile.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

#define CLUSTERCACHE_MAX_SIZE (1ULL << 32)

static uint64_t bits_of(double d)
{
	uint64_t v;

	memcpy(&v, &d, sizeof(v));
	return v;
}

static void header(struct strbuf *sb)
{
	const char *igraph = NULL;

	igraph_version(&igraph, NULL, NULL, NULL);
	strbuf_addf(sb, "carve-seams-cluster %d %s igraph %s\n",
		    CLUSTERCACHE_FORMAT, CARVE_VERSION, igraph ? igraph : "?");
}

/* The SHA-1 of everything the communities depend on; 0 or -1. */
static int make_key(unsigned char *key, const struct cluster_problem *p,
		    const struct cluster_options *o, size_t want)
{
	struct strbuf k = STRBUF_INIT;
	git_oid id;
	int ret = 0;

	if (p->n > UINT32_MAX)
		return -1; /* not cached: node ids are 4 bytes */
	strbuf_grow(&k, 128 + p->links_nr * 16 + p->n * 12);
	header(&k);
	put_le64(&k, p->n);
	put_le64(&k, p->links_nr);
	put_le64(&k, bits_of(o->resolution));
	put_le64(&k, (uint64_t)(int64_t)o->runs);
	put_le64(&k, o->seed);
	put_le64(&k, bits_of(o->min_size));
	put_le64(&k, want);
	for (size_t e = 0; e < p->links_nr; e++) {
		put_le32(&k, (uint32_t)p->links[e].a);
		put_le32(&k, (uint32_t)p->links[e].b);
		put_le64(&k, bits_of(p->links[e].w));
	}
	strbuf_addch(&k, p->size ? 's' : '-');
	for (size_t v = 0; p->size && v < p->n; v++)
		put_le64(&k, bits_of(p->size[v]));
	strbuf_addch(&k, p->pinned ? 'p' : '-');
	for (size_t v = 0; p->pinned && v < p->n; v++)
		put_le32(&k, (uint32_t)p->pinned[v]);
	if (git_odb_hash(&id, k.buf, k.len, GIT_OBJECT_BLOB) < 0) {
		git_error_clear();
		ret = -1;
	} else {
		memcpy(key, id.id, 20);
	}
	strbuf_release(&k);
	return ret;
}

static void cache_path(struct strbuf *sb, const char *dir,
		       const unsigned char *key)
{
	strbuf_addf(sb, "%s/" CLUSTERCACHE_DIR "/", dir);
	for (int i = 0; i < 20; i++)
		strbuf_addf(sb, "%02x", key[i]);
}

int clustercache_parse(size_t *membership, size_t n, long *k,
		       double *resolution, const char *buf, size_t len)
{
	const unsigned char *p = (const unsigned char *)buf;
	uint64_t stored_n, stored_k, bits, labels = 0;
	double r;

	if (len < 24)
		return -1;
	stored_n = get_le64(p);
	stored_k = get_le64(p + 8);
	bits = get_le64(p + 16);
	memcpy(&r, &bits, sizeof(r));
	if (stored_n != n || n > UINT32_MAX || (len - 24) / 4 != n ||
	    (len - 24) % 4 || stored_k > n || (n && !stored_k) || !isfinite(r))
		return -1;
	/* numbered by first appearance: each new label the next one */
	for (size_t v = 0; v < n; v++) {
		uint32_t c = get_le32(p + 24 + 4 * v);

		if (c > labels || c >= stored_k)
			return -1;
		if (c == labels)
			labels++;
		membership[v] = c;
	}
	if (labels != stored_k)
		return -1;
	*k = (long)stored_k;
	*resolution = r;
	return 0;
}

/* 0 on a hit, 1 on a miss (damaged: with a warning). */
static int load(size_t *membership, size_t n, long *k, double *resolution,
		const char *path, const unsigned char *key)
{
	struct strbuf data = STRBUF_INIT, hdr = STRBUF_INIT;
	git_oid sum;
	int ret = 1;

	header(&hdr);
	if (strbuf_read_file(&data, path, CLUSTERCACHE_MAX_SIZE) ||
	    data.len < hdr.len + 40 || memcmp(data.buf, hdr.buf, hdr.len) ||
	    memcmp(data.buf + hdr.len, key, 20))
		goto done;
	if (git_odb_hash(&sum, data.buf, data.len - 20, GIT_OBJECT_BLOB) < 0 ||
	    memcmp(sum.id, data.buf + data.len - 20, 20)) {
		git_error_clear();
		warning("ignoring the damaged cluster cache '%s' (the contexts "
			"are clustered again)",
			path);
		goto done;
	}
	if (clustercache_parse(membership, n, k, resolution,
			       data.buf + hdr.len + 20,
			       data.len - hdr.len - 40)) {
		warning("ignoring the cluster cache '%s': a record is out of "
			"range (the contexts are clustered again)",
			path);
		goto done;
	}
	ret = 0;
done:
	strbuf_release(&data);
	strbuf_release(&hdr);
	return ret;
}

/* Writes the file of key; a cache that cannot be written is skipped. */
static void save(const size_t *membership, size_t n, long k, double resolution,
		 const char *dir, const char *path, const unsigned char *key)
{
	struct strbuf sb = STRBUF_INIT, d = STRBUF_INIT;
	struct outfile out = OUTFILE_INIT;
	size_t *check = NULL;
	long check_k;
	double check_r;
	struct stat st;
	git_oid sum;

	if (n > UINT32_MAX)
		return;
	strbuf_addf(&d, "%s/" CLUSTERCACHE_DIR, dir);
	if (outfile_mkdirs(d.buf) < 0 || access(d.buf, W_OK) < 0) {
		warning("cannot write the cluster cache in '%s': %s", d.buf,
			strerror(errno));
		goto done;
	}
	/* a symlink there would carry the writes elsewhere */
	if (lstat(d.buf, &st) || !S_ISDIR(st.st_mode)) {
		warning("cannot write the cluster cache in '%s': not a folder",
			d.buf);
		goto done;
	}
	header(&sb);
	strbuf_add(&sb, key, 20);
	put_le64(&sb, n);
	put_le64(&sb, (uint64_t)k);
	put_le64(&sb, bits_of(resolution));
	for (size_t v = 0; v < n; v++)
		put_le32(&sb, (uint32_t)membership[v]);
	/* what would not read back is not written */
	check = xmalloc((n ? n : 1) * sizeof(*check));
	if (clustercache_parse(check, n, &check_k, &check_r,
			       sb.buf + sb.len - 24 - 4 * n, 24 + 4 * n))
		goto done;
	if (git_odb_hash(&sum, sb.buf, sb.len, GIT_OBJECT_BLOB) < 0) {
		git_error_clear();
		goto done;
	}
	strbuf_add(&sb, sum.id, 20);
	if (outfile_open_private(&out, path))
		goto done;
	fwrite(sb.buf, 1, sb.len, out.fp);
	if (!outfile_commit(&out))
		outfile_prune(d.buf, "", path, CLUSTERCACHE_KEEP);
	outfile_abort(&out);
done:
	free(check);
	strbuf_release(&sb);
	strbuf_release(&d);
}

static void trace(const char *what)
{
	if (getenv("CARVE_TRACE_SEAMS"))
		fprintf(stderr, "seams-trace: clusters %s\n", what);
}

long clustercache_run(size_t *membership, const struct cluster_problem *p,
		      struct cluster_options *o, size_t want, double *q,
		      const char *dir)
{
	struct strbuf path = STRBUF_INIT;
	unsigned char key[20];
	double resolution = o->resolution;
	long k;

	if (dir && !make_key(key, p, o, want)) {
		cache_path(&path, dir, key);
		if (!load(membership, p->n, &k, &resolution, path.buf, key)) {
			if (want)
				o->resolution = resolution;
			if (q)
				*q = cluster_modularity(membership, (size_t)k,
							p, 1.0);
			trace("read");
			goto done;
		}
	}
	k = want ? cluster_run_k(membership, p, o, want, q)
		 : cluster_run(membership, p, o, q);
	if (k >= 0 && path.len) {
		save(membership, p->n, k, o->resolution, dir, path.buf, key);
		trace("written");
	} else if (k >= 0) {
		trace("computed");
	}
done:
	strbuf_release(&path);
	return k;
}
