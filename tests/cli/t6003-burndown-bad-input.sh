#!/bin/sh
# carve burndown on awkward histories: no "legacy" configured, a history
# shorter than one interval, sample dates before the first commit,
# commits dated before their parents, missing blobs, bad options.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

commit_at() {
	# commit_at REPO DATE FILE LINES
	printf '%s\n' $(seq "$4" | sed 's/^/x = /; s/ //g') >"$1/$3"
	git -C "$1" add -A
	GIT_AUTHOR_DATE="$2 12:00:00 +0000" GIT_COMMITTER_DATE="$2 12:00:00 +0000" \
		git -C "$1" commit -qm "$2"
}

# no migration declared: neither "legacy" nor "new" (no carve.json, one
# without them, or both empty): nothing to measure, carve stops before
# anything is written and says how to declare them
make_repo plain
commit_at plain 2024-03-06 a.py 3
commit_at plain 2024-03-13 b.py 4
expect_status "no carve.json: no migration declared" 1 \
	"$CARVE" burndown -o bd.csv -f csv plain
grep_q "says no migration is declared" 'no migration declared' err
grep_q "says how to declare them" '"legacy": \[ "monolith/\*\*" \]' err
grep_q "and the new side" '"new": \[ "services/\*\*" \]' err
test ! -e bd.csv && test -z "$(ls -A . | grep '^bd\.csv')"
ok $? "no -o file, not even a temporary one"
expect_eq "nothing on stdout" "" "$(cat out)"
echo keep >bd.csv
printf '{ "contexts": { "a": ["a.py"] }, "plan": { "capacity": 2 } }\n' \
	>nomig.json
expect_status "a carve.json without legacy and new" 1 \
	"$CARVE" burndown -c nomig.json -o bd.csv plain
grep_q "names the file" "nomig.json' has neither" err
expect_eq "an existing -o file is untouched" keep "$(cat bd.csv)"
printf '{ "legacy": [], "new": [] }\n' >empty.json
expect_status "legacy and new empty" 1 \
	"$CARVE" burndown -c empty.json plain
for f in json svg png; do
	expect_status "-f $f: the same stop" 1 \
		"$CARVE" burndown -f $f -o bd.$f plain
	test ! -e bd.$f
	ok $? "-f $f: nothing written"
done

# "new" alone: every path not in it counts as legacy, and carve says so;
# nothing is new yet, so nothing is migrated (0%, not the legacy's churn)
printf '{ "new": ["svc/**"] }\n' >newonly.json
expect_status "new declared, no legacy" 0 \
	"$CARVE" burndown -c newonly.json -f csv plain
grep_q "a warning says everything else is legacy" 'no "legacy" paths' err
# 2024-03-11 sees a.py (3 lines), 2024-03-18 both (7)
expect_eq "every path is legacy" "3 7" \
	"$(tail -n +2 out | cut -d, -f5 | tr -d '\r' | tr '\n' ' ' | sed 's/ $//')"
expect_eq "0% migrated while new is empty" "0.0000 0.0000" \
	"$(tail -n +2 out | cut -d, -f12 | tr -d '\r' | tr '\n' ' ' | sed 's/ $//')"

# the rest declares every path legacy, from a file outside the repository
printf '{ "legacy": ["**"] }\n' >all.json
all=$PWD/all.json

# one commit: one sample, no forecast
make_repo one
commit_at one 2024-03-06 a.py 5
expect_status "a history shorter than one interval" 0 "$CARVE" burndown -c "$all" one
grep_q "says the history is short" 'shorter than one interval' out
grep_q "no forecast" '^forecast: none' out

# sampling from before the first commit: Mondays 2024-02-05 .. 03-04 are
# before 2024-03-06 (5 of them), 2024-03-11 and 03-18 are not
expect_status "--since before the first commit" 0 \
	"$CARVE" burndown -c "$all" --since 2024-02-01 -f json plain
expect_eq "sample dates before the first commit are counted" 5 \
	"$(jq .burndown.before_first_commit out)"
expect_eq "and left out" 2 "$(jq '.burndown.actual | length' out)"
expect_status "a range with no commit" 128 \
	"$CARVE" burndown -c "$all" --since 2020-01-01 --until 2020-02-01 plain
grep_q "says why" 'no sample' err

# dates out of order: the second commit is dated before the first
make_repo skew
commit_at skew 2024-01-10 a.py 1
commit_at skew 2024-01-03 a.py 2
commit_at skew 2024-01-24 a.py 3
expect_status "commits dated before their parent" 0 \
	"$CARVE" burndown -c "$all" -f csv skew
bad=0
for row in $(tail -n +2 out | tr -d '\r' | cut -d, -f1,2); do
	t=$(date -u -d "${row%,*}" +%s)
	want=$(git -C skew rev-list --first-parent -1 --until="@$((t - 1))" HEAD)
	[ "$want" = "${row#*,}" ] || bad=$((bad + 1))
done
expect_eq "samples are the commits git rev-list --until names" 0 "$bad"
# Mondays from 2024-01-01 (before the oldest date, 01-03): 01-08 sees the
# second commit (dated 01-03, 2 lines), 01-15 and 01-22 too, 01-29 the third
expect_eq "line counts follow the chain" "2 2 2 3" \
	"$(tail -n +2 out | cut -d, -f5 | tr -d '\r' | tr '\n' ' ' | sed 's/ $//')"
"$CARVE" burndown -c "$all" skew >text.txt 2>/dev/null
grep_q "the text says dates were out of order" 'dated before their parent' text.txt

# a missing blob (a partial clone): skipped and reported
make_repo holes
commit_at holes 2024-03-06 a.py 3
commit_at holes 2024-03-13 b.py 4
blob=$(git -C holes rev-parse HEAD:b.py)
rm -f "holes/.git/objects/$(echo "$blob" | cut -c1-2)/$(echo "$blob" | cut -c3-)"
expect_status "a missing blob" 0 "$CARVE" burndown -c "$all" --no-cache -f json holes
expect_eq "missing objects are counted" 1 "$(jq .burndown.missing_objects out)"
expect_eq "the blob's lines are left out" 3 \
	"$(jq '.burndown.actual[-1].legacy_code' out)"

# not a repository, bad options, a bad plan.start
mkdir nogit
echo 'x = 1' >nogit/a.py
expect_status "not a git repository" 128 "$CARVE" burndown -c "$all" nogit
grep_q "names the directory" "nogit" err
expect_status "bad --interval" 129 "$CARVE" burndown -c "$all" --interval 3x plain
grep_q "says what --interval takes" "interval takes" err
expect_status "bad --since" 129 "$CARVE" burndown -c "$all" --since yesterday plain
expect_status "--until before --since" 129 \
	"$CARVE" burndown -c "$all" --since 2024-02-01 --until 2024-01-01 plain
echo '{ "legacy": ["**"], "plan": { "start": "next spring" } }' >plain/carve.json
expect_status "a bad plan.start" 128 "$CARVE" burndown plain
grep_q "names the file, the key and the value" "carve.json: 'plan.start': expected an ISO 8601 date (YYYY-MM-DD, a real day), got \"next spring\"" err
echo '{ "legacy": "app/**" }' >plain/carve.json
expect_status "legacy not an array" 128 "$CARVE" burndown plain
grep_q "names the key" "carve.json: 'legacy': expected an array of glob strings, got \"app/\*\*\"" err
rm plain/carve.json
expect_status "an unknown revision" 128 "$CARVE" burndown -c "$all" --rev nosuch plain
grep_q "names the revision" "nosuch" err

done_testing
