/*
 * carve init: a starting carve.json for a repository, from what a scan,
 * its history and a seams proposal show; each key commented. It never
 * overwrites a file without --force.
 */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carve/cli.h"
#include "carve/cmd.h"
#include "carve/filelist.h"
#include "carve/init_config.h"
#include "carve/init_config_json.h"
#include "carve/input.h"
#include "carve/model.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/pipeline.h"
#include "carve/scan.h"
#include "carve/strbuf.h"

static const struct cli_command init_cmd = {
	"init",
	{ "[options] [PATH]" },
	"Writes a starting carve.json at the root of the work tree holding "
	"PATH\n"
	"(default '.'): languages and a target from the main back-end "
	"language,\n"
	"excludes, module depth, the proposed contexts as globs, and a plan;\n"
	"legacy, new and plan.start only when the history shows code moving\n"
	"from one tree to another (else suggested in comments). Each key is\n"
	"explained by a comment.\n",
};

struct init_args {
	struct common_options common;
	struct input_options input;
	int force;
};

static int parse_args(struct init_args *a, int argc, char **argv)
{
	int ret;
	const struct cli_opt opts[] = {
		CLI_COMMON_OUTPUT(&a->common,
				  "write FILE instead of <root>/carve.json "
				  "('-' is standard output)",
				  NULL),
		CLI_SWITCH(0, "force", &a->force, "overwrite an existing file"),
		CLI_COMMON_JOBS(&a->common,
				"worker threads for the scan (default: CPUs)",
				"CPUs"),
		CLI_COMMON_QUIET_DEFAULT(&a->common),
		CLI_COMMON_PROGRESS_DEFAULT(&a->common),
		CLI_HELP_ROW,
		CLI_END,
	};

	common_options_init(&a->common, "json");
	if ((ret = cli_parse_input(&a->input, &a->common, &init_cmd, opts, argc,
				   argv)))
		return ret;
	if (a->input.arg && model_is_file(a->input.arg))
		return error_code(CARVE_EINVALID, "init takes a PATH to scan, "
						  "not a model file");
	return 0;
}

int cmd_init(int argc, char **argv)
{
	struct init_args a = { 0 };
	struct init_config ic = { 0 };
	struct pipeline p;
	struct outfile out = OUTFILE_INIT;
	struct strbuf path = STRBUF_INIT;
	const char *arg;
	struct stat st;
	int ret;

	pipeline_init(&p);
	if ((ret = parse_args(&a, argc, argv))) {
		ret = cli_exit_status(ret);
		goto done;
	}
	ret = EXIT_FATAL;
	arg = a.input.arg ? a.input.arg : ".";
	if (a.common.output) {
		strbuf_addstr(&path, a.common.output);
	} else {
		if (filelist_root(&path, arg))
			goto done;
		strbuf_addstr(&path, "/carve.json");
	}
	/* lstat: a dangling symlink exists too */
	if (strcmp(path.buf, "-") && !a.force && !lstat(path.buf, &st)) {
		error("'%s' exists: --force overwrites it", path.buf);
		goto done;
	}
	/* the repository's carve.json: never written through a symlink */
	if (!a.common.output && !lstat(path.buf, &st) && !S_ISREG(st.st_mode)) {
		error("refusing to write '%s': %s", path.buf,
		      S_ISLNK(st.st_mode) ? "it is a symbolic link"
					  : "not a regular file");
		goto done;
	}
	/* a fresh look: the defaults, not an existing carve.json */
	p.input = a.input;
	p.fresh = 1;
	p.history_warning = "no history: contexts from the static graph and "
			    "folders";
	if (pipeline_need(&p, PIPELINE_SCAN) ||
	    pipeline_need(&p, PIPELINE_HISTORY) ||
	    (p.m.scan->status_count[FILE_COUNTED] &&
	     pipeline_need(&p, PIPELINE_SEAMS)))
		goto done;
	init_config_detect(&ic, p.m.scan, p.seams);
	/* legacy, new and plan.start only from code seen moving */
	{
		struct init_moves_options mo = { NULL, NULL, p.input.threads };
		struct init_move mv;

		if (init_moves_find(&mv, &ic.arena, p.m.scan, p.m.history, &mo))
			init_config_set_move(&ic, &mv, p.m.scan);
		else
			ic.move = mv;
	}
	if ((a.common.output ? outfile_open(&out, path.buf)
			     : outfile_open_private(&out, path.buf)))
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
	pipeline_release(&p);
	strbuf_release(&path);
	return ret;
}
