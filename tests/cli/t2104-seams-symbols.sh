#!/bin/sh
# carve seams lists the symbols that cross each seam when the scan has
# libclang's symbol edges: on samples/cprog, with a/ and b/ declared as
# contexts by hand so the seam is known. By hand (groundtruth
# cprog-symbols.tsv): src/net/protocol.c calls str_trim in src/util/str.c
# and src/main.c calls server_run in src/net/server.c.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

cp -r "$CARVE_SRC/samples/cprog" cprog
make_repo cprog >/dev/null
git -C cprog add -A && git -C cprog commit -qm sample
expect_status "scan with libclang (guessed commands)" 0 \
	"$CARVE" scan -q --clang=on -f json -o cprog.json cprog
echo '{ "contexts": { "net": ["src/net/**"], "util": ["src/util/**"], "main": ["src/main.c"] } }' >ctx.json
expect_status "seams of the model" 0 "$CARVE" seams -f json -c ctx.json cprog.json
expect_eq "net's seam into util carries str_trim" "1" \
	"$(jq '[.contexts[] | select(.name == "net") | .seam.out[] | select(.context == "util") | .symbols[]? | select(.name == "str_trim")] | length' out)"
expect_eq "main's seam into net carries server_run" "1" \
	"$(jq '[.contexts[] | select(.name == "main") | .seam.out[] | select(.context == "net") | .symbols[]? | select(.name == "server_run")] | length' out)"
expect_status "text" 0 "$CARVE" seams -c ctx.json cprog.json
grep_q "symbols in the seam table" "; symbols [A-Za-z_]* ([0-9])" out

done_testing
