#!/bin/sh
# carve roadmap on bad or awkward plans: capacity that drops to zero for
# a while or for good, dates in the wrong format, overlapping holidays,
# a context no schedule finishes in 50 years, dependency cycles, unknown
# names, shares that do not add up, teams.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

plan() { printf '{ "plan": { "start": "2027-01-04", %s } }\n' "$1" >carve.json; }
two='"contexts": [ { "name": "a", "days": 200 }, { "name": "b", "days": 100, "depends": ["a"] } ]'

# nobody in February 2027 (Mon 1st to Fri 26th: 20 working days); the
# team back from March stays ("until": "open")
plan '"capacity": [ { "from": "2027-01-04", "engineers": 10 }, { "from": "2027-02-01", "engineers": 0 }, { "from": "2027-03-01", "engineers": 10, "until": "open" } ], '"$two"
expect_status "capacity 0 for a while" 0 "$CARVE" roadmap -c carve.json
grep_q "the wait is explained" "no engineers from 2027-02-01 to 2027-02-26 (plan.capacity): the schedule waits 20 working days" err
expect_eq "no work in February" "0" \
	"$("$CARVE" roadmap -q -c carve.json -f json | jq '[.roadmap.utilisation[] | select(.month == "2027-02" and .used > 0)] | length')"

# nobody from February on, for good: the plan is written and exit 1
plan '"capacity": [ { "from": "2027-01-04", "engineers": 10 }, { "from": "2027-02-01", "engineers": 0 } ], '"$two"
expect_status "capacity 0 for good" 1 "$CARVE" roadmap -c carve.json
grep_q "says why" "capacity is 0 from 2027-02-01 on (plan.capacity)" err
grep_q "says it does not finish" "the schedule does not finish" out

# dates
plan '"capacity": 5, '"$two"
sed 's|2027-01-04|2027/01/04|' carve.json >slash.json
expect_status "start date with slashes" 128 "$CARVE" roadmap -c slash.json
grep_q "names file and key" "slash.json: 'plan.start': expected an ISO 8601 date (YYYY-MM-DD, a real day), got \"2027/01/04\"" err
sed 's|2027-01-04|2027-02-30|' carve.json >feb30.json
expect_status "a day that does not exist" 128 "$CARVE" roadmap -c feb30.json
expect_status "--start with slashes" 129 "$CARVE" roadmap -c carve.json --start 2027/01/04
plan '"holidays": ["2027-12-24..2028-01-01", "2027-12-31..2028-01-03"], '"$two"
expect_status "overlapping holidays" 0 "$CARVE" roadmap -c carve.json
grep_q "overlap named" "carve.json: 'plan.holidays\[1\]': \"2027-12-31..2028-01-03\" overlaps another holiday" err
plan '"holidays": ["2028-01-03..2027-12-24"], '"$two"
expect_status "a range that ends before it starts" 128 "$CARVE" roadmap -c carve.json
grep_q "range named" "carve.json: 'plan.holidays\[0\]': the range ends before it starts, got \"2028-01-03..2027-12-24\"" err
plan '"workdays": ["mon", "funday"], '"$two"
expect_status "a weekday that is none" 128 "$CARVE" roadmap -c carve.json

# a context no schedule finishes in 50 years: at most 6 engineers on
# 200,000 engineer-days is 33,333 working days, 128 years
plan '"contexts": [ { "name": "everything", "days": 200000 } ], "capacity": 100'
expect_status "a context bigger than 50 years" 1 "$CARVE" roadmap -c carve.json --trials 0
grep_q "warned up front" "context 'everything' needs 200000 engineer-days: at most 6 engineers on it, it alone takes more than 50 years" err
grep_q "the horizon is named" "does not end within 50 years" err

# a cycle a -> b -> c -> a: reported with the dependency cut, scheduled
plan '"contexts": [ { "name": "a", "days": 10, "rank": 1, "depends": ["b"] }, { "name": "b", "days": 10, "rank": 2, "depends": ["c"] }, { "name": "c", "days": 10, "rank": 3, "depends": ["a"] } ]'
expect_status "a dependency cycle" 0 "$CARVE" roadmap -c carve.json -f json -o cycle.json
# in rank order a, b, c: a's need of b and b's need of c go against
# it and are cut; c after a stays
expect_eq "the cuts" "a->b b->c" \
	"$(jq -r '[.roadmap.cycles[0].cut[] | "\(.from)->\(.to)"] | join(" ")' cycle.json)"
expect_eq "c waits for a" "1" \
	"$(jq '[.roadmap.contexts[] | select(.name == "c" or .name == "a")] | if .[1].start > .[0].end then 1 else 0 end' cycle.json)"
"$CARVE" roadmap -c carve.json >cycle.txt 2>/dev/null
grep_q "the text lists the cut" "cut: a -> b (1), b -> c (1)" cycle.txt

# names that name nothing, shares that do not add up
plan '"contexts": [ { "name": "a", "days": 10, "depends": ["ghost"] } ]'
expect_status "an unknown dependency" 128 "$CARVE" roadmap -c carve.json
grep_q "the key and the name" "carve.json: 'plan.contexts.a.depends': expected contexts of plan.contexts, got \"ghost\"" err
plan '"mve": ["ghost"], '"$two"
expect_status "an unknown MVE context" 128 "$CARVE" roadmap -c carve.json
plan '"steps": [ { "name": "port", "share": 0.5 }, { "name": "cut-over", "share": 0.2 } ], '"$two"
expect_status "shares short of 1" 128 "$CARVE" roadmap -c carve.json
grep_q "the sum is named" "carve.json: 'plan.steps': expected shares that add up to 1, got shares that add up to 0.7" err
plan '"focus": 2, '"$two"
expect_status "focus over 1" 128 "$CARVE" roadmap -c carve.json
plan '"capacity": [ { "from": "2027-03-01", "engineers": 5 }, { "from": "2027-02-01", "engineers": 9 } ], '"$two"
expect_status "capacity steps out of order" 128 "$CARVE" roadmap -c carve.json
plan '"velocity": 3, '"$two"
expect_status "an unknown key" 0 "$CARVE" roadmap -c carve.json
grep_q "reported" "unknown key 'plan.velocity' ignored" err
plan '"contexts": [ { "name": "a" } ]'
expect_status "a context without effort" 128 "$CARVE" roadmap -c carve.json

# teams: b is the payments team's, on its own 2 engineers
plan '"teams": [ { "name": "payments", "engineers": 2, "contexts": ["b"] } ], '"$two"
expect_status "a team" 0 "$CARVE" roadmap -c carve.json -f json -o team.json
expect_eq "owner" "payments" "$(jq -r '.roadmap.contexts[] | select(.name == "b") | .owner' team.json)"
# 2 engineers x the default focus 220/260 = 1.692 a day: 100
# engineer-days in 59.1 -> 60 working days, a mean of 100 / 60 = 1.667
expect_eq "the team's pace" "1.67" "$(jq '.roadmap.contexts[] | select(.name == "b") | .engineers' team.json)"
plan '"teams": [ { "name": "x", "engineers": 2, "contexts": ["a"] }, { "name": "y", "engineers": 2, "contexts": ["a"] } ], '"$two"
expect_status "a context owned twice" 128 "$CARVE" roadmap -c carve.json

done_testing
