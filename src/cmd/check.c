/*
 * carve check: the boundaries declared in carve.json (contexts, rules
 * between them, no cycles) held against the code, for CI: violations
 * with file, line and import, a baseline of known ones, GitHub Actions
 * annotations, SARIF, and the same rules exported for
 * dependency-cruiser, import-linter and tach.
 */

#include "carve/check.h"
#include "carve/check_export.h"
#include "carve/check_sarif.h"
#include "carve/check_text.h"
#include "carve/cli.h"
#include "carve/cmd.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/pipeline.h"
#include "carve/scan.h"

static const struct cli_command check_cmd = {
	"check",
	{ CLI_USAGE_INPUT },
	"Checks the repository at PATH (default '.') or a model written by\n"
	"'carve scan -f json' against the contexts and rules of carve.json;\n"
	"exits 1 when a violation is not in the baseline.\n",
};

static const char *const export_tools[] = {
	"dependency-cruiser",
	"import-linter",
	"tach",
	NULL,
};

struct check_args {
	struct common_options common;
	struct input_options input;
	const char *baseline;
	int baseline_default;
	const char *export;
	int update;
};

static int parse_args(struct check_args *a, int argc, char **argv)
{
	int ret, tool = -1;
	const struct cli_opt opts[] = {
		CLI_COMMON(&a->common,
			   "text (default), json, github (annotations) or "
			   "sarif (code scanning)",
			   "text",
			   "worker threads for the scan (default: CPUs)"),
		CLI_STRING(0, "baseline", &a->baseline, "FILE",
			   "violations listed in FILE are known: only new ones "
			   "fail; stale entries are reported",
			   NULL),
		CLI_SWITCH(0, "update-baseline", &a->update,
			   "write every current violation to the baseline file "
			   "(default carve-baseline.json)"),
		CLI_CHOICE(0, "export", &tool, "TOOL", export_tools,
			   "write the rules for dependency-cruiser, "
			   "import-linter or tach instead of checking",
			   NULL),
		CLI_HELP_ROW,
		CLI_END,
	};

	common_options_init(&a->common, "text,json,github,sarif");
	if ((ret = cli_parse_input(&a->input, &a->common, &check_cmd, opts,
				   argc, argv)))
		return ret;
	if (tool >= 0)
		a->export = export_tools[tool];
	if (a->update && !a->baseline) {
		a->baseline = "carve-baseline.json";
		a->baseline_default = 1; /* not named: no symlink followed */
	}
	return 0;
}

int cmd_check(int argc, char **argv)
{
	struct check_args a = { 0 };
	struct pipeline p;
	struct outfile out = OUTFILE_INIT;
	struct check c = CHECK_INIT;
	int ret;

	pipeline_init(&p);
	if ((ret = parse_args(&a, argc, argv))) {
		ret = cli_exit_status(ret);
		goto done;
	}
	ret = EXIT_FATAL;
	p.input = a.input;
	if (pipeline_need(&p, PIPELINE_SCAN))
		goto done;
	if (check_load(&c, &p.cfg, p.m.scan))
		goto done;
	if (!c.rules_nr && !a.export)
		warning("%s declares no rules: nothing to check",
			p.cfg.path ? p.cfg.path : "no carve.json");
	if (a.export) {
		if (outfile_open(&out, a.common.output) ||
		    check_export(out.fp, &c, a.export) || outfile_commit(&out))
			goto done;
		ret = EXIT_OK;
		goto done;
	}
	/* the statements behind each violation give its line */
	scan_load_deps(p.m.scan);
	check_run(&c);
	if (a.update) {
		if (a.baseline_default ? outfile_open_private(&out, a.baseline)
				       : outfile_open(&out, a.baseline))
			goto done;
		check_baseline_write(out.fp, &c);
		if (outfile_commit(&out))
			goto done;
		fprintf(stderr, "carve check: %zu violation%s written to %s\n",
			c.nr, c.nr == 1 ? "" : "s", a.baseline);
		ret = EXIT_OK;
		goto done;
	}
	if (a.baseline && check_baseline_read(&c, a.baseline))
		goto done;
	if (outfile_open(&out, a.common.output))
		goto done;
	if (a.common.format == FORMAT_TEXT)
		outfile_text(&out);
	if (a.common.format == FORMAT_JSON) {
		p.m.check = &c;
		model_write_json(out.fp, &p.m);
		p.m.check = NULL;
	} else if (a.common.format == FORMAT_TEXT) {
		check_print_text(out.fp, &c);
	} else if (a.common.format == FORMAT_SARIF) {
		check_print_sarif(out.fp, &c);
	} else {
		check_print_github(out.fp, &c);
	}
	if (outfile_commit(&out))
		goto done;
	ret = c.nr > c.known ? EXIT_FINDINGS : EXIT_OK;
done:
	outfile_abort(&out);
	check_release(&c);
	pipeline_release(&p);
	return ret;
}
