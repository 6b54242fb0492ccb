#!/bin/sh
# carve scan links Java and Kotlin files to the types they use: types of
# the same package without an import, a wildcard import resolved to the
# types used (not to every file of the package), a static import, nested
# types (imported, or through their outer type), a name qualified in the
# code, a Kotlin type declared in a file named otherwise; never a name in
# a comment or a string, never a type the file declares itself. Expected
# edges are worked out by hand from the fixture
# (tests/fixtures/deps/jvm-types).
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_fixture_repo repo deps/jvm-types

expect_status "scan a Java and Kotlin repository" 0 "$CARVE" scan -q -f json repo
cp out scan.json

# Order: Customer (same package), Invoice (wildcard; Payment is only in a
# comment and a string), Product (the import of Product.Variant and the
# use of Variant: weight 2), OrderLine (OrderLine.Kind), Category (fully
# qualified), Money (static import). OrderLine uses Order. Cart (Kotlin)
# uses Customer (Java, same package) and Coupon, declared in Models.kt,
# and imports Invoice as Bill, which it uses (weight 2).
# Report declares its own Invoice: no edge to billing's.
J=java/com/shop
expect_eq "edges: package, wildcard, static, nested, qualified, Kotlin" \
"$J/orders/Order.java $J/billing/Invoice.java 1 reference
$J/orders/Order.java $J/catalog/Category.java 1 reference
$J/orders/Order.java $J/catalog/Product.java 2 
$J/orders/Order.java $J/orders/Customer.java 1 reference
$J/orders/Order.java $J/orders/OrderLine.java 1 reference
$J/orders/Order.java $J/util/Money.java 1 static
$J/orders/OrderLine.java $J/orders/Order.java 1 reference
kotlin/com/shop/orders/Cart.kt $J/billing/Invoice.java 2 
kotlin/com/shop/orders/Cart.kt $J/orders/Customer.java 1 reference
kotlin/com/shop/orders/Cart.kt kotlin/com/shop/orders/Models.kt 1 reference" \
	"$(jq -r '.edges[] | "\(.from) \(.to) \(.weight) \(.flags // [] | join(","))"' scan.json |
		sed 's|src/main/||g' | LC_ALL=C sort)"

expect_eq "same package, no import (petclinic: OwnerController -> Owner)" \
	1 "$(jq '[.edges[] | select(.from | endswith("OrderLine.java")) |
		select(.to | endswith("/Order.java"))] | length' scan.json)"

expect_eq "a wildcard of a repository package is not unresolved, nor are JDK names" \
	0 "$(jq .totals.unresolved scan.json)"

expect_eq "no edge to a type named only in comments and strings" \
	0 "$(jq '[.edges[] | select(.to | endswith("Payment.java"))] | length' scan.json)"

# The cached rescan gives the same edges.
expect_status "rescan from the cache" 0 "$CARVE" scan -q -f json repo
expect_eq "the cache keeps the edges" \
	"$(jq -c .edges scan.json)" "$(jq -c .edges out)"

done_testing
