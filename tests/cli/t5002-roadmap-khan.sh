#!/bin/sh
# carve roadmap on Khan Academy's migration (DESIGN.md: 1M lines, ~40
# services, 3.5 years, MVE after 2 years; team 7 -> 100 over 24 months,
# then 50 -> 4 over 18): the P50 finish falls within 20% of 3.5 years
# and the MVE (80% of the lines) within 20% of 2 years.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1
. "$CARVE_SRC/tests/cli/lib-roadmap.sh"

# years DATE: years from the start (2019-01-07) to DATE, by GNU date
years() {
	echo "scale=3; ($(date -u -d "$1" +%s) - $(date -u -d 2019-01-07 +%s)) / 86400 / 365.25" | bc
}
within() { echo "$1 >= $2 && $1 <= $3" | bc; }

khan_config khan.json
expect_status "Khan Academy plan" 0 "$CARVE" roadmap -c khan.json -f json -o khan-out.json
finish=$(jq -r '.roadmap.milestones[] | select(.name == "finish") | .p50' khan-out.json)
mve=$(jq -r '.roadmap.milestones[] | select(.name == "MVE") | .p50' khan-out.json)
f=$(years "$finish")
m=$(years "$mve")
echo "# P50 finish $finish ($f years), MVE $mve ($m years)"
expect_eq "P50 finish within 20% of 3.5 years (2.8 to 4.2): $f" 1 "$(within "$f" 2.8 4.2)"
expect_eq "P50 MVE within 20% of 2 years (1.6 to 2.4): $m" 1 "$(within "$m" 1.6 2.4)"
expect_eq "the estimate's 10000 trials scheduled" 10000 "$(jq '.roadmap.trials' khan-out.json)"
expect_eq "40 contexts" 40 "$(jq '.roadmap.contexts | length' khan-out.json)"
# 7 tasks a context and the 4 of phase 0
expect_eq "284 tasks" 284 "$(jq '.roadmap.tasks | length' khan-out.json)"
# the profile's 42 monthly steps end with June 2022 (its last step lasts
# a month, as each before it): no date after 2022-06-30 is a forecast,
# the slow trials get what they lack instead
expect_eq "no P85 or P90 finish past the declared capacity" "null null" \
	"$(jq -r '.roadmap.milestones[] | select(.name == "finish") | "\(.p85) \(.p90)"' khan-out.json)"
expect_eq "the shortfall at P90 instead" 1 \
	"$(jq '.roadmap.milestones[] | select(.name == "finish") | .short_days_p90 > 0' khan-out.json | sed 's/true/1/')"
expect_eq "no date of any milestone after 2022-06-30" 0 \
	"$(jq '[.roadmap.milestones[] | .planned, .p10, .p50, .p85, .p90 | select(. != null and . > "2022-06-30")] | length' khan-out.json)"
expect_status "text" 0 "$CARVE" roadmap -c khan.json
grep_q "the end of the capacity is named" "which end 2022-06-30 (the last step lasts as long as the one before it" out
# nobody works on holidays: no task starts on 2019-12-23..2020-01-03
expect_eq "holidays respected" 0 \
	"$(jq '[.roadmap.tasks[] | select(.start >= "2019-12-23" and .start <= "2020-01-03")] | length' khan-out.json)"
# utilisation never over capacity
expect_eq "used <= capacity every month" 0 \
	"$(jq '[.roadmap.utilisation[] | select(.used > .capacity + 0.01)] | length' khan-out.json)"
# another seed moves the P85 but keeps the P50 finish within 20%
expect_status "another seed" 0 "$CARVE" roadmap -c khan.json --seed 7 -f json -o seed7.json
f7=$(years "$(jq -r '.roadmap.milestones[] | select(.name == "finish") | .p50' seed7.json)")
expect_eq "seed 7: P50 finish within 20% too: $f7" 1 "$(within "$f7" 2.8 4.2)"

# the same team on carve estimate's reading of Khan's sizes (its own
# calibration case, samples/cases/khan.json: 40 services, target Go)
# (with the default focus: the engineer-days of the rates, 220 a year)
jq 'del(.plan.contexts) | del(.plan.focus) | .target = {"language": "go"}' khan.json >khan-est.json
expect_status "Khan through carve estimate" 0 "$CARVE" roadmap -c khan-est.json \
	--sizes "$CARVE_SRC/samples/cases/khan.json" -f json -o est-out.json
expect_eq "efforts from carve estimate" "carve estimate of the sizes in --sizes" "$(jq -r .roadmap.source est-out.json)"
fe=$(years "$(jq -r '.roadmap.milestones[] | select(.name == "finish") | .p50' est-out.json)")
echo "# through carve estimate: P50 finish $fe years"
expect_eq "P50 finish within 20% of 3.5 years: $fe" 1 "$(within "$fe" 2.8 4.2)"
expect_eq "through carve estimate: no P90 finish past 2022-06-30" null \
	"$(jq -r '.roadmap.milestones[] | select(.name == "finish") | .p90' est-out.json)"
# "until": "open" keeps the last step's 4 engineers: a date again,
# past the end of June 2022
jq '.plan.capacity[-1].until = "open"' khan-est.json >open.json
expect_status "the last step open-ended" 0 "$CARVE" roadmap -c open.json \
	--sizes "$CARVE_SRC/samples/cases/khan.json" -f json -o open-out.json
expect_eq "open-ended: a P90 finish after 2022-06-30" true \
	"$(jq '.roadmap.milestones[] | select(.name == "finish") | .p90 > "2022-06-30"' open-out.json)"
expect_status "--sizes with a PATH" 129 "$CARVE" roadmap --sizes "$CARVE_SRC/samples/cases/khan.json" .
expect_status "--sizes with plan.contexts" 128 "$CARVE" roadmap -c khan.json --sizes "$CARVE_SRC/samples/cases/khan.json"

done_testing
