#!/bin/sh
# A sparse checkout (issue 22, finding 11): files outside the cone are
# read from the index and the object store, as git shows them, not each
# a warning "unreadable: vanished" with no lines and no imports.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo repo
mkdir -p repo/app repo/lib
printf 'from lib import util\n\nprint(util.X)\n' >repo/app/main.py
printf '# helpers\nX = 1\nY = 2\n' >repo/lib/util.py
touch repo/app/__init__.py repo/lib/__init__.py
git -C repo add -A && git -C repo commit -qm init
git -C repo sparse-checkout set --cone app
expect_eq "git left lib/ out of the work tree (the setup)" "absent" \
	"$(test -e repo/lib/util.py && echo present || echo absent)"
expect_eq "git still lists it (the oracle)" "lib/util.py" \
	"$(git -C repo ls-files lib/util.py)"

expect_status "scan a sparse checkout" 0 \
	"$CARVE" scan -f json -o out.json repo
expect_eq "no 'vanished' warning" "" "$(cat err)"
expect_eq "lib/util.py is counted from its blob: 2 code, 1 comment" \
	"counted 2 1 $(git -C repo rev-parse HEAD:lib/util.py)" \
	"$(jq -r '.files[] | select(.path == "lib/util.py") |
		"\(.status) \(.code) \(.comment) \(.blob)"' out.json)"
expect_eq "the import into it resolves" "1" \
	"$(jq '[.edges[] | select(.from == "app/main.py" and
		.to == "lib/util.py")] | length' out.json)"
expect_status "a second run (from the cache) agrees" 0 \
	"$CARVE" scan -f json -o again.json repo
expect_eq "same files and edges" \
	"$(jq -c '.files, .edges' out.json)" "$(jq -c '.files, .edges' again.json)"

echo "1..$test_count"
[ "$test_failed" -eq 0 ]
