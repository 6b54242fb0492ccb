#!/bin/sh
# Files libclang opens are confined (issue 22, findings 2 and 3): inside
# the repository (regular files the scan lists) or the system and
# compiler include directories. A symlink leading out, an absolute
# #include, a device or a FIFO is "file not found", never read; with -q
# nothing of libclang (its crash report) reaches stderr.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

cp -r "$CARVE_SRC/tests/fixtures/clang" repo
rm repo/README
make_repo repo
root=$(cd repo && pwd)
mkdir secret
echo 'int x = AKIAIOSFODNN7EXAMPLE;' >secret/credentials
ln -s ../../secret/credentials repo/src/config.h
ln -s /dev/urandom repo/src/random.h
mkfifo repo/src/pipe.h
printf '#include "config.h"\nint leak1;\n' >repo/src/l1.c
printf '#include "%s/secret/credentials"\nint leak2;\n' "$TEST_DIR" >repo/src/l2.c
printf '#include "/dev/zero"\nint dev1;\n' >repo/src/l3.c
printf '#include "random.h"\n#include "pipe.h"\nint dev2;\n' >repo/src/l4.c
printf '#include "../../secret/credentials"\nint leak3;\n' >repo/src/l5.c
args='"-Iinclude", "-c"'
{
	echo '['
	for f in l1 l2 l3 l4 l5 a b crash; do
		echo " { \"directory\": \"$root\", \"file\": \"src/$f.c\","
		echo "   \"arguments\": [\"cc\", $args, \"src/$f.c\"] },"
	done
	echo " { \"directory\": \"$root\", \"file\": \"src/c.c\","
	echo "   \"arguments\": [\"cc\", $args, \"src/c.c\"] }"
	echo ']'
} >repo/compile_commands.json
git -C repo add -A 2>/dev/null
git -C repo commit -qm init

# before: the device reads grew to about 2 GB within a minute
expect_status "scan ends, devices unread" 0 \
	within 60 "$CARVE" scan -q -f json -o out.json repo
expect_eq "-q: nothing on stderr, not even libclang's crash report" "" \
	"$(cat err)"
expect_eq "crash.c did crash (so the report was there to hide)" \
	"src/crash.c" "$(jq -r '.clang.crashed_files | join(" ")' out.json)"
expect_eq "nothing of the outside file in the model" "0" \
	"$(grep -c AKIAIOSFODNN7EXAMPLE out.json)"
for inc in config.h "$TEST_DIR/secret/credentials" /dev/zero random.h \
	pipe.h ../../secret/credentials; do
	expect_eq "'$inc' is 'file not found'" "1" \
		"$(jq --arg m "'$inc' file not found" '[.clang.messages[] |
			select(.text == $m)] | length' out.json)"
done
expect_eq "repository headers still resolve: a.c uses util.h's add, MAX" \
	"add,MAX" \
	"$(jq -r '.edges[] | select(.kind == "symbol" and .from == "src/a.c" and
		.to == "include/util.h") | [.symbols[].name] | join(",")' out.json)"
"$CARVE" scan --clang=on --no-cache repo >text.out 2>text.err
expect_eq "no trace in text output or messages (guessed commands too)" "0" \
	"$(cat text.out text.err | grep -c AKIAIOSFODNN7EXAMPLE)"
expect_eq "the FIFO is still there, unread and unblocked" "fifo" \
	"$(test -p repo/src/pipe.h && echo fifo)"

echo "1..$test_count"
[ "$test_failed" -eq 0 ]
