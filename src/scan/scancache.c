/*
 * The scan cache file: a header line, then one record per file, each
 * record NUL-terminated with tab-separated fields and the path last (a
 * path may hold tabs, never a NUL). Loading splits the file in place.
 * Dependency statements are one field: statements separated by 0x1e,
 * their parts by 0x1f (dep_list_add keeps control bytes out of targets).
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carve/arena.h"
#include "carve/deps.h"
#include "carve/error.h"
#include "carve/language.h"
#include "carve/outfile.h"
#include "carve/scan.h"
#include "carve/scancache.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

#define FIELDS 13
#define MAX_CACHE_SIZE (1ULL << 30)

/* "00" "01" ... "99": the two digits of each number below 100 */
#define TENS(t) t "0" t "1" t "2" t "3" t "4" t "5" t "6" t "7" t "8" t "9"
const char scancache_digits[201] = TENS("0") TENS("1") TENS("2") TENS("3")
	TENS("4") TENS("5") TENS("6") TENS("7") TENS("8") TENS("9");
#undef TENS

#ifndef SCAN_RULES_ID
#define SCAN_RULES_ID "dev"
#endif

/*
 * The header names the format, the version and a checksum of the scan's
 * sources (set by the Makefile), so a cache written by any other build,
 * say one that lacked a language's dependency lexer, is never used.
 */
const char *scancache_rules_id(void)
{
	return SCAN_RULES_ID;
}

void scancache_header(struct strbuf *sb, const char *kind, int format)
{
	strbuf_addf(sb, "carve-%s-cache %d %s %s\n", kind, format,
		    CARVE_VERSION, SCAN_RULES_ID);
}

char *scancache_read_file(struct strbuf *data, const char *path,
			  const char *kind, int format, size_t max)
{
	struct strbuf want = STRBUF_INIT;
	char *records = NULL;

	if (strbuf_read_file(data, path, max))
		return NULL;
	scancache_header(&want, kind, format);
	if (data->len >= want.len && !memcmp(data->buf, want.buf, want.len))
		records = data->buf + want.len;
	else
		strbuf_setlen(data, 0);
	strbuf_release(&want);
	return records;
}

static int parse_ulong(const char *s, unsigned long *out)
{
	char *end;

	errno = 0;
	*out = strtoul(s, &end, 10);
	return errno || end == s || *end;
}

/* n decimal digits at s, at most nine (statement fields are small). */
static int parse_digits(const char *s, size_t n, unsigned long *out)
{
	unsigned long v = 0;

	if (!n || n > 9)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if ((unsigned)(s[i] - '0') > 9)
			return -1;
		v = v * 10 + (unsigned long)(s[i] - '0');
	}
	*out = v;
	return 0;
}

static int split_statement(const char *enc, const char *end, const char **part,
			   size_t *len, unsigned long *v);

/* Splits one record in place; returns 0 when it is well formed. */
static int parse_record(char *rec, struct scancache_entry *e)
{
	char *field[FIELDS];
	unsigned long v[6];
	int n = 0;

	field[n++] = rec;
	for (char *p = rec; *p && n < FIELDS; p++)
		if (*p == '\t') {
			*p = '\0';
			field[n++] = p + 1;
		}
	if (n != FIELDS || strlen(field[0]) != 40)
		return -1;
	for (int i = 0; i < 6; i++)
		if (parse_ulong(field[i == 0 ? 1 : i == 1 ? 2 : i + 4], &v[i]))
			return -1;
	e->blob = field[0];
	e->flags = (unsigned)v[0];
	e->status = (int)v[1];
	e->language = field[3];
	e->reason = field[4];
	e->package = field[5];
	e->counts.lines = v[2];
	e->counts.code = v[3];
	e->counts.comment = v[4];
	e->counts.blank = v[5];
	if (parse_ulong(field[10], &e->counts.complexity))
		return -1;
	e->deps = field[11];
	e->path = field[12];
	/* only what scancache_keeps() writes; counts that add up */
	if ((e->status != FILE_COUNTED && e->status != FILE_UNKNOWN &&
	     e->status != FILE_BINARY && e->status != FILE_EXCLUDED) ||
	    !*e->path || e->counts.code > e->counts.lines ||
	    e->counts.comment > e->counts.lines - e->counts.code ||
	    e->counts.blank >
		    e->counts.lines - e->counts.code - e->counts.comment ||
	    e->counts.lines > UINT32_MAX || e->counts.complexity > UINT32_MAX ||
	    strspn(e->blob, "0123456789abcdef") != 40 ||
	    scancache_check_deps(e->deps))
		return -1;
	return 0;
}

void scancache_load(struct scancache *cache, const char *dir)
{
	struct strbuf path = STRBUF_INIT;
	char *p, *end;
	size_t bad = 0;

	strbuf_addf(&path, "%s/scan.cache", dir);
	cache->path = strbuf_detach(&path, NULL);
	p = scancache_read_file(&cache->data, cache->path, "scan",
				SCANCACHE_FORMAT, MAX_CACHE_SIZE);
	if (!p)
		return;
	end = cache->data.buf + cache->data.len;
	while (p < end) {
		char *nul = memchr(p, '\0', (size_t)(end - p));
		struct scancache_entry e;

		if (!nul)
			break; /* a torn last record */
		if (!parse_record(p, &e)) {
			ALLOC_GROW(cache->entries, cache->nr + 1, cache->alloc);
			cache->entries[cache->nr++] = e;
		} else {
			bad++;
		}
		p = nul + 1;
	}
	if (bad)
		warning("ignoring %zu damaged record%s of the scan cache "
			"'%s' (those files are scanned again)",
			bad, bad == 1 ? "" : "s", cache->path);
	for (size_t i = 0; i < cache->nr; i++)
		strmap_put(&cache->by_path, cache->entries[i].path,
			   &cache->entries[i]);
}

const struct scancache_entry *scancache_get(const struct scancache *cache,
					    const char *path, const char *blob,
					    unsigned flags)
{
	const struct scancache_entry *e = strmap_get(&cache->by_path, path);

	if (!e || e->flags != flags || strcmp(e->blob, blob))
		return NULL;
	return e;
}

static inline uint64_t rotl(uint64_t x, int r)
{
	return x << r | x >> (64 - r);
}

uint64_t scancache_deps_hash(const char *s, size_t n)
{
	const uint64_t k = 0x9e3779b97f4a7c15ULL;
	uint64_t a = 0x243f6a8885a308d3ULL ^ n, b = 0x13198a2e03707344ULL;
	uint64_t c = 0xa4093822299f31d0ULL, d = 0x082efa98ec4e6c89ULL, w;
	size_t i = 0;

	/*
	 * Four lanes of 8 bytes, each step a bijection of its lane (xor,
	 * odd multiply, rotate): two inputs differing in one word always
	 * differ here. A quarter of strhash()'s instructions per byte.
	 */
	for (; i + 32 <= n; i += 32) {
		memcpy(&w, s + i, 8);
		a = rotl((a ^ w) * k, 29);
		memcpy(&w, s + i + 8, 8);
		b = rotl((b ^ w) * k, 29);
		memcpy(&w, s + i + 16, 8);
		c = rotl((c ^ w) * k, 29);
		memcpy(&w, s + i + 24, 8);
		d = rotl((d ^ w) * k, 29);
	}
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		a = rotl((a ^ w) * k, 29);
	}
	/* the last 0 to 7 bytes, the first in the lowest */
	w = 0;
	for (size_t j = n; j > i; j--)
		w = w << 8 | (unsigned char)s[j - 1];
	a = (a ^ w) * 0xbf58476d1ce4e5b9ULL;
	a ^= rotl(b, 17) ^ rotl(c, 31) ^ rotl(d, 47);
	a ^= a >> 31;
	a *= 0x94d049bb133111ebULL;
	return a ^ (a >> 29);
}

/* Writes n in decimal and `sep` at q; returns the end (at most 22). */
static char *put_num(char *q, long long v, char sep)
{
	if (v < 0) {
		*q++ = '-';
		q = scancache_put_number(q, 0 - (unsigned long long)v);
	} else {
		q = scancache_put_number(q, (unsigned long long)v);
	}
	*q++ = sep;
	return q;
}

void scancache_encode_deps(struct strbuf *sb, const struct dep_list *deps)
{
	const char *last = NULL; /* Go's uses share their import's target */
	const char *last_name = NULL; /* C#'s names share their namespace */
	size_t tn = 0, nn = 0;

	/* one grow and plain stores per statement: a strbuf call per field
	 * costs twice this on a first scan (gitea: 74 M -> 42 M) */
	for (size_t i = 0; i < deps->nr; i++) {
		const struct dep_ref *d = &deps->refs[i];
		size_t need;
		char *q;

		if (d->target != last) {
			last = d->target;
			tn = strlen(last);
		}
		if (d->name != last_name) {
			last_name = d->name;
			nn = last_name ? strlen(last_name) : 0;
		}
		need = 1 + 4 * 22 + tn + 1 + nn;
		if (sb->alloc - sb->len <= need)
			strbuf_grow(sb, need);
		q = sb->buf + sb->len;
		if (i)
			*q++ = '\x1e';
		if ((unsigned)d->kind < 10 && d->flags < 10) {
			/* nearly every statement: a digit each */
			q[0] = (char)('0' + (unsigned)d->kind);
			q[1] = '\x1f';
			q[2] = (char)('0' + d->flags);
			q[3] = '\x1f';
			q += 4;
		} else {
			q = put_num(q, (int)d->kind, '\x1f');
			q = put_num(q, d->flags, '\x1f');
		}
		q = scancache_put_number(q, d->line);
		*q++ = '\x1f';
		if ((unsigned)d->level < 10) {
			q[0] = (char)('0' + (unsigned)d->level);
			q[1] = '\x1f';
			q += 2;
		} else {
			q = put_num(q, d->level, '\x1f');
		}
		memcpy(q, d->target, tn);
		q += tn;
		*q++ = '\x1f';
		if (nn)
			memcpy(q, d->name, nn);
		q += nn;
		*q = '\0';
		sb->len = (size_t)(q - sb->buf);
	}
}

/*
 * Splits one encoded statement enc..end into its six parts and checks
 * each range; returns 0 with the numbers in v, else -1.
 */
static int split_statement(const char *enc, const char *end, const char **part,
			   size_t *len, unsigned long *v)
{
	int n = 0;

	for (const char *p = enc; n < 6;) {
		const char *sep = memchr(p, '\x1f', (size_t)(end - p));

		part[n] = p;
		len[n++] = sep ? (size_t)(sep - p) : (size_t)(end - p);
		if (!sep)
			break;
		p = sep + 1;
	}
	if (n != 6)
		return -1;
	for (int i = 0; i < 4; i++)
		if (parse_digits(part[i], len[i], &v[i]))
			return -1;
	/* a kind, flags and a level a lexer can write; a line; a target */
	if (v[0] > DEP_KIND_MAX || v[1] > DEP_FLAGS_ALL || !v[2] || v[3] > 255)
		return -1;
	return 0;
}

int scancache_check_deps(const char *enc)
{
	while (*enc) {
		const char *end = strchr(enc, '\x1e');
		const char *part[6];
		size_t len[6];
		unsigned long v[4];

		if (!end)
			end = enc + strlen(enc);
		if (split_statement(enc, end, part, len, v))
			return -1;
		enc = *end ? end + 1 : end;
	}
	return 0;
}

int scancache_decode_deps(struct dep_list *out, struct arena *arena,
			  const char *enc)
{
	while (*enc) {
		const char *end = strchr(enc, '\x1e');
		const char *part[6];
		size_t len[6];
		unsigned long v[4];
		struct dep_ref *d;

		if (!end)
			end = enc + strlen(enc);
		if (split_statement(enc, end, part, len, v))
			return -1;
		d = dep_list_add(out, arena, (enum dep_kind)v[0], part[4],
				 len[4], (unsigned)v[2]);
		d->flags = (unsigned)v[1];
		d->level = (int)v[3];
		if (len[5])
			d->name = arena_strndup(arena, part[5], len[5]);
		enc = *end ? end + 1 : end;
	}
	return 0;
}

int scancache_keeps(const struct scan_file *f)
{
	return *f->blob &&
	       (f->status == FILE_COUNTED || f->status == FILE_UNKNOWN ||
		f->status == FILE_BINARY || f->status == FILE_EXCLUDED);
}

int scancache_save(const struct scancache *cache, struct scan *scan,
		   unsigned flags)
{
	struct outfile out = OUTFILE_INIT;
	struct strbuf sb = STRBUF_INIT;
	char *dir = xstrdup(cache->path);
	char *slash = strrchr(dir, '/');
	int ret = 0;

	if (slash)
		*slash = '\0';
	if (outfile_mkdirs(dir) < 0) {
		warning("cannot create the cache directory '%s': %s", dir,
			strerror(errno));
		free(dir);
		return CARVE_EIO;
	}
	if (access(dir, W_OK) < 0) {
		warning("cannot write the cache in '%s': %s", dir,
			strerror(errno));
		free(dir);
		return CARVE_EIO;
	}
	free(dir);
	if (outfile_open_private(&out, cache->path))
		return CARVE_EIO;
	scancache_header(&sb, "scan", SCANCACHE_FORMAT);
	fwrite(sb.buf, 1, sb.len, out.fp);
	for (size_t i = 0; i < scan->nr; i++) {
		struct scan_file *f = &scan->files[i];
		const struct line_counts *c = &f->counts;
		size_t deps_at;

		if (!scancache_keeps(f))
			continue;
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s\t%u\t%d\t%s\t%s\t%s\t%lu\t%lu\t%lu\t%lu\t"
			    "%lu\t", f->blob, flags, (int)f->status,
			    f->lang ? f->lang->name : "",
			    f->reason ? f->reason : "",
			    f->package ? f->package : "", c->lines, c->code,
			    c->comment, c->blank, c->complexity);
		if (f->deps_cached) {
			strbuf_addstr(&sb, f->deps_cached);
		} else {
			deps_at = sb.len;
			scancache_encode_deps(&sb, &f->deps);
			/* none: depcache_key() sums "" itself */
			if (sb.len > deps_at)
				f->deps_hash = scancache_deps_hash(
					sb.buf + deps_at, sb.len - deps_at);
		}
		strbuf_addf(&sb, "\t%s", f->path);
		fwrite(sb.buf, 1, sb.len + 1, out.fp); /* with the NUL */
	}
	strbuf_release(&sb);
	if (outfile_commit(&out))
		ret = CARVE_EIO;
	outfile_abort(&out);
	return ret;
}

void scancache_release(struct scancache *cache)
{
	if (!cache)
		return;
	free(cache->path);
	strbuf_release(&cache->data);
	strmap_release(&cache->by_path);
	free(cache->entries);
	memset(cache, 0, sizeof(*cache));
}
