/*
 * The model's "burndown" part as JSON: the actual samples with the
 * scope and share beside them, the forecast, and the planned series and
 * milestones when a roadmap gave them. Dates are ISO 8601 days (UTC).
 * The base, scope and share of a sample are computed here, for the JSON
 * and the printers alike.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <time.h>

#include "carve/json.h"
#include "carve/model_burndown.h"

static void add_date(cJSON *o, const char *key, int64_t t)
{
	char buf[16];

	if (!t) {
		cJSON_AddNullToObject(o, key);
		return;
	}
	burndown_date(buf, sizeof(buf), t);
	cJSON_AddStringToObject(o, key, buf);
}

static void add_count(cJSON *o, const char *key, long n)
{
	if (n < 0)
		cJSON_AddNullToObject(o, key);
	else
		json_add_int(o, key, n);
}

static cJSON *point_json(const struct snapshots *s, size_t i)
{
	const struct snapshot_point *p = &s->points[i];
	cJSON *o = cJSON_CreateObject();

	add_date(o, "date", p->date);
	cJSON_AddStringToObject(o, "commit", p->commit);
	add_date(o, "commit_date", p->commit_time);
	if (p->tag)
		cJSON_AddStringToObject(o, "tag", p->tag);
	json_add_int(o, "legacy_code", (long long)p->sum[SNAP_LEGACY].code);
	json_add_int(o, "new_code", (long long)p->sum[SNAP_NEW].code);
	json_add_int(o, "other_code", (long long)p->sum[SNAP_OTHER].code);
	json_add_int(o, "legacy_files", (long long)p->sum[SNAP_LEGACY].files);
	json_add_int(o, "new_files", (long long)p->sum[SNAP_NEW].files);
	json_add_int(o, "scope_added", (long long)p->scope_added);
	json_add_int(o, "scope", (long long)burndown_scope(s, i));
	json_add_fixed(o, "share_migrated", burndown_share(s, i), 4);
	add_count(o, "deps_to_legacy", p->deps_to_legacy);
	add_count(o, "violations", p->violations);
	return o;
}

static cJSON *forecast_json(const struct burndown *b)
{
	const struct burndown_forecast *f = &b->forecast;
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "method",
				"monte carlo over the net burns observed "
				"per interval since the start");
	json_add_int(o, "intervals_observed", (long long)f->steps);
	json_add_fixed(o, "burn_per_week", f->burn_per_week, 1);
	json_add_int(o, "remaining", (long long)f->remaining);
	json_add_int(o, "trials", (long long)f->trials);
	json_add_int(o, "seed", (long long)f->seed);
	add_date(o, "p10", f->ok ? f->p10 : 0);
	add_date(o, "p50", f->ok ? f->p50 : 0);
	add_date(o, "p90", f->ok ? f->p90 : 0);
	if (!f->ok)
		cJSON_AddStringToObject(o, "why_not", f->why_not);
	json_add_int(o, "unfinished_trials", (long long)f->unfinished);
	/* carve roadmap's finish; null past the declared capacity */
	add_date(o, "planned_p10", b->planned_p10);
	add_date(o, "planned_p50", b->planned_p50);
	add_date(o, "planned_p90", b->planned_p90);
	if (b->planned_nr) {
		json_add_fixed(o, "planned_short_days_p50", b->short_p50, 1);
		json_add_fixed(o, "planned_short_days_p90", b->short_p90, 1);
		add_date(o, "capacity_until",
			 b->capacity_end ? b->capacity_end - 86400 : 0);
	}
	cJSON_AddBoolToObject(o, "slips", b->slips);
	return o;
}

cJSON *burndown_to_json(const struct burndown *b)
{
	const struct snapshots *s = b->actual;
	cJSON *o = cJSON_CreateObject(), *a;

	if (b->interval)
		json_add_int(o, "interval_days", b->interval / 86400);
	else
		cJSON_AddStringToObject(o, "interval", "tag");
	cJSON_AddStringToObject(o, "head", s->head);
	add_date(o, "start", s->start);
	cJSON_AddStringToObject(o, "start_source",
				s->start_source ? s->start_source : "");
	add_date(o, "today", b->today);
	cJSON_AddBoolToObject(o, "all_legacy", s->all_legacy);
	json_add_int(o, "base", (long long)burndown_base(s));
	json_add_int(o, "chain_commits", (long long)s->chain);
	json_add_int(o, "out_of_order", (long long)s->out_of_order);
	json_add_int(o, "before_first_commit", (long long)s->before_first);
	json_add_int(o, "missing_objects", (long long)s->missing);
	a = cJSON_AddArrayToObject(o, "actual");
	for (size_t i = 0; i < s->nr; i++)
		cJSON_AddItemToArray(a, point_json(s, i));
	cJSON_AddItemToObject(o, "forecast", forecast_json(b));
	a = cJSON_AddArrayToObject(o, "planned");
	for (size_t i = 0; i < b->planned_nr; i++) {
		const struct burndown_planned *p = &b->planned[i];
		cJSON *x = cJSON_CreateObject();

		add_date(x, "date", p->date);
		json_add_fixed(x, "remaining_days", p->remaining_days, 1);
		json_add_fixed(x, "p10_days", p->low_days, 1);
		json_add_fixed(x, "p90_days", p->high_days, 1);
		json_add_fixed(x, "legacy_code", round(p->legacy_code), 0);
		json_add_fixed(x, "share", p->share, 4);
		json_add_fixed(x, "ideal_days", p->ideal, 1);
		cJSON_AddItemToArray(a, x);
	}
	a = cJSON_AddArrayToObject(o, "milestones");
	for (size_t i = 0; i < b->milestones_nr; i++) {
		cJSON *x = cJSON_CreateObject();

		add_date(x, "date", b->milestones[i].date);
		cJSON_AddStringToObject(x, "name", b->milestones[i].name);
		cJSON_AddItemToArray(a, x);
	}
	return o;
}

void burndown_date(char *buf, size_t size, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!t || !gmtime_r(&tt, &tm)) {
		snprintf(buf, size, "-");
		return;
	}
	strftime(buf, size, "%Y-%m-%d", &tm);
}

/* The first sample at or after the start, or the last one. */
size_t burndown_start_index(const struct snapshots *s)
{
	for (size_t i = 0; i < s->nr; i++)
		if (s->points[i].date >= s->start)
			return i;
	return s->nr ? s->nr - 1 : 0;
}

uint64_t burndown_base(const struct snapshots *s)
{
	return s->nr ? s->points[burndown_start_index(s)].sum[SNAP_LEGACY].code : 0;
}

uint64_t burndown_scope(const struct snapshots *s, size_t i)
{
	if (i < burndown_start_index(s))
		return s->points[i].sum[SNAP_LEGACY].code;
	return burndown_base(s) + s->points[i].scope_added;
}

double burndown_share(const struct snapshots *s, size_t i)
{
	uint64_t left = s->points[i].sum[SNAP_LEGACY].code;
	uint64_t moved = s->points[i].sum[SNAP_NEW].code;

	/*
	 * What is on the new side against what is still to move: churn on
	 * the legacy side (code added, rewritten or deleted there) is scope,
	 * not migration, and moves neither way by itself.
	 */
	if (!moved)
		return 0;
	return (double)moved / (double)(left + moved);
}

/* -1 is "not computed": it matches anything. */
static int same_count(long a, long b)
{
	return a < 0 || b < 0 || a == b;
}

static int same_sample(const struct burndown *b, int plan, size_t i, size_t j)
{
	const struct snapshot_point *x = &b->actual->points[i];
	const struct snapshot_point *y = &b->actual->points[j];

	if (x->tag || y->tag ||
	    x->sum[SNAP_LEGACY].code != y->sum[SNAP_LEGACY].code ||
	    x->sum[SNAP_NEW].code != y->sum[SNAP_NEW].code ||
	    x->scope_added != y->scope_added ||
	    !same_count(x->deps_to_legacy, y->deps_to_legacy) ||
	    !same_count(x->violations, y->violations))
		return 0;
	if (plan) {
		const struct burndown_planned *p =
			burndown_planned_at(b, x->date);
		const struct burndown_planned *q =
			burndown_planned_at(b, y->date);

		if (!p != !q ||
		    (p && llround(p->legacy_code) != llround(q->legacy_code)))
			return 0;
	}
	return 1;
}

size_t burndown_fold(const struct burndown *b, int plan, size_t *first)
{
	const struct snapshots *s = b->actual;
	size_t nr = 0;
	long deps = -1, viol = -1;

	for (size_t i = 0; i < s->nr; i++) {
		const struct snapshot_point *p = &s->points[i];

		/* a run's known counts must all agree, not just neighbours' */
		if (i && same_sample(b, plan, first[nr - 1], i) &&
		    same_count(deps, p->deps_to_legacy) &&
		    same_count(viol, p->violations)) {
			if (p->deps_to_legacy >= 0)
				deps = p->deps_to_legacy;
			if (p->violations >= 0)
				viol = p->violations;
			continue;
		}
		first[nr++] = i;
		deps = p->deps_to_legacy;
		viol = p->violations;
	}
	first[nr] = s->nr;
	return nr;
}

int burndown_past_capacity(const struct burndown *b, int64_t t)
{
	return t && b->capacity_end && t >= b->capacity_end;
}

const char *burndown_finish_text(char *buf, size_t size,
				 const struct burndown *b, int64_t t)
{
	char d[16];

	if (!burndown_past_capacity(b, t)) {
		burndown_date(buf, size, t);
		return buf;
	}
	burndown_date(d, sizeof(d), b->capacity_end - 86400);
	snprintf(buf, size, "after %s", d);
	return buf;
}

const struct burndown_planned *burndown_planned_at(const struct burndown *b,
						   int64_t t)
{
	const struct burndown_planned *best = NULL;

	for (size_t i = 0; i < b->planned_nr; i++)
		if (!best ||
		    llabs(b->planned[i].date - t) < llabs(best->date - t))
			best = &b->planned[i];
	return best && llabs(best->date - t) < 4 * 86400 ? best : NULL;
}
