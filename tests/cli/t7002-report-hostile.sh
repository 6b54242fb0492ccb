#!/bin/sh
# carve report with hostile names (markup, quotes, control characters in
# paths, directories and author names) and a large repository (tables
# capped with counts, the drawing collapsed, the page small).
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo evil >/dev/null
# a path can hold "</": a directory '<script>alert(1)<' and a file in it
mkdir -p 'evil/<svg onload=alert(1)>' 'evil/app' 'evil/<script>alert(1)<'
printf 'import os\n' >'evil/<script>alert(1)</script>.py'
printf 'x = "a"\n' >"evil/it's \"quoted\".py"
printf 'y = 1\n' >"$(printf 'evil/ctl\001name.py')"
for i in 1 2 3; do
	printf 'from app import m%s\n' "$i" >"evil/<svg onload=alert(1)>/v$i.py"
	printf 'VALUE = %s\n' "$i" >"evil/app/m$i.py"
done
git -C evil add -A
# git drops < and > from names (and quotes at either end); inner quotes and ampersands stay
GIT_AUTHOR_NAME="Eve \"O'Hara\" & Co" git -C evil commit -qm one
ok $? "repository with hostile names"

expect_status "report" 0 "$CARVE" report -q -o r.html evil
check "no script element from a file name" sh -c "! grep -q '<script>alert' r.html"
check "no svg element from a directory name" sh -c "! grep -q '<svg onload' r.html"
grep_q "the file name is shown, escaped" \
	'&lt;script&gt;alert(1)&lt;/script&gt;.py' r.html
grep_q "quotes are escaped" "it&#39;s &quot;quoted&quot;.py" r.html
# SOH (0x01) is shown as its picture U+2401
grep_q "a control character is shown as its picture" 'ctl&#x2401;name.py' r.html
grep_q "the author is shown, escaped" '<td>Eve &quot;O&#39;Hara&quot; &amp; Co</td>' r.html
# Graphviz escapes the labels of the drawing itself
grep_q "the drawing holds the directory name, escaped" \
	'&lt;svg onload=alert(1)&gt;' r.html
check "no raw control byte in the page" sh -c "! LC_ALL=C grep -q \"\$(printf '\\001')\" r.html"

# large: 40 top-level directories of 25 sub-directories of 3 files each
# (3,000 files), each file importing the next directory's first file
# (the last sub-directory the next top directory's);
# the sub-directories' names differ (a name recurring in sibling folders
# would be a layer of them, and each top directory one context)
python3 - <<'PY'
import os
n = 0
for t in range(40):
    for d in range(25):
        path = "big/t%02d/t%02dd%02d" % (t, t, d)
        os.makedirs(path, exist_ok=True)
        # the last sub-directory imports the next top directory's
        # first: dependencies between the top directories to draw
        nt, nd = (t, d + 1) if d < 24 else ((t + 1) % 40, 0)
        nxt = "t%02d.t%02dd%02d" % (nt, nt, nd)
        for f in range(3):
            with open("%s/f%d.py" % (path, f), "w") as fp:
                fp.write("from %s import f0\nfrom . import f%d\nX = %d\n"
                         % (nxt, (f + 1) % 3, n))
            n += 1
PY
ok $? "3,000 files"
expect_status "report of a large tree" 0 "$CARVE" report -q --no-history -o big.html big
size=$(wc -c <big.html)
test "$size" -lt 3000000
ok $? "the page stays under 3 MB ($size bytes)"
# largest files: 20 rows shown of 3,000 counted
grep_q "largest files capped with a count" "2,980 more rows not shown (carve scan -f csv" big.html
# each of the 1,000 directories is a Python package, so a module: a cap
# of 10 rows leaves 990
expect_status "report with --max-rows 10" 0 "$CARVE" report -q --no-history --max-rows 10 -o b10.html big
grep_q "modules capped at 10" "990 more rows not shown (carve scan lists them all)" b10.html
# more contexts than --max-nodes: a matrix of the 40 contexts (each top
# directory one) instead of a drawing
expect_status "report with --max-nodes 5" 0 "$CARVE" report -q --no-history --max-nodes 5 --max-rows 10 -o b5.html big
grep_q "a matrix instead of a drawing" "40 contexts in extraction order, too many to draw (over 5)" b5.html
expect_eq "one diagonal square per context" 40 "$(grep -o '<td class="c d">' b5.html | wc -l | tr -d ' ')"
# over 150 contexts (200 directories of three files importing each other,
# each directory's first file w000/a.py, a hub: the shared kernel and 200
# contexts), over the matrix's cap of 150: a note
python3 - <<'PY'
import os
for t in range(200):
    os.makedirs("wide/w%03d" % t, exist_ok=True)
    with open("wide/w%03d/a.py" % t, "w") as fp:
        fp.write("from w000 import a\nfrom . import b\n")
    for f, g in (("b", "c"), ("c", "a")):
        with open("wide/w%03d/%s.py" % (t, f), "w") as fp:
            fp.write("from . import %s\n" % g)
PY
expect_status "report of 200 top-level directories" 0 "$CARVE" report -q --no-history --max-nodes 5 -o w.html wide
grep_q "too many even for a matrix: a note, no drawing" "contexts are too many for a matrix (over 150)" w.html
check "no empty drawing" sh -c "! grep -q '<figure class=graph>' w.html"

done_testing

