/*
 * The burndown chart: the actual legacy code lines against the plan with
 * its band (the main series), the new code lines, the scope growth (code
 * added to legacy since the start) as its own line, the milestones,
 * the forecast and today markers, drawn by chart_svg() at 1200x600. The
 * axis ends at the last forecast date inside the plan's declared
 * capacity: a forecast past it is named in the subtitle, not drawn.
 */
#include <math.h>
#include <stdlib.h>

#include "carve/burndown.h"
#include "carve/burndown_chart.h"
#include "carve/chart.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

void burndown_chart(struct strbuf *svg, const struct burndown *b,
		    const char *name)
{
	const struct snapshots *s = b->actual;
	size_t n = s->nr, pn = b->planned_nr;
	int64_t *x = xmalloc((n + 1) * sizeof(*x));
	int64_t *px = xmalloc((pn + 1) * sizeof(*px));
	double *legacy = xmalloc((n + 1) * sizeof(double));
	double *fresh = xmalloc((n + 1) * sizeof(double));
	double *scope = xmalloc((n + 1) * sizeof(double));
	double *plan = xmalloc((pn + 1) * sizeof(double));
	double *lo = xmalloc((pn + 1) * sizeof(double));
	double *hi = xmalloc((pn + 1) * sizeof(double));
	struct chart_series series[4];
	struct chart_marker *markers =
		xcalloc(b->milestones_nr + 4, sizeof(*markers));
	struct strbuf title = STRBUF_INIT, sub = STRBUF_INIT;
	struct chart c = { 0 };
	size_t ns = 0, nm = 0;
	char d1[32], d2[32];

	for (size_t i = 0; i < n; i++) {
		x[i] = s->points[i].date;
		legacy[i] = (double)s->points[i].sum[SNAP_LEGACY].code;
		fresh[i] = (double)s->points[i].sum[SNAP_NEW].code;
		/* scope growth from the start on: before it, no line */
		scope[i] = s->points[i].date >= s->start
				   ? (double)s->points[i].scope_added
				   : NAN;
	}
	for (size_t i = 0; i < pn; i++) {
		const struct burndown_planned *p = &b->planned[i];
		/* the band in code lines: the effort range at this date */
		double k = p->remaining_days > 0
				   ? p->legacy_code / p->remaining_days
				   : 0;

		px[i] = p->date;
		plan[i] = p->legacy_code;
		lo[i] = p->low_days * k;
		hi[i] = p->high_days * k;
	}
	if (pn)
		series[ns++] = (struct chart_series){ "planned legacy code "
						      "(P10-P90 band)",
						      "#2b6cb0",
						      px,
						      plan,
						      lo,
						      hi,
						      pn,
						      1 };
	series[ns++] = (struct chart_series){
		"actual legacy code", "#c05621", x, legacy, NULL, NULL, n, 0
	};
	series[ns++] = (struct chart_series){ "new code", "#2f855a", x, fresh,
					      NULL,	  NULL,	     n, 0 };
	series[ns++] = (struct chart_series){ "scope growth: code added to "
					      "legacy since the start",
					      "#718096",
					      x,
					      scope,
					      NULL,
					      NULL,
					      n,
					      1 };
	for (size_t i = 0; i < b->milestones_nr; i++)
		markers[nm++] = (struct chart_marker){ b->milestones[i].date,
						       b->milestones[i].name,
						       "#2b6cb0", 1 };
	if (b->forecast.ok && b->forecast.remaining) {
		if (!burndown_past_capacity(b, b->forecast.p50))
			markers[nm++] = (struct chart_marker){ b->forecast.p50,
							       "forecast P50",
							       "#c05621", 1 };
		if (!burndown_past_capacity(b, b->forecast.p90))
			markers[nm++] = (struct chart_marker){ b->forecast.p90,
							       "forecast P90",
							       "#c05621", 1 };
	}
	if (b->planned_p90 && !burndown_past_capacity(b, b->planned_p90))
		markers[nm++] = (struct chart_marker){ b->planned_p90,
						       "plan P90", "#2b6cb0",
						       1 };
	markers[nm++] =
		(struct chart_marker){ b->today, "today", "#e53e3e", 0 };
	strbuf_addf(&title, "Migration burndown: %s", name);
	burndown_date(d1, sizeof(d1), s->start);
	strbuf_addf(&sub,
		    "code lines in legacy paths since %s; %.1f%% migrated "
		    "(new / (legacy + new))",
		    d1, n ? 100 * burndown_share(s, n - 1) : 0.0);
	if (b->forecast.ok && b->forecast.remaining)
		strbuf_addf(&sub, "; forecast P50 %s, P90 %s",
			    burndown_finish_text(d1, sizeof(d1), b,
						 b->forecast.p50),
			    burndown_finish_text(d2, sizeof(d2), b,
						 b->forecast.p90));
	if (b->planned_nr && !b->planned_p90 && b->capacity_end) {
		burndown_date(d2, sizeof(d2), b->capacity_end - 86400);
		strbuf_addf(&sub,
			    "; plan P90 after %s (the declared capacity "
			    "ends)",
			    d2);
	}
	if (b->slips)
		strbuf_addstr(&sub, " (slips past the plan)");
	c.title = title.buf;
	c.subtitle = sub.buf;
	c.y_unit = "code lines";
	c.width = 1200;
	c.height = 600;
	c.series = series;
	c.series_nr = ns;
	c.markers = markers;
	c.markers_nr = nm;
	chart_svg(svg, &c);
	strbuf_release(&title);
	strbuf_release(&sub);
	free(markers);
	free(x);
	free(px);
	free(legacy);
	free(fresh);
	free(scope);
	free(plan);
	free(lo);
	free(hi);
}
