#!/bin/sh
# carve check on a copy of the shop sample with declared contexts and
# rules. By hand (samples/groundtruth/shop-imports.tsv): orders imports
# payments at shop/orders/services.py line 15 ("from shop.payments import
# services"), and payments imports orders back, so orders and payments
# form a cycle whose lightest cut is orders -> payments; nothing in utils
# imports another context.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_check_shop shop

expect_status "violations fail" 1 "$CARVE" check shop
grep_q "file, line, import, contexts and rule" \
	"^shop/orders/services.py:15: imports 'shop.payments' (orders -> payments): rule 'orders -> payments', shop/payments/services.py" out
grep_q "the cycle is one violation" "cycle between orders payments; cut orders -> payments" out
grep_q "counts" "^2 violations of 3 rules over 3 contexts: 2 new, 0 in the baseline" out
check "utils imports no other context" sh -c '! grep -q "utils is a library" out'

expect_status "github annotations" 1 "$CARVE" check -f github shop
grep_q "an error annotation with file and line" \
	"^::error file=shop/orders/services.py,line=15,title=carve check::imports 'shop.payments'" out

expect_status "json" 1 "$CARVE" check -f json shop
expect_eq "the count is in the model" "2 2" "$(jq -r '.check | "\(.violations) \(.new)"' out)"
expect_eq "the scan is in the model" "true" "$(jq '.files | length > 0' out)"

# the baseline: known violations pass, new ones fail, stale ones show
expect_status "update the baseline" 0 "$CARVE" check --update-baseline --baseline known.json shop
expect_eq "two entries" "2" "$(jq '.violations | length' known.json)"
expect_status "all known" 0 "$CARVE" check --baseline known.json shop
grep_q "known are marked" "\[baseline\]$" out
jq '.violations += [{"key": "gone|a.py|b.py"}]' known.json >stale.json
expect_status "a stale entry" 0 "$CARVE" check --baseline stale.json shop
grep_q "stale is reported" "^1 stale baseline entry" out
jq '.violations = [.violations[0]]' known.json >half.json
expect_status "a new violation" 1 "$CARVE" check --baseline half.json shop
grep_q "one new" "1 new, 1 in the baseline" out

# an exception lets the public API through
sed 's|"allow": false }|"allow": false, "except": ["shop/payments/services.py"] }|' \
	shop/carve.json >except.json
expect_status "except" 1 "$CARVE" check -c except.json shop
check "the API import passes" sh -c '! grep -q "rule .orders -> payments." out'

# exports
expect_status "dependency-cruiser" 0 "$CARVE" check --export dependency-cruiser shop
grep_q "a forbidden rule" 'from: { path: "^shop/orders/.*$" }' out
grep_q "module.exports" "^module.exports = {" out
expect_status "import-linter" 0 "$CARVE" check --export import-linter shop
grep_q "a forbidden contract" "^forbidden_modules =" out
grep_q "its package" "^    shop.payments" out
grep_q "what cannot be said is warned" "import-linter forbids imports of named packages only" err

# bad rules and options
echo '{ "contexts": { "a": ["shop/orders/**"] }, "rules": [ { "from": "a", "to": "b" } ] }' >unknown.json
expect_status "a rule naming no context" 128 "$CARVE" check -c unknown.json shop
grep_q "names it" "unknown.json: 'rules\[0\].to': expected a declared context (\"contexts\", \"legacy\" or \"new\") or \"\*\", got \"b\"" err
echo '{ "contexts": { "a": ["shop/orders/**"] }, "rules": [ { "cycles": true } ] }' >cycles.json
expect_status "cycles true" 128 "$CARVE" check -c cycles.json shop
expect_status "bad export" 129 "$CARVE" check --export eslint shop
expect_status "missing baseline" 128 "$CARVE" check --baseline nowhere.json shop
echo '{}' >empty.json
expect_status "no rules: nothing to check" 0 "$CARVE" check -c empty.json shop
grep_q "says so" "declares no rules" err

# legacy and new are areas that may overlap the contexts: orders is a
# context and legacy too, payments legacy only. "Nothing depends on
# legacy": orders' import of payments (services.py line 15) and the
# app's import of orders.api (shop/app.py line 7) are violations; orders'
# imports of itself (.models, pricing) are not.
cat >areas.json <<'EOF'
{ "contexts": { "orders": ["shop/orders/**"] },
  "legacy": ["shop/orders/**", "shop/payments/**"],
  "rules": [ { "name": "legacy is frozen", "from": "*", "to": "legacy", "allow": false } ] }
EOF
expect_status "a context inside legacy is no overlap" 1 "$CARVE" check -c areas.json shop
grep_q "orders -> payments (legacy)" \
	"^shop/orders/services.py:15: imports 'shop.payments' (orders -> legacy): rule 'legacy is frozen'" out
grep_q "app -> orders, legacy by its area" \
	"^shop/app.py:7: imports 'shop.orders.api' (no context -> orders): rule 'legacy is frozen'" out
check "imports within orders pass" sh -c '! grep -q "(orders -> orders)" out'
cat >both.json <<'EOF'
{ "legacy": ["shop/orders/**"], "new": ["shop/orders/models.py"],
  "rules": [ { "from": "*", "to": "legacy", "allow": false } ] }
EOF
expect_status "legacy and new may not overlap" 128 "$CARVE" check -c both.json shop
grep_q "names both and the file" "contexts 'legacy' and 'new' overlap: both match 'shop/orders/models.py'" err

done_testing
