#!/bin/sh
# carve scan -f cloc against real `cloc --json` (1.96) on the same files
# of the shop and cprog samples: the same header fields, the same fields
# per language and in SUM, the same languages with the same file counts,
# code lines within 1% (carve's promise against cloc, t1005). -f tokei
# against tokei's JSON shape (tests/schemas/tokei-output.schema.json,
# written from tokei's serde types: tokei is in neither Debian 12 nor
# npm), its totals the sums of its reports and equal to -f cloc's.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

# Debian's python3 and its packages (python3-jsonschema, ...) first
PYTHON=${CARVE_PYTHON:-/usr/bin/python3}
[ -x "$PYTHON" ] || PYTHON=python3

if ! command -v cloc >/dev/null || ! "$PYTHON" -c 'import jsonschema' 2>/dev/null; then
	echo "1..0 # SKIP cloc or python3-jsonschema is not installed"
	exit 0
fi

for sample in shop cprog; do
	cp -r "$CARVE_SRC/samples/$sample" "$sample"
	make_repo "$sample" >/dev/null
	git -C "$sample" add -A && git -C "$sample" commit -qm sample
	expect_status "$sample: -f cloc" 0 "$CARVE" scan -q -f cloc "$sample"
	mv out "$sample.carve.json"
	# cloc on exactly the files carve counted
	"$CARVE" scan -q -f csv "$sample" |
		"$PYTHON" -c 'import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["status"] == "counted": print(sys.argv[1] + "/" + r["path"])' \
		"$sample" >"$sample.list"
	cloc --quiet --json --skip-uniqueness --timeout=0 \
		--list-file="$sample.list" >"$sample.cloc.json" 2>/dev/null
	ok $? "$sample: cloc --json on the $(wc -l <"$sample.list") counted files"
	"$PYTHON" - "$sample.carve.json" "$sample.cloc.json" >cmp.txt 2>&1 <<'PY'
import json, sys
carve = json.load(open(sys.argv[1]))
cloc = json.load(open(sys.argv[2]))
bad = []
def keys(o):
    return sorted(o.keys())
if keys(carve['header']) != keys(cloc['header']):
    bad.append('header fields %s, cloc %s' % (keys(carve['header']), keys(cloc['header'])))
if keys(carve['SUM']) != keys(cloc['SUM']):
    bad.append('SUM fields %s, cloc %s' % (keys(carve['SUM']), keys(cloc['SUM'])))
langs = lambda d: sorted(k for k in d if k not in ('header', 'SUM'))
# cloc may call a file "Text" or name what carve counts as a language
# it does not know; compare the languages both report
both = set(langs(carve)) & set(langs(cloc))
if len(both) < 2:
    bad.append('languages in common: %s' % sorted(both))
for k in sorted(both):
    a, b = carve[k], cloc[k]
    if keys(a) != keys(b):
        bad.append('%s fields %s, cloc %s' % (k, keys(a), keys(b)))
    if a['nFiles'] != b['nFiles']:
        bad.append('%s: %d files, cloc %d' % (k, a['nFiles'], b['nFiles']))
    if abs(a['code'] - b['code']) > 0.01 * max(b['code'], 1):
        bad.append('%s: %d code, cloc %d' % (k, a['code'], b['code']))
    print('%s: carve %d files %d code, cloc %d files %d code' %
          (k, a['nFiles'], a['code'], b['nFiles'], b['code']))
for f in ('nFiles', 'blank', 'comment', 'code'):
    if carve['SUM'][f] != sum(carve[k][f] for k in langs(carve)):
        bad.append('SUM %s is not the sum of the languages' % f)
h = carve['header']
if h['n_files'] != carve['SUM']['nFiles'] or \
   h['n_lines'] != sum(carve['SUM'][f] for f in ('blank', 'comment', 'code')):
    bad.append('header n_files/n_lines disagree with SUM')
order = [carve[k]['code'] for k in carve if k not in ('header', 'SUM')]
if order != sorted(order, reverse=True):
    bad.append('languages not by code, most first (cloc\'s order)')
print('\n'.join(bad))
sys.exit(1 if bad else 0)
PY
	ok $? "$sample: cloc's fields, languages and file counts; code within 1%"
	sed 's/^/# /' cmp.txt

	expect_status "$sample: -f tokei" 0 "$CARVE" scan -q -f tokei "$sample"
	mv out "$sample.tokei.json"
	"$PYTHON" "$CARVE_SRC/tests/cli/validate-json.py" \
		"$CARVE_SRC/tests/schemas/tokei-output.schema.json" \
		"$sample.tokei.json" >val.txt 2>&1
	ok $? "$sample: -f tokei has tokei's shape"
	sed 's/^/# /' val.txt
	"$PYTHON" - "$sample.tokei.json" "$sample.carve.json" >cmp.txt 2>&1 <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
c = json.load(open(sys.argv[2]))
bad = []
for name, l in t.items():
    rs = l['reports'] if name != 'Total' else [r for v in l['children'].values() for r in v]
    for f in ('blanks', 'code', 'comments'):
        if l[f] != sum(r['stats'][f] for r in rs):
            bad.append('%s: %s is not the sum of its reports' % (name, f))
if (t['Total']['code'], t['Total']['comments'], t['Total']['blanks']) != \
   (c['SUM']['code'], c['SUM']['comment'], c['SUM']['blank']):
    bad.append('Total differs from -f cloc SUM')
if sorted(t['Total']['children']) != sorted(k for k in t if k != 'Total'):
    bad.append('Total children are not the languages')
print('\n'.join(bad))
sys.exit(1 if bad else 0)
PY
	ok $? "$sample: tokei totals are the sums of the reports and equal cloc's SUM"
	sed 's/^/# /' cmp.txt
done
grep -q '"CHeader"' cprog.tokei.json && grep -q '"C/C++ Header"' cprog.carve.json
ok $? "each tool's own language names (CHeader, C/C++ Header)"

done_testing
