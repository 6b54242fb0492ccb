#!/bin/sh
# Python imports end to end: a fixture repository whose edges, externals
# and unresolved imports are listed by hand below, and samples/shop
# against its hand-written ground truth (samples/groundtruth).
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_fixture_repo repo deps/python

expect_status "scan the Python fixture" 0 "$CARVE" scan -q -f json repo
cp out scan.json

edges() {
	jq -r '.edges[] | "\(.from) \(.to) \(.weight) \((.flags // []) | join(","))"' \
		scan.json | sed 's/ $//'
}
# Roots: the repository, src/ (also the parent of the package app) and
# lib/ (parent of libpkg). main.py: `import app.models` and `from app
# import models` both reach models.py; VERSION is no submodule, so
# __init__.py; `from .sub.helpers import helper` and `from app.sub import
# helpers` reach helpers.py; `from . import main` is itself (no edge);
# the import in f() is local; TYPE_CHECKING makes type-only; the
# docstring's `from app import secret` is text. scripts/run.py finds
# helper_mod next to it (a script's directory is on sys.path).
cat >want <<'EOF2'
scripts/run.py scripts/helper_mod.py 1
scripts/run.py src/app/main.py 1
src/app/__init__.py src/app/models.py 1
src/app/main.py lib/libpkg/tool.py 1
src/app/main.py src/app/__init__.py 1
src/app/main.py src/app/models.py 2
src/app/main.py src/app/sub/deep/__init__.py 1 local
src/app/main.py src/app/sub/helpers.py 2
src/app/main.py src/app/types.py 1 type-only
src/app/main.py src/nsp/plugin.py 1
src/app/sub/helpers.py src/app/models.py 1
EOF2
edges | sort >got
check "file edges as worked out by hand" diff want got
expect_eq "no edge from the docstring's import" "" \
	"$(jq -r '.edges[] | select(.to == "src/app/secret.py") | .from' scan.json)"
expect_eq "externals: first component, one reference each" \
	"django:1 os:1 requests:1 typing:1 yaml:1" \
	"$(jq -r '[.externals[] | "\(.name):\(.refs)"] | join(" ")' scan.json)"
expect_eq "os and typing are the standard library, the rest third-party" \
	"django:third os:std requests:third typing:std yaml:third" \
	"$(jq -r '[.externals[] | "\(.name):\(if .stdlib then "std" else "third" end)"] | join(" ")' scan.json)"
# app.missing (inside the repository, no such file) and nsp (a namespace
# package: a directory, no file) resolve to nothing and are not external
expect_eq "unresolved imports" "2" "$(jq .totals.unresolved scan.json)"

# samples/shop: every file-level import edge of the ground truth, and no
# other; with vendored and generated files kept, as the ground truth does
cp -r "$CARVE_SRC/samples/shop" shop
expect_status "scan samples/shop" 0 "$CARVE" scan -q --no-git \
	--include-vendored -f json shop
cp out shop.json
grep -v '^#' "$CARVE_SRC/samples/groundtruth/shop-imports.tsv" |
	cut -f1,2 | sort -u >shop-want
jq -r '.edges[] | "\(.from)\t\(.to)"' shop.json | sort >shop-got
check "shop: file edges match groundtruth/shop-imports.tsv" \
	diff shop-want shop-got
# an edge is local (type-only) when all its imports are function-level
# (TYPE_CHECKING) ones
grep -v '^#' "$CARVE_SRC/samples/groundtruth/shop-imports.tsv" |
	awk -F'\t' '{ k = $1 " " $2; c[k] = c[k] " " $3 }
	END { for (k in c) if (c[k] !~ /module/) print k, c[k] ~ /function/ ? "local" : "type-only" }' |
	sort >ctx-want
jq -r '.edges[] | select(.flags) | .flags as $f |
	select($f | index("local") or index("type-only")) |
	"\(.from) \(.to) \(if ($f | index("local")) then "local" else "type-only" end)"' \
	shop.json | sort >ctx-got
check "shop: function-level and TYPE_CHECKING-only edges" \
	diff ctx-want ctx-got
pkg() { jq -r '.edges[] | "\(.from) \(.to)"' shop.json |
	awk '$1 ~ /^shop\/[a-z]+\// && $2 ~ /^shop\/[a-z]+\// {
		split($1, a, "/"); split($2, b, "/");
		if (a[2] != b[2]) print a[2] " " b[2] }' | sort -u; }
expect_eq "shop: no users -> orders edge (docstring trap)" "" \
	"$(pkg | grep '^users orders$')"
expect_eq "shop: 21 package edges among the business packages and utils" \
	"21" "$(pkg | grep -v vendor | wc -l | tr -d ' ')"
expect_eq "shop: third-party externals" "google jwt pytest requests" \
	"$(jq -r '[.externals[].name | select(. == "requests" or . == "jwt" or
		. == "google" or . == "pytest")] | sort | join(" ")' shop.json)"

# by default the vendored shop/vendor is excluded: the import of it is
# neither an edge nor an external package
expect_status "scan samples/shop with defaults" 0 "$CARVE" scan -q --no-git \
	-f json shop
expect_eq "shop: no edge into the excluded vendor/" "" \
	"$(jq -r '.edges[] | select(.to | startswith("shop/vendor")) | .to' out)"
expect_eq "shop: the vendored package is not external" "" \
	"$(jq -r '.externals[] | select(.name == "shop") | .name' out)"

# bad input: unterminated strings, a self-import, a 100,000-line file
make_repo bad
printf 'import bad\ns = """never closed\nimport os\n' >bad/bad.py
printf "x = 'open\nimport json\n" >bad/quote.py
awk 'BEGIN { for (i = 0; i < 100000; i++) print (i % 1000 ? "x = 1" : "import quote") }' \
	>bad/big.py
git -C bad add -A && git -C bad commit -qm bad
expect_status "scan bad input" 0 "$CARVE" scan -q -f json bad
expect_eq "self-import makes no edge; big.py imports quote.py 100 times" \
	"big.py quote.py 100" \
	"$(jq -r '.edges[] | "\(.from) \(.to) \(.weight)"' out)"
expect_eq "the import after an unterminated quote is found" "json" \
	"$(jq -r '.externals[].name' out)"

done_testing
