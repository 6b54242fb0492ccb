/*
 * carve history's printers: the text summary (hotspots, coupling,
 * ownership, teams, assumptions), the CSV of files or modules, and
 * code-maat's CSV analyses.
 */
#include <string.h>
#include <time.h>

#include "carve/assumptions_text.h"
#include "carve/csv.h"
#include "carve/history.h"
#include "carve/history_text.h"
#include "carve/model.h"
#include "carve/strbuf.h"
#include "carve/table.h"
#include "carve/xmalloc.h"

void history_format_date(char *buf, size_t size, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!t || !gmtime_r(&tt, &tm)) {
		snprintf(buf, size, "-");
		return;
	}
	strftime(buf, size, "%Y-%m-%d", &tm);
}

static void thousands(struct strbuf *sb, unsigned long long n)
{
	strbuf_reset(sb);
	strbuf_add_thousands(sb, n);
}

/* an author's (or team's) share of the revisions */
static double share_of(const struct history_share *s,
		       const struct history_entity *e)
{
	return e->revisions
		       ? 100.0 * (double)s->revisions / (double)e->revisions
		       : 0;
}

/* "Ann (62%)" */
static void main_author(struct strbuf *sb, const struct history *h,
			const struct history_entity *e, int teams)
{
	const struct history_share *s = teams ? e->teams : e->authors;
	size_t nr = teams ? e->teams_nr : e->authors_nr;

	strbuf_reset(sb);
	if (!nr)
		return;
	strbuf_addf(sb, "%s (%.0f%%)",
		    teams ? h->teams[s->who].name : h->authors[s->who].name,
		    share_of(s, e));
}

static void print_hotspots(FILE *fp, const struct history *h, int modules,
			   size_t top)
{
	static const char *const headers[] = {
		NULL,	     "revisions",  "complexity", "code",
		"revs x cx", "revs x loc", "authors",	 "main author",
	};
	const struct history_entity *e = modules ? h->modules : h->files;
	size_t nr, *order = history_hotspots(
			   e, modules ? h->modules_nr : h->files_nr, &nr);
	const char *hdr[8];
	struct strbuf cell[8];
	struct table *t;

	memcpy(hdr, headers, sizeof(hdr));
	hdr[0] = modules ? "module" : "file";
	t = table_new("lrrrrrrl", hdr);
	for (int c = 0; c < 8; c++)
		strbuf_init(&cell[c], 0);
	for (size_t i = 0; i < nr && i < top; i++) {
		const struct history_entity *x = &e[order[i]];
		const char *row[8];

		strbuf_reset(&cell[0]);
		strbuf_addstr(&cell[0], x->name);
		thousands(&cell[1], x->revisions);
		thousands(&cell[2], x->complexity);
		thousands(&cell[3], x->code);
		thousands(&cell[4], x->hotspot);
		thousands(&cell[5], x->hotspot_loc);
		thousands(&cell[6], x->authors_nr);
		main_author(&cell[7], h, x, 0);
		for (int c = 0; c < 8; c++)
			row[c] = cell[c].buf;
		table_add_row(t, row);
	}
	fprintf(fp,
		"\nhotspots: %s by revisions x complexity (then x code "
		"lines)\n",
		modules ? "modules" : "files");
	if (nr)
		table_print(t, fp);
	else
		fputs("  none: no changed file of the scan has code lines\n",
		      fp);
	table_free(t);
	for (int c = 0; c < 8; c++)
		strbuf_release(&cell[c]);
	free(order);
}

static void print_coupling(FILE *fp, const struct history *h, int modules,
			   size_t top)
{
	static const char *const headers[] = {
		NULL, "coupled with", "degree", "shared", "revisions",
	};
	const struct history_coupling *c = modules ? &h->module_coupling
						   : &h->file_coupling;
	const struct history_entity *e = modules ? h->modules : h->files;
	const char *hdr[5];
	struct table *t;

	memcpy(hdr, headers, sizeof(hdr));
	hdr[0] = modules ? "module" : "file";
	t = table_new("llrrr", hdr);
	for (size_t i = 0; i < c->nr && i < top; i++) {
		const struct history_pair *p = &c->pairs[i];
		char degree[16], shared[24], revs[48];
		const char *row[5];

		snprintf(degree, sizeof(degree), "%d%%", p->degree);
		snprintf(shared, sizeof(shared), "%zu", p->shared);
		snprintf(revs, sizeof(revs), "%zu/%zu", p->revs_a, p->revs_b);
		row[0] = e[p->a].name;
		row[1] = e[p->b].name;
		row[2] = degree;
		row[3] = shared;
		row[4] = revs;
		table_add_row(t, row);
	}
	fprintf(fp,
		"\nchange coupling: %s (degree >= %d%%, shared >= %d, "
		"average revisions >= %d)\n",
		modules ? "modules" : "files", h->min_coupling, h->min_shared,
		h->min_revs);
	if (c->nr)
		table_print(t, fp);
	table_free(t);
	fprintf(fp,
		"  %zu pairs changed together in %zu changes; removed: "
		"%zu by --min-revs, %zu by --min-shared, %zu by "
		"--min-coupling; %zu kept\n",
		c->candidates, c->changesets, c->below_min_revs,
		c->below_min_shared, c->below_min_coupling, c->nr);
}

/* Entity indexes by revisions (descending), then by name. */
static int by_revisions(const void *a, const void *b, void *ctx)
{
	const struct history_entity *e = ctx;
	const struct history_entity *x = &e[*(const size_t *)a];
	const struct history_entity *y = &e[*(const size_t *)b];

	if (x->revisions != y->revisions)
		return x->revisions > y->revisions ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* By authors (descending), then revisions, then name. */
static int by_authors(const void *a, const void *b, void *ctx)
{
	const struct history_entity *e = ctx;
	const struct history_entity *x = &e[*(const size_t *)a];
	const struct history_entity *y = &e[*(const size_t *)b];

	if (x->authors_nr != y->authors_nr)
		return x->authors_nr > y->authors_nr ? -1 : 1;
	return by_revisions(a, b, ctx);
}

static void print_ownership(FILE *fp, const struct history *h, size_t top)
{
	static const char *const headers[] = {
		"module",  "revisions", "added",
		"deleted", "authors",	"main author",
		"teams",   "main team", "last change",
	};
	struct strbuf cell[9];
	struct table *t = table_new("lrrrrlrll", headers);
	size_t *order = xmalloc((h->modules_nr + 1) * sizeof(*order));
	size_t n = h->modules_nr;

	for (size_t i = 0; i < n; i++)
		order[i] = i;
	/* most changed first */
	qsort_r(order, n, sizeof(*order), by_revisions, h->modules);
	for (int c = 0; c < 9; c++)
		strbuf_init(&cell[c], 0);
	for (size_t i = 0; i < n && i < top; i++) {
		const struct history_entity *m = &h->modules[order[i]];
		const char *row[9];
		char last[16];

		strbuf_reset(&cell[0]);
		strbuf_addstr(&cell[0], m->name);
		thousands(&cell[1], m->revisions);
		thousands(&cell[2], m->added);
		thousands(&cell[3], m->deleted);
		thousands(&cell[4], m->authors_nr);
		main_author(&cell[5], h, m, 0);
		thousands(&cell[6], m->teams_nr);
		main_author(&cell[7], h, m, 1);
		history_format_date(last, sizeof(last), m->last);
		strbuf_reset(&cell[8]);
		strbuf_addstr(&cell[8], last);
		for (int c = 0; c < 9; c++)
			row[c] = cell[c].buf;
		table_add_row(t, row);
	}
	fputs("\nownership: modules by revisions\n", fp);
	table_print(t, fp);
	table_free(t);
	for (int c = 0; c < 9; c++)
		strbuf_release(&cell[c]);
	free(order);
}

/* Conway: the modules most teams change, and the team x module matrix. */
static void print_teams(FILE *fp, const struct history *h, size_t top)
{
	const char **hdr;
	char *align;
	struct table *t;
	size_t shown = 0;

	if (!h->teams_nr)
		return;
	hdr = xcalloc(h->teams_nr + 2, sizeof(*hdr));
	align = xcalloc(h->teams_nr + 3, 1);
	hdr[0] = "module";
	align[0] = 'l';
	for (size_t k = 0; k < h->teams_nr; k++) {
		hdr[k + 1] = h->teams[k].name;
		align[k + 1] = 'r';
	}
	align[h->teams_nr + 1] = 'r';
	hdr[h->teams_nr + 1] = "teams";
	t = table_new(align, hdr);
	for (size_t teams = h->teams_nr; teams > 0; teams--)
		for (size_t i = 0; i < h->modules_nr && shown < top; i++) {
			const struct history_entity *m = &h->modules[i];
			char **cells;

			if (m->teams_nr != teams)
				continue;
			cells = xcalloc(h->teams_nr + 2, sizeof(*cells));
			cells[0] = xstrdup(m->name);
			for (size_t k = 0; k < h->teams_nr; k++) {
				size_t revs = 0;

				for (size_t s = 0; s < m->teams_nr; s++)
					if (m->teams[s].who == k)
						revs = m->teams[s].revisions;
				cells[k + 1] = xmalloc(24);
				snprintf(cells[k + 1], 24, "%zu", revs);
			}
			cells[h->teams_nr + 1] = xmalloc(24);
			snprintf(cells[h->teams_nr + 1], 24, "%zu", teams);
			table_add_row(t, (const char *const *)cells);
			for (size_t k = 0; k < h->teams_nr + 2; k++)
				free(cells[k]);
			free(cells);
			shown++;
		}
	fputs("\nteams x modules: revisions per team, modules most teams "
	      "change first\n",
	      fp);
	table_print(t, fp);
	table_free(t);
	free(hdr);
	free(align);
}

void history_print_text(FILE *fp, const struct model *m, size_t top)
{
	const struct history *h = m->history;
	struct strbuf n1 = STRBUF_INIT, n2 = STRBUF_INIT, n3 = STRBUF_INIT;
	char first[16], last[16];

	history_format_date(first, sizeof(first), h->first);
	history_format_date(last, sizeof(last), h->last);
	thousands(&n1, h->commits);
	if (*h->head)
		fprintf(fp, "history of %s (%s %.12s): %s commits, %s to %s\n",
			h->root, h->rev, h->head, n1.buf, first, last);
	else
		fprintf(fp, "history of %s (no commits yet): 0 commits\n",
			h->root);
	thousands(&n1, h->analysed);
	thousands(&n2, h->merges);
	thousands(&n3, h->authors_nr);
	fprintf(fp, "analysed %s commits (%s merges left out), %s authors: ",
		n1.buf, n2.buf, n3.buf);
	thousands(&n1, h->changes);
	thousands(&n2, h->added);
	thousands(&n3, h->deleted);
	fprintf(fp, "%s file changes, +%s -%s lines (%zu binary)\n", n1.buf,
		n2.buf, n3.buf, h->binary);
	if (h->shallow || h->cut)
		fprintf(fp,
			"history is cut: %zu commit%s whose parents are "
			"not in the repository%s; older history is not "
			"counted\n",
			h->cut, h->cut == 1 ? "" : "s",
			h->shallow ? " (a shallow clone)" : "");
	if (h->missing || h->unreadable)
		fprintf(fp,
			"missing objects: %zu changes without line counts, "
			"%zu commits without a tree (a partial clone?)\n",
			h->missing, h->unreadable);
	if (h->filtered)
		fprintf(fp,
			"%zu changes of paths left out (excludes, --path, "
			"outside the scanned directory)\n",
			h->filtered);
	print_hotspots(fp, h, 0, top);
	print_hotspots(fp, h, 1, top);
	print_coupling(fp, h, 0, top);
	print_coupling(fp, h, 1, top);
	if (h->large_nr || h->merges)
		fprintf(fp,
			"  left out of coupling: %zu merges, %zu changes "
			"of more than %d files%s\n",
			h->merges, h->large_nr, h->max_changeset,
			h->large_nr ? " (listed in -f json)" : "");
	print_ownership(fp, h, top);
	print_teams(fp, h, top);
	assumptions_print_text(fp, m);
	strbuf_release(&n1);
	strbuf_release(&n2);
	strbuf_release(&n3);
}

static void csv_row_start(FILE *fp, const char *const *cols, size_t nr)
{
	for (size_t c = 0; c < nr; c++) {
		if (c)
			csv_sep(fp);
		csv_text(fp, cols[c]);
	}
	csv_end(fp);
}

void history_print_csv(FILE *fp, const struct history *h, int modules)
{
	static const char *const cols[] = {
		"name",	       "module",
		"exists",      "revisions",
		"added",       "deleted",
		"binary",      "authors",
		"main_author", "main_author_revisions",
		"first",       "last",
		"age_days",    "code",
		"complexity",  "hotspot",
		"hotspot_loc",
	};
	const struct history_entity *e = modules ? h->modules : h->files;
	size_t nr = modules ? h->modules_nr : h->files_nr;

	csv_row_start(fp, cols, sizeof(cols) / sizeof(*cols));
	for (size_t i = 0; i < nr; i++) {
		const struct history_entity *x = &e[i];
		char first[16], last[16];

		history_format_date(first, sizeof(first), x->first);
		history_format_date(last, sizeof(last), x->last);
		csv_text(fp, x->name);
		csv_sep(fp);
		csv_text(fp, modules ? x->name : x->module);
		csv_sep(fp);
		csv_number(fp, (unsigned long long)x->exists);
		csv_sep(fp);
		csv_number(fp, x->revisions);
		csv_sep(fp);
		csv_number(fp, x->added);
		csv_sep(fp);
		csv_number(fp, x->deleted);
		csv_sep(fp);
		csv_number(fp, x->binary);
		csv_sep(fp);
		csv_number(fp, x->authors_nr);
		csv_sep(fp);
		csv_text(fp, x->authors_nr ? h->authors[x->authors[0].who].name
					   : "");
		csv_sep(fp);
		csv_number(fp, x->authors_nr ? x->authors[0].revisions : 0);
		csv_sep(fp);
		csv_text(fp, first);
		csv_sep(fp);
		csv_text(fp, last);
		csv_sep(fp);
		csv_number(fp,
			   h->now > x->last
				   ? (unsigned long long)((h->now - x->last) /
							  86400)
				   : 0);
		csv_sep(fp);
		csv_number(fp, x->code);
		csv_sep(fp);
		csv_number(fp, x->complexity);
		csv_sep(fp);
		csv_number(fp, x->hotspot);
		csv_sep(fp);
		csv_number(fp, x->hotspot_loc);
		csv_end(fp);
	}
}

/* code-maat's columns (app.clj and the analyses it names). */
void history_print_code_maat(FILE *fp, const struct history *h, int modules,
			     enum history_analysis analysis)
{
	static const char *const revisions[] = { "entity", "n-revs" };
	static const char *const coupling[] = { "entity", "coupled", "degree",
						"average-revs" };
	static const char *const authors[] = { "entity", "n-authors",
					       "n-revs" };
	static const char *const ownership[] = { "entity", "author", "added",
						 "deleted" };
	const struct history_entity *e = modules ? h->modules : h->files;
	size_t nr = modules ? h->modules_nr : h->files_nr;
	size_t *order = xmalloc((nr + 1) * sizeof(*order));

	for (size_t i = 0; i < nr; i++)
		order[i] = i;
	switch (analysis) {
	case HISTORY_ANALYSIS_COUPLING: {
		const struct history_coupling *c = modules ? &h->module_coupling
							   : &h->file_coupling;

		csv_row_start(fp, coupling, 4);
		for (size_t i = 0; i < c->nr; i++) {
			const struct history_pair *p = &c->pairs[i];

			csv_text(fp, e[p->a].name);
			csv_sep(fp);
			csv_text(fp, e[p->b].name);
			csv_sep(fp);
			csv_number(fp, (unsigned long long)p->degree);
			csv_sep(fp);
			/* code-maat rounds the average up */
			csv_number(fp, (p->revs_a + p->revs_b + 1) / 2);
			csv_end(fp);
		}
		break;
	}
	case HISTORY_ANALYSIS_AUTHORS:
	case HISTORY_ANALYSIS_REVISIONS:
		/* descending by n-authors (or n-revs), then by name */
		qsort_r(order, nr, sizeof(*order),
			analysis == HISTORY_ANALYSIS_AUTHORS ? by_authors
							     : by_revisions,
			(void *)e);
		if (analysis == HISTORY_ANALYSIS_AUTHORS)
			csv_row_start(fp, authors, 3);
		else
			csv_row_start(fp, revisions, 2);
		for (size_t i = 0; i < nr; i++) {
			const struct history_entity *x = &e[order[i]];

			csv_text(fp, x->name);
			csv_sep(fp);
			if (analysis == HISTORY_ANALYSIS_AUTHORS) {
				csv_number(fp, x->authors_nr);
				csv_sep(fp);
			}
			csv_number(fp, x->revisions);
			csv_end(fp);
		}
		break;
	default:
		csv_row_start(fp, ownership, 4);
		for (size_t i = 0; i < nr; i++)
			for (size_t k = 0; k < e[i].authors_nr; k++) {
				const struct history_share *s =
					&e[i].authors[k];

				csv_text(fp, e[i].name);
				csv_sep(fp);
				csv_text(fp, h->authors[s->who].name);
				csv_sep(fp);
				csv_number(fp, s->added);
				csv_sep(fp);
				csv_number(fp, s->deleted);
				csv_end(fp);
			}
		break;
	}
	free(order);
}
