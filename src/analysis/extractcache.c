/*
 * The extraction cache (carve/extractcache.h): per file, the results
 * of data_extract() and routes_extract(), keyed by blob id,
 * language and path, in one sealed file per analysis beside the scan
 * cache.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carve/api.h"
#include "carve/arena.h"
#include "carve/data.h"
#include "carve/error.h"
#include "carve/extractcache.h"
#include "carve/le.h"
#include "carve/outfile.h"
#include "carve/scan.h"
#include "carve/seal.h"
#include "carve/scancache.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

#define EXTRACTCACHE_MAX_SIZE (1ULL << 30)
#define NO_STRING 0xffffffffU
/* every flag of struct data_access */
#define DATA_FLAGS_ALL ((unsigned)DATA_VIEW * 2 - 1)

/* What the run knows of one scan file. */
struct slot {
	const unsigned char *payload; /* a hit's, in the loaded file */
	size_t len;
	struct strbuf fresh; /* a payload made by this run */
	const char *lang;
	int state; /* 0: nothing kept, 1: a hit, 2: a new payload */
};

struct extractcache {
	const struct scan *scan;
	const char *kind;
	char *dir, *path;
	struct strbuf data; /* the loaded file */
	struct strmap records; /* key -> the record's length field */
	size_t loaded;
	struct slot *slots; /* per scan file */
	int damaged;
	int foreign; /* something else in the file's place: left alone */
};

static void put_str(struct strbuf *sb, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	put_le32(sb, s ? (uint32_t)n : NO_STRING);
	if (n)
		strbuf_add(sb, s, n);
}

static void header(struct strbuf *sb, const char *kind)
{
	struct strbuf k = STRBUF_INIT;

	strbuf_addf(&k, "%s-extract", kind);
	scancache_header(sb, k.buf, EXTRACTCACHE_FORMAT);
	strbuf_release(&k);
}

/* A reader of a payload: every read range-checked. */
struct reader {
	const unsigned char *p;
	size_t len, at;
	int bad;
};

static uint32_t read_u32(struct reader *r)
{
	uint32_t v;

	if (r->bad || r->len - r->at < 4) {
		r->bad = 1;
		return 0;
	}
	v = get_le32(r->p + r->at);
	r->at += 4;
	return v;
}

/*
 * A string (NULL stays NULL when may_be_null), copied into arena; with
 * no arena, "" for any string that is there.
 */
static const char *read_str(struct reader *r, struct arena *arena,
			    int may_be_null)
{
	uint32_t n = read_u32(r);
	const char *s;

	if (r->bad)
		return NULL;
	if (n == NO_STRING) {
		if (!may_be_null)
			r->bad = 1;
		return NULL;
	}
	/* a string held no NUL when it was written */
	if (r->len - r->at < n || memchr(r->p + r->at, '\0', n)) {
		r->bad = 1;
		return NULL;
	}
	s = arena ? arena_strndup(arena, (const char *)r->p + r->at, n) : "";
	r->at += n;
	return s;
}

/*
 * A class as the extractors make it, which the analysis relies on: a
 * name and a framework, a Rails class's base, flags 0 or 1 (0 to 2).
 */
static int class_plain(const struct orm_class *c)
{
	if (c->bases_nr > UINT32_MAX || c->m2m_nr > UINT32_MAX || !c->name ||
	    !c->framework || !strcmp(c->framework, "") ||
	    (!strcmp(c->framework, "rails") && !c->bases_nr))
		return 0;
	return (unsigned)c->abstract <= 1 && (unsigned)c->proxy <= 1 &&
	       (unsigned)c->is_model <= 1 && (unsigned)c->conventional <= 2;
}

static void put_strs(struct strbuf *sb, const char **v, size_t nr)
{
	for (size_t i = 0; i < nr; i++)
		put_str(sb, v[i]);
}

int extractcache_encode_data(struct strbuf *sb, const struct data_file *f)
{
	if (f->nr > UINT32_MAX || f->classes_nr > UINT32_MAX)
		return -1;
	for (size_t i = 0; i < f->classes_nr; i++)
		if (!class_plain(&f->classes[i]))
			return -1;
	for (size_t i = 0; i < f->nr; i++)
		if (!f->acc[i].via)
			return -1;
	put_le32(sb, (uint32_t)f->nr);
	for (size_t i = 0; i < f->nr; i++) {
		const struct data_access *a = &f->acc[i];

		put_str(sb, a->table);
		put_str(sb, a->model);
		put_le32(sb, (uint32_t)a->kind);
		put_le32(sb, a->flags);
		put_le32(sb, a->line);
		put_str(sb, a->via);
	}
	put_le32(sb, (uint32_t)f->classes_nr);
	for (size_t i = 0; i < f->classes_nr; i++) {
		const struct orm_class *c = &f->classes[i];

		put_str(sb, c->name);
		put_le32(sb, (uint32_t)c->bases_nr);
		put_strs(sb, c->bases, c->bases_nr);
		/* no bases: no import of them (the analysis reads neither) */
		put_le32(sb, c->bases_from && c->bases_nr ? 1 : 0);
		if (c->bases_from && c->bases_nr)
			put_strs(sb, c->bases_from, c->bases_nr);
		put_str(sb, c->table);
		put_str(sb, c->app);
		put_str(sb, c->framework);
		put_le32(sb, (uint32_t)c->m2m_nr);
		put_strs(sb, c->m2m, c->m2m_nr);
		put_le32(sb, c->line);
		put_le32(sb, (uint32_t)c->abstract);
		put_le32(sb, (uint32_t)c->proxy);
		put_le32(sb, (uint32_t)c->is_model);
		put_le32(sb, (uint32_t)c->conventional);
		put_str(sb, c->ns);
	}
	return 0;
}

/*
 * nr strings (NULL allowed when may_be_null) into an array in arena; the
 * count is checked against what is left first (4 bytes each at least).
 */
static const char **read_strs(struct reader *r, struct arena *arena,
			      uint32_t nr, int may_be_null)
{
	const char **v = NULL;

	if (r->bad || nr > (r->len - r->at) / 4) {
		r->bad = 1;
		return NULL;
	}
	if (arena && nr)
		v = arena_alloc(arena, nr * sizeof(*v));
	for (uint32_t i = 0; i < nr && !r->bad; i++) {
		const char *s = read_str(r, arena, may_be_null);

		if (v)
			v[i] = s;
	}
	return v;
}

static void read_class(struct reader *r, struct orm_class *c,
		       struct arena *arena)
{
	uint32_t from, flag[4];

	c->name = read_str(r, arena, 0);
	c->bases_nr = read_u32(r);
	c->bases = read_strs(r, arena, (uint32_t)c->bases_nr, 1);
	from = read_u32(r);
	if (from > 1 || (from && !c->bases_nr))
		r->bad = 1;
	if (from)
		c->bases_from = read_strs(r, arena, (uint32_t)c->bases_nr, 1);
	c->table = read_str(r, arena, 1);
	c->app = read_str(r, arena, 1);
	c->framework = read_str(r, arena, 0);
	c->m2m_nr = read_u32(r);
	c->m2m = read_strs(r, arena, (uint32_t)c->m2m_nr, 1);
	c->line = read_u32(r);
	for (int i = 0; i < 4; i++)
		flag[i] = read_u32(r);
	if (flag[0] > 1 || flag[1] > 1 || flag[2] > 1 || flag[3] > 2)
		r->bad = 1;
	c->abstract = (int)flag[0];
	c->proxy = (int)flag[1];
	c->is_model = (int)flag[2];
	c->conventional = (int)flag[3];
	c->ns = read_str(r, arena, 1);
	if (!r->bad && (!*c->framework ||
			(!strcmp(c->framework, "rails") && !c->bases_nr)))
		r->bad = 1;
}

int extractcache_decode_data(struct data_file *out, struct arena *arena,
			     const unsigned char *p, size_t len)
{
	struct reader r = { p, len, 0, 0 };
	uint32_t nr;

	if (!arena) {
		/* checked by decoding into a scratch file */
		struct arena scratch = ARENA_INIT;
		struct data_file f = { 0 };
		int ret = extractcache_decode_data(&f, &scratch, p, len);

		data_file_release(&f);
		arena_release(&scratch);
		return ret;
	}
	nr = read_u32(&r);

	/* each access takes at least 24 bytes */
	if (r.bad || nr > (len - 4) / 24)
		return -1;
	for (uint32_t i = 0; i < nr && !r.bad; i++) {
		const char *table = read_str(&r, arena, 1);
		const char *model = read_str(&r, arena, 1);
		uint32_t kind = read_u32(&r);
		uint32_t flags = read_u32(&r);
		uint32_t line = read_u32(&r);
		const char *via = read_str(&r, arena, 0);

		if (kind >= DATA_KIND_NR || (flags & ~DATA_FLAGS_ALL))
			r.bad = 1;
		if (!r.bad && arena)
			data_file_add(out, table, (enum data_kind)kind, flags,
				      line, via)
				->model = model;
	}
	nr = read_u32(&r);
	/* each class takes at least 52 bytes */
	if (!r.bad && nr > (len - r.at) / 52)
		r.bad = 1;
	for (uint32_t i = 0; i < nr && !r.bad; i++) {
		struct orm_class scratch, *c = &scratch;

		memset(&scratch, 0, sizeof(scratch));
		if (arena)
			c = data_file_add_class(out);
		read_class(&r, c, arena);
	}
	if (r.bad || r.at != len) {
		if (arena)
			data_file_release(out);
		return -1;
	}
	return 0;
}

int extractcache_encode_api(struct strbuf *sb, const struct api_file *f)
{
	if (f->nr || f->mounts_nr || f->viewsets_nr || f->classes_nr ||
	    f->views_nr || f->calls_nr > UINT32_MAX)
		return -1;
	put_le64(sb, f->frameworks);
	put_le32(sb, (uint32_t)f->calls_nr);
	for (size_t i = 0; i < f->calls_nr; i++) {
		put_str(sb, f->calls[i].path);
		put_le32(sb, f->calls[i].line);
	}
	return 0;
}

int extractcache_decode_api(struct api_file *out, struct arena *arena,
			    const unsigned char *p, size_t len)
{
	struct reader r = { p, len, 0, 0 };
	uint64_t fw;
	uint32_t nr;

	if (!arena) {
		/* checked by decoding into a scratch file */
		struct arena scratch = ARENA_INIT;
		struct api_file f = { 0 };
		int ret = extractcache_decode_api(&f, &scratch, p, len);

		api_file_release(&f);
		arena_release(&scratch);
		return ret;
	}
	fw = read_u32(&r);
	fw |= (uint64_t)read_u32(&r) << 32;
	nr = read_u32(&r);
	/* each call takes at least 8 bytes; a framework bit is a known one */
	if (r.bad || nr > (len - 12) / 8 ||
	    (api_frameworks_nr < 64 && fw >> api_frameworks_nr))
		return -1;
	if (arena && nr) {
		out->calls = xcalloc(nr, sizeof(*out->calls));
		out->calls_alloc = nr;
	}
	for (uint32_t i = 0; i < nr && !r.bad; i++) {
		const char *path = read_str(&r, arena, 0);
		uint32_t line = read_u32(&r);

		if (!r.bad && arena) {
			out->calls[out->calls_nr].path = path;
			out->calls[out->calls_nr++].line = line;
		}
	}
	if (r.bad || r.at != len) {
		if (arena)
			api_file_release(out);
		return -1;
	}
	if (arena)
		out->frameworks = fw;
	return 0;
}

/* Walks the records of body[0..len): -1 when one is out of range. */
static int walk(struct extractcache *c, const char *body, size_t len,
		int (*decode)(const unsigned char *, size_t))
{
	size_t at = 0;

	while (at < len) {
		const char *key = body + at;
		const char *nul = memchr(key, '\0', len - at);
		uint32_t n;

		if (!nul || nul == key || len - (size_t)(nul + 1 - body) < 4)
			return -1;
		at = (size_t)(nul + 1 - body);
		n = get_le32((const unsigned char *)body + at);
		if (len - at - 4 < n)
			return -1;
		if (decode && decode((const unsigned char *)body + at + 4, n))
			return -1;
		if (c) {
			strmap_put(&c->records, key, (void *)(body + at));
			c->loaded++;
		}
		at += 4 + (size_t)n;
	}
	return 0;
}

/* Checks the header and seal of buf: the body's offset, or 0. */
static size_t sealed_body(const char *buf, size_t len, const char *kind,
			  int *damaged)
{
	struct strbuf hdr = STRBUF_INIT;
	size_t body = 0;

	header(&hdr, kind);
	*damaged = 0;
	if (len < hdr.len + 20 || memcmp(buf, hdr.buf, hdr.len))
		goto done; /* another format or build: a plain miss */
	if (!seal_ok(buf, len)) {
		*damaged = 1;
		goto done;
	}
	body = hdr.len;
done:
	strbuf_release(&hdr);
	return body;
}

int extractcache_parse(const char *buf, size_t len,
		       int (*decode)(const unsigned char *, size_t))
{
	return walk(NULL, buf, len, decode);
}

static void load(struct extractcache *c)
{
	struct stat st;
	size_t body;
	int damaged;

	if (lstat(c->path, &st) < 0)
		return;
	if (!S_ISREG(st.st_mode)) {
		warning("ignoring the extraction cache '%s': not a regular "
			"file (left alone)",
			c->path);
		c->foreign = 1;
		return;
	}
	if (strbuf_read_file(&c->data, c->path, EXTRACTCACHE_MAX_SIZE))
		return;
	body = sealed_body(c->data.buf, c->data.len, c->kind, &damaged);
	if (!body && damaged)
		warning("ignoring the damaged extraction cache '%s' (the "
			"files are read again)",
			c->path);
	if (body &&
	    walk(c, c->data.buf + body, c->data.len - body - 20, NULL) < 0) {
		warning("ignoring the extraction cache '%s': a record is out "
			"of range (the files are read again)",
			c->path);
		body = 0;
	}
	if (!body) {
		strmap_release(&c->records);
		memset(&c->records, 0, sizeof(c->records));
		c->loaded = 0;
	}
}

struct extractcache *extractcache_open(const struct scan *scan,
				       const char *kind)
{
	struct extractcache *c;
	char *dir = scan_cache_dir(scan);

	if (!dir)
		return NULL;
	c = xcalloc(1, sizeof(*c));
	c->scan = scan;
	c->kind = kind;
	c->dir = dir;
	strbuf_init(&c->data, 0);
	strbuf_addf(&c->data, "%s/%s-extract.cache", dir, kind);
	c->path = strbuf_detach(&c->data, NULL);
	c->slots = xcalloc(scan->nr ? scan->nr : 1, sizeof(*c->slots));
	load(c);
	return c;
}

static void make_key(struct strbuf *sb, const struct scan_file *sf,
		     const char *lang)
{
	strbuf_add(sb, sf->blob, 40);
	strbuf_addstr(sb, lang);
	strbuf_addch(sb, '\t');
	strbuf_addstr(sb, sf->path);
}

/*
 * The file is still a regular one the analysis could read, of the size
 * the scan saw: a vanished, grown or unreadable one is read afresh.
 */
static int readable(const struct scan *scan, const struct scan_file *sf)
{
	struct strbuf path = STRBUF_INIT;
	struct stat st;
	uint64_t max = scan->max_file_size ? (uint64_t)scan->max_file_size
					   : SCAN_DEFAULT_MAX_FILE_SIZE;
	int fd, ok = 0;

	strbuf_addstr(&path, scan->root);
	strbuf_addch(&path, '/');
	strbuf_addstr(&path, sf->path);
	fd = open(path.buf, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (fd >= 0) {
		ok = !fstat(fd, &st) && S_ISREG(st.st_mode) &&
		     (uint64_t)st.st_size == sf->size &&
		     (uint64_t)st.st_size <= max;
		close(fd);
	}
	strbuf_release(&path);
	return ok;
}

static const unsigned char *get(struct extractcache *c, size_t f,
				const char *lang, size_t *len)
{
	const struct scan_file *sf = &c->scan->files[f];
	struct strbuf key = STRBUF_INIT;
	const unsigned char *rec;

	if (!c->loaded || strlen(sf->blob) != 40)
		return NULL;
	make_key(&key, sf, lang);
	rec = strmap_get(&c->records, key.buf);
	strbuf_release(&key);
	if (!rec || !readable(c->scan, sf))
		return NULL;
	c->slots[f].payload = rec + 4;
	c->slots[f].len = get_le32(rec);
	c->slots[f].lang = lang;
	c->slots[f].state = 1;
	*len = c->slots[f].len;
	return rec + 4;
}

int extractcache_read(struct extractcache *c, size_t f, const char *lang,
		      void *out, struct arena *arena)
{
	size_t len;
	const unsigned char *p = get(c, f, lang, &len);
	int err;

	if (!p)
		return 0;
	if (!strcmp(c->kind, "api"))
		err = extractcache_decode_api(out, arena, p, len);
	else
		err = extractcache_decode_data(out, arena, p, len);
	if (!err)
		return 1;
	/* damaged: a warning at the end, and the file is read */
	c->slots[f].state = 0;
	__atomic_store_n(&c->damaged, 1, __ATOMIC_RELAXED);
	return 0;
}

void extractcache_put(struct extractcache *c, size_t f, const char *lang,
		      struct strbuf *payload)
{
	struct slot *s = &c->slots[f];

	if (strlen(c->scan->files[f].blob) != 40 || strchr(lang, '\t')) {
		strbuf_release(payload);
		return;
	}
	s->fresh = *payload;
	strbuf_init(payload, 0);
	s->lang = lang;
	s->state = 2;
}

static void save(struct extractcache *c)
{
	struct strbuf sb = STRBUF_INIT;
	struct outfile out = OUTFILE_INIT;
	struct stat st;

	/* a symlink there would carry the writes elsewhere */
	if (c->foreign || lstat(c->dir, &st) || !S_ISDIR(st.st_mode) ||
	    access(c->dir, W_OK) < 0)
		return;
	header(&sb, c->kind);
	for (size_t f = 0; f < c->scan->nr; f++) {
		const struct slot *s = &c->slots[f];
		const unsigned char *p =
			s->state == 1 ? s->payload
				      : (const unsigned char *)s->fresh.buf;
		size_t n = s->state == 1 ? s->len : s->fresh.len;

		if (!s->state || n > UINT32_MAX)
			continue;
		make_key(&sb, &c->scan->files[f], s->lang);
		strbuf_addch(&sb, '\0');
		put_le32(&sb, (uint32_t)n);
		strbuf_add(&sb, p, n);
	}
	if (seal_append(&sb) || outfile_open_private(&out, c->path))
		goto done;
	fwrite(sb.buf, 1, sb.len, out.fp);
	outfile_commit(&out);
	outfile_abort(&out);
done:
	strbuf_release(&sb);
}

void extractcache_close(struct extractcache *c)
{
	size_t hits = 0, fresh = 0;

	if (!c)
		return;
	for (size_t f = 0; f < c->scan->nr; f++) {
		hits += c->slots[f].state == 1;
		fresh += c->slots[f].state == 2;
	}
	if (c->damaged)
		warning("ignoring damaged records of the extraction cache "
			"'%s' (those files are read again)",
			c->path);
	/* new records, or records of files gone or changed */
	if (fresh || hits != c->loaded)
		save(c);
	if (getenv("CARVE_TRACE_EXTRACT"))
		fprintf(stderr,
			"extract-trace: %s %zu hits, %zu new, %zu loaded\n",
			c->kind, hits, fresh, c->loaded);
	for (size_t f = 0; f < c->scan->nr; f++)
		strbuf_release(&c->slots[f].fresh);
	free(c->slots);
	strmap_release(&c->records);
	strbuf_release(&c->data);
	free(c->dir);
	free(c->path);
	free(c);
}
