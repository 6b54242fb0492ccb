#!/bin/sh
# carve scan on hostile and broken input: clear errors for what cannot be
# scanned, warnings for files that go away, and a scanned tree left as it was.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

expect_status "missing path" 128 "$CARVE" scan -q does-not-exist
grep_q "missing path is named" "cannot scan 'does-not-exist'" err
: >afile
expect_status "a file is not a directory" 128 "$CARVE" scan -q afile
grep_q "says it is not a directory" "not a directory" err

git init -q --bare bare.git
expect_status "bare repository" 128 "$CARVE" scan -q bare.git
grep_q "bare repository is explained" "bare repository" err

make_repo empty
expect_status "empty repository" 0 "$CARVE" scan -q -f json empty
expect_eq "empty repository has no files and no HEAD" "0 null" \
	"$(jq -r '"\(.totals.files) \(.repo.head)"' out)"

# outside git: a symlink loop, a FIFO and a NUL-laden source file
mkdir -p walk/d
ln -s ../d walk/d/loop
ln -s self walk/self
mkfifo walk/pipe
printf 'int x;\000\000\001' >walk/d/nul.c
printf 'int y;\n' >walk/d/ok.c
expect_status "symlink loops and FIFOs do not hang the walk" 0 \
	within 20 "$CARVE" scan -q -f json walk
expect_eq "loop is listed as a symlink" "symlink" \
	"$(jq -r '.files[] | select(.path == "d/loop") | .status' out)"
expect_eq "FIFO is listed as special, never opened" "special" \
	"$(jq -r '.files[] | select(.path == "pipe") | .status' out)"
expect_eq "NUL bytes make a file binary" "binary" \
	"$(jq -r '.files[] | select(.path == "d/nul.c") | .status' out)"

# invalid UTF-8 and control characters in file names: JSON stays valid
mkdir names
printf 'x = 1\n' >"names/$(printf 'bad\377name.py')"
printf 'x = 1\n' >"names/$(printf 'new\nline.py')"
printf 'x = 1\n' >'names/<script>.py'
expect_status "odd file names" 0 "$CARVE" scan -q -f json names
check "JSON with odd file names parses" jq -e . out
expect_eq "invalid UTF-8 becomes U+FFFD" "bad�name.py" \
	"$(jq -r '.files[].path | select(startswith("bad"))' out)"
expect_eq "a newline in a name is escaped, not raw" "1" \
	"$(grep -c 'new\\nline.py' out)"
"$CARVE" scan -q -f csv names >names.csv
check "CSV with odd file names is valid UTF-8" iconv -f UTF-8 -t UTF-8 names.csv

# files over --max-file-size are listed and not read
mkdir big
head -c 3000000 /dev/zero | tr '\0' 'a' >big/huge.txt
printf 'x = 1\n' >big/small.py
expect_status "--max-file-size" 0 "$CARVE" scan -q -f json --max-file-size 1M big
expect_eq "the big file is too-big" "too-big" \
	"$(jq -r '.files[] | select(.path == "huge.txt") | .status' out)"
# a 10 MiB single line (over the default limit it would be too-big; here
# the limit is raised to read it)
head -c 10485760 /dev/zero | tr '\0' 'x' >big/line.py
expect_status "a 10 MiB line" 0 "$CARVE" scan -q -f json --max-file-size 64M big
expect_eq "the long line is one line" "1" \
	"$(jq -r '.files[] | select(.path == "line.py") | .lines' out)"

# a 1 GiB (sparse) file is listed by its size and never read
truncate -s 1G big/sparse.c
expect_status "a 1 GiB file" 0 within 20 "$CARVE" scan -q -f json big
expect_eq "it is too-big, with its size" "too-big 1073741824" \
	"$(jq -r '.files[] | select(.path == "sparse.c") | "\(.status) \(.size)"' out)"
rm big/sparse.c

# a tracked file deleted from the work tree: warning, counted as unreadable
make_repo gone
echo 'a = 1' >gone/a.py
echo 'b = 1' >gone/b.py
git -C gone add -A && git -C gone commit -qm init
rm gone/b.py
expect_status "a vanished file is not fatal" 0 "$CARVE" scan -f json gone
grep_q "the vanished file is named" "cannot read 'b.py'" err
expect_eq "it is listed as unreadable" "unreadable" \
	"$(jq -r '.files[] | select(.path == "b.py") | .status' out)"

# malformed carve.json: file, line and column; nothing written
make_repo cfg
echo 'a = 1' >cfg/a.py
printf '{\n  "exclude": ["x"\n  "modules": {}\n}\n' >cfg/carve.json
expect_status "malformed carve.json" 128 "$CARVE" scan -q -o result.json cfg
grep_q "error names file, line and column" "carve.json' at line 3, column 3" err
check "no output file is left behind" test ! -e result.json
printf '{ "exclude": "x" }' >cfg/carve.json
expect_status "wrong type in carve.json" 128 "$CARVE" scan -q cfg
grep_q "the key is named" "carve.json: 'exclude': expected an array of glob strings, got \"x\"" err
expect_status "missing -c file" 128 "$CARVE" scan -q -c nope.json cfg
grep_q "missing config is named" "cannot read 'nope.json'" err

# unwritable output: error, and the old file survives
rm cfg/carve.json
echo old >keep.json
expect_status "unwritable output directory" 128 \
	"$CARVE" scan -q -o /nonexistent/dir/x.json cfg
grep_q "output path is named" "cannot write '/nonexistent/dir/x.json'" err
if [ -w /dev/full ]; then
	expect_status "full disk on stdout" 128 sh -c "'$CARVE' scan -q cfg >/dev/full"
	grep_q "full disk is reported" "cannot write" err
fi

# the scanned tree is never modified
make_repo still
echo 'a = 1' >still/a.py
git -C still add -A && git -C still commit -qm init
# git status refreshes (rewrites) a racy index: settle it first, then
# look with --no-optional-locks so that looking changes nothing
git -C still status >/dev/null
sleep 1
snapshot() {
	(cd still && stat -c '%n %Y %s' .git/index a.py &&
		git --no-optional-locks status --porcelain &&
		find . -path ./.git -prune -o -print | sort &&
		git rev-parse HEAD)
}
before=$(snapshot)
"$CARVE" scan -q still >/dev/null
"$CARVE" scan -q -f json --untracked still >/dev/null
after=$(snapshot)
expect_eq "the scanned tree, index and status are unchanged" "$before" "$after"

done_testing
