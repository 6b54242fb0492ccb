#!/bin/sh
# carve check --export, each configuration read by its tool where one can
# be installed: dependency-cruiser (npm, build-npm from
# scripts/install-npm-tools) runs carve's rules file on the JavaScript
# fixture tests/fixtures/check-js and must find exactly the violations
# carve check finds (by hand: src/orders/cart.js requires
# src/payments/charge.js; after the edit below, src/utils/money.js
# requires src/orders/cart.js too). import-linter and tach are on PyPI
# only, which CI cannot reach: their files are read by python3's own
# configparser and tomllib and held to what the rules say, by hand.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

# Debian's python3 and its packages (python3-jsonschema, ...) first
PYTHON=${CARVE_PYTHON:-/usr/bin/python3}
[ -x "$PYTHON" ] || PYTHON=python3

npm_dir=${CARVE_NPM_TOOLS:-$CARVE_SRC/build-npm}
depcruise="$npm_dir/node_modules/.bin/depcruise"

cp -r "$CARVE_SRC/tests/fixtures/check-js" js
make_repo js >/dev/null
git -C js add -A && git -C js commit -qm js

# carve check's violations and dependency-cruiser's, as "from to rule"
carve_violations() {
	"$CARVE" check -f json js >model.json
	jq -r '.check.list[] | "\(.file) \(.imports) \(.rule)"' model.json | sort
}
cruiser_violations() {
	(cd js && "$depcruise" --config ../dc.js --output-type json src) >dc.json
	jq -r '.summary.violations[] | "\(.from) \(.to) \(.rule.name)"' dc.json | sort
}

expect_status "export for dependency-cruiser" 0 \
	"$CARVE" check --export dependency-cruiser -o dc.js js
if [ -x "$depcruise" ] && command -v node >/dev/null; then
	expect_eq "the one violation by hand" \
		"src/orders/cart.js src/payments/charge.js orders goes through the gateway" \
		"$(cruiser_violations)"
	expect_eq "dependency-cruiser and carve check agree" \
		"$(carve_violations)" "$(cruiser_violations)"
	printf 'const { checkout } = require("../orders/cart.js");\n' >>js/src/utils/money.js
	git -C js commit -qam "utils imports orders"
	expect_eq "after utils imports orders: two, by hand" \
		"src/orders/cart.js src/payments/charge.js orders goes through the gateway
src/utils/money.js src/orders/cart.js utils is a library" \
		"$(cruiser_violations)"
	expect_eq "dependency-cruiser and carve check still agree" \
		"$(carve_violations)" "$(cruiser_violations)"
else
	for i in 1 2 3 4; do
		test_count=$((test_count + 1))
		echo "ok $test_count # SKIP dependency-cruiser is not installed (scripts/install-npm-tools)"
	done
fi

# import-linter: a forbidden contract, read by configparser
cp -r "$CARVE_SRC/samples/shop" shop
cat >shop/carve.json <<'EOF2'
{
  "contexts": { "orders": ["shop/orders/**"], "payments": ["shop/payments/**"],
                "utils": ["shop/utils/**"], "ui": ["web/*.js"] },
  "rules": [
    { "name": "utils is a library", "from": "utils", "to": "*" },
    { "from": "payments", "to": "orders", "allow": true },
    { "from": "*", "to": "orders", "allow": false,
      "except": ["shop/orders/api.py"] },
    { "cycles": false }
  ]
}
EOF2
mkdir -p shop/web && echo 'export const x = 1;' >shop/web/app.js
make_repo shop >/dev/null
git -C shop add -A && git -C shop commit -qm sample
# import-linter cannot say a source context that is no package: ui out
jq 'del(.contexts.ui)' shop/carve.json >il.json
expect_status "export for import-linter" 0 \
	"$CARVE" check -c il.json --export import-linter -o il.ini shop
"$PYTHON" - il.ini >il.txt 2>&1 <<'PY'
import configparser, sys
p = configparser.ConfigParser()
p.read(sys.argv[1])
contracts = [s for s in p.sections() if s.startswith('importlinter:contract:')]
print(p['importlinter']['root_packages'].split())
for s in contracts:
    print(p[s]['type'], p[s]['source_modules'].split(), p[s]['forbidden_modules'].split())
PY
ok $? "configparser reads the .importlinter file"
# "* -> orders": every other context that is a package is a source
expect_eq "one forbidden contract: utils, payments -> orders" \
	"['shop']
forbidden ['shop.payments', 'shop.utils'] ['shop.orders']" "$(cat il.txt)"

# tach: modules and dependencies, read by tomllib. By the rules, first
# match deciding: utils may import nothing; payments may import orders
# (rule 2) and utils; orders may import payments and utils; web/*.js is
# no package (left out); no cycles: forbid_circular_dependencies.
expect_status "export for tach" 0 "$CARVE" check --export tach -o tach.toml shop
grep_q "a glob that is no package is warned" "'web/\*.js' names no Python package" err
grep_q "an exception is warned" "exceptions are left out of tach.toml" err
"$PYTHON" - tach.toml >tach.txt 2>&1 <<'PY'
import sys, tomllib
t = tomllib.load(open(sys.argv[1], 'rb'))
print(t['source_roots'], t['forbid_circular_dependencies'])
for m in t['modules']:
    print(m['path'], sorted(m['depends_on']))
PY
ok $? "tomllib reads tach.toml"
expect_eq "the modules and what each may import" \
	"['.'] True
shop.orders ['shop.payments', 'shop.utils']
shop.payments ['shop.orders', 'shop.utils']
shop.utils []" "$(cat tach.txt)"

done_testing
