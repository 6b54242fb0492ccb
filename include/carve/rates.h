/*
 * Porting rates (lines per engineer-day) of carve estimate: the embedded
 * table of defaults, each with its source, and the overrides a user
 * gives in carve.json "rates" or with --rate. Language keys are carve's
 * language names in lower case, headers folded into their language
 * ("C Header" is "c"); "unknown" is a language carve does not know.
 */
#ifndef CARVE_RATES_H
#define CARVE_RATES_H

#include "carve/estimate.h"

struct config;
struct config_dist;

/* Engineer-days in an engineer-year (260 weekdays, 10 holidays, 30 off). */
#define RATES_DAYS_PER_YEAR 220

/* A rate given by the user for one pair; "*" matches any language. */
struct rate_override {
	char *from, *to;
	struct estimate_dist dist;
	char *source; /* "option" or the config file's path */
};

struct rate_overrides {
	struct rate_override *v;
	size_t nr, alloc;
};

/* Lower-case key of a language name into buf ("C++ Header" -> "c++"). */
const char *rates_lang_key(char *buf, size_t n, const char *name);

/*
 * Parses "FROM->TO=R" or "FROM->TO=LOW,LIKELY,HIGH" (lines per
 * engineer-day; one figure keeps the default's spread around it) into
 * `ov`. Returns 0, or CARVE_EINVALID after naming `what` (the option or
 * "'carve.json': \"rates\".\"python->go\"").
 */
int rates_parse_option(struct rate_overrides *ov, const char *arg,
		       enum estimate_dist_kind kind);
/*
 * Adds carve.json's "rates" (checked by config_load(): "FROM->TO": a
 * number, or optimistic, likely, pessimistic and a distribution) to
 * `ov`; cfg may be NULL.
 */
int rates_parse_config(struct rate_overrides *ov, const struct config *cfg,
		       enum estimate_dist_kind kind);
void rates_overrides_release(struct rate_overrides *ov);

/*
 * Fills r for the pair (from, to): the last matching override, else the
 * table, else the documented fallback (r->fallback set). Strings are
 * copied into r.
 */
void rates_resolve(struct estimate_rate *r, const char *from, const char *to,
		   const struct rate_overrides *ov,
		   enum estimate_dist_kind kind);

/*
 * One value of a cost, factor or rate of carve.json (a number or three
 * points) into d, keeping d's spread around a single number. Errors
 * name the file and `key`.
 */
int rates_parse_dist(struct estimate_dist *d, const struct config_dist *v,
		     const char *path, const char *key,
		     enum estimate_dist_kind kind, int rate);

#endif
