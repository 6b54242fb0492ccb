/*
 * The estimate printed for people (src/render/estimate_text.c), beside
 * a baseline estimate when one is given (or NULL).
 */
#ifndef CARVE_ESTIMATE_TEXT_H
#define CARVE_ESTIMATE_TEXT_H

#include <stdio.h>

#include "carve/model_estimate.h"

void estimate_print_text(FILE *fp, const struct estimate *e,
			 const struct estimate *baseline);

#endif
