/*
 * carve check: the boundaries declared in carve.json (contexts, rules
 * between them, no cycles) held against the code, for CI: violations
 * with file, line and import, a baseline of known ones, GitHub Actions
 * annotations, and the same rules exported for dependency-cruiser and
 * import-linter.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "carve/check.h"
#include "carve/check_export.h"
#include "carve/cmd.h"
#include "carve/input.h"
#include "carve/model.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/* clang-format off */
static const char usage_text[] =
"usage: carve check [options] [PATH | MODEL.json]\n"
"\n"
"Checks the repository at PATH (default '.') or a model written by\n"
"'carve scan -f json' against the contexts and rules of carve.json;\n"
"exits 1 when a violation is not in the baseline.\n"
"\n"
"  -o, --output FILE      write to FILE (default '-', standard output)\n"
"  -f, --format FORMAT    text (default), json or github (annotations)\n"
"  -c, --config FILE      read FILE instead of carve.json at the root\n"
"  -j, --jobs N           worker threads for the scan (default: CPUs)\n"
"  -q, --quiet            no progress and no warnings on stderr\n"
"      --progress WHEN    auto (default), never or always\n"
"      --baseline FILE    violations listed in FILE are known: only new\n"
"                         ones fail; stale entries are reported\n"
"      --update-baseline  write every current violation to the baseline\n"
"                         file (default carve-baseline.json)\n"
"      --export TOOL      write the rules for dependency-cruiser or\n"
"                         import-linter instead of checking\n"
"  -h, --help             show this help\n";
/* clang-format on */

enum {
	OPT_BASELINE = 256,
	OPT_UPDATE_BASELINE,
	OPT_EXPORT,
};

static const struct option long_options[] = {
	COMMON_LONG_OPTIONS,
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "update-baseline", no_argument, NULL, OPT_UPDATE_BASELINE },
	{ "export", required_argument, NULL, OPT_EXPORT },
	{ NULL, 0, NULL, 0 },
};

struct check_args {
	struct common_options common;
	struct input_options input;
	const char *baseline;
	const char *export;
	int update;
};

static int parse_args(struct check_args *a, int argc, char **argv)
{
	int c, ret;

	common_options_init(&a->common, "text,json,github");
	optind = 1;
	while ((c = getopt_long(argc, argv, COMMON_SHORT_OPTIONS, long_options,
				NULL)) != -1) {
		ret = common_options_parse(&a->common, c, optarg);
		if (ret < 0)
			return EXIT_USAGE;
		if (ret)
			continue;
		switch (c) {
		case OPT_BASELINE:
			a->baseline = optarg;
			break;
		case OPT_UPDATE_BASELINE:
			a->update = 1;
			break;
		case OPT_EXPORT:
			if (strcmp(optarg, "dependency-cruiser") &&
			    strcmp(optarg, "import-linter")) {
				error("--export takes dependency-cruiser or "
				      "import-linter, not '%s'",
				      optarg);
				return EXIT_USAGE;
			}
			a->export = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		default:
			fputs(usage_text, stderr);
			return EXIT_USAGE;
		}
	}
	if (input_from_args(&a->input, "check", argc, argv, optind, &a->common))
		return EXIT_USAGE;
	if (a->update && !a->baseline)
		a->baseline = "carve-baseline.json";
	common_options_apply(&a->common);
	return -1;
}

/* GitHub Actions workflow command: %, CR and LF escaped in data. */
static void github_escape(FILE *fp, const char *s, int property)
{
	for (; *s; s++) {
		if (*s == '%')
			fputs("%25", fp);
		else if (*s == '\r')
			fputs("%0D", fp);
		else if (*s == '\n')
			fputs("%0A", fp);
		else if (property && *s == ':')
			fputs("%3A", fp);
		else if (property && *s == ',')
			fputs("%2C", fp);
		else
			fputc(*s, fp);
	}
}

static void print_github(FILE *fp, const struct check *c)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < c->nr; i++) {
		const struct check_violation *v = &c->v[i];

		if (v->known)
			continue;
		check_message(c, v, &sb);
		fputs("::error file=", fp);
		github_escape(fp, c->scan->files[v->from].path, 1);
		if (v->line)
			fprintf(fp, ",line=%u", v->line);
		fputs(",title=carve check::", fp);
		github_escape(fp, sb.buf, 0);
		fputc('\n', fp);
	}
	for (size_t i = 0; i < c->stale_nr; i++) {
		fputs("::warning title=carve check::stale baseline entry: ",
		      fp);
		github_escape(fp, c->stale[i], 0);
		fputc('\n', fp);
	}
	strbuf_release(&sb);
}

static void print_text(FILE *fp, const struct check *c)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < c->nr; i++) {
		const struct check_violation *v = &c->v[i];

		check_message(c, v, &sb);
		fprintf(fp, "%s:%u: %s%s\n", c->scan->files[v->from].path,
			v->line, sb.buf, v->known ? " [baseline]" : "");
	}
	fprintf(fp,
		"%zu violation%s of %zu rule%s over %d context%s: %zu "
		"new, %zu in the baseline\n",
		c->nr, c->nr == 1 ? "" : "s", c->rules_nr,
		c->rules_nr == 1 ? "" : "s", c->contexts.nr,
		c->contexts.nr == 1 ? "" : "s", c->nr - c->known, c->known);
	if (c->stale_nr) {
		fprintf(fp,
			"%zu stale baseline entr%s (no longer violated; "
			"--update-baseline drops them):\n",
			c->stale_nr, c->stale_nr == 1 ? "y" : "ies");
		for (size_t i = 0; i < c->stale_nr; i++)
			fprintf(fp, "  %s\n", c->stale[i]);
	}
	strbuf_release(&sb);
}

int cmd_check(int argc, char **argv)
{
	struct check_args a = { 0 };
	struct config cfg = CONFIG_INIT;
	struct model m = MODEL_INIT;
	struct outfile out = OUTFILE_INIT;
	struct check c = CHECK_INIT;
	int ret;

	ret = parse_args(&a, argc, argv);
	if (ret >= 0)
		goto done;
	ret = EXIT_FATAL;
	if (input_open(&m, &cfg, &a.input))
		goto done;
	if (check_load(&c, &cfg, m.scan))
		goto done;
	if (!c.rules_nr && !a.export)
		warning("%s declares no rules: nothing to check",
			cfg.path ? cfg.path : "no carve.json");
	if (a.export) {
		if (outfile_open(&out, a.common.output) ||
		    check_export(out.fp, &c, a.export) || outfile_commit(&out))
			goto done;
		ret = EXIT_OK;
		goto done;
	}
	/* the statements behind each violation give its line */
	scan_load_deps(m.scan);
	check_run(&c);
	if (a.update) {
		if (outfile_open(&out, a.baseline))
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
		m.check = &c;
		model_write_json(out.fp, &m);
		m.check = NULL;
	} else if (a.common.format == FORMAT_TEXT) {
		print_text(out.fp, &c);
	} else {
		print_github(out.fp, &c);
	}
	if (outfile_commit(&out))
		goto done;
	ret = c.nr > c.known ? EXIT_FINDINGS : EXIT_OK;
done:
	outfile_abort(&out);
	check_release(&c);
	model_release(&m);
	config_release(&cfg);
	return ret;
}
