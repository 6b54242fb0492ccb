#!/bin/sh
# carve roadmap on DESIGN.md's e-commerce example (declared contexts, no
# repository): the extraction order, the waves and every date, worked
# out by hand below.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

# wd N: the date of working day N from Monday 2027-01-04 (Mon-Fri, no
# holidays), computed by GNU date, not by carve.
wd() { date -u -d "2027-01-04 + $(($1 / 5 * 7 + $1 % 5)) days" +%F; }

cp "$CARVE_SRC/samples/cases/ecommerce-plan.json" plan.json
expect_status "e-commerce plan" 0 "$CARVE" roadmap -c plan.json -f json -o rm.json
jq -r '.roadmap.contexts[] | "\(.name) \(.wave) \(.start) \(.end)"' rm.json >got.txt

# 40 full-time engineers (50 x 0.8), at most 40 on a context: one at a
# time. Phase 0 (60+40+40+30 engineer-days, 40 a task): the gateway
# takes days 0-1 (40 + 20); the 20 freed on day 1 start new work the day
# after, so CI/CD is day 2, observability 3, comparison tooling 4.
# A month is 5 x 365.2425 / 7 / 12 = 21.7406 working days, a context
# staffed with 40: notification 2 months = 1739.25 engineer-days = 43.5
# days -> 44 (days 5-48); user and catalog 66 each; search 4 months ->
# 86.96 -> 87; order 6 months -> 130.4 -> 131; database separation
# 1200 / 40 = 30. Ready contexts go by rank: after notification, user
# (rank 2) before catalog (3); after catalog, search (4) before order.
cat >want.txt <<EOT
notification 1 $(wd 5) $(wd 48)
user 2 $(wd 49) $(wd 114)
catalog 1 $(wd 115) $(wd 180)
search 2 $(wd 181) $(wd 267)
order 3 $(wd 268) $(wd 398)
EOT
if cmp -s want.txt got.txt; then ok 0 "waves, order and dates as worked out"
else ok 1 "waves, order and dates as worked out"; diff want.txt got.txt | sed 's/^/# /'; fi
expect_eq "extraction order by start" "notification user catalog search order" \
	"$(jq -r '[.roadmap.contexts | sort_by(.start)[] | .name] | join(" ")' rm.json)"
expect_eq "database separation last" "$(wd 399) $(wd 428)" \
	"$(jq -r '.roadmap.tasks[] | select(.name == "database separation") | "\(.start) \(.end)"' rm.json)"
expect_eq "finish milestone" "$(wd 428)" \
	"$(jq -r '.roadmap.milestones[] | select(.name == "finish") | .planned' rm.json)"
expect_eq "phase 0 milestone" "$(wd 4)" \
	"$(jq -r '.roadmap.milestones[] | select(.name == "phase 0") | .planned' rm.json)"
expect_eq "critical path runs through every context" \
	"notification user catalog search order" \
	"$(jq -r '[.roadmap.contexts[] | select(.critical) | .name] | join(" ")' rm.json)"
expect_eq "no ranges declared: P85 = planned" "$(wd 428)" \
	"$(jq -r '.roadmap.milestones[] | select(.name == "finish") | .p85' rm.json)"
# the remaining effort falls week by week from the total to nothing:
# after the first week (phase 0, 170 engineer-days) 17023.4 - 170
total=$(jq '.roadmap.effort' rm.json)
expect_eq "remaining after week 1" "$(echo "$total - 170" | bc)" \
	"$(jq '.roadmap.remaining[0].planned' rm.json)"
expect_eq "remaining never rises" "0" \
	"$(jq '[.roadmap.remaining | . as $r | range(1; length) | select($r[.].planned > $r[. - 1].planned)] | length' rm.json)"
expect_eq "remaining ends at 0" "0" "$(jq '.roadmap.remaining[-1].planned' rm.json)"
# steps back to back: each step starts the day the one before ends
expect_eq "steps back to back" "0" \
	"$(jq '[.roadmap.tasks | map(select(.context == "order")) | . as $t | range(1; length) | select($t[.].start != $t[. - 1].end)] | length' rm.json)"

# the same as text, and byte-identical twice
expect_status "text" 0 "$CARVE" roadmap -c plan.json
cp out text1
grep_q "order on the critical path" "^order .* yes$" out
grep_q "assumptions say where the capacity comes from" "capacity: engineers from each date on: 2027-01-04: 50; .* \[plan.json\]" out
# "capacity": 50 is a standing team: its capacity does not end
grep_q "a number of engineers is open-ended" "the declared capacity is open-ended (a standing team)" out
"$CARVE" roadmap -c plan.json >text2
cmp -s text1 text2
ok $? "deterministic"

# rank no longer decides with --priority critical-path: order (6
# months, the longest chain from catalog) goes before search
sed 's/"start"/"priority": "critical-path", "start"/' plan.json >cp.json
expect_status "critical-path priority" 0 "$CARVE" roadmap -c cp.json -f json -o cp-out.json
expect_eq "order before search" "notification user catalog order search" \
	"$(jq -r '[.roadmap.contexts | sort_by(.start)[] | .name] | join(" ")' cp-out.json)"

done_testing
