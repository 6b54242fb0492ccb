/*
 * A model's "roadmap" part read back: the weekly remaining effort and
 * the milestones for carve burndown and carve report, and the part
 * itself, written again unchanged by a command that rewrites the model.
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "carve/error.h"
#include "carve/model_roadmap.h"
#include "carve/xmalloc.h"

static int get_date(calendar_day *out, const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? calendar_parse(out, v->valuestring)
				 : CARVE_EINVALID;
}

/* A milestone's date, or null (past the declared capacity): 0. */
static int get_date_or_null(calendar_day *out, const cJSON *o, const char *key)
{
	if (cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(o, key))) {
		*out = 0;
		return 0;
	}
	return get_date(out, o, key);
}

static double get_num(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

static int bad(const char *path, const char *what)
{
	return error_code(CARVE_EINVALID, "'%s': roadmap: %s", path, what);
}

int roadmap_saved_load(struct roadmap_saved **out, const cJSON *part,
		       const char *path)
{
	struct roadmap_saved *s = xcalloc(1, sizeof(*s));
	const cJSON *weeks, *ms, *it;
	size_t i = 0;
	int ret = CARVE_EINVALID;

	weeks = cJSON_GetObjectItemCaseSensitive(part, "remaining");
	ms = cJSON_GetObjectItemCaseSensitive(part, "milestones");
	if (!cJSON_IsObject(part) || get_date(&s->start, part, "start")) {
		bad(path, "no \"start\" date");
		goto done;
	}
	if (!cJSON_IsArray(weeks) || !cJSON_IsArray(ms)) {
		bad(path, "no \"remaining\" or \"milestones\" array");
		goto done;
	}
	s->effort = get_num(part, "effort");
	s->weeks_nr = (size_t)cJSON_GetArraySize(weeks);
	s->weeks = xcalloc(s->weeks_nr + 1, sizeof(*s->weeks));
	cJSON_ArrayForEach (it, weeks) {
		struct roadmap_week *w = &s->weeks[i++];

		if (get_date(&w->date, it, "date") ||
		    (i > 1 && w->date <= s->weeks[i - 2].date)) {
			bad(path, "a \"remaining\" entry without a date after "
				  "the one before");
			goto done;
		}
		w->planned = get_num(it, "planned");
		w->p50 = get_num(it, "p50");
		w->p10 = get_num(it, "p10");
		w->p90 = get_num(it, "p90");
	}
	s->milestones_nr = (size_t)cJSON_GetArraySize(ms);
	s->milestones = xcalloc(s->milestones_nr + 1, sizeof(*s->milestones));
	i = 0;
	cJSON_ArrayForEach (it, ms) {
		struct roadmap_saved_milestone *m = &s->milestones[i++];
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(it, "name");

		if (!cJSON_IsString(name) ||
		    get_date_or_null(&m->planned, it, "planned") ||
		    get_date_or_null(&m->p50, it, "p50") ||
		    get_date_or_null(&m->p85, it, "p85")) {
			bad(path, "a milestone without a name and its dates");
			goto done;
		}
		m->name = xstrdup(name->valuestring);
	}
	s->part = cJSON_Duplicate(part, 1);
	*out = s;
	s = NULL;
	ret = 0;
done:
	roadmap_saved_free(s);
	return ret;
}

void roadmap_saved_remaining(const struct roadmap_saved *s, calendar_day day,
			     double *planned, double *p50, double *p10,
			     double *p90)
{
	size_t lo = 0, hi = s->weeks_nr;

	if (day < s->start || !s->weeks_nr) {
		*planned = *p50 = *p10 = *p90 = day < s->start ? s->effort : 0;
		return;
	}
	/* the first week ending on or after the day */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->weeks[mid].date < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == s->weeks_nr) {
		*planned = *p50 = *p10 = *p90 = 0;
		return;
	}
	*planned = s->weeks[lo].planned;
	*p50 = s->weeks[lo].p50;
	*p10 = s->weeks[lo].p10;
	*p90 = s->weeks[lo].p90;
}

void roadmap_saved_free(struct roadmap_saved *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->milestones_nr; i++)
		free(s->milestones[i].name);
	free(s->milestones);
	free(s->weeks);
	cJSON_Delete(s->part);
	free(s);
}
