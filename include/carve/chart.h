/*
 * Line charts drawn by carve as SVG (and PNG through librsvg and cairo):
 * a date x axis, one y axis with a unit, several series (lines, dashed
 * lines, a shaded band between two bounds), vertical markers (milestones,
 * today) and a legend. For burndown and the report. The chart borrows
 * every array and string it is given.
 */
#ifndef CARVE_CHART_H
#define CARVE_CHART_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct strbuf;

struct chart_series {
	const char *name; /* in the legend */
	const char *color; /* "#rrggbb" */
	const int64_t *x; /* dates, seconds since the epoch */
	const double *y; /* NAN leaves a gap */
	const double *lo, *hi; /* a band under the line, or NULL */
	size_t nr;
	int dashed;
};

struct chart_marker {
	int64_t x;
	const char *label;
	const char *color;
	int dashed;
};

struct chart {
	const char *title;
	const char *subtitle; /* may be NULL */
	const char *y_unit; /* "code lines" */
	int width, height; /* default 1200 x 600 */
	const struct chart_series *series;
	size_t series_nr;
	const struct chart_marker *markers;
	size_t markers_nr;
};

/* Appends the chart as a standalone SVG document to out. */
void chart_svg(struct strbuf *out, const struct chart *c);
/*
 * Renders an SVG document to PNG at width x height pixels on fp.
 * Returns 0, or <0 after reporting.
 */
int chart_png(FILE *fp, const char *svg, size_t len, int width, int height);

/*
 * A "nice" axis: the step (1, 2 or 5 times a power of ten) that splits
 * [0, max] into at most `ticks` parts; used for the y axis.
 */
double chart_nice_step(double max, int ticks);

#endif
