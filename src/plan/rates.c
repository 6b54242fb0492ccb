/*
 * The porting rates of carve estimate: the embedded defaults with their
 * sources, and the user's overrides from carve.json and --rate.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "carve/config.h"
#include "carve/error.h"
#include "carve/rates.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/*
 * The defaults, lines per engineer-day, P10 (pessimistic) / median /
 * P90 (optimistic). "*" is any language, "=" the same as the source.
 * The spread is 0.5x to 2x the median for every entry: the cone of
 * uncertainty at the product-definition stage (Boehm 1981, McConnell,
 * Software Estimation, 2006), where a migration plan stands.
 */
static const struct rate_default {
	const char *from, *to;
	double low, likely, high;
	const char *source;
} rate_table[] = {
	{ "*", "=", 75, 150, 300,
	  "same language: a split (code moved into a service, not "
	  "rewritten); judgement, no public figure: about 5x the rewrite "
	  "rate" },
	{ "python", "go", 15.35, 30.7, 61.4,
	  "Khan Academy 2019-2023: ~1,000,000 Python lines to Go in ~3.5 "
	  "years; 5-10 engineers ramping to ~100 over 2 years (mean ~54: "
	  "107.5 engineer-years), then 50 down to 4 over 1.5 years (mean "
	  "27: 40.5); 148 engineer-years x 220 days = 32,560 engineer-days, "
	  "1,000,000 / 32,560 = 30.7 lines per engineer-day, all in" },
	{ "*", "*", 15.35, 30.7, 61.4,
	  "fallback: no published figure for this pair; Khan Academy's "
	  "all-in rewrite rate (python->go)" },
};

#define RATE_TABLE_NR (sizeof(rate_table) / sizeof(rate_table[0]))

const char *rates_lang_key(char *buf, size_t n, const char *name)
{
	size_t len = 0;

	for (; name[len] && len + 1 < n; len++)
		buf[len] = (char)tolower((unsigned char)name[len]);
	buf[len] = '\0';
	if (len > 7 && !strcmp(buf + len - 7, " header"))
		buf[len - 7] = '\0';
	return buf;
}

static int matches(const char *pattern, const char *lang, const char *from)
{
	if (!strcmp(pattern, "*"))
		return 1;
	if (!strcmp(pattern, "="))
		return !strcmp(lang, from);
	return !strcmp(pattern, lang);
}

static const struct rate_default *find_default(const char *from, const char *to)
{
	for (size_t i = 0; i < RATE_TABLE_NR; i++)
		if (matches(rate_table[i].from, from, from) &&
		    matches(rate_table[i].to, to, from))
			return &rate_table[i];
	return &rate_table[RATE_TABLE_NR - 1];
}

/* Splits "from->to" into two lower-case keys; 0 or CARVE_EINVALID. */
static int split_pair(char **from, char **to, const char *pair, size_t len)
{
	const char *arrow = memmem(pair, len, "->", 2);
	char buf[128];

	if (!arrow || arrow == pair || arrow + 2 == pair + len ||
	    (size_t)(arrow - pair) >= sizeof(buf) ||
	    (size_t)(pair + len - arrow - 2) >= sizeof(buf))
		return CARVE_EINVALID;
	memcpy(buf, pair, arrow - pair);
	buf[arrow - pair] = '\0';
	*from = xstrdup(rates_lang_key(buf, sizeof(buf), buf));
	memcpy(buf, arrow + 2, pair + len - arrow - 2);
	buf[pair + len - arrow - 2] = '\0';
	*to = xstrdup(rates_lang_key(buf, sizeof(buf), buf));
	return 0;
}

/* One figure: the default's spread around it. */
static int dist_around(struct estimate_dist *d, const struct estimate_dist *def,
		       double v, enum estimate_dist_kind kind)
{
	if (!isfinite(v) || v <= 0)
		return CARVE_EINVALID;
	return estimate_dist_set(d, kind, v * def->low / def->likely, v,
				 v * def->high / def->likely);
}

static void add_override(struct rate_overrides *ov, char *from, char *to,
			 struct estimate_dist *d, const char *source)
{
	struct rate_override *o;

	ALLOC_GROW(ov->v, ov->nr + 1, ov->alloc);
	o = &ov->v[ov->nr++];
	o->from = from;
	o->to = to;
	o->dist = *d;
	o->source = xstrdup(source);
}

static void default_dist(struct estimate_dist *d, const char *from,
			 const char *to)
{
	const struct rate_default *r = find_default(from, to);

	memset(d, 0, sizeof(*d));
	d->kind = DIST_LOGNORMAL;
	d->low = r->low;
	d->likely = r->likely;
	d->high = r->high;
}

int rates_parse_option(struct rate_overrides *ov, const char *arg,
		       enum estimate_dist_kind kind)
{
	const char *eq = strchr(arg, '=');
	char *from = NULL, *to = NULL, *end;
	struct estimate_dist d = { 0 }, def;
	double v[3];
	int n = 0;

	if (!eq || split_pair(&from, &to, arg, eq - arg))
		goto bad;
	for (const char *p = eq + 1; n < 3; n++) {
		v[n] = strtod(p, &end);
		if (end == p)
			goto bad;
		if (*end != ',') {
			n++;
			break;
		}
		p = end + 1;
	}
	if (*end || (n != 1 && n != 3))
		goto bad;
	default_dist(&def, from, to);
	/* three figures are pessimistic, likely, optimistic: ascending */
	if (n == 1 ? dist_around(&d, &def, v[0], kind)
		   : estimate_dist_set(&d, kind, v[0], v[1], v[2])) {
		error("--rate %s: rates must be finite numbers of lines per "
		      "engineer-day above 0%s",
		      arg,
		      n == 3 ? ", in ascending order (slow, likely, fast)"
			     : "");
		free(from);
		free(to);
		return CARVE_EINVALID;
	}
	add_override(ov, from, to, &d, "option");
	return 0;
bad:
	free(from);
	free(to);
	return error_code(CARVE_EINVALID,
			  "--rate takes FROM->TO=RATE or FROM->TO=SLOW,LIKELY,"
			  "FAST (lines per engineer-day), not '%s'",
			  arg);
}

int rates_parse_dist(struct estimate_dist *d, const struct config_dist *v,
		     const char *path, const char *key,
		     enum estimate_dist_kind kind, int rate)
{
	struct estimate_dist def = *d;

	def.table = NULL;
	d->table = NULL;
	if (!v->three)
		return dist_around(d, &def, v->value, kind);
	if (v->kind_set)
		kind = v->kind;
	/* for a rate the optimistic figure is the fastest: the highest */
	if (rate ? estimate_dist_set(d, kind, v->pessimistic, v->likely,
				     v->optimistic)
		 : estimate_dist_set(d, kind, v->optimistic, v->likely,
				     v->pessimistic))
		return config_error(path, key, NULL, "%s",
				    rate ? "expected pessimistic <= likely <= "
					   "optimistic (lines per engineer-day)"
					 : "expected optimistic <= likely <= "
					   "pessimistic (engineer-days)");
	return 0;
}

int rates_parse_config(struct rate_overrides *ov, const struct config *cfg,
		       enum estimate_dist_kind kind)
{
	struct strbuf key = STRBUF_INIT;
	int ret = 0;

	for (size_t i = 0; cfg && i < cfg->rates_nr; i++) {
		const struct config_dist *r = &cfg->rates[i];
		char *from = NULL, *to = NULL;
		struct estimate_dist d;

		strbuf_reset(&key);
		strbuf_addf(&key, "rates.%s", r->key);
		if (split_pair(&from, &to, r->key, strlen(r->key))) {
			ret = config_error(cfg->path, key.buf, NULL,
					   "expected a language pair FROM->TO "
					   "(\"python->go\")");
			break;
		}
		default_dist(&d, from, to);
		if ((ret = rates_parse_dist(&d, r, cfg->path, key.buf, kind,
					    1))) {
			free(from);
			free(to);
			break;
		}
		add_override(ov, from, to, &d, cfg->path);
	}
	strbuf_release(&key);
	return ret;
}

void rates_overrides_release(struct rate_overrides *ov)
{
	for (size_t i = 0; i < ov->nr; i++) {
		free(ov->v[i].from);
		free(ov->v[i].to);
		free(ov->v[i].source);
		estimate_dist_release(&ov->v[i].dist);
	}
	free(ov->v);
	memset(ov, 0, sizeof(*ov));
}

void rates_resolve(struct estimate_rate *r, const char *from, const char *to,
		   const struct rate_overrides *ov,
		   enum estimate_dist_kind kind)
{
	const struct rate_default *def = find_default(from, to);
	const struct rate_override *o = NULL;
	struct strbuf sb = STRBUF_INIT;

	memset(r, 0, sizeof(*r));
	r->from = xstrdup(from);
	r->to = xstrdup(to);
	for (size_t i = ov ? ov->nr : 0; i-- > 0;)
		if (matches(ov->v[i].from, from, from) &&
		    matches(ov->v[i].to, to, from)) {
			o = &ov->v[i];
			break;
		}
	if (o) {
		estimate_dist_copy(&r->dist, &o->dist);
		strbuf_addf(&sb, "%s", o->source);
	} else {
		estimate_dist_set(&r->dist, kind, def->low, def->likely,
				  def->high);
		strbuf_addstr(&sb, def->source);
		r->fallback = def == &rate_table[RATE_TABLE_NR - 1];
	}
	if (!strcmp(from, "unknown"))
		r->fallback = 1;
	r->source = strbuf_detach(&sb, NULL);
}
