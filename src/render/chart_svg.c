/*
 * Line charts as SVG: the plot area with a nice y axis from zero, month,
 * quarter or year ticks along the dates, each series as a polyline (with
 * its band as a shaded polygon beneath), markers as labelled vertical
 * lines, the legend in one row under the axis. Plain SVG 1.1, no script
 * and no external font, so it pastes into slides and renders the same in
 * librsvg and browsers.
 */
#include <math.h>
#include <string.h>
#include <time.h>

#include "carve/chart.h"
#include "carve/html.h"
#include "carve/strbuf.h"

#define MARGIN_LEFT 96
#define MARGIN_RIGHT 40
#define MARGIN_TOP 78
#define MARGIN_BOTTOM 96

struct frame {
	double x0, x1, y0, y1; /* plot area in pixels */
	double tmin, tmax, ymax;
};

double chart_nice_step(double max, int ticks)
{
	static const double mult[] = { 1, 2, 5 };
	double p;

	if (!(max > 0) || ticks < 1)
		return 1;
	for (p = pow(10, floor(log10(max / ticks)));; p *= 10)
		for (int i = 0; i < 3; i++)
			if (max / (p * mult[i]) <= ticks)
				return p * mult[i];
}

static double px_x(const struct frame *f, int64_t t)
{
	if (f->tmax <= f->tmin)
		return (f->x0 + f->x1) / 2;
	return f->x0 +
	       (f->x1 - f->x0) * (double)(t - f->tmin) / (f->tmax - f->tmin);
}

static double px_y(const struct frame *f, double v)
{
	return f->y1 - (f->y1 - f->y0) * v / f->ymax;
}

static void bounds(struct frame *f, const struct chart *c)
{
	int any = 0;
	double ymax = 0;

	for (size_t s = 0; s < c->series_nr; s++) {
		const struct chart_series *cs = &c->series[s];

		for (size_t i = 0; i < cs->nr; i++) {
			double hi = cs->hi ? cs->hi[i] : cs->y[i];

			if (!any || cs->x[i] < f->tmin)
				f->tmin = (double)cs->x[i];
			if (!any || cs->x[i] > f->tmax)
				f->tmax = (double)cs->x[i];
			any = 1;
			if (!isnan(cs->y[i]) && cs->y[i] > ymax)
				ymax = cs->y[i];
			if (!isnan(hi) && hi > ymax)
				ymax = hi;
		}
	}
	for (size_t m = 0; m < c->markers_nr; m++) {
		if (!any || c->markers[m].x < f->tmin)
			f->tmin = (double)c->markers[m].x;
		if (!any || c->markers[m].x > f->tmax)
			f->tmax = (double)c->markers[m].x;
		any = 1;
	}
	/* room after the last date, so a marker there is not on the edge */
	f->tmax += (f->tmax - f->tmin) * 0.02;
	f->ymax = chart_nice_step(ymax > 0 ? ymax : 1, 6) *
		  ceil((ymax > 0 ? ymax : 1) /
		       chart_nice_step(ymax > 0 ? ymax : 1, 6));
}

static void y_axis(struct strbuf *sb, const struct frame *f, const char *unit)
{
	double step = chart_nice_step(f->ymax, 6);
	struct strbuf label = STRBUF_INIT;

	for (double v = 0; v <= f->ymax + step / 2; v += step) {
		double y = px_y(f, v);

		strbuf_addf(sb,
			    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			    "y2=\"%.1f\" stroke=\"#e3e3e3\"/>\n",
			    f->x0, y, f->x1, y);
		strbuf_setlen(&label, 0);
		strbuf_add_thousands(&label, (unsigned long long)llround(v));
		strbuf_addf(sb,
			    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" "
			    "font-size=\"13\">%s</text>\n",
			    f->x0 - 8, y + 4, label.buf);
	}
	strbuf_addf(sb,
		    "<text transform=\"translate(22 %.1f) rotate(-90)\" "
		    "text-anchor=\"middle\" font-size=\"14\">",
		    (f->y0 + f->y1) / 2);
	html_escape(sb, unit);
	strbuf_addstr(sb, "</text>\n");
	strbuf_release(&label);
}

/* Ticks on the first of a month, every 1, 2, 3, 6, 12 or more months. */
static void x_axis(struct strbuf *sb, const struct frame *f)
{
	static const int steps[] = { 1, 2, 3, 6, 12, 24, 60, 120 };
	time_t t0 = (time_t)f->tmin, t1 = (time_t)f->tmax;
	struct tm a, b;
	int months, step = 120;

	gmtime_r(&t0, &a);
	gmtime_r(&t1, &b);
	months = (b.tm_year - a.tm_year) * 12 + b.tm_mon - a.tm_mon + 1;
	for (size_t i = 0; i < sizeof(steps) / sizeof(*steps); i++)
		if (months / steps[i] <= 12) {
			step = steps[i];
			break;
		}
	for (int k = 0; k <= months + step; k++) {
		int mon = a.tm_mon + k;
		struct tm tick = { 0 };
		int64_t t;
		char label[16];
		double x;

		if ((a.tm_year * 12 + mon) % step)
			continue;
		tick.tm_year = a.tm_year + mon / 12;
		tick.tm_mon = mon % 12;
		tick.tm_mday = 1;
		t = (int64_t)timegm(&tick);
		if (t < f->tmin || t > f->tmax)
			continue;
		x = px_x(f, t);
		strftime(label, sizeof(label), step >= 12 ? "%Y" : "%Y-%m",
			 &tick);
		strbuf_addf(sb,
			    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			    "y2=\"%.1f\" stroke=\"#999\"/>\n"
			    "<text x=\"%.1f\" y=\"%.1f\" "
			    "text-anchor=\"middle\" "
			    "font-size=\"13\">%s</text>\n",
			    x, f->y1, x, f->y1 + 6, x, f->y1 + 22, label);
	}
	strbuf_addf(sb,
		    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
		    "stroke=\"#333\"/>\n"
		    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
		    "stroke=\"#333\"/>\n",
		    f->x0, f->y1, f->x1, f->y1, f->x0, f->y0, f->x0, f->y1);
}

static void band(struct strbuf *sb, const struct frame *f,
		 const struct chart_series *s)
{
	strbuf_addf(sb, "<polygon fill=\"%s\" fill-opacity=\"0.18\" points=\"",
		    s->color);
	for (size_t i = 0; i < s->nr; i++)
		if (!isnan(s->hi[i]))
			strbuf_addf(sb, "%.1f,%.1f ", px_x(f, s->x[i]),
				    px_y(f, s->hi[i]));
	for (size_t i = s->nr; i-- > 0;)
		if (!isnan(s->lo[i]))
			strbuf_addf(sb, "%.1f,%.1f ", px_x(f, s->x[i]),
				    px_y(f, s->lo[i]));
	strbuf_addstr(sb, "\"/>\n");
}

static void line(struct strbuf *sb, const struct frame *f,
		 const struct chart_series *s)
{
	int open = 0;

	for (size_t i = 0; i <= s->nr; i++) {
		if (i == s->nr || isnan(s->y[i])) {
			if (open)
				strbuf_addstr(sb, "\"/>\n");
			open = 0;
			continue;
		}
		if (!open)
			strbuf_addf(sb,
				    "<polyline fill=\"none\" stroke=\"%s\" "
				    "stroke-width=\"2.5\"%s points=\"",
				    s->color,
				    s->dashed ? " stroke-dasharray=\"8 5\""
					      : "");
		open = 1;
		strbuf_addf(sb, "%.1f,%.1f ", px_x(f, s->x[i]),
			    px_y(f, s->y[i]));
	}
}

static void marker(struct strbuf *sb, const struct frame *f,
		   const struct chart_marker *m)
{
	double x = px_x(f, m->x);

	strbuf_addf(sb,
		    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
		    "stroke=\"%s\" stroke-width=\"1.5\"%s/>\n"
		    "<text transform=\"translate(%.1f %.1f) rotate(-90)\" "
		    "text-anchor=\"end\" font-size=\"12\" fill=\"%s\">",
		    x, f->y0, x, f->y1, m->color,
		    m->dashed ? " stroke-dasharray=\"4 4\"" : "", x - 4,
		    f->y0 + 4, m->color);
	html_escape(sb, m->label);
	strbuf_addstr(sb, "</text>\n");
}

static void legend(struct strbuf *sb, const struct frame *f,
		   const struct chart *c)
{
	double x = f->x0, y = f->y1 + 58;

	for (size_t i = 0; i < c->series_nr; i++) {
		const struct chart_series *s = &c->series[i];

		if (s->lo)
			strbuf_addf(sb,
				    "<rect x=\"%.1f\" y=\"%.1f\" width=\"28\" "
				    "height=\"12\" fill=\"%s\" "
				    "fill-opacity=\"0.18\"/>\n",
				    x, y - 10, s->color);
		strbuf_addf(sb,
			    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			    "y2=\"%.1f\" stroke=\"%s\" "
			    "stroke-width=\"2.5\"%s/>\n"
			    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\">",
			    x, y - 4, x + 28, y - 4, s->color,
			    s->dashed ? " stroke-dasharray=\"8 5\"" : "",
			    x + 34, y);
		html_escape(sb, s->name);
		strbuf_addstr(sb, "</text>\n");
		/* about 7 pixels a character at 13px */
		x += 34 + 7.2 * (double)strlen(s->name) + 24;
	}
}

void chart_svg(struct strbuf *sb, const struct chart *c)
{
	int w = c->width > 0 ? c->width : 1200;
	int h = c->height > 0 ? c->height : 600;
	struct frame f = { MARGIN_LEFT,
			   w - MARGIN_RIGHT,
			   MARGIN_TOP,
			   h - MARGIN_BOTTOM,
			   0,
			   0,
			   1 };

	bounds(&f, c);
	strbuf_addf(sb,
		    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<svg xmlns=\"http://www.w3.org/2000/svg\" "
		    "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
		    "font-family=\"DejaVu Sans, Helvetica, Arial, "
		    "sans-serif\">\n"
		    "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n"
		    "<text x=\"%d\" y=\"34\" font-size=\"22\" "
		    "font-weight=\"bold\">",
		    w, h, w, h, w, h, MARGIN_LEFT);
	html_escape(sb, c->title);
	strbuf_addstr(sb, "</text>\n");
	if (c->subtitle) {
		strbuf_addf(sb,
			    "<text x=\"%d\" y=\"58\" font-size=\"14\" "
			    "fill=\"#555\">",
			    MARGIN_LEFT);
		html_escape(sb, c->subtitle);
		strbuf_addstr(sb, "</text>\n");
	}
	y_axis(sb, &f, c->y_unit);
	x_axis(sb, &f);
	for (size_t i = 0; i < c->series_nr; i++)
		if (c->series[i].lo && c->series[i].hi)
			band(sb, &f, &c->series[i]);
	for (size_t i = 0; i < c->markers_nr; i++)
		marker(sb, &f, &c->markers[i]);
	for (size_t i = 0; i < c->series_nr; i++)
		line(sb, &f, &c->series[i]);
	legend(sb, &f, c);
	strbuf_addstr(sb, "</svg>\n");
}
