#!/bin/sh
# carve scan pairs a C/C++ header with its implementation file anywhere
# in the tree when both stems are unique (include/kv/x.h with src/x.c):
# the model's file "pair", read back from a model, and carve seams keeps
# the two in one context. Ambiguous stems pair with nothing; pairs add
# no edge. Expected pairs are worked out by hand.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo repo
mkdir -p repo/include/kv repo/include/a repo/include/b repo/src \
	repo/tools repo/lib repo/other
# unique: kv/store.h and src/store.c; lib/codec.hpp and src/codec.cpp
printf 'int store_get(int);\n' >repo/include/kv/store.h
printf '#include "kv/store.h"\nint store_get(int k) { return k; }\n' \
	>repo/src/store.c
printf 'int codec(int);\n' >repo/lib/codec.hpp
printf '#include "codec.hpp"\nint codec(int x) { return x; }\n' \
	>repo/src/codec.cpp
# two headers named util.h: no pair
printf 'int util_a(void);\n' >repo/include/a/util.h
printf 'int util_b(void);\n' >repo/include/b/util.h
printf 'int util_a(void) { return 0; }\n' >repo/src/util.c
# two sources named main.c: no pair
printf 'void run(void);\n' >repo/include/main.h
printf 'int main(void) { return 0; }\n' >repo/src/main.c
printf 'int main(void) { return 1; }\n' >repo/tools/main.c
# beside its source: paired as before
printf 'int near(void);\n' >repo/other/near.h
printf '#include "near.h"\nint near(void) { return 0; }\n' \
	>repo/other/near.c
# store.h's neighbours are the other kv headers, store.c's the other
# sources: only the pair keeps the two together
for h in api types errors; do
	printf '#include "kv/store.h"\n#include "kv/types.h"\nint %s;\n' \
		$h >repo/include/kv/$h.h
done
for c in engine cache index; do
	printf '#include "engine.h"\nint %s_x;\n' $c >repo/src/$c.c
	printf 'int %s_y;\n' $c >repo/src/$c.h
done
printf '#include "cache.h"\n#include "index.h"\nint s;\n' >>repo/src/store.c
git -C repo add -A && git -C repo commit -qm init

expect_status "scan" 0 "$CARVE" scan -q --no-cache -f json repo
cp out scan.json
expect_eq "pairs: unique stems only, across directories" \
"include/kv/store.h src/store.c
lib/codec.hpp src/codec.cpp
other/near.h other/near.c
src/cache.h src/cache.c
src/engine.h src/engine.c
src/index.h src/index.c" \
	"$(jq -r '.files[] | select(.pair) | "\(.path) \(.pair)"' scan.json |
		LC_ALL=C sort)"
expect_status "the same without dependencies" 0 \
	"$CARVE" scan -q --no-cache --no-deps -f json repo
expect_eq "pairs need no dependency statements" 6 \
	"$(jq '[.files[] | select(.pair)] | length' out)"
# codec.hpp is the only file of that spelling: the resolver's guess
expect_eq "pairs add no edge" \
"include/kv/api.h include/kv/store.h include
include/kv/api.h include/kv/types.h include
include/kv/errors.h include/kv/store.h include
include/kv/errors.h include/kv/types.h include
include/kv/types.h include/kv/store.h include
other/near.c other/near.h include
src/cache.c src/engine.h include
src/codec.cpp lib/codec.hpp include
src/engine.c src/engine.h include
src/index.c src/engine.h include
src/store.c include/kv/store.h include
src/store.c src/cache.h include
src/store.c src/index.h include" \
	"$(jq -r '.edges[] | "\(.from) \(.to) \(.kind)"' scan.json |
		LC_ALL=C sort)"

expect_status "seams of the model" 0 \
	"$CARVE" seams -q --no-history -f json scan.json
ctx() {
	jq -r --arg f "$1" '[.contexts[] | select(.files | index($f)) |
		.name][0]' out
}
expect_eq "every file is in a context" 21 \
	"$(jq '[.contexts[].files[]] | length' out)"
expect_eq "a header lands in its source's context" \
	"$(ctx src/store.c)" "$(ctx include/kv/store.h)"
expect_eq "a C++ header too" "$(ctx src/codec.cpp)" "$(ctx lib/codec.hpp)"

done_testing
