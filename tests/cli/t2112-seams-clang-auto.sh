#!/bin/sh
# Without a compilation database, the commands that propose contexts
# (seams and those built on it) guess libclang's commands for a tree of
# at most 400 C/C++ sources (SYMDEPS_AUTO_GUESS_MAX), while carve scan
# keeps --clang=auto to a database; and a file nested too deep for
# libclang's recursive parser is left out instead of crashing carve.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

cp -r "$CARVE_SRC/samples/cprog" small
make_repo small >/dev/null
git -C small add -A && git -C small commit -qm small
sources=$(cd small && git ls-files '*.c' | wc -l)

expect_status "carve seams of a small C tree" 0 \
	"$CARVE" seams -q -f json -o seams.json small
expect_eq "seams parsed every C source with guessed commands" \
	"true $sources" "$(jq -r '"\(.clang.guessed) \(.clang.units)"' seams.json)"
expect_status "carve scan of the same tree" 0 \
	"$CARVE" scan -q -f json -o scan.json --cache-dir scan-cache small
expect_eq "carve scan guesses nothing without --clang" null \
	"$(jq -c .clang scan.json)"
expect_status "carve seams --no-history reads the same symbols" 0 \
	"$CARVE" seams -q --no-history -f json -o seams2.json small
expect_eq "the second run too" "$sources" "$(jq -r .clang.units seams2.json)"

# 401 sources: over the limit, no libclang unless asked
mkdir big
make_repo big >/dev/null
i=0
while [ $i -lt 401 ]; do
	printf 'int f%d(void) { return %d; }\n' $i $i >big/f$i.c
	i=$((i + 1))
done
git -C big add -A && git -C big commit -qm big
expect_status "carve seams of 401 C sources" 0 \
	"$CARVE" seams -q -f json -o big.json big
expect_eq "over 400 sources, no guessed commands" null \
	"$(jq -c .clang big.json)"

# nested 200,000 deep: libclang would overflow the stack
make_repo deep >/dev/null
printf 'int main(void) { return 0; }\n' >deep/main.c
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "{(["; print "" }' \
	</dev/null >deep/deep.c
git -C deep add -A && git -C deep commit -qm deep
expect_status "carve seams of a tree with a file nested 200,000 deep" 0 \
	"$CARVE" seams -f json -o deep.json deep
grep_q "the deep file is named and left out" \
	"libclang: 'deep.c' left out: brackets nested over 256 deep" err
expect_eq "the other source is parsed" 1 "$(jq -r .clang.units deep.json)"
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "("; print "" }' \
	</dev/null >deep/deep.h
printf '#include "deep.h"\n' >>deep/main.c
git -C deep add -A && git -C deep commit -qm header
expect_status "carve scan --clang=on with a header nested 200,000 deep" 0 \
	"$CARVE" scan --clang=on -f json -o deep2.json --cache-dir c2 deep
grep_q "libclang is not run, and the header is named" \
	"libclang: not run: 'deep.h' has brackets nested over 256 deep" err
done_testing
