/*
 * Command input: scan a tree with the defaults and its carve.json, or
 * load a saved model.
 */
#include "carve/filelist.h"
#include "carve/input.h"
#include "carve/model.h"
#include "carve/scan.h"
#include "carve/strbuf.h"

int input_open(struct model *m, struct config *cfg,
	       const struct input_options *o)
{
	struct scan_options opts = { 0 };
	struct strbuf path = STRBUF_INIT;
	const char *arg = o->arg ? o->arg : ".";
	int ret;

	if (model_is_file(arg)) {
		if (o->config && (ret = config_load(cfg, o->config, 1)))
			return ret;
		return model_load_json(m, arg);
	}
	if (o->config) {
		ret = config_load(cfg, o->config, 1);
	} else if (!(ret = filelist_root(&path, arg))) {
		strbuf_addstr(&path, "/carve.json");
		ret = config_load(cfg, path.buf, 0);
	}
	strbuf_release(&path);
	if (ret)
		return ret;
	opts.path = arg;
	opts.threads = o->threads;
	opts.max_file_size = SCAN_DEFAULT_MAX_FILE_SIZE;
	if (cfg->path) {
		opts.config = cfg;
		opts.excludes.config = &cfg->exclude;
		opts.excludes.config_path = cfg->path;
		opts.module_depth = cfg->module_depth;
	}
	return scan_run(&m->scan, &opts);
}
