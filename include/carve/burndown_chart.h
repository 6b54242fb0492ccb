/*
 * The burndown drawn as SVG (src/render/burndown_chart.c).
 */
#ifndef CARVE_BURNDOWN_CHART_H
#define CARVE_BURNDOWN_CHART_H

#include "carve/model_burndown.h"

struct strbuf;

/*
 * The 1200x600 chart of b as SVG (src/render/burndown_chart.c): actual
 * legacy and new code, scope, the plan with its band, milestones,
 * forecast and today markers; `name` goes in the title.
 */
void burndown_chart(struct strbuf *svg, const struct burndown *b,
		    const char *name);

#endif
