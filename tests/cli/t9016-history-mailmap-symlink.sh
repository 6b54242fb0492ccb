#!/bin/sh
# A .mailmap that is a symlink is not followed (issue 22, finding 9), as
# git 2.32 and later refuse it; a regular one still maps. The oracle is
# git log's %aN and %aE.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo repo
echo 'x = 1' >repo/a.py
git -C repo add a.py
GIT_AUTHOR_NAME=Old GIT_AUTHOR_EMAIL=old@example.org git -C repo commit -qm one
echo 'Real Person <real@example.org> Old <old@example.org>' >outside-mailmap
ln -s ../outside-mailmap repo/.mailmap

authors() {
	jq -r '[.history.authors[] | "\(.name) <\(.email)>"] | sort | join(",")' "$1"
}
expect_status "history with a symlinked .mailmap" 0 \
	"$CARVE" history -f json -o out.json repo
expect_eq "git ignores the symlink (the oracle)" "Old <old@example.org>" \
	"$(git -C repo log --format='%aN <%aE>' 2>/dev/null)"
expect_eq "carve ignores it too" "Old <old@example.org>" "$(authors out.json)"
grep_q "and says so" "ignoring .*\.mailmap.*symbolic link" err

rm repo/.mailmap
cp outside-mailmap repo/.mailmap
"$CARVE" history -q -f json -o out2.json repo
expect_eq "a regular .mailmap maps, as git's does" \
	"$(git -C repo log --format='%aN <%aE>')" "$(authors out2.json)"

echo "1..$test_count"
[ "$test_failed" -eq 0 ]
