/*
 * The process's one Graphviz context (see carve/dot_gvc.h for why).
 */
#include <stdlib.h>

#include "carve/dot_gvc.h"

static GVC_t *gvc;

static void dot_gvc_free(void)
{
	gvFreeContext(gvc);
	gvc = NULL;
}

GVC_t *dot_gvc(void)
{
	if (!gvc) {
		gvc = gvContext();
		atexit(dot_gvc_free);
	}
	return gvc;
}
