#!/bin/sh
# carve scan, Go: a directory's test files (package p and p_test) are a
# module of their own, DIR/_test, that depends on p and that nothing
# imports, so they put no package on a cycle; an import links to the
# files that declare the names used from it (weight: the names), or to
# the whole package when none is used (a blank import). Expected edges
# are worked out by hand below.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo repo
mkdir -p repo/cmd repo/models repo/util
printf 'module example.com/shop\n\ngo 1.21\n' >repo/go.mod
cat >repo/models/user.go <<'GO'
package models

import "example.com/shop/util"

type User struct{ Name string }

func NewUser() User { return User{Name: util.Slug("x")} }

func NewAdmin() User { return NewUser() }
GO
cat >repo/models/order.go <<'GO'
package models

var (
	Currency = "EUR"
	// a comment line in the group
	Rate = 1
)

type Order struct{ Total int }
GO
cat >repo/models/user_test.go <<'GO'
package models

import (
	"testing"

	"example.com/shop/util"
)

func TestUser(t *testing.T) { _ = NewUser(); _ = util.Slug("y") }
GO
cat >repo/util/slug.go <<'GO'
package util

// Slug is used as util.Slug in a comment: not a use.
func Slug(s string) string { return s }
GO
printf 'package util\n\nconst Other = 1\n' >repo/util/other.go
# an external test: util's tests use models, which uses util; kept in
# util's module this was the cycle util -> models -> util
cat >repo/util/slug_test.go <<'GO'
package util_test

import (
	"testing"

	"example.com/shop/models"
	"example.com/shop/util"
)

func TestSlug(t *testing.T) { _ = util.Slug(models.NewUser().Name) }
GO
# main uses two names of user.go, one of order.go; util is a blank
# import (its init functions): the whole package
cat >repo/cmd/main.go <<'GO'
package main

import (
	"fmt"

	m "example.com/shop/models"
	_ "example.com/shop/util"
)

func main() {
	fmt.Println(m.NewUser(), m.NewAdmin(), m.Order{}, m.NewUser())
	var x struct{ m int }
	_ = x.m
}
GO
git -C repo add -A && git -C repo commit -qm init

expect_status "scan a Go module with tests" 0 "$CARVE" scan -q -f json repo
cp out scan.json

# main -> user.go: NewUser and NewAdmin (2), -> order.go: Order (1);
# the blank import -> both files of util (1 each). user.go -> slug.go
# (util.Slug, not Other). The internal test -> both files of its
# package (no import: the package clause), -> slug.go (util.Slug). The
# external test -> user.go (models.NewUser), -> slug.go.
expect_eq "edges: the names used, the package for a blank import" \
"cmd/main.go models/order.go 1
cmd/main.go models/user.go 2
cmd/main.go util/other.go 1
cmd/main.go util/slug.go 1
models/user.go util/slug.go 1
models/user_test.go models/order.go 1
models/user_test.go models/user.go 1
models/user_test.go util/slug.go 1
util/slug_test.go models/user.go 1
util/slug_test.go util/slug.go 1" \
	"$(jq -r '.edges[] | "\(.from) \(.to) \(.weight)"' scan.json |
		LC_ALL=C sort)"
expect_eq "test files are the module DIR/_test" \
"models/_test models/user_test.go
util/_test util/slug_test.go" \
	"$(jq -r '.files[] | select(.path | endswith("_test.go")) |
		"\(.module) \(.path)"' scan.json | LC_ALL=C sort)"
expect_eq "fmt is still one reference of one file" "fmt 1 1" \
	"$(jq -r '.externals[] | select(.name == "fmt") |
		"\(.name) \(.references // .refs) \(.files)"' scan.json)"
expect_eq "nothing unresolved" 0 "$(jq '.totals.unresolved' scan.json)"

expect_status "graph of the modules" 0 "$CARVE" graph -q -f json scan.json
expect_eq "no cycle: tests are never imported" 0 \
	"$(jq '.graph.cycles | length' out)"

# the same tree with the tests left out: the same edges among the rest
expect_status "scan without the tests" 0 \
	"$CARVE" scan -q --no-cache -f json --exclude '**/*_test.go' repo
expect_eq "excluding tests changes nothing else" \
	"$(jq -r '.edges[] | select(.from | endswith("_test.go") | not) |
		"\(.from) \(.to) \(.weight)"' scan.json | LC_ALL=C sort)" \
	"$(jq -r '.edges[] | "\(.from) \(.to) \(.weight)"' out | LC_ALL=C sort)"

done_testing
