/*
 * carve data -f csv: one row per table and context that uses it, with
 * the counts of each access kind, the suggested owner and whether the
 * table is shared (written by more than one context).
 */
#include <stdio.h>

#include "carve/csv.h"
#include "carve/data.h"
#include "carve/data_csv.h"

void data_print_csv(FILE *fp, const struct data_report *r)
{
	const char *hdr[] = { "table",	"context", "read",  "write",
			      "define", "drop",	   "owner", "shared" };

	for (size_t i = 0; i < 8; i++) {
		if (i)
			csv_sep(fp);
		csv_text(fp, hdr[i]);
	}
	csv_end(fp);
	for (size_t i = 0; i < r->tables_nr; i++) {
		const struct data_table *t = &r->tables[i];

		for (size_t c = 0; c < t->uses_nr; c++) {
			const unsigned long *n = t->uses[c].n;

			if (!n[DATA_READ] && !n[DATA_WRITE] &&
			    !n[DATA_DEFINE] && !n[DATA_DROP])
				continue;
			csv_text(fp, t->name);
			csv_sep(fp);
			csv_text(fp, r->contexts[c].name);
			for (int k = 0; k < DATA_KIND_NR; k++) {
				csv_sep(fp);
				csv_number(fp, n[k]);
			}
			csv_sep(fp);
			csv_text(fp, t->owner >= 0 ? r->contexts[t->owner].name
						   : "");
			csv_sep(fp);
			csv_text(fp, t->shared ? "yes" : "no");
			csv_end(fp);
		}
	}
}
