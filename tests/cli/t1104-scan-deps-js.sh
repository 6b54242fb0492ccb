#!/bin/sh
# JavaScript and TypeScript imports end to end: a fixture repository with
# relative paths, index files, tsconfig.json paths and baseUrl, a package
# of the repository and a malformed tsconfig.json; every edge, external
# package and unresolved import below is worked out by hand.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_fixture_repo repo deps/js

expect_status "scan the JS/TS fixture" 0 "$CARVE" scan -f json repo
cp out scan.json
grep_q "a malformed tsconfig.json is named with its line" \
	"web/tsconfig.json' at line 2" err
grep_q "and it is a warning, since the scan goes on" \
	"^warning: cannot parse 'web/tsconfig.json'" err

edges() {
	jq -r '.edges[] | "\(.from) \(.to) \(.kind) \((.flags // []) | join(","))"' \
		scan.json | sed 's/ $//'
}
# main.ts: ./util (.ts, imported and re-exported), ./components
# (index.tsx), @app/* and ~lib (paths), src/helpers/y (baseUrl), ./types
# (.d.ts, type-only), ./esm.js (written as its output, is esm.ts),
# @acme/shared (package.json main) and a file inside it, import()
# (dynamic), require of a .json; ./main is itself (no edge).
cat >want <<'EOF2'
packages/shared/src/index.ts packages/shared/src/inner.ts export
src/main.ts config.json require
src/main.ts lib/index.ts import
src/main.ts packages/shared/lib/extra.js import
src/main.ts packages/shared/src/index.ts import
src/main.ts src/components/index.tsx import
src/main.ts src/esm.ts import
src/main.ts src/helpers/x.js import
src/main.ts src/helpers/y.ts import
src/main.ts src/lazy.jsx import dynamic
src/main.ts src/types.d.ts import type-only
src/main.ts src/util.ts import
src/main.ts src/util.ts export
web/app.js web/b.js import
EOF2
edges | sort >got
sort want >want.sorted
check "file edges as worked out by hand" diff want.sorted got
expect_eq "externals: package names, node: builtins as node" \
	"@scope/pkg lodash node react vite" \
	"$(jq -r '[.externals[].name] | sort | join(" ")' scan.json)"
# ./missing, and @gone/thing (a paths pattern matches, no target exists;
# vite maps into node_modules, so it stays external)
expect_eq "unresolved imports" "2" "$(jq .totals.unresolved scan.json)"

# bad input: unterminated strings and comments, a 100,000-line file
make_repo bad
printf 'import a from "./a";\nconst s = "open\nrequire("./b");\n/* never closed\nrequire("./c");\n' \
	>bad/bad.js
echo 'export default 1;' >bad/a.js
echo 'export default 2;' >bad/b.js
awk 'BEGIN { for (i = 0; i < 100000; i++) print (i % 1000 ? "x = y / 2; // c" : "require(\"./a\");") }' \
	>bad/big.js
git -C bad add -A && git -C bad commit -qm bad
expect_status "scan bad input" 0 "$CARVE" scan -q -f json bad
expect_eq "edges despite unterminated strings and comments" \
	"bad.js a.js 1|bad.js b.js 1|big.js a.js 100" \
	"$(jq -r '[.edges[] | "\(.from) \(.to) \(.weight)"] | join("|")' out)"

done_testing
