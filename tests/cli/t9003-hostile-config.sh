#!/bin/sh
# Hostile carve.json and model files: every command of HOSTILE_RUNS
# refuses a bad carve.json with exit 128 and a message naming the file
# and what is wrong (wrong types, duplicate keys, huge numbers, nesting
# 100 levels deep, a NUL byte, invalid UTF-8, not an object); every
# command reading a model refuses one from a newer schema, by name.
. "$CARVE_SRC/tests/cli/lib.sh"
. "$CARVE_SRC/tests/cli/lib-hostile.sh"

commands=$(echo "$HOSTILE_RUNS" | cut -d' ' -f1 | sort -u)
make_repo r
printf 'import b\n' >r/a.py
printf 'x = 1\n' >r/b.py
git -C r add -A && git -C r commit -qm init

# bad_config DESCRIPTION EXPECTED-MESSAGE: with r/carve.json as written,
# each command exits 128 naming carve.json and the problem.
bad_config() {
	for cmd in $commands; do
		expect_status "$1: carve $cmd" 128 "$CARVE" "$cmd" -q r
		grep_q "$1: carve $cmd says what" "carve.json.*$2" err
	done
}

echo '{"modules": {"depth": "two"}}' >r/carve.json
bad_config "a string for a number" '"modules.depth" must be a whole number'
echo '{"exclude": "vendor/**"}' >r/carve.json
bad_config "a string for an array" '"exclude" must be an array'
echo '{"exclude": ["a", 7]}' >r/carve.json
bad_config "a number in a glob list" '"exclude" must hold non-empty glob strings'
echo '{"exclude": ["a"], "exclude": ["b"]}' >r/carve.json
bad_config "a duplicate key" "duplicate key 'exclude'"
echo '{"modules": {"depth": 99999999999999999999999}}' >r/carve.json
bad_config "a huge number" '"modules.depth" must be a whole number from 1 to 64'
echo '{"modules": {"depth": 1e400}}' >r/carve.json
bad_config "an infinite number" '"modules.depth" must be a whole number'
python3 -c 'print("{\"a\":" * 100 + "1" + "}" * 100)' >r/carve.json
bad_config "nesting 100 levels deep" "nested deeper than 64 levels"
printf '{"exclude": [\n"a\000b"]}' >r/carve.json
bad_config "a NUL byte" "line 2, column 3: a NUL byte"
echo '[1, 2]' >r/carve.json
bad_config "an array at the top" "the top level must be a JSON object"
printf '' >r/carve.json
bad_config "an empty file" "unexpected end of file"
printf '{"exclude": ["\377"]}' >r/carve.json
# (burndown needs a declared migration: "legacy" beside the glob)
printf '{"legacy": ["**"], "exclude": ["\377"]}' >legacy.json
"$CARVE" burndown -q -c legacy.json r >/dev/null 2>err
rc=$?
expect_eq "invalid UTF-8 in a glob: carve burndown -c refuses or goes on" 1 \
	"$([ $rc = 0 ] || { [ $rc = 128 ] && grep -q legacy.json err; } && echo 1)"
for cmd in $commands; do
	[ "$cmd" = burndown ] && continue
	"$CARVE" "$cmd" -q r >/dev/null 2>err
	rc=$?
	expect_eq "invalid UTF-8 in a glob: carve $cmd refuses or goes on" 1 \
		"$([ $rc = 0 ] || { [ $rc = 128 ] && grep -q carve.json err; } && echo 1)"
done
rm r/carve.json

# models: a newer schema is refused clearly by every command that reads one
echo '{"schema": "carve/2", "files": []}' >new.json
echo '{"schema": "carve/1", "files": {"a": 1}}' >files-object.json
echo '{"schema": "carve/1", "files": [{"path": 5, "status": "counted"}]}' >path-number.json
echo '{"schema": "carve/1", "files": [], "edges": [{"from": "x", "to": "y", "kind": "include"}]}' >dangling-edge.json
for cmd in $(echo "$HOSTILE_MODEL_RUNS" | cut -d' ' -f1 | sort -u); do
	expect_status "carve/2 model: carve $cmd" 128 "$CARVE" "$cmd" -q new.json
	grep_q "carve/2 model: carve $cmd names the schema" \
		"'new.json' has schema 'carve/2'; this carve reads 'carve/1'" err
	expect_status "files an object: carve $cmd" 128 "$CARVE" "$cmd" -q files-object.json
	expect_status "a path that is a number: carve $cmd" 128 "$CARVE" "$cmd" -q path-number.json
	grep_q "carve $cmd names the bad entry" "files\[0\] needs a path" err
	expect_status "an edge to no file: carve $cmd" 128 "$CARVE" "$cmd" -q dangling-edge.json
	grep_q "carve $cmd names the bad edge" "edges\[0\] needs 'from' and 'to'" err
done
done_testing
