#!/bin/sh
# Tests and migrations follow the code they serve. A model written by
# hand: app/orders and app/payments each hold three code files importing
# each other in a cycle (3 references each), a tests/ directory and a
# migrations/ directory of their own, and a top-level tests/ directory
# whose test imports payments twice and orders once.
# Worked out by hand: the code clusters into orders and payments (the
# only links are within each directory); app/orders/tests/test_views.py
# and app/orders/migrations/0001_initial.py join orders (nearest
# ancestor holding code: app/orders); the same for payments; the root
# tests/test_flow.py has no ancestor below the root holding code, so it
# joins the context it imports most: payments. No context is named after
# a tests/ directory, and the ranking holds only orders and payments.
# With --cluster-tests the test directories cluster on their own, and a
# context made of tests is not ranked.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

file() { printf '{ "path": "%s", "status": "counted", "language": "Python", "module": "%s", "code": %s }' "$1" "${1%/*}" "$2"; }
edge() { printf '{ "from": "%s", "to": "%s", "kind": "import", "weight": %s }' "$1" "$2" "$3"; }
o=app/orders p=app/payments
cat >model.json <<JSON
{ "schema": "carve/1", "repo": { "root": "/demo" },
  "files": [ $(file $o/models.py 50), $(file $o/views.py 40), $(file $o/api.py 30),
             $(file $o/tests/test_views.py 80), $(file $o/tests/test_api.py 70),
             $(file $o/migrations/0001_initial.py 20),
             $(file $p/models.py 50), $(file $p/gateway.py 40), $(file $p/api.py 30),
             $(file $p/tests/test_gateway.py 90), $(file $p/tests/conftest.py 10),
             $(file $p/migrations/0001_initial.py 20),
             $(file tests/test_flow.py 60) ],
  "edges": [ $(edge $o/models.py $o/views.py 3), $(edge $o/views.py $o/api.py 3), $(edge $o/api.py $o/models.py 3),
             $(edge $p/models.py $p/gateway.py 3), $(edge $p/gateway.py $p/api.py 3), $(edge $p/api.py $p/models.py 3),
             $(edge $o/tests/test_views.py $o/views.py 1), $(edge $o/tests/test_api.py $o/api.py 1),
             $(edge $o/tests/test_views.py $p/api.py 1),
             $(edge $p/tests/test_gateway.py $p/gateway.py 1),
             $(edge tests/test_flow.py $p/api.py 1), $(edge tests/test_flow.py $p/models.py 1),
             $(edge tests/test_flow.py $o/api.py 1) ] }
JSON

"$CARVE" seams -f csv model.json >c.csv
ctx() { grep "^$1," c.csv | cut -d, -f2; }
expect_eq "orders code together" "$(ctx $o/models.py)" "$(ctx $o/api.py)"
expect_eq "payments code together" "$(ctx $p/models.py)" "$(ctx $p/api.py)"
check "orders and payments apart" test "$(ctx $o/models.py)" != "$(ctx $p/models.py)"
expect_eq "orders' tests join orders" "$(ctx $o/models.py)" "$(ctx $o/tests/test_views.py)"
expect_eq "orders' other test too" "$(ctx $o/models.py)" "$(ctx $o/tests/test_api.py)"
expect_eq "orders' migration joins orders" "$(ctx $o/models.py)" "$(ctx $o/migrations/0001_initial.py)"
expect_eq "payments' conftest joins payments" "$(ctx $p/models.py)" "$(ctx $p/tests/conftest.py)"
expect_eq "payments' migration joins payments" "$(ctx $p/models.py)" "$(ctx $p/migrations/0001_initial.py)"
expect_eq "root test joins what it imports most" "$(ctx $p/models.py)" "$(ctx tests/test_flow.py)"
expect_eq "contexts named after the code" "app/orders app/payments" \
	"$("$CARVE" seams -f json model.json | jq -r '[.contexts[].name] | sort | join(" ")')"
expect_eq "both ranked" "2" \
	"$("$CARVE" seams -f json model.json | jq -r '.seams.ranking | length')"
"$CARVE" seams model.json >t.txt
grep_q "the assumption is stated" "tests and migrations: not clustered" t.txt

"$CARVE" seams --cluster-tests --min-size 1 -f json model.json >s.json
expect_eq "--cluster-tests: a context of tests" "tests" \
	"$(jq -r '[.contexts[] | select(.files | index("app/orders/tests/test_api.py")) | .role] | .[0]' s.json)"
check "--cluster-tests: that context is not ranked" sh -c \
	"jq -e '[.contexts[] | select(.role == \"tests\") | .name] as \$t | [.seams.ranking[] | select(. as \$n | \$t | index(\$n))] | length == 0' s.json"
done_testing
