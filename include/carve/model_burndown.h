/*
 * The burndown part of the model: the actual series sampled from git
 * (snapshots_run(), carve/snapshots.h), the forecast drawn from its
 * observed throughput, and the planned series from the roadmap when one
 * is known; burndown_run() (carve/burndown.h) makes one and
 * burndown_to_json() writes it (src/model/burndown_json.c), with the
 * dates, base, scope and share of its samples.
 */
#ifndef CARVE_MODEL_BURNDOWN_H
#define CARVE_MODEL_BURNDOWN_H

#include <stddef.h>
#include <stdint.h>

#include "carve/arena.h"
#include "carve/glob.h"

/* Sums of one class of paths (legacy, new, other) at one sample. */
struct snapshot_sum {
	uint64_t code; /* code lines, as carve scan counts them */
	uint64_t files; /* files of a known language */
};

enum { SNAP_LEGACY, SNAP_NEW, SNAP_OTHER, SNAP_CLASSES };

struct snapshot_point {
	int64_t date; /* the sample instant (commits strictly before it) */
	char commit[41]; /* the commit sampled */
	int64_t commit_time; /* its committer date */
	const char *tag; /* the tag sampled (by_tag), else NULL */
	struct snapshot_sum sum[SNAP_CLASSES];
	/* code lines added to legacy files since the migration start */
	uint64_t scope_added;
	/* dependencies from outside legacy into it, -1 when not computed */
	long deps_to_legacy;
	long violations; /* carve check's, -1 when not computed */
};

struct snapshots {
	struct snapshot_point *points; /* oldest first */
	size_t nr;
	char head[41]; /* the commit rev names */
	int64_t first_commit, last_commit; /* committer dates on the chain */
	size_t chain; /* commits on the first-parent chain */
	size_t out_of_order; /* chain commits dated after their child */
	size_t before_first; /* sample dates before the first commit, left out */
	size_t missing; /* blobs that could not be read (skipped) */
	size_t blobs_counted, blobs_cached; /* where line counts came from */
	size_t dep_points; /* samples with dependencies computed */
	int deps_every; /* the N used */
	int64_t start; /* the migration start used */
	const char *start_source; /* "option", or how the default was found */
	int all_legacy; /* no "legacy" configured: everything is legacy */
	char *cache_path; /* NULL when not cached */
	struct arena arena;
};

struct burndown_forecast {
	int ok; /* P10, P50 and P90 are known */
	const char *why_not; /* static text when !ok */
	size_t steps; /* intervals observed since the start */
	double burn_per_week; /* mean net code lines removed from legacy */
	uint64_t remaining; /* legacy code lines at the last sample */
	int64_t p10, p50, p90; /* completion dates */
	size_t trials, unfinished; /* trials past the horizon */
	uint64_t seed;
};

/* One period of the plan (from the roadmap). */
struct burndown_planned {
	int64_t date;
	/* engineer-days left: on P50 efforts, and the roadmap's P10-P90 */
	double remaining_days, low_days, high_days;
	double legacy_code; /* legacy code lines the plan expects left */
	double share; /* share of the effort done, 0..1 */
	double ideal; /* the straight line from start to planned end, days */
};

struct burndown_milestone {
	int64_t date;
	char *name;
};

struct burndown {
	struct snapshots *actual;
	int64_t interval; /* seconds, 0 for per-tag samples */
	int64_t today; /* the today marker */
	const char *today_source;
	struct burndown_forecast forecast;
	struct burndown_planned *planned; /* NULL without a roadmap */
	size_t planned_nr;
	struct burndown_milestone *milestones;
	size_t milestones_nr;
	/*
	 * The plan's finish (carve roadmap's, the same trials): 0 when
	 * unknown, or past the declared capacity (then short_p50 and
	 * short_p90 are the engineer-days it falls short by)
	 */
	int64_t planned_p10, planned_p50, planned_p90;
	double short_p50, short_p90;
	/* the first day past the plan's declared capacity, 0: open-ended */
	int64_t capacity_end;
	int slips; /* the forecast's P50 is past the plan's P50 */
	struct glob_list legacy,
		new_paths; /* carve.json's (strings borrowed) */
};

/* Writes t as YYYY-MM-DD (UTC) into buf, "-" for 0. */
void burndown_date(char *buf, size_t size, int64_t t);

/* The first sample at or after the start, or the last one. */
size_t burndown_start_index(const struct snapshots *s);
/* Code lines of the legacy paths at the start (the scope's base). */
uint64_t burndown_base(const struct snapshots *s);
/* Scope at sample i: legacy code at the start plus code added since. */
uint64_t burndown_scope(const struct snapshots *s, size_t i);
/*
 * Share migrated at sample i, 0..1: new code / (legacy + new code),
 * 0 when the new side is empty. Code added to legacy is scope growth
 * (burndown_scope), its own series, never part of the share.
 */
double burndown_share(const struct snapshots *s, size_t i);

/*
 * A forecast date t for people: "YYYY-MM-DD"; "after YYYY-MM-DD" (the
 * last day of the plan's declared capacity) when t is past it, since no
 * date there is a forecast; "-" for 0. Returns buf (32 bytes or more).
 */
const char *burndown_finish_text(char *buf, size_t size,
				 const struct burndown *b, int64_t t);
/* True when t lies past the plan's declared capacity. */
int burndown_past_capacity(const struct burndown *b, int64_t t);

/*
 * Folds runs of consecutive samples whose figures are the same (legacy,
 * new and added code; dependencies and violations where both samples
 * have them; with `plan`, the planned legacy code) for the sample tables
 * of text and HTML: first[k] is the first sample of run k, first[nr] is
 * s->nr. first holds b->actual->nr + 1 entries; returns nr.
 */
size_t burndown_fold(const struct burndown *b, int plan, size_t *first);

/* The planned period within 4 days of t (the closest), or NULL. */
const struct burndown_planned *burndown_planned_at(const struct burndown *b,
						   int64_t t);

struct cJSON;
/* The model's "burndown" part (the caller owns the result). */
struct cJSON *burndown_to_json(const struct burndown *b);

#endif
