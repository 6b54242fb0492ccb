/*
 * carve data: which contexts read, write and define which database
 * tables, the suggested owner of each table, the tables written by more
 * than one context (the single-writer rule broken) and the database
 * coupling of each context and overall.
 */

#include "carve/cli.h"
#include "carve/cmd.h"
#include "carve/data.h"
#include "carve/data_csv.h"
#include "carve/data_dot.h"
#include "carve/data_text.h"
#include "carve/input.h"
#include "carve/model.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/strbuf.h"
#include "carve/pipeline.h"

static const struct cli_command data_cmd = {
	"data",
	{ CLI_USAGE_INPUT },
	"Database tables of the repository at PATH (default '.'): the files "
	"and\n"
	"contexts that read, write and define each (SQL in strings and .sql\n"
	"files, ORM models, migrations), the suggested owner of each table, "
	"the\n"
	"tables written by more than one context, and the database coupling.\n",
};

int cmd_data(int argc, char **argv)
{
	struct common_options common;
	struct pipeline p;
	struct outfile out = OUTFILE_INIT;
	struct strbuf aside = STRBUF_INIT;
	struct data_report *r;
	int ret, top = 20;
	const struct cli_opt opts[] = {
		CLI_COMMON(&common, "text (default), json, csv or dot", "text",
			   "worker threads (default: CPUs)"),
		CLI_SWITCH(0, "with-tests", &p.data_opts.with_tests,
			   "count test code among readers and writers"),
		CLI_TOP(&top, "rows per table in text output", "20"),
		CLI_HELP_ROW,
		CLI_END,
	};

	pipeline_init(&p);
	common_options_init(&common, "text,json,csv,dot");
	if ((ret = cli_parse_input(&p.input, &common, &data_cmd, opts, argc,
				   argv)))
		return cli_exit_status(ret);
	ret = EXIT_FATAL;
	p.no_history = 1;
	if (pipeline_need(&p, PIPELINE_DATA))
		goto done;
	r = p.data;
	if (p.data_opts.with_tests)
		model_assume(&p.m, "test code", "option",
			     "counted among readers and writers");
	else
		model_assume(&p.m, "test code", "default",
			     "listed, but decides no owner, writer or "
			     "coupling (tests/ folders, test_*.py, *_test.go, "
			     "*.test.js, *Test.java, *_spec.rb): %lu accesses",
			     r->test_accesses);
	pipeline_assume_static_contexts(&p);
	model_assume(&p.m, "accesses", "default",
		     "SQL in string literals (adjacent and + joined) and .sql "
		     "files: SELECT/JOIN read; INSERT, UPDATE, DELETE, MERGE, "
		     "TRUNCATE write; CREATE/ALTER TABLE define; a table name "
		     "spliced in or a placeholder is dynamic; temporary "
		     "tables, cursors and the database's catalogue are no "
		     "tables; ORM model classes and mappings define; "
		     "Model.objects queries, obj.save(), repository and xorm "
		     "calls read or write");
	model_assume(&p.m, "owner", "default",
		     "the context with most writes, then the one declaring "
		     "the ORM model, then most reads, then definitions; "
		     "shared: written by 2+ contexts; migrations "
		     "(migrations/, db/migrate/, upgrade scripts) list the "
		     "schema and what it dropped but own nothing");
	data_aside_text(&aside, r, 0);
	model_assume(&p.m, "set aside", "default",
		     "reads and writes of migrations, tests, fixtures "
		     "(fixtures/ folders) and dev seeding (seeds, "
		     "management commands populate_*, sample and demo data, "
		     "installation data) decide no owner and share no "
		     "table: %s",
		     aside.buf);
	strbuf_release(&aside);
	model_assume(&p.m, "database coupling", "default",
		     "reads and writes of a table owned by another context "
		     "/ all reads and writes (definitions not counted)");
	if (outfile_open(&out, common.output))
		goto done;
	switch (common.format) {
	case FORMAT_JSON:
		p.m.data = r;
		model_write_json(out.fp, &p.m);
		p.m.data = NULL;
		break;
	case FORMAT_CSV:
		data_print_csv(out.fp, r);
		break;
	case FORMAT_DOT:
		data_print_dot(out.fp, r);
		break;
	default:
		data_print_text(out.fp, r, &p.m, (size_t)top);
		break;
	}
	if (outfile_commit(&out))
		goto done;
	ret = EXIT_OK;
done:
	outfile_abort(&out);
	pipeline_release(&p);
	return ret;
}
