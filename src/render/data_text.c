/*
 * carve data's text: each table with its owner, writers and readers,
 * the tables written by more than one context, each context's database
 * coupling, and the assumptions.
 */

#include "carve/assumptions_text.h"
#include "carve/data.h"
#include "carve/data_text.h"
#include "carve/strbuf.h"
#include "carve/model.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/table.h"

static void print_names(FILE *fp, const char *what, const struct data_report *r,
			const size_t *v, size_t nr, size_t top)
{
	if (!nr)
		return;
	fprintf(fp, "    %s:", what);
	for (size_t i = 0; i < nr && i < top; i++)
		fprintf(fp, " %s", r->tables[v[i]].name);
	if (nr > top)
		fprintf(fp, " ... (%zu more)", nr - top);
	fputc('\n', fp);
}

/* "    set aside: 2 writes in migration, 3 in test" */
static void print_aside(FILE *fp, const unsigned long *aside)
{
	const char *sep = "    set aside:";

	for (int k = DATA_ASIDE_MIGRATION; k < DATA_ASIDE_NR; k++) {
		if (!aside[k])
			continue;
		fprintf(fp, "%s %lu write%s in %s code", sep, aside[k],
			aside[k] == 1 ? "" : "s", data_aside_name(k));
		sep = ",";
	}
	if (*sep == ',')
		fputc('\n', fp);
}

/*
 * ORM models found, by framework; or, when none is, what was looked for:
 * "0 tables" must not read as a database nobody uses.
 */
void data_aside_text(struct strbuf *sb, const struct data_report *r,
		     int reads)
{
	strbuf_addf(sb,
		    "writes %lu in migrations, %lu in tests, %lu in fixtures, "
		    "%lu in dev seeding",
		    r->aside_writes[DATA_ASIDE_MIGRATION],
		    r->aside_writes[DATA_ASIDE_TEST],
		    r->aside_writes[DATA_ASIDE_FIXTURE],
		    r->aside_writes[DATA_ASIDE_SEED]);
	if (reads)
		strbuf_addf(sb, "; reads %lu, %lu, %lu, %lu",
			    r->aside_reads[DATA_ASIDE_MIGRATION],
			    r->aside_reads[DATA_ASIDE_TEST],
			    r->aside_reads[DATA_ASIDE_FIXTURE],
			    r->aside_reads[DATA_ASIDE_SEED]);
}

void data_print_orm_notice(FILE *fp, const struct data_report *r)
{
	if (!r->frameworks_nr) {
		fprintf(fp,
			"notice: no ORM model recognised; looked for %s. "
			"The tables listed come from SQL text only%s\n",
			DATA_ORMS_LOOKED_FOR,
			r->tables_nr ? "" : " (there is none)");
		return;
	}
	fputs("ORM models:", fp);
	for (size_t i = 0; i < r->frameworks_nr; i++)
		fprintf(fp, "%s %s %zu", i ? "," : "", r->frameworks[i].name,
			r->frameworks[i].models);
	fputc('\n', fp);
}

void data_print_text(FILE *fp, const struct data_report *r,
		     const struct model *m, size_t top)
{
	const char *hdr[] = { "table", "owner",	 "writers",
			      "reads", "writes", "read by others" };
	struct table *t = table_new("llrrrl", hdr);
	size_t rows = 0;

	fprintf(fp,
		"data of %s: %zu tables, %zu written by more than one context; "
		"database coupling %.1f%% (%lu of %lu reads and writes touch "
		"another context's table)\n",
		r->scan->root, r->tables_nr, r->shared_nr, 100 * r->coupling,
		r->crossing, r->accesses);
	fprintf(fp,
		"%zu files read, %zu ORM models with a table, %zu abstract or "
		"proxy, %lu queries of unknown models, %lu SQL statements "
		"with a computed (dynamic) table\n",
		r->files_read, r->models, r->abstract_models,
		r->unresolved_models, r->dynamic);
	data_print_orm_notice(fp, r);
	{
		struct strbuf sb = STRBUF_INIT;

		data_aside_text(&sb, r, 1);
		fprintf(fp, "set aside (never an owner, never make a table "
			    "shared): %s", sb.buf);
		strbuf_release(&sb);
	}
	if (!r->with_tests)
		fputs(" (--with-tests counts test code)", fp);
	fputc('\n', fp);
	if (r->catalog)
		fprintf(fp,
			"%lu accesses of the database's catalogue "
			"(pg_*, information_schema, sys) left out\n",
			r->catalog);
	fputs("\nshared tables (single-writer rule broken)\n", fp);
	if (!r->shared_nr)
		fputs("  none\n", fp);
	for (size_t i = 0; i < r->tables_nr; i++) {
		const struct data_table *x = &r->tables[i];

		unsigned long aside[DATA_ASIDE_NR] = { 0 };

		if (!x->shared)
			continue;
		fprintf(fp, "  %s: suggested owner %s; written by", x->name,
			r->contexts[x->owner].name);
		for (size_t c = 0; c < x->uses_nr; c++)
			if (x->uses[c].n[DATA_WRITE])
				fprintf(fp, " %s (%lu)", r->contexts[c].name,
					x->uses[c].n[DATA_WRITE]);
		fputc('\n', fp);
		for (size_t j = 0; j < x->refs_nr; j++) {
			long c = r->seams->context_of[x->refs[j].file];

			if (x->refs[j].kind != DATA_WRITE)
				continue;
			if (x->refs[j].aside != DATA_ASIDE_NONE)
				aside[x->refs[j].aside]++;
			else if (c != x->owner)
				fprintf(fp, "    %s:%u writes it\n",
					r->scan->files[x->refs[j].file].path,
					x->refs[j].line);
		}
		print_aside(fp, aside);
	}
	fputs("\ntables\n", fp);
	for (size_t i = 0; i < r->tables_nr; i++) {
		const struct data_table *x = &r->tables[i];
		unsigned long rd = 0, wr = 0;
		char cells[3][24], others[256] = "";
		const char *row[6];
		size_t n = 0;

		if (rows++ >= top)
			continue;
		for (size_t c = 0; c < x->uses_nr; c++) {
			rd += x->uses[c].n[DATA_READ];
			wr += x->uses[c].n[DATA_WRITE];
			if ((long)c != x->owner && x->uses[c].n[DATA_READ] &&
			    n < sizeof(others))
				n += (size_t)snprintf(others + n,
						      sizeof(others) - n,
						      "%s%s", n ? ", " : "",
						      r->contexts[c].name);
		}
		snprintf(cells[0], 24, "%zu", x->writers);
		snprintf(cells[1], 24, "%lu", rd);
		snprintf(cells[2], 24, "%lu", wr);
		row[0] = x->name;
		row[1] = x->owner >= 0 ? r->contexts[x->owner].name : "-";
		row[2] = cells[0];
		row[3] = cells[1];
		row[4] = cells[2];
		row[5] = others;
		table_add_row(t, row);
	}
	table_print(t, fp);
	table_free(t);
	if (rows > top)
		fprintf(fp, "... %zu more\n", rows - top);
	fputs("\ncontexts\n", fp);
	for (size_t c = 0; c < r->contexts_nr; c++) {
		const struct data_context *x = &r->contexts[c];

		if (!x->reads && !x->writes && !x->defines && !x->owned_nr &&
		    !x->dynamic)
			continue;
		fprintf(fp,
			"  %s: database coupling %.1f%% (%lu of %lu reads and "
			"writes cross), owns %zu table%s, writes %zu shared",
			x->name, 100 * x->coupling, x->crossing,
			x->reads + x->writes, x->owned_nr,
			x->owned_nr == 1 ? "" : "s", x->shared_nr);
		if (x->dynamic)
			fprintf(fp, ", %lu dynamic SQL", x->dynamic);
		fputc('\n', fp);
		print_names(fp, "owns", r, x->owned, x->owned_nr, top);
		print_names(fp, "reads of others' tables (API calls to be)", r,
			    x->foreign_reads, x->foreign_reads_nr, top);
	}
	assumptions_print_text(fp, m);
}
