#!/bin/sh
# The report at scale (issue 23): 60 contexts make a dependency structure
# matrix instead of a drawing, and the page read in headless Chromium at
# 1280 px has no text under 11 px, no table wider than the page and no
# console message (scripts/report-layout measures it). A generated tree:
# 60 top-level directories of 4 sub-directories of 3 files, each file
# importing the next sub-directory's first file, the last sub-directory
# the next top directory's: each top directory is one context (its
# sub-directories are its folders), and they depend on each other in a
# ring. One top directory has a name of 70 characters: in the tables it
# is cut in the middle, whole on hover.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

long=p_a_top_level_directory_whose_name_runs_on_far_past_any_column_width
python3 - "$long" <<'PY'
import os, sys
long = sys.argv[1]
name = lambda t: long if t == 7 else "t%02d" % t
for t in range(60):
    for d in range(4):
        path = "big/%s/s%02dd%d" % (name(t), t, d)
        os.makedirs(path, exist_ok=True)
        nt, nd = (t, d + 1) if d < 3 else ((t + 1) % 60, 0)
        nxt = "%s.s%02dd%d" % (name(nt), nt, nd)
        for f in range(3):
            with open("%s/f%d.py" % (path, f), "w") as fp:
                fp.write("from %s import f0\nfrom . import f%d\nX = %d\n"
                         % (nxt, (f + 1) % 3, f))
PY
ok $? "720 files in 60 top directories"
"$CARVE" seams -q --no-history -f csv big >c.csv || fail "seams"
expect_eq "60 contexts" 60 "$(cut -d, -f2 c.csv | sed 1d | sort -u | wc -l | tr -d ' ')"

expect_status "report" 0 "$CARVE" report -q --no-history -o r.html big
grep_q "a matrix, not a drawing" '<table class=dsm>' r.html
check "no drawing of the contexts" sh -c "! grep -q '<figure class=graph><svg' r.html"
# one row per context: 60 diagonal squares
expect_eq "60 rows, one diagonal square each" 60 \
	"$(grep -o '<td class="c d">' r.html | wc -l | tr -d ' ')"
grep_q "the matrix says how to read it" "row i depends on column j" r.html
# each context depends on the next one only: 60 filled squares
expect_eq "60 dependencies" 60 "$(grep -o '<td class="c l[1-4]' r.html | wc -l | tr -d ' ')"
# its files' paths, 83 characters: the first 18 and the folders that
# fit in the last 37, the whole path on hover
grep_q "a long path is cut in the middle" \
	"<span title=\"$long/s07d0/f0.py\">p_a_top_level_dire…/s07d0/f0.py</span>" r.html
check "and never wraps mid-name" sh -c "! grep -q 'td code[^{]*{[^}]*break-all' r.html"

expect_status "--max-nodes 100: drawn" 0 "$CARVE" report -q --no-history --max-nodes 100 -o d.html big
grep_q "the drawing instead" '<figure class=graph><svg' d.html

if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
	"$CARVE_SRC/scripts/report-layout" r.html 1280 >layout.txt 2>&1
	ok $? "the page at 1280 px: text >= 11 px, no wide table, no console message"
	sed 's/^/# /' layout.txt
	# the control: the drawing of 60 contexts, shrunk to the page,
	# has text under 11 px, so the measure can fail
	sed 's|figure.graph svg{max-width:none|figure.graph svg{max-width:100%|' d.html >shrunk.html
	"$CARVE_SRC/scripts/report-layout" shrunk.html 1280 >shrunk.txt 2>&1
	expect_status "control: a shrunk drawing fails the measure" 1 sh -c "exit $?"
else
	skip "chromium not installed (scripts/install-deps installs it)"
fi
done_testing
