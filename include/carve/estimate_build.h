/*
 * Building a struct estimate (src/plan/estimate.c) from any input: the
 * scan and its contexts (src/plan/estimate_scan.c) or declared sizes
 * (src/plan/estimate_sizes.c). begin reads the options and carve.json,
 * the input adds contexts and their code, finish runs the Monte Carlo.
 */
#ifndef CARVE_ESTIMATE_BUILD_H
#define CARVE_ESTIMATE_BUILD_H

#include "carve/error.h"
#include "carve/estimate.h"
#include "carve/rates.h"

/* A source language key and its target key (owned). */
struct estimate_target {
	char *from, *to;
};

struct estimate_build {
	struct estimate *e; /* being built; owned until finish */
	const struct estimate_options *o;
	struct rate_overrides ov;
	enum estimate_dist_kind kind;
	int kind_set;
	const char *kind_source, *target_source;
	const char *factor_source[8];
	size_t rates_alloc, contexts_alloc;
	int tables; /* owned tables: 1 declared, 2 from carve data */
	struct estimate_target *targets; /* "target" by language */
	size_t targets_nr;
	/* file roles priced although not code ("estimate"."price") */
	unsigned priced_roles; /* 1 << enum file_role */
	/* lines left unpriced, by why (estimate_scan.c) */
	unsigned long left_new, left_legacy, left_role[16], left_data;
	int legacy, fresh; /* "legacy", "new" declared */
	size_t tables_found; /* owned tables from carve data */
};

/* Reads options and o->config. Returns 0 or <0 after reporting. */
int estimate_build_begin(struct estimate_build *b,
			 const struct estimate_options *o);
/* Index of the rate of (from, to) in b->e->rates, added if new. */
size_t estimate_build_rate(struct estimate_build *b, const char *from,
			   const char *to);
/*
 * The language code of language key `lang` is written in after the
 * migration: its own target in "target"'s map, else the target of
 * rewritten (general-purpose, back-end) code, else itself. Browser
 * languages (JavaScript, TypeScript, Vue, CSS ...) keep theirs unless
 * the map names them.
 */
const char *estimate_target_of(const struct estimate_build *b, const char *lang,
			       int rewritten);
/* A new context named `name` (copied); a service by default. */
struct estimate_context *estimate_build_context(struct estimate_build *b,
						const char *name);
/*
 * Adds `code` lines of language key `lang` to x, test code or not, at
 * complexity factor cx; programming languages go to the target.
 */
void estimate_build_work(struct estimate_build *b, struct estimate_context *x,
			 const char *lang, int programming, unsigned long code,
			 int test, double cx);
/*
 * Checks the contexts (limit, exclusions, zero lines), records the
 * assumptions and runs the Monte Carlo; *out is then the caller's.
 */
int estimate_build_finish(struct estimate_build *b, struct estimate **out);
void estimate_build_release(struct estimate_build *b);

/*
 * Runs the Monte Carlo of a filled estimate (contexts, rates, factors,
 * seed and trials): the ranges, shares and draws. Any -j gives the same.
 */
void estimate_run(struct estimate *e, int threads);
struct language;
/* General-purpose code, rewritten for a target (not SQL, Shell, ...). */
int estimate_rewritten(const struct language *lang);
/* sqrt(density / reference), bounded (see carve-estimate(1)). */
double estimate_complexity_factor(double density, double reference);
/* P10/P50/P80/P90 and mean of v[0..n), which it reorders. */
void estimate_range_of(struct estimate_range *r, double *v, size_t n);

#endif
