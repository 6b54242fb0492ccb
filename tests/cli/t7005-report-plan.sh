#!/bin/sh
# carve report with a "target" and a "plan" in carve.json: the estimate
# and roadmap sections show what carve estimate -f json and carve roadmap
# -f json give for the same input (read here with jq, and the page with
# Python's HTML parser, so neither side is carve's own text).
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

"$CARVE_SRC/samples/make-shop-history" "$CARVE_SRC/samples/shop" shop >/dev/null 2>&1
ok $? "sample with history"
cat >shop/carve.json <<'JSON'
{ "target": "go",
  "plan": { "start": "2027-01-04", "capacity": 3 } }
JSON

# cells of the rows of a section's tables (or Gantt rows), tab-separated:
#   rows.py PAGE SECTION-ID [table-index | gantt]
cat >rows.py <<'PY'
import sys
from html.parser import HTMLParser
page, sec, which = sys.argv[1], sys.argv[2], sys.argv[3]
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.depth = 0; self.insec = False
        self.tables = []; self.row = None; self.cell = None; self.gantt = []
        self.gdiv = 0
    def handle_starttag(self, tag, a):
        a = dict(a)
        if tag == "section": self.insec = a.get("id") == sec
        if not self.insec: return
        if tag == "table": self.tables.append([])
        if tag == "tr": self.row = []
        if tag in ("td", "th"): self.cell = ""
        if tag == "div" and a.get("class") == "gr": self.row = []; self.gdiv = 1
        elif tag == "span" and self.gdiv and self.cell is None: self.cell = ""
        elif tag == "small" and self.cell is not None: self.cell += "\x00"
    def handle_endtag(self, tag):
        if not self.insec: return
        if tag in ("td", "th") and self.row is not None:
            self.row.append(self.cell.strip()); self.cell = None
        if tag == "tr" and self.tables: self.tables[-1].append(self.row); self.row = None
        if tag == "span" and self.gdiv and self.cell is not None:
            self.row.append(self.cell.split("\x00")[0].strip()); self.cell = None
        if tag == "div" and self.gdiv: self.gantt.append(self.row[:3]); self.gdiv = 0; self.row = None
    def handle_data(self, d):
        if self.insec and self.cell is not None: self.cell += d
p = P(); p.feed(open(page, encoding="utf-8").read())
rows = p.gantt if which == "gantt" else p.tables[int(which)][1:]
for r in rows: print("\t".join(r))
PY

# thousands separators as the page writes them
commas() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

expect_status "report with target and plan" 0 "$CARVE" report -q -o r.html shop
"$CARVE" estimate -q -f json -o est.json shop
ok $? "carve estimate -f json"
"$CARVE" roadmap -q -f json -o rm.json shop
ok $? "carve roadmap -f json"

# estimate: every context's code, P50 and P10-P90, rounded to whole days
jq -r '.estimate.contexts[] | select(.excluded == null) |
	[.name, (.code | tostring), (.days.p50 | round | tostring),
	 "\(.days.p10 | round)-\(.days.p90 | round)"] | @tsv' est.json |
	commas | sort >want.tsv
python3 rows.py r.html estimate 0 | grep -v '^phase 0\|^total' |
	cut -f1,2,5,6 | sort >got.tsv
check "estimate rows as carve estimate -f json" cmp want.tsv got.tsv
check "and there are some" test "$(wc -l <want.tsv)" -gt 5
p50=$(jq '.estimate.total.p50 | round' est.json | commas)
range=$(jq -r '"\(.estimate.total.p10 | round)-\(.estimate.total.p90 | round)"' est.json | commas)
expect_eq "total P50 and P10-P90" "$(printf 'total\t%s\t%s' "$p50" "$range")" \
	"$(python3 rows.py r.html estimate 0 | grep '^total' | cut -f1,5,6)"
grep_q "tile: effort P50 ($p50)" "<b>$p50</b><span>engineer-days, effort P50" r.html
grep_q "tile: P10-P90 ($range)" "<b>$range</b><span>engineer-days, P10-P90" r.html
cocomo=$(jq '.estimate.cocomo.days | round' est.json)
grep_q "COCOMO II line ($cocomo engineer-days)" \
	"person-months = $cocomo engineer-days" r.html
jq -r '.estimate.assumptions[] | [.name, .value, .source] | @tsv' est.json >want.tsv
python3 rows.py r.html estimate 1 >got.tsv
check "assumptions of the estimate as carve estimate's" cmp want.tsv got.tsv

# roadmap: milestones, the finish tile, Gantt bars, critical path
jq -r '.roadmap.milestones[] | [.name, .planned, .p50, (.p10 // "none"), (.p90 // "none")] | @tsv' rm.json >want.tsv
python3 rows.py r.html roadmap 0 >got.tsv
check "milestones as carve roadmap -f json" cmp want.tsv got.tsv
fin=$(jq -r '.roadmap.milestones[] | select(.name == "finish") | "\(.p50) (\(.p10) to \(.p90))"' rm.json)
grep_q "tile: finish $fin" "$fin</b><span>finish P50 (P10 to P90" r.html
jq -r '(.roadmap.tasks[] | select(.kind != "step")), .roadmap.contexts[] |
	[.name, .start, .end] | @tsv' rm.json | sort >want.tsv
python3 rows.py r.html roadmap gantt | sort >got.tsv
check "Gantt: phase 0, data and every context with their dates" cmp want.tsv got.tsv
# the path's steps "ctx: port" collapse to the context, once per run
path=$(jq -r '[.roadmap.critical_path[] | sub(": .*$"; "")] |
	reduce .[] as $x ([]; if .[-1] == $x then . else . + [$x] end) |
	join(" → ")' rm.json)
grep_q "critical path" "$path" r.html
expect_eq "two drawings: contexts and roadmap" 2 \
	"$(grep -c '<figure class=graph><svg' r.html)"
grep_q "the roadmap drawing is gvc's" 'class="graph"' r.html
check "no Mermaid, no remote script" sh -c \
	"! grep -Eiq 'mermaid|<script src' r.html"
size=$(wc -c <r.html)
check "under 2 MB ($size bytes)" test "$size" -lt 2000000
"$CARVE" report -q -o r2.html shop
check "same input, same bytes" cmp r.html r2.html

# --target without a "target" key
cat >shop/carve.json <<'JSON'
{ "plan": { "start": "2027-01-04", "capacity": 3 } }
JSON
expect_status "--target" 0 "$CARVE" report -q --target go -o t.html shop
grep_q "--target fills the estimate" "<b>$p50</b><span>engineer-days, effort P50" t.html
grep_q "target in the assumptions" "<td>target</td><td>go for back-end code" t.html

# declared contexts (samples/cases/ecommerce-plan.json): the plan's own
cp "$CARVE_SRC/samples/cases/ecommerce-plan.json" shop/carve.json
"$CARVE" roadmap -q -f json -o eplan.json shop
expect_status "report of a declared plan" 0 "$CARVE" report -q -o e.html shop
jq -r '.roadmap.milestones[] | [.name, .planned, .p50, (.p10 // "none"), (.p90 // "none")] | @tsv' eplan.json >want.tsv
python3 rows.py e.html roadmap 0 >got.tsv
check "declared plan: milestones as carve roadmap's" cmp want.tsv got.tsv
grep_q "declared plan: the database is separated" "database separation" e.html

# from a model: its estimate and roadmap parts
expect_status "report of a roadmap model" 0 "$CARVE" report -q -o m.html rm.json
jq -r '.roadmap.milestones[] | [.name, .planned, .p50, (.p10 // "none"), (.p90 // "none")] | @tsv' rm.json >want.tsv
python3 rows.py m.html roadmap 0 >got.tsv
check "model: milestones from its roadmap part" cmp want.tsv got.tsv
mp50=$(jq '.estimate.total.p50 | round' rm.json | commas)
grep_q "model: effort P50 from its estimate part ($mp50)" \
	"<b>$mp50</b><span>engineer-days, effort P50" m.html
grep_q "model: no schedule to draw, says so" \
	"The drawing is made while scheduling" m.html
"$CARVE" scan -q -f json -o scan.json shop
expect_status "report of a scan model" 0 "$CARVE" report -q -o s.html scan.json
grep_q "scan model: says what fills the estimate" \
	"To fill this section, run carve estimate -f json" s.html
grep_q "scan model: says what fills the roadmap" \
	"To fill this section, run carve roadmap -f json" s.html

# burndown: the migration sample (legacy, new and a plan in carve.json)
"$CARVE_SRC/samples/make-migration-history" mig >/dev/null 2>&1
"$CARVE" burndown -q -f json -o bd.json mig
ok $? "carve burndown -f json"
expect_status "report of a migration" 0 "$CARVE" report -q -o b.html mig
expect_eq "forecast and plan rows as carve burndown's" \
	"$(jq -r '.burndown.forecast | "forecast\t\(.p50)\t\(.p90)\nplan\t\(.planned_p50)\t\(.planned_p90)"' bd.json)" \
	"$(python3 rows.py b.html burndown 0 | cut -f1-3)"
pct=$(jq -r '.burndown.actual[-1].share_migrated * 100 | . * 10 | round / 10 | tostring | if test("\\.") then . else . + ".0" end' bd.json)
grep_q "migrated tile from the actual series ($pct%)" \
	"<b>$pct%</b><span>migrated by" b.html
grep_q "it slips, as carve burndown says" "The forecast slips" b.html
test "$(jq '.burndown.forecast.slips' bd.json)" = true
ok $? "(carve burndown says it slips)"
expect_eq "the last sample's legacy and new code" \
	"$(jq -r '.burndown.actual[-1] | "\(.date)\t\(.legacy_code)\t\(.new_code)"' bd.json)" \
	"$(python3 rows.py b.html burndown 1 | tail -1 | cut -f1,3,4 | tr -d ,)"
grep_q "the chart is inline SVG" "<figure class=graph><svg" b.html
check "the chart has the plan band" grep -q '<polygon' b.html
# the plan declares its contexts: the roadmap is the plan's
"$CARVE" roadmap -q -f json -o mrm.json mig
jq -r '.roadmap.milestones[] | [.name, .planned, .p50, (.p10 // "none"), (.p90 // "none")] | @tsv' mrm.json >want.tsv
python3 rows.py b.html roadmap 0 >got.tsv
check "migration: milestones as carve roadmap's" cmp want.tsv got.tsv
"$CARVE" report -q -o b2.html mig
check "same bytes again" cmp b.html b2.html
# the roadmap's assumptions are recorded by the report and again by the
# burndown's plan: the appendix lists each once
python3 rows.py b.html appendix 1 >app.tsv
expect_eq "appendix rows are unique" "$(sort app.tsv | uniq | wc -l)" "$(wc -l <app.tsv)"
check "the appendix has the roadmap's start" grep -q '^start	2024-02-05' app.tsv
# no "new" declared: the section says what fills it
grep_q "no legacy/new: says what fills the burndown" \
	"To fill this section, declare &quot;legacy&quot; and &quot;new&quot;" r.html
grep_q "and the migrated tile says the same" \
	"migrated so far: declare &quot;legacy&quot; and &quot;new&quot;" r.html

# long tables are cut with a count: the estimate's contexts and the
# Gantt rows, shown 3 at a time
expect_status "--max-rows 3" 0 "$CARVE" report -q --target go --max-rows 3 -o short.html shop
grep_q "estimate table counted" "more rows not shown (carve estimate lists them all)" short.html
grep_q "Gantt counted" "more rows not shown (carve roadmap -f csv lists them all)" short.html
expect_eq "Gantt shows 3 bars" 3 "$(python3 rows.py short.html roadmap gantt | wc -l | tr -d ' ')"

# names from carve.json are escaped in every planning section
cat >shop/carve.json <<'JSON'
{ "plan": { "start": "2027-01-04", "capacity": 2, "contexts": [
    { "name": "<img src=x onerror=alert(1)>", "days": 10 },
    { "name": "a&b\"c", "days": 5, "depends": ["<img src=x onerror=alert(1)>"] } ] } }
JSON
expect_status "report of hostile names" 0 "$CARVE" report -q -o h.html shop
check "no raw tag from a name" sh -c "! grep -q '<img src=x' h.html"
grep_q "the name is shown escaped" '&lt;img src=x onerror=alert(1)&gt;' h.html
python3 rows.py h.html roadmap gantt | cut -f1 | sort >got.tsv
printf '%s\n' '<img src=x onerror=alert(1)>' 'a&b"c' >want.tsv
grep -v '^routing\|^CI/CD\|^observability\|^side-by-side' got.tsv >got2.tsv
check "the Gantt reads the names back as written" cmp want.tsv got2.tsv

# a plan that is malformed is an error naming carve.json
cat >shop/carve.json <<'JSON'
{ "plan": { "start": "2027-02-30" } }
JSON
expect_status "bad plan start" 128 "$CARVE" report -q -o x.html shop
test ! -e x.html
ok $? "nothing written"

done_testing
