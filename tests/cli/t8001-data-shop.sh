#!/bin/sh
# carve data on the bundled shop sample, one declared context per
# package: the expected tables, owners, the shared table and the
# cross-package reads come from samples/README.md ("Tables per package
# (ground truth)"), written down by hand when the sample was made.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

cp -r "$CARVE_SRC/samples/shop" shop
cat >shop/carve.json <<'JSON'
{ "contexts": {
	"users": ["shop/users/**"], "catalog": ["shop/catalog/**"],
	"cart": ["shop/cart/**"], "orders": ["shop/orders/**"],
	"payments": ["shop/payments/**"],
	"notifications": ["shop/notifications/**"],
	"search": ["shop/search/**"], "utils": ["shop/utils/**"],
	"tests": ["tests/**"], "schema": ["migrations/**"]
} }
JSON

expect_status "data as json" 0 "$CARVE" data -q -f json shop
# 15 package tables plus manage.py's schema_migrations
expect_eq "16 tables" "16" "$(jq '.data.tables | length' out)"
expect_eq "orders_order owned by orders" "orders" \
	"$(jq -r '.data.tables[] | select(.name == "orders_order") | .owner' out)"
expect_eq "orders_order is the one shared table" "orders_order" \
	"$(jq -r '[.data.tables[] | select(.shared) | .name] | join(",")' out)"
expect_eq "its writers: orders and payments" "orders,payments" \
	"$(jq -r '[.data.tables[] | select(.name == "orders_order") | .contexts[] | select(.write > 0) | .context] | sort | join(",")' out)"
# only the tests write catalog_category: test code is left out by
# default, so its owner is catalog (reads and the model)
expect_eq "catalog_category owned by catalog" "catalog" \
	"$(jq -r '.data.tables[] | select(.name == "catalog_category") | .owner' out)"
for pair in "cart:catalog_inventory" "catalog:orders_line" \
	"orders:catalog_product" "payments:orders_order" \
	"notifications:orders_order,users_user" \
	"search:catalog_category,catalog_product"; do
	ctx=${pair%%:*}
	expect_eq "$ctx reads of other packages' tables" "${pair#*:}" \
		"$(jq -r --arg c "$ctx" '.data.contexts[] | select(.name == $c) | .foreign_reads | join(",")' out)"
done
expect_eq "users reads nobody's tables" "" \
	"$(jq -r '.data.contexts[] | select(.name == "users") | .foreign_reads | join(",")' out)"
expect_eq "migrations define payments_refund (0002)" \
	"migrations/0002_refunds_and_preferences.sql" \
	"$(jq -r '[.data.tables[] | select(.name == "payments_refund") | .files[] | select(.kind == "define") | .path] | map(select(startswith("migrations"))) | join(",")' out)"
# 0002 creates two tables and alters two, 0003 creates one, alters one
expect_eq "tables 0002 and 0003 define" \
	"catalog_product,notifications_preference,orders_order,payments_refund,search_document,users_user" \
	"$(jq -r '[.data.tables[] | select(any(.files[]; .kind == "define" and (.path | test("^migrations/000[23]")))) | .name] | join(",")' out)"

expect_status "text" 0 "$CARVE" data -q shop
grep_q "the payments write of orders_order" \
	"shop/payments/refunds.py:53 writes it" out
grep_q "one shared table" "16 tables, 1 written by more than one" out

expect_status "--with-tests" 0 "$CARVE" data -q -f csv --with-tests shop
tr -d '\r' <out >with-tests.csv
# tests write catalog_category (the only writer) and catalog_product,
# catalog_inventory and users_user beside their packages
grep_q "tests own catalog_category" '^catalog_category,tests,.*,tests,no$' with-tests.csv
grep_q "catalog_product shared with tests" '^catalog_product,catalog,.*,yes$' with-tests.csv

expect_status "dot" 0 "$CARVE" data -q -f dot shop
grep_q "a digraph" "^digraph data" out
grep_q "the shared table in red" 'label="orders_order"' out

"$CARVE" data -q -f json shop >a.json && "$CARVE" data -q -f json -j1 shop >b.json
check "same bytes on -j1" cmp a.json b.json

expect_status "-o writes the file" 0 "$CARVE" data -q -f csv -o tables.csv shop
grep_q "the file holds the csv" "^table,context,read,write" tables.csv
expect_status "unknown format" 129 "$CARVE" data -f svg shop
expect_status "two operands" 129 "$CARVE" data shop shop

# the report carries the same findings in its data ownership section
expect_status "report" 0 "$CARVE" report -q --no-history -o report.html shop
grep_q "a data ownership section" 'id="\{0,1\}data' report.html
grep_q "its headline" "16 tables, 1 written by more than one context" report.html

echo "1..$test_count"
[ "$test_failed" -eq 0 ]
