#!/bin/sh
# carve scan: #include edges and external headers of C on small
# repositories; the expected edges are worked out by hand in the comments.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo repo
mkdir -p repo/include/app repo/src/util repo/src/core repo/src/win
# include/ is an include directory by its name; "types.h" is found
# beside api.h. <stdint.h> is nowhere in the repository: external.
cat >repo/include/app/api.h <<'C'
#ifndef APP_API_H
#define APP_API_H
#include <stdint.h>
#include "types.h"
#endif
C
echo 'typedef int app_id;' >repo/include/app/types.h
# a copy of a system header for another platform: without
# compile_commands.json, <stdint.h> is still the system's
echo 'typedef int int32_t;' >repo/include/stdint.h
# main.c: app/api.h through include/; util/log.h beside it; local.h
# beside it; win/compat.h only under #ifdef; missing.h nowhere; the
# include in the comment and in the string are not includes.
cat >repo/src/main.c <<'C'
#include "app/api.h"
#include "util/log.h"
#include "local.h"
#include <stdio.h>
#include <sys/types.h>
#include "missing.h"
#ifdef _WIN32
#include "win/compat.h"
#endif
/* #include "core/x.c" */
const char *s = "#include \"a.h\"";
C
echo 'int local;' >repo/src/local.h
echo 'int compat;' >repo/src/win/compat.h
# log.h includes itself: no edge. log.c names it twice, once through
# src/, the directory that makes "util/log.h" resolve (core/x.c too).
printf '#pragma once\n#include "log.h"\n' >repo/src/util/log.h
printf '#include "log.h"\n#include "util/log.h"\n' >repo/src/util/log.c
printf '#include "util/log.h"\n' >repo/src/core/x.c
# an include cycle
printf '#include "b.h"\n' >repo/src/a.h
printf '#include "a.h"\n' >repo/src/b.h
git -C repo add -A && git -C repo commit -qm init

expect_status "scan a C repository" 0 "$CARVE" scan -q -f json repo
cp out scan.json
edges() {
	jq -r '.edges[] | select(.kind == "include") |
		"\(.from) \(.to) \(.weight)\(if .flags then " " +
		(.flags | join(",")) else "" end)"' "$1"
}
edges scan.json >got
cat >want <<'E'
include/app/api.h include/app/types.h 1
src/a.h src/b.h 1
src/b.h src/a.h 1
src/core/x.c src/util/log.h 1
src/main.c include/app/api.h 1
src/main.c src/local.h 1
src/main.c src/util/log.h 1
src/main.c src/win/compat.h 1 conditional
src/util/log.c src/util/log.h 2
E
expect_eq "include edges" "$(cat want)" "$(sort got)"
expect_eq "external headers by first path component" \
	"stdint.h:1 stdio.h:1 sys:1" \
	"$(jq -r '[.externals[] | "\(.name):\(.refs)"] | sort | join(" ")' \
		scan.json)"
expect_eq "missing.h is the one unresolved include" "1" \
	"$(jq .totals.unresolved scan.json)"

# compile_commands.json decides: <kv.h> is in hdrs/ (-I) and in decoy/;
# -iquote q serves "qq.h" but not <qq.h>. n.c's flags come from a
# shell command line with a quoted directory.
make_repo cc
mkdir -p cc/src cc/hdrs cc/decoy cc/q
echo 'int kv;' >cc/hdrs/kv.h
echo 'int decoy;' >cc/decoy/kv.h
echo 'int qq;' >cc/q/qq.h
printf '#include <kv.h>\n#include "qq.h"\n#include <qq.h>\n' >cc/src/m.c
printf '#include "kv.h"\n' >cc/src/n.c
root=$(cd cc && pwd)
cat >cc/compile_commands.json <<J
[
 { "directory": "$root",
   "arguments": ["cc", "-Ihdrs", "-iquote", "q", "-c", "src/m.c"],
   "file": "src/m.c" },
 { "directory": "$root/src",
   "command": "cc -I '../hdrs' -c n.c",
   "file": "n.c" }
]
J
git -C cc add -A && git -C cc commit -qm init
"$CARVE" scan -q -f json cc >cc.json
edges cc.json >got
expect_eq "include directories from compile_commands.json" \
	"src/m.c hdrs/kv.h 1 angle
src/m.c q/qq.h 1
src/n.c hdrs/kv.h 1" "$(sort got)"
expect_eq "<qq.h> is not searched in -iquote directories" "qq.h" \
	"$(jq -r '[.externals[].name] | join(" ")' cc.json)"

# without it, <kv.h> could be either file: no guess, an external;
# "qq.h" makes q/ an include directory, so <qq.h> is found there
rm cc/compile_commands.json
"$CARVE" scan -q -f json --no-cache cc >guess.json
expect_eq "an ambiguous header is not guessed" "kv.h" \
	"$(jq -r '[.externals[].name] | sort | join(" ")' guess.json)"

# a broken compile_commands.json is reported, and the scan goes on
echo '{ not json' >cc/compile_commands.json
expect_status "scan with a malformed compile_commands.json" 0 \
	"$CARVE" scan -f json --no-cache cc
grep_q "the malformed file is named" "compile_commands.json" err

done_testing
