#!/bin/sh
# Writes never follow a symlink the user did not name (issue 22, finding
# 6), and temporary files a killed run left in .git/carve are removed by
# the next write of that cache (finding 12).
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo repo
printf 'import b\n' >repo/a.py
printf 'x = 1\n' >repo/b.py
git -C repo add -A && git -C repo commit -qm init
echo 'export PS1=mine' >bashrc

ln -s ../bashrc repo/carve.json
expect_status "init --force refuses a symlinked carve.json" 128 \
	"$CARVE" init --force repo
grep_q "the refusal names the symlink" "symbolic link" err
expect_eq "the symlink's target is untouched" "export PS1=mine" \
	"$(cat bashrc)"
expect_eq "the symlink is still a symlink" "link" \
	"$(test -L repo/carve.json && echo link)"

rm repo/carve.json
ln -s ../made-by-carve repo/carve.json
expect_status "a dangling carve.json symlink exists: no write" 128 \
	"$CARVE" init repo
grep_q "it says --force" "force" err
expect_eq "the dangling target was not created" "absent" \
	"$(test -e made-by-carve && echo present || echo absent)"
rm repo/carve.json

# -o names the path: the user chose to write through the link
ln -s bashrc named.json
expect_status "init -o through a symlink the user named" 0 \
	"$CARVE" init --force -o named.json repo
grep_q "the named link's file holds the config" '"contexts"' bashrc
echo 'export PS1=mine' >bashrc

# cache files that are symlinks are replaced by nothing and followed never
"$CARVE" scan -q repo >/dev/null
echo 'victim' >victim
for c in scan.cache deps.cache history.cache; do
	rm -f repo/.git/carve/$c
	ln -s "$TEST_DIR/victim" repo/.git/carve/$c
done
"$CARVE" scan repo >/dev/null 2>err
"$CARVE" history repo >/dev/null 2>>err
expect_eq "no cache write went through a symlink" "victim" "$(cat victim)"
grep_q "the refusal is reported" "refusing to write.*symbolic link" err
for c in scan.cache deps.cache history.cache; do
	expect_eq "$c is still the symlink" "link" \
		"$(test -L repo/.git/carve/$c && echo link)"
done

# a SIGKILL during a cache write leaves .scan.cache.carve-XXXXXX
rm -f repo/.git/carve/*.cache
echo torn >repo/.git/carve/.scan.cache.carve-Ab12Cd
touch -d '2 hours ago' repo/.git/carve/.scan.cache.carve-Ab12Cd
echo live >repo/.git/carve/.scan.cache.carve-Zz99Yy
echo other >repo/.git/carve/.notes.carve-Ab12Cd
touch -d '2 hours ago' repo/.git/carve/.notes.carve-Ab12Cd
"$CARVE" scan -q repo >/dev/null
expect_eq "the stale temporary file is gone" "absent" \
	"$(test -e repo/.git/carve/.scan.cache.carve-Ab12Cd && echo present || echo absent)"
expect_eq "a fresh one (a run still writing) is kept" "live" \
	"$(cat repo/.git/carve/.scan.cache.carve-Zz99Yy)"
expect_eq "files of no carve cache are kept" "other" \
	"$(cat repo/.git/carve/.notes.carve-Ab12Cd)"
expect_eq "the cache was written" "present" \
	"$(test -f repo/.git/carve/scan.cache && echo present)"

echo "1..$test_count"
[ "$test_failed" -eq 0 ]
