/*
 * carve.json "plan": parsing and checking every key, with the defaults
 * of the strangler-fig method (phase-0 platform work) and of Khan
 * Academy's per-service steps. Messages name the file and the key.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/config.h"
#include "carve/error.h"
#include "carve/plan.h"
#include "carve/xmalloc.h"

static const char *const plan_keys[] = {
	"start",    "capacity",	 "holidays",
	"workdays", "focus",	 "max_engineers_per_context",
	"mve",	    "mve_share", "phase0",
	"steps",    "teams",	 "data",
	"contexts", "priority",	 NULL,
};
static const char *const context_keys[] = { "name", "days",    "months",
					    "p10",  "p90",     "loc",
					    "rank", "depends", NULL };

/* Strangler fig: what must exist before the first cut-over. */
static const struct plan_item default_phase0[] = {
	{ "routing layer and gateway with feature flags", 60, 0 },
	{ "CI/CD and service template", 40, 0 },
	{ "observability", 40, 0 },
	{ "side-by-side comparison tooling", 30, 0 },
};

/* Khan Academy's per-service steps; the shares are carve's defaults. */
static const struct plan_item default_steps[] = {
	{ "prepare", 0, 0.10 },	      { "port", 0, 0.50 },
	{ "shadow", 0, 0.10 },	      { "side-by-side", 0, 0.10 },
	{ "canary", 0, 0.05 },	      { "cut-over", 0, 0.05 },
	{ "remove legacy", 0, 0.10 },
};

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* "<file>: 'plan.<key>': <what>[, got <value>]" */
static int bad(const struct plan *p, const char *key, const char *what,
	       const cJSON *got)
{
	char k[128];

	snprintf(k, sizeof(k), "plan%s%s", *key ? "." : "", key);
	return config_error(p->path, k, got, "%s", what);
}

static int number(const struct plan *p, const cJSON *v, const char *key,
		  double min, double max, double *out)
{
	char k[128];

	if (!cJSON_IsNumber(v))
		return bad(p, key, "expected a number", v);
	if (!(v->valuedouble >= min && v->valuedouble <= max)) {
		snprintf(k, sizeof(k), "plan.%s", key);
		return config_error(p->path, k, v,
				    "expected a number from %g to %g", min,
				    max);
	}
	*out = v->valuedouble;
	return 0;
}

static int date(const struct plan *p, const cJSON *v, const char *key,
		calendar_day *out)
{
	if (!cJSON_IsString(v))
		return bad(p, key, "expected a date (YYYY-MM-DD)", v);
	if (calendar_parse(out, v->valuestring))
		return bad(p, key,
			   "expected an ISO 8601 date (YYYY-MM-DD, a real day)",
			   v);
	return 0;
}

static int strings(const struct plan *p, const cJSON *v, const char *key,
		   const char ***out, size_t *nr)
{
	const cJSON *it;
	size_t i = 0;

	if (!cJSON_IsArray(v))
		return bad(p, key, "expected an array of names", v);
	*nr = (size_t)cJSON_GetArraySize(v);
	*out = xcalloc(*nr ? *nr : 1, sizeof(**out));
	cJSON_ArrayForEach (it, v) {
		if (!cJSON_IsString(it) || !*it->valuestring)
			return bad(p, key, "expected an array of names", it);
		(*out)[i++] = it->valuestring;
	}
	return 0;
}

/* The last step's "until": its last day, or "open" (it stays). */
static int load_until(struct plan *p, const cJSON *u, size_t i)
{
	const struct plan_capacity *c = &p->capacity[i];
	char key[64];

	if (!u)
		return 0;
	snprintf(key, sizeof(key), "capacity[%zu].until", i);
	if (i + 1 < p->capacity_nr)
		return bad(p, key,
			   "only the last step takes \"until\" (a step "
			   "lasts until the next one begins)",
			   u);
	if (cJSON_IsString(u) && !strcmp(u->valuestring, "open")) {
		p->capacity_open = 1;
		return 0;
	}
	if (!cJSON_IsString(u) ||
	    calendar_parse(&p->capacity_until, u->valuestring))
		return bad(p, key,
			   "expected the step's last day (YYYY-MM-DD) or "
			   "\"open\"",
			   u);
	if (p->capacity_until < c->from)
		return bad(p, key, "is before the step's \"from\"", u);
	return 0;
}

static int load_capacity(struct plan *p, const cJSON *v)
{
	const cJSON *it;
	char key[64];
	size_t i = 0;

	if (cJSON_IsNumber(v)) {
		p->capacity = xcalloc(1, sizeof(*p->capacity));
		p->capacity_nr = 1;
		p->capacity_from_start = 1; /* plan_load() dates it */
		return number(p, v, "capacity", 0, 1e6,
			      &p->capacity[0].engineers);
	}
	if (!cJSON_IsArray(v) || !cJSON_GetArraySize(v))
		return bad(p, "capacity",
			   "expected engineers, or [ { \"from\": DATE, "
			   "\"engineers\": N }, ... ]",
			   v);
	p->capacity_nr = (size_t)cJSON_GetArraySize(v);
	p->capacity = xcalloc(p->capacity_nr, sizeof(*p->capacity));
	cJSON_ArrayForEach (it, v) {
		struct plan_capacity *c = &p->capacity[i];

		snprintf(key, sizeof(key), "capacity[%zu].from", i);
		if (date(p, cJSON_GetObjectItemCaseSensitive(it, "from"), key,
			 &c->from))
			return CARVE_EINVALID;
		snprintf(key, sizeof(key), "capacity[%zu].engineers", i);
		if (number(p, cJSON_GetObjectItemCaseSensitive(it, "engineers"),
			   key, 0, 1e6, &c->engineers))
			return CARVE_EINVALID;
		if (i && c->from <= p->capacity[i - 1].from) {
			snprintf(key, sizeof(key), "capacity[%zu].from", i);
			return bad(p, key, "must come after the step before it",
				   NULL);
		}
		if (load_until(p, cJSON_GetObjectItemCaseSensitive(it, "until"),
			       i))
			return CARVE_EINVALID;
		i++;
	}
	return 0;
}

static int load_holidays(struct plan *p, const cJSON *v)
{
	const cJSON *it;
	char key[64];
	size_t i = 0;

	if (!cJSON_IsArray(v))
		return bad(p, "holidays",
			   "expected an array of dates or ranges "
			   "(\"2027-12-24..2028-01-01\")",
			   v);
	cJSON_ArrayForEach (it, v) {
		calendar_day from, to;
		const char *s = cJSON_IsString(it) ? it->valuestring : NULL;
		const char *dots = s ? strstr(s, "..") : NULL;
		char first[16];

		snprintf(key, sizeof(key), "holidays[%zu]", i++);
		if (!s)
			return bad(p, key, "expected a date or a range", it);
		snprintf(first, sizeof(first), "%.*s",
			 dots ? (int)(dots - s) : (int)strlen(s), s);
		if (calendar_parse(&from, first) ||
		    calendar_parse(&to, dots ? dots + 2 : s))
			return bad(p, key,
				   "expected a date or a range of ISO 8601 "
				   "dates (YYYY-MM-DD or FROM..TO)",
				   it);
		if (to < from)
			return bad(p, key, "the range ends before it starts",
				   it);
		if (calendar_add_holiday(&p->cal, from, to))
			warning("%s: 'plan.%s': \"%s\" overlaps another "
				"holiday (its days are counted once)",
				p->path, key, s);
	}
	return 0;
}

static int load_workdays(struct plan *p, const cJSON *v)
{
	const char **names = NULL;
	size_t nr = 0;
	int ret;

	p->cal.weekdays = 0;
	ret = strings(p, v, "workdays", &names, &nr);
	for (size_t i = 0; !ret && i < nr; i++) {
		int d = calendar_weekday_parse(names[i]);

		if (d < 0)
			ret = config_error(p->path, "plan.workdays", NULL,
					   "expected weekdays (mon, tue, ... "
					   "sun), got \"%s\"",
					   names[i]);
		else
			p->cal.weekdays |= 1u << d;
	}
	if (!ret && !p->cal.weekdays)
		ret = bad(p, "workdays", "names no working day", NULL);
	free(names);
	return ret;
}

/* phase0 (days) or steps (share) */
static int load_items(struct plan *p, const cJSON *v, const char *key,
		      int steps, struct plan_item **out, size_t *nr)
{
	const cJSON *it;
	char k[64];
	size_t i = 0;
	double sum = 0;

	if (!cJSON_IsArray(v))
		return bad(p, key,
			   steps ? "expected [ { \"name\": ..., \"share\": "
				   "S }, ... ]"
				 : "expected [ { \"name\": ..., \"days\": "
				   "N }, ... ]",
			   v);
	*nr = (size_t)cJSON_GetArraySize(v);
	*out = xcalloc(*nr ? *nr : 1, sizeof(**out));
	cJSON_ArrayForEach (it, v) {
		const cJSON *name =
			cJSON_GetObjectItemCaseSensitive(it, "name");
		struct plan_item *x = &(*out)[i];

		snprintf(k, sizeof(k), "%s[%zu].name", key, i);
		if (!cJSON_IsString(name) || !*name->valuestring)
			return bad(p, k, "expected a name", name);
		x->name = name->valuestring;
		snprintf(k, sizeof(k), "%s[%zu].%s", key, i,
			 steps ? "share" : "days");
		if (number(p,
			   cJSON_GetObjectItemCaseSensitive(it, steps ? "share"
								      : "days"),
			   k, 0, steps ? 1 : 1e7, steps ? &x->share : &x->days))
			return CARVE_EINVALID;
		sum += x->share;
		i++;
	}
	if (steps && (!*nr || fabs(sum - 1) > 1e-6)) {
		char buf[32];

		snprintf(buf, sizeof(buf), "%g", sum);
		return config_error(p->path, "plan.steps", NULL,
				    "expected shares that add up to 1, got "
				    "shares that add up to %s",
				    buf);
	}
	return 0;
}

/*
 * One entry of "teams" or "data": { "name": ..., NUM_KEY: N, LIST_KEY:
 * [names] }, its keys named "SECTION[i].KEY" in errors.
 */
static int load_named(struct plan *p, const cJSON *it, const char *section,
		      size_t i, const char **name, const char *num_key,
		      double max, double *num, const char *list_key,
		      const char ***list, size_t *list_nr)
{
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(it, "name");
	char k[64];

	snprintf(k, sizeof(k), "%s[%zu].name", section, i);
	if (!cJSON_IsString(n) || !*n->valuestring)
		return bad(p, k, "expected a name", n);
	*name = n->valuestring;
	snprintf(k, sizeof(k), "%s[%zu].%s", section, i, num_key);
	if (number(p, cJSON_GetObjectItemCaseSensitive(it, num_key), k, 0, max,
		   num))
		return CARVE_EINVALID;
	snprintf(k, sizeof(k), "%s[%zu].%s", section, i, list_key);
	if (strings(p, cJSON_GetObjectItemCaseSensitive(it, list_key), k, list,
		    list_nr))
		return CARVE_EINVALID;
	return 0;
}

static int load_teams(struct plan *p, const cJSON *v)
{
	const cJSON *it;
	size_t i = 0;

	if (!cJSON_IsArray(v))
		return bad(p, "teams",
			   "expected [ { \"name\": ..., \"engineers\": N, "
			   "\"contexts\": [...] }, ... ]",
			   v);
	p->teams_nr = (size_t)cJSON_GetArraySize(v);
	p->teams = xcalloc(p->teams_nr ? p->teams_nr : 1, sizeof(*p->teams));
	cJSON_ArrayForEach (it, v) {
		struct plan_team *t = &p->teams[i];

		if (load_named(p, it, "teams", i++, &t->name, "engineers", 1e6,
			       &t->engineers, "contexts", &t->contexts,
			       &t->contexts_nr))
			return CARVE_EINVALID;
	}
	return 0;
}

static int load_data(struct plan *p, const cJSON *v)
{
	const cJSON *it;
	size_t i = 0;

	if (!cJSON_IsArray(v))
		return bad(p, "data",
			   "expected [ { \"name\": ..., \"days\": N, "
			   "\"after\": [contexts] }, ... ]",
			   v);
	p->data_nr = (size_t)cJSON_GetArraySize(v);
	p->data = xcalloc(p->data_nr ? p->data_nr : 1, sizeof(*p->data));
	cJSON_ArrayForEach (it, v) {
		struct plan_data *d = &p->data[i];

		if (load_named(p, it, "data", i++, &d->name, "days", 1e7,
			       &d->days, "after", &d->after, &d->after_nr))
			return CARVE_EINVALID;
	}
	return 0;
}

static int load_context(struct plan *p, struct plan_context *c, const cJSON *it,
			size_t i)
{
	const cJSON *v;
	char k[80];
	double x;

	snprintf(k, sizeof(k), "contexts[%zu].name", i);
	v = cJSON_GetObjectItemCaseSensitive(it, "name");
	if (!cJSON_IsString(v) || !*v->valuestring)
		return bad(p, k, "expected a name", v);
	c->name = v->valuestring;
	config_unknown_keys(p->path, it, context_keys, "plan.contexts[]");
	snprintf(k, sizeof(k), "contexts.%s", c->name);
	if ((v = cJSON_GetObjectItemCaseSensitive(it, "days"))) {
		if (number(p, v, k, 0, 1e9, &c->p50))
			return CARVE_EINVALID;
	} else if ((v = cJSON_GetObjectItemCaseSensitive(it, "months"))) {
		/* months of work at the pace of a fully staffed context */
		if (number(p, v, k, 0, 1e6, &x))
			return CARVE_EINVALID;
		c->p50 = x * p->months_days * p->max_per_context;
	} else {
		return bad(p, k,
			   "needs \"days\" (engineer-days) or "
			   "\"months\" (at full staffing)",
			   NULL);
	}
	c->p10 = c->p90 = c->p50;
	snprintf(k, sizeof(k), "contexts.%s.p10", c->name);
	if ((v = cJSON_GetObjectItemCaseSensitive(it, "p10")) &&
	    number(p, v, k, 0, c->p50, &c->p10))
		return CARVE_EINVALID;
	snprintf(k, sizeof(k), "contexts.%s.p90", c->name);
	if ((v = cJSON_GetObjectItemCaseSensitive(it, "p90")) &&
	    number(p, v, k, c->p50, 1e9, &c->p90))
		return CARVE_EINVALID;
	snprintf(k, sizeof(k), "contexts.%s.loc", c->name);
	if ((v = cJSON_GetObjectItemCaseSensitive(it, "loc"))) {
		if (number(p, v, k, 0, 1e12, &x))
			return CARVE_EINVALID;
		c->loc = (unsigned long)x;
	}
	snprintf(k, sizeof(k), "contexts.%s.rank", c->name);
	if ((v = cJSON_GetObjectItemCaseSensitive(it, "rank"))) {
		if (number(p, v, k, 1, 1e9, &x))
			return CARVE_EINVALID;
		c->rank = (long)x;
	}
	snprintf(k, sizeof(k), "contexts.%s.depends", c->name);
	if ((v = cJSON_GetObjectItemCaseSensitive(it, "depends")) &&
	    strings(p, v, k, &c->depends, &c->depends_nr))
		return CARVE_EINVALID;
	return 0;
}

static int load_contexts(struct plan *p, const cJSON *v)
{
	const cJSON *it;
	size_t i = 0;

	if (!cJSON_IsArray(v))
		return bad(p, "contexts",
			   "expected [ { \"name\": ..., \"days\": N, "
			   "\"depends\": [...] }, ... ]",
			   v);
	p->contexts_nr = (size_t)cJSON_GetArraySize(v);
	p->contexts = xcalloc(p->contexts_nr ? p->contexts_nr : 1,
			      sizeof(*p->contexts));
	cJSON_ArrayForEach (it, v) {
		if (load_context(p, &p->contexts[i], it, i))
			return CARVE_EINVALID;
		for (size_t j = 0; j < i; j++)
			if (!strcmp(p->contexts[j].name, p->contexts[i].name))
				return config_error(
					p->path, "plan.contexts", NULL,
					"context \"%s\" is declared twice",
					p->contexts[i].name);
		i++;
	}
	/* every dependency names a declared context */
	for (i = 0; i < p->contexts_nr; i++) {
		const struct plan_context *c = &p->contexts[i];

		for (size_t d = 0; d < c->depends_nr; d++) {
			size_t j;

			for (j = 0; j < p->contexts_nr; j++)
				if (!strcmp(p->contexts[j].name, c->depends[d]))
					break;
			if (j == p->contexts_nr) {
				char k[128];

				snprintf(k, sizeof(k),
					 "plan.contexts.%s.depends", c->name);
				return config_error(p->path, k, NULL,
						    "expected contexts of "
						    "plan.contexts, got "
						    "\"%s\"",
						    c->depends[d]);
			}
		}
	}
	return 0;
}

static void set_defaults(struct plan *p)
{
	if (!p->phase0) {
		p->phase0_nr = N_ELEMS(default_phase0);
		p->phase0 = memcpy(xmalloc(sizeof(default_phase0)),
				   default_phase0, sizeof(default_phase0));
	}
	if (!p->steps) {
		p->steps_nr = N_ELEMS(default_steps);
		p->steps = memcpy(xmalloc(sizeof(default_steps)), default_steps,
				  sizeof(default_steps));
	}
	if (!p->capacity) {
		p->capacity = xcalloc(1, sizeof(*p->capacity));
		p->capacity_nr = 1;
		p->capacity[0].from = p->cal.start;
		p->capacity[0].engineers = PLAN_DEFAULT_ENGINEERS;
	}
}

int plan_parse(struct plan *p, const cJSON *plan, const char *path)
{
	const cJSON *v;
	int ret = CARVE_EINVALID;
	int weekdays = 0;

	memset(p, 0, sizeof(*p));
	p->cal.weekdays = CALENDAR_WEEKDAYS_MON_FRI;
	p->path = path ? path : "carve.json";
	p->focus = PLAN_DEFAULT_FOCUS;
	p->max_per_context = PLAN_DEFAULT_MAX_PER_CONTEXT;
	p->mve_share = PLAN_DEFAULT_MVE_SHARE;
	if (plan && !cJSON_IsObject(plan))
		return bad(p, "", "expected an object", plan);
	if (plan)
		config_unknown_keys(p->path, plan, plan_keys, "plan");
	if (plan && (v = cJSON_GetObjectItemCaseSensitive(plan, "start"))) {
		if (date(p, v, "start", &p->cal.start))
			goto done;
		p->start_set = 1;
	}
	if (plan && (v = cJSON_GetObjectItemCaseSensitive(plan, "workdays")) &&
	    load_workdays(p, v))
		goto done;
	for (int d = 0; d < 7; d++)
		weekdays += !!(p->cal.weekdays & (1u << d));
	p->months_days = weekdays * 365.2425 / 7 / 12;
	if (plan && (v = cJSON_GetObjectItemCaseSensitive(plan, "holidays")) &&
	    load_holidays(p, v))
		goto done;
	if (plan && (v = cJSON_GetObjectItemCaseSensitive(plan, "focus"))) {
		if (number(p, v, "focus", 0.01, 1, &p->focus))
			goto done;
		p->set_focus = 1;
	}
	if (plan && (v = cJSON_GetObjectItemCaseSensitive(
			     plan, "max_engineers_per_context"))) {
		if (number(p, v, "max_engineers_per_context", 0.1, 1e6,
			   &p->max_per_context))
			goto done;
		p->set_max = 1;
	}
	if (plan && (v = cJSON_GetObjectItemCaseSensitive(plan, "capacity"))) {
		if (load_capacity(p, v))
			goto done;
		p->set_capacity = 1;
	}
	if (plan && (v = cJSON_GetObjectItemCaseSensitive(plan, "mve")) &&
	    strings(p, v, "mve", &p->mve, &p->mve_nr))
		goto done;
	if (plan && (v = cJSON_GetObjectItemCaseSensitive(plan, "mve_share")) &&
	    number(p, v, "mve_share", 0, 1, &p->mve_share))
		goto done;
	if (plan && (v = cJSON_GetObjectItemCaseSensitive(plan, "phase0"))) {
		if (load_items(p, v, "phase0", 0, &p->phase0, &p->phase0_nr))
			goto done;
		p->set_phase0 = 1;
	}
	if (plan && (v = cJSON_GetObjectItemCaseSensitive(plan, "steps"))) {
		if (load_items(p, v, "steps", 1, &p->steps, &p->steps_nr))
			goto done;
		p->set_steps = 1;
	}
	if (plan && (v = cJSON_GetObjectItemCaseSensitive(plan, "teams")) &&
	    load_teams(p, v))
		goto done;
	if (plan && (v = cJSON_GetObjectItemCaseSensitive(plan, "data")) &&
	    load_data(p, v))
		goto done;
	if (plan && (v = cJSON_GetObjectItemCaseSensitive(plan, "contexts")) &&
	    load_contexts(p, v))
		goto done;
	if (plan && (v = cJSON_GetObjectItemCaseSensitive(plan, "priority"))) {
		if (cJSON_IsString(v) && !strcmp(v->valuestring, "rank"))
			p->priority = PLAN_PRIORITY_RANK;
		else if (cJSON_IsString(v) &&
			 !strcmp(v->valuestring, "critical-path"))
			p->priority = PLAN_PRIORITY_CRITICAL_PATH;
		else
			goto bad_priority;
	}
	ret = 0;
done:
	return ret;
bad_priority:
	return bad(p, "priority", "expected \"rank\" or \"critical-path\"", v);
}

/*
 * d plus `months` calendar months, on the same day of the month (at
 * most the 28th, so that every month has it).
 */
static calendar_day add_months(calendar_day d, long months)
{
	char buf[64];
	calendar_day out;
	long y, m, day, k;

	calendar_format(buf, d);
	if (sscanf(buf, "%ld-%ld-%ld", &y, &m, &day) != 3)
		return d;
	k = y * 12 + (m - 1) + months;
	snprintf(buf, sizeof(buf), "%04ld-%02ld-%02ld", k / 12, k % 12 + 1,
		 day);
	return calendar_parse(&out, buf) ? d : out;
}

/* Whole months from a to b when both fall on the same day (<= 28th). */
static long months_between(calendar_day a, calendar_day b)
{
	char x[CALENDAR_DATE_SIZE], y[CALENDAR_DATE_SIZE];
	long ya, ma, da, yb, mb, db;

	calendar_format(x, a);
	calendar_format(y, b);
	if (sscanf(x, "%ld-%ld-%ld", &ya, &ma, &da) != 3 ||
	    sscanf(y, "%ld-%ld-%ld", &yb, &mb, &db) != 3 || da != db || da > 28)
		return 0;
	return (yb * 12 + mb) - (ya * 12 + ma);
}

/*
 * Where the declared capacity ends. Nobody declared the engineers after
 * it, so no forecast date lies beyond it: a standing team stays, a
 * profile in time keeps its own rhythm for its last step (monthly steps:
 * a month) unless that step says how long it lasts.
 */
static void set_capacity_end(struct plan *p)
{
	const struct plan_capacity *last = &p->capacity[p->capacity_nr - 1];

	p->capacity_end = 0;
	if (last->engineers <= 0) {
		p->capacity_end = last->from;
		p->capacity_end_how = PLAN_CAPACITY_ZERO;
	} else if (p->capacity_until) {
		p->capacity_end = p->capacity_until + 1;
		p->capacity_end_how = PLAN_CAPACITY_UNTIL;
	} else if (p->capacity_open) {
		p->capacity_end_how = PLAN_CAPACITY_OPEN_UNTIL;
	} else if (p->capacity_nr < 2) {
		p->capacity_end_how = PLAN_CAPACITY_OPEN;
	} else {
		calendar_day before = p->capacity[p->capacity_nr - 2].from;
		long months = months_between(before, last->from);

		p->capacity_end = months > 0
					  ? add_months(last->from, months)
					  : last->from + (last->from - before);
		p->capacity_end_how = PLAN_CAPACITY_RHYTHM;
	}
}

char *plan_capacity_end_text(char *buf, size_t size, const struct plan *p)
{
	char d[CALENDAR_DATE_SIZE];

	if (p->capacity_end)
		calendar_format(d, p->capacity_end - 1);
	switch (p->capacity_end_how) {
	case PLAN_CAPACITY_OPEN:
		snprintf(buf, size, "open-ended (a standing team)");
		break;
	case PLAN_CAPACITY_OPEN_UNTIL:
		snprintf(buf, size,
			 "open-ended (the last step's \"until\": \"open\")");
		break;
	case PLAN_CAPACITY_UNTIL:
		snprintf(buf, size, "%s (the last step's \"until\")", d);
		break;
	case PLAN_CAPACITY_ZERO:
		snprintf(buf, size, "%s (the last step has no engineers)", d);
		break;
	case PLAN_CAPACITY_RHYTHM:
		snprintf(buf, size,
			 "%s (the last step lasts as long as the one before "
			 "it; \"until\" sets its last day)",
			 d);
		break;
	}
	return buf;
}

static void *dup_array(const void *a, size_t nr, size_t size)
{
	return a ? memcpy(xcalloc(nr ? nr : 1, size), a, nr * size) : NULL;
}

int plan_load(struct plan *p, const struct config *cfg, calendar_day today)
{
	const struct plan *src = cfg && cfg->has_plan ? &cfg->plan : NULL;
	int ret;

	if (!src) {
		if ((ret = plan_parse(p, NULL, cfg ? cfg->path : NULL)))
			return ret;
	} else {
		/* a copy of the config's, its arrays its own */
		*p = *src;
		memset(&p->cal, 0, sizeof(p->cal));
		p->cal.weekdays = src->cal.weekdays;
		for (size_t i = 0; i < src->cal.holidays_nr; i++)
			calendar_add_holiday(&p->cal, src->cal.holidays[i].from,
					     src->cal.holidays[i].to);
		p->cal.start = src->cal.start;
		p->capacity = dup_array(src->capacity, src->capacity_nr,
					sizeof(*p->capacity));
		p->mve = dup_array(src->mve, src->mve_nr, sizeof(*p->mve));
		p->phase0 = dup_array(src->phase0, src->phase0_nr,
				      sizeof(*p->phase0));
		p->steps =
			dup_array(src->steps, src->steps_nr, sizeof(*p->steps));
		p->teams =
			dup_array(src->teams, src->teams_nr, sizeof(*p->teams));
		for (size_t i = 0; i < p->teams_nr; i++)
			p->teams[i].contexts =
				dup_array(src->teams[i].contexts,
					  src->teams[i].contexts_nr,
					  sizeof(*p->teams[i].contexts));
		p->data = dup_array(src->data, src->data_nr, sizeof(*p->data));
		for (size_t i = 0; i < p->data_nr; i++)
			p->data[i].after = dup_array(src->data[i].after,
						     src->data[i].after_nr,
						     sizeof(*p->data[i].after));
		p->contexts = dup_array(src->contexts, src->contexts_nr,
					sizeof(*p->contexts));
		for (size_t i = 0; i < p->contexts_nr; i++)
			p->contexts[i].depends =
				dup_array(src->contexts[i].depends,
					  src->contexts[i].depends_nr,
					  sizeof(*p->contexts[i].depends));
	}
	if (!p->start_set)
		p->cal.start = today;
	if (p->capacity_from_start)
		p->capacity[0].from = p->cal.start;
	/* the first day is a working day */
	while (!calendar_is_workday(&p->cal, p->cal.start))
		p->cal.start++;
	set_defaults(p);
	set_capacity_end(p);
	return 0;
}

int plan_declares_contexts(const struct config *cfg)
{
	return cfg && cfg->has_plan && cfg->plan.contexts;
}

void plan_release(struct plan *p)
{
	if (!p)
		return;
	calendar_release(&p->cal);
	free(p->capacity);
	free(p->mve);
	free(p->phase0);
	free(p->steps);
	for (size_t i = 0; i < p->teams_nr; i++)
		free(p->teams[i].contexts);
	free(p->teams);
	for (size_t i = 0; i < p->data_nr; i++)
		free(p->data[i].after);
	free(p->data);
	for (size_t i = 0; i < p->contexts_nr; i++)
		free(p->contexts[i].depends);
	free(p->contexts);
	memset(p, 0, sizeof(*p));
}

double plan_engineers_on(const struct plan *p, calendar_day d)
{
	double e = 0;

	/* before the first step and after the last nobody is on it */
	if (p->capacity_end && d >= p->capacity_end)
		return 0;
	for (size_t i = 0; i < p->capacity_nr && p->capacity[i].from <= d; i++)
		e = p->capacity[i].engineers;
	return e;
}

double plan_engineers(struct plan *p, size_t index)
{
	return plan_engineers_on(p, calendar_workday(&p->cal, index));
}
