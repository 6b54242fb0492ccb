#!/bin/sh
# carve report in a real browser (headless Chromium): the page renders
# without console messages (a CSP violation or a script error would log
# one), the script the policy allows by hash runs (it marks the table
# headers sortable), the drawings are in the rendered DOM, and a
# screenshot is saved beside the binary under test (build/report.png).
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

browser=
for b in chromium chromium-browser google-chrome; do
	command -v "$b" >/dev/null 2>&1 && browser=$b && break
done
if [ -z "$browser" ]; then
	echo "1..0 # SKIP chromium not installed (scripts/install-deps installs it)"
	exit 0
fi
run() {
	timeout 120 "$browser" --headless --disable-gpu --no-sandbox \
		--no-first-run --user-data-dir="$TEST_DIR/profile" \
		--enable-logging=stderr --v=0 --virtual-time-budget=3000 "$@"
}

# the control: a page whose script the policy blocks must log a console
# message, or the checks below could not fail
printf '%s\n' '<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src '\''none'\''"><script>document.title="ran"</script><p>x' >bad.html
run --dump-dom "file://$TEST_DIR/bad.html" >bad.dom 2>bad.err
grep_q "control: a blocked script logs to the console" "CONSOLE" bad.err
check "control: and does not run" sh -c "! grep -q '<title>ran' bad.dom"

"$CARVE_SRC/samples/make-shop-history" "$CARVE_SRC/samples/shop" shop >/dev/null 2>&1
expect_status "report" 0 "$CARVE" report -q -o report.html shop
run --dump-dom "file://$TEST_DIR/report.html" >dom.html 2>dom.err
ok $? "chromium renders the page"
check "no console message (errors, CSP violations)" sh -c "! grep CONSOLE dom.err"
grep CONSOLE dom.err | head -3 | sed 's/^/# /'
grep_q "the allowed script ran: headers are sortable" '<th class="sort"' dom.html
grep_q "the context drawing is in the DOM" '<figure class="graph"><svg' dom.html
grep_q "its nodes are drawn" '<g id="node1" class="node">' dom.html

# the planning sections: the migration sample (legacy, new and a plan)
# with a target, so estimate, roadmap and burndown are all drawn
"$CARVE_SRC/samples/make-migration-history" mig >/dev/null 2>&1
jq '. + {target: "go"}' mig/carve.json >c.json && mv c.json mig/carve.json
expect_status "report with every planning section" 0 \
	"$CARVE" report -q -o plan.html mig
run --dump-dom "file://$TEST_DIR/plan.html" >plan.dom 2>plan.err
ok $? "chromium renders it"
check "no console message with the new drawings" sh -c "! grep CONSOLE plan.err"
grep CONSOLE plan.err | head -3 | sed 's/^/# /'
# no dependency crosses the sample's contexts (a note says so): two
expect_eq "two drawings in the DOM: roadmap and burndown" 2 \
	"$(grep -o '<figure class="graph"><svg' plan.dom | wc -l | tr -d ' ')"
grep_q "the roadmap drawing" '<figcaption>Phases as boxes' plan.dom
grep_q "the burndown chart" '<figcaption>Legacy code lines left' plan.dom
grep_q "the Gantt bars are in the DOM" '<i class="gb' plan.dom
grep_q "the estimate table is there" '<td>total</td>' plan.dom

shot="$(dirname "$CARVE")/report.png"
rm -f "$shot"
run --screenshot="$shot" --window-size=1280,2000 \
	"file://$TEST_DIR/report.html" >/dev/null 2>shot.err
test -s "$shot" && [ "$(head -c 4 "$shot" | tail -c 3)" = PNG ]
ok $? "screenshot saved in $shot"

done_testing
