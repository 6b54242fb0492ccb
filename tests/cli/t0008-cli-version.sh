#!/bin/sh
# carve --version names the libraries carve runs with; each version is
# held to an independent source, the library's own pkg-config file (or
# llvm-config for libclang), as the build machine runs the tests.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

expect_status "--version" 0 "$CARVE" --version
cp out version.txt
grep_q "the first line is carve's version from VERSION" \
	"^carve $(cat "$CARVE_SRC/VERSION")\$" version.txt
expect_eq "--version writes nothing on stderr" "" "$(cat err)"

# name in carve's output, pkg-config module
for pair in libgit2:libgit2 cJSON:libcjson Graphviz:libcgraph igraph:igraph \
	librsvg:librsvg-2.0 cairo:cairo; do
	name=${pair%%:*} module=${pair#*:}
	if ! want=$(pkg-config --modversion "$module" 2>/dev/null); then
		test_count=$((test_count + 1))
		echo "ok $test_count # SKIP no pkg-config file for $module"
		continue
	fi
	grep_q "$name $want (pkg-config $module)" "^$name  *$want\\( \\|\$\\)" version.txt
done
llvm=$(llvm-config-14 --version 2>/dev/null || echo 14)
grep_q "libclang: its version string, built with LLVM $llvm" \
	"^libclang  *.*clang version $llvm.* (built with LLVM $llvm, loaded from /" version.txt

# without libclang: the line says so, stderr says why, still exit 0
CARVE_LIBCLANG=/nonexistent/libclang.so expect_status "no libclang: still 0" 0 "$CARVE" --version
grep_q "the libclang line says it is not loaded" "^libclang  *not loaded" out
grep_q "stderr says why" "cannot load libclang.*/nonexistent/libclang.so" err

done_testing
