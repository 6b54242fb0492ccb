/*
 * carve scan: the inventory of a repository (files, languages, lines,
 * complexity, modules) as text, JSON (the model) or CSV.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/cmd.h"
#include "carve/config.h"
#include "carve/csv.h"
#include "carve/input.h"
#include "carve/language.h"
#include "carve/model.h"
#include "carve/options.h"
#include "carve/outfile.h"
#include "carve/pool.h"
#include "carve/progress.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/symdeps.h"
#include "carve/table.h"

/* clang-format off */
static const char usage_text[] =
"usage: carve scan [options] [PATH]\n"
"\n"
"Inventory of the repository or directory at PATH (default '.'): files,\n"
"languages, code/comment/blank lines, complexity and modules.\n"
"\n"
"  -o, --output FILE         write to FILE (default '-', standard output)\n"
"  -f, --format FORMAT       text (default), json (the model) or csv\n"
"  -c, --config FILE         read FILE instead of carve.json at the root\n"
"  -j, --jobs N              worker threads (default: online CPUs)\n"
"  -q, --quiet               no progress and no warnings on stderr\n"
"      --progress WHEN       auto (default: when stderr is a terminal),\n"
"                            never or always\n"
"      --untracked           also scan untracked files git does not ignore\n"
"      --no-git              walk the directory even inside a git work tree\n"
"      --exclude GLOB        leave out files matching GLOB (repeatable)\n"
"      --include-vendored    keep vendored, generated and minified files\n"
"      --explain-excludes    list every file not counted, with the reason\n"
"      --module-depth N      a module is the first N directories of a path\n"
"      --max-file-size SIZE  list larger files without counting them\n"
"                            (default 16M)\n"
"      --max-files N         refuse a tree of more than N files\n"
"                            (default 2000000)\n"
"      --top N               rows of the module table (default 20, 0: all)\n"
"      --cache-dir DIR       keep the scan cache in DIR (default: .git/carve)\n"
"      --no-cache            neither read nor write the scan cache\n"
"      --no-deps             skip dependency extraction (inventory only)\n"
"      --clang[=WHEN]        symbol dependencies of C/C++ with libclang:\n"
"                            auto (default: with a compilation database),\n"
"                            on (--clang alone) or off\n"
"  -p, --compdb DIR          compile_commands.json is in DIR\n"
"      --pair-headers        a header and its .c/.cc/.cpp file are one unit\n"
"                            (default: with its .c file only)\n"
"      --no-pair-headers     headers stand alone\n"
"      --shard K/N           parse only slice K of N of the translation\n"
"                            units: a partial model for 'carve merge'\n"
"  -h, --help                show this help\n";
/* clang-format on */

enum {
	OPT_UNTRACKED = 256,
	OPT_NO_GIT,
	OPT_EXCLUDE,
	OPT_INCLUDE_VENDORED,
	OPT_EXPLAIN,
	OPT_MODULE_DEPTH,
	OPT_MAX_FILE_SIZE,
	OPT_MAX_FILES,
	OPT_TOP,
	OPT_CACHE_DIR,
	OPT_NO_CACHE,
	OPT_NO_DEPS,
	OPT_CLANG,
	OPT_PAIR_HEADERS,
	OPT_NO_PAIR_HEADERS,
	OPT_SHARD,
};

static const struct option long_options[] = {
	COMMON_LONG_OPTIONS,
	{ "untracked", no_argument, NULL, OPT_UNTRACKED },
	{ "no-git", no_argument, NULL, OPT_NO_GIT },
	{ "exclude", required_argument, NULL, OPT_EXCLUDE },
	{ "include-vendored", no_argument, NULL, OPT_INCLUDE_VENDORED },
	{ "explain-excludes", no_argument, NULL, OPT_EXPLAIN },
	{ "module-depth", required_argument, NULL, OPT_MODULE_DEPTH },
	{ "max-file-size", required_argument, NULL, OPT_MAX_FILE_SIZE },
	{ "max-files", required_argument, NULL, OPT_MAX_FILES },
	{ "top", required_argument, NULL, OPT_TOP },
	{ "cache-dir", required_argument, NULL, OPT_CACHE_DIR },
	{ "no-cache", no_argument, NULL, OPT_NO_CACHE },
	{ "no-deps", no_argument, NULL, OPT_NO_DEPS },
	{ "clang", optional_argument, NULL, OPT_CLANG },
	{ "compdb", required_argument, NULL, 'p' },
	{ "pair-headers", no_argument, NULL, OPT_PAIR_HEADERS },
	{ "no-pair-headers", no_argument, NULL, OPT_NO_PAIR_HEADERS },
	{ "shard", required_argument, NULL, OPT_SHARD },
	{ NULL, 0, NULL, 0 },
};

struct scan_args {
	struct common_options common;
	int explain;
	int top;
	int depth_from_option;
	struct scan_options opts;
};

static void fmt_count(struct strbuf *sb, unsigned long long n)
{
	strbuf_reset(sb);
	strbuf_add_thousands(sb, n);
}

static void print_groups(FILE *fp, const char *title,
			 const struct scan_group *g, size_t nr, size_t top,
			 const struct line_counts *total, size_t total_files)
{
	static const char *const headers[] = {
		NULL, "files", "code", "comment", "blank", "complexity",
		"% code",
	};
	const char *hdr[7];
	struct strbuf cell[7];
	struct table *t;
	size_t shown = top && top < nr ? top : nr;

	memcpy(hdr, headers, sizeof(hdr));
	hdr[0] = title;
	t = table_new("lrrrrrr", hdr);
	for (int c = 0; c < 7; c++)
		strbuf_init(&cell[c], 0);
	for (size_t i = 0; i <= shown; i++) {
		const struct line_counts *lc = i < shown ? &g[i].counts : total;
		const char *row[7];

		if (i == shown)
			table_add_rule(t);
		strbuf_reset(&cell[0]);
		strbuf_addstr(&cell[0], i < shown ? g[i].name : "total");
		if (i == shown && shown < nr)
			strbuf_addf(&cell[0], " (%zu %s, %zu shown)", nr,
				    title, shown);
		fmt_count(&cell[1], i < shown ? g[i].files : total_files);
		fmt_count(&cell[2], lc->code);
		fmt_count(&cell[3], lc->comment);
		fmt_count(&cell[4], lc->blank);
		fmt_count(&cell[5], lc->complexity);
		strbuf_reset(&cell[6]);
		strbuf_addf(&cell[6], "%.1f", total->code ?
			    100.0 * (double)lc->code / (double)total->code :
			    0.0);
		for (int c = 0; c < 7; c++)
			row[c] = cell[c].buf;
		table_add_row(t, row);
	}
	fputc('\n', fp);
	table_print(t, fp);
	table_free(t);
	for (int c = 0; c < 7; c++)
		strbuf_release(&cell[c]);
}

static void print_explain(FILE *fp, const struct scan *s)
{
	static const char *const headers[] = { "path", "status", "reason" };
	struct table *t = table_new("lll", headers);
	size_t n = 0;

	for (size_t i = 0; i < s->nr; i++) {
		const struct scan_file *f = &s->files[i];
		const char *row[3];

		if (f->status == FILE_COUNTED)
			continue;
		row[0] = f->path;
		row[1] = scan_status_name(f->status);
		row[2] = f->reason ? f->reason : "";
		table_add_row(t, row);
		n++;
	}
	fprintf(fp, "\nnot counted: %zu files\n", n);
	if (n)
		table_print(t, fp);
	table_free(t);
}

static void print_clang(FILE *fp, const struct scan *s)
{
	const struct symdeps *sd = s->clang;
	size_t symbol_edges = 0;

	for (size_t i = 0; i < s->edges_nr; i++)
		symbol_edges += s->edges[i].kind == DEP_SYMBOL;
	fprintf(fp,
		"\nlibclang: %zu translation units (%zu parsed, %zu "
		"cached, %zu failed, %zu crashed), %zu errors, %zu warnings; "
		"%zu symbol edges, %zu references to no repository file\n",
		sd->units, sd->parsed, sd->cached, sd->failed, sd->crashed,
		sd->errors, sd->warnings, symbol_edges, sd->index.unresolved);
	for (size_t i = 0; i < sd->crashed_nr; i++)
		fprintf(fp, "  crashed libclang: %s\n", sd->crashed_files[i]);
	for (size_t i = 0; i < sd->failed_nr; i++)
		fprintf(fp, "  not parsed: %s\n", sd->failed_files[i]);
	if (sd->messages_nr)
		fputs("  most frequent errors (units):\n", fp);
	for (size_t i = 0; i < sd->messages_nr; i++)
		fprintf(fp, "  %6zu  %s\n", sd->messages[i].units,
			sd->messages[i].text);
}

static void print_text(FILE *fp, const struct scan_args *a,
		       const struct model *m)
{
	const struct scan *s = m->scan;
	size_t not_counted = s->nr - s->status_count[FILE_COUNTED];

	fprintf(fp, "%s", s->root);
	if (*s->prefix)
		fprintf(fp, "/%s", s->prefix);
	if (s->is_git)
		fprintf(fp, " (git, %s%.12s%s%s)", *s->head ? "HEAD " : "",
			*s->head ? s->head : "no commits yet",
			s->branch ? " on " : "", s->branch ? s->branch : "");
	else
		fputs(" (not a git work tree: directory walk)", fp);
	fputc('\n', fp);
	print_groups(fp, "language", s->languages, s->languages_nr, 0,
		     &s->total, s->status_count[FILE_COUNTED]);
	print_groups(fp, "module", s->modules, s->modules_nr, (size_t)a->top,
		     &s->total, s->status_count[FILE_COUNTED]);
	fprintf(fp, "\n%zu files: %zu counted", s->nr,
		s->status_count[FILE_COUNTED]);
	for (int i = FILE_UNKNOWN; i <= FILE_SPECIAL; i++)
		if (s->status_count[i])
			fprintf(fp, ", %zu %s", s->status_count[i],
				scan_status_name(i));
	fputc('\n', fp);
	if (s->clang)
		print_clang(fp, s);
	if (a->explain)
		print_explain(fp, s);
	else if (not_counted)
		fputs("(--explain-excludes lists the files not counted and "
		      "why)\n", fp);
	fputs("\nassumptions:\n", fp);
	for (size_t i = 0; i < m->assumptions_nr; i++)
		fprintf(fp, "  %s: %s [%s]\n", m->assumptions[i].name,
			m->assumptions[i].value, m->assumptions[i].source);
}

static void print_csv(FILE *fp, const struct scan *s)
{
	static const char *const cols[] = {
		"path", "language", "module", "status", "reason", "size",
		"blob", "code", "comment", "blank", "complexity",
	};

	for (size_t c = 0; c < sizeof(cols) / sizeof(*cols); c++) {
		if (c)
			csv_sep(fp);
		csv_text(fp, cols[c]);
	}
	csv_end(fp);
	for (size_t i = 0; i < s->nr; i++) {
		const struct scan_file *f = &s->files[i];

		csv_text(fp, f->path);
		csv_sep(fp);
		csv_text(fp, f->lang ? f->lang->name : "");
		csv_sep(fp);
		csv_text(fp, f->module ? f->module : "");
		csv_sep(fp);
		csv_text(fp, scan_status_name(f->status));
		csv_sep(fp);
		csv_text(fp, f->reason ? f->reason : "");
		csv_sep(fp);
		csv_number(fp, f->size);
		csv_sep(fp);
		csv_text(fp, f->blob);
		csv_sep(fp);
		csv_number(fp, f->counts.code);
		csv_sep(fp);
		csv_number(fp, f->counts.comment);
		csv_sep(fp);
		csv_number(fp, f->counts.blank);
		csv_sep(fp);
		csv_number(fp, f->counts.complexity);
		csv_end(fp);
	}
}

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

static int parse_args(struct scan_args *a, int argc, char **argv)
{
	int c, ret;

	common_options_init(&a->common, "text,json,csv");
	a->top = 20;
	a->opts.path = ".";
	a->opts.max_file_size = SCAN_DEFAULT_MAX_FILE_SIZE;
	optind = 1;
	while ((c = getopt_long(argc, argv, COMMON_SHORT_OPTIONS "p:",
				long_options, NULL)) != -1) {
		ret = common_options_parse(&a->common, c, optarg);
		if (ret < 0)
			return EXIT_USAGE;
		if (ret)
			continue;
		switch (c) {
		case OPT_UNTRACKED:
			a->opts.untracked = 1;
			break;
		case OPT_NO_GIT:
			a->opts.no_git = 1;
			break;
		case OPT_EXCLUDE:
			glob_list_add(&a->opts.excludes.user, optarg);
			break;
		case OPT_INCLUDE_VENDORED:
			a->opts.excludes.include_vendored = 1;
			break;
		case OPT_EXPLAIN:
			a->explain = 1;
			break;
		case OPT_MODULE_DEPTH:
			if (options_int(&a->opts.module_depth, optarg,
					"--module-depth", 1, 64))
				return EXIT_USAGE;
			a->depth_from_option = 1;
			break;
		case OPT_MAX_FILE_SIZE:
			if (options_size(&a->opts.max_file_size, optarg,
					 "--max-file-size"))
				return EXIT_USAGE;
			break;
		case OPT_MAX_FILES: {
			int n;

			if (options_int(&n, optarg, "--max-files", 1,
					2000000000))
				return EXIT_USAGE;
			a->opts.max_files = (size_t)n;
			break;
		}
		case OPT_TOP:
			if (options_int(&a->top, optarg, "--top", 0, 1000000))
				return EXIT_USAGE;
			break;
		case OPT_CACHE_DIR:
			a->opts.cache_dir = optarg;
			break;
		case OPT_NO_CACHE:
			a->opts.no_cache = 1;
			break;
		case OPT_NO_DEPS:
			a->opts.no_deps = 1;
			break;
		case OPT_CLANG:
			a->opts.clang = optarg ? symdeps_mode_parse(optarg)
					       : SYMDEPS_ON;
			if (a->opts.clang < 0) {
				error("--clang takes auto, on or off, not '%s'",
				      optarg);
				return EXIT_USAGE;
			}
			break;
		case 'p':
			a->opts.compdb_dir = optarg;
			break;
		case OPT_PAIR_HEADERS:
			a->opts.pair_headers = 1;
			break;
		case OPT_NO_PAIR_HEADERS:
			a->opts.pair_headers = -1;
			break;
		case OPT_SHARD:
			if (parse_shard(&a->opts, optarg))
				return EXIT_USAGE;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		default:
			fputs(usage_text, stderr);
			return EXIT_USAGE;
		}
	}
	if (argc - optind > 1) {
		error("scan takes one PATH, not %d", argc - optind);
		fputs(usage_text, stderr);
		return EXIT_USAGE;
	}
	if (optind < argc)
		a->opts.path = argv[optind];
	a->opts.threads = a->common.threads;
	common_options_apply(&a->common);
	return -1;
}

int cmd_scan(int argc, char **argv)
{
	struct scan_args a = { 0 };
	struct config cfg = CONFIG_INIT;
	struct model m = MODEL_INIT;
	struct outfile out = OUTFILE_INIT;
	int ret;

	ret = parse_args(&a, argc, argv);
	if (ret >= 0)
		goto done;
	ret = EXIT_FATAL;
	if (input_load_config(&cfg, a.common.config, a.opts.path))
		goto done;
	input_apply_config(&a.opts, &cfg);
	if (scan_run(&m.scan, &a.opts))
		goto done;
	record_assumptions(&m, &a, &cfg);
	if (outfile_open(&out, a.common.output))
		goto done;
	if (a.common.format == FORMAT_TEXT)
		outfile_text(&out);
	switch (a.common.format) {
	case FORMAT_JSON:
		model_write_json(out.fp, &m);
		break;
	case FORMAT_CSV:
		print_csv(out.fp, m.scan);
		break;
	default:
		print_text(out.fp, &a, &m);
		break;
	}
	if (outfile_commit(&out))
		goto done;
	ret = EXIT_OK;
done:
	outfile_abort(&out);
	model_release(&m);
	config_release(&cfg);
	glob_list_release(&a.opts.excludes.user);
	return ret;
}
