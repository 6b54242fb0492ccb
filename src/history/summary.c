/*
 * Summing the log up: per file and per module of the scan, revisions,
 * lines, first and last change, each author's and team's share; the
 * changes (commits, or groups of commits by ticket or by day) whose
 * files and modules feed the coupling; hotspots from the scan's
 * complexity and code lines. Paths the scan leaves out (vendored,
 * generated, --exclude, outside the scanned directory) are left out
 * here too; --follow-renames counts a moved file's history under the
 * name it has now.
 */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/config.h"
#include "carve/error.h"
#include "carve/exclude.h"
#include "carve/history.h"
#include "carve/historylog.h"
#include "carve/module.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/u64map.h"
#include "carve/xmalloc.h"

/* A share being summed: who, in which entity, with a per-commit marker. */
struct tally {
	uint32_t entity, who;
	size_t revisions;
	uint64_t added, deleted;
	size_t last_commit; /* commit index + 1 that last counted a revision */
};

/* The shares being summed, found by (entity, who). */
struct tally_map {
	struct u64map index; /* entity << 32 | who -> index into tallies */
	struct tally *tallies;
	size_t tallies_nr, tallies_alloc;
};

static struct tally *tally_get(struct tally_map *m, uint32_t entity,
			       uint32_t who)
{
	uint64_t key = (uint64_t)entity << 32 | who;
	struct u64map_entry *e;
	struct tally *t;
	int added;

	e = u64map_insert(&m->index, key, &added);
	if (!added)
		return &m->tallies[e->value];
	e->value = m->tallies_nr;
	ALLOC_GROW(m->tallies, m->tallies_nr + 1, m->tallies_alloc);
	t = &m->tallies[m->tallies_nr++];
	memset(t, 0, sizeof(*t));
	t->entity = entity;
	t->who = who;
	return t;
}

static void tally_count(struct tally_map *m, uint32_t entity, uint32_t who,
			size_t commit, uint32_t added, uint32_t deleted)
{
	struct tally *t = tally_get(m, entity, who);

	if (t->last_commit != commit + 1) {
		t->revisions++;
		t->last_commit = commit + 1;
	}
	t->added += added;
	t->deleted += deleted;
}

static void tally_release(struct tally_map *m)
{
	u64map_release(&m->index);
	free(m->tallies);
}

static int by_share(const void *x, const void *y)
{
	const struct history_share *a = x, *b = y;

	/* who changes it most often: an import's lines say little */
	if (a->revisions != b->revisions)
		return a->revisions > b->revisions ? -1 : 1;
	if (a->added != b->added)
		return a->added > b->added ? -1 : 1;
	return a->who < b->who ? -1 : a->who > b->who;
}

/* Hands each entity its shares, largest first. */
static void tally_assign(struct tally_map *m, struct history_entity *e,
			 size_t nr, int teams)
{
	size_t *count = xcalloc(nr + 1, sizeof(*count));

	for (size_t i = 0; i < m->tallies_nr; i++)
		count[m->tallies[i].entity]++;
	for (size_t i = 0; i < nr; i++) {
		struct history_share *s =
			count[i] ? xcalloc(count[i], sizeof(*s)) : NULL;

		if (teams)
			e[i].teams = s;
		else
			e[i].authors = s;
	}
	for (size_t i = 0; i < m->tallies_nr; i++) {
		const struct tally *t = &m->tallies[i];
		struct history_entity *x = &e[t->entity];
		struct history_share *s = teams ? &x->teams[x->teams_nr++]
						: &x->authors[x->authors_nr++];

		s->who = t->who;
		s->revisions = t->revisions;
		s->added = t->added;
		s->deleted = t->deleted;
	}
	for (size_t i = 0; i < nr; i++) {
		if (teams && e[i].teams_nr)
			qsort(e[i].teams, e[i].teams_nr, sizeof(*e[i].teams),
			      by_share);
		else if (!teams && e[i].authors_nr)
			qsort(e[i].authors, e[i].authors_nr,
			      sizeof(*e[i].authors), by_share);
	}
	free(count);
}

/* One change for coupling: a commit, or the commits of a ticket or day. */
struct group {
	const char *name;
	int64_t time; /* the newest committer time of its commits */
	int seen;
	uint32_t *files, *modules;
	size_t files_nr, files_alloc, modules_nr, modules_alloc;
};

struct summary {
	struct history *h;
	const struct hlog *log;
	const struct scan *scan;
	const struct history_options *o;
	uint32_t *eff; /* per change: the path it counts for */
	char *keep; /* per path: 0 unknown, 1 kept, 2 left out */
	uint32_t *file_of; /* per path: index into h->files */
	uint32_t *module_of; /* per file: index into h->modules */
	struct strmap scanned; /* path -> scan_file */
	struct strmap dir_module; /* directory -> a scanned file's module */
	struct exclude_rules excludes;
	struct group *groups;
	size_t groups_nr, groups_alloc;
	struct strmap group_index; /* key -> group + 1 */
	struct group one; /* grouping by commit: the commit being counted */
	int64_t *large_time; /* per h->large */
	size_t large_alloc;
	struct hstate *st;
	struct arena keys;
};

static int analysed(const struct hlog_commit *c)
{
	return (c->flags & HLOG_MINED) && !(c->flags & HLOG_UNREADABLE);
}

/* Whether the history counts path p: the scan's and the user's rules. */
static int keep_name(struct summary *s, const char *p)
{
	const struct scan_file *f;
	const char *prefix = s->scan ? s->scan->prefix : "";
	size_t plen = strlen(prefix);
	char buf[256];

	if (plen && (strncmp(p, prefix, plen) || p[plen] != '/'))
		return 0;
	if (s->o->paths.nr && !glob_list_match(&s->o->paths, p))
		return 0;
	if (glob_list_match(&s->o->exclude, p))
		return 0;
	f = strmap_get(&s->scanned, p);
	if (f ? f->status == FILE_EXCLUDED
	      : exclude_by_path(&s->excludes, p, buf, sizeof(buf)) != NULL)
		return 0;
	return 1;
}

static int keep_path(struct summary *s, uint32_t path)
{
	if (!s->keep[path])
		s->keep[path] = keep_name(s, s->log->paths[path]) ? 1 : 2;
	return s->keep[path] == 1;
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The paths changed but left out, for the state (sorted). */
static void left_out(struct summary *s)
{
	struct hstate *st = s->st;
	size_t alloc = 0;

	for (size_t p = 0; p < s->log->paths_nr; p++) {
		if (s->keep[p] != 2)
			continue;
		ALLOC_GROW(st->left_out, st->left_out_nr + 1, alloc);
		st->left_out[st->left_out_nr++] =
			arena_strdup(&st->arena, s->log->paths[p]);
	}
	if (st->left_out_nr)
		qsort(st->left_out, st->left_out_nr, sizeof(*st->left_out),
		      by_string);
}

/* The effective path of every change, renames followed if asked. */
static void resolve_paths(struct summary *s)
{
	const struct hlog *log = s->log;
	uint32_t *alias = NULL;

	s->eff = xmalloc((log->changes_nr + 1) * sizeof(*s->eff));
	if (s->o->follow_renames) {
		alias = xmalloc((log->paths_nr + 1) * sizeof(*alias));
		for (size_t p = 0; p < log->paths_nr; p++)
			alias[p] = (uint32_t)p;
	}
	for (size_t i = 0; i < log->nr; i++) {
		const struct hlog_commit *c = &log->commits[i];

		for (size_t k = 0; k < c->nr; k++) {
			const struct hlog_change *ch =
				&log->changes[c->change + k];
			size_t at = c->change + k;
			uint32_t p = alias ? alias[ch->path] : ch->path;

			s->eff[at] = HLOG_NONE;
			if (!analysed(c) ||
			    (alias && (ch->flags & HLOG_RENAMED)))
				continue;
			if (keep_path(s, p))
				s->eff[at] = p;
		}
		/* older commits know a moved file by its newer name */
		for (size_t k = 0; alias && analysed(c) && k < c->nr; k++) {
			const struct hlog_change *ch =
				&log->changes[c->change + k];

			if (ch->from != HLOG_NONE)
				alias[ch->from] = alias[ch->path];
		}
	}
	free(alias);
}

static int by_path_name(const void *a, const void *b, void *ctx)
{
	const struct hlog *log = ctx;

	return strcmp(log->paths[*(const uint32_t *)a],
		      log->paths[*(const uint32_t *)b]);
}

/* The module of a path: the scan's, a scanned neighbour's, or the rule. */
static const char *module_for(struct summary *s, const char *path,
			      struct strbuf *buf, struct module_rules *rules)
{
	const struct scan_file *f = strmap_get(&s->scanned, path);
	const char *slash = strrchr(path, '/');
	const char *m;

	if (f && f->module)
		return f->module;
	strbuf_reset(buf);
	strbuf_add(buf, path, slash ? (size_t)(slash - path) : 0);
	if ((m = strmap_get(&s->dir_module, buf->buf)))
		return m;
	module_name(buf, rules, path, NULL);
	return buf->buf;
}

static void make_entities(struct summary *s)
{
	struct history *h = s->h;
	const struct hlog *log = s->log;
	uint32_t *used = NULL;
	size_t used_nr = 0;
	struct strmap modules = STRMAP_INIT;
	const char **names = NULL;
	size_t names_nr = 0, names_alloc = 0;
	struct strbuf buf = STRBUF_INIT;
	struct module_rules rules = { 0, NULL };

	if (s->o->config) {
		rules.config = s->o->config;
		rules.depth = s->o->config->module_depth;
	}
	s->file_of = xmalloc((log->paths_nr + 1) * sizeof(*s->file_of));
	used = xmalloc((log->paths_nr + 1) * sizeof(*used));
	for (size_t p = 0; p < log->paths_nr; p++)
		s->file_of[p] = HLOG_NONE;
	for (size_t i = 0; i < log->changes_nr; i++) {
		uint32_t p = s->eff[i];

		if (p != HLOG_NONE && s->file_of[p] == HLOG_NONE) {
			s->file_of[p] = 0;
			used[used_nr++] = p;
		}
	}
	qsort_r(used, used_nr, sizeof(*used), by_path_name, (void *)log);
	h->files = xcalloc(used_nr + 1, sizeof(*h->files));
	h->files_nr = used_nr;
	s->module_of = xmalloc((used_nr + 1) * sizeof(*s->module_of));
	for (size_t f = 0; f < used_nr; f++) {
		const char *m;

		s->file_of[used[f]] = (uint32_t)f;
		h->files[f].name = log->paths[used[f]];
		m = module_for(s, h->files[f].name, &buf, &rules);
		if (strmap_get(&modules, m)) {
			m = strmap_get(&modules, m);
		} else {
			m = arena_strdup(&h->arena, m);
			strmap_put(&modules, m, (void *)m);
			ALLOC_GROW(names, names_nr + 1, names_alloc);
			names[names_nr++] = m;
		}
		h->files[f].module = m;
	}
	/* path strings live in the log: copy them to the history's arena */
	for (size_t f = 0; f < used_nr; f++)
		h->files[f].name = arena_strdup(&h->arena, h->files[f].name);
	if (names_nr)
		qsort(names, names_nr, sizeof(*names), by_string);
	h->modules = xcalloc(names_nr + 1, sizeof(*h->modules));
	h->modules_nr = names_nr;
	strmap_release(&modules);
	for (size_t m = 0; m < names_nr; m++) {
		h->modules[m].name = names[m];
		strmap_put(&modules, names[m], (void *)(m + 1));
	}
	for (size_t f = 0; f < used_nr; f++) {
		size_t m = (size_t)strmap_get(&modules, h->files[f].module);

		s->module_of[f] = (uint32_t)(m - 1);
		h->files[f].module = h->modules[m - 1].name;
	}
	free(used);
	free(names);
	strmap_release(&modules);
	strbuf_release(&buf);
}

static void group_add(uint32_t **arr, size_t *nr, size_t *alloc, uint32_t v)
{
	ALLOC_GROW(*arr, *nr + 1, *alloc);
	(*arr)[(*nr)++] = v;
}

/* The change a commit belongs to for coupling. */
static struct group *group_of(struct summary *s, size_t i,
			      const char **messages, regex_t *re,
			      uint32_t author)
{
	const struct hlog_commit *c = &s->log->commits[i];
	struct strbuf key = STRBUF_INIT;
	struct group *g;
	size_t k = 0;
	char hex[41];

	for (int b = 0; b < 20; b++)
		snprintf(hex + 2 * b, 3, "%02x", c->id[b]);
	if (s->o->group_by == HISTORY_BY_TICKET && messages && messages[i]) {
		regmatch_t m;

		if (!regexec(re, messages[i], 1, &m, 0) && m.rm_eo > m.rm_so)
			strbuf_addf(&key, "ticket %.*s",
				    (int)(m.rm_eo - m.rm_so),
				    messages[i] + m.rm_so);
	} else if (s->o->group_by == HISTORY_BY_DAY) {
		int64_t local = c->time + (int64_t)c->tz * 60;
		int64_t day = local >= 0 ? local / 86400
					 : -((-local + 86399) / 86400);

		strbuf_addf(&key, "%s on day %lld", s->h->authors[author].name,
			    (long long)day);
	}
	if (key.len)
		k = (size_t)strmap_get(&s->group_index, key.buf);
	if (!k) {
		ALLOC_GROW(s->groups, s->groups_nr + 1, s->groups_alloc);
		g = &s->groups[s->groups_nr++];
		memset(g, 0, sizeof(*g));
		g->name = arena_strdup(&s->keys, key.len ? key.buf : hex);
		if (key.len)
			strmap_put(&s->group_index, g->name,
				   (void *)s->groups_nr);
		k = s->groups_nr;
	}
	strbuf_release(&key);
	g = &s->groups[k - 1];
	if (!g->seen || c->commit_time > g->time)
		g->time = c->commit_time;
	g->seen = 1;
	return g;
}

static int by_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static size_t unique(uint32_t *v, size_t nr)
{
	size_t n = 0;

	if (nr)
		qsort(v, nr, sizeof(*v), by_u32);
	for (size_t i = 0; i < nr; i++)
		if (!n || v[n - 1] != v[i])
			v[n++] = v[i];
	return n;
}

/* A change with more files than the limit: listed, newest first. */
static void add_large(struct summary *s, const char *name, size_t files,
		      int64_t time)
{
	struct history *h = s->h;
	size_t alloc = s->large_alloc;

	ALLOC_GROW(h->large, h->large_nr + 1, s->large_alloc);
	if (s->large_alloc != alloc)
		s->large_time = xreallocarray(s->large_time, s->large_alloc,
					      sizeof(*s->large_time));
	h->large[h->large_nr].id = arena_strdup(&h->arena, name);
	h->large[h->large_nr].files = files;
	s->large_time[h->large_nr++] = time;
}

/* Counts one change's distinct files and modules for coupling. */
static void couple_group(struct summary *s, struct group *gr)
{
	gr->files_nr = unique(gr->files, gr->files_nr);
	gr->modules_nr = unique(gr->modules, gr->modules_nr);
	hcouple_add(&s->st->coupling[0], gr->files, gr->files_nr, gr->files_nr,
		    (size_t)s->o->max_changeset);
	hcouple_add(&s->st->coupling[1], gr->modules, gr->modules_nr,
		    gr->files_nr, (size_t)s->o->max_changeset);
	if (gr->files_nr > (size_t)s->o->max_changeset)
		add_large(s, gr->name, gr->files_nr, gr->time);
}

static void couple(struct summary *s)
{
	struct history *h = s->h;

	for (size_t g = 0; g < s->groups_nr; g++)
		couple_group(s, &s->groups[g]);
	hstate_sort_large(h, s->large_time);
	s->st->large_time = s->large_time;
	s->st->large_nr = h->large_nr;
	s->large_time = NULL;
	hcouple_finish(&h->file_coupling, &s->st->coupling[0], s->o->min_revs,
		       s->o->min_shared, s->o->min_coupling);
	hcouple_finish(&h->module_coupling, &s->st->coupling[1], s->o->min_revs,
		       s->o->min_shared, s->o->min_coupling);
}

void history_add_scan_figures(struct history *h, const struct scan *scan)
{
	struct strmap modules = STRMAP_INIT, scanned = STRMAP_INIT;

	for (size_t i = 0; scan && i < scan->nr; i++)
		strmap_put(&scanned, scan->files[i].path, &scan->files[i]);
	for (size_t f = 0; f < h->files_nr; f++) {
		struct history_entity *e = &h->files[f];
		const struct scan_file *sf = strmap_get(&scanned, e->name);

		if (!sf)
			continue;
		e->exists = 1;
		if (sf->status == FILE_COUNTED) {
			e->code = sf->counts.code;
			e->complexity = sf->counts.complexity;
		}
		e->hotspot = e->revisions * e->complexity;
		e->hotspot_loc = e->revisions * e->code;
	}
	for (size_t m = 0; scan && m < scan->modules_nr; m++)
		strmap_put(&modules, scan->modules[m].name, &scan->modules[m]);
	for (size_t m = 0; m < h->modules_nr; m++) {
		struct history_entity *e = &h->modules[m];
		const struct scan_group *g = strmap_get(&modules, e->name);

		if (!g)
			continue;
		e->exists = 1;
		e->code = g->counts.code;
		e->complexity = g->counts.complexity;
		e->hotspot = e->revisions * e->complexity;
		e->hotspot_loc = e->revisions * e->code;
	}
	strmap_release(&modules);
	strmap_release(&scanned);
}

static int by_commits(const void *x, const void *y, void *ctx)
{
	const struct history_author *a = ctx;
	uint32_t i = *(const uint32_t *)x, j = *(const uint32_t *)y;

	if (a[i].commits != a[j].commits)
		return a[i].commits > a[j].commits ? -1 : 1;
	return strcmp(a[i].name, a[j].name);
}

void history_sort_authors(struct history *h, uint32_t *person_author_copy,
			  size_t people_nr)
{
	uint32_t *order = xmalloc((h->authors_nr + 1) * sizeof(*order));
	uint32_t *rank = xmalloc((h->authors_nr + 1) * sizeof(*rank));
	struct history_author *sorted =
		xmalloc((h->authors_nr + 1) * sizeof(*sorted));

	if (!h->authors_nr) {
		for (size_t i = 0; i < people_nr; i++)
			person_author_copy[i] = HLOG_NONE;
		goto done;
	}
	for (size_t i = 0; i < h->authors_nr; i++)
		order[i] = (uint32_t)i;
	qsort_r(order, h->authors_nr, sizeof(*order), by_commits, h->authors);
	for (size_t i = 0; i < h->authors_nr; i++) {
		rank[order[i]] = (uint32_t)i;
		sorted[i] = h->authors[order[i]];
	}
	memcpy(h->authors, sorted, h->authors_nr * sizeof(*sorted));
	/* people who only merged have no commits here: drop them */
	while (h->authors_nr && !h->authors[h->authors_nr - 1].commits)
		h->authors_nr--;
	for (size_t i = 0; i < people_nr; i++)
		if (person_author_copy[i] != HLOG_NONE) {
			uint32_t r = rank[person_author_copy[i]];

			person_author_copy[i] = r < h->authors_nr ? r
								  : HLOG_NONE;
		}
	for (int level = 0; level < 2; level++) {
		struct history_entity *e = level ? h->modules : h->files;
		size_t nr = level ? h->modules_nr : h->files_nr;

		for (size_t i = 0; i < nr; i++) {
			for (size_t k = 0; k < e[i].authors_nr; k++)
				e[i].authors[k].who = rank[e[i].authors[k].who];
			/* ties go by the authors' final order */
			if (e[i].authors_nr > 1)
				qsort(e[i].authors, e[i].authors_nr,
				      sizeof(*e[i].authors), by_share);
			/* (and teams' shares sorted too: joined ones are not) */
			if (e[i].teams_nr > 1)
				qsort(e[i].teams, e[i].teams_nr,
				      sizeof(*e[i].teams), by_share);
		}
	}
done:
	free(order);
	free(rank);
	free(sorted);
}

static void count_commit(struct summary *s, size_t i, uint32_t author,
			 struct tally_map *tallies, struct group *g,
			 uint32_t *module_seen)
{
	struct history *h = s->h;
	const struct hlog_commit *c = &s->log->commits[i];
	int team = h->authors[author].team;
	struct history_author *a = &h->authors[author];

	h->analysed++;
	a->commits++;
	if (!a->first || c->time < a->first)
		a->first = c->time;
	if (c->time > a->last)
		a->last = c->time;
	if (team >= 0)
		h->teams[team].commits++;
	if (!h->first || c->time < h->first)
		h->first = c->time;
	if (c->time > h->last)
		h->last = c->time;
	for (size_t k = 0; k < c->nr; k++) {
		const struct hlog_change *ch = &s->log->changes[c->change + k];
		uint32_t p = s->eff[c->change + k], f, m;
		uint32_t added = ch->added, deleted = ch->deleted;
		struct history_entity *e;

		h->changes++;
		h->added += ch->added;
		h->deleted += ch->deleted;
		h->binary += !!(ch->flags & HLOG_BINARY);
		h->missing += !!(ch->flags & HLOG_MISSING);
		a->added += ch->added;
		a->deleted += ch->deleted;
		if (p == HLOG_NONE) {
			h->filtered += !(s->o->follow_renames &&
					 (ch->flags & HLOG_RENAMED));
			continue;
		}
		if (s->o->follow_renames && ch->from != HLOG_NONE) {
			added = ch->rename_added;
			deleted = ch->rename_deleted;
		}
		f = s->file_of[p];
		m = s->module_of[f];
		for (int level = 0; level < 2; level++) {
			uint32_t x = level ? m : f;

			e = level ? &h->modules[x] : &h->files[x];
			if (level == 0 || module_seen[m] != i + 1) {
				e->revisions++;
				if (!e->first || c->time < e->first)
					e->first = c->time;
				if (c->time > e->last)
					e->last = c->time;
			}
			e->added += added;
			e->deleted += deleted;
			e->binary += !!(ch->flags & HLOG_BINARY);
			tally_count(&tallies[2 * level], x, author, i, added,
				    deleted);
			if (team >= 0)
				tally_count(&tallies[2 * level + 1], x,
					    (uint32_t)team, i, added, deleted);
		}
		module_seen[m] = (uint32_t)(i + 1);
		group_add(&g->files, &g->files_nr, &g->files_alloc, f);
		group_add(&g->modules, &g->modules_nr, &g->modules_alloc, m);
	}
}

/* What keep_name() and module_for() read: the scan, the rules. */
static void summary_init(struct summary *s, const struct scan *scan,
			 const struct history_options *o)
{
	s->scan = scan;
	s->o = o;
	s->excludes.user = o->exclude;
	if (o->config && o->config->path) {
		s->excludes.config = &o->config->exclude;
		s->excludes.config_path = o->config->path;
	}
	for (size_t i = 0; scan && i < scan->nr; i++) {
		const struct scan_file *f = &scan->files[i];
		struct strbuf dir = STRBUF_INIT;
		const char *slash = strrchr(f->path, '/');

		strmap_put(&s->scanned, f->path, (void *)f);
		if (!f->module)
			continue;
		strbuf_add(&dir, f->path,
			   slash ? (size_t)(slash - f->path) : 0);
		if (!strmap_get(&s->dir_module, dir.buf))
			strmap_put(&s->dir_module,
				   arena_strdup(&s->keys, dir.buf),
				   (void *)f->module);
		strbuf_release(&dir);
	}
}

int history_check_paths(const struct history *h, const struct hstate *st,
			const struct scan *scan,
			const struct history_options *o, const char **why)
{
	struct summary s = { 0 };
	struct strbuf buf = STRBUF_INIT;
	struct module_rules rules = { 0, NULL };
	int ret = 0;

	if (o->config) {
		rules.config = o->config;
		rules.depth = o->config->module_depth;
	}
	summary_init(&s, scan, o);
	for (size_t f = 0; f < h->files_nr && !ret; f++) {
		const char *name = h->files[f].name;

		if (!keep_name(&s, name)) {
			*why = "a summed-up path is left out now";
			ret = 1;
		} else if (strcmp(module_for(&s, name, &buf, &rules),
				  h->files[f].module ? h->files[f].module
						     : "")) {
			*why = "a summed-up path is in another module now";
			ret = 1;
		}
	}
	for (size_t i = 0; i < st->left_out_nr && !ret; i++)
		if (keep_name(&s, st->left_out[i])) {
			*why = "a path left out is counted now";
			ret = 1;
		}
	strbuf_release(&buf);
	strmap_release(&s.scanned);
	strmap_release(&s.dir_module);
	arena_release(&s.keys);
	return ret;
}

int history_summarise(struct history *h, const struct hlog *log,
		      const uint32_t *person_author, const struct scan *scan,
		      const struct history_options *o, const char **messages,
		      struct hstate *st)
{
	struct summary s = { 0 };
	struct tally_map tallies[4] = { 0 };
	uint32_t *module_seen, *authors_of;
	regex_t re;
	char hex[41];
	int have_re = 0, ret = 0;

	s.h = h;
	s.st = st;
	s.log = log;
	if (o->group_by == HISTORY_BY_TICKET) {
		int err = regcomp(&re, o->ticket_regex, REG_EXTENDED);

		if (err) {
			char msg[128];

			regerror(err, &re, msg, sizeof(msg));
			return error("--group-by ticket:'%s': %s",
				     o->ticket_regex, msg);
		}
		have_re = 1;
	}
	summary_init(&s, scan, o);
	s.keep = xcalloc(log->paths_nr + 1, 1);
	resolve_paths(&s);
	left_out(&s);
	make_entities(&s);
	module_seen = xcalloc(h->modules_nr + 1, sizeof(*module_seen));
	authors_of = xmalloc((log->people_nr + 1) * sizeof(*authors_of));
	memcpy(authors_of, person_author, log->people_nr * sizeof(*authors_of));
	for (size_t i = 0; i < log->nr; i++) {
		const struct hlog_commit *c = &log->commits[i];
		uint32_t author = authors_of[c->author];

		if (c->flags & HLOG_MERGE)
			h->merges++;
		if (!analysed(c))
			continue;
		if (o->group_by != HISTORY_BY_COMMIT) {
			count_commit(&s, i, author, tallies,
				     group_of(&s, i, messages, &re, author),
				     module_seen);
			continue;
		}
		/* one commit, one change: counted for coupling at once */
		for (int b = 0; b < 20; b++)
			snprintf(hex + 2 * b, 3, "%02x", c->id[b]);
		s.one.name = hex;
		s.one.time = c->commit_time;
		s.one.files_nr = s.one.modules_nr = 0;
		count_commit(&s, i, author, tallies, &s.one, module_seen);
		couple_group(&s, &s.one);
	}
	/* distinct files per module */
	for (size_t f = 0; f < h->files_nr; f++)
		h->modules[s.module_of[f]].files++;
	for (size_t a = 0; a < h->authors_nr; a++)
		if (h->authors[a].team >= 0) {
			struct history_team *t = &h->teams[h->authors[a].team];

			t->authors += h->authors[a].commits > 0;
			t->added += h->authors[a].added;
			t->deleted += h->authors[a].deleted;
		}
	tally_assign(&tallies[0], h->files, h->files_nr, 0);
	tally_assign(&tallies[1], h->files, h->files_nr, 1);
	tally_assign(&tallies[2], h->modules, h->modules_nr, 0);
	tally_assign(&tallies[3], h->modules, h->modules_nr, 1);
	couple(&s);
	history_sort_authors(h, authors_of, log->people_nr);
	hstate_from_log(st, log, authors_of);

	for (int i = 0; i < 4; i++)
		tally_release(&tallies[i]);
	for (size_t g = 0; g < s.groups_nr; g++) {
		free(s.groups[g].files);
		free(s.groups[g].modules);
	}
	free(s.groups);
	free(s.one.files);
	free(s.one.modules);
	free(s.large_time);
	free(module_seen);
	free(authors_of);
	free(s.eff);
	free(s.keep);
	free(s.file_of);
	free(s.module_of);
	strmap_release(&s.scanned);
	strmap_release(&s.dir_module);
	strmap_release(&s.group_index);
	arena_release(&s.keys);
	if (have_re)
		regfree(&re);
	return ret;
}

static int by_hotspot(const void *x, const void *y, void *ctx)
{
	const struct history_entity *e = ctx;
	const struct history_entity *a = &e[*(const size_t *)x];
	const struct history_entity *b = &e[*(const size_t *)y];

	if (a->hotspot != b->hotspot)
		return a->hotspot > b->hotspot ? -1 : 1;
	if (a->hotspot_loc != b->hotspot_loc)
		return a->hotspot_loc > b->hotspot_loc ? -1 : 1;
	return strcmp(a->name, b->name);
}

size_t *history_hotspots(const struct history_entity *e, size_t nr,
			 size_t *out_nr)
{
	size_t *order = xmalloc((nr + 1) * sizeof(*order));
	size_t n = 0;

	for (size_t i = 0; i < nr; i++)
		if (e[i].exists && e[i].revisions && e[i].hotspot_loc)
			order[n++] = i;
	qsort_r(order, n, sizeof(*order), by_hotspot, (void *)e);
	*out_nr = n;
	return order;
}
