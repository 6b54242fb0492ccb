#!/bin/sh
# compile_commands.json is untrusted: its arguments go through an
# allow-list (issue 22, finding 1). Every spelling that made libclang
# write a file, read a response file or an outside header is left out
# and counted; the allowed -I and -D still work.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

cp -r "$CARVE_SRC/tests/fixtures/clang" repo
rm repo/README
make_repo repo
root=$(cd repo && pwd)
mkdir secret
echo 'int AKIAIOSFODNN7EXAMPLE = 1;' >secret/creds.h
printf '%s\n' '-DFROM_RSP=1' '-Wp,-MD,rsp.d' >secret/args.rsp
# a.c: every way to make libclang write a file, relative paths resolving
# from carve's working directory ($TEST_DIR); b.c: a response file
# outside the tree; c.c: -include of a file outside the tree; d.c: only
# allowed arguments (-I, -D, -std, -W) and the usual outputs.
cat >repo/compile_commands.json <<J
[
 { "directory": "$root", "file": "src/a.c",
   "arguments": ["cc", "-Iinclude", "-Wp,-MD,$TEST_DIR/wp.d",
     "-Xclang", "-dependency-file", "-Xclang", "xdep.d",
     "-Xclang", "-MT", "-Xclang", "PWNED",
     "-MJ", "$TEST_DIR/mj.json",
     "-Xclang", "-header-include-file", "-Xclang", "$TEST_DIR/hdr.txt",
     "-Xclang", "-dependency-dot", "-Xclang", "$TEST_DIR/dot.dot",
     "-Xclang", "-module-dependency-dir", "-Xclang", "$TEST_DIR/moddir",
     "-fplugin=$TEST_DIR/p.so", "-mllvm", "-load=$TEST_DIR/p.so",
     "-c", "src/a.c", "-o", "a.o"] },
 { "directory": "$TEST_DIR", "file": "$root/src/b.c",
   "command": "cc -I$root/include @secret/args.rsp -c $root/src/b.c" },
 { "directory": "$root", "file": "src/c.c",
   "arguments": ["cc", "-Iinclude", "-include", "$TEST_DIR/secret/creds.h",
     "-isystem", "$TEST_DIR/secret", "-c", "src/c.c"] },
 { "directory": "$root", "file": "src/d.c",
   "arguments": ["gcc", "-Iinclude", "-DX=1", "-std=c11", "-Wall",
     "-O2", "-g", "-MD", "-MF", "d.d", "-c", "src/d.c", "-o", "d.o"] }
]
J
git -C repo add -A && git -C repo commit -qm init

expect_status "scan with a hostile compile_commands.json" 0 \
	"$CARVE" scan -f json -o out.json repo
for f in wp.d xdep.d mj.json hdr.txt dot.dot moddir rsp.d d.d \
	repo/xdep.d repo/d.d repo/src/rsp.d; do
	expect_eq "libclang wrote no $f" "absent" \
		"$(test -e "$f" && echo present || echo absent)"
done
expect_eq "nothing was written in the work tree" "" \
	"$(git -C repo status --porcelain)"
expect_eq "the command naming a response file is left out" "1 3" \
	"$(jq -r '.clang | "\(.skipped.response_files) \(.units)"' out.json)"
# a.c: -Wp,..; ten -Xclang, each with its value; -MJ and its value;
# -fplugin=; -mllvm and its value: 1 + 20 + 2 + 1 + 2 = 26.
# c.c: -include and its path, -isystem and its path: 4. Total 30.
expect_eq "refused arguments are counted" "30" \
	"$(jq -r '.clang.arguments_refused' out.json)"
# a.c: -c src/a.c -o a.o (4); c.c: -c src/c.c (2); d.c: -O2 is allowed;
# -g -MD -MF d.d -c src/d.c -o d.o (8): 14.
expect_eq "build outputs are ignored and counted" "14" \
	"$(jq -r '.clang.arguments_ignored' out.json)"
expect_eq "nothing of the outside header reached the model" "0" \
	"$(grep -c AKIAIOSFODNN7EXAMPLE out.json)"
grep_q "the allow-list is stated with the counts" \
	"libclang arguments" out.json
expect_eq "allowed -I still resolves: a.c uses add and MAX of util.h" \
	"add,MAX" \
	"$(jq -r '.edges[] | select(.kind == "symbol" and .from == "src/a.c" and
		.to == "include/util.h") | [.symbols[].name] | join(",")' out.json)"
"$CARVE" scan -q repo >text.out 2>text.err
expect_eq "no trace of the secret in text output or stderr" "0" \
	"$(cat text.out text.err | grep -c AKIAIOSFODNN7EXAMPLE)"

# a compile_commands.json that is a symlink out of the repository is not
# the repository's: ignored with a warning (-p names one explicitly)
mkdir outside
mv repo/compile_commands.json outside/
ln -s ../outside/compile_commands.json repo/compile_commands.json
expect_status "a compilation database linked from outside" 0 \
	"$CARVE" scan -f json -o link.json repo
grep_q "it is ignored, and said so" "symbolic link out of the repository" err
expect_eq "no libclang pass from it" "null" "$(jq -c '.clang' link.json)"

echo "1..$test_count"
[ "$test_failed" -eq 0 ]
