#!/bin/sh
# carve history's line counts against git's own: per file, revisions,
# lines added and deleted and binary changes must equal what
# `git log --numstat --no-renames` reports on the same repository (a
# binary file, a file binary by attribute, a rename, a mode change, a
# symbolic link, a file without a final newline, a merge, a commit of
# 35 files, a deletion). Authors are checked against `git shortlog`.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1
. "$CARVE_SRC/tests/cli/lib-history.sh"

make_history_repo repo

# git's figures: path, revisions, added, deleted, binary changes
git -C repo -c core.quotepath=off log --numstat --no-renames --format= |
	awk -F'\t' 'NF == 3 {
		r[$3]++
		if ($1 == "-") b[$3]++; else { a[$3] += $1; d[$3] += $2 }
	} END { for (p in r) printf "%s,%d,%d,%d,%d\n", p, r[p], a[p], d[p], b[p] }' |
	sort >git.csv
expect_status "history of the fixture" 0 "$CARVE" history -q -f csv repo
mv out carve-full.csv
# name,module,exists,revisions,added,deleted,binary,...
tail -n +2 carve-full.csv | tr -d '\r' | cut -d, -f1,4-7 | sort >carve.csv
check "per-file revisions, added, deleted and binary equal git's" \
	cmp git.csv carve.csv
diff git.csv carve.csv | sed 's/^/# /' | head -10
expect_eq "every path git lists is there" "$(wc -l <git.csv)" \
	"$(wc -l <carve.csv)"

# totals, from the same git output
"$CARVE" history -q -f json repo >h.json
check "the model is valid JSON" jq -e .history h.json
git -C repo log --numstat --no-renames --format= |
	awk -F'\t' 'NF == 3 { n++; if ($1 == "-") b++; else { a += $1; d += $2 } }
		END { print n, a, d, b }' >git-totals
expect_eq "totals: changes, added, deleted, binary" "$(cat git-totals)" \
	"$(jq -r '.history | "\(.changes) \(.added) \(.deleted) \(.binary)"' h.json)"
expect_eq "22 commits, one merge left out, 21 analysed" "22 1 21" \
	"$(jq -r '.history | "\(.commits) \(.merges) \(.analysed)"' h.json)"

# the cases one by one, as git counts them
expect_eq "data.dat is binary by attribute: both its changes" "2,0,0,2" \
	"$(grep '^data.dat,' carve.csv | cut -d, -f2-)"
expect_eq "the last line without a newline counts as a line" "2,3,1,0" \
	"$(grep '^notes.txt,' carve.csv | cut -d, -f2-)"
expect_eq "without --follow-renames a move deletes b.py (11 lines)" \
	"8,11,11,0" "$(grep '^app/web/b.py,' carve.csv | cut -d, -f2-)"

# authors after .mailmap, as git shortlog counts them
git -C repo shortlog -s -n --no-merges HEAD | sed 's/^ *//' |
	awk -F'\t' '{ print $2 "," $1 }' | sort >git-authors
jq -r '.history.authors[] | "\(.name),\(.commits)"' h.json | sort \
	>carve-authors
check "authors and their commits equal git shortlog's (mailmap applied)" \
	grep -q "^Bob Builder,6$" carve-authors
expect_eq "bob's old address is Bob Builder" "0" \
	"$(grep -c '^bob,' carve-authors)"
expect_eq "an ISO-8859-1 name is converted to UTF-8" "José,1" \
	"$(grep '^Jos' carve-authors)"
expect_eq "a name that is not UTF-8 gets U+FFFD" "Bad�Name,1" \
	"$(grep '^Bad' carve-authors)"
expect_eq "the ASCII authors agree with shortlog" \
	"$(grep -v -e '^Jos' -e '^Bad' git-authors)" \
	"$(grep -v -e '^Jos' -e '^Bad' carve-authors)"
expect_eq "authors who only merged are not listed" "0" \
	"$(grep -c '^Test,' carve-authors)"

done_testing
