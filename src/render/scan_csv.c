/*
 * carve scan -f csv: one row per file of the scan (RFC 4180).
 */

#include "carve/csv.h"
#include "carve/language.h"
#include "carve/scan.h"
#include "carve/scan_csv.h"

void scan_print_csv(FILE *fp, const struct scan *s)
{
	static const char *const cols[] = {
		"path", "language", "module",  "status", "reason",     "size",
		"blob", "code",	    "comment", "blank",	 "complexity",
	};

	for (size_t c = 0; c < sizeof(cols) / sizeof(*cols); c++) {
		if (c)
			csv_sep(fp);
		csv_text(fp, cols[c]);
	}
	csv_end(fp);
	for (size_t i = 0; i < s->nr; i++) {
		const struct scan_file *f = &s->files[i];

		csv_text(fp, f->path);
		csv_sep(fp);
		csv_text(fp, f->lang ? f->lang->name : "");
		csv_sep(fp);
		csv_text(fp, f->module ? f->module : "");
		csv_sep(fp);
		csv_text(fp, scan_status_name(f->status));
		csv_sep(fp);
		csv_text(fp, f->reason ? f->reason : "");
		csv_sep(fp);
		csv_number(fp, f->size);
		csv_sep(fp);
		csv_text(fp, f->blob);
		csv_sep(fp);
		csv_number(fp, f->counts.code);
		csv_sep(fp);
		csv_number(fp, f->counts.comment);
		csv_sep(fp);
		csv_number(fp, f->counts.blank);
		csv_sep(fp);
		csv_number(fp, f->counts.complexity);
		csv_end(fp);
	}
}
