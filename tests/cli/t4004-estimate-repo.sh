#!/bin/sh
# carve estimate on a git repository: contexts from carve seams, test
# code found by path, --calibrate against the team's own history, and
# the sample's formats.
#
# History, by hand: Ann adds 10 lines and then 5 on 2024-01-01, Bo adds
# 6 the same day, Ann deletes 3 on 2024-01-03, and a merge commit adds
# nothing. Active author-days: (Ann, 01-01), (Bo, 01-01), (Ann, 01-03) = 3;
# net lines 10 + 5 + 6 - 3 = 18 (git log --numstat says the same below);
# 18 / 3 = 6.0 lines per author-day.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

commit() { # AUTHOR DATE MESSAGE
	GIT_AUTHOR_NAME=$1 GIT_AUTHOR_EMAIL="$1@example.com" \
	GIT_AUTHOR_DATE="$2" GIT_COMMITTER_DATE="$2" \
		git -C repo commit -qm "$3"
}
lines() { i=0; while [ $i -lt "$1" ]; do echo "x$i = $i"; i=$((i + 1)); done; }

make_repo repo
mkdir -p repo/app/orders repo/app/users repo/tests
lines 10 >repo/app/orders/one.py
git -C repo add -A && commit ann 2024-01-01T09:00:00Z one
lines 15 >repo/app/orders/one.py
git -C repo add -A && commit ann 2024-01-01T15:00:00Z two
git -C repo checkout -qb side
lines 6 >repo/app/users/two.py
git -C repo add -A && commit bo 2024-01-01T11:00:00Z three
git -C repo checkout -q -
GIT_AUTHOR_DATE=2024-01-02T10:00:00Z GIT_COMMITTER_DATE=2024-01-02T10:00:00Z \
	git -C repo merge -q --no-ff -m merge side
lines 12 >repo/app/orders/one.py
git -C repo add -A && commit ann 2024-01-03T09:00:00Z four

net=$(git -C repo log --no-merges --numstat --format= | awk '{ n += $1 - $2 } END { print n }')
expect_eq "git agrees: 18 net lines" 18 "$net"

expect_status "calibrate" 0 "$CARVE" estimate --calibrate repo
grep_q "the team's delivery rate" "history: 18 net lines added over 3 active author-days = 6.0 lines per author-day" out
grep_q "beside the rate used" "rates used: python->python 150 (25.00x)" out
expect_status "calibrate, JSON" 0 "$CARVE" estimate --calibrate -f json repo
expect_eq "calibration in the model" "18 3 6" \
	"$(jq -r '.estimate.calibration | "\(.net_lines) \(.author_days) \(.rate)"' out)"
expect_status "calibrate needs a repository" 129 "$CARVE" estimate --calibrate --sizes /dev/null

# test code goes at the test speed: a file under tests/ counts as tests
lines 20 >repo/tests/test_orders.py
git -C repo add -A && commit ann 2024-01-04T09:00:00Z tests
expect_status "test code" 0 "$CARVE" estimate -f json --no-history repo
expect_eq "20 test lines" 20 "$(jq '[.estimate.contexts[].tests] | add' out)"

# the bundled sample: every format, declared contexts from carve.json
cp -r "$CARVE_SRC/samples/shop" shop
expect_status "sample, text" 0 "$CARVE" estimate --target go shop
grep_q "rows per context" "^shop/orders " out
expect_status "sample, csv" 0 "$CARVE" estimate --target go -f csv shop
expect_eq "csv header" "context,code,tests,interfaces,tables,port_days,seam_days,fixed_days,data_days,p10,p50,p80,p90,mean,share,status" "$(head -1 out | tr -d '\r')"
tr -d '\r' <out >rows.csv
awk -F, 'NR > 1 && $16 == "estimated" && !($10 <= $11 && $11 <= $12 && $12 <= $13) { bad = 1 } END { exit bad }' rows.csv
ok $? "P10 <= P50 <= P80 <= P90 on every row"
printf '{ "contexts": { "store": ["shop/orders/**", "shop/cart/**"], "people": ["shop/users/**"] } }\n' >decl.json
expect_status "declared contexts" 0 "$CARVE" estimate -c decl.json -f csv shop
grep_q "a declared context" "^store," out

# contexts whose code lines none move: all under "new" (already
# migrated), all outside "legacy", only docs (not priced). carve.json
# says so, so they are left out with that reason and no warning; a
# context of only blank files is still warned of.
make_repo moved
mkdir -p moved/legacy/billing moved/services/cart moved/tools moved/docs moved/empty
lines 30 >moved/legacy/billing/pay.py
lines 20 >moved/services/cart/cart.py
lines 10 >moved/tools/gen.py
printf '# Guide\n\nHow to run it.\n' >moved/docs/guide.md
: >moved/empty/blank.py
cat >moved/carve.json <<'JSON'
{ "legacy": ["legacy/**", "docs/**", "empty/**"], "new": ["services/**"],
  "contexts": { "billing": ["legacy/**"], "cart": ["services/**"],
                "tools": ["tools/**"], "guide": ["docs/**"],
                "blank": ["empty/**"] } }
JSON
git -C moved add -A && commit ann 2024-01-05T09:00:00Z moved
expect_status "contexts that move nothing" 0 "$CARVE" estimate -f json --no-history moved
expect_eq "why each is left out" 'billing:null blank:no code lines cart:all its code already in "new" guide:only files not priced: docs, configuration, data tools:all its code outside "legacy"' \
	"$(jq -r '[.estimate.contexts[] | select(.name != "platform") | "\(.name):\(.excluded)"] | sort | join(" ")' out)"
cp out model.json
grep_q "an empty context is still warned of" "context 'blank' has no code lines to move" err
grep -q "'cart'\\|'tools'\\|'guide'" err
test $? -eq 1
ok $? "no warning for what carve.json itself leaves out"
expect_status "the reasons survive the model" 0 "$CARVE" estimate model.json
grep_q "the text names them" 'cart (all its code already in "new")' out

done_testing
