#!/bin/sh
# check --export with rule and context names holding newlines and other
# control characters (issue 22, finding 8): escaped in the JavaScript,
# flattened in the INI file, never raw lines, keys or sections.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo repo
mkdir -p repo/shop/orders repo/shop/legacy
echo 'from shop.legacy import x' >repo/shop/orders/a.py
echo 'x = 1' >repo/shop/legacy/__init__.py
mkdir repo/shop/evil && echo 'y = 1' >repo/shop/evil/b.py
touch repo/shop/__init__.py repo/shop/orders/__init__.py
cat >repo/carve.json <<'EOF2'
{
  "contexts": { "orders": ["shop/orders/**"], "legacy": ["shop/legacy/**"],
                "evil": ["shop/e*/**"] },
  "rules": [
    { "name": "no legacy\n[importlinter:contract:66]\nname = injected\ntype = forbidden\u2028x",
      "from": "orders", "to": "legacy" },
    { "name": "evil\"}]};require('child_process');//\r\n", "from": "orders", "to": "evil" }
  ]
}
EOF2
git -C repo add -A && git -C repo commit -qm init

"$CARVE" check -q --export import-linter -o importlinter.ini repo
# the oracle: Python's configparser reads what import-linter reads
expect_eq "one contract section, no injected one" \
	"importlinter importlinter:contract:1" \
	"$(python3 -c 'import configparser, sys
c = configparser.ConfigParser(interpolation=None)
c.read(sys.argv[1])
print(" ".join(c.sections()))' importlinter.ini)"
expect_eq "the name is one line" \
	"no legacy [importlinter:contract:66] name = injected type = forbidden"$(printf '\342\200\250')x \
	"$(python3 -c 'import configparser, sys
c = configparser.ConfigParser(interpolation=None)
c.read(sys.argv[1])
print(c["importlinter:contract:1"]["name"])' importlinter.ini)"
expect_eq "no line of the file starts an injected key" "0" \
	"$(grep -c '^name = injected' importlinter.ini)"
# the second rule's context is no package: a comment line, on one line
expect_eq "the comment of a rule left out is one line" "1" \
	"$(grep -c "^# rule 'evil\"}]};require('child_process');//  ' names no Python package$" importlinter.ini)"

"$CARVE" check -q --export dependency-cruiser -o cruiser.js repo
# the oracle: a JavaScript parser (node when installed, else a check
# that no string literal spans lines)
if command -v node >/dev/null; then
	expect_eq "node loads the exported rules with both names" \
		"2|no legacy
[importlinter:contract:66]
name = injected
type = forbidden x|evil\"}]};require('child_process');//" \
		"$(node -e 'const r = require(process.argv[1]).forbidden;
console.log(r.length + "|" + r.map(x => x.name.replace("\u2028", " ").trim()).join("|"))' "$TEST_DIR/cruiser.js")"
fi
expect_eq "every name: line is whole (no raw newline in a literal)" "2" \
	"$(grep -c '^      name: ".*",$' cruiser.js)"
grep_q "the newline is escaped" 'no legacy\\u000a' cruiser.js
grep_q "the line separator is escaped" '\\u2028' cruiser.js

echo "1..$test_count"
[ "$test_failed" -eq 0 ]
