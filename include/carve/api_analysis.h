/*
 * The API analysed (src/analysis/api.c): the endpoints and path literals
 * of every counted file (carve/api.h) mapped to the contexts of a seams
 * proposal, into the api part of the model (carve/model_api.h).
 */
#ifndef CARVE_API_ANALYSIS_H
#define CARVE_API_ANALYSIS_H

#include "carve/model_api.h"

/*
 * Reads every counted file of scan (on `threads` threads) for declared
 * endpoints and maps them to the contexts of `seams`. Returns 0 and sets
 * *out (the caller's: api_report_free), or <0 after reporting.
 */
int api_analyse(struct api_report **out, const struct scan *scan,
		const struct seams *seams, int threads);
void api_report_free(struct api_report *r);

#endif
