#!/bin/sh
# The planned series: carve roadmap's schedule of the sample's "plan"
# (six contexts, 230 engineer-days, one full-time engineer from Monday
# 2024-02-05) beside the actual series, and the forecast flagged when it
# slips past it.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

"$CARVE_SRC/samples/make-migration-history" mig >/dev/null 2>&1
"$CARVE" burndown -q -f json -o model.json mig
ok $? "burndown with a plan"

# 20+40+50+30+60+30 = 230 engineer-days before the start
expect_eq "planned effort before the start" 230 \
	"$(jq '.burndown.planned[0].remaining_days' model.json)"
expect_eq "planned legacy code before the start is the base" 2300 \
	"$(jq '.burndown.planned[0].legacy_code' model.json)"
# one engineer, five days a week: working day 230 is the Friday of the
# 46th week, 2024-02-05 + 45 weeks + 4 days
expect_eq "planned finish worked out by hand" '"2024-12-20"' \
	"$(jq '.burndown.milestones[] | select(.name == "planned finish") | .date' model.json)"
"$CARVE" roadmap -q -f json -o roadmap.json mig
expect_eq "planned finish as carve roadmap schedules it" \
	"$(jq '.roadmap.milestones[] | select(.name == "finish") | .planned' roadmap.json)" \
	"$(jq '.burndown.milestones[] | select(.name == "planned finish") | .date' model.json)"
expect_eq "planned P50 finish as carve roadmap's" \
	"$(jq '.roadmap.milestones[] | select(.name == "finish") | .p50' roadmap.json)" \
	"$(jq '.burndown.forecast.planned_p50' model.json)"
expect_eq "the plan burns down to zero" 0 \
	"$(jq '.burndown.planned[-1].remaining_days' model.json)"
jq -e '[.burndown.planned[] | .p10_days <= .remaining_days + 0.05 or .remaining_days == 0] | all' model.json >/dev/null
ok $? "the band's P10 is at or below the planned line"
# 470 lines left on 2024-12-30, at most 50 burnt a week: the forecast is
# 2025-03-10 or later, after the plan's P50 (2025-01-06 or earlier at
# P50 efforts plus their spread)
expect_eq "the forecast slips past the plan" true \
	"$(jq '.burndown.forecast.slips' model.json)"
"$CARVE" burndown -q mig >text.txt
grep_q "text says it slips" 'SLIPS: the forecast is past the plan' text.txt
jq -e '.assumptions[] | select(.name == "planned legacy code")' model.json >/dev/null
ok $? "the planned legacy code says how it is derived"

"$CARVE" burndown -q -f csv -o plan.csv mig
expect_eq "CSV: planned days beside the sample of 2024-01-08" 230.0 \
	"$(sed -n 2p plan.csv | cut -d, -f15)"
"$CARVE" burndown -q -f svg -o chart.svg mig
grep_q "chart: the plan with its band" '>planned legacy code (P10-P90 band)<' chart.svg
grep_q "chart: a milestone" '>planned finish<' chart.svg
grep_q "chart: the band" '<polygon' chart.svg

"$CARVE" burndown -q --no-plan -f json -o noplan.json mig
expect_eq "--no-plan leaves the plan out" 0 \
	"$(jq '.burndown.planned | length' noplan.json)"

done_testing
