/*
 * carve merge: combines models (the partial models of `carve scan
 * --shard K/N`, or models of several repositories) into one model.
 */

#include "carve/cli.h"
#include "carve/cmd.h"
#include "carve/model.h"
#include "carve/merge_text.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/xmalloc.h"

static const struct cli_command merge_cmd = {
	"merge",
	{ "[options] MODEL.json..." },
	"Combines models written by 'carve scan -f json': the partial models "
	"of\n"
	"a scan split in shards (symbol edges resolved across the shards; see\n"
	"carve-scan(1)), or the models of several repositories, each under a\n"
	"directory named after its root.\n",
};

int cmd_merge(int argc, char **argv)
{
	struct common_options common;
	struct model out = MODEL_INIT;
	struct model *in = NULL;
	struct outfile file = OUTFILE_INIT;
	int argi, nr = 0, ret;
	const struct cli_opt opts[] = {
		CLI_COMMON_OUTPUT_DEFAULT(&common),
		CLI_COMMON_FORMAT(&common,
				  "json (default: the merged model) or text",
				  "json"),
		CLI_COMMON_CONFIG(&common, "accepted for symmetry; merge reads "
					   "no config"),
		CLI_COMMON_JOBS(&common,
				"accepted for symmetry; merge is one thread",
				NULL),
		CLI_COMMON_QUIET(&common, "no warnings on stderr"),
		CLI_COMMON_PROGRESS_DEFAULT(&common),
		CLI_HELP_ROW,
		CLI_END,
	};

	common_options_init(&common, "json,text");
	if ((ret = cli_parse(&argi, &merge_cmd, opts, argc, argv)))
		return cli_exit_status(ret);
	if (argi >= argc) {
		cli_usage_error(&merge_cmd, opts,
				"merge takes at least one MODEL.json");
		return EXIT_USAGE;
	}
	common_options_apply(&common);
	ret = EXIT_FATAL;
	in = xcalloc((size_t)(argc - argi), sizeof(*in));
	for (int i = argi; i < argc; i++) {
		if (model_load_json(&in[nr], argv[i]))
			goto done;
		/* only the scans merge: say what is dropped, never silently */
		if (in[nr].history)
			warning("'%s': its history part is left out (merged "
				"models hold scans; run carve history on the "
				"merged result's repositories)",
				argv[i]);
		if (in[nr].seams)
			warning("'%s': its seams part is left out (run carve "
				"seams on the merged model)",
				argv[i]);
		nr++;
	}
	if (model_merge(&out, in, (size_t)nr))
		goto done;
	if (outfile_open(&file, common.output))
		goto done;
	if (common.format == FORMAT_TEXT)
		outfile_text(&file);
	if (common.format == FORMAT_TEXT)
		merge_print_text(file.fp, &out, nr);
	else
		model_write_json(file.fp, &out);
	if (outfile_commit(&file))
		goto done;
	ret = EXIT_OK;
done:
	outfile_abort(&file);
	for (int i = 0; i < nr; i++)
		model_release(&in[i]);
	free(in);
	model_release(&out);
	return ret;
}
