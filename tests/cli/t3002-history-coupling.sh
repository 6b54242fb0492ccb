#!/bin/sh
# Change coupling, ownership and teams on the fixture of lib-history.sh,
# with every expected figure worked out by hand below, and code-maat's
# CSV columns.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1
. "$CARVE_SRC/tests/cli/lib-history.sh"

make_history_repo repo
cm() { "$CARVE" history -q -f code-maat "$@" repo | tr -d '\r'; }

# Changes for coupling: the 21 non-merge commits but the one of 35 files.
# Revisions within them: a.py 11 (01, 02-07, 08, 09, 12, 21), b.py 8 (01,
# 02-07, 11). Shared: 01 and 02-07 = 7. Degree = 7 / ((11 + 8) / 2) =
# 73.7% -> 73 (rounded down); code-maat's average-revs rounds 9.5 up: 10.
expect_eq "file coupling: a.py and b.py, 73%, average 10" \
	"entity,coupled,degree,average-revs
app/core/a.py,app/web/b.py,73,10" "$(cm --analysis coupling)"
expect_eq "module coupling: app/core and app/web, the same figures" \
	"entity,coupled,degree,average-revs
app/core,app/web,73,10" "$(cm --analysis coupling --level module)"

# Pairs: the 7 files of commit 01 give 21, commit 11 adds (b.py,
# views.py): 22. Average >= 5 means revisions summing to 10 or more: a.py
# with each of the other 6, b.py with README.md (3), logo.png (2),
# data.dat (2): 9 pass, 13 removed. Of the 9, only a.py/b.py shares 5 or
# more: 8 removed by --min-shared, none by --min-coupling, 1 kept.
"$CARVE" history -q -f json repo >h.json
expect_eq "each threshold's removals are counted" "22 13 8 0 1" \
	"$(jq -r '.history.coupling.files | "\(.candidates) \(.removed.min_revs) \(.removed.min_shared) \(.removed.min_coupling) \(.pairs | length)"' h.json)"
expect_eq "20 changes considered, 1 too large" "20 1" \
	"$(jq -r '.history.coupling.files | "\(.changes) \(.large)"' h.json)"
expect_eq "the large commit is listed with its 35 files" \
	"$(git -C repo rev-parse HEAD~5) 35" \
	"$(jq -r '.history.left_out[] | "\(.change) \(.files)"' h.json)"
"$CARVE" history -q repo >text
grep_q "text explains the thresholds" \
	"22 pairs changed together in 20 changes; removed: 13 by --min-revs, 8 by --min-shared, 0 by --min-coupling; 1 kept" text
grep_q "text says what was left out" \
	"left out of coupling: 1 merges, 1 changes of more than 30 files" text
expect_eq "no thresholds: all 22 pairs" "22" \
	"$(cm --analysis coupling --min-revs 0 --min-shared 0 --min-coupling 0 | tail -n +2 | wc -l)"
expect_eq "--max-changeset 40 takes the big commit in" "21 0" \
	"$("$CARVE" history -q -f json --max-changeset 40 repo |
		jq -r '.history.coupling.files | "\(.changes) \(.large)"')"

# Grouped by ticket: PAY-1 (02, 04, 06, 07) and PAY-2 (03, 05, 21) are one
# change each. a.py is then in 01, PAY-1, PAY-2, 08, 09, 12: 6 changes;
# b.py in 01, PAY-1, PAY-2, 11: 4; shared 3; degree 3 / 5 = 60%.
expect_eq "--group-by ticket: 60%, average 5" \
	"app/core/a.py,app/web/b.py,60,5" \
	"$(cm --analysis coupling --group-by 'ticket:PAY-[0-9]+' --min-shared 3 | tail -n +2)"
expect_eq "and 7 commits make 2 changes: 15" "15" \
	"$("$CARVE" history -q -f json --group-by 'ticket:PAY-[0-9]+' repo |
		jq -r '.history.coupling.files.changes')"

# Grouped by day: two commits of one author on one day are one change.
make_repo days
echo 1 >days/x.c && echo 1 >days/y.c
git -C days add -A && commit_as days Dee dee@example.com 01 "x and y"
echo 2 >>days/x.c && git -C days add -A && commit_as days Dee dee@example.com 02 "x"
echo 2 >>days/y.c && git -C days add -A && commit_as days Dee dee@example.com 02 "y"
expect_eq "per commit, x and y share one change" "x.c,y.c,50,2" \
	"$("$CARVE" history -q -f code-maat --analysis coupling --min-revs 1 --min-shared 1 days | tr -d '\r' | tail -n +2)"
expect_eq "per author and day, two" "x.c,y.c,100,2" \
	"$("$CARVE" history -q -f code-maat --analysis coupling --min-revs 1 --min-shared 1 --group-by day days | tr -d '\r' | tail -n +2)"

# Revisions and authors, code-maat's columns and order.
expect_eq "revisions: a.py 11, b.py 8 first" "entity,n-revs
app/core/a.py,11
app/web/b.py,8" "$(cm --analysis revisions | head -3)"
expect_eq "authors of a.py: Ann, Bob Builder, José" \
	"app/core/a.py,3,11" \
	"$(cm --analysis authors | grep '^app/core/a.py,')"
# a.py's lines: Ann 10 (01) + 1 (07) + 1 + 1 (08, 09, each deleting one)
# = 13 added, 2 deleted; Bob (both addresses) 5; José 1.
expect_eq "entity-ownership of a.py" "app/core/a.py,Ann,13,2
app/core/a.py,Bob Builder,5,0
app/core/a.py,José,1,0" "$(cm --analysis entity-ownership | grep '^app/core/a.py,')"
# The main author made the most revisions: Ann 5 (01, 07, 08, 09, 12) and
# Bob Builder 5 (02-06) tie, and Ann added more lines (13 of 19).
expect_eq "main author of a.py: Ann, 5 revisions, 13 of 19 lines" "Ann 5 13 19" \
	"$(jq -r '.history.files[] | select(.path == "app/core/a.py") | "\(.authors[0].name) \(.authors[0].revisions) \(.authors[0].added) \(.added)"' h.json)"
grep_q "text: module ownership names Ann with 5 of 11 revisions" \
	"^app/core .* Ann (45%)" text

# Teams from carve.json: Ann and Bob Builder (after .mailmap) in payments,
# Carol in web; José and the other name in none.
cat >repo/carve.json <<'JSON'
{ "teams": { "payments": ["ann@*", "bob@example.com"],
             "web": ["*@web.example.com"] } }
JSON
"$CARVE" history -q -f json repo >t.json
expect_eq "authors' teams" "Ann:payments Bob Builder:payments Carol:web José:null" \
	"$(jq -r '[.history.authors[] | select(.name | startswith("Bad") | not) | "\(.name):\(.team)"] | sort | join(" ")' t.json)"
expect_eq "payments: 18 commits of Ann and Bob" "payments 2 18" \
	"$(jq -r '.history.teams[] | select(.name == "payments") | "\(.name) \(.authors) \(.commits)"' t.json)"
expect_eq "docs is web's" "web 1" \
	"$(jq -r '.history.modules[] | select(.name == "docs") | .teams[] | "\(.name) \(.revisions)"' t.json)"
"$CARVE" history -q repo >t.txt
grep_q "text has the team x module matrix" "^teams x modules" t.txt
printf '{ "teams": { "x": "not a list" } }' >repo/carve.json
expect_status "a malformed teams entry is an error" 128 "$CARVE" history -q repo
grep_q "it names the key" "carve.json: 'teams.x': expected an array of emails or patterns, got \"not a list\"" err
rm repo/carve.json

# Renames followed: views.py takes b.py's 7 earlier revisions and lines
# (5 + 6 added), and the move changes one line (1 added, 1 deleted).
expect_eq "--follow-renames: views.py has 8 revisions, +12 -1" "8,12,1,0" \
	"$("$CARVE" history -q -f csv --follow-renames repo | tr -d '\r' |
		grep '^app/web/views.py,' | cut -d, -f4-7)"
expect_eq "and b.py is no more" "" \
	"$("$CARVE" history -q -f csv --follow-renames repo | grep '^app/web/b.py,')"
expect_eq "totals stay git's" "$(jq -r '.history | "\(.added) \(.deleted)"' h.json)" \
	"$("$CARVE" history -q -f json --follow-renames repo | jq -r '.history | "\(.added) \(.deleted)"')"

done_testing
