#!/bin/sh
# The GitHub Action (action.yml) run step by step in a shell by
# scripts/run-action, as the runner would, with install=path (the carve
# under test on PATH; install=build's steps are skipped here and run in
# CI by .ci/run), on the shop sample with the rules of t2201: by hand,
# two violations (shop/orders/services.py line 15 imports payments; the
# orders/payments cycle). Then the pre-commit hook's entry, run as
# pre-commit runs it.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

PYTHON=${CARVE_PYTHON:-/usr/bin/python3}
[ -x "$PYTHON" ] || PYTHON=python3
if ! "$PYTHON" -c 'import yaml' 2>/dev/null; then
	echo "1..0 # SKIP python3-yaml is not installed"
	exit 0
fi
mkdir bin && ln -s "$CARVE" bin/carve
PATH="$TEST_DIR/bin:$PATH"
run_action() { "$PYTHON" "$CARVE_SRC/scripts/run-action" -C shop "$@"; }

make_check_shop shop

expect_status "no baseline: the action fails" 1 run_action --input install=path \
	--input sarif=carve.sarif
grep_q "the build steps are skipped" "^run-action: skip: Build and install carve" out
grep_q "it says there is no baseline" "no baseline 'carve-baseline.json'" out
grep_q "an annotation on the file and line" \
	"^::error file=shop/orders/services.py,line=15,title=carve check::" out
expect_eq "two annotations" 2 "$(grep -c '^::error ' out)"
expect_eq "the SARIF log is written, with both results" "2.1.0 2" \
	"$(jq -r '"\(.version) \(.runs[0].results | length)"' shop/carve.sarif)"

expect_status "a baseline where the action looks (carve-baseline.json)" 0 \
	"$CARVE" check -q --update-baseline --baseline shop/carve-baseline.json shop
expect_status "with the baseline: the action passes" 0 run_action --input install=path
grep_q "the new count is an output" "^new=0$" out
expect_eq "no annotation" 0 "$(grep -c '^::error ' out)"

# a new violation: utils may import nothing (rule 1)
printf 'from shop.orders import models\n' >shop/shop/utils/new_import.py
git -C shop add -A && git -C shop commit -qm "utils imports orders"
expect_status "a new violation fails the action" 1 run_action --input install=path
expect_eq "one annotation, for utils" 1 "$(grep -c '^::error file=shop/utils/' out)"
expect_status "format text" 1 run_action --input install=path --input format=text
grep_q "the text names the rule" "rule 'utils is a library'" out
expect_status "an unknown input is refused" 1 run_action --input colour=red

# install=build: its commands name targets the Makefile has; with
# CARVE_ACTION_BUILD=1 (.ci/run) the action builds and installs carve
# into a prefix of its own and checks with that carve
make -n -C "$CARVE_SRC" LLVM_CONFIG=llvm-config PREFIX="$TEST_DIR/p" all install >make.txt 2>&1
ok $? "make all install, as the build step runs it, is a valid plan"
if [ "${CARVE_ACTION_BUILD:-}" = 1 ]; then
	PATH=$(echo "$PATH" | sed "s|$TEST_DIR/bin:||") \
		expect_status "install=build: builds, installs, checks" 1 \
		run_action --input prefix="$TEST_DIR/prefix"
	grep_q "the build steps ran" "^run-action: run: Build and install carve" out
	test -x "$TEST_DIR/prefix/bin/carve" &&
		test -f "$TEST_DIR/prefix/share/man/man1/carve-check.1"
	ok $? "carve and its man pages are in the prefix"
	grep_q "the check ran with the carve it installed" \
		"^$TEST_DIR/prefix/bin/carve: carve $(cat "$CARVE_SRC/VERSION")" out
else
	for i in 1 2 3 4; do
		test_count=$((test_count + 1))
		echo "ok $test_count # SKIP install=build runs in CI (CARVE_ACTION_BUILD=1)"
	done
fi

# the pre-commit hook's entry, from the repository root
entry=$("$PYTHON" -c 'import yaml, sys
h = yaml.safe_load(open(sys.argv[1]))[0]
assert h["id"] == "carve-check" and h["language"] == "system"
print(h["entry"])' "$CARVE_SRC/.pre-commit-hooks.yaml")
ok $? "the hook is carve-check, language system"
(cd shop && eval "$entry") >out 2>&1
expect_eq "the hook fails on the new violation" 1 $?
"$CARVE" check -q --update-baseline --baseline shop/carve-baseline.json shop 2>/dev/null
(cd shop && eval "$entry") >out 2>&1
expect_eq "and passes once it is in the baseline" 0 $?

done_testing
