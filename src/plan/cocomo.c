/*
 * COCOMO II post-architecture effort (Boehm et al., COCOMO II Model
 * Definition Manual 2000.0) for the lines an estimate ports, as a
 * cross-check beside carve's rates: nominal scale factors and effort
 * multipliers, and the reuse model for adapted code.
 */
#include <math.h>
#include <string.h>

#include "carve/estimate.h"

#define COCOMO_A 2.94
#define COCOMO_B 0.91
/* nominal PREC 3.72 + FLEX 3.04 + RESL 4.24 + TEAM 3.29 + PMAT 4.68 */
#define COCOMO_SF_NOMINAL 18.97
/* hours in a person-month (152) over 8 per engineer-day */
#define COCOMO_DAYS_PER_PM 19.0

/*
 * Adaptation adjustment multipliers, software understanding SU = 30 and
 * unfamiliarity UNFM = 0.4 (nominal), assessment AA = 4. A rewrite in
 * another language keeps the design (DM 0) and changes all the code and
 * its integration (CM 100, IM 100): AAF = 0.3 x 100 + 0.3 x 100 = 60 >
 * 50, so AAM = (AA + AAF + SU x UNFM) / 100 = (4 + 60 + 12) / 100. A
 * split keeps the code (DM 0, CM 10, IM 50): AAF = 3 + 15 = 18, AAM =
 * (AA + AAF x (1 + 0.02 x SU x UNFM)) / 100 = (4 + 18 x 1.24) / 100.
 */
#define AAM_REWRITE 0.76
#define AAM_SPLIT 0.2632

void estimate_cocomo_compute(struct estimate_cocomo *out, double rewritten,
			     double moved)
{
	memset(out, 0, sizeof(*out));
	out->ksloc = (rewritten + moved) / 1000;
	out->esloc = (rewritten * AAM_REWRITE + moved * AAM_SPLIT) / 1000;
	out->aam = out->ksloc > 0 ? out->esloc / out->ksloc : 0;
	out->exponent = COCOMO_B + 0.01 * COCOMO_SF_NOMINAL;
	if (out->esloc <= 0)
		return;
	out->person_months = COCOMO_A * pow(out->esloc, out->exponent);
	out->days = out->person_months * COCOMO_DAYS_PER_PM;
}
