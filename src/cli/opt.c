/*
 * The option table of a command turned into what getopt_long takes, its
 * parse loop, and the -h text, so an option is declared in one row.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/cli.h"
#include "carve/error.h"
#include "carve/glob.h"
#include "carve/options.h"
#include "carve/progress.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/* getopt_long's value for a long-only option: past every char */
#define LONG_ONLY_BASE 256
/* help lines stay within this many columns */
#define HELP_WIDTH 79
/* option columns wider than this put their help on the next line */
#define SPEC_MAX 26

int cli_common_format(const struct cli_opt *opt, const char *arg)
{
	struct common_options *c = opt->value;

	c->format_given = 1;
	return options_format(&c->format, arg, c->formats);
}

const char *const cli_progress_words[] = { "auto", "never", "always", NULL };

int cli_common_progress(const struct cli_opt *opt, const char *arg)
{
	struct common_options *c = opt->value;
	enum progress_mode mode;

	if (progress_parse_mode(&mode, arg))
		return error_code(CARVE_EINVALID,
				  "--progress takes auto, never or always, "
				  "not '%s'",
				  arg);
	c->progress = mode;
	return 0;
}

static size_t count(const struct cli_opt *opts)
{
	size_t n = 0;

	while (opts[n].type != CLI_OPT_END)
		n++;
	return n;
}

/* "  -o, --output FILE", "      --clang[=WHEN]" */
static void add_spec(struct strbuf *sb, const struct cli_opt *o)
{
	if (o->short_name)
		strbuf_addf(sb, "  -%c, ", o->short_name);
	else
		strbuf_addstr(sb, "      ");
	strbuf_addf(sb, "--%s", o->name);
	if (o->arg && (o->flags & CLI_OPTIONAL_ARG))
		strbuf_addf(sb, "[=%s]", o->arg);
	else if (o->arg)
		strbuf_addf(sb, " %s", o->arg);
}

/* Appends text word by word, starting new lines indented by `col`. */
static void add_wrapped(struct strbuf *sb, size_t line_start, size_t col,
			const char *text)
{
	const char *p = text;

	while (*p) {
		size_t n = strcspn(p, " ");

		if (sb->len - line_start + 1 + n > HELP_WIDTH &&
		    sb->len - line_start > col) {
			strbuf_addch(sb, '\n');
			line_start = sb->len;
			strbuf_addf(sb, "%*s", (int)col, "");
		} else if (sb->len - line_start > col) {
			strbuf_addch(sb, ' ');
		}
		strbuf_add(sb, p, n);
		p += n;
		while (*p == ' ')
			p++;
	}
}

void cli_print_help(FILE *fp, const struct cli_command *cmd,
		    const struct cli_opt *opts)
{
	struct strbuf sb = STRBUF_INIT, text = STRBUF_INIT;
	size_t col = 0, n = count(opts);

	for (size_t i = 0; i < 3 && cmd->usage[i]; i++)
		fprintf(fp, "%s carve %s %s\n",
			i ? "      " : "usage:", cmd->name, cmd->usage[i]);
	fprintf(fp, "\n%s\n", cmd->description);
	for (size_t i = 0; i < n; i++) {
		strbuf_reset(&sb);
		add_spec(&sb, &opts[i]);
		if (sb.len <= SPEC_MAX && sb.len > col)
			col = sb.len;
	}
	col += 2;
	strbuf_reset(&sb);
	for (size_t i = 0; i < n; i++) {
		const struct cli_opt *o = &opts[i];
		size_t line_start = sb.len;

		add_spec(&sb, o);
		if (sb.len - line_start + 1 > col) {
			strbuf_addch(&sb, '\n');
			line_start = sb.len;
		}
		strbuf_addf(&sb, "%*s", (int)(col - (sb.len - line_start)), "");
		strbuf_reset(&text);
		strbuf_addstr(&text, o->help);
		/* a help that words its default itself keeps its words */
		if (o->def && !strstr(o->help, "default"))
			strbuf_addf(&text, " (default %s)", o->def);
		add_wrapped(&sb, line_start, col, text.buf);
		strbuf_addch(&sb, '\n');
	}
	fputs(sb.buf, fp);
	strbuf_release(&text);
	strbuf_release(&sb);
}

static void list_options(const struct cli_opt *opts)
{
	for (size_t i = 0; opts[i].type != CLI_OPT_END; i++) {
		const struct cli_opt *o = &opts[i];

		if (o->short_name)
			printf("-%c", o->short_name);
		printf("\t--%s\t%s\t%s\n", o->name, o->arg ? o->arg : "",
		       o->def ? o->def : "");
	}
}

/*
 * --list-words: "--long<TAB>word word ..." for each option that takes
 * one of a set of words (its choices; -f: the command's formats), for
 * the shell completions (completions/generate).
 */
static void list_words(const struct cli_opt *opts)
{
	for (size_t i = 0; opts[i].type != CLI_OPT_END; i++) {
		const struct cli_opt *o = &opts[i];

		if (o->type == CLI_OPT_CALLBACK && o->cb == cli_common_format) {
			const struct common_options *c = o->value;

			printf("--%s\t", o->name);
			for (const char *p = c->formats; *p; p++)
				putchar(*p == ',' ? ' ' : *p);
			putchar('\n');
		} else if (o->choices) {
			printf("--%s\t", o->name);
			for (size_t k = 0; o->choices[k]; k++)
				printf("%s%s", k ? " " : "", o->choices[k]);
			putchar('\n');
		}
	}
}

int cli_usage_error(const struct cli_command *cmd, const struct cli_opt *opts,
		    const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	error("%s", msg);
	cli_print_help(stderr, cmd, opts);
	return CARVE_EINVALID;
}

int cli_exit_status(int ret)
{
	return ret == CLI_EHELP ? EXIT_OK : EXIT_USAGE;
}

static int take_number(const struct cli_opt *o, const char *arg,
		       const char *name)
{
	int v;

	if (options_int(&v, arg, name, (int)o->min, (int)o->max))
		return CARVE_EINVALID;
	switch (o->type) {
	case CLI_OPT_INT:
		*(int *)o->value = v;
		break;
	case CLI_OPT_SIZE_T:
		*(size_t *)o->value = (size_t)v;
		break;
	case CLI_OPT_TOP:
		*(int *)o->value = v ? v : CLI_TOP_ALL;
		break;
	case CLI_OPT_ULONG:
		*(unsigned long *)o->value = (unsigned long)v;
		break;
	default:
		*(unsigned long long *)o->value = (unsigned long long)v;
		break;
	}
	return 0;
}

/* "--level takes file or module, not 'x'" */
static int take_choice(const struct cli_opt *o, const char *arg,
		       const char *name)
{
	struct strbuf list = STRBUF_INIT;
	size_t n = 0;
	int ret;

	for (; o->choices[n]; n++)
		if (!strcmp(o->choices[n], arg)) {
			*(int *)o->value = (int)n;
			return 0;
		}
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&list, "%s%s",
			    !i		? ""
			    : i + 1 < n ? ", "
					: " or ",
			    o->choices[i]);
	ret = error_code(CARVE_EINVALID, "%s takes %s, not '%s'", name,
			 list.buf, arg);
	strbuf_release(&list);
	return ret;
}

/* Puts one option's argument (or its absence) where its row says. */
static int take(const struct cli_opt *o, const char *arg)
{
	struct strbuf name = STRBUF_INIT;
	int ret = 0;

	strbuf_addf(&name, "--%s", o->name);
	switch (o->type) {
	case CLI_OPT_SWITCH:
		*(int *)o->value = (int)o->min;
		break;
	case CLI_OPT_STRING:
		*(const char **)o->value = arg;
		break;
	case CLI_OPT_INT:
	case CLI_OPT_SIZE_T:
	case CLI_OPT_ULONG:
	case CLI_OPT_ULLONG:
	case CLI_OPT_TOP:
		ret = take_number(o, arg, name.buf);
		break;
	case CLI_OPT_BYTES:
		ret = options_size(o->value, arg, name.buf);
		break;
	case CLI_OPT_DATE:
		ret = options_date(o->value, arg, name.buf);
		break;
	case CLI_OPT_GLOBS:
		glob_list_add(o->value, arg);
		break;
	case CLI_OPT_CHOICE:
		ret = take_choice(o, arg, name.buf);
		break;
	case CLI_OPT_CALLBACK:
		ret = o->cb(o, arg);
		break;
	default:
		BUG("option --%s of type %d", o->name, o->type);
	}
	if (!ret && o->given)
		*o->given = 1;
	strbuf_release(&name);
	return ret < 0 ? ret : 0;
}

int cli_parse(int *first, const struct cli_command *cmd,
	      const struct cli_opt *opts, int argc, char **argv)
{
	size_t n = count(opts);
	struct option *longopts = xcalloc(n + 1, sizeof(*longopts));
	struct strbuf shortopts = STRBUF_INIT, prog = STRBUF_INIT;
	char *argv0 = argv[0];
	int c, ret = 0;

	if (argc == 2 && !strcmp(argv[1], "--list-options")) {
		list_options(opts);
		ret = CLI_EHELP;
		goto done;
	}
	if (argc == 2 && !strcmp(argv[1], "--list-words")) {
		list_words(opts);
		ret = CLI_EHELP;
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		const struct cli_opt *o = &opts[i];
		int has_arg = !o->arg			    ? no_argument
			      : o->flags & CLI_OPTIONAL_ARG ? optional_argument
							    : required_argument;

		longopts[i].name = o->name;
		longopts[i].has_arg = has_arg;
		longopts[i].val = o->short_name ? o->short_name
						: LONG_ONLY_BASE + (int)i;
		if (o->short_name) {
			strbuf_addch(&shortopts, o->short_name);
			if (has_arg == required_argument)
				strbuf_addch(&shortopts, ':');
			else if (has_arg == optional_argument)
				strbuf_addstr(&shortopts, "::");
		}
	}
	/* getopt names argv[0] in its messages: "carve scan: ..." */
	strbuf_addf(&prog, "carve %s", cmd->name);
	argv[0] = prog.buf;
	optind = 0;
	opterr = 1;
	while ((c = getopt_long(argc, argv, shortopts.buf, longopts, NULL)) !=
	       -1) {
		const struct cli_opt *o = NULL;

		if (c >= LONG_ONLY_BASE && c < LONG_ONLY_BASE + (int)n)
			o = &opts[c - LONG_ONLY_BASE];
		for (size_t i = 0; !o && c > 0 && i < n; i++)
			if (opts[i].short_name == c)
				o = &opts[i];
		if (!o) {
			cli_print_help(stderr, cmd, opts);
			ret = CARVE_EINVALID;
			break;
		}
		if (o->type == CLI_OPT_HELP) {
			cli_print_help(stdout, cmd, opts);
			ret = CLI_EHELP;
			break;
		}
		if ((ret = take(o, optarg)))
			break;
	}
	/* -o model.json writes JSON unless -f says otherwise */
	for (size_t i = 0; !ret && i < n; i++)
		if (opts[i].type == CLI_OPT_CALLBACK &&
		    opts[i].cb == cli_common_format)
			ret = common_options_infer_format(opts[i].value);
	argv[0] = argv0;
	*first = optind;
done:
	strbuf_release(&prog);
	strbuf_release(&shortopts);
	free(longopts);
	return ret;
}
