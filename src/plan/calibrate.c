/*
 * --calibrate: what this team has delivered, as net lines added per
 * active author-day, from the history carve already mined (lines) and a
 * walk of the commits (author-days), to set beside the porting rates.
 */
#include <git2.h>
#include <stdlib.h>
#include <string.h>

#include "carve/error.h"
#include "carve/estimate.h"
#include "carve/history.h"
#include "carve/estimate_build.h"
#include "carve/montecarlo.h"
#include "carve/scan.h"
#include "carve/splitmix.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* Distinct (author e-mail, author's calendar day) of non-merge commits. */
static int author_days(size_t *out, const char *root, const char *head)
{
	git_repository *repo = NULL;
	git_revwalk *walk = NULL;
	git_oid oid;
	uint64_t *keys = NULL;
	size_t nr = 0, alloc = 0;
	int ret = -1;

	if (git_repository_open_ext(&repo, root, 0, NULL) ||
	    git_revwalk_new(&walk, repo) || git_oid_fromstr(&oid, head) ||
	    git_revwalk_push(walk, &oid)) {
		ret = error("--calibrate: cannot walk the history of '%s'",
			    root);
		goto done;
	}
	while (!git_revwalk_next(&oid, walk)) {
		git_commit *c = NULL;
		const git_signature *a;
		int64_t day;

		if (git_commit_lookup(&c, repo, &oid))
			continue;
		a = git_commit_author(c);
		if (git_commit_parentcount(c) <= 1 && a) {
			day = (a->when.time + 60LL * a->when.offset) / 86400;
			ALLOC_GROW(keys, nr + 1, alloc);
			keys[nr++] =
				splitmix64(strhash(a->email ? a->email : "") ^
					   splitmix64((uint64_t)day));
		}
		git_commit_free(c);
	}
	if (nr > 1)
		qsort(keys, nr, sizeof(*keys), cmp_u64);
	*out = 0;
	for (size_t i = 0; i < nr; i++)
		*out += !i || keys[i] != keys[i - 1];
	ret = 0;
done:
	free(keys);
	git_revwalk_free(walk);
	git_repository_free(repo);
	return ret;
}

int estimate_calibrate(struct estimate *e, const struct scan *scan,
		       const struct history *h)
{
	struct estimate_calibration *c = &e->calibration;

	if (!h || !scan || !scan->is_git)
		return error("--calibrate needs the history of a git "
			     "repository (none for this input)");
	memset(c, 0, sizeof(*c));
	if (author_days(&c->author_days, scan->root, h->head))
		return -1;
	c->done = 1;
	c->net_lines = (long long)h->added - (long long)h->deleted;
	c->rate = c->author_days ? (double)c->net_lines / (double)c->author_days
				 : 0;
	estimate_assume(e, "calibration", "option",
			"history of %.12s: lines added - deleted in the "
			"scanned paths (comments and blanks included) over "
			"distinct (author e-mail, day) pairs with a non-merge "
			"commit",
			h->head);
	return 0;
}
