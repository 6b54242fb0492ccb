#!/bin/sh
# carve scan links a Razor view's @model and @inject types to C# files:
# a type declared in a file of another name (Widget in Gadgets.cs, found
# through _ViewImports' @using), a file named after the type in the
# type's namespace (Gizmo.cs, whatever class it declares), every file of
# a partial type (Order.cs, Order.Admin.cs); not a C# file under a
# templates folder (templates/Hidden.cs). The C# usings of the same
# package make one external (System: 3 statements in 2 files), a using
# of a repository namespace declared nowhere is unresolved (as is the
# view's @model of the hidden type). Expected values are worked out by
# hand from the fixture (tests/fixtures/deps/razor-types).
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_fixture_repo repo deps/razor-types

expect_status "scan views and C# files" 0 "$CARVE" scan -q -f json repo
cp out scan.json

expect_eq "edges: @model and @inject to the C# files of their types" \
"Views/Home/Index.cshtml Shop/Catalog/Gadgets.cs import 1
Views/Home/Index.cshtml Shop/Catalog/Gizmo.cs import 1
Views/Home/Orders.cshtml Shop/Catalog/Order.Admin.cs import 1
Views/Home/Orders.cshtml Shop/Catalog/Order.cs import 1" \
	"$(jq -r '.edges[] | "\(.from) \(.to) \(.kind) \(.weight)"' scan.json |
		LC_ALL=C sort)"

expect_eq "unresolved: the hidden type and the namespace declared nowhere" \
	2 "$(jq .totals.unresolved scan.json)"

expect_eq "externals: System, once per file" \
	"System 3 2" \
	"$(jq -r '.externals[] | "\(.name) \(.refs) \(.files)"' scan.json)"

# the resolution cache gives the same back
expect_status "a rescan" 0 "$CARVE" scan -q -f json repo
expect_eq "the rescan has the same edges and externals" \
	"$(jq -c '[.edges, .externals, .totals.unresolved]' scan.json)" \
	"$(jq -c '[.edges, .externals, .totals.unresolved]' out)"

done_testing
