/*
 * PNG charts: the SVG that chart_svg() writes, rendered by librsvg onto
 * a cairo image surface and written by cairo's PNG encoder.
 */
#include <cairo.h>
#include <librsvg/rsvg.h>

#include "carve/chart.h"
#include "carve/error.h"

static cairo_status_t write_fn(void *closure, const unsigned char *data,
			       unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
						    : CAIRO_STATUS_WRITE_ERROR;
}

int chart_png(FILE *fp, const char *svg, size_t len, int width, int height)
{
	GError *err = NULL;
	RsvgHandle *handle;
	cairo_surface_t *surface = NULL;
	cairo_t *cr = NULL;
	RsvgRectangle viewport = { 0, 0, width, height };
	int ret = 0;

	handle = rsvg_handle_new_from_data((const guint8 *)svg, len, &err);
	if (!handle) {
		ret = error("cannot read the chart's SVG: %s",
			    err ? err->message : "unknown error");
		goto done;
	}
	surface =
		cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
	cr = cairo_create(surface);
	if (!rsvg_handle_render_document(handle, cr, &viewport, &err)) {
		ret = error("cannot render the chart: %s",
			    err ? err->message : "unknown error");
		goto done;
	}
	cairo_surface_flush(surface);
	if (cairo_surface_write_to_png_stream(surface, write_fn, fp) !=
	    CAIRO_STATUS_SUCCESS)
		ret = error("cannot write the PNG chart");
done:
	if (err)
		g_error_free(err);
	if (cr)
		cairo_destroy(cr);
	if (surface)
		cairo_surface_destroy(surface);
	if (handle)
		g_object_unref(handle);
	return ret;
}
