/*
 * carve merge: combines models (the partial models of `carve scan
 * --shard K/N`, or models of several repositories) into one model.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "carve/cmd.h"
#include "carve/model.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/scan.h"
#include "carve/symdeps.h"
#include "carve/xmalloc.h"

/* clang-format off */
static const char usage_text[] =
	"usage: carve merge [options] MODEL.json...\n"
	"\n"
	"Combines models written by 'carve scan -f json': the partial models "
	"of\n"
	"a scan split in shards (symbol edges resolved across the shards; see\n"
	"carve-scan(1)), or the models of several repositories, each under a\n"
	"directory named after its root.\n"
	"\n"
	"  -o, --output FILE      write to FILE (default '-', standard "
	"output)\n"
	"  -f, --format FORMAT    json (default: the merged model) or text\n"
	"  -c, --config FILE      accepted for symmetry; merge reads no "
	"config\n"
	"  -j, --jobs N           accepted for symmetry; merge is one thread\n"
	"  -q, --quiet            no warnings on stderr\n"
	"      --progress WHEN    auto (default), never or always\n"
	"  -h, --help             show this help\n";
/* clang-format on */

static const struct option long_options[] = {
	COMMON_LONG_OPTIONS,
	{ NULL, 0, NULL, 0 },
};

static void print_text(FILE *fp, const struct model *m, int inputs)
{
	const struct scan *s = m->scan;
	size_t symbol = 0;

	for (size_t i = 0; i < s->edges_nr; i++)
		symbol += s->edges[i].kind == DEP_SYMBOL;
	fprintf(fp,
		"merged %d models: %zu files, %zu edges (%zu symbol "
		"edges)\n",
		inputs, s->nr, s->edges_nr, symbol);
	if (s->clang)
		fprintf(fp,
			"libclang: %zu translation units (%zu parsed, %zu "
			"cached, %zu failed, %zu crashed)%s\n",
			s->clang->units, s->clang->parsed, s->clang->cached,
			s->clang->failed, s->clang->crashed,
			s->clang->partial ? ", partial: shards missing" : "");
}

int cmd_merge(int argc, char **argv)
{
	struct common_options common;
	struct model out = MODEL_INIT;
	struct model *in = NULL;
	struct outfile file = OUTFILE_INIT;
	int c, nr = 0, ret;

	common_options_init(&common, "json,text");
	optind = 1;
	while ((c = getopt_long(argc, argv, COMMON_SHORT_OPTIONS, long_options,
				NULL)) != -1) {
		ret = common_options_parse(&common, c, optarg);
		if (ret < 0)
			return EXIT_USAGE;
		if (ret)
			continue;
		if (c == 'h') {
			fputs(usage_text, stdout);
			return EXIT_OK;
		}
		fputs(usage_text, stderr);
		return EXIT_USAGE;
	}
	if (optind >= argc) {
		error("merge takes at least one MODEL.json");
		fputs(usage_text, stderr);
		return EXIT_USAGE;
	}
	common_options_apply(&common);
	ret = EXIT_FATAL;
	in = xcalloc((size_t)(argc - optind), sizeof(*in));
	for (int i = optind; i < argc; i++) {
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
		print_text(file.fp, &out, nr);
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
