#!/bin/sh
# The burndown's plan is carve roadmap's (same trials, same seed, same
# --target), its band P10-P90; no date past the end of the declared
# capacity is a forecast (text, JSON, chart); the chart's axis ends at the
# last forecast date inside it; the sample tables of the text and the
# report fold runs of identical rows, the CSV keeps every sample.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

"$CARVE_SRC/samples/make-migration-history" mig >/dev/null 2>&1
# the sample's plan (230 engineer-days, one engineer from 2024-02-05) on
# a profile of two steps six months apart: the last lasts six months too,
# from 2024-08-05 to 2025-02-04
jq '.plan.capacity = [ { "from": "2024-02-05", "engineers": 1 },
		       { "from": "2024-08-05", "engineers": 1 } ]' \
	mig/carve.json >cap.json
expect_status "burndown on the profile" 0 "$CARVE" burndown -q -c cap.json -f json -o bd.json mig
expect_status "roadmap on the same" 0 "$CARVE" roadmap -q -c cap.json -f json -o rm.json mig
fc() { jq -r ".burndown.forecast.$1" bd.json; }
fin() { jq -r ".roadmap.milestones[] | select(.name == \"finish\") | .$1" rm.json; }
expect_eq "the capacity's last day" 2025-02-04 "$(fc capacity_until)"
expect_eq "plan P50 as carve roadmap's" "$(fin p50)" "$(fc planned_p50)"
expect_eq "plan P10 as carve roadmap's" "$(fin p10)" "$(fc planned_p10)"
expect_eq "plan P90 as carve roadmap's" "$(fin p90)" "$(fc planned_p90)"
# 230 engineer-days P50 in 262 working days (2024-02-05 to 2025-02-04):
# inside at P50; the P90 (carve roadmap: null) is past the end
expect_eq "plan P90 past the capacity: none" null "$(fc planned_p90)"
expect_eq "the shortfall at P90, as carve roadmap's" \
	"$(jq '.roadmap.milestones[] | select(.name == "finish") | .short_days_p90 | round' rm.json)" \
	"$(jq '.burndown.forecast.planned_short_days_p90 | round' bd.json)"
expect_eq "no planned period past the capacity" 0 \
	"$(jq '[.burndown.planned[] | select(.date > "2025-02-04")] | length' bd.json)"
expect_eq "the band is P10-P90" true \
	"$(jq '[.burndown.planned[] | has("p10_days") and has("p90_days")] | all' bd.json)"

# the pace so far: 470 lines left on 2024-12-30 at no more than 50 a
# week take ten weeks at least, past 2025-03-10: after the capacity
expect_status "text" 0 "$CARVE" burndown -q -c cap.json mig
grep_q "plan: P90 after the capacity's last day" \
	'^plan:     P50 [0-9-]*, P90 after 2025-02-04' out
grep_q "forecast: after it too" \
	'^forecast: P50 after 2025-02-04, P90 after 2025-02-04' out
grep_q "the shortfall in engineer-months" \
	'falls short: by [0-9]* engineer-months at P90' out
expect_eq "no forecast date past 2025-02-04" 0 \
	"$(grep -E '^(forecast|plan):' out | grep -o '20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]' | awk '$1 > "2025-02-04"' | wc -l | tr -d ' ')"

# the report: its roadmap and its burndown say the same shortfall as the
# text, and print no plan P90 date
n=$(sed -n 's/.*falls short: by \([0-9]*\) engineer-months at P90.*/\1/p' out)
expect_status "report" 0 "$CARVE" report -q -c cap.json -o cap.html mig
expect_eq "report: the shortfall twice, as carve burndown's ($n)" 2 \
	"$(grep -o "falls short: by $n engineer-months at P90" cap.html | wc -l | tr -d ' ')"
grep_q "report: the plan's P90 after the capacity" \
	'<td>plan</td><td class=n>[0-9-]*</td><td class=n>after 2025-02-04</td>' cap.html

# the chart: its axis ends inside the capacity (month ticks YYYY-MM or
# years), no forecast marker past it, the subtitle says so
expect_status "chart" 0 "$CARVE" burndown -q -c cap.json -f svg -o chart.svg mig
last=$(grep -o 'font-size="13">[0-9][0-9-]*<' chart.svg | sed 's/.*">//; s/<//' | grep -- - | sort | tail -1)
expect_eq "the last date tick is not after February 2025 ($last)" 1 \
	"$(echo "$last" | awk '{ print ($1 <= "2025-02") }')"
check "no forecast marker past the capacity" sh -c "! grep -q '>forecast P[59]0<' chart.svg"
grep_q "the subtitle names it" 'forecast P50 after 2025-02-04, P90 after 2025-02-04; plan P90 after 2025-02-04' chart.svg
grep_q "the band's legend" '>planned legacy code (P10-P90 band)<' chart.svg
# with the team that stays (the sample's own plan), the markers are drawn
"$CARVE" burndown -q -f svg -o open.svg mig
grep_q "open-ended: the forecast P90 marker" '>forecast P90<' open.svg

# --target reaches the plan's estimate: declared contexts need none, so
# the plan is the same with or without it
"$CARVE" burndown -q -c cap.json --target go -f json -o go.json mig
expect_eq "--target: the same plan of declared contexts" \
	"$(fc planned_p50)" "$(jq -r .burndown.forecast.planned_p50 go.json)"
expect_status "--target in -h" 0 "$CARVE" burndown -h
grep_q "burndown -h lists --target" '\-\-target' out

# runs of identical samples: one commit on Tuesday 2024-01-02 (100 lines
# of legacy), the next on Tuesday 2024-03-05 (50 move to new). Weekly
# samples on Mondays: 2024-01-08 to 2024-03-04 see the first (9
# Mondays), 2024-03-11 the second: 10 samples, two runs
make_repo fold
(
	cd fold && mkdir monolith services &&
	seq 1 100 | sed 's/^/x = /' >monolith/a.py &&
	printf '{ "legacy": ["monolith/**"], "new": ["services/**"] }\n' >carve.json &&
	git add -A &&
	GIT_AUTHOR_DATE=2024-01-02T12:00:00Z GIT_COMMITTER_DATE=2024-01-02T12:00:00Z git commit -qm a &&
	seq 1 50 | sed 's/^/x = /' >monolith/a.py &&
	seq 1 50 | sed 's/^/x = /' >services/b.py &&
	git add -A &&
	GIT_AUTHOR_DATE=2024-03-05T12:00:00Z GIT_COMMITTER_DATE=2024-03-05T12:00:00Z git commit -qm b
)
expect_status "burndown of two runs" 0 "$CARVE" burndown -q --deps-every 0 fold
expect_eq "text: one row per run" 2 "$(grep -c '^2024-' out)"
grep_q "text: the first run folded" '^2024-01-08\.\.2024-03-04 (9) .* 100 .* 0 .* 0\.0%' out
grep_q "text: the second alone" '^2024-03-11  .* 50 .* 50 .* 50\.0%' out
grep_q "text: the folding is explained" 'FIRST\.\.LAST (N): N samples in a row' out
expect_status "CSV" 0 "$CARVE" burndown -q --deps-every 0 -f csv -o fold.csv fold
expect_eq "CSV: every sample, for spreadsheets" 11 "$(wc -l <fold.csv | tr -d ' ')"
expect_status "report" 0 "$CARVE" report -q -o fold.html fold
section=$(sed -n '/<h3>Samples/,/<\/table>/p' fold.html)
expect_eq "report: one row per run" 2 "$(echo "$section" | grep -c '<tr><td')"
echo "$section" | grep -q '2024-03-04 (9 samples from 2024-01-08)'
ok $? "report: the run says how many samples since when"

done_testing
