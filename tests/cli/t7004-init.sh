#!/bin/sh
# carve init writes a carve.json that loads back without a warning,
# whose contexts match exactly the files of the seams proposal, and it
# never overwrites a file without --force.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

"$CARVE_SRC/samples/make-shop-history" "$CARVE_SRC/samples/shop" shop >/dev/null 2>&1
ok $? "sample with history"
"$CARVE" seams -q -f json -o before.json shop

expect_status "init" 0 "$CARVE" init shop
test -f shop/carve.json
ok $? "carve.json written at the root"
grep_q "says what it wrote" "wrote .*shop/carve.json" err
grep_q "comments explain the keys" "^  // Proposed bounded contexts" shop/carve.json
# the sample's history moves no code from one tree to another: no start
check "no plan.start without a migration under way" \
	sh -c "! grep -q '^ *\"start\"' shop/carve.json"
grep_q "the start left as a comment" '^    // "start": "YYYY-MM-DD"' shop/carve.json
grep_q "python suggests go" '"target": { "language": "go" }' shop/carve.json
grep_q "the pair's rate as a commented example, the default applies" \
	'^  // "rates": { "python->go": ' shop/carve.json

expect_status "loads back through carve scan -c" 0 "$CARVE" scan -c shop/carve.json shop
expect_eq "without a warning" "" "$(cat err)"

# the globs give each counted file the context seams proposed (the
# shared kernel is in none): compared through carve check's contexts,
# i.e. seams run again with the contexts declared keeps every file where
# it was
"$CARVE" seams -q -f json -o after.json shop
jq -r '.contexts[] | select(.name != "shared-kernel") | .name as $c | .files[] | "\(.) \($c)"' before.json | sort >want.txt
jq -r '.contexts[] | select(.name != "shared-kernel") | .name as $c | .files[] | "\(.) \($c)"' after.json | sort >got.txt
test -s want.txt && cmp want.txt got.txt
ok $? "the declared contexts hold the proposed files"
diff want.txt got.txt | head -5 | sed 's/^/# /'
expect_eq "every context is declared" \
	"$(jq '[.contexts[] | select(.name != "shared-kernel")] | length' before.json)" \
	"$(jq '[.contexts[] | select(.declared == true)] | length' after.json)"

cp shop/carve.json keep.json
expect_status "refuses to overwrite" 128 "$CARVE" init shop
grep_q "says how" "exists: --force overwrites it" err
check "the file is untouched" cmp keep.json shop/carve.json
expect_status "--force overwrites" 0 "$CARVE" init --force shop
check "same repository, same file" cmp keep.json shop/carve.json

# layout: legacy and new by directory name are suggestions only (no
# history shows code moving), docs left out; the proposed contexts
# leave the excluded files out
mkdir -p lay/monolith/orders lay/monolith/users lay/services/billing lay/docs
for d in orders users; do
	printf 'from monolith.users import u\nX = 1\n' >lay/monolith/$d/a.py
	printf 'from . import a\nY = 2\n' >lay/monolith/$d/b.py
done
printf 'Z = 3\n' >lay/services/billing/main.py
printf 'print(1)\n' >lay/docs/conf.py
expect_status "init of a layout" 0 "$CARVE" init -o lay.json lay
grep_q "legacy suggested, commented out" '^  // "legacy": \[ "monolith/\*\*" \]' lay.json
grep_q "new suggested, commented out" '^  // "new": \[ "services/\*\*" \]' lay.json
check "neither declared" sh -c "! grep -q '^  \"legacy\"\|^  \"new\"' lay.json"
grep_q "docs excluded" '"exclude": \[ "docs/\*\*" \]' lay.json
check "no context holds docs" sh -c "! grep -q '\"docs' lay.json | grep -v exclude"
expect_status "it loads back" 0 "$CARVE" scan -c lay.json lay
expect_eq "without a warning" "" "$(cat err)"

expect_status "to standard output" 0 "$CARVE" init -o - lay
grep_q "the file on stdout" '"plan": {' out
expect_status "a model is no PATH" 129 "$CARVE" init before.json
expect_status "missing path" 128 "$CARVE" init -o x.json nowhere
test ! -e x.json
ok $? "nothing written"

done_testing
