#!/bin/sh
# Hostile carve.json and model files: every command of HOSTILE_RUNS
# refuses a bad carve.json with exit 128 and a message naming the file
# and what is wrong (wrong types, duplicate keys, huge numbers, nesting
# 100 levels deep, a NUL byte, invalid UTF-8, not an object); every
# command reading a model refuses one from a newer schema, by name.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1
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
bad_config "a string for a number" "'modules.depth': expected a whole number from 1 to 64, got \"two\""
echo '{"exclude": "vendor/**"}' >r/carve.json
bad_config "a string for an array" "'exclude': expected an array of glob strings, got \"vendor/\*\*\""
echo '{"exclude": ["a", 7]}' >r/carve.json
bad_config "a number in a glob list" "'exclude\[1\]': expected a non-empty glob string, got 7"
echo '{"exclude": ["a"], "exclude": ["b"]}' >r/carve.json
bad_config "a duplicate key" "duplicate key 'exclude'"
echo '{"modules": {"depth": 99999999999999999999999}}' >r/carve.json
bad_config "a huge number" "'modules.depth': expected a whole number from 1 to 64, got 1e+23"
echo '{"modules": {"depth": 1e400}}' >r/carve.json
bad_config "an infinite number" "'modules.depth': expected a whole number"
python3 -c 'print("{\"a\":" * 100 + "1" + "}" * 100)' >r/carve.json
bad_config "nesting 100 levels deep" "nested deeper than 64 levels"
printf '{"exclude": [\n"a\000b"]}' >r/carve.json
bad_config "a NUL byte" "line 2, column 3: a NUL byte"
# every section is checked when the file is read, whichever command
# reads it: a bad plan or rule stops carve scan as it stops carve roadmap
echo '{"plan": {"start": "tomorrow"}}' >r/carve.json
bad_config "a date that is none" "'plan.start': expected an ISO 8601 date (YYYY-MM-DD, a real day), got \"tomorrow\""
echo '{"rules": [{"from": "*", "to": "payments"}]}' >r/carve.json
bad_config "a rule naming no context" "'rules\[0\].to': expected a declared context"
echo '{"teams": {"web": "ann@example.com"}}' >r/carve.json
bad_config "a team that is no list" "'teams.web': expected an array of emails or patterns, got \"ann@example.com\""
echo '{"rates": {"python->go": -3}}' >r/carve.json
bad_config "a negative rate" "'rates.python->go': expected a number above 0, got -3"
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

# a typo is warned about once per run, with its line and column and the
# key meant, and the run goes on (carve roadmap read the file twice
# before)
echo '{"contxts": {"a": ["*.py"]}, "plan": {"strat": "2027-01-04"}}' >r/carve.json
for cmd in $commands; do
	"$CARVE" "$cmd" r >/dev/null 2>err
	expect_eq "a typo: carve $cmd warns once" 1 \
		"$(grep -c "carve.json:1:2: unknown key 'contxts' ignored (did you mean 'contexts'?)" err)"
	expect_eq "a typo in plan: carve $cmd warns once" 1 \
		"$(grep -c "carve.json:1:39: unknown key 'plan.strat' ignored (did you mean 'plan.start'?)" err)"
done
rm r/carve.json

# 200,000 keys (2.7 MB): the duplicate check and the unknown keys'
# warnings are linear (the duplicate check compared every pair: minutes)
python3 -c 'import json; print(json.dumps({"k%d" % i: 1 for i in range(200000)}))' >r/carve.json
expect_status "200,000 unknown keys: read in under 60 s" 0 within 60 "$CARVE" scan -q r
python3 -c 'import json; print(json.dumps({"k%d" % i: 1 for i in range(200000)})[:-1] + ", \"k7\": 2}")' >r/carve.json
expect_status "200,000 keys and a duplicate: refused in under 60 s" 128 within 60 "$CARVE" scan -q r
grep_q "the duplicate named" "duplicate key 'k7'" err
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
