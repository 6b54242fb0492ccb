#!/bin/sh
# Hostile content and names in a repository, through every command and
# format of HOSTILE_RUNS (lib-hostile.sh): binary files with source
# extensions, a 1 GiB sparse file, a 50 MiB single line, brackets nested
# 200,000 deep, symlink loops and symlinks to devices, a FIFO, a
# directory tree 10,000 levels deep, and file names with newlines,
# quotes, <script>, =cmd| and invalid UTF-8. Each run must exit 0, and
# its output must parse (jq, xmllint, Python's csv) and hold no control
# characters and no spreadsheet formula.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1
. "$CARVE_SRC/tests/cli/lib-hostile.sh"

make_repo r
mkdir r/src
printf 'int main(void) { return 0; }\n' >r/src/main.c
printf '#include "main.c"\n' >r/src/user.c
# hostile names, each including main.c so they appear in every graph
for name in "$(printf 'new\nline.c')" 'q"uo'"'"'te.c' '<script>alert(1)<\script>.c' \
	"=cmd|' -C calc'!A0.c" "+SUM(A1).c" "@x.c" "-rf.c" \
	"$(printf 'bad\377utf8.c')" "$(printf 'esc\033[31mred.c')" \
	'back\N\G.c' 'x-->.c' 'cd]]>&amp;.c'; do
	printf '#include "main.c"\n' >"r/src/$name"
done
mkdir "r/$(printf 'dir\nwith\033newline')"
printf 'x = 1\n' >"r/$(printf 'dir\nwith\033newline')/m.py"
# a binary file with a source extension: every byte value
awk 'BEGIN { for (i = 0; i < 256; i++) printf "%c", i }' </dev/null >r/src/bin.c
# brackets nested 200,000 deep, in three lexers
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "{(["; print "" }' \
	</dev/null >r/src/deep.c
sed 's/{//g' r/src/deep.c >r/deep.py
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "`${"; print "" }' \
	</dev/null >r/deep.js
# a 50 MiB single line (over the default --max-file-size of 16 MiB)
head -c 52428800 /dev/zero | tr '\0' 'x' >r/line.js
# symlinks: a loop, to itself, to devices, out of the tree
ln -s loop2 r/loop1
ln -s loop1 r/loop2
ln -s /dev/zero r/zero.c
ln -s /dev/urandom r/random.py
ln -s /etc/passwd r/passwd.c
ln -s .. r/up
git -C r add -A && git -C r commit -qm hostile
empty=$(git -C r hash-object -w /dev/null)
# a 1 GiB sparse file the index says is empty: git never reads it
truncate -s 1G r/sparse.c
git -C r update-index --add --cacheinfo \
	100644,$empty,sparse.c
# (git commit would refresh the index, reading the 1 GiB)
git -C r update-ref HEAD "$(git -C r commit-tree -p HEAD -m sparse \
	"$(git -C r write-tree)")"

every_run "hostile tree" r

expect_status "carve scan" 0 within 20 "$CARVE" scan -q -f json -o s.json r
q() { jq -r --arg p "$1" '.files[] | select(.path == $p) | .'"$2" s.json; }
expect_eq "a binary file named .c is binary" binary "$(q src/bin.c status)"
expect_eq "the 1 GiB file is too-big, with its size, never read" \
	"too-big 1073741824" "$(q sparse.c status) $(q sparse.c size)"
expect_eq "the 50 MiB line is too-big by default" too-big "$(q line.js status)"
expect_eq "a symlink to a device is a symlink" symlink "$(q zero.c status)"
expect_eq "a symlink loop is a symlink" symlink "$(q loop1 status)"
expect_eq "brackets 200,000 deep: one line of code" "counted 1" \
	"$(q src/deep.c status) $(q src/deep.c code)"
expect_eq "a newline in a name stays one path" 1 \
	"$(jq '[.files[] | select(.path == "src/new\nline.c")] | length' s.json)"
expect_eq "every hostile name includes main.c" 12 \
	"$(jq '[.edges[] | select(.to == "src/main.c")] | length - 1' s.json)"

# untracked: a FIFO and a 1 GiB sparse file (scan --untracked)
make_repo u
printf 'int u;\n' >u/u.c
git -C u add u.c && git -C u commit -qm u
mkfifo u/pipe.c
truncate -s 1G u/sparse.c
expect_status "scan --untracked with a FIFO and 1 GiB does not hang" 0 \
	within 20 "$CARVE" scan -q -f json --untracked -o u.json u
# libgit2's status lists no FIFO; were one listed, it would be special
expect_eq "the FIFO is never counted, the sparse file too big" \
	"too-big" "$(jq -r '[.files[] | select(.path != "u.c") | .status] |
		map(select(. != "special")) | join(" ")' u.json)"

expect_status "the 50 MiB line with --max-file-size 64M" 0 \
	within 30 "$CARVE" scan -q -f json --max-file-size 64M -o s64.json r
expect_eq "it is read, and excluded as minified" \
	"excluded minified: long lines" \
	"$(jq -r '.files[] | select(.path == "line.js") | "\(.status) \(.reason)"' s64.json)"

# outside git: a directory tree 10,000 levels deep (paths of 20,000
# bytes, over PATH_MAX), a FIFO and symlinks to devices
mkdir walk
python3 - <<'PY'
import os
fd = os.open('walk', os.O_RDONLY)
for i in range(10000):
    os.mkdir('d', dir_fd=fd)
    sub = os.open('d', os.O_RDONLY, dir_fd=fd)
    os.close(fd)
    fd = sub
leaf = os.open('leaf.c', os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
os.write(leaf, b'int leaf;\n')
PY
printf 'int top;\n' >walk/top.c
mkfifo walk/fifo.c
ln -s /dev/zero walk/zero.c
for cmd in scan graph seams; do
	expect_status "10,000-level tree: carve $cmd" 0 \
		within 30 "$CARVE" "$cmd" -f json -o w.json walk
	check "10,000-level tree: carve $cmd writes valid JSON" jq -e . w.json
done
expect_eq "the deepest file is listed as unreadable, with the reason" \
	"unreadable File name too long" \
	"$(jq -r '.files[] | select(.path | length > 4096) | "\(.status) \(.reason)"' w.json 2>/dev/null ||
	"$CARVE" scan -q -f json walk | jq -r '.files[] | select(.path | length > 4096) | "\(.status) \(.reason)"')"
"$CARVE" scan -q -f json -o w.json walk
expect_eq "the FIFO and the device symlink are never opened" "special symlink" \
	"$(jq -r '[.files[] | select(.path == "fifo.c" or .path == "zero.c") | .status] | join(" ")' w.json)"
done_testing
