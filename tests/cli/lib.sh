# Shared helpers for the end-to-end tests: each test sources this file,
# runs in its own temporary directory and prints TAP for prove(1).
# $CARVE is the binary under test; $CARVE_SRC the source tree.

set -u
: "${CARVE:?set CARVE to the carve binary (make check does)}"
: "${CARVE_SRC:?set CARVE_SRC to the source tree (make check does)}"

TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/carve-test.XXXXXX")
trap 'chmod -R u+rwx "$TEST_DIR" 2>/dev/null; rm -rf "$TEST_DIR"' EXIT
cd "$TEST_DIR" || exit 1
export HOME="$TEST_DIR" NO_COLOR=1 SOURCE_DATE_EPOCH=1700000000
export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.com
unset XDG_CACHE_HOME

test_count=0
test_failed=0

# ok CONDITION-RESULT DESCRIPTION: record the result of the last command.
ok() {
	test_count=$((test_count + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $test_count - $2"
	else
		echo "not ok $test_count - $2"
		test_failed=$((test_failed + 1))
	fi
}

# check DESCRIPTION COMMAND...: runs the command, passes when it succeeds.
check() {
	desc=$1
	shift
	if "$@" >"$TEST_DIR/.out" 2>&1; then
		ok 0 "$desc"
	else
		ok 1 "$desc"
		sed 's/^/# /' "$TEST_DIR/.out"
	fi
}

# expect_eq DESCRIPTION EXPECTED ACTUAL
expect_eq() {
	if [ "$2" = "$3" ]; then
		ok 0 "$1"
	else
		ok 1 "$1"
		echo "#   expected: $2"
		echo "#   actual:   $3"
	fi
}

# expect_status DESCRIPTION STATUS COMMAND...: checks the exit status;
# stdout goes to $TEST_DIR/out, stderr to $TEST_DIR/err.
expect_status() {
	desc=$1
	want=$2
	shift 2
	"$@" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
	got=$?
	expect_eq "$desc (exit $want)" "$want" "$got"
	[ "$got" = "$want" ] || sed 's/^/# stderr: /' "$TEST_DIR/err" | head -5
}

# grep_q DESCRIPTION PATTERN FILE: passes when FILE matches PATTERN.
grep_q() {
	if grep -q -e "$2" "$3"; then
		ok 0 "$1"
	else
		ok 1 "$1"
		echo "# no match for '$2' in $3:"
		head -5 "$3" | sed 's/^/#   /'
	fi
}

# make_repo DIR: an empty git repository with one identity configured.
# within SECONDS COMMAND...: COMMAND, killed after SECONDS times
# $CARVE_TIME_SCALE (make check-asan sets 4: the sanitizers run carve
# several times slower, and a loaded machine slower still). The limits
# catch a hang or a quadratic walk, not a slow build.
within() {
	_secs=$(( $1 * ${CARVE_TIME_SCALE:-1} ))
	shift
	timeout "$_secs" "$@"
}

make_repo() {
	git init -q "$1" &&
	git -C "$1" config user.name Test &&
	git -C "$1" config user.email test@example.com &&
	git -C "$1" config commit.gpgsign false
}

# A git repository DIR holding tests/fixtures/FIXTURE/repo, committed.
make_fixture_repo() {
	make_repo "$1" &&
	cp -r "$CARVE_SRC/tests/fixtures/$2/repo/." "$1/" &&
	git -C "$1" add -A && git -C "$1" commit -qm init
}

# A git copy of the shop sample in DIR with the contexts and rules of
# tests/fixtures/check-shop.json as its carve.json, committed.
make_check_shop() {
	cp -r "$CARVE_SRC/samples/shop" "$1" &&
	make_repo "$1" >/dev/null &&
	cp "$CARVE_SRC/tests/fixtures/check-shop.json" "$1/carve.json" &&
	git -C "$1" add -A && git -C "$1" commit -qm sample
}

# damage_middle FILE: the byte in the middle of FILE made an X (a sealed
# cache must notice).
damage_middle() {
	printf X | dd of="$1" bs=1 seek=$(( $(wc -c <"$1") / 2 )) \
		conv=notrunc 2>/dev/null
}

# reseal FILE: FILE's bytes followed by the seal carve's caches end with,
# the SHA-1 of "blob <length>\0" and the bytes (git hash-object's), so a
# crafted file passes the seal and reaches the checks behind it.
reseal() {
	python3 - "$1" <<'EOF'
import hashlib, sys
data = open(sys.argv[1], "rb").read()
with open(sys.argv[1], "ab") as f:
    f.write(hashlib.sha1(b"blob %d\0" % len(data) + data).digest())
EOF
}

done_testing() {
	echo "1..$test_count"
	[ "$test_failed" -eq 0 ]
}
