/*
 * Authors and teams. Each person a commit names goes through .mailmap
 * (libgit2's: the work tree's .mailmap, mailmap.file, mailmap.blob);
 * people with the same resulting name are one author, as `git shortlog`
 * counts them, and so are two names with one email ("Jeremy Stretch"
 * and "jeremystretch"), unless that email is a shared no-reply one.
 * Who is one author depends on the people and the time of their newest
 * commits only (they are taken newest first), never on the order in
 * which the walk meets the commits.
 * carve.json "teams" (struct config) maps team names to lists of emails or
 * patterns ("*@payments.example.com"; a pattern without '@' matches the
 * author's name); the first team that matches wins.
 */
#include <ctype.h>
#include <fnmatch.h>
#include <git2.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carve/config.h"
#include "carve/error.h"
#include "carve/history.h"
#include "carve/historylog.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

/* The index of the first team of carve.json matching the author, or -1. */
static int team_of(const struct config *cfg, const char *name,
		   const char *email)
{
	for (size_t i = 0; cfg && i < cfg->teams_nr; i++) {
		const struct config_team *t = &cfg->teams[i];

		for (size_t k = 0; k < t->patterns_nr; k++) {
			const char *p = t->patterns[k];
			const char *subject = strchr(p, '@') ? email : name;

			if (!fnmatch(p, subject, FNM_CASEFOLD))
				return (int)i;
		}
	}
	return -1;
}

/*
 * The mailmap git would use when the work tree's .mailmap is no regular
 * file (git 2.32 and later refuse a symlinked one): mailmap.blob, then
 * mailmap.file, as libgit2 reads them, without the work tree's file.
 */
static int mailmap_without_worktree(git_mailmap **out, git_repository *repo)
{
	struct strbuf buf = STRBUF_INIT;
	git_config *cfg = NULL;
	git_buf value = GIT_BUF_INIT;
	git_object *blob = NULL;
	int ret;

	if (git_repository_config_snapshot(&cfg, repo) < 0) {
		git_error_clear();
		cfg = NULL;
	}
	if (cfg && !git_config_get_string_buf(&value, cfg, "mailmap.blob") &&
	    !git_revparse_single(&blob, repo, value.ptr) &&
	    git_object_type(blob) == GIT_OBJECT_BLOB) {
		strbuf_add(&buf, git_blob_rawcontent((git_blob *)blob),
			   (size_t)git_blob_rawsize((git_blob *)blob));
		strbuf_addch(&buf, '\n');
	}
	git_buf_dispose(&value);
	if (cfg && !git_config_get_path(&value, cfg, "mailmap.file")) {
		struct strbuf file = STRBUF_INIT;

		if (!strbuf_read_file(&file, value.ptr, 16 << 20))
			strbuf_add(&buf, file.buf, file.len);
		strbuf_release(&file);
	}
	git_error_clear();
	ret = git_mailmap_from_buffer(out, buf.buf, buf.len);
	git_buf_dispose(&value);
	git_object_free(blob);
	git_config_free(cfg);
	strbuf_release(&buf);
	return ret;
}

/*
 * An email several people use (GitHub's web commits, a build robot's
 * "noreply@"), or none: it identifies nobody.
 */
static int shared_email(const char *email)
{
	return !*email || !strchr(email, '@') ||
	       !strncmp(email, "noreply@", 8) ||
	       !strncmp(email, "no-reply@", 9) ||
	       !strcmp(email, "unknown@example.com");
}

static int by_person(const void *x, const void *y, void *ctx)
{
	const struct hlog_person *p = ctx;
	const struct hlog_person *a = &p[*(const uint32_t *)x];
	const struct hlog_person *b = &p[*(const uint32_t *)y];
	int cmp;

	/* newest first, as the walk meets them, but by time alone */
	if (a->latest != b->latest)
		return a->latest > b->latest ? -1 : 1;
	cmp = strcmp(a->name, b->name);
	return cmp ? cmp : strcmp(a->email, b->email);
}

int history_authors(struct history *h, git_repository *repo,
		    const struct hlog *log, const struct config *cfg,
		    uint32_t *person_author)
{
	struct strmap by_name = STRMAP_INIT, by_email = STRMAP_INIT;
	struct strbuf path = STRBUF_INIT, low = STRBUF_INIT;
	git_mailmap *mailmap = NULL;
	size_t alloc = 0;
	int not_regular = 0;
	uint32_t *order = xmalloc((log->people_nr + 1) * sizeof(*order));

	if (repo && git_repository_workdir(repo)) {
		struct stat st;

		strbuf_addf(&path, "%s.mailmap", git_repository_workdir(repo));
		if (!lstat(path.buf, &st) && !S_ISREG(st.st_mode)) {
			warning("ignoring '%s': %s, as git ignores it",
				path.buf,
				S_ISLNK(st.st_mode) ? "a symbolic link"
						    : "not a regular file");
			not_regular = 1;
		} else {
			h->mailmap = !lstat(path.buf, &st);
		}
	}
	if (repo &&
	    (not_regular ? mailmap_without_worktree(&mailmap, repo)
			 : git_mailmap_from_repository(&mailmap, repo)) < 0) {
		git_error_clear();
		mailmap = NULL;
	}
	if (cfg && cfg->teams_nr) {
		h->teams = xcalloc(cfg->teams_nr, sizeof(*h->teams));
		for (size_t i = 0; i < cfg->teams_nr; i++)
			h->teams[i].name =
				arena_strdup(&h->arena, cfg->teams[i].name);
		h->teams_nr = cfg->teams_nr;
	}
	/*
	 * people by their newest commit (then name), not in the order of
	 * the walk: who is one author, and by which name and email, depends
	 * on who is there and when, never on the order commits are met, so
	 * a summary extended by new commits resolves them as a replay does
	 */
	for (size_t i = 0; i < log->people_nr; i++)
		order[i] = (uint32_t)i;
	qsort_r(order, log->people_nr, sizeof(*order), by_person,
		(void *)log->people);
	for (size_t o = 0; o < log->people_nr; o++) {
		size_t i = order[o];
		const char *name = log->people[i].name;
		const char *email = log->people[i].email;
		const char *real_name = NULL, *real_email = NULL;
		struct history_author *a;
		size_t k;

		if (mailmap && !git_mailmap_resolve(&real_name, &real_email,
						    mailmap, name, email)) {
			name = real_name;
			email = real_email;
		}
		if (!*name)
			name = email;
		strbuf_reset(&low);
		for (const char *c = email; *c; c++)
			strbuf_addch(&low, (char)tolower((unsigned char)*c));
		k = (size_t)strmap_get(&by_name, name);
		if (!k && shared_email(low.buf))
			strbuf_reset(&low);
		if (!k && low.len)
			k = (size_t)strmap_get(&by_email, low.buf);
		if (!k) {
			ALLOC_GROW(h->authors, h->authors_nr + 1, alloc);
			a = &h->authors[h->authors_nr++];
			memset(a, 0, sizeof(*a));
			a->name = arena_strdup(&h->arena, name);
			a->email = arena_strdup(&h->arena, email);
			a->team = -1;
			k = h->authors_nr;
			strmap_put(&by_name, a->name, (void *)k);
		}
		a = &h->authors[k - 1];
		/* one person, two names: a full name beats a login */
		if (strcmp(a->name, name) && !strchr(a->name, ' ') &&
		    strchr(name, ' ')) {
			a->name = arena_strdup(&h->arena, name);
			strmap_put(&by_name, a->name, (void *)k);
		}
		if (low.len && !shared_email(low.buf) &&
		    !strmap_get(&by_email, low.buf))
			strmap_put(&by_email, arena_strdup(&h->arena, low.buf),
				   (void *)k);
		if (a->team < 0)
			a->team = team_of(cfg, name, email);
		person_author[i] = (uint32_t)(k - 1);
	}
	free(order);
	git_mailmap_free(mailmap);
	strmap_release(&by_name);
	strmap_release(&by_email);
	strbuf_release(&path);
	strbuf_release(&low);
	return 0;
}
