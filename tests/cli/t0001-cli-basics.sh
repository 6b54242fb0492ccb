#!/bin/sh
# The command table: version, help, usage errors and their exit codes.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

expect_status "--version" 0 "$CARVE" --version
grep_q "--version prints the version from VERSION" \
	"^carve $(cat "$CARVE_SRC/VERSION")\$" out

expect_status "help" 0 "$CARVE" help
grep_q "help lists scan" "^  scan " out

expect_status "no command is a usage error" 129 "$CARVE"
grep_q "usage goes to stderr" "usage: carve" err

expect_status "unknown command" 129 "$CARVE" frobnicate
grep_q "unknown command is named" "'frobnicate' is not a carve command" err

expect_status "help for an unknown command" 129 "$CARVE" help frobnicate

expect_status "scan -h" 0 "$CARVE" scan -h
grep_q "scan -h prints the usage on stdout" "^usage: carve scan" out
expect_status "help scan is scan -h" 0 "$CARVE" help scan
grep_q "help scan prints the same usage" "^usage: carve scan" out

expect_status "unknown option" 129 "$CARVE" scan --no-such-option
expect_status "bad format" 129 "$CARVE" scan --format yaml
grep_q "bad format names the choices" "expected one of text,json,csv" err
expect_status "bad -j" 129 "$CARVE" scan -j 0
grep_q "bad -j says what it takes" "from 1 to 256" err
expect_status "bad size" 129 "$CARVE" scan --max-file-size 12X
expect_status "two paths" 129 "$CARVE" scan a b

# progress goes to stderr only, and only when asked or on a terminal
mkdir -p p && echo 'x = 1' >p/a.py
expect_status "--progress=always" 0 "$CARVE" scan --progress always p
grep_q "progress counts files on stderr" "scan: 1/1 files" err
grep_q "stdout still has the results" "^language" out
expect_status "progress is off when stderr is not a terminal" 0 "$CARVE" scan p
check "nothing on stderr" test ! -s err
expect_status "bad --progress" 129 "$CARVE" scan --progress sometimes p

done_testing
