#!/bin/sh
# carve scan: Go import edges (a package is all its non-test files) and
# external modules on a small repository; expected edges worked out by
# hand in the comments. A malformed go.mod line is reported, not fatal.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo repo
mkdir -p repo/cmd/server repo/internal/orders repo/third/lib/money
# require names the modules of external imports; replace points
# example.com/lib at a directory of the repository; line 12 is not a
# directive.
cat >repo/go.mod <<'MOD'
module example.com/shop

go 1.21

require (
	github.com/lib/pq v1.10.0
	golang.org/x/sync v0.1.0 // indirect
	gopkg.in/yaml.v3 v3.0.1
)

replace example.com/lib => ./third/lib
bogus line here
MOD
# main.go (its dot import is flagged wildcard): the orders package is two files (not its _test.go); money
# comes through the replace; pq, errgroup and yaml.v3 are required
# modules; github.com/other/thing/sub is guessed as owner/repo; fmt and
# net/http are the standard library; shop/missing is nowhere.
cat >repo/cmd/server/main.go <<'GO'
package main

import (
	"fmt"
	"net/http"

	"example.com/lib/money"
	"example.com/shop/internal/orders"
	"example.com/shop/missing"
	_ "github.com/lib/pq"
	"golang.org/x/sync/errgroup"
	yaml "gopkg.in/yaml.v3"
	. "github.com/other/thing/sub"
)
GO
printf 'package orders\n\nimport "example.com/shop/internal/orders"\n' \
	>repo/internal/orders/orders.go
printf 'package orders\n' >repo/internal/orders/store.go
printf 'package orders_test\n\nimport (\n\t"testing"\n\t"example.com/shop/internal/orders"\n)\n' \
	>repo/internal/orders/orders_test.go
printf 'package money\n' >repo/third/lib/money/money.go
git -C repo add -A && git -C repo commit -qm init

expect_status "scan a Go repository" 0 "$CARVE" scan -f json repo
cp out scan.json
grep_q "the malformed go.mod line is reported with its line" \
	"go.mod:12: unknown directive 'bogus'" err
jq -r '.edges[] | select(.kind == "import") |
	"\(.from) \(.to) \(.weight)"' scan.json >got
# orders.go imports its own package: an edge to store.go only
cat >want <<'E'
cmd/server/main.go internal/orders/orders.go 1
cmd/server/main.go internal/orders/store.go 1
cmd/server/main.go third/lib/money/money.go 1
internal/orders/orders.go internal/orders/store.go 1
internal/orders/orders_test.go internal/orders/orders.go 1
internal/orders/orders_test.go internal/orders/store.go 1
E
expect_eq "import edges" "$(cat want)" "$(sort got)"
expect_eq "external modules" \
	"fmt github.com/lib/pq github.com/other/thing golang.org/x/sync gopkg.in/yaml.v3 net testing" \
	"$(jq -r '[.externals[].name] | sort | join(" ")' scan.json)"
expect_eq "standard library: import paths without a dot" "fmt net testing" \
	"$(jq -r '[.externals[] | select(.stdlib) | .name] | sort | join(" ")' scan.json)"
expect_eq "the missing package is the one unresolved import" "1" \
	"$(jq .totals.unresolved scan.json)"

# an unclosed block: reported at its opening line, the scan goes on
printf 'module example.com/shop\n\nrequire (\n\tgithub.com/lib/pq v1\n' \
	>repo/go.mod
expect_status "scan with an unclosed go.mod block" 0 \
	"$CARVE" scan -f json --no-cache repo
grep_q "the unclosed block is reported" \
	"go.mod:3: 'require (' is never closed" err
# without the replace, money is an external module now: 5 edges
expect_eq "edges inside the module still resolve" "5" \
	"$(jq '[.edges[] | select(.kind == "import")] | length' out)"

done_testing
