#!/bin/sh
# A repository owned by another user (the usual CI container) is refused
# with git's own rule and remedy, safe.directory (issue 22, finding 7):
# never silently walked as a plain directory, which counted ignored files.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

if [ "$(id -u)" != 0 ]; then
	echo "1..0 # SKIP needs root to give the repository to another user"
	exit 0
fi
make_repo r
echo 'x = 1' >r/ignored.py
echo 'ignored.py' >r/.gitignore
echo 'y = 1' >r/kept.py
git -C r add kept.py .gitignore && git -C r commit -qm init
chown -R 12345:12345 r

# the oracle: git itself refuses the repository
git -C r status >/dev/null 2>git.err
grep_q "git refuses it too (the oracle)" "dubious ownership" git.err
expect_status "scan refuses it" 128 "$CARVE" scan -q r
grep_q "the error names the cause" "dubious ownership" err
grep_q "and git's remedy" "safe.directory" err
expect_status "history refuses it" 128 "$CARVE" history -q r
grep_q "history names the cause, not 'not in a git repository'" \
	"dubious ownership" err
expect_status "graph refuses it" 128 "$CARVE" graph -q r

git config --global --add safe.directory "$TEST_DIR/r"
expect_status "listed in safe.directory: scanned" 0 \
	"$CARVE" scan -q -f json -o out.json r
expect_eq "as git sees it: the ignored file is left out" \
	".gitignore kept.py" "$(jq -r '[.files[].path] | join(" ")' out.json)"
chown -R 0:0 r

echo "1..$test_count"
[ "$test_failed" -eq 0 ]
