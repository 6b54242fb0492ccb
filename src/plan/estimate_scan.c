/*
 * An estimate from a scan and its contexts (proposed by carve seams or
 * declared in carve.json): each counted file's code lines at the rate of
 * its language pair, weighted by its branch density, and the interfaces
 * each context's seam exposes.
 */
#include <string.h>

#include "carve/config.h"
#include "carve/data_analysis.h"
#include "carve/error.h"
#include "carve/estimate.h"
#include "carve/estimate_build.h"
#include "carve/glob.h"
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

/* "legacy" or "new" of carve.json (config.c checked them), borrowed. */
static int read_globs(struct glob_list *out, const struct config *cfg,
		      int fresh)
{
	const struct glob_list *g;

	if (!cfg)
		return 0;
	g = fresh ? &cfg->new_paths : &cfg->legacy;
	for (int i = 0; i < g->nr; i++)
		glob_list_add(out, g->patterns[i]);
	return 0;
}

/*
 * Code without logic: at least DATA_TABLE_LINES code lines and under one
 * branch point per DATA_TABLE_LINES of them (a table of airports written
 * in Python). It moves as data, as carve seams ranks it.
 */
#define DATA_TABLE_LINES 1000

static int data_table(const struct scan_file *f)
{
	return f->counts.code >= DATA_TABLE_LINES &&
	       (unsigned long)f->counts.complexity * DATA_TABLE_LINES <
		       f->counts.code;
}

/*
 * The role a file is priced as, or -1 when it does not move as work:
 * already in "new", outside "legacy", or a role that costs nothing
 * unless carve.json "estimate"."price" names it.
 */
static int priced_role(struct estimate_build *b, const struct scan_file *f,
		       const struct glob_list *legacy,
		       const struct glob_list *fresh)
{
	enum file_role r = file_role(f->path);

	if (fresh->nr && glob_list_match(fresh, f->path)) {
		b->left_new += f->counts.code;
		return -1;
	}
	if (legacy->nr && !glob_list_match(legacy, f->path)) {
		b->left_legacy += f->counts.code;
		return -1;
	}
	if ((r == ROLE_CODE || r == ROLE_MIGRATION) && programming(f->lang) &&
	    data_table(f)) {
		if (b->priced_roles & (1u << ROLE_DATA))
			return ROLE_DATA;
		b->left_data += f->counts.code;
		return -1;
	}
	if (ROLE_NOT_CODE(r) && !(b->priced_roles & (1u << r))) {
		b->left_role[r] += f->counts.code;
		return -1;
	}
	return (int)r;
}

/* Lines left for their role or as data tables, so far. */
static unsigned long left_other(const struct estimate_build *b)
{
	unsigned long n = b->left_data;

	for (size_t r = 0; r < ROLE_NR; r++)
		n += b->left_role[r];
	return n;
}

/*
 * Why none of a context's code lines move, from the lines it left for
 * each reason (the largest wins), or NULL when it had none to leave:
 * then estimate.c reports the context as empty.
 */
static const char *why_none_moves(unsigned long fresh, unsigned long legacy,
				  unsigned long other)
{
	if (!fresh && !legacy && !other)
		return NULL;
	if (fresh >= legacy && fresh >= other)
		return estimate_whys[ESTIMATE_WHY_NEW];
	if (legacy >= other)
		return estimate_whys[ESTIMATE_WHY_LEGACY];
	return estimate_whys[ESTIMATE_WHY_ROLES];
}

/* Owned tables of each context from carve data's findings. */
static void tables_of(struct estimate_build *b, const struct data_report *d,
		      const struct seams *s)
{
	size_t total = 0;

	if (!d || d->contexts_nr != s->nr)
		return;
	for (size_t c = 0; c < b->e->nr && c < d->contexts_nr; c++) {
		struct estimate_context *x = &b->e->contexts[c];

		if (x->excluded || !x->service)
			continue;
		x->tables = 0;
		/* tables of the current schema only: a dropped one moves
		 * nowhere */
		for (size_t i = 0; i < d->contexts[c].owned_nr; i++) {
			const struct data_table *t =
				&d->tables[d->contexts[c].owned[i]];

			x->tables += !t->dropped && !t->other_schema;
		}
		total += x->tables;
	}
	b->tables_found = total;
	b->tables = 2;
}

int estimate_build(struct estimate **out, const struct scan *scan,
		   const struct seams *s, const struct estimate_options *o)
{
	struct estimate_build b;
	struct strmap by_path = STRMAP_INIT;
	struct glob_list legacy = GLOB_LIST_INIT, fresh = GLOB_LIST_INIT;
	struct data_report *own = NULL;
	const struct data_report *data = o->data;
	double code = 0, branches = 0;
	int ret;

	if ((ret = estimate_build_begin(&b, o)) ||
	    (ret = read_globs(&legacy, o->config, 0)) ||
	    (ret = read_globs(&fresh, o->config, 1)))
		goto done;
	b.legacy = legacy.nr > 0;
	b.fresh = fresh.nr > 0;
	for (size_t f = 0; f < scan->nr; f++)
		strmap_put(&by_path, scan->files[f].path,
			   (void *)&scan->files[f]);
	/* the reference density: the code-weighted mean of what is moved */
	for (size_t c = 0; c < s->nr; c++)
		for (size_t i = 0; i < s->contexts[c].files_nr; i++) {
			const struct scan_file *f =
				&scan->files[s->contexts[c].files[i]];

			if (programming(f->lang) && !data_table(f)) {
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
		unsigned long logic = 0; /* code a service would run */
		unsigned long was_new = b.left_new, was_legacy = b.left_legacy;
		unsigned long was_other = left_other(&b);

		x->kernel = sc->kernel;
		for (size_t i = 0; i < sc->files_nr; i++) {
			const struct scan_file *f = &scan->files[sc->files[i]];
			char key[64];
			int prog = programming(f->lang), role;
			double cx = 1;

			if (!f->counts.code ||
			    (role = priced_role(&b, f, &legacy, &fresh)) < 0)
				continue;
			if (prog && role != ROLE_DATA)
				cx = estimate_complexity_factor(
					(double)f->counts.complexity /
						(double)f->counts.code,
					b.e->density);
			if (prog && role == ROLE_CODE)
				logic += f->counts.code;
			weighted += cx * (double)f->counts.code;
			estimate_build_work(
				&b, x,
				f->lang ? rates_lang_key(key, sizeof(key),
							 f->lang->name)
					: "unknown",
				role != ROLE_DATA &&
					estimate_rewritten(f->lang),
				f->counts.code, role == ROLE_TEST, cx);
		}
		x->complexity = x->code ? weighted / (double)x->code : 1;
		if (!x->code)
			x->why = why_none_moves(b.left_new - was_new,
						b.left_legacy - was_legacy,
						left_other(&b) - was_other);
		/*
		 * A new service: a context with code of its own to run. Not
		 * the kernel (a library), files linked to nothing, the
		 * platform group, nor views, tests or data alone.
		 */
		x->service = !sc->kernel && !sc->unlinked &&
			     sc->role != ROLE_PLATFORM && logic > 0;
		x->interfaces = x->code ? interfaces_of(s, c, &by_path) : 0;
	}
	if (!data && !o->no_data && s->nr) {
		struct data_options dopt = { 0 };

		dopt.threads = o->threads;
		if (!data_analyse(&own, scan, s, &dopt))
			data = own;
	}
	tables_of(&b, data, s);
	ret = estimate_build_finish(&b, out);
done:
	data_report_free(own);
	glob_list_release(&legacy);
	glob_list_release(&fresh);
	strmap_release(&by_path);
	estimate_build_release(&b);
	return ret;
}
