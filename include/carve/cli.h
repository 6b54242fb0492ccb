/*
 * Each command's options as one declarative table (long name, short flag,
 * argument, help, default, where the value goes), as libgit2's
 * cli_opt_spec and git's OPT_* do: the -h text, getopt_long's tables and
 * the parse loop all come from it, and tests/cli/t0004 holds the man
 * pages to it. The table and the values it points to belong to the
 * command; cli_parse() only writes through the pointers.
 */
#ifndef CARVE_CLI_H
#define CARVE_CLI_H

#include <stdio.h>

struct common_options;

enum cli_opt_type {
	CLI_OPT_END,
	CLI_OPT_HELP, /* -h: prints the help, cli_parse returns CLI_EHELP */
	CLI_OPT_SWITCH, /* int *value = set (1 unless told) */
	CLI_OPT_STRING, /* const char **value = the argument */
	CLI_OPT_INT, /* int *value, a whole number in [min, max] */
	CLI_OPT_SIZE_T, /* size_t *value, the same */
	CLI_OPT_ULONG, /* unsigned long *value, the same */
	CLI_OPT_ULLONG, /* unsigned long long *value, the same */
	CLI_OPT_TOP, /* int *value: rows shown, 0 for all (CLI_TOP_ALL) */
	CLI_OPT_BYTES, /* uint64_t *value: 512, 64K, 16M, 1G */
	CLI_OPT_DATE, /* int64_t *value: YYYY-MM-DD[Thh:mm[:ss]] or @SECS */
	CLI_OPT_GLOBS, /* struct glob_list *value: repeatable */
	CLI_OPT_CHOICE, /* int *value = index of the argument in choices */
	CLI_OPT_CALLBACK, /* cb(opt, arg) */
};

enum {
	CLI_OPTIONAL_ARG = 1, /* --clang[=WHEN]: the argument may be left out */
};

/* --top 0: every row */
#define CLI_TOP_ALL 1000000

/* cli_parse() printed the help on -h: nothing more to do, exit 0. */
#define CLI_EHELP (-100)

struct cli_opt {
	enum cli_opt_type type;
	int short_name; /* 'o' for -o, 0 for none */
	const char *name; /* long name without the dashes */
	const char *arg; /* the argument's name in the help (FILE, N), or NULL */
	const char *help; /* one sentence, wrapped by the help printer */
	const char *def; /* the default the help and the man page show */
	void *value;
	int *given; /* set to 1 when the option is seen, if not NULL */
	long long min, max; /* range of numbers; for a switch, min is set */
	/* CLI_OPT_CALLBACK: takes arg (NULL if an optional one is left out) */
	int (*cb)(const struct cli_opt *opt, const char *arg);
	unsigned flags; /* CLI_OPTIONAL_ARG */
	/* CLI_OPT_CHOICE: the words, NULL-ended; for a callback, the words
	 * it takes, if a set (for --list-words) */
	const char *const *choices;
};

/* What a command's help says above its options. */
struct cli_command {
	const char *name; /* "scan" */
	const char *usage[3]; /* operand lines; the unused ones NULL */
	const char *description; /* a paragraph, lines ending in '\n' */
};

/* The operands of a command reading a tree or a saved model. */
#define CLI_USAGE_INPUT "[options] [PATH | MODEL.json]"

/*
 * Rows. Trailing arguments are more designated initializers, such as
 * .given = &flag.
 */
#define CLI_END                     \
	{                           \
		.type = CLI_OPT_END \
	}
#define CLI_HELP_ROW                                                     \
	{                                                                \
		.type = CLI_OPT_HELP, .short_name = 'h', .name = "help", \
		.help = "show this help"                                 \
	}
#define CLI_SWITCH(s, l, v, h, ...)                                            \
	{                                                                      \
		.type = CLI_OPT_SWITCH, .short_name = s, .name = l, .help = h, \
		.value = v, .min = 1, __VA_ARGS__                              \
	}
#define CLI_SET(s, l, v, val, h, ...)                                          \
	{                                                                      \
		.type = CLI_OPT_SWITCH, .short_name = s, .name = l, .help = h, \
		.value = v, .min = val, __VA_ARGS__                            \
	}
#define CLI_STRING(s, l, v, a, h, d, ...)                                     \
	{                                                                     \
		.type = CLI_OPT_STRING, .short_name = s, .name = l, .arg = a, \
		.help = h, .def = d, .value = v, __VA_ARGS__                  \
	}
#define CLI_NUMBER(t, s, l, v, a, lo, hi, h, d, ...)                        \
	{                                                                   \
		.type = t, .short_name = s, .name = l, .arg = a, .help = h, \
		.def = d, .value = v, .min = lo, .max = hi, __VA_ARGS__     \
	}
#define CLI_INT(s, l, v, a, lo, hi, h, d, ...) \
	CLI_NUMBER(CLI_OPT_INT, s, l, v, a, lo, hi, h, d, __VA_ARGS__)
#define CLI_SIZE_T(s, l, v, a, lo, hi, h, d, ...) \
	CLI_NUMBER(CLI_OPT_SIZE_T, s, l, v, a, lo, hi, h, d, __VA_ARGS__)
#define CLI_ULONG(s, l, v, a, lo, hi, h, d, ...) \
	CLI_NUMBER(CLI_OPT_ULONG, s, l, v, a, lo, hi, h, d, __VA_ARGS__)
#define CLI_ULLONG(s, l, v, a, lo, hi, h, d, ...) \
	CLI_NUMBER(CLI_OPT_ULLONG, s, l, v, a, lo, hi, h, d, __VA_ARGS__)
/* --top N: rows per table in text output, 0 for all */
#define CLI_TOP(v, h, d) \
	CLI_NUMBER(CLI_OPT_TOP, 0, "top", v, "N", 0, 1000000, h, d)
#define CLI_BYTES(s, l, v, a, h, d, ...)                                     \
	{                                                                    \
		.type = CLI_OPT_BYTES, .short_name = s, .name = l, .arg = a, \
		.help = h, .def = d, .value = v, __VA_ARGS__                 \
	}
#define CLI_DATE(s, l, v, a, h, d, ...)                                     \
	{                                                                   \
		.type = CLI_OPT_DATE, .short_name = s, .name = l, .arg = a, \
		.help = h, .def = d, .value = v, __VA_ARGS__                \
	}
#define CLI_GLOBS(s, l, v, a, h, ...)                                        \
	{                                                                    \
		.type = CLI_OPT_GLOBS, .short_name = s, .name = l, .arg = a, \
		.help = h, .value = v, __VA_ARGS__                           \
	}
#define CLI_CHOICE(s, l, v, a, words, h, d, ...)                               \
	{                                                                      \
		.type = CLI_OPT_CHOICE, .short_name = s, .name = l, .arg = a,  \
		.help = h, .def = d, .value = v, .choices = words, __VA_ARGS__ \
	}
#define CLI_CALLBACK(s, l, v, a, fn, h, d, ...)                       \
	{                                                             \
		.type = CLI_OPT_CALLBACK, .short_name = s, .name = l, \
		.arg = a, .help = h, .def = d, .value = v, .cb = fn,  \
		__VA_ARGS__                                           \
	}

/*
 * The options every command shares (struct common_options). Each takes
 * the help its command shows, as the words differ a little; -f's lists
 * the formats and names the default (the first of c->formats). -o and
 * -j take the default shown, NULL where the help says none.
 */
int cli_common_format(const struct cli_opt *opt, const char *arg);
int cli_common_progress(const struct cli_opt *opt, const char *arg);
#define CLI_COMMON_OUTPUT(c, h, d) \
	CLI_STRING('o', "output", &(c)->output, "FILE", h, d)
#define CLI_COMMON_FORMAT(c, h, d) \
	CLI_CALLBACK('f', "format", c, "FORMAT", cli_common_format, h, d)
#define CLI_COMMON_CONFIG(c, h) \
	CLI_STRING('c', "config", &(c)->config, "FILE", h, NULL)
#define CLI_COMMON_JOBS(c, h, d) \
	CLI_INT('j', "jobs", &(c)->threads, "N", 1, 256, h, d)
#define CLI_COMMON_QUIET(c, h) CLI_SWITCH('q', "quiet", &(c)->quiet, h)
extern const char *const cli_progress_words[];
#define CLI_COMMON_PROGRESS(c, h)                                              \
	CLI_CALLBACK(0, "progress", c, "WHEN", cli_common_progress, h, "auto", \
		     .choices = cli_progress_words)
/* The six with the words most commands use. */
#define CLI_COMMON_OUTPUT_DEFAULT(c)                                         \
	CLI_COMMON_OUTPUT(c, "write to FILE (default '-', standard output)", \
			  "-")
#define CLI_COMMON_CONFIG_DEFAULT(c) \
	CLI_COMMON_CONFIG(c, "read FILE instead of carve.json at the root")
#define CLI_COMMON_QUIET_DEFAULT(c) \
	CLI_COMMON_QUIET(c, "no progress and no warnings on stderr")
#define CLI_COMMON_PROGRESS_DEFAULT(c) \
	CLI_COMMON_PROGRESS(c, "auto (default), never or always")
#define CLI_COMMON(c, format_help, format_default, jobs_help)      \
	CLI_COMMON_OUTPUT_DEFAULT(c),                              \
		CLI_COMMON_FORMAT(c, format_help, format_default), \
		CLI_COMMON_CONFIG_DEFAULT(c),                      \
		CLI_COMMON_JOBS(c, jobs_help, "CPUs"),             \
		CLI_COMMON_QUIET_DEFAULT(c), CLI_COMMON_PROGRESS_DEFAULT(c)

/*
 * Parses argv[1..] by the table `opts` (argv[0] is the command's name).
 * On 0, *first is the index of the first operand (getopt_long moves the
 * operands after the options). Returns 0; CLI_EHELP after printing the
 * help on stdout; CARVE_EINVALID after reporting a bad option or value
 * ("carve scan: unrecognized option '--x'", then the help on stderr).
 * `carve <command> --list-options` alone prints the table instead, one
 * option a line (short, long, argument, default; tab-separated) for the
 * man page test, and returns CLI_EHELP; `--list-words` alone prints
 * the words each option takes ("--format<TAB>text json"), for the shell
 * completions.
 */
int cli_parse(int *first, const struct cli_command *cmd,
	      const struct cli_opt *opts, int argc, char **argv);

/* The exit status for cli_parse()'s error: 0 after -h, else 129. */
int cli_exit_status(int ret);

/* Writes the help of cmd and opts to fp. */
void cli_print_help(FILE *fp, const struct cli_command *cmd,
		    const struct cli_opt *opts);

/*
 * Reports a usage error the way cli_parse does: "error: <message>", then
 * the help on stderr. Returns CARVE_EINVALID.
 */
int cli_usage_error(const struct cli_command *cmd, const struct cli_opt *opts,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
