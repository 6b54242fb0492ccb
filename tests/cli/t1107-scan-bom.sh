#!/bin/sh
# A UTF-8 byte-order mark at the start of a file changes nothing: the
# same languages, line counts (cloc drops the mark too) and edges as the
# same files without it, in C, Python, JS, Ruby, Java and C#. Each file's
# dependency or declaration is on its first line, where a mark glued to
# the first word used to hide it. A mark in the middle of a file is just
# bytes: the scan goes on and keeps the other lines' edges.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

mkdir -p plain/c plain/py/shop plain/js plain/rb/lib plain/java/shop \
	plain/cs
printf '#include "util.h"\nint main(void) { return util(); }\n' \
	>plain/c/main.c
printf '// util\nint util(void);\n' >plain/c/util.h
printf 'import shop.cart\n' >plain/py/app.py
printf '# cart\nfrom . import item\n' >plain/py/shop/cart.py
printf '# shop\n' >plain/py/shop/__init__.py
printf 'x = 1\n' >plain/py/shop/item.py
printf "import { b } from './b';\nexport const a = b;\n" >plain/js/a.js
printf '// b\nexport const b = 1;\n' >plain/js/b.js
printf "require_relative 'lib/b'\nputs B\n" >plain/rb/a.rb
printf "# b\nclass B; end\n" >plain/rb/lib/b.rb
printf 'package shop;\nimport shop.util.Text;\nclass Cart {}\n' \
	>plain/java/shop/Cart.java
mkdir -p plain/java/shop/util
printf 'package shop.util;\npublic class Text {}\n' \
	>plain/java/shop/util/Text.java
printf 'using Acme.Util;\nnamespace Acme.App { class Program { Guard g; } }\n' \
	>plain/cs/Program.cs
printf 'namespace Acme.Util { public class Guard {} }\n' >plain/cs/Guard.cs

# the same tree, every file starting with a BOM
cp -R plain bom
find bom -type f | while read -r f; do
	{ printf '\357\273\277'; cat "$f"; } >"$f.tmp" && mv "$f.tmp" "$f"
done
for d in plain bom; do
	make_repo $d && git -C $d add -A && git -C $d commit -qm init
done
expect_eq "every file of the second tree starts with a BOM" 14 \
	"$(find bom -type f -not -path '*/.git/*' | while read -r f; do
		head -c 3 "$f" | od -An -tx1 | tr -d ' \n'; echo; done |
		grep -c '^efbbbf$')"

for d in plain bom; do
	expect_status "scan the tree $d" 0 "$CARVE" scan -q --no-cache -f json $d
	cp out $d.json
done

files() {
	jq -r '.files[] | "\(.path) \(.language) \(.code) \(.comment) \(.blank)"' \
		"$1.json" | LC_ALL=C sort
}
edges() {
	jq -r '.edges[] | "\(.from) \(.to) \(.kind) \(.weight)"' "$1.json" |
		LC_ALL=C sort
}

# without the mark: each file's first line is what cloc says it is
expect_eq "line counts without a BOM (worked out by hand)" \
"c/main.c C 2 0 0
c/util.h C Header 1 1 0
cs/Guard.cs C# 1 0 0
cs/Program.cs C# 2 0 0
java/shop/Cart.java Java 3 0 0
java/shop/util/Text.java Java 2 0 0
js/a.js JavaScript 2 0 0
js/b.js JavaScript 1 1 0
py/app.py Python 1 0 0
py/shop/__init__.py Python 0 1 0
py/shop/cart.py Python 1 1 0
py/shop/item.py Python 1 0 0
rb/a.rb Ruby 2 0 0
rb/lib/b.rb Ruby 1 1 0" "$(files plain)"
expect_eq "a BOM changes no language and no line count" \
	"$(files plain)" "$(files bom)"
if command -v cloc >/dev/null 2>&1; then
	cloc_sum() {
		cloc --quiet --csv --exclude-dir=.git "$1" |
			awk -F, '$2 == "SUM" { print $3, $4, $5 }'
	}
	expect_eq "cloc agrees: blank, comment, code the same with BOMs" \
		"$(cloc_sum plain)" "$(cloc_sum bom)"
fi

# a file of nothing but the mark: one blank line, as cloc counts it
make_repo only
printf '\357\273\277' >only/empty.py
git -C only add -A && git -C only commit -qm init
"$CARVE" scan -q --no-cache -f json only >only.json
expect_eq "a file of nothing but a BOM is one blank line" "0 0 1" \
	"$(jq -r '.files[0] | "\(.code) \(.comment) \(.blank)"' only.json)"

# the dependency on each first line is found with and without the mark
for pair in "c/main.c c/util.h" "py/app.py py/shop/cart.py" \
	"py/shop/cart.py py/shop/item.py" "js/a.js js/b.js" \
	"rb/a.rb rb/lib/b.rb" "java/shop/Cart.java java/shop/util/Text.java" \
	"cs/Program.cs cs/Guard.cs"; do
	set -- $pair
	expect_eq "$1 -> $2 behind a BOM" 1 \
		"$(jq --arg f "$1" --arg t "$2" \
			'[.edges[] | select(.from == $f and .to == $t) | .to] |
			unique | length' \
			bom.json)"
done
expect_eq "a BOM changes no edge" "$(edges plain)" "$(edges bom)"
expect_eq "Java: the package behind a BOM is the module" "shop.util" \
	"$(jq -r '.files[] | select(.path == "java/shop/util/Text.java") |
		.module' bom.json)"

# a BOM in the middle of a file (two files pasted together)
make_repo mid
printf 'import os\n\357\273\277import json\nimport shop\n' >mid/app.py
printf '\357\273\277x = 1\n' >mid/shop.py
printf '#include "a.h"\n\357\273\277#include "b.h"\n#include "a.h"\n' \
	>mid/m.c
printf 'int a;\n' >mid/a.h
printf 'int b;\n' >mid/b.h
git -C mid add -A && git -C mid commit -qm init
expect_status "a BOM in the middle of a file: the scan goes on" 0 \
	"$CARVE" scan -q --no-cache -f json mid
expect_eq "the edges of the lines around it are kept" \
"app.py shop.py import
m.c a.h include" \
	"$(jq -r '.edges[] | "\(.from) \(.to) \(.kind)"' out | LC_ALL=C sort)"

done_testing
