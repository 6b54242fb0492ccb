#!/bin/sh
# carve scan --clang on samples/cprog: the function-level symbol edges
# equal samples/groundtruth/cprog-symbols.tsv, which was read off the
# objects with nm (which undefined symbol of an object another defines).
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

cp -r "$CARVE_SRC/samples/cprog" cprog
make_repo cprog
root=$(cd cprog && pwd)
# the Makefile's flags, one command per translation unit (what
# `bear -- make all check` records)
{
	echo '['
	sep=
	for f in lib/minicrc/minicrc.c src/core/store.c src/core/wal.c \
		src/main.c src/net/protocol.c src/net/server.c src/util/log.c \
		src/util/mem.c src/util/str.c tests/test_protocol.c \
		tests/test_store.c; do
		printf '%s{ "directory": "%s", "file": "%s", "arguments": ["cc", "-D_DEFAULT_SOURCE", "-Iinclude", "-Isrc", "-Ilib/minicrc/include", "-O2", "-std=c11", "-Wall", "-c", "%s"] }\n' \
			"$sep" "$root" "$f" "$f"
		sep=,
	done
	echo ']'
} >cprog/compile_commands.json
git -C cprog add -A && git -C cprog commit -qm sample

expect_status "scan samples/cprog with libclang" 0 \
	"$CARVE" scan -q -f json -o cprog.json cprog
expect_eq "11 units parsed without errors" "11 11 0" \
	"$(jq -r '.clang | "\(.units) \(.parsed) \(.errors)"' cprog.json)"
jq -r '.edges[] | select(.kind == "symbol") |
	[.from, .to, ([.symbols[] | select(.kind == "function") | .name] |
	sort | join(","))] | select(.[2] != "") | @tsv' cprog.json | sort >got
grep -v '^#' "$CARVE_SRC/samples/groundtruth/cprog-symbols.tsv" | sort >want
if cmp -s want got; then
	ok 0 "function edges equal groundtruth/cprog-symbols.tsv (nm)"
else
	ok 1 "function edges equal groundtruth/cprog-symbols.tsv (nm)"
	diff want got | sed 's/^/# /'
fi
# a header's own types stay on it unless a .c file sits beside it:
# src/net/protocol.h is one unit with src/net/protocol.c
expect_eq "no symbol edge ends at a header that has a .c beside it" "" \
	"$(jq -r '.edges[] | select(.kind == "symbol") | .to' cprog.json |
		grep -E '^src/(net/(protocol|server)|util/(log|mem|str)|core/wal)\.h$')"

done_testing
