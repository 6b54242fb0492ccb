#!/bin/sh
# carve estimate on the model of t2101 (contexts a, b, c of 60 Python code
# lines each, the kernel u/log.py of 5), with every distribution fixed so
# each figure can be worked out by hand. Target Go at 35 lines a day
# (Khan's rate); no branch counts, so complexity factor 1.
#   interfaces: into a from b (module a): 1; into b from a and c (both
#   module b): 1; into c: none; into the kernel from a, b, c (module u): 1
#   a: 60 / 35 + 1 x 3 + 20 (service) = 24.714 -> 24.7
#   b: the same, 24.7;  c: 60 / 35 + 20 = 21.714 -> 21.7
#   kernel: 5 / 35 + 1 x 3, no service = 3.143 -> 3.1
#   phase 0: 120; total 185 / 35 + 9 + 60 + 120 = 194.29 -> 194.3
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

file() { printf '{ "path": "%s", "status": "counted", "language": "Python", "module": "%s", "code": %s }' "$1" "${1%/*}" "$2"; }
edge() { printf '{ "from": "%s", "to": "%s", "kind": "import", "weight": %s }' "$1" "$2" "$3"; }
cat >model.json <<JSON
{ "schema": "carve/1", "repo": { "root": "/demo" },
  "files": [ $(file a/x1.py 10), $(file a/x2.py 20), $(file a/x3.py 30),
             $(file b/y1.py 10), $(file b/y2.py 20), $(file b/y3.py 30),
             $(file c/z1.py 10), $(file c/z2.py 20), $(file c/z3.py 30),
             $(file u/log.py 5) ],
  "edges": [ $(edge a/x1.py a/x2.py 3), $(edge a/x2.py a/x3.py 3), $(edge a/x3.py a/x1.py 3),
             $(edge b/y1.py b/y2.py 3), $(edge b/y2.py b/y3.py 3), $(edge b/y3.py b/y1.py 3),
             $(edge c/z1.py c/z2.py 3), $(edge c/z2.py c/z3.py 3), $(edge c/z3.py c/z1.py 3),
             $(edge a/x1.py b/y1.py 2), $(edge b/y2.py a/x2.py 1), $(edge c/z1.py b/y3.py 1),
             $(edge a/x1.py u/log.py 1), $(edge b/y1.py u/log.py 1), $(edge c/z1.py u/log.py 1) ] }
JSON

# field N of the CSV row of context $1
col() { tr -d '\r' <out | awk -F, -v c="$1" -v n="$2" '$1 == c { print $n }'; }

expect_status "fixed estimate" 0 "$CARVE" estimate --target go \
	--distribution fixed -f csv model.json
expect_eq "a: interfaces" 1 "$(col a 4)"
expect_eq "b: one interface for two callers of module b" 1 "$(col b 4)"
expect_eq "c: no interfaces" 0 "$(col c 4)"
expect_eq "a: P50" 24.7 "$(col a 11)"
expect_eq "b: P50" 24.7 "$(col b 11)"
expect_eq "c: P50" 21.7 "$(col c 11)"
expect_eq "the kernel: P50, no service cost" "3.1 0.0" \
	"$(tr -d '\r' <out | awk -F, '$2 == 5 { print $11, $8 }')"
expect_eq "phase 0" 120.0 "$(col 'phase 0' 11)"
expect_eq "total" 194.3 "$(col total 11)"
expect_eq "fixed: P10 = P90" "$(col total 10)" "$(col total 13)"

# text: one row per context, totals and the assumptions
expect_status "text" 0 "$CARVE" estimate --target go model.json
grep_q "a header with the trials" "^estimate: 4 contexts, 185 code lines, target go; engineer-days, 10000 trials (seed 1)" out
grep_q "the total row" "^total  *185 " out
grep_q "the rate and its source" "rate python->go: lognormal 17.5 / 35 / 70 .*Khan Academy" out
grep_q "COCOMO beside it" "COCOMO II (post-architecture" out
grep_q "the correlation is stated" "one team-wide rate error" out

# deterministic; the seed and -j
"$CARVE" estimate --target go -f json model.json >one.json
"$CARVE" estimate --target go -f json -j 2 model.json >two.json
cmp -s one.json two.json
ok $? "the same input gives the same bytes, at any -j"
"$CARVE" estimate --target go -f json --seed 2 model.json >seed2.json
cmp -s one.json seed2.json
ok $((!$?)) "another seed draws other trials"
"$CARVE" estimate --target go -f json --trials 500 model.json >t500.json
expect_eq "--trials" 500 "$(jq '.estimate.trials' t500.json)"

# the model carries the estimate and reads back
expect_eq "model JSON has the estimate" 4 "$(jq '.estimate.contexts | length' one.json)"
expect_eq "and the seams" 4 "$(jq '.contexts | length' one.json)"
jq -e '.assumptions | map(.name) | index("rate python->go")' one.json >/dev/null
ok $? "the model's assumptions list the rates"
expect_status "a model with an estimate loads" 0 "$CARVE" seams one.json
jq '.estimate.rates[0].likely = "fast"' one.json >broken.json
expect_status "a broken estimate part" 128 "$CARVE" seams broken.json
grep_q "names the file and part" "'broken.json': the \"estimate\" part is malformed" err

# what-if: deltas against the baseline
expect_status "what-if" 0 "$CARVE" estimate --what-if --target go \
	--exclude-context c model.json
grep_q "a delta column" "P50 vs baseline" out
grep_q "c is left out" "^left out: c (--exclude-context)" out
# baseline (no target): a at 60 / 150 + 3 + 20 = 23.4 median days;
# rewritten: 24.95, so a grows
awk '$1 == "a" { exit !($NF ~ /^\(\+[0-9]+%\)$/) }' out
ok $? "a's P50 grows with a rewrite"
expect_status "what-if needs a scenario" 129 "$CARVE" estimate --what-if model.json
expect_status "an unknown context" 128 "$CARVE" estimate --exclude-context nope model.json
grep_q "names it" "--exclude-context 'nope': no such context" err

# rates from carve.json and the option; the option wins
echo '{ "target": { "language": "go" }, "rates": { "python->go": 61.4 } }' >carve.json
expect_status "config rate" 0 "$CARVE" estimate -c carve.json --distribution fixed -f csv model.json
expect_eq "c at 61.4: 60 / 61.4 + 20" 21.0 "$(col c 11)"
expect_status "option rate" 0 "$CARVE" estimate -c carve.json --rate 'python->go=15.35' --distribution fixed -f csv model.json
expect_eq "c at 15.35: 60 / 15.35 + 20" 23.9 "$(col c 11)"

done_testing
