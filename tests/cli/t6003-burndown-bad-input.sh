#!/bin/sh
# carve burndown on awkward histories: no "legacy" configured, a history
# shorter than one interval, sample dates before the first commit,
# commits dated before their parents, missing blobs, bad options.
. "$CARVE_SRC/tests/cli/lib.sh"

commit_at() {
	# commit_at REPO DATE FILE LINES
	printf '%s\n' $(seq "$4" | sed 's/^/x = /; s/ //g') >"$1/$3"
	git -C "$1" add -A
	GIT_AUTHOR_DATE="$2 12:00:00 +0000" GIT_COMMITTER_DATE="$2 12:00:00 +0000" \
		git -C "$1" commit -qm "$2"
}

# no legacy: everything counts as legacy, and carve says so
make_repo plain
commit_at plain 2024-03-06 a.py 3
commit_at plain 2024-03-13 b.py 4
expect_status "no legacy configured" 0 "$CARVE" burndown -f csv plain
grep_q "a warning says everything is legacy" 'no "legacy" paths' err
# 2024-03-11 sees a.py (3 lines), 2024-03-18 both (7)
expect_eq "every path is legacy" "3 7" \
	"$(tail -n +2 out | cut -d, -f5 | tr -d '\r' | tr '\n' ' ' | sed 's/ $//')"

# one commit: one sample, no forecast
make_repo one
commit_at one 2024-03-06 a.py 5
expect_status "a history shorter than one interval" 0 "$CARVE" burndown one
grep_q "says the history is short" 'shorter than one interval' out
grep_q "no forecast" '^forecast: none' out

# sampling from before the first commit: Mondays 2024-02-05 .. 03-04 are
# before 2024-03-06 (5 of them), 2024-03-11 and 03-18 are not
expect_status "--since before the first commit" 0 \
	"$CARVE" burndown --since 2024-02-01 -f json plain
expect_eq "sample dates before the first commit are counted" 5 \
	"$(jq .burndown.before_first_commit out)"
expect_eq "and left out" 2 "$(jq '.burndown.actual | length' out)"
expect_status "a range with no commit" 128 \
	"$CARVE" burndown --since 2020-01-01 --until 2020-02-01 plain
grep_q "says why" 'no sample' err

# dates out of order: the second commit is dated before the first
make_repo skew
commit_at skew 2024-01-10 a.py 1
commit_at skew 2024-01-03 a.py 2
commit_at skew 2024-01-24 a.py 3
expect_status "commits dated before their parent" 0 \
	"$CARVE" burndown -f csv skew
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
"$CARVE" burndown skew >text.txt 2>/dev/null
grep_q "the text says dates were out of order" 'dated before their parent' text.txt

# a missing blob (a partial clone): skipped and reported
make_repo holes
commit_at holes 2024-03-06 a.py 3
commit_at holes 2024-03-13 b.py 4
blob=$(git -C holes rev-parse HEAD:b.py)
rm -f "holes/.git/objects/$(echo "$blob" | cut -c1-2)/$(echo "$blob" | cut -c3-)"
expect_status "a missing blob" 0 "$CARVE" burndown --no-cache -f json holes
expect_eq "missing objects are counted" 1 "$(jq .burndown.missing_objects out)"
expect_eq "the blob's lines are left out" 3 \
	"$(jq '.burndown.actual[-1].legacy_code' out)"

# not a repository, bad options, a bad plan.start
mkdir nogit
echo 'x = 1' >nogit/a.py
expect_status "not a git repository" 128 "$CARVE" burndown nogit
grep_q "names the directory" "nogit" err
expect_status "bad --interval" 129 "$CARVE" burndown --interval 3x plain
grep_q "says what --interval takes" "interval takes" err
expect_status "bad --since" 129 "$CARVE" burndown --since yesterday plain
expect_status "--until before --since" 129 \
	"$CARVE" burndown --since 2024-02-01 --until 2024-01-01 plain
echo '{ "plan": { "start": "next spring" } }' >plain/carve.json
expect_status "a bad plan.start" 128 "$CARVE" burndown plain
grep_q "names the file, the key and the value" "carve.json: 'plan.start': expected an ISO 8601 date (YYYY-MM-DD, a real day), got \"next spring\"" err
echo '{ "legacy": "app/**" }' >plain/carve.json
expect_status "legacy not an array" 128 "$CARVE" burndown plain
grep_q "names the key" "carve.json: 'legacy': expected an array of glob strings, got \"app/\*\*\"" err
rm plain/carve.json
expect_status "an unknown revision" 128 "$CARVE" burndown --rev nosuch plain
grep_q "names the revision" "nosuch" err

done_testing
