#!/bin/sh
# carve report on the shop sample with its generated history: one
# self-contained page whose numbers agree with the other commands.
# Expected, from samples/make-shop-history and samples/README.md: 24
# commits by five authors; the sample plants two module cycles,
# shop/cart <-> shop/catalog (closed by one import in catalog, the cut)
# and shop/orders <-> shop/payments; carve.json below declares legacy
# (shop/**) and new (migrations/**), so the share migrated is
# migrations' code over both.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

"$CARVE_SRC/samples/make-shop-history" "$CARVE_SRC/samples/shop" shop >/dev/null 2>&1
ok $? "sample with history"

expect_status "report of a work tree" 0 "$CARVE" report -q -o r.html shop
test -s r.html
ok $? "the page is written"
expect_eq "nothing on stdout with -o" "" "$(cat out)"
grep_q "a doctype" "^<!DOCTYPE html>" r.html
grep_q "CSP forbids remote loads" "Content-Security-Policy\" content=\"default-src 'none'" r.html
# no remote load anywhere: no src/href/url() to another host, no @import
check "no remote src or href" sh -c \
	"! grep -Eio '(src|href|action)=[\"'\'']?(https?:)?//' r.html"
check "no url() or @import in the style" sh -c \
	"! grep -Eio 'url\\(|@import' r.html"

# the one script is allowed by its hash: worked out again here
python3 - r.html >hash.txt <<'PY'
import base64, hashlib, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
assert len(scripts) == 1, scripts
print(base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode())
PY
ok $? "one inline script"
grep_q "the policy allows that script's hash" "script-src 'sha256-$(cat hash.txt)'" r.html

for id in summary inventory graph cycles history contexts estimate \
	roadmap burndown check appendix; do
	grep_q "section $id" "<section class=card id=$id>" r.html
done
# no "target" and no "plan" in the sample's carve.json: the estimate is
# a split (carve estimate without --target), the roadmap needs a start
grep_q "estimate without a target: a split" \
	"<td>target</td><td>none: every file stays in its language" r.html
grep_q "roadmap not there: says which key fills it" \
	"To fill this section, set &quot;plan&quot;: {&quot;start&quot;" r.html
grep_q "roadmap tile: says the same" \
	"finish date P50 (P10-P90): set &quot;plan&quot;" r.html
grep_q "no rules: says how to get the check" \
	"Declare contexts and rules in carve.json and run carve check" r.html

total=$("$CARVE" scan -q -f json shop | jq -r '.totals.code')
code=$(printf '%s' "$total" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')
grep_q "code lines as carve scan counts them ($code)" "<b>$code</b><span>lines of code" r.html
grep_q "24 commits by five authors" "<b>24</b><span>commits by 5 authors" r.html
grep_q "two module cycles" "<b>2</b><span>cycles between modules" r.html
grep_q "the catalog -> cart cut" "shop/catalog → shop/cart (1)" r.html
grep_q "orders and payments change together" \
	"<td>shop/orders</td><td>shop/payments</td>" r.html
grep_q "the context drawing is inline SVG" "<figure class=graph><svg" r.html
check "no XML prolog inside the page" sh -c "! grep -q '<?xml' r.html"
grep_q "assumptions in the appendix" "<td>report limits</td>" r.html
grep_q "the clustering is an assumption" "<td>contexts</td><td>carve seams with its defaults" r.html

"$CARVE" report -q -o r2.html shop
check "same input, same bytes" cmp r.html r2.html

# legacy and new declared: the share migrated is new / (legacy + new)
cat >shop/carve.json <<'JSON'
{ "legacy": ["shop/**"], "new": ["migrations/**"] }
JSON
legacy=$("$CARVE" scan -q -f json shop | jq '[.files[] | select(.status == "counted" and (.path | startswith("shop/"))) | .code] | add')
new=$("$CARVE" scan -q -f json shop | jq '[.files[] | select(.status == "counted" and (.path | startswith("migrations/"))) | .code] | add')
pct=$(awk "BEGIN { printf \"%.1f\", 100 * $new / ($legacy + $new) }")
expect_status "report with legacy and new" 0 "$CARVE" report -q -o m.html shop
# a git work tree: the share is the burndown's, its last sample's (HEAD,
# whose tree is the work tree's), new / (legacy + new) as above
bpct=$("$CARVE" burndown -q -f json shop | jq -r '.burndown.actual[-1].share_migrated * 1000 | round / 10 | tostring | if test("\\.") then . else . + ".0" end')
expect_eq "the burndown's share is new / (legacy + new)" "$pct" "$bpct"
grep_q "migrated share from the burndown $bpct%" "<b>$bpct%</b><span>migrated by" m.html
# a model has no history to sample: the share of the code under "new"
"$CARVE" scan -q -f json -o legacy.json shop
expect_status "report of a model with legacy and new" 0 \
	"$CARVE" report -q -c shop/carve.json -o mm.html legacy.json
grep_q "migrated share $pct%" "<b>$pct%</b><span>migrated" mm.html

# rules: the check section lists the violation of the planted cycle
cat >shop/carve.json <<'JSON'
{ "contexts": { "orders": ["shop/orders/**"], "payments": ["shop/payments/**"] },
  "rules": [ { "from": "payments", "to": "orders", "allow": false } ] }
JSON
"$CARVE" check -q shop >check.txt
viol=$(tail -1 check.txt | sed 's/ violation.*//')
expect_status "report with rules" 0 "$CARVE" report -q -o c.html shop
grep_q "the check's $viol violations" "<p class=bad>$viol violation" c.html
grep_q "a violation names its file" "<td><code>shop/payments/" c.html
rm shop/carve.json

# from model files: the parts there, notes for the rest
"$CARVE" scan -q -f json -o scan.json shop
expect_status "report of a scan model" 0 "$CARVE" report -q -o s.html scan.json
grep_q "no history in the model: says which command" \
	"Run carve history, or give carve report a git work tree" s.html
check "no history tables" sh -c "! grep -q '<h3>Hotspots' s.html"
"$CARVE" history -q -f json -o hist.json shop
expect_status "report of a history model" 0 "$CARVE" report -q -o h.html hist.json
grep_q "history from the model" "<h3>Hotspots</h3>" h.html
expect_status "--no-history" 0 "$CARVE" report -q --no-history -o n.html shop
grep_q "--no-history leaves it out" "Run carve history" n.html

# bad input
expect_status "missing path" 128 "$CARVE" report -q -o x.html nowhere
test ! -e x.html
ok $? "nothing written on failure"
expect_status "two operands" 129 "$CARVE" report a b
expect_status "bad --max-rows" 129 "$CARVE" report --max-rows 0 shop
expect_status "only html" 129 "$CARVE" report -f json shop

done_testing
