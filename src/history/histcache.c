/*
 * The history cache file: a header line, then per commit a record
 * "C<id> <flags> <changes>" and one record per change,
 * "<added> <deleted> <flags> <rename added> <rename deleted>", each
 * followed by its path and old path (empty unless renamed), every field
 * NUL-terminated (paths may hold any byte but NUL). Loading indexes the
 * commit records; a commit's changes are decoded when asked for.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carve/error.h"
#include "carve/historylog.h"
#include "carve/oidmap.h"
#include "carve/outfile.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

#define HCACHE_MAX_SIZE (1ULL << 31)

static int hex_to_id(unsigned char *id, const char *hex)
{
	for (int i = 0; i < 20; i++) {
		int v = 0;

		for (int j = 0; j < 2; j++) {
			char c = hex[2 * i + j];

			v <<= 4;
			if (c >= '0' && c <= '9')
				v |= c - '0';
			else if (c >= 'a' && c <= 'f')
				v |= c - 'a' + 10;
			else
				return -1;
		}
		id[i] = (unsigned char)v;
	}
	return 0;
}

/* Skips one NUL-terminated field; NULL past the end. */
static const char *field_end(const char *p, const char *end)
{
	const char *nul = p && p < end ? memchr(p, '\0', (size_t)(end - p))
				       : NULL;

	return nul ? nul + 1 : NULL;
}

/* Decimal numbers separated by single spaces, each at most UINT_MAX. */
static int parse_numbers(const char *s, unsigned long *v, int n)
{
	for (int i = 0; i < n; i++) {
		unsigned long x = 0;
		int digits = 0;

		for (; *s >= '0' && *s <= '9' && digits < 11; s++, digits++)
			x = x * 10 + (unsigned long)(*s - '0');
		if (!digits || x > UINT_MAX || *s != (i + 1 < n ? ' ' : '\0'))
			return -1;
		v[i] = x;
		s++;
	}
	return 0;
}

#define CHANGE_FLAGS (HLOG_BINARY | HLOG_NEW | HLOG_GONE | HLOG_RENAMED)

/*
 * Checks the records of one commit and sets *next past them: 0, 1 when
 * the file ends inside them (a torn tail), -1 when one is out of range
 * (a damaged or crafted file).
 */
static int check_commit(const char *p, const char *end, const char **next)
{
	unsigned long head[2], ch[5];
	const char *nul = memchr(p, '\0', (size_t)(end - p));

	if (!nul)
		return 1;
	if (nul - p < 44 || *p != 'C' || p[41] != ' ' ||
	    strspn(p + 1, "0123456789abcdef") != 40 ||
	    parse_numbers(p + 42, head, 2) || (head[0] & ~HLOG_RENAMES) ||
	    head[1] > (size_t)(end - p) / 3)
		return -1;
	p = nul + 1;
	for (size_t i = 0; i < head[1]; i++) {
		const char *path = field_end(p, end);
		const char *from = field_end(path, end);

		if (!from || !field_end(from, end))
			return 1;
		if (parse_numbers(p, ch, 5) || (ch[2] & ~CHANGE_FLAGS) ||
		    !*path)
			return -1;
		p = field_end(from, end);
	}
	*next = p;
	return 0;
}

void hcache_load(struct hcache *c, const char *dir, uint64_t max_blob_size)
{
	struct strbuf path = STRBUF_INIT;
	size_t hlen;
	const char *p, *end;
	struct stat st;

	memset(c, 0, sizeof(*c));
	c->data = xcalloc(1, sizeof(*c->data));
	strbuf_init(c->data, 0);
	c->index = xcalloc(1, sizeof(*c->index));
	snprintf(c->header, sizeof(c->header),
		 "carve-history-cache %d %s %llu\n", HCACHE_FORMAT,
		 CARVE_VERSION, (unsigned long long)max_blob_size);
	strbuf_addf(&path, "%s/history.cache", dir);
	c->path = strbuf_detach(&path, NULL);
	/* room for the whole file and the read that finds its end: the
	 * buffer is never grown, so never doubled, while it is read */
	if (!stat(c->path, &st) && S_ISREG(st.st_mode) &&
	    (uint64_t)st.st_size <= HCACHE_MAX_SIZE)
		strbuf_grow(c->data, (size_t)st.st_size + 8194);
	if (strbuf_read_file(c->data, c->path, HCACHE_MAX_SIZE))
		return;
	hlen = strlen(c->header);
	if (c->data->len < hlen || memcmp(c->data->buf, c->header, hlen)) {
		strbuf_reset(c->data); /* another version's: start afresh */
		return;
	}
	p = c->data->buf + hlen;
	end = c->data->buf + c->data->len;
	while (p < end) {
		unsigned char id[20];
		const char *next = NULL;
		int added, bad = check_commit(p, end, &next);

		if (bad < 0)
			warning("ignoring the history cache '%s' from a "
				"damaged "
				"record on (those commits are mined again)",
				c->path);
		if (bad || hex_to_id(id, p + 1))
			break; /* a torn tail: keep what came before */
		oidmap_insert(c->index, id, &added)->value =
			(void *)(size_t)(p - c->data->buf + 1);
		p = next;
	}
	strbuf_setlen(c->data, (size_t)(p - c->data->buf));
}

int hcache_has(const struct hcache *c, const unsigned char *id,
	       int want_renames)
{
	struct oidmap_entry *e = oidmap_find(c->index, id);
	unsigned flags;
	size_t n;

	return e &&
	       sscanf(c->data->buf + (size_t)e->value - 1 + 41, "%u %zu",
		      &flags, &n) == 2 &&
	       (!want_renames || (flags & HLOG_RENAMES));
}

int hcache_fill(struct hcache *c, struct hlog *log, size_t i, int want_renames)
{
	struct hlog_commit *hc = &log->commits[i];
	struct oidmap_entry *e = oidmap_find(c->index, hc->id);
	const char *p, *end = c->data->buf + c->data->len;
	unsigned flags;
	size_t n;

	if (!e)
		return 0;
	p = c->data->buf + (size_t)e->value - 1;
	if (sscanf(p + 41, "%u %zu", &flags, &n) != 2 ||
	    (want_renames && !(flags & HLOG_RENAMES)))
		return 0;
	p = field_end(p, end);
	for (size_t k = 0; k < n; k++) {
		struct hlog_change *ch = hlog_add_change(log, hc);
		const char *path = field_end(p, end);
		const char *from = field_end(path, end);
		unsigned long v[5];

		/* checked by check_commit() when the cache was loaded */
		if (parse_numbers(p, v, 5))
			BUG("history cache record changed since loading");
		ch->added = (unsigned)v[0];
		ch->deleted = (unsigned)v[1];
		ch->flags = (unsigned)v[2];
		ch->rename_added = (unsigned)v[3];
		ch->rename_deleted = (unsigned)v[4];
		ch->path = hlog_path(log, path, strlen(path));
		if (*from)
			ch->from = hlog_path(log, from, strlen(from));
		p = field_end(from, end);
	}
	hc->flags |= HLOG_MINED | HLOG_CACHED | (flags & HLOG_RENAMES);
	return 1;
}

static void write_commit(struct strbuf *sb, const struct hlog *log,
			 const struct hlog_commit *hc)
{
	char hex[41];

	for (int i = 0; i < 20; i++)
		snprintf(hex + 2 * i, 3, "%02x", hc->id[i]);
	strbuf_addf(sb, "C%s %u %zu", hex, hc->flags & HLOG_RENAMES, hc->nr);
	strbuf_addch(sb, '\0');
	for (size_t k = 0; k < hc->nr; k++) {
		const struct hlog_change *ch = &log->changes[hc->change + k];

		strbuf_addf(sb, "%u %u %u %u %u", ch->added, ch->deleted,
			    ch->flags & (HLOG_BINARY | HLOG_NEW | HLOG_GONE |
					 HLOG_RENAMED),
			    ch->rename_added, ch->rename_deleted);
		strbuf_addch(sb, '\0');
		strbuf_addstr(sb, log->paths[ch->path]);
		strbuf_addch(sb, '\0');
		if (ch->from != HLOG_NONE)
			strbuf_addstr(sb, log->paths[ch->from]);
		strbuf_addch(sb, '\0');
	}
}

int hcache_save(struct hcache *c, const struct hlog *log)
{
	struct outfile out = OUTFILE_INIT;
	struct strbuf sb = STRBUF_INIT;
	char *dir = xstrdup(c->path);
	char *slash = strrchr(dir, '/');
	size_t hlen = strlen(c->header);
	int ret = 0;

	if (slash)
		*slash = '\0';
	if (outfile_mkdirs(dir) < 0 || access(dir, W_OK) < 0) {
		warning("cannot write the history cache in '%s': %s", dir,
			strerror(errno));
		free(dir);
		return CARVE_EIO;
	}
	free(dir);
	if (outfile_open_private(&out, c->path))
		return CARVE_EIO;
	fputs(c->header, out.fp);
	/* what the cache had, then what this run added */
	if (c->data->len > hlen)
		fwrite(c->data->buf + hlen, 1, c->data->len - hlen, out.fp);
	for (size_t i = 0; i < log->nr; i++) {
		const struct hlog_commit *hc = &log->commits[i];
		struct oidmap_entry *e = oidmap_find(c->index, hc->id);
		unsigned had = 0;
		size_t n;

		if (!(hc->flags & HLOG_MINED) || (hc->flags & HLOG_CACHED) ||
		    (hc->flags & HLOG_INCOMPLETE))
			continue;
		/* a record without renames is superseded by one with them */
		if (e &&
		    sscanf(c->data->buf + (size_t)e->value - 1 + 41, "%u %zu",
			   &had, &n) == 2 &&
		    (had & HLOG_RENAMES) >= (hc->flags & HLOG_RENAMES))
			continue;
		strbuf_reset(&sb);
		write_commit(&sb, log, hc);
		fwrite(sb.buf, 1, sb.len, out.fp);
		c->added++;
	}
	strbuf_release(&sb);
	if (outfile_commit(&out))
		ret = CARVE_EIO;
	outfile_abort(&out);
	return ret;
}

void hcache_release(struct hcache *c)
{
	if (!c)
		return;
	free(c->path);
	if (c->data)
		strbuf_release(c->data);
	free(c->data);
	if (c->index)
		oidmap_release(c->index);
	free(c->index);
	memset(c, 0, sizeof(*c));
}
