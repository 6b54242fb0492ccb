/*
 * The "roadmap" part of the model: milestones, contexts, tasks with
 * their dependencies, critical path, cycles, monthly utilisation, notes,
 * and the planned remaining effort week by week (for carve burndown),
 * as roadmap_build() computed them; and the date of a working day.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <string.h>

#include "carve/model_roadmap.h"

static const char *const phase_names[] = { "phase 0", "MVE", "endgame" };
static const char *const kind_names[] = { "phase0", "step", "data" };

/* A date, or null past the declared capacity: no forecast there. */
static void add_date(cJSON *o, const char *key, const struct roadmap *r,
		     size_t day)
{
	char buf[16];

	if (r->horizon && day >= r->horizon)
		cJSON_AddNullToObject(o, key);
	else
		cJSON_AddStringToObject(
			o, key, calendar_format(buf, roadmap_date(r, day)));
}

/* Rounded to 0.01 so the text is stable across platforms. */
static void add_num(cJSON *o, const char *key, double v)
{
	cJSON_AddNumberToObject(o, key, round(v * 100) / 100);
}

static cJSON *milestones(const struct roadmap *r)
{
	cJSON *a = cJSON_CreateArray();

	for (int ph = 0; ph < PHASE_NR; ph++) {
		const struct roadmap_milestone *m = &r->milestones[ph];
		cJSON *o;

		if (!m->reached)
			continue;
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "name", m->name);
		add_date(o, "planned", r, m->day);
		add_date(o, "p50", r, m->p50);
		add_date(o, "p85", r, m->p85);
		/* past the declared capacity: no date, only the shortfall */
		add_date(o, "p10", r, m->p10);
		add_date(o, "p90", r, m->p90);
		if (ph == PHASE_ENDGAME) {
			add_num(o, "short_days_p10", m->short_p10);
			add_num(o, "short_days_p50", m->short_p50);
			add_num(o, "short_days_p90", m->short_p90);
		}
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

static cJSON *contexts(const struct roadmap *r)
{
	cJSON *a = cJSON_CreateArray();

	for (size_t i = 0; i < r->nr; i++) {
		const struct roadmap_context *x = &r->contexts[i];
		cJSON *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "name", x->name);
		cJSON_AddNumberToObject(o, "wave", (double)x->wave);
		cJSON_AddStringToObject(o, "phase", phase_names[x->phase]);
		if (x->owner)
			cJSON_AddStringToObject(o, "owner", x->owner);
		if (x->rank)
			cJSON_AddNumberToObject(o, "rank", (double)x->rank);
		add_num(o, "effort_p10", x->p10);
		add_num(o, "effort_p50", x->p50);
		add_num(o, "effort_p90", x->p90);
		add_date(o, "start", r, x->start);
		add_date(o, "end", r, x->end);
		add_date(o, "p50_end", r, x->end_p50);
		add_date(o, "p85_end", r, x->end_p85);
		add_num(o, "engineers", x->engineers);
		cJSON_AddBoolToObject(o, "critical", x->critical);
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

static cJSON *tasks(const struct roadmap *r)
{
	cJSON *a = cJSON_CreateArray();

	for (size_t i = 0; i < r->tasks_nr; i++) {
		const struct roadmap_task *x = &r->tasks[i];
		cJSON *o = cJSON_CreateObject(), *d;

		cJSON_AddStringToObject(o, "name", x->name);
		cJSON_AddStringToObject(o, "kind", kind_names[x->kind]);
		if (x->context >= 0)
			cJSON_AddStringToObject(o, "context",
						r->contexts[x->context].name);
		cJSON_AddStringToObject(o, "phase", phase_names[x->phase]);
		add_num(o, "effort", x->effort);
		add_date(o, "start", r, x->start);
		add_date(o, "end", r, x->end);
		add_num(o, "engineers", x->engineers);
		add_date(o, "p50_end", r, x->end_p50);
		add_date(o, "p85_end", r, x->end_p85);
		cJSON_AddBoolToObject(o, "critical", x->critical);
		d = cJSON_AddArrayToObject(o, "after");
		for (size_t k = 0; k < x->preds_nr; k++)
			cJSON_AddItemToArray(
				d,
				cJSON_CreateString(r->tasks[x->preds[k]].name));
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

static cJSON *cycles(const struct roadmap *r)
{
	cJSON *a = cJSON_CreateArray();

	for (size_t i = 0; i < r->cycles_nr; i++) {
		const struct roadmap_cycle *c = &r->cycles[i];
		cJSON *o = cJSON_CreateObject();
		cJSON *names = cJSON_AddArrayToObject(o, "contexts");
		cJSON *cuts = cJSON_AddArrayToObject(o, "cut");

		for (size_t j = 0; j < c->nr; j++)
			cJSON_AddItemToArray(
				names,
				cJSON_CreateString(
					r->contexts[c->contexts[j]].name));
		for (size_t j = 0; j < c->cuts_nr; j++) {
			cJSON *e = cJSON_CreateObject();

			cJSON_AddStringToObject(
				e, "from", r->contexts[c->cuts[j].from].name);
			cJSON_AddStringToObject(
				e, "to", r->contexts[c->cuts[j].to].name);
			cJSON_AddNumberToObject(e, "refs",
						(double)c->cuts[j].refs);
			cJSON_AddItemToArray(cuts, e);
		}
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

static cJSON *months(const struct roadmap *r)
{
	cJSON *a = cJSON_CreateArray();

	for (size_t i = 0; i < r->months_nr; i++) {
		cJSON *o = cJSON_CreateObject();
		char buf[16];

		calendar_format(buf, r->months[i].first);
		*strrchr(buf, '-') = '\0'; /* the month: +10000-01 too */
		cJSON_AddStringToObject(o, "month", buf);
		add_num(o, "capacity", r->months[i].capacity);
		add_num(o, "used", r->months[i].used);
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

/* Remaining engineer-days at the end of each week (5 working days). */
static cJSON *remaining(const struct roadmap *r)
{
	cJSON *a = cJSON_CreateArray();

	for (size_t k = 0; k < r->weeks_nr; k++) {
		const struct roadmap_week *w = &r->weeks[k];
		cJSON *o = cJSON_CreateObject();
		char buf[16];

		cJSON_AddStringToObject(o, "date",
					calendar_format(buf, w->date));
		add_num(o, "planned", w->planned);
		add_num(o, "p50", w->p50);
		add_num(o, "p10", w->p10);
		add_num(o, "p90", w->p90);
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

void roadmap_json_add(cJSON *root, const struct roadmap *r)
{
	cJSON *o = cJSON_AddObjectToObject(root, "roadmap");
	cJSON *path = cJSON_CreateArray(), *notes = cJSON_CreateArray();
	char buf[16];

	cJSON_AddStringToObject(o, "start",
				calendar_format(buf, r->plan->cal.start));
	cJSON_AddStringToObject(o, "source",
				r->source ? r->source : "plan.contexts");
	cJSON_AddBoolToObject(o, "finished", r->finished);
	cJSON_AddNumberToObject(o, "trials", (double)r->trials);
	cJSON_AddNumberToObject(o, "waves", (double)r->waves);
	add_num(o, "effort", r->total_effort);
	add_num(o, "effort_p10", r->effort_p10);
	add_num(o, "effort_p50", r->effort_p50);
	add_num(o, "effort_p90", r->effort_p90);
	cJSON_AddItemToObject(o, "milestones", milestones(r));
	cJSON_AddItemToObject(o, "contexts", contexts(r));
	cJSON_AddItemToObject(o, "tasks", tasks(r));
	for (size_t i = 0; i < r->critical_nr; i++)
		cJSON_AddItemToArray(
			path,
			cJSON_CreateString(r->tasks[r->critical[i]].name));
	cJSON_AddItemToObject(o, "critical_path", path);
	cJSON_AddItemToObject(o, "cycles", cycles(r));
	cJSON_AddItemToObject(o, "utilisation", months(r));
	cJSON_AddItemToObject(o, "remaining", remaining(r));
	for (size_t i = 0; i < r->notes_nr; i++)
		cJSON_AddItemToArray(notes, cJSON_CreateString(r->notes[i]));
	cJSON_AddItemToObject(o, "notes", notes);
}

calendar_day roadmap_date(const struct roadmap *r, size_t day)
{
	return calendar_workday(&r->plan->cal, day);
}
