/*
 * The resolution cache file (see depcache.h): a header line naming the
 * format, the version and the scan rules, then NUL-terminated records
 * with tab-separated fields, any string last:
 *
 *   key <16 hex digits> <files>
 *   input <size> <sec> <nsec> <path>   or   input - <path>
 *   warning <text>
 *   unresolved <n>
 *   edge <from> <to> <kind> <flags> <weight>
 *   external <refs> <files> <stdlib 0|1> <name>
 *
 * Anything malformed, or any mismatch, is a miss: the cache is only an
 * optimisation, and resolving afresh is always right.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carve/depcache.h"
#include "carve/error.h"
#include "carve/language.h"
#include "carve/outfile.h"
#include "carve/scan.h"
#include "carve/scancache.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

#define DEPCACHE_NAME "deps.cache"
#define MAX_DEPCACHE_SIZE (1ULL << 30)

/*
 * Folds a value into the running key (as in splitmix64): a change
 * anywhere changes the key, with odds of 2^-64 of a collision.
 */
static uint64_t mix(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0x9e3779b97f4a7c15ULL;
	return h ^ (h >> 31);
}

/* A string through strmap's hash; NULL differs from "". */
static uint64_t mix_str(uint64_t h, const char *s)
{
	return mix(h, s ? strhash(s) : 1);
}

uint64_t depcache_key(const struct scan *scan)
{
	uint64_t h = 1469598103934665603ULL;
	struct strbuf enc = STRBUF_INIT;

	h = mix_str(h, scan->root);
	h = mix_str(h, scan->prefix);
	h = mix(h, scan->nr);
	for (size_t i = 0; i < scan->nr; i++) {
		const struct scan_file *f = &scan->files[i];

		h = mix_str(h, f->path);
		h = mix_str(h, f->lang ? f->lang->name : NULL);
		h = mix_str(h, f->package);
		h = mix(h, f->status);
		/* the statements as the scan cache writes them, decoded or not */
		if (f->deps_cached) {
			h = mix(h, scancache_deps_hash(f->deps_cached,
						       strlen(f->deps_cached)));
		} else if (!f->deps.nr) {
			h = mix(h, scancache_deps_hash("", 0));
		} else if (f->deps_hash) {
			/* encoded (and hashed) by scancache_save() */
			h = mix(h, f->deps_hash);
		} else {
			strbuf_reset(&enc);
			scancache_encode_deps(&enc, &f->deps);
			h = mix(h, scancache_deps_hash(enc.buf, enc.len));
		}
	}
	strbuf_release(&enc);
	return h;
}

/* How path is now: "size\tsec\tnsec" or "-" when it does not exist. */
static void input_state(struct strbuf *sb, const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		strbuf_addch(sb, '-');
	else
		strbuf_addf(sb, "%lld\t%lld\t%ld", (long long)st.st_size,
			    (long long)st.st_mtim.tv_sec,
			    (long)st.st_mtim.tv_nsec);
}

void depcache_note_input(struct depcache_inputs *in, const char *path)
{
	if (!in)
		return;
	input_state(&in->files, path);
	strbuf_addch(&in->files, '\t');
	strbuf_add(&in->files, path, strlen(path) + 1);
}

void depcache_inputs_release(struct depcache_inputs *in)
{
	strbuf_release(&in->files);
	strbuf_release(&in->warnings);
}

static void cache_path(struct strbuf *sb, const char *dir)
{
	strbuf_addf(sb, "%s/%s", dir, DEPCACHE_NAME);
}

/* Reads `n` unsigned numbers separated by tabs; *rest is after them. */
static int read_numbers(const char *s, unsigned long long *v, int n,
			const char **rest)
{
	for (int i = 0; i < n; i++) {
		unsigned long long x = 0;
		int digits = 0;

		for (; *s >= '0' && *s <= '9'; s++, digits++)
			x = x * 10 + (unsigned)(*s - '0');
		if (!digits || digits > 19 || (*s != '\t' && *s != '\0'))
			return -1;
		v[i] = x;
		s = *s ? s + 1 : s;
	}
	*rest = s;
	return 0;
}

/* True when the input record rec ("state\tpath") still holds. */
static int input_unchanged(const char *rec)
{
	struct strbuf now = STRBUF_INIT;
	const char *path = strrchr(rec, '\t');
	int same;

	if (!path)
		return 0;
	path++;
	input_state(&now, path);
	same = now.len == (size_t)(path - 1 - rec) &&
	       !memcmp(now.buf, rec, now.len);
	strbuf_release(&now);
	return same;
}

struct loaded {
	struct scan_edge *edges;
	size_t edges_nr, edges_alloc;
	struct scan_external *externals;
	size_t externals_nr, externals_alloc;
	size_t unresolved;
	const char **warnings;
	size_t warnings_nr, warnings_alloc;
};

static void loaded_release(struct loaded *l)
{
	free(l->edges);
	free(l->externals);
	free(l->warnings);
}

/* Parses one record into l; 1 when out of date, -1 when malformed. */
static int parse_record(const struct scan *scan, const char *rec,
			struct loaded *l)
{
	unsigned long long v[5];
	const char *rest;

	if (!strncmp(rec, "input\t", 6))
		return input_unchanged(rec + 6) ? 0 : 1;
	if (!strncmp(rec, "warning\t", 8)) {
		ALLOC_GROW(l->warnings, l->warnings_nr + 1, l->warnings_alloc);
		l->warnings[l->warnings_nr++] = rec + 8;
		return 0;
	}
	if (!strncmp(rec, "unresolved\t", 11)) {
		if (read_numbers(rec + 11, v, 1, &rest) || *rest)
			return -1;
		l->unresolved = (size_t)v[0];
		return 0;
	}
	if (!strncmp(rec, "edge\t", 5)) {
		struct scan_edge *e;

		if (read_numbers(rec + 5, v, 5, &rest) || *rest ||
		    v[0] >= scan->nr || v[1] >= scan->nr ||
		    v[2] > (unsigned long long)DEP_KIND_MAX ||
		    v[3] > 0xffffffffULL || v[4] > 0xffffffffULL)
			return -1;
		ALLOC_GROW(l->edges, l->edges_nr + 1, l->edges_alloc);
		e = &l->edges[l->edges_nr++];
		e->from = (size_t)v[0];
		e->to = (size_t)v[1];
		e->kind = (enum dep_kind)v[2];
		e->flags = (unsigned)v[3];
		e->weight = (unsigned)v[4];
		return 0;
	}
	if (!strncmp(rec, "external\t", 9)) {
		struct scan_external *x;

		if (read_numbers(rec + 9, v, 3, &rest) || !*rest || v[2] > 1 ||
		    !v[1] || v[1] > scan->nr || v[0] < v[1])
			return -1;
		ALLOC_GROW(l->externals, l->externals_nr + 1,
			   l->externals_alloc);
		x = &l->externals[l->externals_nr++];
		x->refs = (size_t)v[0];
		x->files = (size_t)v[1];
		x->stdlib = (int)v[2];
		x->name = rest; /* copied into the scan on success */
		return 0;
	}
	return -1;
}

int depcache_load(struct scan *scan, const char *dir, uint64_t key)
{
	struct strbuf path = STRBUF_INIT, data = STRBUF_INIT;
	struct strbuf want = STRBUF_INIT;
	struct loaded l = { 0 };
	const char *p, *end;
	int hit = 0;

	cache_path(&path, dir);
	p = scancache_read_file(&data, path.buf, "deps", DEPCACHE_FORMAT,
				MAX_DEPCACHE_SIZE);
	if (!p)
		goto done;
	/* the key record first, with its NUL */
	strbuf_addf(&want, "key\t%016" PRIx64 "\t%zu", key, scan->nr);
	end = data.buf + data.len;
	if ((size_t)(end - p) <= want.len || memcmp(p, want.buf, want.len) ||
	    p[want.len] != '\0')
		goto done;
	p += want.len + 1;
	while (p < end) {
		const char *nul = memchr(p, '\0', (size_t)(end - p));

		if (!nul)
			goto done; /* a torn tail */
		switch (parse_record(scan, p, &l)) {
		case 0:
			break;
		case 1:
			goto done;
		default:
			warning("ignoring the resolution cache '%s': a damaged "
				"record (dependencies are resolved again)",
				path.buf);
			goto done;
		}
		p = nul + 1;
	}
	for (size_t i = 0; i < l.warnings_nr; i++)
		warning("%s", l.warnings[i]);
	scan->edges = l.edges;
	scan->edges_nr = l.edges_nr;
	l.edges = NULL;
	for (size_t i = 0; i < l.externals_nr; i++)
		l.externals[i].name =
			arena_strdup(&scan->arena, l.externals[i].name);
	scan->externals = l.externals;
	scan->externals_nr = l.externals_nr;
	l.externals = NULL;
	scan->unresolved = l.unresolved;
	hit = 1;
done:
	loaded_release(&l);
	strbuf_release(&want);
	strbuf_release(&data);
	strbuf_release(&path);
	return hit;
}

/* A tab and a number (what "\t%zu" printed, without printf's cost). */
static char *put_field(char *q, unsigned long long v)
{
	*q++ = '\t';
	return scancache_put_number(q, v);
}

void depcache_save(const struct scan *scan, const char *dir, uint64_t key,
		   const struct depcache_inputs *in)
{
	struct outfile out = OUTFILE_INIT;
	struct strbuf path = STRBUF_INIT, sb = STRBUF_INIT;
	struct stat st;

	/*
	 * The scan cache made the directory, or warned that it could not:
	 * either way there is nothing more to say here.
	 */
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode) || access(dir, W_OK) < 0)
		return;
	cache_path(&path, dir);
	if (outfile_open_private(&out, path.buf))
		goto done;
	scancache_header(&sb, "deps", DEPCACHE_FORMAT);
	strbuf_addf(&sb, "key\t%016" PRIx64 "\t%zu", key, scan->nr);
	strbuf_addch(&sb, '\0');
	for (const char *p = in->files.buf, *e = p + in->files.len; p < e;
	     p += strlen(p) + 1) {
		strbuf_addstr(&sb, "input\t");
		strbuf_add(&sb, p, strlen(p) + 1);
	}
	for (const char *p = in->warnings.buf, *e = p + in->warnings.len;
	     p < e;) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(e - p);

		strbuf_addstr(&sb, "warning\t");
		strbuf_add(&sb, p, n);
		strbuf_addch(&sb, '\0');
		p += n + 1;
	}
	strbuf_addf(&sb, "unresolved\t%zu", scan->unresolved);
	strbuf_addch(&sb, '\0');
	/* room for the usual edge (two indexes of four digits) at once */
	strbuf_grow(&sb, scan->edges_nr * 24);
	for (size_t i = 0; i < scan->edges_nr; i++) {
		const struct scan_edge *e = &scan->edges[i];
		char *q;

		/* "edge" and five tabbed numbers of at most 20 digits */
		if (sb.alloc - sb.len <= 4 + 5 * 21 + 1)
			strbuf_grow(&sb, 4 + 5 * 21 + 1);
		q = sb.buf + sb.len;
		memcpy(q, "edge", 4);
		q = put_field(q + 4, e->from);
		q = put_field(q, e->to);
		q = put_field(q, (unsigned)e->kind);
		q = put_field(q, e->flags);
		q = put_field(q, e->weight);
		*q++ = '\0';
		sb.len = (size_t)(q - sb.buf);
		*q = '\0';
	}
	for (size_t i = 0; i < scan->externals_nr; i++) {
		const struct scan_external *x = &scan->externals[i];

		strbuf_addf(&sb, "external\t%zu\t%zu\t%d\t%s", x->refs,
			    x->files, x->stdlib ? 1 : 0, x->name);
		strbuf_addch(&sb, '\0');
	}
	fwrite(sb.buf, 1, sb.len, out.fp);
	if (outfile_commit(&out))
		warning("cannot write the resolution cache '%s'", path.buf);
	outfile_abort(&out);
done:
	strbuf_release(&sb);
	strbuf_release(&path);
}
