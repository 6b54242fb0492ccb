/*
 * carve init: a starting carve.json for a repository, from what a scan,
 * its history and a seams proposal show; each key commented. It never
 * overwrites a file without --force.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "carve/cmd.h"
#include "carve/filelist.h"
#include "carve/history.h"
#include "carve/init_config.h"
#include "carve/init_config_json.h"
#include "carve/input.h"
#include "carve/model.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/strbuf.h"

/* clang-format off */
static const char usage_text[] =
"usage: carve init [options] [PATH]\n"
"\n"
"Writes a starting carve.json at the root of the work tree holding PATH\n"
"(default '.'): languages and a target, excludes, module depth, legacy\n"
"and new paths, the proposed contexts as globs, a default rate and a\n"
"plan starting today, each key explained by a comment.\n"
"\n"
"  -o, --output FILE      write FILE instead of <root>/carve.json\n"
"                         ('-' is standard output)\n"
"      --force            overwrite an existing file\n"
"  -j, --jobs N           worker threads for the scan (default: CPUs)\n"
"  -q, --quiet            no progress and no warnings on stderr\n"
"      --progress WHEN    auto (default), never or always\n"
"  -h, --help             show this help\n";
/* clang-format on */

enum { OPT_FORCE = 256 };

static const struct option long_options[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "progress", required_argument, NULL, OPT_COMMON_PROGRESS },
	{ "help", no_argument, NULL, 'h' },
	{ "force", no_argument, NULL, OPT_FORCE },
	{ NULL, 0, NULL, 0 },
};

struct init_args {
	struct common_options common;
	struct input_options input;
	int force;
};

static int parse_args(struct init_args *a, int argc, char **argv)
{
	int c, ret;

	common_options_init(&a->common, "json");
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:j:qh", long_options, NULL)) !=
	       -1) {
		ret = common_options_parse(&a->common, c, optarg);
		if (ret < 0)
			return EXIT_USAGE;
		if (ret)
			continue;
		switch (c) {
		case OPT_FORCE:
			a->force = 1;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		default:
			fputs(usage_text, stderr);
			return EXIT_USAGE;
		}
	}
	if (input_from_args(&a->input, "init", argc, argv, optind,
			    &a->common))
		return EXIT_USAGE;
	if (a->input.arg && model_is_file(a->input.arg)) {
		error("init takes a PATH to scan, not a model file");
		return EXIT_USAGE;
	}
	common_options_apply(&a->common);
	return -1;
}

int cmd_init(int argc, char **argv)
{
	struct init_args a = { 0 };
	struct scan_options so = { 0 };
	struct seams_options o;
	struct init_config ic = { 0 };
	struct model m = MODEL_INIT;
	struct outfile out = OUTFILE_INIT;
	struct strbuf path = STRBUF_INIT;
	struct seams *s = NULL;
	const char *arg;
	int ret;

	ret = parse_args(&a, argc, argv);
	if (ret >= 0)
		goto done;
	ret = EXIT_FATAL;
	arg = a.input.arg ? a.input.arg : ".";
	if (a.common.output) {
		strbuf_addstr(&path, a.common.output);
	} else {
		if (filelist_root(&path, arg))
			goto done;
		strbuf_addstr(&path, "/carve.json");
	}
	if (strcmp(path.buf, "-") && !a.force && !access(path.buf, F_OK)) {
		error("'%s' exists: --force overwrites it", path.buf);
		goto done;
	}
	/* a fresh look: the defaults, not an existing carve.json */
	so.path = arg;
	so.threads = a.common.threads;
	so.max_file_size = SCAN_DEFAULT_MAX_FILE_SIZE;
	if (scan_run(&m.scan, &so))
		goto done;
	if (input_history(&m, NULL, &a.input))
		warning("no history: contexts from the static graph and "
			"folders");
	seams_options_init(&o);
	o.history = m.history;
	if (m.scan->status_count[FILE_COUNTED] && seams_propose(&s, m.scan, &o))
		goto done;
	init_config_detect(&ic, m.scan, s);
	if (outfile_open(&out, path.buf))
		goto done;
	init_config_write(out.fp, &ic);
	if (outfile_commit(&out))
		goto done;
	if (strcmp(path.buf, "-"))
		fprintf(stderr, "carve init: wrote %s (%zu contexts)\n",
			path.buf, ic.contexts_nr);
	ret = EXIT_OK;
done:
	outfile_abort(&out);
	init_config_release(&ic);
	seams_free(s);
	model_release(&m);
	strbuf_release(&path);
	return ret;
}
