#!/bin/sh
# The history summary (.git/carve/history-summary/): a warm run reads it
# and walks, replays and diffs no commit (CARVE_TRACE_HISTORY says so),
# seams and estimate read the same summary, a new commit or an option
# that shapes the summary makes another, .mailmap, .gitattributes and
# carve.json are part of its key, and a damaged or truncated summary is
# a miss that changes nothing.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1
. "$CARVE_SRC/tests/cli/lib-history.sh"

make_history_repo repo
CARVE_TRACE_HISTORY=1
export CARVE_TRACE_HISTORY
run() { "$CARVE" history -f json "$@" repo 2>trace; }
trace() { grep -o 'summary [a-z]*, [0-9]* commits walked' trace; }
commits=$(git -C repo rev-list --count HEAD)
nonmerge=$(git -C repo rev-list --count --no-merges HEAD)

"$CARVE" history -q -f json --no-cache repo >truth.json 2>/dev/null
run >first.json
expect_eq "a first run walks every commit and writes the summary" \
	"summary written, $commits commits walked" "$(trace)"
grep_q "and diffs the non-merge commits" \
	"$nonmerge diffed" trace
summaries=$(ls repo/.git/carve/history-summary | grep -cv '\.state$')
expect_eq "one summary file" "1" "$summaries"
check "it is the history without a cache" cmp first.json truth.json
run >second.json
expect_eq "a second run reads it and walks nothing" \
	"summary read, 0 commits walked" "$(trace)"
check "the same bytes" cmp second.json truth.json
run -f text >/dev/null
expect_eq "another output format: the same summary" \
	"summary read, 0 commits walked" "$(trace)"
"$CARVE" seams -q -f json repo >/dev/null 2>trace
expect_eq "carve seams reads the summary carve history wrote" \
	"summary read, 0 commits walked" "$(trace)"
"$CARVE" estimate -q -f json repo >/dev/null 2>trace
expect_eq "and so does carve estimate" \
	"summary read, 0 commits walked" "$(trace)"

# what shapes the summary makes another one
run --min-revs 2 >/dev/null
expect_eq "--min-revs: summed up again from the cache" \
	"summary written, $commits commits walked" "$(trace)"
grep_q "replaying every commit, diffing none" \
	"$nonmerge replayed, 0 diffed" trace
run --min-revs 2 >/dev/null
expect_eq "and that summary is read next time" \
	"summary read, 0 commits walked" "$(trace)"
run >/dev/null
expect_eq "the defaults' summary is still there" \
	"summary read, 0 commits walked" "$(trace)"
for opt in "--exclude gen/**" "--since 2024-01-05" "--group-by day" \
	"--follow-renames" "--max-changeset 3"; do
	# shellcheck disable=SC2086
	run $opt >/dev/null
	expect_eq "$opt makes its own summary" "summary written" \
		"$(trace | cut -d, -f1)"
done
summaries=$(ls repo/.git/carve/history-summary | grep -cv '\.state$')
expect_eq "only the four newest summaries are kept" "4" "$summaries"

printf 'Ann Other <ann@example.com>\n' >>repo/.mailmap
run >mailmap.json
expect_eq "a changed .mailmap: summed up again" "summary written" \
	"$(trace | cut -d, -f1)"
expect_eq "and the author is renamed" "Ann Other" \
	"$(jq -r '[.history.authors[].name] | map(select(. == "Ann Other")) | .[0]' mailmap.json)"
git -C repo checkout -q .mailmap
printf '*.py -diff\n' >>repo/.gitattributes
run >attr.json
expect_eq "a changed .gitattributes: summed up again" "summary written" \
	"$(trace | cut -d, -f1)"
expect_eq "and the .py files are binary now" "0" \
	"$(jq -r '.history.files[] | select(.path == "app/core/a.py") | .added' attr.json)"
git -C repo checkout -q .gitattributes
printf '{"modules": {"depth": 1}}\n' >repo/carve.json
run >/dev/null
expect_eq "a carve.json: summed up again" "summary written" \
	"$(trace | cut -d, -f1)"
rm repo/carve.json

echo "one more" >>repo/README.md
git -C repo add -A && commit_as repo Ann ann@example.com 23 "one more"
run >new.json
expect_eq "a new commit: walked again" \
	"summary written, $((commits + 1)) commits walked" "$(trace)"
grep_q "and only it is diffed" "1 diffed" trace
"$CARVE" history -q -f json --no-cache repo >truth.json 2>/dev/null
check "the same as without the cache" cmp new.json truth.json

# damage: every summary file cut short, or a byte changed
for f in repo/.git/carve/history-summary/*; do
	size=$(wc -c <"$f")
	head -c $((size / 2)) "$f" >cut && cat cut >"$f"
done
run >out.json
expect_eq "a truncated summary is not read" "summary written" \
	"$(trace | cut -d, -f1)"
grep_q "and said to be damaged" "damaged history summary" trace
check "the output is right" cmp out.json truth.json
for f in repo/.git/carve/history-summary/*; do
	printf 'X' | dd of="$f" bs=1 seek=100 conv=notrunc 2>/dev/null
done
run >out.json
expect_eq "a changed byte: not read" "summary written" \
	"$(trace | cut -d, -f1)"
check "the output is right" cmp out.json truth.json
for f in repo/.git/carve/history-summary/*; do
	head -c 500 /dev/urandom >"$f"
done
run >out.json
check "random bytes: the output is right" cmp out.json truth.json
run >out.json
expect_eq "and the rewritten summary is read" \
	"summary read, 0 commits walked" "$(trace)"

# a sub-folder's scan lists only its files, yet the root's
# .gitattributes (read with the scan's file list) is in the key
"$CARVE" history -f json repo/app >/dev/null 2>trace
"$CARVE" history -f json repo/app >sub.json 2>trace
expect_eq "a sub-folder's history: its summary read" \
	"summary read, 0 commits walked" "$(trace)"
printf '*.py -diff\n' >>repo/.gitattributes
"$CARVE" history -f json repo/app >sub-attr.json 2>trace
expect_eq "the root's .gitattributes changed: summed up again" \
	"summary written" "$(trace | cut -d, -f1)"
expect_eq "and a.py is binary there" "0" \
	"$(jq -r '.history.files[] | select(.path == "app/core/a.py") | .added' sub-attr.json)"
git -C repo checkout -q .gitattributes
"$CARVE" history -f json repo/app >sub2.json 2>trace
expect_eq "put back: the first summary again" \
	"summary read, 0 commits walked" "$(trace)"
check "the same bytes" cmp sub.json sub2.json

rm -rf repo/.git/carve
"$CARVE" history -q -f json --no-cache repo >/dev/null 2>trace
check "--no-cache writes no summary" test ! -e repo/.git/carve/history-summary

done_testing
