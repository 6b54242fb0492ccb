#!/bin/sh
# A same-size edit with the mtime put back (touch -r, a tar restore) is
# seen through ctime and the inode, as git sees it (issue 22, finding
# 10): a new blob id and new counts, not the cached ones.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo repo
printf 'x = 1\ny = 2\n' >repo/a.py
git -C repo add a.py && git -C repo commit -qm one
"$CARVE" scan -q -f json -o before.json repo
touch -r repo/a.py stamp
sleep 1
# same size: two code lines become a code line and a comment
printf 'x = 1\n# = 2\n' >repo/a.py
touch -r stamp repo/a.py
expect_eq "git status sees the edit (the oracle)" " M a.py" \
	"$(git -C repo status --porcelain)"
"$CARVE" scan -q -f json -o after.json repo
expect_eq "the blob id is the content's" \
	"$(git -C repo hash-object a.py)" \
	"$(jq -r '.files[] | select(.path == "a.py") | .blob' after.json)"
expect_eq "the counts are the new content's" "1 1" \
	"$(jq -r '.files[] | select(.path == "a.py") | "\(.code) \(.comment)"' after.json)"

echo "1..$test_count"
[ "$test_failed" -eq 0 ]
