#!/bin/sh
# carve estimate on bad input: zero-line contexts, unknown languages,
# generated-only contexts, rates of 0, negative or NaN in carve.json,
# bad options, malformed sizes files, more than 10,000 contexts.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

ctx() { printf '{ "name": "%s", "code": { %s }%s }' "$1" "$2" "${3:-}"; }
sizes() { printf '{ "contexts": [ %s ] }\n' "$1"; }

sizes "$(ctx a '"python": 3070'), $(ctx empty ''), $(ctx gen '' ', "generated": 9000'), $(ctx odd '"cobol2000": 500')" >s.json
expect_status "awkward contexts" 0 "$CARVE" estimate --target go -f json --sizes s.json
grep_q "a zero-line context is reported" "context 'empty' has no code lines to move: left out" err
grep_q "generated-only is reported" "context 'gen' holds only generated code (9000 lines): regenerated, not ported; left out" err
grep_q "an unknown language is reported" "language 'cobol2000' is not one carve knows: rate \"unknown\"" err
expect_eq "why each is left out" '"no code lines" "only generated code"' \
	"$(jq -c '.estimate.contexts[1].excluded, .estimate.contexts[2].excluded' out | tr '\n' ' ' | sed 's/ $//')"
expect_eq "left-out contexts draw 0 and have no range" "null" \
	"$(jq '.estimate.contexts[1].days' out)"
expect_eq "the unknown language's rate is the fallback" "unknown go true" \
	"$(jq -r '.estimate.rates[] | select(.from == "unknown") | "\(.from) \(.to) \(.fallback)"' out)"
expect_status "text says what was left out" 0 "$CARVE" estimate -q --sizes s.json
grep_q "left out, and why" "^left out: empty (no code lines); gen (only generated code)$" out
test ! -s err
ok $? "-q keeps stderr quiet"

# rates in carve.json: 0, negative, NaN (a string: JSON has no NaN), bad pair
sizes "$(ctx a '"python": 3070')" >one.json
for bad in '0' '-5' '"NaN"' '{ "optimistic": 60, "likely": 31 }'; do
	printf '{ "rates": { "python->go": %s } }\n' "$bad" >carve.json
	expect_status "rate $bad" 128 "$CARVE" estimate -c carve.json --target go --sizes one.json
	grep_q "the error names the file and key" "carve.json: 'rates.python->go" err
done
echo '{ "rates": { "python": 30 } }' >carve.json
expect_status "a rate without a pair" 128 "$CARVE" estimate -c carve.json --sizes one.json
grep_q "says what a pair is" "carve.json: 'rates.python': expected a language pair FROM->TO" err
echo '{ "rates": { "python->go": { "optimistic": 10, "likely": 30, "pessimistic": 60 } } }' >carve.json
expect_status "optimistic slower than pessimistic" 128 "$CARVE" estimate -c carve.json --target go --sizes one.json
grep_q "says the order" "carve.json: 'rates.python->go': expected pessimistic <= likely <= optimistic" err
echo '{ "estimate": { "service": -1 } }' >carve.json
expect_status "a negative fixed cost" 128 "$CARVE" estimate -c carve.json --sizes one.json
grep_q "names the key" "carve.json: 'estimate.service': expected a number above 0, got -1" err
echo '{ "estimate": { "servce": 3 } }' >carve.json
expect_status "an unknown key is reported" 0 "$CARVE" estimate -c carve.json --sizes one.json
grep_q "and named, with the key meant" "carve.json:1:17: unknown key 'estimate.servce' ignored (did you mean 'estimate.service'?)" err
rm carve.json

# options
expect_status "--rate 0" 129 "$CARVE" estimate --rate 'python->go=0' --sizes one.json
expect_status "--rate nan" 129 "$CARVE" estimate --rate 'python->go=nan' --sizes one.json
expect_status "--rate without a pair" 129 "$CARVE" estimate --rate 40 --sizes one.json
expect_status "--trials 0" 129 "$CARVE" estimate --trials 0 --sizes one.json
expect_status "--distribution" 129 "$CARVE" estimate --distribution normal --sizes one.json
expect_status "--format dot" 129 "$CARVE" estimate -f dot --sizes one.json
expect_status "--sizes and a path" 129 "$CARVE" estimate --sizes one.json .

# sizes files
expect_status "missing sizes file" 128 "$CARVE" estimate --sizes nowhere.json
echo '{ "contexts": [ { "name": "a", "code": { "python": 3.5 } } ] }' >frac.json
expect_status "fractional lines" 128 "$CARVE" estimate --sizes frac.json
grep_q "names the field" "'frac.json': contexts\[0\].code.python must be a whole number" err
echo '{ "contexts": [ { "code": { "python": 3 } } ] }' >noname.json
expect_status "a context without a name" 128 "$CARVE" estimate --sizes noname.json
echo '{ "contexts": [ { "name": "a" }, { "name": "a" } ] }' >twice.json
expect_status "a context declared twice" 128 "$CARVE" estimate --sizes twice.json
echo '{ "contexts": [ ' >broken.json
expect_status "broken JSON" 128 "$CARVE" estimate --sizes broken.json
grep_q "with the line" "cannot parse 'broken.json' at line" err
echo '{ "services": [] }' >nocontexts.json
expect_status "no contexts array" 128 "$CARVE" estimate --sizes nocontexts.json

# 10,000 contexts are fine; 10,001 are refused
awk 'BEGIN { printf "{ \"contexts\": ["; for (i = 0; i < 10000; i++) printf "%s{ \"name\": \"c%d\", \"code\": { \"python\": 100 } }", i ? "," : "", i; print "] }" }' >ten.json
expect_status "10,000 contexts" 0 "$CARVE" estimate --trials 200 -f csv --sizes ten.json
expect_eq "one row each, phase 0 and the total" 10003 "$(wc -l <out | tr -d ' ')"
sed 's/\] }$/, { "name": "one-more", "code": { "python": 1 } }] }/' ten.json >more.json
expect_status "10,001 contexts" 128 "$CARVE" estimate --sizes more.json
grep_q "says the limit" "10001 contexts: carve estimate takes at most 10000" err

# nothing half-written on failure
echo keep >result.csv
"$CARVE" estimate -o result.csv --sizes more.json 2>/dev/null
expect_eq "the old output stays" keep "$(cat result.csv)"

# targets: names and aliases, maps by language, and what is refused
sizes "$(ctx a '"python": 3500, "javascript": 1500')" >t.json
"$CARVE" estimate -q -f json --target go --sizes t.json >go.json
"$CARVE" estimate -q -f json --target golang --sizes t.json >golang.json
expect_eq "golang is go" "$(jq .estimate.total go.json)" "$(jq .estimate.total golang.json)"
expect_eq "the browser's JavaScript keeps its language" "javascript" \
	"$(jq -r '.estimate.rates[] | select(.from == "javascript") | .to' go.json)"
"$CARVE" estimate -q -f json --target go,js=ts --sizes t.json >map.json
expect_eq "a map by language (aliases both sides)" "go typescript" \
	"$(jq -r '[(.estimate.rates[] | select(.from == "python") | .to), (.estimate.rates[] | select(.from == "javascript") | .to)] | join(" ")' map.json)"
echo '{ "target": { "language": "go", "javascript": "typescript" } }' >map.jsonc
"$CARVE" estimate -q -f json -c map.jsonc --sizes t.json >cmap.json
expect_eq "the same map in carve.json" "$(jq .estimate.total map.json)" "$(jq .estimate.total cmap.json)"
expect_status "an unknown target" 128 "$CARVE" estimate --target klingon --sizes t.json
grep_q "it is named" "'klingon' is not a language carve knows" err
expect_status "an empty one in a map" 128 "$CARVE" estimate --target python= --sizes t.json
echo '{ "target": { "cobol": "go" } }' >bad.jsonc
expect_status "an unknown language in the map" 128 "$CARVE" estimate -c bad.jsonc --sizes t.json
grep_q "file and key named" "bad.jsonc': \"target\".\"cobol\"" err
echo '{ "estimate": { "price": ["views"] } }' >bad.jsonc
expect_status "a role that cannot be priced" 128 "$CARVE" estimate -c bad.jsonc --sizes t.json
grep_q "file, key and what can be" "bad.jsonc: 'estimate.price': expected roles that can be priced (docs, config, build, translations, fixtures, assets, data), got \"views\"" err
# the shape of "target" and "price" is carve.json's loader's: file and key
echo '{ "estimate": { "price": "docs" } }' >bad.jsonc
expect_status "price not an array" 128 "$CARVE" estimate -c bad.jsonc --sizes t.json
grep_q "names file and key" "bad.jsonc: 'estimate.price': expected an array of file roles" err
echo '{ "target": 5 }' >bad.jsonc
expect_status "a target that is a number" 128 "$CARVE" estimate -c bad.jsonc --sizes t.json
grep_q "names file and key" "bad.jsonc: 'target': expected a language name or an object" err
echo '{ "target": { "python": ["go"] } }' >bad.jsonc
expect_status "a map entry that is not a name" 128 "$CARVE" estimate -c bad.jsonc --sizes t.json
grep_q "names file and key" "bad.jsonc: 'target.python': expected a language name (\"go\"), got an array" err
# every command reads carve.json: roadmap says the same
expect_status "roadmap reads it too" 128 "$CARVE" roadmap -c bad.jsonc --sizes t.json
grep_q "the same message" "bad.jsonc: 'target.python': expected a language name" err

done_testing
