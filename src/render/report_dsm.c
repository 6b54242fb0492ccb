/*
 * The report's dependency structure matrix: the picture of the proposal
 * when its contexts are too many for a drawing to stay readable. One
 * row and one column per context, in extraction order (ranked contexts
 * first, then those not ranked, largest first); a square in row i and
 * column j when context i depends on context j, darker for more
 * references, red where a cut is suggested to break a cycle. Above the
 * diagonal: a
 * context depends on one extracted after it. Squares carry no text (the
 * references are in their title), so nothing on the page is smaller
 * than the table's text, and the matrix keeps the page's width up to
 * REPORT_MAX_DSM contexts.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/html.h"
#include "carve/model.h"
#include "carve/report.h"
#include "carve/seams.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/* characters of a context's name in the matrix */
#define REPORT_DSM_NAME 32

static const struct seams *order_seams; /* qsort has no context */

/* Ranked contexts by rank, then the others by code, then by name. */
static int cmp_extraction(const void *a, const void *b)
{
	const struct seams_context *x = &order_seams->contexts[*(const size_t *)a];
	const struct seams_context *y = &order_seams->contexts[*(const size_t *)b];

	if (!x->rank != !y->rank)
		return x->rank ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->code != y->code)
		return x->code > y->code ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The shade of a square: 1 to 4 by the log of its references. */
static int shade(unsigned long refs, unsigned long most)
{
	double f;

	if (most <= 1)
		return 4;
	f = log((double)refs) / log((double)most);
	return f < 0.25 ? 1 : f < 0.5 ? 2 : f < 0.75 ? 3 : 4;
}

int report_dsm(struct report *r)
{
	const struct seams *s = r->seams;
	size_t n = s->nr, *order, *pos;
	unsigned long *refs, most = 0;
	unsigned char *cut;
	struct strbuf title = STRBUF_INIT;
	char buf[32];

	if (n > REPORT_MAX_DSM) {
		strbuf_addf(&title,
			    "%zu contexts are too many for a matrix (over %d): "
			    "the tables below list them and their seams.",
			    n, REPORT_MAX_DSM);
		report_note(r, title.buf);
		strbuf_release(&title);
		return 0;
	}
	order = xmalloc((n ? n : 1) * sizeof(*order));
	pos = xmalloc((n ? n : 1) * sizeof(*pos));
	refs = xcalloc(n ? n * n : 1, sizeof(*refs));
	cut = xcalloc(n ? n * n : 1, sizeof(*cut));
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	order_seams = s;
	qsort(order, n, sizeof(*order), cmp_extraction);
	for (size_t i = 0; i < n; i++)
		pos[order[i]] = i;
	for (size_t k = 0; k < s->crossings_nr; k++) {
		const struct seams_crossing *c = &s->crossings[k];
		unsigned long *v = &refs[pos[c->from] * n + pos[c->to]];

		*v += c->refs;
		cut[pos[c->from] * n + pos[c->to]] |= c->cut != 0;
		if (*v > most)
			most = *v;
	}
	fprintf(r->fp, "<div class=scroll><table class=dsm><thead><tr>"
		       "<th class=n>#</th><th>context</th>"
		       "<th class=n>cycle</th><th class=n>rank</th>"
		       "<th colspan=%zu>depends on "
		       "(the columns are the rows, in the same order)</th>"
		       "</tr></thead><tbody>\n",
		n);
	for (size_t i = 0; i < n; i++) {
		const struct seams_context *x = &s->contexts[order[i]];

		fprintf(r->fp, "<tr><td class=n>%zu</td><td class=lbl>", i + 1);
		report_path_max(r, x->name, REPORT_DSM_NAME);
		fputs("</td><td class=n>", r->fp);
		if (x->cycle >= 0)
			fprintf(r->fp, "%ld", x->cycle + 1);
		fputs("</td><td class=n>", r->fp);
		if (x->rank)
			fputs(report_num(buf, x->rank), r->fp);
		fputs("</td>", r->fp);
		for (size_t j = 0; j < n; j++) {
			const struct seams_context *y = &s->contexts[order[j]];
			unsigned long v = refs[i * n + j];

			if (i == j) {
				fputs("<td class=\"c d\"></td>", r->fp);
				continue;
			}
			if (!v) {
				fputs("<td class=c></td>", r->fp);
				continue;
			}
			strbuf_reset(&title);
			strbuf_addf(&title, "%s depends on %s: %s reference%s",
				    x->name, y->name, report_num(buf, v),
				    v == 1 ? "" : "s");
			if (cut[i * n + j])
				strbuf_addstr(&title, " (a cut suggested to "
						      "break a cycle)");
			fprintf(r->fp, "<td class=\"c l%d%s\" title=\"",
				shade(v, most), cut[i * n + j] ? " cut" : "");
			html_puts(r->fp, title.buf);
			fputs("\"></td>", r->fp);
		}
		fputs("</tr>\n", r->fp);
	}
	fputs("</tbody></table></div>\n", r->fp);
	strbuf_reset(&title);
	strbuf_addf(&title,
		    "%zu contexts in extraction order, too many to draw (over "
		    "%zu): row i depends on column j where a square is "
		    "filled, darker for more references (hover for the "
		    "count), red where a cut is suggested to break a cycle "
		    "(the cycle column numbers the cycle of each). A square "
		    "above "
		    "the grey diagonal is a dependency on a context "
		    "extracted later: each is a seam to cut or a reason to "
		    "change the order.",
		    n, r->max_nodes);
	report_note(r, title.buf);
	strbuf_release(&title);
	free(order);
	free(pos);
	free(refs);
	free(cut);
	return 0;
}
