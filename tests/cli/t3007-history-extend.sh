#!/bin/sh
# A summary extended by new commits: with the summary of HEAD and its
# state (.git/carve/history-summary/<shape>.state), new commits on top of
# HEAD are walked and diffed alone (CARVE_TRACE_HISTORY says so), and the
# summary made that way is the one a replay of every commit makes, byte
# for byte: through a merged branch, a pair of files that passes the
# coupling threshold with the new commit, an author renamed by a new
# name with a known email. What cannot be extended is replayed, and the
# trace says why: a rewritten HEAD, --since, grouping by day, followed
# renames, a file the scan leaves out now; a damaged state is ignored.
# A file added (the scan's paths change) is extended: the summed-up
# paths are checked against the new scan.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1
. "$CARVE_SRC/tests/cli/lib-history.sh"

make_history_repo repo
CARVE_TRACE_HISTORY=1
export CARVE_TRACE_HISTORY
dir=repo/.git/carve/history-summary
run() { "$CARVE" history -f json "$@" repo 2>trace; }
trace() { grep -o 'summary [a-z]*, [0-9]* commits walked, [0-9]* replayed, [0-9]* diffed' trace; }
why() { sed -n 's/^history-trace: [^;]*; //p' trace; }
truth() { "$CARVE" history -q -f json --no-cache "$@" repo 2>/dev/null; }
# the summary a replay of every commit makes, against the one there
same_as_replay() { # same_as_replay NAME [OPTION...]
	_name=$1
	shift
	rm -rf saved && cp -r "$dir" saved
	rm -rf "$dir"
	run "$@" >/dev/null
	expect_eq "$_name: the replay writes a summary" "summary written" \
		"$(trace | cut -d, -f1)"
	ok=1
	for f in "$dir"/*; do
		cmp -s "$f" "saved/${f##*/}" || ok=0
	done
	expect_eq "$_name: the extended summary and state are the replay's, byte for byte" \
		1 "$ok"
	cp -n saved/* "$dir"/ # the other options' summaries back
}
change() { # change DAY NAME EMAIL FILE...
	_day=$1 _n=$2 _e=$3
	shift 3
	for _f in "$@"; do echo "$_day" >>"repo/$_f"; done
	git -C repo add -A
	commit_as repo "$_n" "$_e" "$_day" "change on $_day"
}

run >/dev/null
expect_eq "a first run writes the summary" "summary written, 22 commits walked, 0 replayed, 21 diffed" \
	"$(trace)"
expect_eq "and one state beside it" 1 "$(ls "$dir" | grep -c '\.state$')"

change 23 Ann ann@example.com app/core/a.py app/web/views.py
run >out.json
expect_eq "a new commit: only it is walked and diffed" \
	"summary extended, 1 commits walked, 0 replayed, 1 diffed" "$(trace)"
grep_q "the trace names the summary extended" \
	"from the summary of $(git -C repo rev-parse HEAD~1)" trace
truth >truth.json
check "the history is the one without a cache" cmp out.json truth.json
same_as_replay default

# a branch merged: its commits and the merge are the new ones
git -C repo checkout -q -b topic
change 24 Dee dee@example.com README.md notes.txt
change 25 Dee dee@example.com notes.txt
git -C repo checkout -q main
change 24 Ann ann@example.com app/core/a.py app/web/views.py
GIT_COMMITTER_DATE="2024-01-26 12:00:00 +0000" \
	GIT_AUTHOR_DATE="2024-01-26 12:00:00 +0000" \
	git -C repo merge -q --no-ff --no-edit topic
run >out.json
expect_eq "a merged branch: its two commits, one on main and the merge" \
	"summary extended, 4 commits walked, 0 replayed, 3 diffed" "$(trace)"
truth >truth.json
check "the history is the one without a cache" cmp out.json truth.json
expect_eq "the new author is there" 2 \
	"$(jq '.history.authors[] | select(.name == "Dee") | .commits' out.json)"
same_as_replay merge

# a pair of files that passes --min-shared 3 with the new commit: a.py
# and views.py changed together twice so far (days 23 and 24)
pair() {
	jq '[.history.coupling.files.pairs[]? | select(.entity == "app/core/a.py" and .coupled == "app/web/views.py")] | length' "$1"
}
set -- --min-shared 3 --min-coupling 10
run "$@" >before.json
expect_eq "--min-shared 3: a.py and views.py not coupled yet" 0 \
	"$(pair before.json)"
change 27 Ann ann@example.com app/core/a.py app/web/views.py
run "$@" >out.json
expect_eq "--min-shared 3 extended" \
	"summary extended, 1 commits walked, 0 replayed, 1 diffed" "$(trace)"
expect_eq "and a.py and views.py now coupled" 1 "$(pair out.json)"
truth "$@" >truth.json
check "as without a cache" cmp out.json truth.json
same_as_replay min-shared "$@"
set --

# a new name with a known email: Ann becomes "Ann Lee" everywhere
run >/dev/null
change 27 "Ann Lee" ann@example.com README.md
run >out.json
expect_eq "a new name for an author: extended" \
	"summary extended, 1 commits walked, 0 replayed, 1 diffed" "$(trace)"
expect_eq "and the author renamed, with every commit" \
	"$(git -C repo log --no-merges --author=ann@example.com --format=%h | wc -l)" \
	"$(jq '.history.authors[] | select(.name == "Ann Lee") | .commits' out.json)"
truth >truth.json
check "as without a cache" cmp out.json truth.json
same_as_replay renamed

# what is replayed instead
git -C repo commit -q --amend -m "rewritten"
run >out.json
expect_eq "a rewritten HEAD: replayed" "summary written" \
	"$(trace | cut -d, -f1)"
expect_eq "and the trace says why" \
	"the summarised HEAD is not in the history" "$(why)"
truth >truth.json
check "as without a cache" cmp out.json truth.json
for opt in "--since 2024-01-05" "--group-by day" "--follow-renames"; do
	# shellcheck disable=SC2086
	run $opt >/dev/null
	change 28 Ann ann@example.com app/core/a.py
	# shellcheck disable=SC2086
	run $opt >out.json
	expect_eq "$opt: a new commit is replayed" "summary written" \
		"$(trace | cut -d, -f1)"
	grep_q "$opt: and the trace says why" \
		"since\|grouped by day\|renames followed" trace
	# shellcheck disable=SC2086
	truth $opt >truth.json
	check "$opt: as without a cache" cmp out.json truth.json
done
run >/dev/null
echo 'z = 1' >repo/app/core/c.py
git -C repo add -A && commit_as repo Ann ann@example.com 28 "a new file"
run >out.json
expect_eq "a new file in the scan: extended all the same" \
	"summary extended, 1 commits walked, 0 replayed, 1 diffed" "$(trace)"
truth >truth.json
check "as without a cache" cmp out.json truth.json
same_as_replay new-file
# teams (carve.json: another shape, summed up once, then extended)
printf '{"teams": {"core": ["ann@example.com"], "docs": ["dee@*"]}}\n' \
	>repo/carve.json
git -C repo add -A && commit_as repo Ann ann@example.com 28 "teams"
run >/dev/null
change 28 Dee dee@example.com app/core/c.py
run >out.json
expect_eq "with teams: extended" \
	"summary extended, 1 commits walked, 0 replayed, 1 diffed" "$(trace)"
expect_eq "Dee's commits count for the docs team" \
	"$(git -C repo log --no-merges --author=dee@example.com --format=%h | wc -l)" \
	"$(jq '.history.teams[] | select(.name == "docs") | .commits' out.json)"
truth >truth.json
check "as without a cache" cmp out.json truth.json
same_as_replay teams
sed -i '1i # DO NOT EDIT: generated' repo/app/web/views.py
git -C repo add -A && commit_as repo Ann ann@example.com 28 "generated now"
run >out.json
expect_eq "a file the scan leaves out now (generated): replayed" \
	"a summed-up path is left out now" "$(why)"
truth >truth.json
check "as without a cache" cmp out.json truth.json

# a damaged state: a byte changed, cut short, random bytes
for damage in byte cut random; do
	run >/dev/null
	change 28 Ann ann@example.com app/core/c.py
	for f in "$dir"/*.state; do
		case $damage in
		byte) printf 'X' | dd of="$f" bs=1 seek=60 conv=notrunc 2>/dev/null ;;
		cut) head -c 200 "$f" >cut && cat cut >"$f" ;;
		random) head -c 500 /dev/urandom >"$f" ;;
		esac
	done
	run >out.json
	expect_eq "a state with a $damage damaged: replayed" "summary written" \
		"$(trace | cut -d, -f1)"
	[ $damage != byte ] ||
		grep_q "a damaged state is said to be" "damaged history state" trace
	truth >truth.json
	check "and the output is right" cmp out.json truth.json
done
run >/dev/null
expect_eq "the rewritten summary is read" \
	"summary read, 0 commits walked, 0 replayed, 0 diffed" "$(trace)"

done_testing
