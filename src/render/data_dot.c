/*
 * carve data -f dot: contexts as boxes, each table as an ellipse inside
 * the cluster of its suggested owner, solid edges for writes and dashed
 * edges for reads; shared tables are red.
 */
#include <stdio.h>

#include "carve/data.h"
#include "carve/data_dot.h"

static void quoted(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

void data_print_dot(FILE *fp, const struct data_report *r)
{
	fputs("digraph data {\n  rankdir=LR;\n  node [fontname=Helvetica];\n",
	      fp);
	for (size_t c = 0; c < r->contexts_nr; c++) {
		fprintf(fp, "  subgraph cluster_%zu {\n    label=", c);
		quoted(fp, r->contexts[c].name);
		fputs(";\n    ", fp);
		fprintf(fp, "c%zu [shape=box, label=", c);
		quoted(fp, r->contexts[c].name);
		fputs("];\n", fp);
		for (size_t i = 0; i < r->tables_nr; i++) {
			if (r->tables[i].owner != (long)c)
				continue;
			fprintf(fp, "    t%zu [shape=ellipse%s, label=", i,
				r->tables[i].shared ? ", color=red" : "");
			quoted(fp, r->tables[i].name);
			fputs("];\n", fp);
		}
		fputs("  }\n", fp);
	}
	for (size_t i = 0; i < r->tables_nr; i++) {
		const struct data_table *t = &r->tables[i];

		if (t->owner < 0)
			continue;
		for (size_t c = 0; c < t->uses_nr; c++) {
			const unsigned long *n = t->uses[c].n;

			if (n[DATA_WRITE])
				fprintf(fp,
					"  c%zu -> t%zu [label=\"%lu\"%s];\n",
					c, i, n[DATA_WRITE],
					t->shared ? ", color=red" : "");
			if (n[DATA_READ] && t->owner != (long)c)
				fprintf(fp,
					"  c%zu -> t%zu [style=dashed, "
					"label=\"%lu\"];\n",
					c, i, n[DATA_READ]);
		}
	}
	fputs("}\n", fp);
}
