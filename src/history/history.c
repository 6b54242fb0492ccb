/*
 * history_run: read the summary, or extend the last one by the new
 * commits, or walk, mine (through the cache), resolve authors, sum up.
 * libgit2 is tuned for one pass over a long history: no SHA-1 check of
 * every object read (git does not check on read either), a small object
 * cache that holds no commits, and pack windows mapped in bounded
 * pieces, so the pack file's pages do not all count against the process.
 */
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/error.h"
#include "carve/filelist.h"
#include "carve/history.h"
#include "carve/historylog.h"
#include "carve/model.h"
#include "carve/progress.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

#define OBJECT_CACHE_BYTES (32u << 20)
#define PACK_WINDOW_BYTES (32u << 20)
#define PACK_MAPPED_BYTES (192u << 20)

void hlog_tune_libgit2(void)
{
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE,
			 (ssize_t)OBJECT_CACHE_BYTES);
	/* each commit is read once by the walk: caching them only fills
	 * the cache (33 MB of git/git's commits) */
	git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_COMMIT,
			 (size_t)0);
	git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, (size_t)PACK_WINDOW_BYTES);
	git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT,
			 (size_t)PACK_MAPPED_BYTES);
}

/* Commit messages, for grouping by ticket (NULL where unreadable). */
static const char **read_messages(git_repository *repo, const struct hlog *log,
				  struct arena *arena)
{
	const char **messages = xcalloc(log->nr + 1, sizeof(*messages));

	for (size_t i = 0; i < log->nr; i++) {
		git_commit *c;

		if (git_commit_lookup(&c, repo,
				      (const git_oid *)log->commits[i].id) <
		    0) {
			git_error_clear();
			continue;
		}
		messages[i] = arena_strdup(arena, git_commit_message(c));
		git_commit_free(c);
	}
	return messages;
}

/* What a summary leaves out: the options it was made with, where from. */
static void set_settings(struct history *h, const struct history_options *o)
{
	h->max_changeset = o->max_changeset;
	h->min_revs = o->min_revs;
	h->min_shared = o->min_shared;
	h->min_coupling = o->min_coupling;
	h->group_by = o->group_by;
	h->ticket_regex = o->ticket_regex
				  ? arena_strdup(&h->arena, o->ticket_regex)
				  : NULL;
	h->follow_renames = o->follow_renames;
}

/*
 * CARVE_TRACE_HISTORY set: one line on stderr saying where the history
 * came from, for the tests (a warm run must not walk or replay, an
 * extended summary walks and diffs only the new commits).
 */
static void trace(const char *summary, const struct hlog *log, const char *note)
{
	if (!getenv("CARVE_TRACE_HISTORY"))
		return;
	fprintf(stderr,
		"history-trace: summary %s, %zu commits walked, %zu "
		"replayed, %zu diffed%s%s\n",
		summary, log->nr, log->cached, log->mined, note ? "; " : "",
		note ? note : "");
}

/*
 * Mines a walked log (through the cache) and sums it up into h and st.
 * Returns 0 or <0 after reporting.
 */
static int summarise_log(struct history *h, struct hstate *st, struct hlog *log,
			 git_repository **repop, const struct scan *scan,
			 const struct history_options *o,
			 struct hlog_mine_options *mo, struct hcache *cache)
{
	uint32_t *person_author = NULL;
	const char **messages = NULL;
	struct arena texts = ARENA_INIT;
	git_repository *repo = *repop, *fresh = NULL;
	int ret;

	mo->gitdir = git_repository_path(repo);
	hlog_trim(log); /* the commits are all there */
	if ((ret = hlog_mine(log, mo)))
		goto done;
	if (mo->cache && log->mined)
		hcache_save(cache, log);
	/*
	 * what the summing up does not need goes before it: the cache's
	 * bytes, the log's spare room, and the walk's objects and pack
	 * windows (a fresh handle reads the few the attributes and the
	 * mailmap need)
	 */
	hcache_release(cache);
	hlog_trim(log);
	if (!filelist_repo_open(&fresh, scan->root,
				GIT_REPOSITORY_OPEN_NO_SEARCH)) {
		git_repository_free(repo);
		*repop = repo = fresh;
	}
	git_error_clear();
	numstat_apply_attributes(log, repo);
	person_author = xmalloc((log->people_nr + 1) * sizeof(*person_author));
	if ((ret = history_authors(h, repo, log, o->config, person_author)))
		goto done;
	if (o->group_by == HISTORY_BY_TICKET)
		messages = read_messages(repo, log, &texts);
	set_settings(h, o);
	if ((ret = history_summarise(h, log, person_author, scan, o, messages,
				     st)))
		goto done;
	memcpy(h->head, log->head, sizeof(h->head));
	h->shallow = log->shallow;
	h->cut = log->cut;
	h->commits = log->nr;
	h->unreadable = log->unreadable;
	h->mined = log->mined;
	h->cached = log->cached;
	h->now = log->nr ? log->commits[0].commit_time : 0;
	memcpy(st->head, log->head, sizeof(st->head));
done:
	arena_release(&texts);
	free(person_author);
	free(messages);
	return ret;
}

/*
 * Why a summary of these options cannot be extended by new commits
 * (NULL when it can): a new commit could change what an old one counts
 * for, or which commits are walked.
 */
static const char *not_extensible(const struct history_options *o,
				  git_repository *repo)
{
	if (o->rev && strstr(o->rev, ".."))
		return "a range";
	if (o->since || o->until || o->max_commits)
		return "--since, --until or --max-commits";
	if (o->group_by != HISTORY_BY_COMMIT)
		return "grouped by day or ticket";
	if (o->follow_renames)
		return "renames followed";
	if (git_repository_is_shallow(repo) == 1)
		return "a shallow clone";
	return NULL;
}

static int hex_id(unsigned char *id, const char *hex)
{
	git_oid oid;

	if (strlen(hex) != GIT_OID_HEXSZ || git_oid_fromstr(&oid, hex) < 0) {
		git_error_clear();
		return -1;
	}
	memcpy(id, oid.id, 20);
	return 0;
}

/*
 * Tries to make the summary from the last one of the same shape and
 * the commits that are new since. 0 with *out set, 1 when it cannot
 * (*why says why; the caller replays), <0 after reporting.
 */
static int extend(struct history **out, struct hstate *out_st,
		  git_repository **repop, const struct scan *scan,
		  const struct history_options *o, const char *dir,
		  const unsigned char *shape, const char **why, char *from,
		  struct hlog *log, struct hcache *cache)
{
	struct hstate old_st = { 0 }, add_st = { 0 };
	struct history *old = NULL, *add = xcalloc(1, sizeof(*add));
	struct hlog_walk_options wo = { o->rev, 0, 0, 0, NULL, 0, NULL, NULL };
	struct hlog_mine_options mo = { NULL, o->threads, o->max_blob_size,
					o->follow_renames, cache };
	unsigned char reach[20];
	int reached = 0, ret = 1;

	if ((*why = not_extensible(o, *repop)))
		goto done;
	*why = "no earlier summary of these options";
	if (hstate_load(&old_st, dir, shape) ||
	    hsummary_load(&old, dir, old_st.key))
		goto done;
	*why = "the state does not fit its summary";
	if (strcmp(old->head, old_st.head) || hex_id(reach, old_st.head))
		goto done;
	memcpy(from, old_st.head, 41);
	/* the scan may have changed (a file added): the old sums must be
	 * what they would be against this one */
	if (history_check_paths(old, &old_st, scan, o, why))
		goto done;
	wo.known = old_st.ids;
	wo.known_nr = old_st.ids_nr;
	wo.reach = reach;
	wo.reached = &reached;
	if ((ret = hlog_walk(log, *repop, &wo)))
		goto done;
	ret = 1;
	*why = "the summarised HEAD is not in the history";
	if (!reached)
		goto done;
	hcache_load(cache, dir, o->max_blob_size);
	if ((ret = summarise_log(add, &add_st, log, repop, scan, o, &mo,
				 cache)))
		goto done;
	ret = 1;
	*why = "a new commit cannot be read";
	if (log->unreadable || log->broken || log->cut)
		goto done;
	if (hstate_merge(out, out_st, old, &old_st, add, &add_st, *repop, o,
			 why))
		goto done;
	(*out)->mailmap = add->mailmap;
	set_settings(*out, o);
	*why = NULL;
	ret = 0;
done:
	hstate_release(&old_st);
	hstate_release(&add_st);
	history_free(old);
	history_free(add);
	return ret;
}

int history_run(struct history **out, const struct scan *scan,
		const struct history_options *o)
{
	struct history *h = xcalloc(1, sizeof(*h));
	struct hlog log = HLOG_INIT;
	struct hlog_walk_options wo = { o->rev,		o->since, o->until,
					o->max_commits, NULL,	  0,
					NULL,		NULL };
	struct hlog_mine_options mo = { NULL, o->threads, o->max_blob_size,
					o->follow_renames, NULL };
	struct hcache cache = { 0 };
	struct hstate st = { 0 };
	struct strbuf dir = STRBUF_INIT;
	git_repository *repo = NULL;
	unsigned char key[20], shape[20];
	struct progress_step *step = progress_step_start("history");
	const char *why = NULL;
	char from[41] = "";
	int ret, have_key = 0;

	*out = NULL;
	if (!scan->is_git) {
		ret = error_code(CARVE_EINVALID,
				 "'%s' is not in a git repository: history "
				 "needs one (scan and graph work without)",
				 scan->root);
		goto done;
	}
	if ((ret = filelist_repo_open(&repo, scan->root,
				      GIT_REPOSITORY_OPEN_NO_SEARCH)) ==
	    CARVE_EINVALID)
		goto done;
	if (ret) {
		ret = error_code(CARVE_EINVALID,
				 "cannot open the git repository at '%s': %s",
				 scan->root,
				 git_error_last() ? git_error_last()->message
						  : "unknown");
		goto done;
	}
	hlog_tune_libgit2();
	h->root = xstrdup(scan->root);
	h->rev = arena_strdup(&h->arena, o->rev ? o->rev : "HEAD");
	if (!o->no_cache) {
		struct history *saved = NULL;

		if (o->cache_dir)
			strbuf_addstr(&dir, o->cache_dir);
		else
			strbuf_addf(&dir, "%scarve", git_repository_path(repo));
		have_key = !hsummary_key(key, shape, repo, scan, o);
		if (have_key && !hsummary_load(&saved, dir.buf, key)) {
			saved->root = h->root;
			h->root = NULL;
			saved->rev = arena_strdup(&saved->arena, h->rev);
			strbuf_addstr(&dir, "/history.cache");
			saved->cache_path = xstrdup(dir.buf);
			set_settings(saved, o);
			history_add_scan_figures(saved, scan);
			trace("read", &log, NULL);
			*out = saved;
			ret = 0;
			goto done;
		}
	}
	if (have_key) {
		struct history *extended = NULL;

		ret = extend(&extended, &st, &repo, scan, o, dir.buf, shape,
			     &why, from, &log, &cache);
		if (ret < 0)
			goto done;
		if (!ret) {
			char note[80];

			snprintf(note, sizeof(note), "from the summary of %s",
				 from);
			extended->root = h->root;
			h->root = NULL;
			extended->rev = arena_strdup(&extended->arena,
						     o->rev ? o->rev : "HEAD");
			struct strbuf cp = STRBUF_INIT;

			strbuf_addf(&cp, "%s/history.cache", dir.buf);
			extended->cache_path = strbuf_detach(&cp, NULL);
			memcpy(st.key, key, 20);
			hsummary_save(extended, dir.buf, key);
			hstate_save(&st, dir.buf, shape);
			trace("extended", &log, note);
			history_add_scan_figures(extended, scan);
			*out = extended;
			goto done;
		}
		/* replay everything instead, and say why */
		hlog_release(&log);
		hcache_release(&cache);
		hstate_release(&st);
	}
	if ((ret = hlog_walk(&log, repo, &wo)))
		goto done;
	if (!o->no_cache) {
		hcache_load(&cache, dir.buf, o->max_blob_size);
		mo.cache = &cache;
		h->cache_path = xstrdup(cache.path);
	}
	if ((ret = summarise_log(h, &st, &log, &repo, scan, o, &mo, &cache)))
		goto done;
	/* a history with objects missing is kept (a partial clone or a
	 * snapshot without its large blobs would replay every commit on
	 * every run otherwise): the summary counts them, and the output
	 * says so each time; unreadable commits or parents are not */
	if (have_key && !log.unreadable && !log.broken) {
		hsummary_save(h, dir.buf, key);
		memcpy(st.key, key, 20);
		hstate_save(&st, dir.buf, shape);
	} else {
		have_key = 0;
	}
	trace(have_key ? "written" : "none", &log, why);
	history_add_scan_figures(h, scan);
	*out = h;
	h = NULL;
done:
	progress_step_stop(step);
	history_free(h);
	hlog_release(&log);
	hcache_release(&cache);
	hstate_release(&st);
	git_repository_free(repo);
	strbuf_release(&dir);
	return ret;
}

int input_history(struct model *m, const struct config *cfg,
		  const struct input_options *o)
{
	struct history_options ho = { 0 };

	if (m->history || !m->scan->is_git || !*m->scan->head ||
	    model_is_file(o->arg ? o->arg : "."))
		return 0;
	ho.max_changeset = HISTORY_MAX_CHANGESET;
	ho.min_revs = HISTORY_MIN_REVS;
	ho.min_shared = HISTORY_MIN_SHARED;
	ho.min_coupling = HISTORY_MIN_COUPLING;
	ho.max_blob_size = HISTORY_MAX_BLOB_SIZE;
	ho.threads = o->threads;
	ho.config = cfg;
	/* a repository without commits has no history to add */
	if (history_run(&m->history, m->scan, &ho))
		return -1;
	return 0;
}
