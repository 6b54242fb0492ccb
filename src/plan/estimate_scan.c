/*
 * An estimate from a scan and its contexts (proposed by carve seams or
 * declared in carve.json): each counted file's code lines at the rate of
 * its language pair, weighted by its branch density, and the interfaces
 * each context's seam exposes.
 */
#include <string.h>

#include "carve/estimate.h"
#include "carve/estimate_build.h"
#include "carve/language.h"
#include "carve/rates.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/role.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Distinct modules (or symbols) of x used from other contexts. */
static size_t interfaces_of(const struct seams *s, size_t ctx,
			    const struct strmap *by_path)
{
	const char **names = NULL;
	size_t nr = 0, alloc = 0, distinct = 0;

	for (size_t i = 0; i < s->crossings_nr; i++) {
		const struct seams_crossing *c = &s->crossings[i];

		if (c->to != ctx)
			continue;
		if (c->symbols_nr) {
			for (size_t j = 0; j < c->symbols_nr; j++) {
				ALLOC_GROW(names, nr + 1, alloc);
				names[nr++] = c->symbols[j].path;
			}
			continue;
		}
		for (size_t j = 0; j < c->targets_nr; j++) {
			const struct scan_file *f =
				strmap_get(by_path, c->targets[j].path);

			ALLOC_GROW(names, nr + 1, alloc);
			names[nr++] = f && f->module ? f->module
						     : c->targets[j].path;
		}
	}
	if (nr > 1)
		qsort(names, nr, sizeof(*names), cmp_str);
	for (size_t i = 0; i < nr; i++)
		distinct += !i || strcmp(names[i], names[i - 1]);
	free(names);
	return distinct;
}

static int programming(const struct language *lang)
{
	return lang && (lang->flags & LANG_PROGRAMMING);
}

/*
 * Rewritten in the target language: general-purpose code. Build and
 * database scripts move as they are, like data and markup.
 */
int estimate_rewritten(const struct language *lang)
{
	static const char *const stays[] = { "Shell",	 "Bash",  "Zsh", "SQL",
					     "Makefile", "CMake", "Awk", NULL };

	if (!programming(lang))
		return 0;
	for (int i = 0; stays[i]; i++)
		if (!strcmp(lang->name, stays[i]))
			return 0;
	return 1;
}

int estimate_build(struct estimate **out, const struct scan *scan,
		   const struct seams *s, const struct estimate_options *o)
{
	struct estimate_build b;
	struct strmap by_path = STRMAP_INIT;
	double code = 0, branches = 0;
	int ret;

	if ((ret = estimate_build_begin(&b, o)))
		goto done;
	for (size_t f = 0; f < scan->nr; f++)
		strmap_put(&by_path, scan->files[f].path,
			   (void *)&scan->files[f]);
	/* the reference density: the code-weighted mean of what is moved */
	for (size_t c = 0; c < s->nr; c++)
		for (size_t i = 0; i < s->contexts[c].files_nr; i++) {
			const struct scan_file *f =
				&scan->files[s->contexts[c].files[i]];

			if (programming(f->lang)) {
				code += (double)f->counts.code;
				branches += (double)f->counts.complexity;
			}
		}
	b.e->density = code > 0 ? branches / code : 0;
	for (size_t c = 0; c < s->nr; c++) {
		const struct seams_context *sc = &s->contexts[c];
		struct estimate_context *x =
			estimate_build_context(&b, sc->name);
		double weighted = 0;

		x->kernel = sc->kernel;
		/* the kernel becomes a library, unlinked files and the
		 * platform group (docs, CI, build) no service */
		x->service = !sc->kernel && !sc->unlinked &&
			     sc->role != ROLE_PLATFORM;
		for (size_t i = 0; i < sc->files_nr; i++) {
			const struct scan_file *f = &scan->files[sc->files[i]];
			char key[64];
			int prog = programming(f->lang);
			double cx = 1;

			/* docs, configuration, translations, fixtures,
			 * assets and data do not move as code: no cost */
			if (!f->counts.code || ROLE_NOT_CODE(file_role(f->path)))
				continue;
			if (prog)
				cx = estimate_complexity_factor(
					(double)f->counts.complexity /
						(double)f->counts.code,
					b.e->density);
			weighted += cx * (double)f->counts.code;
			estimate_build_work(
				&b, x,
				f->lang ? rates_lang_key(key, sizeof(key),
							 f->lang->name)
					: "unknown",
				estimate_rewritten(f->lang), f->counts.code,
				file_role(f->path) == ROLE_TEST, cx);
		}
		x->complexity = x->code ? weighted / (double)x->code : 1;
		/* tests alone move with the code they test; nothing to
		 * move is no service either */
		if (!x->code || x->tests == x->code)
			x->service = 0;
		x->interfaces = interfaces_of(s, c, &by_path);
	}
	ret = estimate_build_finish(&b, out);
done:
	strmap_release(&by_path);
	estimate_build_release(&b);
	return ret;
}
