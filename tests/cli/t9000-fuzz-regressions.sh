#!/bin/sh
# The fuzz targets' seeds (scripts/fuzz-seeds: the corpora of
# fuzz/corpus/NAME/, the inputs that once crashed them in
# tests/fixtures/fuzz/NAME/, the route fixtures), replayed through the
# normal build's replay_NAME (fuzz/replay.c): under `make check-asan`
# every one of them runs under ASan+UBSan. A new target is one line in
# the Makefile's FUZZ_TARGETS; this test finds it by its replay binary.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

bindir=$(dirname "$CARVE")/fuzz
targets=$(sed -n 's/^FUZZ_TARGETS += //p' "$CARVE_SRC/Makefile")
expect_eq "seven fuzz targets or more" 1 \
	"$([ "$(echo "$targets" | wc -w)" -ge 7 ] && echo 1)"
for t in $targets; do
	"$CARVE_SRC/scripts/fuzz-seeds" "$t" "$TEST_DIR/seeds/$t"
	set -- "$TEST_DIR/seeds/$t"/*
	check "$t: every target has seeds" test -e "$1"
	check "$t: $# inputs replay without a crash" \
		env TMPDIR="$TEST_DIR" "$bindir/replay_$t" "$@"
done
done_testing
