/*
 * carve scan: the inventory of a repository (files, languages, lines,
 * complexity, modules) as text, JSON (the model) or CSV.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/cli.h"
#include "carve/cmd.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/pipeline.h"
#include "carve/scan.h"
#include "carve/scan_cloc.h"
#include "carve/scan_csv.h"
#include "carve/scan_text.h"
#include "carve/strbuf.h"
#include "carve/symdeps.h"

static const struct cli_command scan_cmd = {
	"scan",
	{ "[options] [PATH]" },
	"Inventory of the repository or directory at PATH (default '.'): "
	"files,\n"
	"languages, code/comment/blank lines, complexity and modules.\n",
};

struct scan_args {
	struct common_options common;
	int explain;
	int top;
	int depth_from_option;
	struct scan_options opts;
};

static void record_clang(struct model *m, const struct scan_args *a)
{
	static const char *const pairs[] = {
		"none: a header is a unit of its own",
		"a header and the .c file beside it are one unit",
		"a header and the .c, .cc, .cpp or .cxx file beside it are one "
		"unit",
	};
	const struct symdeps *sd = m->scan->clang;
	const struct scan_options *o = &a->opts;
	struct strbuf sb = STRBUF_INIT;

	if (!sd) {
		int c_family = 0;

		for (size_t i = 0; i < m->scan->languages_nr; i++)
			c_family |= !strcmp(m->scan->languages[i].name, "C") ||
				    !strcmp(m->scan->languages[i].name, "C++");
		if (c_family && !o->no_deps && o->clang != SYMDEPS_OFF)
			model_assume(m, "libclang", "default",
				     "off: no compile_commands.json at the "
				     "root or in build/ (--clang=on guesses "
				     "the commands)");
		return;
	}
	if (sd->guessed) {
		for (size_t i = 0; i < sd->guessed_dirs_nr; i++)
			strbuf_addf(&sb, "%s-I%s", i ? " " : "",
				    *sd->guessed_dirs[i] ? sd->guessed_dirs[i]
							 : ".");
		model_assume(m, "libclang commands", "option",
			     "guessed, no compile_commands.json: every C/C++ "
			     "source file with -std=gnu11 (C++: gnu++17), "
			     "-D_GNU_SOURCE, and the include directories its "
			     "#include lines resolve to: %s",
			     sb.len ? sb.buf : "(none)");
	} else {
		model_assume(m, "libclang commands",
			     o->compdb_dir ? "option" : "default",
			     "%s (%zu units; left out: %zu missing "
			     "files, %zu outside the scan, %zu not compiler "
			     "commands, %zu not C/C++, %zu repeated files)",
			     sd->compdb, sd->units, sd->skipped_missing,
			     sd->skipped_outside, sd->skipped_not_compiler,
			     sd->skipped_not_c, sd->skipped_duplicates);
	}
	if (!sd->guessed)
		model_assume(m, "libclang arguments", "default",
			     "through an allow-list (include directories in "
			     "the repository or the system, defines, "
			     "language, standard, warnings, target): %zu "
			     "build outputs and code generation arguments "
			     "ignored, %zu arguments refused, %zu commands "
			     "naming a response file (@file) left out",
			     sd->args_ignored, sd->args_refused,
			     sd->response_files);
	if (sd->relative_dirs)
		model_assume(m, "libclang directories", "default",
			     "%zu commands with a relative \"directory\" "
			     "taken relative to the database's directory",
			     sd->relative_dirs);
	model_assume(m, "libclang resource directory", "default", "%s",
		     sd->resource_dir ? sd->resource_dir : "(none)");
	model_assume(m, "symbol edges", "default",
		     "a reference goes to the file that defines the symbol "
		     "(through its USR, across translation units), else to "
		     "the file that declares it; macros, types and inline "
		     "functions defined in a header stay on the header");
	model_assume(m, "pair headers", !o->pair_headers ? "default" : "option",
		     "%s", pairs[sd->pair_headers]);
	if (sd->shard_n)
		model_assume(m, "shard", "option",
			     "%u/%u: a partial model of every %u-th "
			     "translation unit; combine with 'carve merge'",
			     sd->shard_k, sd->shard_n, sd->shard_n);
	strbuf_release(&sb);
}

static void record_assumptions(struct model *m, const struct scan_args *a,
			       const struct config *cfg)
{
	const struct scan_options *o = &a->opts;
	const char *const *rules = exclude_default_rules();
	struct strbuf sb = STRBUF_INIT;

	model_assume(m, "line counting", "default",
		     "blank: white space only (also inside comments); comment: "
		     "nothing but comment; otherwise code. Python triple-quoted "
		     "strings count as comments, as cloc counts them");
	model_assume(m, "complexity", "default",
		     "branch points: if, for, while, case, catch, &&, ||, ?: "
		     "and each language's equivalents, outside comments and "
		     "strings");
	model_assume(m, "modules", a->depth_from_option ? "option" :
		     cfg->module_depth || cfg->module_nr ? cfg->path :
		     "default", "%s", m->scan->module_rule);
	if (o->module_depth)
		model_assume(m, "module depth", a->depth_from_option ?
			     "option" : cfg->path, "%d", o->module_depth);
	model_assume(m, "files", o->no_git ? "option" : "default", "%s%s",
		     m->scan->is_git ? "the git index (tracked files)" :
		     "a directory walk",
		     o->untracked ? " plus untracked files not ignored" : "");
	model_assume(m, "symbolic links", "default",
		     "listed, not followed; submodules listed, not entered");
	strbuf_add_thousands(&sb, o->max_file_size);
	model_assume(m, "max file size",
		     o->max_file_size == SCAN_DEFAULT_MAX_FILE_SIZE ? "default"
								    : "option",
		     "%s bytes", sb.buf);
	strbuf_reset(&sb);
	strbuf_add_thousands(&sb, o->max_files ? o->max_files
					       : SCAN_DEFAULT_MAX_FILES);
	model_assume(m, "max files", o->max_files ? "option" : "default", "%s",
		     sb.buf);
	if (o->excludes.include_vendored)
		model_assume(m, "default excludes", "option",
			     "off (--include-vendored)");
	else
		for (int i = 0; rules[i]; i++)
			model_assume(m, "default exclude", "default", "%s",
				     rules[i]);
	for (int i = 0; i < o->excludes.user.nr; i++)
		model_assume(m, "exclude", "option", "%s",
			     o->excludes.user.patterns[i]);
	for (int i = 0; cfg->path && i < cfg->exclude.nr; i++)
		model_assume(m, "exclude", cfg->path, "%s",
			     cfg->exclude.patterns[i]);
	record_clang(m, a);
	for (size_t i = 0; i < m->scan->blind_nr; i++)
		model_assume(m, "blind spot", "scan", "%s",
			     m->scan->blind[i].text);
	strbuf_release(&sb);
}

static int parse_shard(struct scan_options *o, const char *arg)
{
	char *end;
	unsigned long k, n;

	k = strtoul(arg, &end, 10);
	if (end == arg || *end != '/')
		goto bad;
	arg = end + 1;
	n = strtoul(arg, &end, 10);
	if (end == arg || *end || !n || !k || k > n || n > 1000000)
		goto bad;
	o->shard_k = (unsigned)k;
	o->shard_n = (unsigned)n;
	return 0;
bad:
	return error("--shard takes K/N with 1 <= K <= N, such as 2/8");
}

static int take_clang(const struct cli_opt *opt, const char *arg)
{
	struct scan_options *o = opt->value;

	o->clang = arg ? symdeps_mode_parse(arg) : SYMDEPS_ON;
	if (o->clang < 0)
		return error_code(CARVE_EINVALID,
				  "--clang takes auto, on or off, not '%s'",
				  arg);
	return 0;
}

static int take_shard(const struct cli_opt *opt, const char *arg)
{
	return parse_shard(opt->value, arg) ? CARVE_EINVALID : 0;
}

static int parse_args(struct scan_args *a, int argc, char **argv)
{
	struct scan_options *o = &a->opts;
	int argi, ret;
	const struct cli_opt opts[] = {
		CLI_COMMON_OUTPUT_DEFAULT(&a->common),
		CLI_COMMON_FORMAT(&a->common,
				  "text (default), json (the model), csv, cloc "
				  "or tokei (their JSON)",
				  "text"),
		CLI_COMMON_CONFIG_DEFAULT(&a->common),
		CLI_COMMON_JOBS(&a->common,
				"worker threads (default: online CPUs)",
				"CPUs"),
		CLI_COMMON_QUIET_DEFAULT(&a->common),
		CLI_COMMON_PROGRESS(&a->common, "auto (default: when stderr is "
						"a terminal), "
						"never or always"),
		CLI_SWITCH(0, "untracked", &o->untracked,
			   "also scan untracked files git does not ignore"),
		CLI_SWITCH(0, "no-git", &o->no_git,
			   "walk the directory even inside a git work tree"),
		CLI_GLOBS(0, "exclude", &o->excludes.user, "GLOB",
			  "leave out files matching GLOB (repeatable)"),
		CLI_SWITCH(0, "include-vendored", &o->excludes.include_vendored,
			   "keep vendored, generated and minified files"),
		CLI_SWITCH(0, "explain-excludes", &a->explain,
			   "list every file not counted, with the reason"),
		CLI_INT(0, "module-depth", &o->module_depth, "N", 1, 64,
			"a module is the first N directories of a path", NULL,
			.given = &a->depth_from_option),
		CLI_BYTES(0, "max-file-size", &o->max_file_size, "SIZE",
			  "list larger files without counting them", "16M"),
		CLI_SIZE_T(0, "max-files", &o->max_files, "N", 1, 2000000000,
			   "refuse a tree of more than N files", "2000000"),
		CLI_INT(0, "top", &a->top, "N", 0, 1000000,
			"rows of the module table (default 20, 0: all)", "20"),
		CLI_STRING(0, "cache-dir", &o->cache_dir, "DIR",
			   "keep the scan cache in DIR (default: .git/carve)",
			   ".git/carve"),
		CLI_SWITCH(0, "no-cache", &o->no_cache,
			   "neither read nor write the scan cache"),
		CLI_SWITCH(0, "no-deps", &o->no_deps,
			   "skip dependency extraction (inventory only)"),
		CLI_CALLBACK(0, "clang", o, "WHEN", take_clang,
			     "symbol dependencies of C/C++ with libclang: auto "
			     "(default: with a compilation database), on "
			     "(--clang alone) or off",
			     "auto", .flags = CLI_OPTIONAL_ARG),
		CLI_STRING('p', "compdb", &o->compdb_dir, "DIR",
			   "compile_commands.json is in DIR", NULL),
		CLI_SWITCH(0, "pair-headers", &o->pair_headers,
			   "a header and its .c/.cc/.cpp file are one unit "
			   "(default: with its .c file only)"),
		CLI_SET(0, "no-pair-headers", &o->pair_headers, -1,
			"headers stand alone"),
		CLI_CALLBACK(0, "shard", o, "K/N", take_shard,
			     "parse only slice K of N of the translation "
			     "units: "
			     "a partial model for 'carve merge'",
			     NULL),
		CLI_HELP_ROW,
		CLI_END,
	};

	common_options_init(&a->common, "text,json,csv,cloc,tokei");
	a->top = 20;
	o->path = ".";
	o->max_file_size = SCAN_DEFAULT_MAX_FILE_SIZE;
	if ((ret = cli_parse(&argi, &scan_cmd, opts, argc, argv)))
		return ret;
	if (argc - argi > 1)
		return cli_usage_error(&scan_cmd, opts,
				       "scan takes one PATH, not %d",
				       argc - argi);
	if (argi < argc)
		o->path = argv[argi];
	o->threads = a->common.threads;
	common_options_apply(&a->common);
	return 0;
}

int cmd_scan(int argc, char **argv)
{
	struct scan_args a = { 0 };
	struct pipeline p;
	struct outfile out = OUTFILE_INIT;
	int ret;

	pipeline_init(&p);
	if ((ret = parse_args(&a, argc, argv))) {
		ret = cli_exit_status(ret);
		goto done;
	}
	ret = EXIT_FATAL;
	p.input.arg = a.opts.path;
	p.input.config = a.common.config;
	p.scan_opts = &a.opts;
	if (pipeline_need(&p, PIPELINE_SCAN))
		goto done;
	record_assumptions(&p.m, &a, &p.cfg);
	if (outfile_open(&out, a.common.output))
		goto done;
	if (a.common.format == FORMAT_TEXT)
		outfile_text(&out);
	switch (a.common.format) {
	case FORMAT_JSON:
		model_write_json(out.fp, &p.m);
		break;
	case FORMAT_CSV:
		scan_print_csv(out.fp, p.m.scan);
		break;
	case FORMAT_CLOC:
		scan_print_cloc(out.fp, p.m.scan);
		break;
	case FORMAT_TOKEI:
		scan_print_tokei(out.fp, p.m.scan);
		break;
	default:
		scan_print_text(out.fp, &p.m, (size_t)a.top, a.explain);
		break;
	}
	if (outfile_commit(&out))
		goto done;
	ret = EXIT_OK;
done:
	outfile_abort(&out);
	pipeline_release(&p);
	glob_list_release(&a.opts.excludes.user);
	return ret;
}
