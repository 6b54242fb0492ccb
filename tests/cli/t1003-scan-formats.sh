#!/bin/sh
# Output formats: RFC 4180 CSV that spreadsheets cannot run, atomic -o,
# byte-identical output for the same input, and options that shape output.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo repo
mkdir -p repo/a/b/c repo/x
echo 'v = 1' >'repo/a/b/c/with,comma.py'
echo 'v = 2' >'repo/a/b/c/with"quote.py'
echo 'v = 3' >'repo/x/=cmd.py'
printf 'package com.acme.orders;\nclass A {}\n' >repo/x/A.java
git -C repo add -A && git -C repo commit -qm init

expect_status "csv" 0 "$CARVE" scan -q -f csv repo
head -1 out >header
expect_eq "csv header" "path,language,module,status,reason,size,blob,code,comment,blank,complexity" \
	"$(tr -d '\r' <header)"
check "records end in CRLF" sh -c "head -1 out | od -c | grep -q '\\\\r  *\\\\n'"
grep_q "a comma in a path is quoted" '^"a/b/c/with,comma.py",Python' out
grep_q "a quote in a path is doubled" '^"a/b/c/with""quote.py",Python' out
# the path begins with 'x/', so only the module/other cells could start
# with '='; the file name itself is neutralised when it starts a cell
echo 'v = 4' >'repo/=SUM(A1).py'
git -C repo add -A && git -C repo commit -qm more
"$CARVE" scan -q -f csv repo >out
grep_q "a formula-like cell gets an apostrophe" "^\"'=SUM(A1).py\"" out

# --module-depth and Java packages
"$CARVE" scan -q -f json repo >s.json
expect_eq "Java files are grouped by package" "com.acme.orders" \
	"$(jq -r '.files[] | select(.path == "x/A.java") | .module' s.json)"
expect_eq "other files by directory" "a/b/c" \
	"$(jq -r '.files[] | select(.path == "a/b/c/with,comma.py") | .module' s.json)"
"$CARVE" scan -q -f json --module-depth 1 repo >s.json
expect_eq "--module-depth 1" "a" \
	"$(jq -r '.files[] | select(.path == "a/b/c/with,comma.py") | .module' s.json)"
printf '{ "modules": { "map": { "core": ["a/**"] } } }' >carve.json
"$CARVE" scan -q -f json -c carve.json repo >s.json
expect_eq "carve.json modules.map" "core" \
	"$(jq -r '.files[] | select(.path == "a/b/c/with,comma.py") | .module' s.json)"
expect_eq "the module rule's source is recorded" "carve.json" \
	"$(jq -r '.assumptions[] | select(.name == "modules") | .source' s.json)"

# excludes from the command line and from carve.json, with reasons
printf '{ "exclude": ["x/**"] }' >repo/carve.json
"$CARVE" scan -q -f json --exclude '*.java' repo >s.json
expect_eq "--exclude reason" "--exclude '*.java'" \
	"$(jq -r '.files[] | select(.path == "x/A.java") | .reason' s.json)"
expect_eq "carve.json exclude reason" "$TEST_DIR/repo/carve.json: exclude 'x/**'" \
	"$(jq -r '.files[] | select(.path == "x/=cmd.py") | .reason' s.json)"
"$CARVE" scan -q --explain-excludes repo >s.txt
grep_q "--explain-excludes lists each file" "^x/=cmd.py  *excluded" s.txt

# -o writes atomically and the same input gives the same bytes
"$CARVE" scan -q -f json -o one.json repo
"$CARVE" scan -q -f json -j 1 -o two.json repo
check "output is byte-identical across runs and thread counts" cmp one.json two.json
check "no temporary files are left next to the output" \
	sh -c '! ls -a | grep -q carve-'

done_testing
