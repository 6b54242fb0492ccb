/*
 * Measuring a proposal against a clustering from a file. Files the file
 * names but the scan does not count are coverage, not an error: they are
 * listed and left out, as the MoJo tool leaves out objects missing from
 * either side; every measure is taken over the files both name.
 */
#include <string.h>

#include "carve/compare.h"
#include "carve/mojo.h"
#include "carve/partition.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

/* Renumbers labels 0..k-1 in order of first appearance; returns k. */
static size_t relabel(size_t *label, size_t n, size_t bound)
{
	size_t *map = xmalloc((bound ? bound : 1) * sizeof(*map)), k = 0;

	for (size_t i = 0; i < bound; i++)
		map[i] = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		if (map[label[i]] == SIZE_MAX)
			map[label[i]] = k++;
		label[i] = map[label[i]];
	}
	free(map);
	return k;
}

void compare_run(struct compare_result *r, const struct seams *s,
		 const struct partition *p, const char *path)
{
	struct strmap index = STRMAP_INIT, dirs = STRMAP_INIT;
	size_t n = 0, ndirs = 0, *lab[COMPARE_NR], *theirs, theirs_k;
	size_t *dir_ids = xmalloc((p->nr + 1) * sizeof(*dir_ids));
	char **dirnames = xcalloc(p->nr + 1, sizeof(*dirnames));
	char *used = xcalloc(p->clusters_nr + 1, 1);

	memset(r, 0, sizeof(*r));
	r->path = path;
	r->files = p->nr;
	r->duplicates = p->duplicates;
	for (size_t i = 0; i < p->nr; i++)
		if (!used[p->label[i]]) {
			used[p->label[i]] = 1;
			r->clusters++;
		}
	for (size_t f = 0; f < s->scan->nr; f++)
		if (s->context_of[f] >= 0)
			strmap_put(&index, s->scan->files[f].path,
				   (void *)(f + 1));
	for (int i = 0; i < COMPARE_NR; i++)
		lab[i] = xcalloc(p->nr + 1, sizeof(size_t));
	theirs = xmalloc((p->nr + 1) * sizeof(*theirs));
	r->missing = xmalloc((p->nr + 1) * sizeof(*r->missing));
	for (size_t i = 0; i < p->nr; i++) {
		size_t f = (size_t)strmap_get(&index, p->objects[i]);
		const char *obj = p->objects[i], *slash;
		size_t *d;

		if (!f) {
			r->missing[r->missing_nr++] = obj;
			continue;
		}
		lab[COMPARE_CARVE][n] = (size_t)s->context_of[f - 1];
		theirs[n] = p->label[i];
		slash = strrchr(obj, '/');
		dirnames[ndirs] = slash ? xstrndup(obj, (size_t)(slash - obj))
					: xstrdup(".");
		d = strmap_get(&dirs, dirnames[ndirs]);
		if (!d) {
			dir_ids[ndirs] = ndirs;
			d = &dir_ids[ndirs];
			strmap_put(&dirs, dirnames[ndirs], d);
			ndirs++;
		} else {
			free(dirnames[ndirs]);
			dirnames[ndirs] = NULL;
		}
		lab[COMPARE_FOLDERS][n] = *d;
		lab[COMPARE_ONE][n] = 0;
		lab[COMPARE_ALONE][n] = n;
		n++;
	}
	r->common = n;
	r->only_ours = index.nr - n;
	r->k[COMPARE_CARVE] = relabel(lab[COMPARE_CARVE], n, s->nr);
	r->k[COMPARE_FOLDERS] = relabel(lab[COMPARE_FOLDERS], n, ndirs);
	r->k[COMPARE_ONE] = n ? 1 : 0;
	r->k[COMPARE_ALONE] = n;
	theirs_k = relabel(theirs, n, p->clusters_nr);
	r->max_mno = mojo_max_mno(theirs, theirs_k, n);
	for (int i = 0; i < COMPARE_NR; i++) {
		int approx = 0;

		r->mno[i] = mojo_mno(lab[i], r->k[i], theirs, theirs_k, n);
		r->fm[i] = mojo_fm(lab[i], r->k[i], theirs, theirs_k, n);
		r->a2a[i] =
			mojo_a2a(lab[i], r->k[i], theirs, theirs_k, n, &approx);
		r->ari[i] = mojo_ari(lab[i], r->k[i], theirs, theirs_k, n);
		r->approximate |= approx;
		free(lab[i]);
	}
	for (size_t i = 0; i < ndirs; i++)
		free(dirnames[i]);
	free(dirnames);
	free(dir_ids);
	free(theirs);
	free(used);
	strmap_release(&dirs);
	strmap_release(&index);
}

void compare_release(struct compare_result *r)
{
	if (!r)
		return;
	free(r->missing);
	memset(r, 0, sizeof(*r));
}
