#!/bin/sh
# carve seams with history: Bo adds six files in one commit, then Ann
# changes a/1.py and b/1.py together six times. Worked out by hand: the
# pair changed together 7 times of 7 (code-maat's thresholds pass), so
# with the folders left out the two files form one context, and with
# them in, a's coupling leaks across its seam entirely (7 of 7 shared
# changes); a has 7 + 1 + 1 = 9 file changes; Ann added 12 of a's 18
# lines (67%), Bo 6.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo repo >/dev/null
mkdir -p repo/a repo/b
for f in a/1 a/2 a/3 b/1 b/2 b/3; do echo "x = 1" >repo/$f.py; done
git -C repo add -A
GIT_AUTHOR_NAME=Bo GIT_AUTHOR_EMAIL=bo@example.com git -C repo commit -qm start
for i in 1 2 3 4 5 6; do
	echo "y$i = $i" >>repo/a/1.py
	echo "y$i = $i" >>repo/b/1.py
	git -C repo add -A
	GIT_AUTHOR_NAME=Ann GIT_AUTHOR_EMAIL=ann@example.com \
		git -C repo commit -qm "change $i"
done

expect_status "seams with history" 0 "$CARVE" seams repo
grep_q "history is an assumption" "history: 7 commits to" out
grep_q "the coupling leaks from a" "history: 9 file changes; change coupling across the seam 100% (7 of 7 shared changes); authors Ann 67%, Bo 33%" out
check "no 'no history'" sh -c '! grep -q "no history" out'

expect_status "json" 0 "$CARVE" seams -f json repo
expect_eq "changes of a" "9" \
	"$(jq '.contexts[] | select(.name == "a") | .history.changes' out)"
expect_eq "the change score is there" "true" \
	"$(jq '[.contexts[] | select(.rank) | .scores.change] | all(. != null)' out)"

expect_status "coupled files together" 0 "$CARVE" seams -f csv --no-folders --min-size 1 repo
expect_eq "a/1.py and b/1.py share a context" \
	"$(grep '^a/1.py,' out | cut -d, -f2)" "$(grep '^b/1.py,' out | cut -d, -f2)"

expect_status "--no-history" 0 "$CARVE" seams --no-history repo
grep_q "says so" "no history: static graph and folders only" out

# a saved model with its history part gives the same proposal
"$CARVE" history -q -f json -o model.json repo
expect_status "from a model with history" 0 "$CARVE" seams model.json
grep_q "the model's history is used" "history: 9 file changes" out

done_testing
