#!/bin/sh
# carve burndown's actual series on the migration sample, against git
# itself: at every sample, the commit `git rev-list --first-parent -1
# --until` names, and the code lines of its legacy and new files counted
# with git show | wc -l (every line the sample script writes is a code
# line). Totals at the end are worked out in samples/make-migration-history.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

"$CARVE_SRC/samples/make-migration-history" mig >/dev/null 2>&1
check "burndown writes CSV" "$CARVE" burndown -q -f csv -o series.csv mig

# first commit Wednesday 2024-01-03, last 2024-12-25: Mondays from
# 2024-01-08 to 2024-12-30 (the first past the last commit) are 52
expect_eq "52 weekly samples" 52 "$(($(wc -l <series.csv) - 1))"
expect_eq "first sample" "2024-01-08" "$(sed -n 2p series.csv | cut -d, -f1)"
expect_eq "last sample" "2024-12-30" "$(tail -1 series.csv | cut -d, -f1)"

# lines of the files under DIR at COMMIT, by git
lines_at() {
	git -C mig ls-tree -r --name-only "$1" -- "$2" | while read -r f; do
		git -C mig show "$1:$f"
	done | wc -l
}
bad=0
tail -n +2 series.csv | tr -d '\r' >rows
while IFS=, read -r date commit _cd _tag legacy new _rest; do
	t=$(date -u -d "$date" +%s)
	want=$(git -C mig rev-list --first-parent -1 --until="@$((t - 1))" HEAD)
	if [ "$want" != "$commit" ]; then
		echo "# $date: carve sampled $commit, git names $want"
		bad=$((bad + 1))
	fi
	l=$(lines_at "$commit" monolith)
	n=$(lines_at "$commit" services)
	if [ "$l" != "$legacy" ] || [ "$n" != "$new" ]; then
		echo "# $date: legacy $legacy new $new, git: $l $n"
		bad=$((bad + 1))
	fi
done <rows
expect_eq "every sample's commit and line counts agree with git" 0 "$bad"

last=$(tail -1 rows)
# orders 600 + 250 - 680 = 170, search 300; services 2,080 moved lines
# and 5 package lines; scope 2,300 + 250
expect_eq "legacy at HEAD" 470 "$(echo "$last" | cut -d, -f5)"
expect_eq "new at HEAD" 2085 "$(echo "$last" | cut -d, -f6)"
expect_eq "scope added (orders grew 50 a week, weeks 20-24)" 250 \
	"$(echo "$last" | cut -d, -f10)"
expect_eq "scope" 2550 "$(echo "$last" | cut -d, -f11)"
# new / (legacy + new) = 2085 / 2555 = 0.81604...: the 250 lines orders
# grew by are scope growth (above), not a share of the migration
expect_eq "share migrated" 0.8160 "$(echo "$last" | cut -d, -f12)"
# the first sample has no new code: 0%, whatever the legacy side did
expect_eq "share before any new code" 0.0000 \
	"$(head -1 rows | cut -d, -f12)"
# the gateway still imports monolith.orders and monolith.search; its
# rule forbids both
expect_eq "dependencies into legacy at HEAD" 2 "$(echo "$last" | cut -d, -f13)"
expect_eq "check violations at HEAD" 2 "$(echo "$last" | cut -d, -f14)"
expect_eq "dependencies at the first sample: all six modules" 6 \
	"$(head -1 rows | cut -d, -f13)"
# no service yet at the first sample: context "new" is empty there
expect_eq "no violation count before the new paths exist" "" \
	"$(head -1 rows | cut -d, -f14)"
# the scope grows only in weeks 20-24: week 20's commit is Wednesday
# 2024-05-22, first seen by the sample of Monday 2024-05-27
expect_eq "scope added before week 20" 0 \
	"$(grep '^2024-05-20' rows | cut -d, -f10)"
expect_eq "scope added after week 20" 50 \
	"$(grep '^2024-05-27' rows | cut -d, -f10)"

# the same numbers from carve scan at HEAD (a checkout, not blobs)
"$CARVE" scan -q -f json -o scan.json mig
expect_eq "legacy at HEAD equals carve scan's monolith/ code" \
	"$(jq '[.files[] | select(.path | startswith("monolith/")) | .code] | add' scan.json)" \
	"$(echo "$last" | cut -d, -f5)"
expect_eq "dependencies into legacy equal carve scan's edges" \
	"$(jq '[.edges[] | select((.from | startswith("monolith/") | not) and (.to | startswith("monolith/")))] | length' scan.json)" \
	"$(echo "$last" | cut -d, -f13)"

# migration start: the Monday sample before the first Go code (week 5,
# 2024-02-07, first seen 2024-02-12)
"$CARVE" burndown -q -f json -o model.json mig
expect_eq "start" '"2024-02-05"' "$(jq .burndown.start model.json)"
expect_eq "base (legacy at the start)" 2300 "$(jq .burndown.base model.json)"
# every burn is at most 50 lines a week: 470 lines take at least 10
# intervals after 2024-12-30, so P50 >= 2025-03-10
p50=$(jq -r .burndown.forecast.p50 model.json)
p90=$(jq -r .burndown.forecast.p90 model.json)
expect_eq "forecast P50 no earlier than possible" 1 \
	"$([ "$(date -u -d "$p50" +%s)" -ge "$(date -u -d 2025-03-10 +%s)" ] && echo 1)"
expect_eq "forecast P90 no earlier than P50" 1 \
	"$([ "$(date -u -d "$p90" +%s)" -ge "$(date -u -d "$p50" +%s)" ] && echo 1)"
expect_eq "the model keeps the scan" 1 \
	"$(jq '.files | length > 0' model.json | grep -c true)"

# second run from the blob cache: same bytes, nothing read again
"$CARVE" burndown -q -f csv -o again.csv mig
cmp -s series.csv again.csv
ok $? "a cached run writes the same CSV"
test -s mig/.git/carve/blobs.cache
ok $? "the blob cache is kept under .git/carve"
"$CARVE" burndown -q --no-cache -f csv -o nocache.csv mig
cmp -s series.csv nocache.csv
ok $? "--no-cache gives the same CSV"

# per tag: v1 after users moved (legacy 600+500+300+300), v2 with
# catalog gone, payments 50 left, orders 850, search 300
"$CARVE" burndown -q --interval tag -f csv -o tags.csv mig
expect_eq "one sample per tag" "v1 v2" \
	"$(tail -n +2 tags.csv | cut -d, -f4 | tr '\n' ' ' | sed 's/ $//')"
expect_eq "legacy at v1" 1700 "$(sed -n 2p tags.csv | cut -d, -f5)"
expect_eq "legacy at v2" 1200 "$(sed -n 3p tags.csv | cut -d, -f5)"

done_testing
