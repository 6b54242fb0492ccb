/*
 * Parsing of option values shared by every command (-j, --format, sizes),
 * with error messages that name the option and what it takes.
 */
#ifndef CARVE_OPTIONS_H
#define CARVE_OPTIONS_H

#include <stdint.h>

enum output_format {
	FORMAT_TEXT,
	FORMAT_JSON,
	FORMAT_CSV,
	FORMAT_DOT,
	FORMAT_SVG,
	FORMAT_PNG,
	FORMAT_HTML,
	FORMAT_MERMAID,
	FORMAT_CODE_MAAT, /* code-maat's CSV analyses (carve history) */
	FORMAT_GITHUB, /* GitHub Actions workflow commands (annotations) */
	FORMAT_TJP, /* TaskJuggler project (carve roadmap) */
	FORMAT_MSPROJECT, /* MS Project XML (carve roadmap) */
	FORMAT_SARIF, /* SARIF 2.1.0 (carve check) */
	FORMAT_CLOC, /* cloc --json's shape (carve scan) */
	FORMAT_TOKEI, /* tokei --output json's shape (carve scan) */
	FORMAT_GRAPHML, /* GraphML (carve graph) */
};

/*
 * Parses `arg` as one of the formats named in `allowed` (comma-separated,
 * e.g. "text,json,csv"). Returns 0, or reports and returns CARVE_EINVALID.
 */
int options_format(enum output_format *out, const char *arg,
		   const char *allowed);
/* Parses a whole number within [min, max] for option `name`. */
int options_int(int *out, const char *arg, const char *name, int min,
		int max);
/* Parses a size such as 512, 64K, 16M or 1G (binary units). */
int options_size(uint64_t *out, const char *arg, const char *name);

/*
 * Parses a date for option `name`: YYYY-MM-DD[Thh:mm[:ss]][Z|+hh:mm|
 * -hh:mm] (UTC unless an offset is given) or @SECONDS.
 */
int options_date(int64_t *out, const char *arg, const char *name);

/*
 * The options every command takes: -o, -f, -c, -j, -q, --progress, -h
 * (their rows are CLI_COMMON in carve/cli.h).
 */
struct common_options {
	const char *output;   /* -o FILE, NULL for stdout */
	const char *config;   /* -c FILE, NULL for <root>/carve.json */
	enum output_format format;
	const char *formats;  /* the formats this command writes */
	int threads;          /* -j N */
	int quiet;            /* -q */
	int progress;         /* enum progress_mode from --progress */
	int format_given;     /* -f was on the command line */
};

/* Defaults: text (the first of `formats`), online CPUs, progress auto. */
void common_options_init(struct common_options *o, const char *formats);
/*
 * The format from -o's extension when -f is not given (model.json: json,
 * graph.svg: svg, plan.md: mermaid, ...), if the command writes it; an
 * error naming both when -f names a format that the extension
 * contradicts (-f text -o model.json). Returns 0 or CARVE_EINVALID.
 */
int common_options_infer_format(struct common_options *o);
/* Puts -q and --progress into effect (progress and warning modes). */
void common_options_apply(const struct common_options *o);

#endif
