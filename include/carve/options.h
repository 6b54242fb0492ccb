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

#endif
