#!/bin/sh
# The calibration cases of carve-estimate(1) with the default rates.
#
# Khan Academy (samples/cases/khan.json: 1,000,000 Python lines in 40
# services, to Go). Engineer-days the public account implies, by hand:
# the team ramped from 5-10 (7.5) to ~100 engineers over 2 years, a mean
# of (7.5 + 100) / 2 = 53.75, so 107.5 engineer-years; then 50 down to 4
# over 1.5 years, a mean of 27, so 40.5: 148 engineer-years x 220
# engineer-days = 32,560 engineer-days. carve's total P50 must be within
# 20% of it (26,048 to 39,072) and its P10-P90 must contain it.
#
# The 500K-line monolith (samples/cases/monolith-500k.json, to Go): "50
# developers, 2-3 years" is 100 to 150 engineer-years = 22,000 to 33,000
# engineer-days of team time, of which a schedule keeps most busy: the
# 2-year end must lie within carve's P10-P90 (the finish date itself, 2-3
# years at P50 with the exercise's order of extraction, is t4005's).
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

cases="$CARVE_SRC/samples/cases"

expect_status "Khan case" 0 "$CARVE" estimate --target go -f json \
	--sizes "$cases/khan.json"
expect_eq "40 contexts" 40 "$(jq '.estimate.contexts | length' out)"
expect_eq "1,000,000 lines" 1000000 "$(jq '[.estimate.contexts[].code] | add' out)"
expect_eq "Python to Go at the Khan rate" "python go 35" \
	"$(jq -r '.estimate.rates[0] | "\(.from) \(.to) \(.likely)"' out)"
p10=$(jq '.estimate.total.p10' out)
p50=$(jq '.estimate.total.p50' out)
p90=$(jq '.estimate.total.p90' out)
echo "# Khan: P10 $p10, P50 $p50, P90 $p90 engineer-days; implied 32560"
awk -v p="$p50" 'BEGIN { exit !(p >= 26048 && p <= 39072) }'
ok $? "Khan: total P50 within 20% of 32,560 engineer-days"
awk -v a="$p10" -v b="$p90" 'BEGIN { exit !(a <= 32560 && 32560 <= b) }'
ok $? "Khan: P10-P90 contains 32,560 engineer-days"

expect_status "500K monolith" 0 "$CARVE" estimate --target go -f json \
	--sizes "$cases/monolith-500k.json"
expect_eq "500,000 lines" 500000 "$(jq '[.estimate.contexts[].code] | add' out)"
p10=$(jq '.estimate.total.p10' out)
p90=$(jq '.estimate.total.p90' out)
echo "# 500K: P10 $p10, P90 $p90 engineer-days; rule of thumb 22000-33000"
awk -v a="$p10" -v b="$p90" 'BEGIN { exit !(a <= 22000 && 22000 <= b) }'
ok $? "500K: 50 developers x 2 years lies within P10-P90"

# the model of declared sizes reads back with the same trials
"$CARVE" estimate --target go -f json --sizes "$cases/khan.json" >khan-model.json
expect_status "Khan model read back" 0 "$CARVE" estimate -f csv khan-model.json
expect_eq "the same total P50 from the stored inputs" \
	"$(jq '.estimate.total.p50 * 10 | round / 10' khan-model.json)" \
	"$(tr -d '\r' <out | awk -F, '$1 == "total" { print $11 + 0 }')"
expect_status "options need the sizes again" 128 "$CARVE" estimate --rate 'python->go=40' khan-model.json

# the same case as a split (no target): much less work than a rewrite
expect_status "500K as a split" 0 "$CARVE" estimate -f json \
	--sizes "$cases/monolith-500k.json"
split=$(jq '.estimate.total.p50' out)
awk -v s="$split" 'BEGIN { exit !(s < 22000 / 2) }'
ok $? "a same-language split is well under half the rewrite"

done_testing
