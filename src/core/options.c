/*
 * Option values: strict parsing (no trailing garbage, no overflow).
 */
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "carve/error.h"
#include "carve/options.h"
#include "carve/pool.h"
#include "carve/progress.h"

static const char *const format_names[] = {
	[FORMAT_TEXT] = "text",
	[FORMAT_JSON] = "json",
	[FORMAT_CSV] = "csv",
	[FORMAT_DOT] = "dot",
	[FORMAT_SVG] = "svg",
	[FORMAT_PNG] = "png",
	[FORMAT_HTML] = "html",
	[FORMAT_MERMAID] = "mermaid",
	[FORMAT_CODE_MAAT] = "code-maat",
	[FORMAT_GITHUB] = "github",
	[FORMAT_TJP] = "tjp",
	[FORMAT_MSPROJECT] = "msproject",
	[FORMAT_SARIF] = "sarif",
	[FORMAT_CLOC] = "cloc",
	[FORMAT_TOKEI] = "tokei",
	[FORMAT_GRAPHML] = "graphml",
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

void common_options_init(struct common_options *o, const char *formats)
{
	const char *comma = strchr(formats, ',');
	char first[16];
	size_t n = comma ? (size_t)(comma - formats) : strlen(formats);

	memset(o, 0, sizeof(*o));
	o->formats = formats;
	o->threads = pool_default_threads();
	o->progress = PROGRESS_AUTO;
	snprintf(first, sizeof(first), "%.*s", (int)n, formats);
	if (options_format(&o->format, first, formats))
		BUG("format list '%s' starts with no known format", formats);
}

/* Output file extensions and the formats that write them. */
static const struct {
	const char *ext;
	enum output_format format;
	enum output_format also; /* another format that writes it */
} extensions[] = {
	{ "json", FORMAT_JSON, FORMAT_JSON },
	{ "csv", FORMAT_CSV, FORMAT_CODE_MAAT },
	{ "dot", FORMAT_DOT, FORMAT_DOT },
	{ "gv", FORMAT_DOT, FORMAT_DOT },
	{ "svg", FORMAT_SVG, FORMAT_SVG },
	{ "png", FORMAT_PNG, FORMAT_PNG },
	{ "html", FORMAT_HTML, FORMAT_HTML },
	{ "htm", FORMAT_HTML, FORMAT_HTML },
	{ "md", FORMAT_MERMAID, FORMAT_TEXT },
	{ "mmd", FORMAT_MERMAID, FORMAT_MERMAID },
	{ "tjp", FORMAT_TJP, FORMAT_TJP },
	{ "xml", FORMAT_MSPROJECT, FORMAT_MSPROJECT },
	{ "txt", FORMAT_TEXT, FORMAT_GITHUB },
	{ "sarif", FORMAT_SARIF, FORMAT_SARIF },
	{ "graphml", FORMAT_GRAPHML, FORMAT_GRAPHML },
};

int common_options_infer_format(struct common_options *o)
{
	const char *base, *dot;

	if (!o->output || !strcmp(o->output, "-"))
		return 0;
	base = strrchr(o->output, '/');
	base = base ? base + 1 : o->output;
	dot = strrchr(base, '.');
	if (!dot || dot == base)
		return 0;
	for (size_t i = 0; i < sizeof(extensions) / sizeof(*extensions); i++) {
		if (strcasecmp(dot + 1, extensions[i].ext))
			continue;
		if (o->format_given) {
			if (o->format == extensions[i].format ||
			    o->format == extensions[i].also)
				return 0;
			return error_code(CARVE_EINVALID,
					  "--format %s and -o '%s' disagree: "
					  "'.%s' is written by --format %s",
					  format_names[o->format], o->output,
					  extensions[i].ext,
					  format_names[extensions[i].format]);
		}
		/* a format this command does not write: leave the default */
		if (in_list(o->formats, format_names[extensions[i].format]))
			o->format = extensions[i].format;
		return 0;
	}
	return 0;
}

void common_options_apply(const struct common_options *o)
{
	if (o->quiet)
		warning_set_quiet(1);
	progress_set_mode(o->quiet ? PROGRESS_NEVER :
				     (enum progress_mode)o->progress);
}

/* Parses YYYY-MM-DD[Thh:mm[:ss]][Z|+hh:mm|-hh:mm] or @SECONDS. */
int options_date(int64_t *out, const char *arg, const char *name)
{
	struct tm tm = { 0 };
	int n = 0, sign = 0, oh = 0, om = 0;
	const char *p = arg;
	long long secs;

	if (*p == '@' && sscanf(p + 1, "%lld%n", &secs, &n) == 1 && !p[1 + n]) {
		*out = secs;
		return 0;
	}
	if (sscanf(p, "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
		   &n) != 3)
		goto bad;
	p += n;
	if ((*p == 'T' || *p == ' ') &&
	    sscanf(p + 1, "%2d:%2d%n", &tm.tm_hour, &tm.tm_min, &n) == 2) {
		p += 1 + n;
		if (*p == ':' && sscanf(p + 1, "%2d%n", &tm.tm_sec, &n) == 1)
			p += 1 + n;
	}
	if (*p == 'Z') {
		p++;
	} else if ((*p == '+' || *p == '-') &&
		   sscanf(p + 1, "%2d:%2d%n", &oh, &om, &n) == 2) {
		sign = *p == '-' ? -1 : 1;
		p += 1 + n;
	}
	if (*p || tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 ||
	    tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 ||
	    tm.tm_sec > 60)
		goto bad;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	*out = (int64_t)timegm(&tm) - sign * (oh * 3600 + om * 60);
	return 0;
bad:
	return error_code(CARVE_EINVALID,
			  "%s takes a date such as 2024-01-31 or "
			  "2024-01-31T12:00:00Z, not '%s'",
			  name, arg);
}
