#!/bin/sh
# carve burndown's outputs: CSV a spreadsheet cannot be tricked by, JSON
# that is the model, an SVG chart with everything a PM pastes in a slide,
# a real PNG, the text table; all byte-identical from run to run.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

"$CARVE_SRC/samples/make-migration-history" mig >/dev/null 2>&1

# a tag whose name a spreadsheet would run as a formula
git -C mig tag -a "=HYPERLINK(1)" -m evil "v1^{}"
"$CARVE" burndown -q --interval tag -f csv -o tags.csv mig
grep_q "a cell starting with = is neutralised" "^[^,]*,[^,]*,[^,]*,\"'=HYPERLINK(1)\"," tags.csv
expect_eq "CSV lines end in CRLF (RFC 4180)" \
	"$(wc -l <tags.csv)" "$(grep -c "$(printf '\r')\$" tags.csv)"
expect_eq "CSV header" "date,commit,commit_date,tag,legacy_code" \
	"$(head -1 tags.csv | cut -d, -f1-5)"

"$CARVE" burndown -q -f json -o a.json mig
"$CARVE" burndown -q -f json -o b.json mig
cmp -s a.json b.json
ok $? "JSON is byte-identical from run to run"
expect_eq "JSON is the model" '"carve/1"' "$(jq .schema a.json)"
expect_eq "52 actual points" 52 "$(jq '.burndown.actual | length' a.json)"
expect_eq "ISO dates" 1 \
	"$(jq -r '.burndown.actual[0].date' a.json | grep -c '^2024-01-08$')"
jq -e '.assumptions[] | select(.name == "forecast")' a.json >/dev/null
ok $? "the forecast's method is among the assumptions"

"$CARVE" burndown -q -f json --seed 7 -o seed7.json mig
"$CARVE" burndown -q -f json --seed 7 -o seed7b.json mig
cmp -s seed7.json seed7b.json
ok $? "--seed fixes the forecast"
expect_eq "--seed is recorded" 7 "$(jq .burndown.forecast.seed seed7.json)"

"$CARVE" burndown -q -f svg -o chart.svg mig
"$CARVE" burndown -q -f svg -o chart2.svg mig
cmp -s chart.svg chart2.svg
ok $? "SVG is byte-identical from run to run"
xmllint --noout chart.svg 2>/dev/null || python3 -c "import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.argv[1])" chart.svg
ok $? "the SVG is well-formed XML"
grep_q "1200x600" 'width="1200" height="600"' chart.svg
grep_q "title" 'Migration burndown: mig' chart.svg
grep_q "y axis unit" '>code lines<' chart.svg
grep_q "date ticks" '>2024-07<' chart.svg
grep_q "actual line in the legend" '>actual legacy code<' chart.svg
grep_q "new code in the legend" '>new code<' chart.svg
grep_q "scope growth is its own series" \
	'>scope growth: code added to legacy since the start<' chart.svg
check "no burn-up line mixing scope and legacy" \
	sh -c "! grep -q 'legacy at start + added' chart.svg"
grep_q "share in the subtitle: 2085 / (470 + 2085)" '81.6% migrated' chart.svg
grep_q "today marker" '>today<' chart.svg
grep_q "forecast marker" '>forecast P50<' chart.svg
# the y axis goes to the next multiple above the largest value drawn
# (the plan's P90 band in code lines, or the legacy at the start, 2,300)
# of the step 1, 2 or 5 x 10^k that makes at most 6 parts of it
max=$("$CARVE" burndown -q -f json mig | jq '[.burndown.planned[] | if .remaining_days > 0 then .p90_days * .legacy_code / .remaining_days else 0 end] + [2300] | max')
top=$(awk -v m="$max" 'BEGIN {
	for (p = 1; ; p *= 10)
		for (i = 1; i <= 3; i++) {
			s = p * (i == 1 ? 1 : i == 2 ? 2 : 5)
			if (m / s <= 6) { t = s * int(m / s); if (t < m) t += s; print t; exit }
		}
}')
label=$(printf "%d" "$top" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta')
grep_q "y axis labels (to $label)" ">$label<" chart.svg

"$CARVE" burndown -q -f png -o chart.png mig
expect_eq "PNG signature and size" "PNG image data, 1200 x 600" \
	"$(file -b chart.png | cut -d, -f1-2)"

"$CARVE" burndown -q mig >text.txt
grep_q "text: the table" '^2024-12-30 ' text.txt
grep_q "text: the sparkline" '^legacy  ' text.txt
grep_q "text: the forecast" '^forecast: P50 2025-' text.txt
grep_q "text: the plan (none without a roadmap)" '^plan: ' text.txt
# the main series beside the plan: each row's planned legacy code is the
# CSV's for the same date (the plan's period within 4 days)
"$CARVE" burndown -q -f csv mig | tr -d '\r' >rows.csv
bad=0 n=0
for d in $(awk '/^2024-[0-9-]+  / { print $1 }' text.txt); do
	n=$((n + 1))
	want=$(awk -F, -v d="$d" '$1 == d { print ($18 == "" ? "-" : $18) }' rows.csv)
	got=$(awk -v d="$d" '$1 == d { print $NF }' text.txt | tr -d ,)
	[ -n "$want" ] && [ "$want" = "$got" ] || bad=$((bad + 1))
done
expect_eq "text: planned legacy code as in the CSV" 0 "$bad"
check "(rows compared: $n)" test "$n" -ge 10
grep_q "text: the planned legacy column" 'violations  planned legacy$' text.txt
grep_q "text: scope growth on its own line" '^scope growth: 250 code lines' text.txt
grep_q "text: assumptions" '^  scope: legacy code at the start' text.txt

# a failed write leaves nothing behind
expect_status "unwritable output" 128 "$CARVE" burndown -q -o nodir/x.csv -f csv mig
test ! -e nodir/x.csv
ok $? "no half-written output"

done_testing
