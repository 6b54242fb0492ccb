#!/bin/sh
# carve roadmap on a repository (the bundled shop sample) and on a model
# written by carve estimate: the contexts of carve seams with the
# efforts of carve estimate, scheduled after what they depend on.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

cp -r "$CARVE_SRC/samples/shop" shop
make_repo shop >/dev/null
git -C shop add -A && git -C shop commit -qm sample

expect_status "roadmap of a repository" 0 "$CARVE" roadmap --start 2027-01-04 -f json -o rm.json shop
expect_eq "efforts from carve estimate" "carve estimate (seams' contexts)" "$(jq -r .roadmap.source rm.json)"
"$CARVE" estimate -q -f json -o est.json shop
expect_eq "the contexts carve estimate keeps" \
	"$(jq -r '[.estimate.contexts[] | select(.excluded | not) | .name] | sort | join(" ")' est.json)" \
	"$(jq -r '[.roadmap.contexts[].name] | sort | join(" ")' rm.json)"
expect_eq "dependencies honoured" 0 "$(jq '.roadmap.tasks | (map({key: .name, value: .end}) | from_entries) as $ends | [.[] | .start as $s | .after[] | select($ends[.] > $s)] | length' rm.json)"
expect_eq "phase 0 first" "2027-01-04" "$(jq -r '.roadmap.tasks[0].start' rm.json)"

# from the model file: its own estimate, no second scan
expect_status "roadmap of a model with an estimate" 0 "$CARVE" roadmap --start 2027-01-04 -f json -o rm2.json est.json
expect_eq "the model's estimate" "the model's estimate (carve estimate)" "$(jq -r .roadmap.source rm2.json)"
expect_eq "same contexts" "$(jq -r '[.roadmap.contexts[].name] | join(" ")' rm.json)" \
	"$(jq -r '[.roadmap.contexts[].name] | join(" ")' rm2.json)"

# a plan in the repository's carve.json shapes the schedule
printf '{ "plan": { "start": "2027-01-04", "capacity": 2, "focus": 1, "max_engineers_per_context": 2 } }\n' >shop/carve.json
expect_status "plan from carve.json" 0 "$CARVE" roadmap -f json -o rm3.json shop
expect_eq "two engineers at most in any month" 0 \
	"$(jq '[.roadmap.utilisation[] | select(.used > .capacity + 0.01)] | length' rm3.json)"
expect_eq "a slower team finishes later" 1 \
	"$(jq -n --slurpfile a rm.json --slurpfile b rm3.json '[$a[0], $b[0]] | map(.roadmap.milestones[-1].planned) | if .[1] > .[0] then 1 else 0 end')"

done_testing
