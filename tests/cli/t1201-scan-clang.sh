#!/bin/sh
# carve scan --clang: symbol edges from libclang on tests/fixtures/clang
# (see its README), with a compile_commands.json written here with
# absolute paths, holding the bad entries a real database can have.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

cp -r "$CARVE_SRC/tests/fixtures/clang" repo
rm repo/README
make_repo repo
root=$(cd repo && pwd)
echo 'int outside;' >outside.c
# a.c: arguments with -o; b.c: a shell command with -MD -MF (libclang must
# not write b.d into the tree) run in src/; c.c: a relative "directory",
# taken from the database's own; tool.c: a generator, not a compiler;
# gone.c: missing; outside.c: outside the repository; crash.c crashes
# libclang; broken.c does not compile.
cat >repo/compile_commands.json <<J
[
 { "directory": "$root", "file": "src/a.c",
   "arguments": ["cc", "-Iinclude", "-c", "src/a.c", "-o", "a.o"] },
 { "directory": "$root/src", "file": "b.c",
   "command": "/usr/bin/gcc -I../include -MD -MF b.d -c b.c -o b.o" },
 { "directory": ".", "file": "src/c.c",
   "arguments": ["ccache", "cc", "-Iinclude", "-c", "src/c.c"] },
 { "directory": "$root", "file": "src/d.c",
   "arguments": ["x86_64-linux-gnu-gcc-12", "-c", "src/d.c"] },
 { "directory": "$root", "file": "src/broken.c",
   "arguments": ["cc", "-Iinclude", "-c", "src/broken.c"] },
 { "directory": "$root", "file": "src/crash.c",
   "arguments": ["cc", "-Iinclude", "-c", "src/crash.c"] },
 { "directory": "$root", "file": "src/tool.c",
   "arguments": ["python3", "gen.py", "src/tool.c"] },
 { "directory": "$root", "file": "src/gone.c",
   "arguments": ["cc", "-c", "src/gone.c"] },
 { "directory": "$TEST_DIR", "file": "$TEST_DIR/outside.c",
   "arguments": ["cc", "-c", "outside.c"] }
]
J
git -C repo add -A && git -C repo commit -qm init

# from, to and the symbols (name:kind) of every symbol edge
symbols() {
	jq -r '.edges[] | select(.kind == "symbol") |
		"\(.from) \(.to) \([.symbols[] | "\(.name):\(.kind)"] | join(","))"' "$1"
}

expect_status "scan with compile_commands.json (auto)" 0 \
	"$CARVE" scan -q -f json -o full.json repo
# By hand from the sources: bfun is declared in include/b.h and defined in
# src/b.c; counter too (a tentative definition); struct point and point_t
# live in include/types.h only, MAX and add in include/util.h only; d.h is
# paired with d.c beside it, so struct dstate goes to d.c with dget. MAX
# expands bfun(...) twice: a.c -> b.c weighs 2.
expect_eq "symbol edges: definitions across units, headers paired" \
"src/a.c include/types.h point:type,point_t:type
src/a.c include/util.h add:function,MAX:macro
src/a.c src/b.c bfun:function
src/b.c include/types.h point:type
src/c.c include/types.h point:type
src/c.c src/b.c bfun:function,counter:variable
src/c.c src/d.c dget:function,dstate:type" \
	"$(symbols full.json | grep -v '^src/broken.c')"
expect_eq "weights count references (add, MAX: 3; bfun twice: 2)" "3 2" \
	"$(jq -r '[.edges[] | select(.kind == "symbol" and .from == "src/a.c" and
		(.to == "src/b.c" or .to == "include/util.h")) | .weight] |
		join(" ")' full.json)"
expect_eq "each symbol has its USR" "c:@F@bfun" \
	"$(jq -r '.edges[] | select(.kind == "symbol" and .from == "src/a.c" and
		.to == "src/b.c") | .symbols[0].usr' full.json)"
expect_eq "units: 5 parsed of 6, crash.c crashed, the rest left out" \
	"6 5 0 1 1 1 1 1" \
	"$(jq -r '.clang | "\(.units) \(.parsed) \(.failed) \(.crashed) \(.skipped.missing) \(.skipped.outside) \(.skipped.not_compiler) \(.relative_directories)"' full.json)"
expect_eq "the crash is reported by name" "src/crash.c" \
	"$(jq -r '.clang.crashed_files | join(" ")' full.json)"
grep_q "broken.c's errors are counted and listed" \
	"'no_such_header.h' file not found" full.json
expect_eq "stddef.h and stdarg.h resolve (no such error)" "0" \
	"$(jq '[.clang.messages[].text | select(test("std(def|arg)"))] | length' full.json)"
expect_eq "nothing was written in the work tree (no b.d)" "" \
	"$(git -C repo status --porcelain)"

expect_status "text output" 0 "$CARVE" scan repo
grep_q "text: libclang summary" \
	'^libclang: 6 translation units (0 parsed, 5 cached, 0 failed, 1 crashed)' out
grep_q "text: the crashed unit" 'crashed libclang: src/crash.c' out
! grep -q "crash detected" err
ok $? "the crash is cached: libclang does not crash again on a rerun"

# second run: every parsed unit from the cache, the same edges
"$CARVE" scan -q -f json -o again.json repo
expect_eq "rerun: 5 units from the cache, none parsed" "5 0" \
	"$(jq -r '.clang | "\(.cached) \(.parsed)"' again.json)"
expect_eq "rerun: the same symbol edges" "$(symbols full.json)" \
	"$(symbols again.json)"
# util.h is read by a.c alone: only a.c is parsed again
echo '#define MIN(a, b) ((a) < (b) ? (a) : (b))' >>repo/include/util.h
git -C repo commit -qam 'util.h: MIN'
"$CARVE" scan -q -f json -o util.json repo
expect_eq "a changed header: only the units that read it are parsed" \
	"4 1" "$(jq -r '.clang | "\(.cached) \(.parsed)"' util.json)"

"$CARVE" scan -q -f json --no-pair-headers --no-cache -o nopair.json repo
expect_eq "--no-pair-headers: struct dstate stays on d.h" \
	"src/c.c src/d.c dget:function
src/c.c src/d.h dstate:type
src/d.c src/d.h dstate:type" \
	"$(symbols nopair.json | grep ' src/d\.')"

"$CARVE" scan -q -f json --clang=off -o off.json repo
expect_eq "--clang=off: no symbol edges, no clang object" "0 null" \
	"$(jq -r '"\([.edges[] | select(.kind == "symbol")] | length) \(.clang)"' off.json)"

# shards: each alone resolves what its units define; merged, the same
# edges as one scan
for k in 1 2 3; do
	"$CARVE" scan -q -f json --no-cache --shard $k/3 -o part$k.json repo
done
expect_eq "shard 1/3 parses every third unit (a.c, c.c)" "2 true" \
	"$(jq -r '.clang | "\(.units) \(.partial)"' part1.json)"
expect_status "merge the shards" 0 \
	"$CARVE" merge -o merged.json part1.json part2.json part3.json
expect_eq "merged shards: the edges of one scan" \
	"$(jq -c '[.edges[] | del(.flags)]' full.json)" \
	"$(jq -c '[.edges[] | del(.flags)]' merged.json)"
expect_status "merge with a shard missing" 0 \
	"$CARVE" merge -o two.json part1.json part3.json
grep_q "a missing shard is named" "shard 2/3 is missing" err
expect_eq "round trip: merge reads the symbols back" "$(symbols full.json)" \
	"$(symbols merged.json)"
expect_status "graph reads a model with symbol edges" 0 \
	"$CARVE" graph --level file -f json -o graph.json merged.json
expect_eq "graph: a.c -> b.c is a symbol edge" '["symbol"]' \
	"$(jq -c '.graph.edges[] | select(.from == "src/a.c" and .to == "src/b.c") | .kinds' graph.json)"

# -p: a directory without a database is an error
expect_status "-p names no compile_commands.json" 128 \
	"$CARVE" scan -q -p "$TEST_DIR/nowhere" repo
grep_q "the message names the directory" "nowhere" err

# without the database, --clang=on guesses: include/ from the #includes
git -C repo rm -q compile_commands.json
git -C repo commit -qm 'no compdb'
"$CARVE" scan -q -f json --no-cache -o auto.json repo
expect_eq "auto without a database: no clang" "null" \
	"$(jq -c .clang auto.json)"
expect_status "--clang=on guesses the commands" 0 \
	"$CARVE" scan -q -f json --no-cache --clang=on -o guess.json repo
expect_eq "guessed: include directory and units (tool.c too)" \
	"true include 7" \
	"$(jq -r '.clang | "\(.guessed) \(.guessed_include_dirs | join(",")) \(.units)"' guess.json)"
expect_eq "guessed: a.c -> b.c through bfun" "src/a.c src/b.c bfun:function" \
	"$(symbols guess.json | grep '^src/a.c src/b.c')"
grep_q "the assumptions say the commands were guessed" \
	'"name":	"libclang commands"' guess.json

# a broken resource directory is a bug, never a warning
CARVE_CLANG_RESOURCE_DIR=$TEST_DIR/none expect_status \
	"no builtin headers: fatal" 128 \
	"$CARVE" scan -q --no-cache --clang=on repo
grep_q "the message says what is missing" "stddef.h" err

# --clang=on where there is no C at all
mkdir py && echo 'import os' >py/a.py
make_repo py && git -C py add -A && git -C py commit -qm py
expect_status "--clang=on without C" 0 "$CARVE" scan --clang=on -o /dev/null py
grep_q "says there is nothing to parse" "nothing to parse" err
"$CARVE" scan -q -f json -o py.json py
expect_status "merge the models of two repositories" 0 \
	"$CARVE" merge -o two-repos.json full.json py.json
expect_eq "each repository under a directory named after its root" \
	"py/a.py repo/src/a.c" \
	"$(jq -r '[.files[].path | select(. == "repo/src/a.c" or
		. == "py/a.py")] | join(" ")' two-repos.json)"
expect_eq "their symbol edges follow" "repo/src/b.c bfun" \
	"$(jq -r '.edges[] | select(.kind == "symbol" and
		.from == "repo/src/a.c" and .to == "repo/src/b.c") |
		"\(.to) \(.symbols[0].name)"' two-repos.json)"
expect_status "--clang=bad is a usage error" 129 "$CARVE" scan --clang=bad py
expect_status "--shard 3/2 is a usage error" 129 "$CARVE" scan --shard 3/2 py

done_testing
