#!/bin/sh
# Broken and partial git repositories through every command and format of
# HOSTILE_RUNS: a blob missing, a commit missing, a corrupted pack, and
# shallow clones. Nothing may crash or fail; history says what it could
# not read, naming the object.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1
. "$CARVE_SRC/tests/cli/lib-hostile.sh"

# four commits, each changing a.py and b.py (c1 adds them)
make_repo r
for i in 1 2 3 4; do
	printf 'import b\nx = %d\n' "$i" >r/a.py
	printf 'y = %d\n' "$i" >r/b.py
	git -C r add -A && git -C r commit -qm "c$i"
done
loose() { echo "$1/.git/objects/$(echo "$2" | cut -c1-2)/$(echo "$2" | cut -c3-)"; }
hist() { "$CARVE" history -q -f json "$1" | jq -r ".history | $2"; }

# a.py's blob of c2 is gone: the diffs c1..c2 and c2..c3 have no line counts
cp -r r blob
rm "$(loose blob "$(git -C blob rev-parse HEAD~2:a.py)")"
every_run "missing blob" blob
expect_eq "missing blob: two changes without line counts, four commits" \
	"2 4" "$(hist blob '"\(.missing) \(.analysed)"')"

# commit c2 is gone: history stops at c3, which is cut, and says why
cp -r r commit
c2=$(git -C commit rev-parse HEAD~2)
rm "$(loose commit "$c2")"
every_run "missing commit" commit
"$CARVE" history -f json -o h.json commit 2>err
grep_q "missing commit: the warning names it" "cannot read commit $c2" err
expect_eq "missing commit: c4 analysed (against c3), c3 cut" "1 1" \
	"$(jq -r '.history | "\(.analysed) \(.cut)"' h.json)"

# a corrupted pack: bytes in the middle overwritten
# (a clone that keeps the pack it fetched: git gc in a test is flaky,
# its pack-objects now and then reads "{" as a revision)
git -c fetch.unpackLimit=1 clone -q --no-local r pack </dev/null
p=$(ls pack/.git/objects/pack/*.pack)
size=$(wc -c <"$p")
chmod u+w "$p"
printf 'CORRUPTCORRUPTCORRUPT' |
	dd of="$p" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
check "the pack is corrupt (git fsck says so)" \
	sh -c "! git -C pack fsck >/dev/null 2>&1"
every_run "corrupted pack" pack
expect_status "corrupted pack: history still exits 0" 0 \
	"$CARVE" history -f json -o h.json pack
grep_q "corrupted pack: the warning names a commit and the reason" \
	"cannot read commit [0-9a-f]\{40\}, parent of" err

# shallow clones: history is cut, with no warning (nothing is broken)
git clone -q --depth 1 "file://$TEST_DIR/r" shallow1
git clone -q --depth 2 "file://$TEST_DIR/r" shallow2
every_run "shallow clone" shallow1
for d in 1 2; do
	expect_status "depth $d: history" 0 \
		"$CARVE" history -f json -o h$d.json shallow$d
	expect_eq "depth $d: no warning" "" "$(cat err)"
done
# depth 1: the one commit's parent is absent, nothing to diff against;
# depth 2: c4 is diffed against c3, and c3 is cut
expect_eq "depth 1: shallow, one cut, none analysed" "true 1 0" \
	"$(jq -r '.history | "\(.shallow) \(.cut) \(.analysed)"' h1.json)"
expect_eq "depth 2: shallow, one cut, one analysed" "true 1 1" \
	"$(jq -r '.history | "\(.shallow) \(.cut) \(.analysed)"' h2.json)"
done_testing
