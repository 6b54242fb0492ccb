/*
 * carve estimate as CSV: one row per context, then phase 0 and the
 * total, with the likely parts and the percentiles in engineer-days.
 */
#include <stdio.h>

#include "carve/csv.h"
#include "carve/estimate.h"
#include "carve/estimate_csv.h"

static void num(FILE *fp, double v)
{
	csv_sep(fp);
	fprintf(fp, "%.1f", v);
}

static void range(FILE *fp, const struct estimate_range *r)
{
	num(fp, r->p10);
	num(fp, r->p50);
	num(fp, r->p80);
	num(fp, r->p90);
	num(fp, r->mean);
}

/* A row without the per-context columns: phase 0, the total. */
static void summary(FILE *fp, const char *name, const struct estimate_range *r,
		    const char *share)
{
	csv_text(fp, name);
	for (int i = 0; i < 8; i++)
		csv_sep(fp);
	range(fp, r);
	csv_sep(fp);
	if (share)
		csv_text(fp, share);
	csv_sep(fp);
	csv_text(fp, name);
	csv_end(fp);
}

void estimate_print_csv(FILE *fp, const struct estimate *e)
{
	static const char *const hdr[] = {
		"context",   "code",	  "tests",	"interfaces", "tables",
		"port_days", "seam_days", "fixed_days", "data_days",  "p10",
		"p50",	     "p80",	  "p90",	"mean",	      "share",
		"status",    NULL,
	};

	for (int i = 0; hdr[i]; i++) {
		if (i)
			csv_sep(fp);
		csv_text(fp, hdr[i]);
	}
	csv_end(fp);
	for (size_t c = 0; c < e->nr; c++) {
		const struct estimate_context *x = &e->contexts[c];

		csv_text(fp, x->name);
		csv_sep(fp);
		csv_number(fp, x->code);
		csv_sep(fp);
		csv_number(fp, x->tests);
		csv_sep(fp);
		csv_number(fp, x->interfaces);
		csv_sep(fp);
		csv_number(fp, x->tables);
		num(fp, x->port_days);
		num(fp, x->seam_days);
		num(fp, x->fixed_days);
		num(fp, x->data_days);
		range(fp, &x->days);
		csv_sep(fp);
		fprintf(fp, "%.4f", x->share);
		csv_sep(fp);
		csv_text(fp, x->excluded ? x->why : "estimated");
		csv_end(fp);
	}
	summary(fp, "phase 0", &e->phase0_days, NULL);
	summary(fp, "total", &e->total_days, "1.0000");
}
