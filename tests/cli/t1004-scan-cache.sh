#!/bin/sh
# The scan cache in .git/carve: same output with or without it, changed
# files recounted, a damaged or foreign cache ignored, --cache-dir and
# --no-cache honoured, an unwritable cache only a warning.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo repo
mkdir -p repo/src
printf 'int a;\n/* c */\n' >repo/src/a.c
printf 'x = 1\n' >repo/src/b.py
git -C repo add -A && git -C repo commit -qm init

"$CARVE" scan -q --no-cache -f json repo >nocache.json
check "--no-cache writes no cache" test ! -e repo/.git/carve
"$CARVE" scan -q -f json repo >first.json
check "the first scan writes .git/carve/scan.cache" test -s repo/.git/carve/scan.cache
"$CARVE" scan -q -f json repo >second.json
check "a cached scan gives the same bytes" cmp first.json second.json
check "and the same as without a cache" cmp first.json nocache.json

# a committed change and a work-tree change are both recounted
printf 'int a;\nint b;\n' >repo/src/a.c
"$CARVE" scan -q -f json repo >s.json
expect_eq "a changed work-tree file is recounted" "2 0" \
	"$(jq -r '.files[] | select(.path == "src/a.c") | "\(.code) \(.comment)"' s.json)"
git -C repo commit -qam change
"$CARVE" scan -q -f json repo >s.json
expect_eq "and after it is committed" "2 0" \
	"$(jq -r '.files[] | select(.path == "src/a.c") | "\(.code) \(.comment)"' s.json)"
expect_eq "the cache holds the new blob" "1" \
	"$(tr '\0' '\n' <repo/.git/carve/scan.cache | grep -c "^$(git -C repo rev-parse HEAD:src/a.c)")"

# a damaged cache is ignored, and results stay right
"$CARVE" scan -q -f json --no-cache repo >truth.json
# the header of this build's cache (format, version, rules checksum)
header=$(head -n 1 repo/.git/carve/scan.cache)
expect_eq "the header names the format and version" \
	"carve-scan-cache 2 $(cat "$CARVE_SRC/VERSION")" \
	"$(echo "$header" | cut -d' ' -f1-3)"
head -c 100 /dev/urandom >repo/.git/carve/scan.cache
expect_status "a damaged cache is not an error" 0 "$CARVE" scan -q -f json repo
check "a damaged cache changes nothing" cmp out truth.json
printf '%s\n%040d\t0\t0\tC\t\t\t99\t99\t0\t0\t0\t\tsrc/a.c\0' \
	"$header" 0 >repo/.git/carve/scan.cache
"$CARVE" scan -q -f json repo >out
check "an entry for another blob is not used" cmp out truth.json
# proof that a hit skips reading: a forged entry with the right blob id
# and flags is believed (99 code lines for a 2-line file)
printf '%s\n%s\t0\t0\tC\t\t\t99\t99\t0\t0\t0\t\tsrc/a.c\0' \
	"$header" "$(git -C repo rev-parse HEAD:src/a.c)" \
	>repo/.git/carve/scan.cache
"$CARVE" scan -q -f json repo >out
expect_eq "a matching cache entry is used instead of reading" "99" \
	"$(jq -r '.files[] | select(.path == "src/a.c") | .code' out)"
printf 'carve-scan-cache 0 0.0.0\n' >repo/.git/carve/scan.cache
"$CARVE" scan -q -f json repo >out
check "a cache of another version is not used" cmp out truth.json
# the same entry under another build's rules checksum is not used
printf '%s 1\n%s\t0\t0\tC\t\t\t99\t99\t0\t0\t0\t\tsrc/a.c\0' \
	"$(echo "$header" | cut -d' ' -f1-3)" \
	"$(git -C repo rev-parse HEAD:src/a.c)" >repo/.git/carve/scan.cache
"$CARVE" scan -q -f json repo >out
check "a cache of another build of the same version is not used" \
	cmp out truth.json

# --cache-dir puts it elsewhere, nothing new inside .git
rm -rf repo/.git/carve
"$CARVE" scan -q --cache-dir "$TEST_DIR/elsewhere" repo >/dev/null
check "--cache-dir is used" test -s elsewhere/scan.cache
check "and .git/carve is not created" test ! -e repo/.git/carve

# an unwritable cache directory is a warning, not a failure
if [ "$(id -u)" -ne 0 ]; then
	mkdir ro && chmod 500 ro
	expect_status "unwritable cache dir" 0 "$CARVE" scan --cache-dir "$TEST_DIR/ro" repo
	grep_q "the warning names the cache" "cannot write the cache" err
else
	# root can write anywhere: use a path under a regular file instead
	: >plainfile
	expect_status "cache dir that cannot exist" 0 "$CARVE" scan --cache-dir "$TEST_DIR/plainfile/sub" repo
	grep_q "the warning names the cache" "cache directory" err
fi

done_testing
