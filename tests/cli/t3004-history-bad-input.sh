#!/bin/sh
# carve history on input that is not a whole, healthy repository: no git
# at all, no commits, a shallow clone, missing objects, blobs over the
# size limit, a commit of thousands of files, an unwritable output, bad
# options; and a saved model as input.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1
. "$CARVE_SRC/tests/cli/lib-history.sh"

# not a repository: a clear error; scan still works there
mkdir plain && echo 'x = 1' >plain/a.py
expect_status "not a git repository" 128 "$CARVE" history -q plain
grep_q "the error names the path" "'$TEST_DIR/plain' is not in a git repository" err
expect_status "other commands work without history" 0 "$CARVE" scan -q plain

make_repo empty
expect_status "an empty repository is not an error" 0 "$CARVE" history -q -f json empty
expect_eq "it has no commits" "0 0 null" \
	"$(jq -r '.history | "\(.commits) \(.analysed) \(.head)"' out)"
expect_status "and its text says so" 0 "$CARVE" history -q empty
grep_q "no commits yet" "(no commits yet): 0 commits" out

make_history_repo repo

# a shallow clone of depth 3 (commits 22, 21, 20): 20's parent (the
# merge) is not there, so 20 is not diffed, and the output says so
git clone -q --depth 3 "file://$TEST_DIR/repo" shallow
expect_status "a shallow clone" 0 "$CARVE" history -q -f json shallow
expect_eq "3 commits walked, 1 cut, 2 analysed" "true 3 1 2" \
	"$(jq -r '.history | "\(.shallow) \(.commits) \(.cut) \(.analysed)"' out)"
git -C shallow log --numstat --no-renames --format= HEAD~2..HEAD |
	awk -F'\t' '{ a += $1; d += $2 } END { print a, d }' >git-shallow
expect_eq "the two commits count as git counts them" "$(cat git-shallow)" \
	"$(jq -r '.history | "\(.added) \(.deleted)"' out)"
"$CARVE" history -q shallow >text
grep_q "the text says the history is cut" "history is cut: 1 commit" text

# missing objects (as in a partial clone): the first version of a.py,
# read by commits 01 (added) and 02 (changed), and the tree of docs/ in
# commit 17: counted and reported, never fatal
cp -r repo broken
rm -rf broken/.git/carve
obj() { echo "broken/.git/objects/$(echo "$1" | cut -c1-2)/$(echo "$1" | cut -c3-)"; }
root=$(git -C repo rev-list --max-parents=0 HEAD)
blob=$(git -C repo rev-parse "$root:app/core/a.py")
tree=$(git -C repo rev-parse "feature:docs")
check "the fixture's objects are loose" test -f "$(obj "$blob")"
mv "$(obj "$blob")" blob.saved
rm "$(obj "$tree")"
expect_status "missing objects are not fatal" 0 "$CARVE" history -q -f json broken
expect_eq "2 changes without counts, 1 commit without a tree" "2 1" \
	"$(jq -r '.history | "\(.missing) \(.unreadable)"' out)"
expect_eq "a.py keeps its 11 revisions" "11" \
	"$(jq -r '.history.files[] | select(.path == "app/core/a.py") | .revisions' out)"
"$CARVE" history -q broken >text
grep_q "the text reports them" "missing objects: 2 changes without line counts, 1 commits without a tree" text
# incomplete commits are not cached: with the blob back, a.py is right
mv blob.saved "$(obj "$blob")"
"$CARVE" history -q -f csv broken | tr -d '\r' | grep '^app/core/a.py,' |
	cut -d, -f4-6 >a.csv
expect_eq "with the blob back, a.py's lines are counted" "11,19,2" "$(cat a.csv)"

# only blobs missing (a partial clone): the history summary is kept, so a
# second run replays nothing, and still says what is missing
cp -r repo partial
rm -rf partial/.git/carve
mv "partial/.git/objects/$(echo "$blob" | cut -c1-2)/$(echo "$blob" | cut -c3-)" blob2.saved
CARVE_TRACE_HISTORY=1 "$CARVE" history -q partial >p1.txt 2>p1.err
grep_q "the first run writes the summary" "summary written" p1.err
CARVE_TRACE_HISTORY=1 "$CARVE" history -q partial >p2.txt 2>p2.err
grep_q "the second reads it" "summary read" p2.err
grep_q "and still reports the missing blobs" "missing objects: 2 changes without line counts, 0 commits without a tree" p2.txt

# blobs over --max-blob-size are binary and never read, as git's
# core.bigFileThreshold; a commit of 3000 files
make_repo big
lines 30000 'some text' >big/big.txt
mkdir big/many
i=0
while [ $i -lt 3000 ]; do echo $i >big/many/f$i.txt; i=$((i + 1)); done
git -C big add -A && commit_as big Ann ann@example.com 01 "big"
echo more >>big/big.txt && git -C big add -A && commit_as big Ann ann@example.com 02 "more"
git -C big -c core.bigFileThreshold=100k log --numstat --format= -- big.txt |
	sort | uniq -c | sed 's/^ *//' >git-big
expect_eq "git calls big.txt binary over 100k" "2 -	-	big.txt" "$(cat git-big)"
"$CARVE" history -q -f csv --max-blob-size 100k big | tr -d '\r' |
	grep '^big.txt,' | cut -d, -f4-7 >carve-big
expect_eq "so does carve" "2,0,0,2" "$(cat carve-big)"
"$CARVE" history -q -f json big >big.json
expect_eq "3001 files in one commit, left out of coupling" "3001 1" \
	"$(jq -r '.history | "\(.files | length) \(.coupling.files.large)"' big.json)"

# bad options and output
expect_status "an unwritable output" 128 "$CARVE" history -q -o "$TEST_DIR/plain/a.py/x.json" repo
check "leaves nothing behind" test ! -e plain/a.py/x.json
expect_status "a bad ticket pattern" 128 "$CARVE" history -q --group-by 'ticket:(' repo
grep_q "names the pattern" "ticket:'('" err
expect_status "--analysis without -f code-maat" 129 "$CARVE" history --analysis coupling repo
expect_status "an unknown analysis" 129 "$CARVE" history -f code-maat --analysis churn repo
expect_status "a bad --group-by" 129 "$CARVE" history --group-by week repo
expect_status "A...B is refused" 128 "$CARVE" history -q --rev 'HEAD~2...HEAD' repo

# a saved model: history reads the repository it names; a model with a
# history part loads back for later commands
"$CARVE" scan -q -f json -o model.json repo
expect_status "history of a saved model" 0 "$CARVE" history -q -f json model.json
expect_eq "the same history as from the tree" \
	"$("$CARVE" history -q -f json repo | jq -c '.history.files')" \
	"$(jq -c '.history.files' out)"
mv out hmodel.json
expect_status "a model with history loads for graph" 0 "$CARVE" graph -q hmodel.json
# carve merge merges scans: the history part is dropped, and said so
expect_status "merging a model with history" 0 "$CARVE" merge -f json hmodel.json
grep_q "merge names the model whose history it leaves out" \
	"'hmodel.json': its history part is left out" err
expect_eq "and writes no history part" "null" "$(jq -c '.history' out)"

done_testing
