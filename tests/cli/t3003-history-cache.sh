#!/bin/sh
# Which commits count (--rev, --since, --until, --max-commits, --path,
# --exclude) and the history cache: the same output with or without it,
# a rerun after one new commit diffs one commit, a damaged or foreign
# cache is ignored, a matching record is believed.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1
. "$CARVE_SRC/tests/cli/lib-history.sh"

make_history_repo repo
count() { "$CARVE" history -q -f json "$@" repo | jq -r "$JQ"; }

# the fixture's commits by date: 22 (newest), 21, 20, the merge (19),
# 18, 17 (on the merged branch), ..., 01
JQ='.history | "\(.commits) \(.merges) \(.analysed)"'
expect_eq "--max-commits 5: 22, 21, 20, the merge, 18" "5 1 4" \
	"$(count --max-commits 5)"
expect_eq "--since 2024-01-20: three commits" "3 0 3" \
	"$(count --since 2024-01-20)"
expect_eq "--until 2024-01-02T12:00:00Z: two commits" "2 0 2" \
	"$(count --until 2024-01-02T12:00:00Z)"
expect_eq "--rev HEAD~3..HEAD: the three after the merge" "3 0 3" \
	"$(count --rev HEAD~3..HEAD)"
expect_eq "--rev feature: commits 01 to 17, no merge" "17 0 17" \
	"$(count --rev feature)"
JQ='[.history.files[].path] | map(select(startswith("app/") | not)) | length'
expect_eq "--path 'app/**' keeps app/ only" "0" "$(count --path 'app/**')"
JQ='[.history.files[].path | select(startswith("gen/"))] | length'
expect_eq "--exclude 'gen/**' leaves gen/ out" "0" "$(count --exclude 'gen/**')"
JQ='.history | "\(.changes) \(.filtered)"'
expect_eq "the 35 + 1 changes of gen/ are left out, still in totals" "69 36" \
	"$(count --exclude 'gen/**')"
JQ='[.history.files[].path] | join(" ")'
expect_eq "a sub-directory: only its files" "app/core/a.py" \
	"$("$CARVE" history -q -f json repo/app/core | jq -r "$JQ")"
"$CARVE" history -q -f json --no-cache -j1 repo >j1.json
"$CARVE" history -q -f json --no-cache -j4 repo >j4.json
check "one thread or four: the same bytes" cmp j1.json j4.json
expect_status "a bad date is a usage error" 129 "$CARVE" history --since yesterday repo
grep_q "it shows the form wanted" "2024-01-31" err
expect_status "an unknown revision is an error" 128 "$CARVE" history -q --rev nosuch repo
grep_q "it is named" "cannot resolve revision 'nosuch'" err

# the cache (the runs above wrote one)
rm -rf repo/.git/carve
"$CARVE" history -q -f json --no-cache repo >nocache.json
check "--no-cache writes no cache" test ! -e repo/.git/carve/history.cache
"$CARVE" history -f json --progress always repo >first.json 2>first.err
check "the first run writes .git/carve/history.cache" \
	test -s repo/.git/carve/history.cache
grep_q "and diffs the 21 non-merge commits" "commits diffed" first.err
grep_q "all 21" "history: 21/21 commits diffed" first.err
check "the same model with and without a cache" cmp first.json nocache.json
check "and the history summary" test -d repo/.git/carve/history-summary
CARVE_TRACE_HISTORY=1 "$CARVE" history -f json --progress always repo \
	>second.json 2>second.err
check "a second run gives the same bytes" cmp first.json second.json
grep_q "it reads the summary: no commit walked, replayed or diffed" \
	"history-trace: summary read, 0 commits walked, 0 replayed, 0 diffed" \
	second.err
check "and diffs nothing" sh -c '! grep -q "commits diffed" second.err'
echo "one more" >>repo/README.md
git -C repo add -A && commit_as repo Ann ann@example.com 23 "one more"
"$CARVE" history -f json --progress always repo >third.json 2>third.err
grep_q "after one new commit, one commit is diffed" \
	"history: 1/1 commits diffed" third.err
expect_eq "and it counts" "22" "$(jq -r .history.analysed third.json)"
"$CARVE" history -q -f json --no-cache repo >truth.json
check "the same as without the cache" cmp third.json truth.json

# a record for the newest commit, forged: the cache is believed (once
# the summary, which is made from it, is gone)
rm -r repo/.git/carve/history-summary
header=$(head -n 1 repo/.git/carve/history.cache)
expect_eq "the header names the format, version and blob size limit" \
	"carve-history-cache 1 $(cat "$CARVE_SRC/VERSION") 536870912" "$header"
printf '%s\nC%s 0 1\000%s\000README.md\000\000' "$header" \
	"$(git -C repo rev-parse HEAD)" "99 0 0 0 0" >repo/.git/carve/history.cache
# README.md: 3 lines (01), 1 (18), 1 (22), and now 99 instead of 1
expect_eq "a matching record is used instead of diffing" "104" \
	"$("$CARVE" history -q -f json repo |
		jq -r '.history.files[] | select(.path == "README.md") | .added')"
printf '%s\nC%s 0 1\000' "$header" "$(git -C repo rev-parse HEAD)" \
	>repo/.git/carve/history.cache
rm -r repo/.git/carve/history-summary
"$CARVE" history -q -f json repo >out.json
check "a torn record is ignored" cmp out.json truth.json
head -c 300 /dev/urandom >repo/.git/carve/history.cache
rm -r repo/.git/carve/history-summary
"$CARVE" history -q -f json repo >out.json
check "a damaged cache changes nothing" cmp out.json truth.json
printf 'carve-history-cache 0 0.0.0 1\n' >repo/.git/carve/history.cache
rm -r repo/.git/carve/history-summary
"$CARVE" history -q -f json repo >out.json
check "a cache of another version is not used" cmp out.json truth.json
"$CARVE" history -q -f json --max-blob-size 1K repo >/dev/null
check "nor one with another blob size limit (rewritten)" \
	grep -q ' 1024$' repo/.git/carve/history.cache

rm -rf repo/.git/carve
"$CARVE" history -q --cache-dir "$TEST_DIR/elsewhere" repo >/dev/null
check "--cache-dir is used" test -s elsewhere/history.cache
check "and .git/carve/history.cache is not written" \
	test ! -e repo/.git/carve/history.cache
check "nor the scan's cache: nothing is written in the repository" \
	test ! -e repo/.git/carve
check "the scan's cache is there instead" test -s elsewhere/scan.cache
: >plainfile
expect_status "a cache that cannot be written is a warning" 0 \
	"$CARVE" history --cache-dir "$TEST_DIR/plainfile/sub" repo
grep_q "the warning names the history cache" \
	"cannot write the history cache" err

done_testing
