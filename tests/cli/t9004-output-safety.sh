#!/bin/sh
# Output safety: escaping in CSV (formulas neutralised), SVG, DOT and
# JSON (invalid UTF-8 replaced by U+FFFD); outputs only where the user
# said; atomic writes that a killed run cannot tear; devices and FIFOs
# written in place, never replaced; `carve ... | head` quiet; a full disk
# an error with exit 128 for every command and format.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1
. "$CARVE_SRC/tests/cli/lib-hostile.sh"

make_repo r
printf 'int main(void) { return 0; }\n' >r/main.c
for name in "=cmd|' -C calc'!A0.c" '<script>x<\script>.c' 'q"uo.c' \
	"$(printf 'bad\377.c')"; do
	printf '#include "main.c"\n' >"r/$name"
done
git -C r add -A && git -C r commit -qm files
# enough files for outputs far larger than a pipe's buffer (64 KiB)
make_repo big
python3 - <<'PY'
import os
for d in range(30):
    os.makedirs('big/m%02d' % d)
    for f in range(100):
        with open('big/m%02d/f%03d.py' % (d, f), 'w') as fh:
            fh.write('import m%02d.f%03d\nx = 1\n' % ((d + 1) % 30, f))
PY
git -C big add -A && git -C big commit -qm files

# escaping, checked with independent parsers
"$CARVE" scan -q -f csv -o s.csv r
expect_eq "CSV: a formula-like name is quoted and prefixed with an apostrophe" \
	"'=cmd|' -C calc'!A0.c" \
	"$(python3 -c 'import csv; print([r[0] for r in csv.reader(open("s.csv", newline="")) if "calc" in r[0]][0])')"
"$CARVE" graph -q -f svg --level file -o g.svg r
check "SVG parses (xmllint)" xmllint --noout --nonet g.svg
expect_eq "SVG: <script> only escaped" "0" "$(grep -c '<script' g.svg)"
grep_q "SVG: the name is there, escaped" '&lt;script&gt;x&lt;\\script&gt;.c' g.svg
"$CARVE" graph -q -f dot --level file -o g.dot r
grep_q "DOT: a quote in a name is escaped" '"q\\"uo.c"' g.dot
"$CARVE" scan -q -f json -o s.json r
expect_eq "JSON: an invalid byte becomes U+FFFD" "bad$(printf '\357\277\275').c" \
	"$(jq -r '.files[].path | select(startswith("bad"))' s.json)"

# only the named output is written: no temporary file left beside it
mkdir outdir
"$CARVE" scan -q -f json -o outdir/model.json r
expect_eq "-o writes exactly the file named" "model.json" "$(ls -A outdir)"
expect_status "-o into a missing directory" 128 "$CARVE" scan -q -o nodir/x.json r
check "nothing is created" test ! -e nodir
expect_status "-o naming a directory" 128 "$CARVE" scan -q -o outdir r
grep_q "the directory is named" "cannot write 'outdir': Is a directory" err

# a symlink: its file is replaced, the link kept
echo old >target
ln -s target link
"$CARVE" scan -q -f csv -o link r
check "-o SYMLINK keeps the link" test -L link
grep_q "-o SYMLINK writes the file it points to" '^path,language' target

# a FIFO is written in place (a temporary file renamed over it would
# replace it), and the reader gets everything
mkfifo fifo
timeout 30 cat fifo >from-fifo &
reader=$!
expect_status "-o FIFO" 0 within 20 "$CARVE" scan -q -f csv -o fifo r
[ -s from-fifo ] || : >fifo # a failed run: release the reader
wait $reader
check "the FIFO is still a FIFO" test -p fifo
check "the reader got the whole CSV" cmp s.csv from-fifo
# devices: never replaced by a regular file (as root a rename would)
if [ -c /dev/null ]; then
	expect_status "-o /dev/null" 0 "$CARVE" scan -q -o /dev/null r
	check "/dev/null is still a character device" test -c /dev/null
fi

# atomic: a run killed at any moment leaves the old file or a whole new
# one (SIGKILL cannot be caught: its temporary .atomic.json.carve-XXXXXX
# may stay behind, beside the output)
for delay in 0.05 0.1 0.2 0.3 0.5; do
	echo old >atomic.json
	"$CARVE" scan -q -j1 --no-cache -f json -o atomic.json big &
	pid=$!
	sleep $delay
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	if [ "$(cat atomic.json)" = old ] || jq -e .files atomic.json >/dev/null 2>&1; then
		ok 0 "killed after ${delay}s: the old file or a whole new one"
	else
		ok 1 "killed after ${delay}s: the old file or a whole new one"
	fi
done
# SIGTERM: the temporary file is removed too
echo old >term.json
"$CARVE" scan -q -j1 --no-cache -f json -o term.json big &
pid=$!
sleep 0.1
kill -TERM $pid 2>/dev/null
wait $pid
expect_eq "SIGTERM: no temporary file left" "" \
	"$(ls -A | grep '^\.term\.json\.carve-' || true)"

# carve ... | head: killed by SIGPIPE quietly (status 141), also when
# SIGPIPE is ignored (carve restores it and dies of it)
"$CARVE" scan -f csv big 2>pipe.err | head -1 >/dev/null
expect_eq "| head: no message" "" "$(cat pipe.err)"
( trap '' PIPE; "$CARVE" scan -f csv big 2>pipe.err; echo $? >pipe.rc ) | head -1 >/dev/null
expect_eq "| head with SIGPIPE ignored: status 141, no message" "141 " \
	"$(cat pipe.rc) $(cat pipe.err)"

# a full disk: every command and format fails with exit 128 and one message
ln -s /dev/full full
while read -r cmd fmt opts; do
	# shellcheck disable=SC2086
	opts="$opts $(hostile_opts "$cmd")"
	"$CARVE" "$cmd" -q -f "$fmt" $opts r >/dev/full 2>err
	expect_eq "stdout on a full disk: carve $cmd -f $fmt $opts" \
		"128 1" "$? $(grep -c 'No space left on device' err)"
	"$CARVE" "$cmd" -q -f "$fmt" $opts -o full r 2>err
	expect_eq "-o on a full disk: carve $cmd -f $fmt $opts" \
		"128 1" "$? $(grep -c "No space left on device" err)"
done <<EOF_RUNS
$HOSTILE_RUNS
EOF_RUNS
check "the link to /dev/full is still a link" test -L full
check "/dev/full is still a character device" test -c /dev/full
done_testing
