/*
 * The "estimate" part of the model JSON: the inputs of the Monte Carlo
 * (contexts and their code per rate, every distribution, seed and
 * trials), its results, the cross-checks and the assumptions; and the
 * release of an estimate. Reading it back keeps the inputs: the plan
 * layer's estimate_rerun() reruns the Monte Carlo, which gives the same
 * draws.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/error.h"
#include "carve/model_estimate.h"
#include "carve/xmalloc.h"

const char *const estimate_whys[ESTIMATE_WHY_NR] = {
	[ESTIMATE_WHY_OPTION] = "--exclude-context",
	[ESTIMATE_WHY_GENERATED] = "only generated code",
	[ESTIMATE_WHY_EMPTY] = "no code lines",
	[ESTIMATE_WHY_NEW] = "all its code already in \"new\"",
	[ESTIMATE_WHY_LEGACY] = "all its code outside \"legacy\"",
	[ESTIMATE_WHY_ROLES] =
		"only files not priced: docs, configuration, data",
};

static const char *const factor_keys[] = { "test_speed", "interface", "service",
					   "table",	 "phase0",    "noise" };

#define FACTORS_NR ((int)(sizeof(factor_keys) / sizeof(*factor_keys)))

static struct estimate_dist *factor(struct estimate *e, int i)
{
	struct estimate_dist *f[] = { &e->test_speed, &e->interface,
				      &e->service,    &e->table,
				      &e->phase0,     &e->noise };

	return f[i];
}

static cJSON *dist_json(const struct estimate_dist *d)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "distribution", estimate_dist_name(d->kind));
	cJSON_AddNumberToObject(o, "low", d->low);
	cJSON_AddNumberToObject(o, "likely", d->likely);
	cJSON_AddNumberToObject(o, "high", d->high);
	return o;
}

static cJSON *range_json(const struct estimate_range *r)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddNumberToObject(o, "p10", r->p10);
	cJSON_AddNumberToObject(o, "p50", r->p50);
	cJSON_AddNumberToObject(o, "p80", r->p80);
	cJSON_AddNumberToObject(o, "p90", r->p90);
	cJSON_AddNumberToObject(o, "mean", r->mean);
	return o;
}

static cJSON *context_json(const struct estimate_context *x)
{
	cJSON *o = cJSON_CreateObject(), *work, *likely;

	cJSON_AddStringToObject(o, "name", x->name);
	cJSON_AddBoolToObject(o, "kernel", x->kernel);
	cJSON_AddBoolToObject(o, "service", x->service);
	if (x->excluded)
		cJSON_AddStringToObject(o, "excluded", x->why);
	cJSON_AddNumberToObject(o, "code", (double)x->code);
	cJSON_AddNumberToObject(o, "tests", (double)x->tests);
	cJSON_AddNumberToObject(o, "generated", (double)x->generated);
	cJSON_AddNumberToObject(o, "interfaces", (double)x->interfaces);
	cJSON_AddNumberToObject(o, "tables", (double)x->tables);
	cJSON_AddNumberToObject(o, "complexity", x->complexity);
	work = cJSON_AddArrayToObject(o, "work");
	for (size_t i = 0; i < x->work_nr; i++) {
		cJSON *w = cJSON_CreateObject();

		cJSON_AddNumberToObject(w, "rate", (double)x->work[i].rate);
		cJSON_AddNumberToObject(w, "code", (double)x->work[i].code);
		cJSON_AddNumberToObject(w, "tests", (double)x->work[i].tests);
		cJSON_AddNumberToObject(w, "work", x->work[i].work);
		cJSON_AddNumberToObject(w, "test_work", x->work[i].test_work);
		cJSON_AddItemToArray(work, w);
	}
	likely = cJSON_AddObjectToObject(o, "likely_days");
	cJSON_AddNumberToObject(likely, "port", x->port_days);
	cJSON_AddNumberToObject(likely, "seam", x->seam_days);
	cJSON_AddNumberToObject(likely, "fixed", x->fixed_days);
	cJSON_AddNumberToObject(likely, "data", x->data_days);
	cJSON_AddNumberToObject(likely, "total", x->likely_days);
	if (!x->excluded)
		cJSON_AddItemToObject(o, "days", range_json(&x->days));
	cJSON_AddNumberToObject(o, "share", x->share);
	return o;
}

void estimate_json_add(cJSON *root, const struct estimate *e)
{
	cJSON *o = cJSON_AddObjectToObject(root, "estimate");
	cJSON *arr, *f, *k;

	cJSON_AddStringToObject(o, "unit", "engineer-days");
	if (e->target)
		cJSON_AddStringToObject(o, "target", e->target);
	else
		cJSON_AddNullToObject(o, "target");
	cJSON_AddNumberToObject(o, "seed", (double)e->seed);
	cJSON_AddNumberToObject(o, "trials", (double)e->trials);
	cJSON_AddNumberToObject(o, "density", e->density);
	arr = cJSON_AddArrayToObject(o, "rates");
	for (size_t r = 0; r < e->rates_nr; r++) {
		cJSON *x = dist_json(&e->rates[r].dist);

		cJSON_AddStringToObject(x, "from", e->rates[r].from);
		cJSON_AddStringToObject(x, "to", e->rates[r].to);
		cJSON_AddNumberToObject(x, "code", (double)e->rates[r].code);
		cJSON_AddBoolToObject(x, "fallback", e->rates[r].fallback);
		cJSON_AddStringToObject(x, "source", e->rates[r].source);
		cJSON_AddItemToArray(arr, x);
	}
	f = cJSON_AddObjectToObject(o, "factors");
	for (int i = 0; i < 6; i++)
		cJSON_AddItemToObject(
			f, factor_keys[i],
			dist_json(factor((struct estimate *)e, i)));
	arr = cJSON_AddArrayToObject(o, "contexts");
	for (size_t c = 0; c < e->nr; c++)
		cJSON_AddItemToArray(arr, context_json(&e->contexts[c]));
	cJSON_AddItemToObject(o, "phase0", range_json(&e->phase0_days));
	cJSON_AddItemToObject(o, "total", range_json(&e->total_days));
	k = cJSON_AddObjectToObject(o, "cocomo");
	cJSON_AddNumberToObject(k, "ksloc", e->cocomo.ksloc);
	cJSON_AddNumberToObject(k, "esloc", e->cocomo.esloc);
	cJSON_AddNumberToObject(k, "aam", e->cocomo.aam);
	cJSON_AddNumberToObject(k, "exponent", e->cocomo.exponent);
	cJSON_AddNumberToObject(k, "person_months", e->cocomo.person_months);
	cJSON_AddNumberToObject(k, "days", e->cocomo.days);
	if (e->calibration.done) {
		k = cJSON_AddObjectToObject(o, "calibration");
		cJSON_AddNumberToObject(k, "net_lines",
					(double)e->calibration.net_lines);
		cJSON_AddNumberToObject(k, "author_days",
					(double)e->calibration.author_days);
		cJSON_AddNumberToObject(k, "rate", e->calibration.rate);
	}
	arr = cJSON_AddArrayToObject(o, "assumptions");
	for (size_t i = 0; i < e->assume_nr; i++) {
		cJSON *a = cJSON_CreateObject();

		cJSON_AddStringToObject(a, "name", e->assume[3 * i]);
		cJSON_AddStringToObject(a, "value", e->assume[3 * i + 1]);
		cJSON_AddStringToObject(a, "source", e->assume[3 * i + 2]);
		cJSON_AddItemToArray(arr, a);
	}
}

static double get_num(const cJSON *o, const char *key, int *bad)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) ||
	    v->valuedouble < 0) {
		*bad = 1;
		return 0;
	}
	return v->valuedouble;
}

static const char *get_str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int load_dist(struct estimate_dist *d, const cJSON *o)
{
	enum estimate_dist_kind kind;
	const char *k = get_str(o, "distribution");
	int bad = 0;
	double low = get_num(o, "low", &bad),
	       likely = get_num(o, "likely", &bad),
	       high = get_num(o, "high", &bad);

	if (bad || !k || estimate_dist_parse_kind(&kind, k))
		return CARVE_EINVALID;
	/* estimate_rerun() completes it */
	return estimate_dist_init(d, kind, low, likely, high);
}

static int load_context(struct estimate *e, struct estimate_context *x,
			const cJSON *o)
{
	const cJSON *work = cJSON_GetObjectItemCaseSensitive(o, "work");
	const cJSON *w;
	const char *name = get_str(o, "name"), *why = get_str(o, "excluded");
	int bad = 0;

	if (!name || !cJSON_IsArray(work))
		return CARVE_EINVALID;
	x->name = xstrdup(name);
	x->kernel = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "kernel"));
	x->service = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "service"));
	if (why) {
		/* the why strings are static: map back to them */
		x->excluded = 1;
		x->why = estimate_whys[ESTIMATE_WHY_EMPTY];
		for (int i = 0; i < ESTIMATE_WHY_NR; i++)
			if (!strcmp(why, estimate_whys[i]))
				x->why = estimate_whys[i];
	}
	x->code = (unsigned long)get_num(o, "code", &bad);
	x->tests = (unsigned long)get_num(o, "tests", &bad);
	x->generated = (unsigned long)get_num(o, "generated", &bad);
	x->interfaces = (size_t)get_num(o, "interfaces", &bad);
	x->tables = (size_t)get_num(o, "tables", &bad);
	x->complexity = get_num(o, "complexity", &bad);
	x->work_nr = (size_t)cJSON_GetArraySize(work);
	x->work = xcalloc(x->work_nr + 1, sizeof(*x->work));
	w = work->child;
	for (size_t i = 0; i < x->work_nr; i++, w = w->next) {
		struct estimate_work *v = &x->work[i];

		v->rate = (size_t)get_num(w, "rate", &bad);
		v->code = (unsigned long)get_num(w, "code", &bad);
		v->tests = (unsigned long)get_num(w, "tests", &bad);
		v->work = get_num(w, "work", &bad);
		v->test_work = get_num(w, "test_work", &bad);
		if (v->rate >= e->rates_nr)
			bad = 1;
	}
	if ((w = cJSON_GetObjectItemCaseSensitive(o, "likely_days"))) {
		x->port_days = get_num(w, "port", &bad);
		x->seam_days = get_num(w, "seam", &bad);
		x->fixed_days = get_num(w, "fixed", &bad);
		x->data_days = get_num(w, "data", &bad);
		x->likely_days = get_num(w, "total", &bad);
	}
	return bad ? CARVE_EINVALID : 0;
}

int estimate_json_load(struct estimate **out, const cJSON *part,
		       const char *path)
{
	struct estimate *e = xcalloc(1, sizeof(*e));
	const cJSON *rates = cJSON_GetObjectItemCaseSensitive(part, "rates");
	const cJSON *contexts = cJSON_GetObjectItemCaseSensitive(part, "contexts");
	const cJSON *factors = cJSON_GetObjectItemCaseSensitive(part, "factors");
	const cJSON *v, *k;
	int bad = 0;
	size_t i;

	if (!cJSON_IsObject(part) || !cJSON_IsArray(rates) ||
	    !cJSON_IsArray(contexts) || !cJSON_IsObject(factors))
		goto bad;
	if (get_str(part, "target"))
		e->target = xstrdup(get_str(part, "target"));
	e->seed = (unsigned long)get_num(part, "seed", &bad);
	e->trials = (size_t)get_num(part, "trials", &bad);
	e->density = get_num(part, "density", &bad);
	if (bad || !e->trials || e->trials > 10000000)
		goto bad;
	e->rates_nr = (size_t)cJSON_GetArraySize(rates);
	e->rates = xcalloc(e->rates_nr + 1, sizeof(*e->rates));
	i = 0;
	cJSON_ArrayForEach (v, rates) {
		struct estimate_rate *r = &e->rates[i++];

		if (!get_str(v, "from") || !get_str(v, "to") ||
		    load_dist(&r->dist, v))
			goto bad;
		r->from = xstrdup(get_str(v, "from"));
		r->to = xstrdup(get_str(v, "to"));
		r->source = xstrdup(get_str(v, "source") ? get_str(v, "source")
							 : "");
		r->fallback =
			cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(v, "fallback"));
		r->code = (unsigned long)get_num(v, "code", &bad);
	}
	for (int f = 0; f < 6; f++)
		if (load_dist(factor(e, f), cJSON_GetObjectItemCaseSensitive(
						    factors, factor_keys[f])))
			goto bad;
	if ((size_t)cJSON_GetArraySize(contexts) > ESTIMATE_MAX_CONTEXTS)
		goto bad;
	e->contexts = xcalloc((size_t)cJSON_GetArraySize(contexts) + 1,
			      sizeof(*e->contexts));
	cJSON_ArrayForEach (v, contexts) {
		if (load_context(e, &e->contexts[e->nr++], v))
			goto bad;
	}
	if ((k = cJSON_GetObjectItemCaseSensitive(part, "cocomo"))) {
		e->cocomo.ksloc = get_num(k, "ksloc", &bad);
		e->cocomo.esloc = get_num(k, "esloc", &bad);
		e->cocomo.aam = get_num(k, "aam", &bad);
		e->cocomo.exponent = get_num(k, "exponent", &bad);
		e->cocomo.person_months = get_num(k, "person_months", &bad);
		e->cocomo.days = get_num(k, "days", &bad);
	}
	if ((k = cJSON_GetObjectItemCaseSensitive(part, "calibration"))) {
		const cJSON *n = cJSON_GetObjectItemCaseSensitive(k, "net_lines");

		e->calibration.done = 1;
		e->calibration.net_lines =
			!cJSON_IsNumber(n) || !(fabs(n->valuedouble) < 9e15)
				? 0
				: (long long)n->valuedouble;
		e->calibration.author_days =
			(size_t)get_num(k, "author_days", &bad);
		e->calibration.rate = get_num(k, "rate", &bad);
	}
	cJSON_ArrayForEach (v, cJSON_GetObjectItemCaseSensitive(part, "assumptions")) {
		if (!get_str(v, "name") || !get_str(v, "value") ||
		    !get_str(v, "source"))
			continue;
		estimate_assume(e, get_str(v, "name"), get_str(v, "source"),
				"%s", get_str(v, "value"));
	}
	if (bad)
		goto bad;
	*out = e;
	return 0;
bad:
	estimate_free(e);
	return error_code(CARVE_EINVALID,
			  "'%s': the \"estimate\" part is malformed (run "
			  "'carve estimate -f json' again)",
			  path);
}

const char *estimate_dist_name(enum estimate_dist_kind kind)
{
	return kind == DIST_LOGNORMAL ? "lognormal"
	       : kind == DIST_PERT    ? "pert"
				      : "fixed";
}

int estimate_dist_parse_kind(enum estimate_dist_kind *out, const char *s)
{
	if (!strcmp(s, "lognormal"))
		*out = DIST_LOGNORMAL;
	else if (!strcmp(s, "pert"))
		*out = DIST_PERT;
	else if (!strcmp(s, "fixed"))
		*out = DIST_FIXED;
	else
		return CARVE_EINVALID;
	return 0;
}

void estimate_dist_release(struct estimate_dist *d)
{
	free(d->table);
	d->table = NULL;
}

void estimate_assume(struct estimate *e, const char *name, const char *source,
		     const char *fmt, ...)
{
	char *value;
	va_list ap;

	va_start(ap, fmt);
	if (vasprintf(&value, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	e->assume = xreallocarray(e->assume, 3 * (e->assume_nr + 1),
				  sizeof(*e->assume));
	e->assume[3 * e->assume_nr] = xstrdup(name);
	e->assume[3 * e->assume_nr + 1] = value;
	e->assume[3 * e->assume_nr + 2] = xstrdup(source);
	e->assume_nr++;
}

void estimate_free(struct estimate *e)
{
	if (!e)
		return;
	for (size_t r = 0; r < e->rates_nr; r++) {
		free(e->rates[r].from);
		free(e->rates[r].to);
		free(e->rates[r].source);
		estimate_dist_release(&e->rates[r].dist);
	}
	free(e->rates);
	for (size_t c = 0; c < e->nr; c++) {
		free(e->contexts[c].name);
		free(e->contexts[c].work);
	}
	free(e->contexts);
	for (int i = 0; i < FACTORS_NR; i++)
		estimate_dist_release(factor(e, i));
	for (size_t i = 0; i < 3 * e->assume_nr; i++)
		free(e->assume[i]);
	free(e->assume);
	free(e->target);
	free(e->draws);
	free(e->phase0_draws);
	free(e->total_draws);
	free(e);
}

int estimate_dist_init(struct estimate_dist *d, enum estimate_dist_kind kind,
		       double low, double likely, double high)
{
	if (!isfinite(low) || !isfinite(likely) || !isfinite(high) ||
	    low <= 0 || likely <= 0 || high <= 0)
		return CARVE_EINVALID;
	if (low > likely || likely > high)
		return CARVE_EINVALID;
	d->kind = low == high ? DIST_FIXED : kind;
	d->low = low;
	d->likely = likely;
	d->high = high;
	return 0;
}
