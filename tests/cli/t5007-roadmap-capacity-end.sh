#!/bin/sh
# Where the declared capacity ends (carve-roadmap(1), carve.json(5)): a
# standing team ("capacity": N, or a profile of one step) stays; a
# profile of several steps ends after its last step has lasted as long
# as the one before it (whole months when both begin on the same day of
# the month); "until" gives the last step's last day, or "open". Past
# the end no date is a forecast: the trial has none, and the text says
# by how many engineer-months the capacity falls short.
#
# Every plan here is one context, one step, no phase 0, focus 1: one
# engineer does one engineer-day each working day (Mon-Fri), from Friday
# 2027-01-01. Working days: January 2027 has 21 (the 1st, then four full
# weeks 4-29), February 20 (four full weeks), so the 41st working day is
# Fri 2027-02-26; the 96th is Fri 2027-05-14 (March 23, April 22, then
# 3-7 and 10-14 May); the 20th is Thu 2027-01-28.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

# plan DAYS CAPACITY: carve.json with one context of DAYS engineer-days
plan() {
	printf '{ "plan": { "start": "2027-01-01", "focus": 1, "phase0": [],
  "steps": [ { "name": "port", "share": 1 } ],
  "max_engineers_per_context": 10, "capacity": %s,
  "contexts": [ { "name": "a", "days": %s } ] } }\n' "$2" "$1" >carve.json
}
finish() { jq -r '.roadmap.milestones[] | select(.name == "finish") | .'"$1" rm.json; }

monthly='[ { "from": "2027-01-01", "engineers": 1 }, { "from": "2027-02-01", "engineers": 1'

# monthly steps: the last lasts a month, to 2027-02-28: 41 engineer-days
plan 41 "$monthly } ]"
expect_status "41 days on 41 of capacity" 0 "$CARVE" roadmap -c carve.json -f json -o rm.json
expect_eq "finishes on the last working day of February" 2027-02-26 "$(finish p50)"
plan 96 "$monthly } ]"
expect_status "96 days on 41 of capacity: does not finish" 1 "$CARVE" roadmap -c carve.json -f json -o rm.json
expect_eq "no P50 finish date" null "$(finish p50)"
expect_eq "no P90 finish date" null "$(finish p90)"
expect_eq "no planned finish date" null "$(finish planned)"
# 96 - 41 = 55 engineer-days = 3 engineer-months (220 days a year)
expect_eq "short by 55 engineer-days at P50" 55 "$(finish short_days_p50)"
grep_q "the end is explained" "the declared capacity ends 2027-02-28 (the last step lasts as long as the one before it" err
expect_status "text" 1 "$CARVE" roadmap -c carve.json
expect_eq "the text prints '-' for each date" "- - - -" \
	"$(awk '$1 == "finish" { print $2, $3, $4, $5 }' out)"
grep_q "the shortfall in engineer-months" \
	"falls short: by 3 engineer-months at P90, 3 at P50, 3 at P10" out
grep_q "the assumption names the end" \
	"the declared capacity is until 2027-02-28" out
expect_eq "no date after the end in the text" 0 \
	"$(grep -o '20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]' out | awk '$1 > "2027-02-28"' | wc -l | tr -d ' ')"

# "until": "open": the last step stays; "until": a date, its last day
plan 96 "$monthly, \"until\": \"open\" } ]"
expect_status "open-ended" 0 "$CARVE" roadmap -c carve.json -f json -o rm.json
expect_eq "open-ended: the 96th working day" 2027-05-14 "$(finish p50)"
plan 96 "$monthly, \"until\": \"2027-05-14\" } ]"
expect_status "until the 96th working day" 0 "$CARVE" roadmap -c carve.json -f json -o rm.json
expect_eq "until: finishes on its last day" 2027-05-14 "$(finish p50)"
plan 96 "$monthly, \"until\": \"2027-05-13\" } ]"
expect_status "until the day before" 1 "$CARVE" roadmap -c carve.json -f json -o rm.json
expect_eq "until: one engineer-day short" 1 "$(finish short_days_p50)"

# a standing team: a number, or one step
plan 96 1
expect_status "\"capacity\": 1" 0 "$CARVE" roadmap -c carve.json -f json -o rm.json
expect_eq "a number stays" 2027-05-14 "$(finish p50)"
plan 96 '[ { "from": "2027-01-01", "engineers": 1 } ]'
expect_status "one step" 0 "$CARVE" roadmap -c carve.json -f json -o rm.json
expect_eq "one step stays" 2027-05-14 "$(finish p50)"

# steps 14 days apart: the last lasts 14 days, to 2027-01-28 (20 days)
fortnight='[ { "from": "2027-01-01", "engineers": 1 }, { "from": "2027-01-15", "engineers": 1 } ]'
plan 20 "$fortnight"
expect_status "20 days in 14 + 14 calendar days" 0 "$CARVE" roadmap -c carve.json -f json -o rm.json
expect_eq "finishes 2027-01-28" 2027-01-28 "$(finish p50)"
plan 21 "$fortnight"
expect_status "21 days: one short" 1 "$CARVE" roadmap -c carve.json -f json -o rm.json
expect_eq "one engineer-day short" 1 "$(finish short_days_p50)"

# estimate's ranges: the trials past the end have no date either; every
# date printed is inside the capacity
printf '{ "plan": { "start": "2027-01-01", "focus": 1, "phase0": [],
  "steps": [ { "name": "port", "share": 1 } ], "capacity": %s } ],
  "contexts": [ { "name": "a", "days": 35, "p10": 30, "p90": 60 } ] } }\n' "$monthly" >carve.json
expect_status "a range across the end" 0 "$CARVE" roadmap -c carve.json -f json -o rm.json
expect_eq "P50 inside" 1 "$(finish p50 | awk '{ print ($1 <= "2027-02-28") }')"
expect_eq "P90 past the end: none" null "$(finish p90)"
expect_eq "and short at P90" true "$(jq '.roadmap.milestones[] | select(.name == "finish") | .short_days_p90 > 0' rm.json)"

# Mermaid: a bar only for what ends inside the capacity. "a" (30 days)
# ends on the 30th working day, Thu 2027-02-11 (the bar's end is
# exclusive); "b" after it (66 more) does not end by 2027-02-28
printf '{ "plan": { "start": "2027-01-01", "focus": 1, "phase0": [],
  "steps": [ { "name": "port", "share": 1 } ], "capacity": %s } ],
  "contexts": [ { "name": "a", "days": 30 },
		{ "name": "b", "days": 66, "depends": ["a"] } ] } }\n' "$monthly" >carve.json
expect_status "mermaid" 1 "$CARVE" roadmap -c carve.json -f mermaid
grep_q "the bar inside the capacity" '^    a :crit, c0, 2027-01-01, 2027-02-12$' out
grep_q "none for the rest" '^    %% b: not finished within the declared capacity$' out
expect_eq "mermaid: no date past 2027-02-28" 0 \
	"$(grep -o '20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]' out | awk '$1 > "2027-02-28"' | wc -l | tr -d ' ')"

# TaskJuggler and MS Project: the unfinished "b" stops where the capacity
# does (TaskJuggler's end is the moment after: 2027-03-01), with a note;
# the milestones it holds up are left out
expect_status "tjp" 1 "$CARVE" roadmap -c carve.json -f tjp
grep_q "tjp: b stops at the end of the capacity" '^    end 2027-03-01$' out
grep_q "tjp: and says why" 'note "not finished within the declared capacity' out
grep_q "tjp: no finish milestone" '^# finish: not reached within the declared capacity$' out
expect_status "msproject" 1 "$CARVE" roadmap -c carve.json -f msproject
expect_eq "msproject: no start or finish past 2027-02-28" 0 \
	"$(grep -o '<\(Start\|Finish\)>20[0-9-]*' out | sed 's/.*>//' | awk '$1 > "2027-02-28"' | wc -l | tr -d ' ')"

# bad "until"
plan 10 '[ { "from": "2027-01-01", "engineers": 1, "until": "2027-01-31" }, { "from": "2027-02-01", "engineers": 1 } ]'
expect_status "until on a step that is not the last" 128 "$CARVE" roadmap -c carve.json
grep_q "names file and key" "carve.json: 'plan.capacity\[0\].until': only the last step takes \"until\"" err
plan 10 '[ { "from": "2027-01-01", "engineers": 1, "until": "2026-12-31" } ]'
expect_status "until before from" 128 "$CARVE" roadmap -c carve.json
grep_q "says so" "'plan.capacity\[0\].until': is before the step's \"from\"" err
plan 10 '[ { "from": "2027-01-01", "engineers": 1, "until": "forever" } ]'
expect_status "until neither a date nor open" 128 "$CARVE" roadmap -c carve.json
grep_q "says what it takes" "expected the step's last day (YYYY-MM-DD) or \"open\", got \"forever\"" err

done_testing
