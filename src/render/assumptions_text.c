/*
 * The assumptions block every text output ends with.
 */
#include "carve/assumptions_text.h"
#include "carve/model.h"

void assumptions_print_text(FILE *fp, const struct model *m)
{
	fputs("\nassumptions:\n", fp);
	for (size_t i = 0; i < m->assumptions_nr; i++)
		fprintf(fp, "  %s: %s [%s]\n", m->assumptions[i].name,
			m->assumptions[i].value, m->assumptions[i].source);
}
