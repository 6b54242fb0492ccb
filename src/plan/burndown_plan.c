/*
 * The planned side of the burndown: carve roadmap's schedule of the
 * "plan" in carve.json, read at each period as remaining engineer-days
 * (on P50 efforts, and P10-P90 over the roadmap's trials, which are carve
 * estimate's), turned into the legacy code the plan expects left (the
 * base in proportion to the effort left), with the ideal straight line
 * and the milestones. No date past the declared capacity is a forecast:
 * the finish there is unknown, with the engineer-days missing.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "carve/burndown.h"
#include "carve/config.h"
#include "carve/error.h"
#include "carve/model.h"
#include "carve/plan.h"
#include "carve/roadmap.h"
#include "carve/roadmap_source.h"
#include "carve/xmalloc.h"

#define DAY 86400

static int64_t to_time(calendar_day d)
{
	return (int64_t)d * DAY;
}

/* A finish percentile: its date, or 0 past the declared capacity. */
static int64_t finish_at(const struct roadmap *r, size_t day)
{
	return day < r->horizon ? to_time(roadmap_date(r, day)) : 0;
}

int burndown_plan(struct burndown *b, struct model *m, const struct config *cfg,
		  const struct input_options *io,
		  const struct burndown_options *o)
{
	unsigned long seed = (unsigned long)o->seed;
	const struct snapshots *s = b->actual;
	struct plan plan;
	struct roadmap_source src = ROADMAP_SOURCE_INIT;
	struct roadmap *r = NULL;
	calendar_day start = (calendar_day)(s->start / DAY);
	int64_t from, finish, step = b->interval ? b->interval : 7 * DAY;
	int64_t end, last = s->nr ? s->points[s->nr - 1].date : 0;
	double base = (double)burndown_base(s);
	size_t alloc = 0;
	int ret;

	memset(&plan, 0, sizeof(plan));
	if ((ret = plan_load(&plan, cfg, start)))
		goto done;
	src.target = o->target;
	/* one effort model: the estimate the caller made is the one */
	src.given = o->estimate;
	src.given_seams = o->seams;
	if ((ret = roadmap_source_open(&src, m, cfg, &plan, io,
				       ROADMAP_DEFAULT_TRIALS, seed)))
		goto done;
	if ((ret = roadmap_build(&r, &plan, &src.in)))
		goto done;
	roadmap_assume(m, &plan, r, 0, 0, 0, seed);
	for (size_t i = 0; i < r->notes_nr; i++)
		warning("%s", r->notes[i]);
	b->capacity_end = plan.capacity_end ? to_time(plan.capacity_end) : 0;
	if (!r->finished && !b->capacity_end) {
		warning("the roadmap does not finish: the plan has no end "
			"date to compare with");
		goto done;
	}
	for (int ph = 0; ph < PHASE_NR; ph++) {
		const struct roadmap_milestone *ms = &r->milestones[ph];

		/* a milestone past the declared capacity has no date */
		if (!ms->reached || ms->day >= r->horizon)
			continue;
		b->milestones = xreallocarray(b->milestones,
					      b->milestones_nr + 1,
					      sizeof(*b->milestones));
		b->milestones[b->milestones_nr].date =
			to_time(roadmap_date(r, ms->day));
		b->milestones[b->milestones_nr].name = xstrdup(
			ph == PHASE_ENDGAME ? "planned finish" : ms->name);
		b->milestones_nr++;
	}
	/* the finish on P50 efforts, 0 past the declared capacity */
	finish = finish_at(r, r->milestones[PHASE_ENDGAME].day);
	b->planned_p10 = finish_at(r, r->milestones[PHASE_ENDGAME].p10);
	b->planned_p50 = finish_at(r, r->milestones[PHASE_ENDGAME].p50);
	b->planned_p90 = finish_at(r, r->milestones[PHASE_ENDGAME].p90);
	b->short_p50 = r->milestones[PHASE_ENDGAME].short_p50;
	b->short_p90 = r->milestones[PHASE_ENDGAME].short_p90;
	/*
	 * periods on the samples' grid, from the plan's start to its P90
	 * finish, or to the end of the capacity declared when that is first
	 */
	from = to_time(plan.cal.start);
	end = b->planned_p90	? b->planned_p90
	      : b->capacity_end ? b->capacity_end - DAY
				: finish;
	if (end < last)
		end = last;
	if (s->nr && b->interval) {
		int64_t t = s->points[0].date;

		while (t > from)
			t -= step;
		from = t;
	}
	for (int64_t t = from; t <= end + step; t += step) {
		struct burndown_planned *p;
		double planned, p50, p10, p90;
		double span =
			finish ? (double)(finish - to_time(plan.cal.start))
			       : NAN;

		/* no period past the declared capacity: nothing planned */
		if (b->capacity_end && t >= b->capacity_end)
			break;
		roadmap_remaining(r, (calendar_day)(t / DAY) - 1, &planned,
				  &p50, &p10, &p90);
		ALLOC_GROW(b->planned, b->planned_nr + 1, alloc);
		p = &b->planned[b->planned_nr++];
		p->date = t;
		p->remaining_days = planned;
		p->low_days = p10 < p90 ? p10 : p90;
		p->high_days = p10 < p90 ? p90 : p10;
		p->share = r->total_effort > 0 ? 1 - planned / r->total_effort
					       : 1;
		p->legacy_code = r->total_effort > 0
					 ? base * planned / r->total_effort
					 : 0;
		/* the straight line to the finish: none without one */
		p->ideal =
			isnan(span) ? NAN
			: span > 0
				? r->total_effort *
					  (1 -
					   (double)(t -
						    to_time(plan.cal.start)) /
						   span)
				: 0;
		if (p->ideal > r->total_effort)
			p->ideal = r->total_effort;
		if (p->ideal < 0)
			p->ideal = 0;
		if (t > end && (planned <= 0 || !b->planned_p90))
			break;
	}
	model_assume(m, "planned legacy code", "default",
		     "the legacy code at the start (%.0f lines) in "
		     "proportion to the roadmap's remaining effort; its band "
		     "is the roadmap's P10-P90 over %zu trials (carve "
		     "estimate's, seed %lu)",
		     base, r->trials, seed);
done:
	roadmap_free(r);
	roadmap_source_release(&src);
	plan_release(&plan);
	return ret;
}
