#!/bin/sh
# libclang names a C function by its spelling, so two definitions of one
# name (a shell's app/xmalloc.c and its line-editing library's
# lib/rl/xmalloc.c) are one symbol, and the symbol index gives every user
# the same one. The model (tests/fixtures/seams-symbol-clash.json,
# written by hand) has eight shell files that include app/xmalloc.h and
# "use" lib/rl/xmalloc.c. Counted as links, those eight outweighed the
# one #include that ties lib/rl/xmalloc.h to lib/rl/rl.c, and the
# library's xmalloc joined the shell (with --no-folders, dependencies
# only). Symbol edges are not links (the #includes are): lib/rl/xmalloc.c
# stays with the library that includes it.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

model="$CARVE_SRC/tests/fixtures/seams-symbol-clash.json"
ctx_of() {
	jq -r --arg f "$1" '.contexts[] |
		select([.files[] |
		if type == "string" then . else .path end] | index($f)) | .name' out
}
expect_status "seams of the model, dependencies only" 0 \
	"$CARVE" seams --no-folders --no-history -f json "$model"
expect_eq "lib/rl/xmalloc.c beside lib/rl/rl.c" "$(ctx_of lib/rl/rl.c)" \
	"$(ctx_of lib/rl/xmalloc.c)"
expect_eq "app/xmalloc.c beside app/main.c" "$(ctx_of app/main.c)" \
	"$(ctx_of app/xmalloc.c)"
check "the two xmalloc.c in two contexts" \
	test "$(ctx_of lib/rl/xmalloc.c)" != "$(ctx_of app/xmalloc.c)"
expect_status "seams of the model, with folders" 0 \
	"$CARVE" seams -f json "$model"
expect_eq "lib/rl/xmalloc.c beside lib/rl/rl.c with folders too" \
	"$(ctx_of lib/rl/rl.c)" "$(ctx_of lib/rl/xmalloc.c)"

done_testing
