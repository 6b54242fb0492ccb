/*
 * Option values: strict parsing (no trailing garbage, no overflow).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "carve/error.h"
#include "carve/options.h"

static const char *const format_names[] = {
	[FORMAT_TEXT] = "text", [FORMAT_JSON] = "json",
	[FORMAT_CSV] = "csv",   [FORMAT_DOT] = "dot",
	[FORMAT_SVG] = "svg",   [FORMAT_PNG] = "png",
	[FORMAT_HTML] = "html", [FORMAT_MERMAID] = "mermaid",
};

static int in_list(const char *list, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = list; p && *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		if (len == n && !strncmp(p, word, n))
			return 1;
		p = comma ? comma + 1 : NULL;
	}
	return 0;
}

int options_format(enum output_format *out, const char *arg,
		   const char *allowed)
{
	for (size_t i = 0; i < sizeof(format_names) / sizeof(*format_names);
	     i++)
		if (!strcmp(arg, format_names[i]) && in_list(allowed, arg)) {
			*out = (enum output_format)i;
			return 0;
		}
	return error_code(CARVE_EINVALID,
			  "unknown format '%s': expected one of %s", arg,
			  allowed);
}

int options_int(int *out, const char *arg, const char *name, int min, int max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < min || v > max)
		return error_code(CARVE_EINVALID,
				  "%s takes a whole number from %d to %d, "
				  "not '%s'", name, min, max, arg);
	*out = (int)v;
	return 0;
}

int options_size(uint64_t *out, const char *arg, const char *name)
{
	char *end;
	unsigned long long v;
	unsigned shift = 0;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (!errno && end != arg && arg[0] != '-') {
		switch (*end) {
		case 'k': case 'K': shift = 10; end++; break;
		case 'm': case 'M': shift = 20; end++; break;
		case 'g': case 'G': shift = 30; end++; break;
		}
		if (*end == 'i' && shift)
			end++;
		if ((*end == 'B' || *end == 'b') && shift)
			end++;
		if (!*end && v <= (UINT64_MAX >> shift)) {
			*out = (uint64_t)v << shift;
			return 0;
		}
	}
	return error_code(CARVE_EINVALID,
			  "%s takes a size such as 512K, 16M or 1G, not '%s'",
			  name, arg);
}
