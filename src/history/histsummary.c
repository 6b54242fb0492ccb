/*
 * The history summary: a whole struct history (all but the figures read
 * from the scan) kept in <cache dir>/history-summary/<key>, the key a
 * SHA-1 of everything the summary depends on (the commits named, the
 * options, carve.json, .mailmap, the attribute files, the scan's paths
 * and modules), so a command that finds its key reads the summary
 * instead of walking and replaying the log. The file: a header line, the
 * key, the summary as unsigned LEB128 numbers (signed ones zigzagged)
 * and length-prefixed strings, then the SHA-1 of all that. Every count
 * and index is checked against what the file can hold, so a torn or
 * crafted file is a miss, never a crash.
 */
#include <errno.h>
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carve/config.h"
#include "carve/error.h"
#include "carve/history.h"
#include "carve/historylog.h"
#include "carve/model_scan.h"
#include "carve/outfile.h"
#include "carve/seal.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

#define HSUMMARY_MAX_SIZE (1ULL << 30)
#define HSUMMARY_DIR "history-summary"

/* ---- the key ---------------------------------------------------------- */

static void key_field(struct strbuf *k, const char *name, const char *v)
{
	/* length-prefixed: no two different inputs give the same text */
	strbuf_addf(k, "%s %zu:", name, v ? strlen(v) : 0);
	if (v)
		strbuf_addstr(k, v);
	strbuf_addch(k, '\n');
}

/*
 * Appends the file's name and bytes (or "-" when unreadable) to k;
 * returns 1 when they could unset the "diff" attribute ("-diff", or the
 * "binary" macro, which a user macro must name to mean it).
 */
static int key_file(struct strbuf *k, const char *name, const char *path)
{
	struct strbuf buf = STRBUF_INIT;
	struct stat st;
	int unsets = 0;

	/* as authors.c: a .mailmap that is no regular file is not read */
	if (path && !lstat(path, &st) && S_ISREG(st.st_mode) &&
	    !strbuf_read_file(&buf, path, 64 << 20)) {
		strbuf_addf(k, "%s %s %zu:", name, path, buf.len);
		strbuf_add(k, buf.buf, buf.len);
		strbuf_addch(k, '\n');
		unsets = memmem(buf.buf, buf.len, "-diff", 5) ||
			 memmem(buf.buf, buf.len, "binary", 6);
	} else {
		strbuf_addf(k, "%s %s -\n", name, path ? path : "");
	}
	strbuf_release(&buf);
	return unsets;
}

static int key_config_file(struct strbuf *k, git_config *cfg, const char *var)
{
	git_buf value = GIT_BUF_INIT;
	int unsets = 0;

	if (cfg && !git_config_get_path(&value, cfg, var))
		unsets = key_file(k, var, value.ptr);
	else
		key_field(k, var, NULL);
	git_error_clear();
	git_buf_dispose(&value);
	return unsets;
}

static void key_globs(struct strbuf *k, const char *name,
		      const struct glob_list *g)
{
	strbuf_addf(k, "%s %d\n", name, g->nr);
	for (int i = 0; i < g->nr; i++)
		key_field(k, name, g->patterns[i]);
}

/* The commits the walk starts from and stops at. */
static int key_revision(struct strbuf *k, git_repository *repo, const char *rev)
{
	git_revspec spec = { 0 };
	git_object *from = NULL, *to = NULL;
	char hex[GIT_OID_HEXSZ + 1];
	int ret = -1;

	if (!rev && git_repository_head_unborn(repo) == 1)
		return -1;
	if (git_revparse(&spec, repo, rev ? rev : "HEAD") < 0 ||
	    (spec.flags & GIT_REVSPEC_MERGE_BASE))
		goto done;
	if (git_object_peel(&from, spec.from, GIT_OBJECT_COMMIT) < 0)
		goto done;
	strbuf_addf(k, "rev %s\n%s\n", rev ? rev : "HEAD",
		    git_oid_tostr(hex, sizeof(hex), git_object_id(from)));
	if (spec.flags & GIT_REVSPEC_RANGE) {
		if (git_object_peel(&to, spec.to, GIT_OBJECT_COMMIT) < 0)
			goto done;
		strbuf_addf(k, "to %s\n",
			    git_oid_tostr(hex, sizeof(hex), git_object_id(to)));
	}
	ret = 0;
done:
	git_error_clear();
	git_object_free(from);
	git_object_free(to);
	git_object_free(spec.from);
	git_object_free(spec.to);
	return ret;
}

static void add_dir(struct strbuf *dirs, const char *dir, size_t len)
{
	strbuf_add(dirs, dir, len);
	strbuf_addch(dirs, '\0');
}

/*
 * One .gitattributes of the index: its bytes in the work tree, and its
 * blob id, in k; its folder in dirs when it could unset "diff".
 */
static void attribute_file(struct strbuf *k, struct strbuf *dirs,
			   struct strbuf *path, const char *workdir,
			   const char *name, const unsigned char *id)
{
	const char *slash = strrchr(name, '/');
	char hex[GIT_OID_HEXSZ + 1];
	git_oid oid;

	strbuf_reset(path);
	if (workdir)
		strbuf_addf(path, "%s%s", workdir, name);
	if (key_file(k, "attributes", workdir ? path->buf : NULL))
		add_dir(dirs, name, slash ? (size_t)(slash - name) + 1 : 0);
	git_oid_fromraw(&oid, id);
	strbuf_addf(k, "blob %s\n", git_oid_tostr(hex, sizeof(hex), &oid));
}

void hlog_attribute_sources(struct strbuf *k, struct strbuf *dirs,
			    git_repository *repo, const struct scan *scan)
{
	const char *workdir = git_repository_workdir(repo);
	struct strbuf path = STRBUF_INIT;
	git_index *index = NULL;
	git_config *cfg = NULL;
	git_buf sys = GIT_BUF_INIT;
	const char *home = getenv("HOME"), *xdg = getenv("XDG_CONFIG_HOME");
	int global = 0;

	if (git_repository_config_snapshot(&cfg, repo) < 0)
		cfg = NULL;
	if (scan && scan->gitattributes) {
		/* the scan read the index a moment ago: not again */
		const char *p = scan->gitattributes;
		const char *end = p + scan->gitattributes_len;

		while (p < end) {
			size_t len = strlen(p);

			if ((size_t)(end - p) < len + 21)
				BUG("a torn list of .gitattributes");
			attribute_file(k, dirs, &path, workdir, p,
				       (const unsigned char *)p + len + 1);
			p += len + 21;
		}
	} else if (!git_repository_index(&index, repo)) {
		size_t n = git_index_entrycount(index);

		for (size_t i = 0; i < n; i++) {
			const git_index_entry *e =
				git_index_get_byindex(index, i);
			const char *slash = strrchr(e->path, '/');

			if (strcmp(slash ? slash + 1 : e->path,
				   ".gitattributes"))
				continue;
			attribute_file(k, dirs, &path, workdir, e->path,
				       e->id.id);
		}
	}
	git_error_clear();
	strbuf_reset(&path);
	strbuf_addf(&path, "%sinfo/attributes", git_repository_path(repo));
	global |= key_file(k, "info", path.buf);
	global |= key_config_file(k, cfg, "core.attributesFile");
	strbuf_reset(&path);
	if (xdg && *xdg)
		strbuf_addf(&path, "%s/git/attributes", xdg);
	else if (home)
		strbuf_addf(&path, "%s/.config/git/attributes", home);
	global |= key_file(k, "xdg", path.len ? path.buf : NULL);
	if (!git_config_find_system(&sys)) {
		char *slash = strrchr(sys.ptr, '/');

		strbuf_reset(&path);
		if (slash)
			strbuf_add(&path, sys.ptr, (size_t)(slash - sys.ptr));
		strbuf_addstr(&path, "/gitattributes");
		global |= key_file(k, "system", path.buf);
	}
	if (global)
		add_dir(dirs, "", 0);
	git_error_clear();
	git_buf_dispose(&sys);
	git_index_free(index);
	git_config_free(cfg);
	strbuf_release(&path);
}

int hsummary_key(unsigned char *key, unsigned char *shape, git_repository *repo,
		 const struct scan *scan, const struct history_options *o)
{
	struct strbuf k = STRBUF_INIT, path = STRBUF_INIT, dirs = STRBUF_INIT;
	struct strbuf rev = STRBUF_INIT;
	git_config *cfg = NULL;
	git_buf value = GIT_BUF_INIT;
	git_object *blob = NULL;
	int ret = -1;

	strbuf_addf(&k, "carve-history-summary %d %s\n", HSUMMARY_FORMAT,
		    CARVE_VERSION);
	if (key_revision(&rev, repo, o->rev))
		goto done;
	if (git_repository_config_snapshot(&cfg, repo) < 0)
		cfg = NULL;
	git_error_clear();
	strbuf_addf(&k, "walk %lld %lld %zu\n", (long long)o->since,
		    (long long)o->until, o->max_commits);
	strbuf_addf(&k, "shallow %d\n", git_repository_is_shallow(repo) == 1);
	strbuf_addf(&path, "%sshallow", git_repository_path(repo));
	key_file(&k, "shallow", path.buf);
	key_globs(&k, "path", &o->paths);
	key_globs(&k, "exclude", &o->exclude);
	strbuf_addf(&k, "coupling %d %d %d %d %d %d\n", o->max_changeset,
		    o->min_revs, o->min_shared, o->min_coupling,
		    (int)o->group_by, o->follow_renames);
	key_field(&k, "ticket", o->ticket_regex);
	strbuf_addf(&k, "blob %llu\n", (unsigned long long)o->max_blob_size);
	if (o->config) {
		key_file(&k, "config", o->config->path);
		strbuf_addf(&k, "depth %d\n", o->config->module_depth);
	}
	/* the sources libgit2's mailmap reads (authors.c) */
	strbuf_reset(&path);
	if (git_repository_workdir(repo)) {
		struct stat st;

		strbuf_addf(&path, "%s.mailmap", git_repository_workdir(repo));
		/* authors.c warns about it each time: no summary */
		if (!lstat(path.buf, &st) && !S_ISREG(st.st_mode))
			goto done;
	}
	key_file(&k, "mailmap", path.len ? path.buf : NULL);
	key_config_file(&k, cfg, "mailmap.file");
	if (cfg && !git_config_get_string_buf(&value, cfg, "mailmap.blob") &&
	    !git_revparse_single(&blob, repo, value.ptr)) {
		char hex[GIT_OID_HEXSZ + 1];

		strbuf_addf(&k, "mailmap.blob %s\n",
			    git_oid_tostr(hex, sizeof(hex),
					  git_object_id(blob)));
	}
	git_error_clear();
	hlog_attribute_sources(&k, &dirs, repo, scan);
	key_field(&k, "prefix", scan ? scan->prefix : NULL);
	/*
	 * the shape: all of it but the commits and the scan's paths (an
	 * extension checks the summed-up paths against the scan itself)
	 */
	if (seal_hash(shape, k.buf, k.len))
		goto done;
	/* what the summary takes from the scan: its paths and modules */
	for (size_t i = 0; scan && i < scan->nr; i++) {
		const struct scan_file *f = &scan->files[i];

		strbuf_addstr(&k, f->path);
		strbuf_addch(&k, '\0');
		if (f->module)
			strbuf_addstr(&k, f->module);
		strbuf_addch(&k, '\0');
		strbuf_addch(&k, f->status == FILE_EXCLUDED ? 'x' : '.');
	}
	strbuf_add(&k, rev.buf, rev.len);
	if (seal_hash(key, k.buf, k.len))
		goto done;
	ret = 0;
done:
	strbuf_release(&rev);
	git_buf_dispose(&value);
	git_object_free(blob);
	git_config_free(cfg);
	strbuf_release(&k);
	strbuf_release(&path);
	strbuf_release(&dirs);
	return ret;
}

/* ---- writing ---------------------------------------------------------- */

static void put_u(struct strbuf *sb, uint64_t v)
{
	do {
		unsigned char b = v & 0x7f;

		v >>= 7;
		strbuf_addch(sb, (char)(b | (v ? 0x80 : 0)));
	} while (v);
}

static void put_i(struct strbuf *sb, int64_t v)
{
	put_u(sb, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

static void put_s(struct strbuf *sb, const char *s)
{
	size_t len = s ? strlen(s) : 0;

	put_u(sb, len);
	strbuf_add(sb, s ? s : "", len);
}

static void put_shares(struct strbuf *sb, const struct history_share *s,
		       size_t nr)
{
	put_u(sb, nr);
	for (size_t i = 0; i < nr; i++) {
		put_u(sb, s[i].who);
		put_u(sb, s[i].revisions);
		put_u(sb, s[i].added);
		put_u(sb, s[i].deleted);
	}
}

static void put_entity(struct strbuf *sb, const struct history_entity *e,
		       uint64_t module)
{
	put_s(sb, e->name);
	put_u(sb, module);
	put_u(sb, e->revisions);
	put_u(sb, e->added);
	put_u(sb, e->deleted);
	put_u(sb, e->binary);
	put_i(sb, e->first);
	put_i(sb, e->last);
	put_u(sb, e->files);
	put_shares(sb, e->authors, e->authors_nr);
	put_shares(sb, e->teams, e->teams_nr);
}

static void put_coupling(struct strbuf *sb, const struct history_coupling *c)
{
	put_u(sb, c->changesets);
	put_u(sb, c->large);
	put_u(sb, c->candidates);
	put_u(sb, c->below_min_revs);
	put_u(sb, c->below_min_shared);
	put_u(sb, c->below_min_coupling);
	put_u(sb, c->nr);
	for (size_t i = 0; i < c->nr; i++) {
		const struct history_pair *p = &c->pairs[i];

		put_u(sb, p->a);
		put_u(sb, p->b);
		put_u(sb, p->shared);
		put_u(sb, p->revs_a);
		put_u(sb, p->revs_b);
		put_u(sb, (uint64_t)p->degree);
	}
}

/* Index of the module named `name`: modules are sorted by name. */
static size_t module_index(const struct history *h, const char *name)
{
	size_t lo = 0, hi = h->modules_nr;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(h->modules[mid].name, name);

		if (!cmp)
			return mid;
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	BUG("history summary: file of an unknown module '%s'", name);
}

void hsummary_encode(struct strbuf *sb, const struct history *h)
{
	put_s(sb, h->head);
	put_u(sb, (uint64_t) !!h->shallow);
	put_u(sb, h->cut);
	put_u(sb, h->commits);
	put_u(sb, h->merges);
	put_u(sb, h->analysed);
	put_u(sb, h->missing);
	put_u(sb, h->unreadable);
	put_u(sb, h->mined + h->cached);
	put_u(sb, h->added);
	put_u(sb, h->deleted);
	put_u(sb, h->changes);
	put_u(sb, h->binary);
	put_u(sb, h->filtered);
	put_i(sb, h->first);
	put_i(sb, h->last);
	put_i(sb, h->now);
	put_u(sb, (uint64_t) !!h->mailmap);
	put_u(sb, h->teams_nr);
	for (size_t i = 0; i < h->teams_nr; i++) {
		const struct history_team *t = &h->teams[i];

		put_s(sb, t->name);
		put_u(sb, t->authors);
		put_u(sb, t->commits);
		put_u(sb, t->added);
		put_u(sb, t->deleted);
	}
	put_u(sb, h->authors_nr);
	for (size_t i = 0; i < h->authors_nr; i++) {
		const struct history_author *a = &h->authors[i];

		put_s(sb, a->name);
		put_s(sb, a->email);
		put_u(sb, (uint64_t)(a->team + 1));
		put_u(sb, a->commits);
		put_u(sb, a->added);
		put_u(sb, a->deleted);
		put_i(sb, a->first);
		put_i(sb, a->last);
	}
	put_u(sb, h->modules_nr);
	for (size_t i = 0; i < h->modules_nr; i++)
		put_entity(sb, &h->modules[i], 0);
	put_u(sb, h->files_nr);
	for (size_t i = 0; i < h->files_nr; i++)
		put_entity(sb, &h->files[i],
			   module_index(h, h->files[i].module
						   ? h->files[i].module
						   : ""));
	put_coupling(sb, &h->file_coupling);
	put_coupling(sb, &h->module_coupling);
	put_u(sb, h->large_nr);
	for (size_t i = 0; i < h->large_nr; i++) {
		put_s(sb, h->large[i].id);
		put_u(sb, h->large[i].files);
	}
}

static void summary_path(struct strbuf *sb, const char *dir,
			 const unsigned char *key)
{
	strbuf_addf(sb, "%s/" HSUMMARY_DIR "/", dir);
	for (int i = 0; i < 20; i++)
		strbuf_addf(sb, "%02x", key[i]);
}

static void header(struct strbuf *sb)
{
	strbuf_addf(sb, "carve-history-summary %d %s\n", HSUMMARY_FORMAT,
		    CARVE_VERSION);
}

/*
 * Seals sb (header, key, body) with its SHA-1, writes it to path
 * privately and atomically, and prunes the older files of suffix in
 * dir's summary folder, made when missing (a folder it cannot write
 * is warned of when `warn`). Returns 0 or CARVE_EIO.
 */
static int write_sealed(struct strbuf *sb, const char *path, const char *dir,
			const char *suffix, int warn)
{
	struct outfile out = OUTFILE_INIT;
	struct strbuf d = STRBUF_INIT;
	int ret = CARVE_EIO;

	strbuf_addf(&d, "%s/" HSUMMARY_DIR, dir);
	if (outfile_mkdirs(d.buf) < 0 || access(d.buf, W_OK) < 0) {
		if (warn)
			warning("cannot write the history summary in '%s': %s",
				d.buf, strerror(errno));
		goto done;
	}
	if (seal_append(sb) || outfile_open_private(&out, path))
		goto done;
	fwrite(sb->buf, 1, sb->len, out.fp);
	ret = outfile_commit(&out) ? CARVE_EIO : 0;
	outfile_abort(&out);
	outfile_prune(d.buf, suffix, path, HSUMMARY_KEEP);
done:
	strbuf_release(&d);
	return ret;
}

int hsummary_save(const struct history *h, const char *dir,
		  const unsigned char *key)
{
	struct strbuf sb = STRBUF_INIT, path = STRBUF_INIT;
	int ret;

	header(&sb);
	strbuf_add(&sb, (const char *)key, 20);
	hsummary_encode(&sb, h);
	summary_path(&path, dir, key);
	ret = write_sealed(&sb, path.buf, dir, "", 1);
	strbuf_release(&sb);
	strbuf_release(&path);
	return ret;
}

/* ---- reading ---------------------------------------------------------- */

struct reader {
	const unsigned char *p, *end;
	struct history *h;
	int bad;
	struct arena *arena; /* the strings' */
};

static uint64_t get_u(struct reader *r)
{
	uint64_t v = 0;

	for (int shift = 0; shift < 64; shift += 7) {
		unsigned char b;

		if (r->p >= r->end)
			break;
		b = *r->p++;
		/* one encoding per number: no overflow, no padding */
		if ((shift == 63 && b > 1) || (shift && !b))
			break;
		v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80))
			return v;
	}
	r->bad = 1;
	return 0;
}

static int64_t get_i(struct reader *r)
{
	uint64_t v = get_u(r);

	return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

/* A count of things of at least `each` bytes that the rest can hold. */
static size_t get_count(struct reader *r, size_t each)
{
	uint64_t v = get_u(r);

	if (v > (uint64_t)(r->end - r->p) / each) {
		r->bad = 1;
		return 0;
	}
	return (size_t)v;
}

/* A number no larger than max. */
static uint64_t get_max(struct reader *r, uint64_t max)
{
	uint64_t v = get_u(r);

	if (v > max)
		r->bad = 1;
	return v > max ? 0 : v;
}

static const char *get_s(struct reader *r)
{
	size_t len = get_count(r, 1);
	const char *s;

	if (r->bad || memchr(r->p, '\0', len)) {
		r->bad = 1;
		return "";
	}
	s = arena_strndup(r->arena, (const char *)r->p, len);
	r->p += len;
	return s;
}

static struct history_share *get_shares(struct reader *r, size_t *nr,
					size_t who_nr)
{
	struct history_share *s;

	*nr = get_count(r, 4);
	if (r->bad || !*nr)
		return NULL;
	s = xcalloc(*nr, sizeof(*s));
	for (size_t i = 0; i < *nr; i++) {
		s[i].who = (uint32_t)get_max(r, who_nr ? who_nr - 1 : 0);
		if (!who_nr)
			r->bad = 1;
		s[i].revisions = get_u(r);
		s[i].added = get_u(r);
		s[i].deleted = get_u(r);
	}
	return s;
}

static void get_entity(struct reader *r, struct history_entity *e,
		       uint64_t *module)
{
	const struct history *h = r->h;

	e->name = get_s(r);
	*module = get_u(r);
	e->revisions = get_u(r);
	e->added = get_u(r);
	e->deleted = get_u(r);
	e->binary = get_u(r);
	e->first = get_i(r);
	e->last = get_i(r);
	e->files = get_u(r);
	e->authors = get_shares(r, &e->authors_nr, h->authors_nr);
	e->teams = get_shares(r, &e->teams_nr, h->teams_nr);
}

static void get_coupling(struct reader *r, struct history_coupling *c,
			 size_t entities)
{
	c->changesets = get_u(r);
	c->large = get_u(r);
	c->candidates = get_u(r);
	c->below_min_revs = get_u(r);
	c->below_min_shared = get_u(r);
	c->below_min_coupling = get_u(r);
	c->nr = get_count(r, 6);
	if (r->bad || !c->nr) {
		c->nr = 0;
		return;
	}
	if (!entities)
		r->bad = 1;
	c->pairs = xcalloc(c->nr, sizeof(*c->pairs));
	for (size_t i = 0; i < c->nr && !r->bad; i++) {
		struct history_pair *p = &c->pairs[i];

		p->a = (uint32_t)get_max(r, entities - 1);
		p->b = (uint32_t)get_max(r, entities - 1);
		p->shared = get_u(r);
		p->revs_a = get_u(r);
		p->revs_b = get_u(r);
		p->degree = (int)get_max(r, 1000000);
	}
}

int hsummary_parse(struct history **out, const char *buf, size_t len)
{
	struct history *h = xcalloc(1, sizeof(*h));
	struct reader r = { (const unsigned char *)buf,
			    (const unsigned char *)buf + len, h, 0, &h->arena };
	const char *head;
	size_t n;

	*out = NULL;
	head = get_s(&r);
	if (strlen(head) >= sizeof(h->head))
		r.bad = 1;
	else
		memcpy(h->head, head, strlen(head) + 1);
	h->shallow = (int)get_max(&r, 1);
	h->cut = get_u(&r);
	h->commits = get_u(&r);
	h->merges = get_u(&r);
	h->analysed = get_u(&r);
	h->missing = get_u(&r);
	h->unreadable = get_u(&r);
	h->cached = get_u(&r);
	h->added = get_u(&r);
	h->deleted = get_u(&r);
	h->changes = get_u(&r);
	h->binary = get_u(&r);
	h->filtered = get_u(&r);
	h->first = get_i(&r);
	h->last = get_i(&r);
	h->now = get_i(&r);
	h->mailmap = (int)get_max(&r, 1);
	n = get_count(&r, 5);
	if (!r.bad && n) {
		h->teams = xcalloc(n, sizeof(*h->teams));
		h->teams_nr = n;
	}
	for (size_t i = 0; i < h->teams_nr && !r.bad; i++) {
		struct history_team *t = &h->teams[i];

		t->name = get_s(&r);
		t->authors = get_u(&r);
		t->commits = get_u(&r);
		t->added = get_u(&r);
		t->deleted = get_u(&r);
	}
	n = get_count(&r, 8);
	if (!r.bad && n) {
		h->authors = xcalloc(n, sizeof(*h->authors));
		h->authors_nr = n;
	}
	for (size_t i = 0; i < h->authors_nr && !r.bad; i++) {
		struct history_author *a = &h->authors[i];

		a->name = get_s(&r);
		a->email = get_s(&r);
		a->team = (int)get_max(&r, h->teams_nr) - 1;
		a->commits = get_u(&r);
		a->added = get_u(&r);
		a->deleted = get_u(&r);
		a->first = get_i(&r);
		a->last = get_i(&r);
	}
	for (int level = 0; level < 2 && !r.bad; level++) {
		struct history_entity *e;

		n = get_count(&r, 11);
		if (r.bad)
			break;
		e = xcalloc(n + 1, sizeof(*e));
		if (level) {
			h->files = e;
			h->files_nr = n;
		} else {
			h->modules = e;
			h->modules_nr = n;
		}
		for (size_t i = 0; i < n && !r.bad; i++) {
			uint64_t m;

			get_entity(&r, &e[i], &m);
			/* both sorted by name, as summary.c makes them */
			if (i && strcmp(e[i - 1].name, e[i].name) >= 0)
				r.bad = 1;
			if (level ? m >= h->modules_nr : m != 0)
				r.bad = 1;
			else if (level)
				e[i].module = h->modules[m].name;
		}
	}
	if (!r.bad)
		get_coupling(&r, &h->file_coupling, h->files_nr);
	if (!r.bad)
		get_coupling(&r, &h->module_coupling, h->modules_nr);
	n = r.bad ? 0 : get_count(&r, 2);
	if (!r.bad && n) {
		h->large = xcalloc(n, sizeof(*h->large));
		h->large_nr = n;
	}
	for (size_t i = 0; i < h->large_nr && !r.bad; i++) {
		h->large[i].id = get_s(&r);
		h->large[i].files = get_u(&r);
	}
	if (r.bad || r.p != r.end) {
		history_free(h);
		return -1;
	}
	*out = h;
	return 0;
}

/*
 * Reads a file written as header, 20-byte key, body and the SHA-1 of
 * all before it, and parses its body into out; 0 when the header, the
 * key and the seal match and the body parses, else 1: absent or
 * another key quietly, damaged or out of range with a warning naming
 * the file ("summary" or "state" says which).
 */
static int load_sealed(const char *path, const struct strbuf *hdr,
		       const unsigned char *key, const char *what,
		       int (*parse)(void *out, const char *buf, size_t len),
		       void *out)
{
	struct strbuf data = STRBUF_INIT;
	int ret = 1;

	if (strbuf_read_file(&data, path, HSUMMARY_MAX_SIZE) ||
	    data.len < hdr->len + 40 || memcmp(data.buf, hdr->buf, hdr->len) ||
	    memcmp(data.buf + hdr->len, key, 20))
		goto done;
	if (!seal_ok(data.buf, data.len)) {
		warning("ignoring the damaged history %s '%s' (the history is "
			"summed up again)",
			what, path);
		goto done;
	}
	if (parse(out, data.buf + hdr->len + 20, data.len - hdr->len - 40)) {
		warning("ignoring the history %s '%s': a record is out of "
			"range (the history is summed up again)",
			what, path);
		goto done;
	}
	ret = 0;
done:
	strbuf_release(&data);
	return ret;
}

static int parse_summary(void *out, const char *buf, size_t len)
{
	return hsummary_parse(out, buf, len);
}

int hsummary_load(struct history **out, const char *dir,
		  const unsigned char *key)
{
	struct strbuf path = STRBUF_INIT, hdr = STRBUF_INIT;
	int ret;

	*out = NULL;
	summary_path(&path, dir, key);
	header(&hdr);
	ret = load_sealed(path.buf, &hdr, key, "summary", parse_summary, out);
	strbuf_release(&path);
	strbuf_release(&hdr);
	return ret;
}

/* ---- the state a summary is extended with (histstate.c) -------------- */

#define HSTATE_SUFFIX ".state"

static void state_header(struct strbuf *sb)
{
	strbuf_addf(sb, "carve-history-state %d %s\n", HSUMMARY_FORMAT,
		    CARVE_VERSION);
}

static void state_path(struct strbuf *sb, const char *dir,
		       const unsigned char *shape)
{
	summary_path(sb, dir, shape);
	strbuf_addstr(sb, HSTATE_SUFFIX);
}

static void put_couple(struct strbuf *sb, const struct hcouple *c)
{
	size_t n = 0, i = 0, j = 0;
	struct hcouple_pair *m = hcouple_map_pairs(c, &n);
	uint64_t prev = 0;

	put_u(sb, c->changesets);
	put_u(sb, c->large);
	put_u(sb, c->revs_nr);
	for (size_t k = 0; k < c->revs_nr; k++)
		put_u(sb, c->revs[k]);
	/* the sorted array and the map's pairs in one ascending run (a
	 * pair is in one of them), as differences: small numbers */
	put_u(sb, n + c->sorted_nr);
	while (i < c->sorted_nr || j < n) {
		const struct hcouple_pair *p =
			j == n || (i < c->sorted_nr &&
				   c->sorted[i].key < m[j].key)
				? &c->sorted[i++]
				: &m[j++];

		put_u(sb, p->key - prev);
		put_u(sb, p->shared);
		prev = p->key;
	}
	free(m);
}

void hstate_encode(struct strbuf *sb, const struct hstate *st)
{
	strbuf_add(sb, (const char *)st->key, 20);
	put_s(sb, st->head);
	put_u(sb, st->ids_nr);
	strbuf_add(sb, (const char *)st->ids, 20 * st->ids_nr);
	put_u(sb, st->people_nr);
	for (size_t i = 0; i < st->people_nr; i++) {
		put_s(sb, st->people[i].name);
		put_s(sb, st->people[i].email);
		put_i(sb, st->people[i].latest);
		put_u(sb, st->people[i].author == HLOG_NONE
				  ? 0
				  : (uint64_t)st->people[i].author + 1);
	}
	put_couple(sb, &st->coupling[0]);
	put_couple(sb, &st->coupling[1]);
	put_u(sb, st->large_nr);
	for (size_t i = 0; i < st->large_nr; i++)
		put_i(sb, st->large_time[i]);
	put_u(sb, st->left_out_nr);
	for (size_t i = 0; i < st->left_out_nr; i++)
		put_s(sb, st->left_out[i]);
}

static void get_couple(struct reader *r, struct hcouple *c)
{
	uint64_t key = 0;
	size_t n;

	c->changesets = get_u(r);
	c->large = get_u(r);
	c->revs_nr = get_count(r, 1);
	if (r->bad)
		return;
	c->revs = xcalloc(c->revs_nr + 1, sizeof(*c->revs));
	c->revs_alloc = c->revs_nr + 1;
	for (size_t i = 0; i < c->revs_nr && !r->bad; i++)
		c->revs[i] = get_u(r);
	n = get_count(r, 2);
	c->sorted = xcalloc(n + 1, sizeof(*c->sorted));
	c->sorted_alloc = n + 1;
	for (size_t i = 0; i < n && !r->bad; i++) {
		uint64_t d = get_u(r), v = get_u(r);

		/* strictly ascending, a < b < entities, each counted */
		if ((i && !d) || d > UINT64_MAX - key) {
			r->bad = 1;
			break;
		}
		key += d;
		if ((key >> 32) >= (uint32_t)key ||
		    (uint32_t)key >= c->revs_nr || !v) {
			r->bad = 1;
			break;
		}
		c->sorted[c->sorted_nr].key = key;
		c->sorted[c->sorted_nr++].shared = v;
	}
}

int hstate_parse(struct hstate *st, const char *buf, size_t len)
{
	struct reader r = { (const unsigned char *)buf,
			    (const unsigned char *)buf + len, NULL, 0,
			    &st->arena };
	const char *head;

	memset(st, 0, sizeof(*st));
	if (len < 20)
		return -1;
	memcpy(st->key, buf, 20);
	r.p += 20;
	head = get_s(&r);
	if (strlen(head) >= sizeof(st->head))
		r.bad = 1;
	else
		memcpy(st->head, head, strlen(head) + 1);
	st->ids_nr = get_count(&r, 20);
	if (!r.bad) {
		st->ids = xmalloc(20 * st->ids_nr + 1);
		memcpy(st->ids, r.p, 20 * st->ids_nr);
		r.p += 20 * st->ids_nr;
		/* sorted and distinct: the walk searches them */
		for (size_t i = 1; i < st->ids_nr; i++)
			if (memcmp(st->ids + 20 * (i - 1), st->ids + 20 * i,
				   20) >= 0)
				r.bad = 1;
	}
	st->people_nr = r.bad ? 0 : get_count(&r, 4);
	st->people = xcalloc(st->people_nr + 1, sizeof(*st->people));
	for (size_t i = 0; i < st->people_nr && !r.bad; i++) {
		uint64_t a;

		st->people[i].name = get_s(&r);
		st->people[i].email = get_s(&r);
		st->people[i].latest = get_i(&r);
		a = get_max(&r, UINT32_MAX - 1);
		st->people[i].author = a ? (uint32_t)(a - 1) : HLOG_NONE;
	}
	if (!r.bad)
		get_couple(&r, &st->coupling[0]);
	if (!r.bad)
		get_couple(&r, &st->coupling[1]);
	st->large_nr = r.bad ? 0 : get_count(&r, 1);
	st->large_time = xcalloc(st->large_nr + 1, sizeof(*st->large_time));
	for (size_t i = 0; i < st->large_nr && !r.bad; i++)
		st->large_time[i] = get_i(&r);
	st->left_out_nr = r.bad ? 0 : get_count(&r, 1);
	st->left_out = xcalloc(st->left_out_nr + 1, sizeof(*st->left_out));
	for (size_t i = 0; i < st->left_out_nr && !r.bad; i++) {
		st->left_out[i] = get_s(&r);
		/* sorted, distinct, never empty */
		if (!*st->left_out[i] ||
		    (i && strcmp(st->left_out[i - 1], st->left_out[i]) >= 0))
			r.bad = 1;
	}
	if (r.bad || r.p != r.end) {
		hstate_release(st);
		return -1;
	}
	return 0;
}

int hstate_save(const struct hstate *st, const char *dir,
		const unsigned char *shape)
{
	struct strbuf sb = STRBUF_INIT, path = STRBUF_INIT;
	int ret;

	state_header(&sb);
	strbuf_add(&sb, (const char *)shape, 20);
	hstate_encode(&sb, st);
	state_path(&path, dir, shape);
	ret = write_sealed(&sb, path.buf, dir, HSTATE_SUFFIX, 0);
	strbuf_release(&sb);
	strbuf_release(&path);
	return ret;
}

static int parse_state(void *out, const char *buf, size_t len)
{
	return hstate_parse(out, buf, len);
}

int hstate_load(struct hstate *st, const char *dir, const unsigned char *shape)
{
	struct strbuf path = STRBUF_INIT, hdr = STRBUF_INIT;
	int ret;

	memset(st, 0, sizeof(*st));
	state_path(&path, dir, shape);
	state_header(&hdr);
	ret = load_sealed(path.buf, &hdr, shape, "state", parse_state, st);
	strbuf_release(&path);
	strbuf_release(&hdr);
	return ret;
}
