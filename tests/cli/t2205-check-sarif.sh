#!/bin/sh
# carve check -f sarif on the shop sample with the rules of t2201: the
# log validates against the SARIF 2.1.0 schema (OASIS errata01, a copy in
# tests/schemas/) with python3-jsonschema, and holds one result per
# violation with its file, line and rule. By hand (t2201): orders imports
# payments at shop/orders/services.py line 15 (rule 2, "orders ->
# payments"), and the orders/payments cycle is the third rule's.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

# Debian's python3 and its packages (python3-jsonschema, ...) first
PYTHON=${CARVE_PYTHON:-/usr/bin/python3}
[ -x "$PYTHON" ] || PYTHON=python3

schema="$CARVE_SRC/tests/schemas/sarif-schema-2.1.0.json"
if ! "$PYTHON" -c 'import jsonschema' 2>/dev/null; then
	echo "1..0 # SKIP python3-jsonschema is not installed"
	exit 0
fi
validate() { # FILE: against the SARIF schema, formats checked
	"$PYTHON" "$CARVE_SRC/tests/cli/validate-json.py" "$schema" "$1"
}

make_check_shop shop

expect_status "sarif: violations fail as in text" 1 "$CARVE" check -f sarif shop
cp out log.sarif
check "the log validates against the SARIF 2.1.0 schema" validate log.sarif
expect_eq "version 2.1.0, one run, tool carve" "2.1.0 1 carve" \
	"$(jq -r '"\(.version) \(.runs | length) \(.runs[0].tool.driver.name)"' log.sarif)"
expect_eq "one reporting descriptor per rule of carve.json" \
	"carve/rule-1 utils is a library|carve/rule-2 orders -> payments|carve/rule-3 no cycles between contexts" \
	"$(jq -r '[.runs[0].tool.driver.rules[] | "\(.id) \(.name)"] | join("|")' log.sarif)"
"$CARVE" check -f json shop >model.json
expect_eq "one result per violation of the json model" \
	"$(jq '.check.violations' model.json)" "$(jq '.runs[0].results | length' log.sarif)"
expect_eq "the import: file, line, rule" \
	"shop/orders/services.py 15 carve/rule-2 error new" \
	"$(jq -r '.runs[0].results[] | select(.ruleId == "carve/rule-2") |
	"\(.locations[0].physicalLocation.artifactLocation.uri) \(.locations[0].physicalLocation.region.startLine) \(.ruleId) \(.level) \(.baselineState)"' log.sarif)"
expect_eq "ruleIndex points at the rule" "true" \
	"$(jq '[.runs[0] as $r | $r.results[] | $r.tool.driver.rules[.ruleIndex].id == .ruleId] | all' log.sarif)"
expect_eq "every result has a file relative to the root" "true" \
	"$(jq '[.runs[0].results[].locations[0].physicalLocation.artifactLocation | .uriBaseId == "%SRCROOT%" and (.uri | startswith("shop/"))] | all' log.sarif)"

# the baseline: known violations are suppressed notes, exit 0
"$CARVE" check --update-baseline --baseline known.json shop 2>/dev/null
expect_status "all known: exit 0" 0 "$CARVE" check -f sarif --baseline known.json shop
cp out known.sarif
check "the log with a baseline validates" validate known.sarif
expect_eq "known results are unchanged, suppressed notes" "2 2" \
	"$(jq '[.runs[0].results[] | select(.baselineState == "unchanged" and .level == "note" and .suppressions[0].kind == "external")] | length' known.sarif) $(jq '.runs[0].results | length' known.sarif)"

# a stale entry is a warning of the invocation, not a result
jq '.violations += [{"key": "gone|a.py|b.py"}]' known.json >stale.json
expect_status "a stale entry: exit 0" 0 "$CARVE" check -f sarif --baseline stale.json shop
cp out stale.sarif
check "the log with a stale entry validates" validate stale.sarif
expect_eq "the stale entry is a warning notification" \
	"warning stale baseline entry: gone|a.py|b.py 2" \
	"$(jq -r '.runs[0] | "\(.invocations[0].toolExecutionNotifications[0] | "\(.level) \(.message.text)") \(.results | length)"' stale.sarif)"

# -o x.sarif writes sarif; the validator rejects what is not SARIF
expect_status "-o log.sarif" 1 "$CARVE" check -o by-ext.sarif shop
check "the extension picks sarif" cmp by-ext.sarif log.sarif
jq 'del(.version)' log.sarif >bad.sarif
validate bad.sarif >out 2>&1
expect_eq "a log without version fails the schema" 1 $?
grep_q "the validator says why" "'version' is a required property" out
jq '.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0' log.sarif >bad.sarif
validate bad.sarif >out 2>&1
expect_eq "a line 0 fails the schema" 1 $?
grep_q "and where" "region/startLine: 0 is less than the minimum of 1" out

done_testing
