/*
 * carve data: which contexts read, write and define which database
 * tables, the suggested owner of each table, the tables written by more
 * than one context (the single-writer rule broken) and the database
 * coupling of each context and overall.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "carve/cmd.h"
#include "carve/data.h"
#include "carve/data_analysis.h"
#include "carve/data_csv.h"
#include "carve/data_dot.h"
#include "carve/input.h"
#include "carve/model.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/table.h"

/* clang-format off */
static const char usage_text[] =
"usage: carve data [options] [PATH | MODEL.json]\n"
"\n"
"Database tables of the repository at PATH (default '.'): the files and\n"
"contexts that read, write and define each (SQL in strings and .sql\n"
"files, ORM models, migrations), the suggested owner of each table, the\n"
"tables written by more than one context, and the database coupling.\n"
"\n"
"  -o, --output FILE      write to FILE (default '-', standard output)\n"
"  -f, --format FORMAT    text (default), json, csv or dot\n"
"  -c, --config FILE      read FILE instead of carve.json at the root\n"
"  -j, --jobs N           worker threads (default: CPUs)\n"
"  -q, --quiet            no progress and no warnings on stderr\n"
"      --progress WHEN    auto (default), never or always\n"
"      --with-tests       count test code among readers and writers\n"
"      --top N            rows per table in text output (default 20)\n"
"  -h, --help             show this help\n";
/* clang-format on */

enum { OPT_TOP = 256, OPT_WITH_TESTS };

static const struct option long_options[] = {
	COMMON_LONG_OPTIONS,
	{ "top", required_argument, NULL, OPT_TOP },
	{ "with-tests", no_argument, NULL, OPT_WITH_TESTS },
	{ NULL, 0, NULL, 0 },
};

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

static void print_text(FILE *fp, const struct data_report *r,
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
	if (!r->with_tests)
		fprintf(fp,
			"%lu reads and writes from test code left out "
			"(--with-tests counts them)\n",
			r->test_accesses);
	fputs("\nshared tables (single-writer rule broken)\n", fp);
	if (!r->shared_nr)
		fputs("  none\n", fp);
	for (size_t i = 0; i < r->tables_nr; i++) {
		const struct data_table *x = &r->tables[i];

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

			if (x->refs[j].kind == DATA_WRITE && c != x->owner)
				fprintf(fp, "    %s:%u writes it\n",
					r->scan->files[x->refs[j].file].path,
					x->refs[j].line);
		}
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
	fputs("\nassumptions:\n", fp);
	for (size_t i = 0; i < m->assumptions_nr; i++)
		fprintf(fp, "  %s: %s [%s]\n", m->assumptions[i].name,
			m->assumptions[i].value, m->assumptions[i].source);
}

int cmd_data(int argc, char **argv)
{
	struct common_options common;
	struct input_options input = { 0 };
	struct config cfg = CONFIG_INIT;
	struct model m = MODEL_INIT;
	struct outfile out = OUTFILE_INIT;
	struct seams_options so;
	struct seams *s = NULL;
	struct data_report *r = NULL;
	struct data_options dopt = { 0 };
	int c, ret, top = 20;

	common_options_init(&common, "text,json,csv,dot");
	optind = 1;
	while ((c = getopt_long(argc, argv, COMMON_SHORT_OPTIONS, long_options,
				NULL)) != -1) {
		ret = common_options_parse(&common, c, optarg);
		if (ret < 0)
			return EXIT_USAGE;
		if (ret)
			continue;
		if (c == OPT_WITH_TESTS) {
			dopt.with_tests = 1;
		} else if (c == OPT_TOP) {
			if (options_int(&top, optarg, "--top", 0, 1000000))
				return EXIT_USAGE;
		} else if (c == 'h') {
			fputs(usage_text, stdout);
			return EXIT_OK;
		} else {
			fputs(usage_text, stderr);
			return EXIT_USAGE;
		}
	}
	if (input_from_args(&input, "data", argc, argv, optind, &common))
		return EXIT_USAGE;
	if (!top)
		top = 1000000;
	common_options_apply(&common);
	ret = EXIT_FATAL;
	if (input_open(&m, &cfg, &input))
		goto done;
	seams_options_init(&so);
	so.config = &cfg;
	if (seams_propose(&s, m.scan, &so))
		goto done;
	dopt.threads = common.threads;
	if (data_analyse(&r, m.scan, s, &dopt))
		goto done;
	if (dopt.with_tests)
		model_assume(&m, "test code", "option",
			     "counted among readers and writers");
	else
		model_assume(&m, "test code", "default",
			     "listed, but decides no owner, writer or "
			     "coupling (tests/ folders, test_*.py, *_test.go, "
			     "*.test.js, *Test.java, *_spec.rb): %lu accesses",
			     r->test_accesses);
	model_assume(&m, "contexts", "default",
		     "carve seams' proposal from the static graph and folders "
		     "(no history), declared carve.json contexts kept");
	model_assume(&m, "accesses", "default",
		     "SQL in string literals (adjacent and + joined) and .sql "
		     "files: SELECT/JOIN read; INSERT, UPDATE, DELETE, MERGE, "
		     "TRUNCATE write; CREATE/ALTER TABLE define; ORM model "
		     "classes define; Model.objects queries read or write");
	model_assume(&m, "owner", "default",
		     "the context with most writes, ties broken by reads, "
		     "then definitions; shared: written by 2+ contexts; "
		     "migrations (migrations/, db/migrate/) list the schema "
		     "and what it dropped but own nothing");
	model_assume(&m, "database coupling", "default",
		     "reads and writes of a table owned by another context "
		     "/ all reads and writes (definitions not counted)");
	if (outfile_open(&out, common.output))
		goto done;
	switch (common.format) {
	case FORMAT_JSON:
		m.data = r;
		model_write_json(out.fp, &m);
		m.data = NULL;
		break;
	case FORMAT_CSV:
		data_print_csv(out.fp, r);
		break;
	case FORMAT_DOT:
		data_print_dot(out.fp, r);
		break;
	default:
		print_text(out.fp, r, &m, (size_t)top);
		break;
	}
	if (outfile_commit(&out))
		goto done;
	ret = EXIT_OK;
done:
	outfile_abort(&out);
	data_report_free(r);
	seams_free(s);
	model_release(&m);
	config_release(&cfg);
	return ret;
}
