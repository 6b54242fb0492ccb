/*
 * Command input: scan a tree with the defaults and its carve.json, or
 * load a saved model.
 */
#include <sys/stat.h>

#include "carve/cli.h"
#include "carve/error.h"
#include "carve/estimate.h"
#include "carve/filelist.h"
#include "carve/history.h"
#include "carve/input.h"
#include "carve/model.h"
#include "carve/options.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/symdeps.h"

static int is_dir(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISDIR(st.st_mode);
}

int input_load_config(struct config *cfg, const char *config, const char *path)
{
	struct strbuf root = STRBUF_INIT;
	int ret;

	if (config)
		return config_load(cfg, config, 1);
	if (!(ret = filelist_root(&root, path))) {
		strbuf_addstr(&root, "/carve.json");
		ret = config_load(cfg, root.buf, 0);
	}
	strbuf_release(&root);
	return ret;
}

void input_apply_config(struct scan_options *opts, const struct config *cfg)
{
	if (!cfg->path)
		return;
	opts->config = cfg;
	opts->excludes.config = &cfg->exclude;
	opts->excludes.config_path = cfg->path;
	if (!opts->module_depth)
		opts->module_depth = cfg->module_depth;
}

void input_scan_defaults(struct scan_options *opts,
			 const struct input_options *in)
{
	opts->path = in->arg ? in->arg : ".";
	opts->threads = in->threads;
	opts->max_file_size = SCAN_DEFAULT_MAX_FILE_SIZE;
	opts->clang_guess_max = SYMDEPS_AUTO_GUESS_MAX;
}

int input_open(struct model *m, struct config *cfg,
	       const struct input_options *o)
{
	struct scan_options opts = { 0 };
	const char *arg = o->arg ? o->arg : ".";
	int ret;

	if (model_is_file(arg)) {
		if (o->config && !cfg->loaded &&
		    (ret = config_load(cfg, o->config, 1)))
			return ret;
		if ((ret = model_load_json(m, arg)))
			return ret;
		/* without -c, the carve.json of the repository the model
		 * was scanned from, when it is still there (a model made
		 * from a case file records that file as its root) */
		if (!o->config && !cfg->loaded && m->scan && m->scan->root &&
		    *m->scan->root == '/' && is_dir(m->scan->root)) {
			struct strbuf path = STRBUF_INIT;

			strbuf_addf(&path, "%s/carve.json", m->scan->root);
			ret = config_load(cfg, path.buf, 0);
			strbuf_release(&path);
			if (ret)
				return ret;
		}
		/* the model keeps the estimate's inputs: rerun its draws */
		if (m->estimate)
			estimate_rerun(m->estimate);
		return 0;
	}
	if (!cfg->loaded && (ret = input_load_config(cfg, o->config, arg)))
		return ret;
	input_scan_defaults(&opts, o);
	opts.cache_dir = o->cache_dir;
	input_apply_config(&opts, cfg);
	return scan_run(&m->scan, &opts);
}

int cli_parse_input(struct input_options *in, struct common_options *c,
		    const struct cli_command *cmd, const struct cli_opt *opts,
		    int argc, char **argv)
{
	int first, ret;

	if ((ret = cli_parse(&first, cmd, opts, argc, argv)))
		return ret;
	if (argc - first > 1)
		return error_code(CARVE_EINVALID,
				  "%s takes one PATH or MODEL.json, not %d",
				  cmd->name, argc - first);
	in->arg = first < argc ? argv[first] : NULL;
	in->config = c->config;
	in->threads = c->threads;
	common_options_apply(c);
	return 0;
}
