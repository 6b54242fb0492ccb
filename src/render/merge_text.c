/*
 * carve merge -f text: what the merged model holds.
 */

#include "carve/merge_text.h"
#include "carve/model.h"
#include "carve/scan.h"
#include "carve/symdeps.h"

void merge_print_text(FILE *fp, const struct model *m, int inputs)
{
	const struct scan *s = m->scan;
	size_t symbol = 0;

	for (size_t i = 0; i < s->edges_nr; i++)
		symbol += s->edges[i].kind == DEP_SYMBOL;
	fprintf(fp,
		"merged %d models: %zu files, %zu edges (%zu symbol "
		"edges)\n",
		inputs, s->nr, s->edges_nr, symbol);
	if (s->clang)
		fprintf(fp,
			"libclang: %zu translation units (%zu parsed, %zu "
			"cached, %zu failed, %zu crashed)%s\n",
			s->clang->units, s->clang->parsed, s->clang->cached,
			s->clang->failed, s->clang->crashed,
			s->clang->partial ? ", partial: shards missing" : "");
}
