/*
 * The estimate printed as text and CSV (src/render/estimate_text.c,
 * estimate_csv.c).
 */
#ifndef CARVE_RENDER_ESTIMATE_H
#define CARVE_RENDER_ESTIMATE_H

#include <stdio.h>

#include "carve/model_estimate.h"

void estimate_print_text(FILE *fp, const struct estimate *e,
			 const struct estimate *baseline);
void estimate_print_csv(FILE *fp, const struct estimate *e);

#endif
