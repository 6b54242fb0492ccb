/*
 * The report's cycles between modules (carve graph's analysis): the
 * modules of each and the lightest dependencies whose removal breaks it.
 */
#include <stdio.h>

#include "carve/graph.h"
#include "carve/report.h"
#include "carve/strbuf.h"

int report_cycles(struct report *r)
{
	const struct graph *g = r->modules;
	const char *hdr[] = { "#", "modules", "cut to break it", "refs" };
	struct strbuf mods = STRBUF_INIT, cuts = STRBUF_INIT;
	size_t shown;

	if (!g || !g->sccs_nr) {
		report_note(r, "No cycle between modules.");
		return 0;
	}
	shown = g->sccs_nr < r->max_rows ? g->sccs_nr : r->max_rows;
	report_table_begin(r, "rllr", hdr);
	for (size_t i = 0; i < shown; i++) {
		const struct graph_scc *c = &g->sccs[i];
		char n[32], w[32];
		const char *row[] = { n, mods.buf, cuts.buf, w };

		strbuf_reset(&mods);
		strbuf_reset(&cuts);
		for (size_t j = 0; j < c->nr && j < 12; j++)
			strbuf_addf(&mods, "%s%s", j ? ", " : "",
				    g->nodes[c->nodes[j]].name);
		if (c->nr > 12)
			strbuf_addf(&mods, " and %zu more", c->nr - 12);
		for (size_t j = 0; j < c->cuts_nr && j < 8; j++) {
			const struct graph_edge *e = &g->edges[c->cuts[j]];

			strbuf_addf(&cuts, "%s%s \xe2\x86\x92 %s (%lu)",
				    j ? "; " : "", g->nodes[e->from].name,
				    g->nodes[e->to].name, e->weight);
		}
		if (c->cuts_nr > 8)
			strbuf_addf(&cuts, "; %zu more", c->cuts_nr - 8);
		snprintf(n, sizeof(n), "%zu", i + 1);
		report_num(w, c->cut_weight);
		row[1] = mods.buf;
		row[2] = cuts.buf;
		report_table_row(r, "rllr", row);
	}
	report_table_end(r, g->sccs_nr - shown, "carve graph --cycles");
	strbuf_release(&mods);
	strbuf_release(&cuts);
	return 0;
}
