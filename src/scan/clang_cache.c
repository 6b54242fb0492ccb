/*
 * The libclang cache file: a header line, then one record per translation
 * unit, NUL-terminated. A record is lines of tab-separated fields: "@"
 * with the key and the counts, then "m" messages, "f" files read (stamp,
 * repository or absolute, path), "s" symbols, "d" definitions, "r"
 * references and "i" includes, indexes referring to the record's own
 * files and symbols. A hit is parsed in place.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carve/error.h"
#include "carve/outfile.h"
#include "carve/scan.h"
#include "carve/scancache.h"
#include "carve/tu.h"
#include "carve/tucache.h"
#include "carve/xmalloc.h"

#define MAX_CACHE_SIZE (2ULL << 30)

void tucache_load(struct tucache *cache, const char *dir)
{
	struct strbuf path = STRBUF_INIT;
	char *p, *end;

	strbuf_addf(&path, "%s/clang.cache", dir);
	cache->path = strbuf_detach(&path, NULL);
	p = scancache_read_file(&cache->data, cache->path, "clang",
				TUCACHE_FORMAT, MAX_CACHE_SIZE);
	if (!p)
		return;
	end = cache->data.buf + cache->data.len;
	while (p < end) {
		char *nul = memchr(p, '\0', (size_t)(end - p));

		if (!nul)
			break; /* a torn last record */
		if (nul - p > 43 && p[0] == '@' && p[1] == '\t' &&
		    p[42] == '\t') {
			p[42] = '\0'; /* the key ends here */
			strmap_put(&cache->by_key, p + 2, p);
		}
		p = nul + 1;
	}
}

void tucache_stamp(char *out, size_t size, const char *path)
{
	struct stat st;

	if (stat(path, &st)) {
		*out = '\0';
		return;
	}
	snprintf(out, size, "%lld:%lld", (long long)st.st_size,
		 (long long)st.st_mtim.tv_sec * 1000000000LL +
			 st.st_mtim.tv_nsec);
}

/* Splits the next line into at most max tab-separated fields. */
static int next_line(char **p, char **field, int max)
{
	char *s = *p, *nl, *t;
	int n = 0;

	if (!*s)
		return 0;
	nl = strchr(s, '\n');
	if (!nl)
		nl = s + strlen(s);
	*p = *nl ? nl + 1 : nl;
	*nl = '\0';
	field[n++] = s;
	/* memchr finds a tab many bytes at a time: USRs are long */
	while (n < max && (t = memchr(s, '\t', (size_t)(nl - s)))) {
		*t = '\0';
		s = t + 1;
		field[n++] = s;
	}
	return n;
}

/* A decimal number, maybe negative; strtol's generality costs here. */
static int num(const char *s, long *out)
{
	int neg = *s == '-';
	long v = 0;

	s += neg;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > (LONG_MAX - 9) / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	*out = neg ? -v : v;
	return 0;
}

static const char *stamp_of(struct tucache *cache, const char *path)
{
	char *hit = strmap_get(&cache->stamps, path);
	char stamp[48];

	if (hit)
		return hit;
	tucache_stamp(stamp, sizeof(stamp), path);
	hit = arena_strdup(&cache->arena, stamp);
	strmap_put(&cache->stamps, arena_strdup(&cache->arena, path), hit);
	return hit;
}

/* The stamp a file of the scan has now: its blob id, else size:mtime. */
static const char *repo_stamp(struct tucache *cache,
			      const struct tu_context *ctx, size_t file)
{
	const struct scan_file *f = &ctx->scan->files[file];
	struct strbuf sb = STRBUF_INIT;
	const char *ret;

	if (*f->blob)
		return f->blob;
	strbuf_addf(&sb, "%s/%s", ctx->root, f->path);
	ret = stamp_of(cache, sb.buf);
	strbuf_release(&sb);
	return ret;
}

/* Parses record text into tu; returns 0, 1 when stale, -1 when damaged. */
static int parse_record(struct tucache *cache, struct tu *tu, char *p,
			const struct tu_context *ctx)
{
	char *f[8];
	long v[6];
	int n;

	/* "@", key (already cut off), status, errors, warnings, main */
	p += 43;
	n = next_line(&p, f, 4);
	if (n != 4 || num(f[0], &v[0]) || num(f[1], &v[1]) ||
	    num(f[2], &v[2]) || v[0] < TU_PARSED || v[0] > TU_CRASHED ||
	    v[1] < 0 || v[1] > UINT_MAX || v[2] < 0 || v[2] > UINT_MAX ||
	    !*f[3])
		return -1;
	tu->status = (enum tu_status)v[0];
	tu->errors = (unsigned)v[1];
	tu->warnings = (unsigned)v[2];
	tu->main = arena_strdup(&tu->arena, f[3]);
	while ((n = next_line(&p, f, 7))) {
		switch (*f[0]) {
		case 'm':
			if (n != 2)
				return -1;
			tu_add_message(tu, f[1]);
			break;
		case 'f': {
			long file = -1;
			const char *now;

			if (n != 4)
				return -1;
			if (*f[2] == 'r') {
				void *hit = strmap_get(ctx->by_path, f[3]);

				if (!hit)
					return 1; /* no longer in the scan */
				file = (long)((size_t)hit - 1);
				now = repo_stamp(cache, ctx, (size_t)file);
			} else {
				now = stamp_of(cache, f[3]);
			}
			if (strcmp(now, f[1]))
				return 1;
			tu_add_file(tu,
				    file >= 0 ? ctx->scan->files[file].path
					      : f[3],
				    file, f[1]);
			break;
		}
		case 's':
			if (n != 4 || num(f[1], &v[0]) || v[0] < 0 ||
			    v[0] > SYMBOL_MACRO || !*f[2])
				return -1;
			tu_add_symbol(tu, f[2], f[3], (enum symbol_kind)v[0]);
			break;
		case 'd':
			if (n != 3 || num(f[1], &v[0]) || num(f[2], &v[1]) ||
			    v[0] < 0 || (size_t)v[0] >= tu->syms_nr ||
			    v[1] < 0 || (size_t)v[1] >= tu->files_nr)
				return -1;
			ALLOC_GROW(tu->defs, tu->defs_nr + 1, tu->defs_alloc);
			tu->defs[tu->defs_nr].sym = (unsigned)v[0];
			tu->defs[tu->defs_nr++].file = (unsigned)v[1];
			break;
		case 'r': {
			struct tu_ref *r;

			if (n != 6)
				return -1;
			for (int i = 0; i < 5; i++)
				if (num(f[i + 1], &v[i]))
					return -1;
			if (v[0] < 0 || (size_t)v[0] >= tu->files_nr ||
			    v[1] < 0 || (size_t)v[1] >= tu->syms_nr ||
			    v[2] < -1 || v[2] >= (long)tu->files_nr ||
			    v[3] < -1 || v[3] >= (long)tu->files_nr ||
			    v[4] < 1 || v[4] > UINT_MAX)
				return -1;
			ALLOC_GROW(tu->refs, tu->refs_nr + 1, tu->refs_alloc);
			r = &tu->refs[tu->refs_nr++];
			r->from = (unsigned)v[0];
			r->sym = (unsigned)v[1];
			r->target = v[2] < 0 ? -1 : (int)v[2];
			r->decl = v[3] < 0 ? -1 : (int)v[3];
			r->count = (unsigned)v[4];
			break;
		}
		case 'i':
			if (n != 3 || num(f[1], &v[0]) || num(f[2], &v[1]) ||
			    v[0] < 0 || (size_t)v[0] >= tu->files_nr ||
			    v[1] < 0 || (size_t)v[1] >= tu->files_nr)
				return -1;
			ALLOC_GROW(tu->incs, tu->incs_nr + 1, tu->incs_alloc);
			tu->incs[tu->incs_nr].from = (unsigned)v[0];
			tu->incs[tu->incs_nr++].to = (unsigned)v[1];
			break;
		default:
			return -1;
		}
	}
	/* tucache_save() writes no unit without files to check it by */
	return tu->files_nr ? 0 : -1;
}

int tucache_get(struct tucache *cache, struct tu *tu, const char *key,
		const struct tu_context *ctx)
{
	char *rec = strmap_get(&cache->by_key, key);
	int ret;

	if (!rec)
		return 0;
	/* a record is parsed in place once: forget it either way */
	strmap_put(&cache->by_key, key, NULL);
	ret = parse_record(cache, tu, rec, ctx);
	if (ret < 0 && !cache->warned++)
		warning("ignoring a damaged record of the libclang cache "
			"'%s' (its unit is parsed again)",
			cache->path);
	if (ret) {
		tu_release(tu);
		return 0;
	}
	tu->cached = 1;
	return 1;
}

/* Strings in a record hold no tab, newline or NUL. */
static int plain(const char *s)
{
	return !strpbrk(s, "\t\n");
}

static void add_clean(struct strbuf *sb, const char *s)
{
	for (; *s; s++)
		strbuf_addch(sb, *s == '\t' || *s == '\n' ? ' ' : *s);
}

static int encode(struct strbuf *sb, const struct tu *tu, const char *key)
{
	if (!plain(tu->main))
		return -1;
	strbuf_addf(sb, "@\t%s\t%d\t%u\t%u\t%s\n", key, (int)tu->status,
		    tu->errors, tu->warnings, tu->main);
	for (size_t i = 0; i < tu->messages_nr; i++) {
		strbuf_addstr(sb, "m\t");
		add_clean(sb, tu->messages[i]);
		strbuf_addch(sb, '\n');
	}
	for (size_t i = 0; i < tu->files_nr; i++) {
		const struct tu_file *f = &tu->files[i];

		if (!plain(f->path))
			return -1;
		strbuf_addf(sb, "f\t%s\t%c\t%s\n", f->stamp,
			    f->file >= 0 ? 'r' : 'a', f->path);
	}
	for (size_t i = 0; i < tu->syms_nr; i++) {
		const struct tu_symbol *s = &tu->syms[i];

		if (!plain(s->usr) || !plain(s->name))
			return -1;
		strbuf_addf(sb, "s\t%d\t%s\t%s\n", (int)s->kind, s->usr,
			    s->name);
	}
	for (size_t i = 0; i < tu->defs_nr; i++)
		strbuf_addf(sb, "d\t%u\t%u\n", tu->defs[i].sym,
			    tu->defs[i].file);
	for (size_t i = 0; i < tu->refs_nr; i++) {
		const struct tu_ref *r = &tu->refs[i];

		strbuf_addf(sb, "r\t%u\t%u\t%d\t%d\t%u\n", r->from, r->sym,
			    r->target, r->decl, r->count);
	}
	for (size_t i = 0; i < tu->incs_nr; i++)
		strbuf_addf(sb, "i\t%u\t%u\n", tu->incs[i].from,
			    tu->incs[i].to);
	return 0;
}

int tucache_save(const struct tucache *cache, struct tu *const *tus,
		 const char *const *keys, size_t nr)
{
	struct outfile out = OUTFILE_INIT;
	struct strbuf sb = STRBUF_INIT;
	int ret = 0;

	if (outfile_open_private(&out, cache->path))
		return CARVE_EIO;
	scancache_header(&sb, "clang", TUCACHE_FORMAT);
	fwrite(sb.buf, 1, sb.len, out.fp);
	for (size_t i = 0; i < nr; i++) {
		if (!tus[i] || !tus[i]->files_nr)
			continue; /* nothing to check it against */
		strbuf_reset(&sb);
		if (encode(&sb, tus[i], keys[i]))
			continue;
		fwrite(sb.buf, 1, sb.len + 1, out.fp); /* with the NUL */
	}
	strbuf_release(&sb);
	if (outfile_commit(&out))
		ret = CARVE_EIO;
	outfile_abort(&out);
	return ret;
}

void tucache_release(struct tucache *cache)
{
	if (!cache)
		return;
	free(cache->path);
	strbuf_release(&cache->data);
	strmap_release(&cache->by_key);
	strmap_release(&cache->stamps);
	arena_release(&cache->arena);
	memset(cache, 0, sizeof(*cache));
}
