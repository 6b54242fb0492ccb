#!/bin/sh
# The resolution cache (.git/carve/deps.cache): a second scan of an
# unchanged tree reuses the edges, a changed statement or configuration
# file (even one git does not track) resolves afresh, the warnings of
# resolution are given again, and a damaged cache is ignored.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

# edges and externals, in a form that does not depend on the cache
graph() {
	jq -c '[.edges, .externals, .totals.unresolved]' "$1"
}

make_repo repo
mkdir -p repo/util
printf 'module example.com/app\n\ngo 1.21\n' >repo/go.mod
printf 'package main\n\nimport (\n\t"fmt"\n\t"example.com/app/util"\n)\n' >repo/main.go
printf 'package util\n' >repo/util/u.go
git -C repo add -A && git -C repo commit -qm init

"$CARVE" scan -q -f json --no-cache repo >truth.json
expect_eq "the fixture resolves main.go to util/u.go" \
	'main.go util/u.go' \
	"$(jq -r '.edges[] | "\(.from) \(.to)"' truth.json)"
"$CARVE" scan -q -f json repo >first.json
check "the first scan writes .git/carve/deps.cache" \
	test -s repo/.git/carve/deps.cache
"$CARVE" scan -q -f json repo >second.json
expect_eq "a cached scan gives the same graph" "$(graph truth.json)" \
	"$(graph second.json)"

# proof that a hit is used: forge the weight of the one edge
cache=repo/.git/carve/deps.cache
{
	head -n 1 "$cache"
	tail -n +2 "$cache" | tr '\0' '\n' |
		sed 's/^\(edge\t[0-9]*\t[0-9]*\t[0-9]*\t[0-9]*\t\)1$/\17/' |
		tr '\n' '\0'
} >forged && cp forged "$cache"
"$CARVE" scan -q -f json repo >out
expect_eq "a matching cache is used instead of resolving" "7" \
	"$(jq -r '.edges[0].weight' out)"

# a new import changes the statements: resolved afresh
printf 'package main\n\nimport "example.com/app/util"\nimport "os"\n' >repo/main.go
"$CARVE" scan -q -f json --no-cache repo >truth.json
"$CARVE" scan -q -f json repo >out
expect_eq "a changed statement is resolved afresh" "$(graph truth.json)" \
	"$(graph out)"
expect_eq "with the edge at its true weight" "1" \
	"$(jq -r '.edges[0].weight' out)"

# go.mod is read by the resolver, not a statement: its change counts too
printf 'module example.com/other\n\ngo 1.21\n' >repo/go.mod
"$CARVE" scan -q -f json --no-cache repo >truth.json
expect_eq "under another module path the import is external" "0" \
	"$(jq '.edges | length' truth.json)"
"$CARVE" scan -q -f json repo >out
expect_eq "a changed go.mod is resolved afresh" "$(graph truth.json)" \
	"$(graph out)"

# a configuration file that appears (compile_commands.json is seldom
# tracked) is noticed although nothing git knows changed
make_repo c
mkdir -p c/src c/hdrs/proj
printf '#include "api.h"\nint main(void) { return 0; }\n' >c/src/main.c
printf 'int api(void);\n' >c/hdrs/proj/api.h
# a second api.h: no guess can choose, only an include directory can
printf 'int other(void);\n' >c/hdrs/api.h
git -C c add -A && git -C c commit -qm init
"$CARVE" scan -q -f json c >before.json
expect_eq "without a compilation database api.h is not found" "0" \
	"$(jq '.edges | length' before.json)"
printf '[{"directory": "%s", "file": "src/main.c", "command": "cc -Ihdrs/proj -c src/main.c"}]\n' \
	"$TEST_DIR/c" >c/compile_commands.json
"$CARVE" scan -q -f json c >out
expect_eq "a new compile_commands.json is read, not the cached result" \
	"src/main.c hdrs/proj/api.h" \
	"$(jq -r '.edges[] | "\(.from) \(.to)"' out)"

# the warnings of resolution come again from the cache
printf 'module\n' >repo/go.mod
"$CARVE" scan -f json repo >/dev/null 2>err1
"$CARVE" scan -f json repo >/dev/null 2>err2
grep_q "a malformed go.mod is reported" "go.mod:1: module needs one path" err1
grep_q "and reported again by a cached scan" "go.mod:1: module needs one path" err2

# a damaged or foreign cache is ignored
printf 'module example.com/app\n' >repo/go.mod
"$CARVE" scan -q -f json --no-cache repo >truth.json
head -c 300 /dev/urandom >"$cache"
expect_status "a damaged cache is not an error" 0 "$CARVE" scan -q -f json repo
expect_eq "a damaged cache changes nothing" "$(graph truth.json)" "$(graph out)"
printf 'carve-deps-cache 1 0.0.0 x\n' >"$cache"
"$CARVE" scan -q -f json repo >out
expect_eq "a cache of another build is not used" "$(graph truth.json)" \
	"$(graph out)"

# statements in the scan cache are checked when the cache is read: a
# damaged record is a miss (the file is scanned again) and one warning
# naming the cache, not a failure
git -C repo add -A && git -C repo commit -qm more
"$CARVE" scan -q repo >/dev/null
header=$(head -n 1 repo/.git/carve/scan.cache)
printf '%s\n%s\t0\t0\tGo\t\t\t4\t3\t0\t1\t0\tnot-a-statement\tmain.go\0' \
	"$header" "$(git -C repo rev-parse HEAD:main.go)" >repo/.git/carve/scan.cache
rm -f "$cache"
expect_status "a damaged cached statement is not an error" 0 \
	"$CARVE" scan -f json repo
grep_q "the warning names the cache" "damaged record of the scan cache" err

# --no-deps neither reads nor writes it
rm -f "$cache"
"$CARVE" scan -q --no-deps repo >/dev/null
check "--no-deps writes no resolution cache" test ! -e "$cache"

done_testing
