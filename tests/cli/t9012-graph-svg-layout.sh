#!/bin/sh
# carve graph -f svg|png on graphs whose layout broke Graphviz 2.42
# (issue 22, finding 5): a double free in gvFreeLayout (exit 134) and
# "trouble in init_rank". The graphs are made here: Python packages
# nested under a few folders, each file importing up to six others, from
# a fixed seed; cycles give "cut?" edges inside clusters, the trigger.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

# gen SEED DIR: 150 modules, reproducible from the seed
gen() {
	python3 - "$1" "$2" <<'PY'
import os, random, sys
r = random.Random(int(sys.argv[1]))
d = sys.argv[2]
tops = ['app', 'core', 'lib', 'web', 'api'][:r.randint(2, 5)]
mods = []
for i in range(150):
	parts = [r.choice(tops)] + [r.choice(['x', 'y', 'z', 'models', 'views'])
				    for _ in range(r.randint(1, 3) - 1)]
	mods.append('/'.join(parts) + '/m%d' % i)
for m in mods:
	os.makedirs(os.path.join(d, os.path.dirname(m)), exist_ok=True)
for m in mods:
	with open(os.path.join(d, m + '.py'), 'w') as f:
		for t in r.sample(mods, r.randint(0, 6)):
			f.write('import %s\n' % t.replace('/', '.'))
PY
}

for seed in 1 3; do
	gen $seed r$seed
	make_repo r$seed
	git -C r$seed add -A && git -C r$seed commit -qm init
	expect_status "seed $seed: an SVG of the file graph" 0 \
		"$CARVE" graph -q --level file -f svg -o g$seed.svg r$seed
	expect_eq "seed $seed: every node drawn" 150 \
		"$(grep -c '<g id="node' g$seed.svg)"
	expect_eq "seed $seed: no Graphviz noise on stderr" "" "$(cat err)"
done
expect_status "a PNG too" 0 "$CARVE" graph -q --level file -f png -o g.png r1
expect_eq "the PNG signature" "PNG" "$(head -c 4 g.png | tail -c 3)"
# the DOT text keeps its edge labels: only drawings move them outside
"$CARVE" graph -q --level file -f dot -o g.dot r1
grep_q "DOT: cut edges labelled" 'label="cut?"' g.dot

echo "1..$test_count"
[ "$test_failed" -eq 0 ]
