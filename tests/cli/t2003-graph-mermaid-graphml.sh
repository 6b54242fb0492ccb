#!/bin/sh
# carve graph -f mermaid and -f graphml, read back by their consumers:
# GraphML by xmllint (well-formed XML) and NetworkX's read_graphml
# (Debian's python3-networkx), Mermaid by mermaid's own parser (npm, in
# build-npm from scripts/install-npm-tools; skipped with a reason when
# absent). Both must hold the nodes and edges of -f json, cuts included.
# The odd tree has names with & < > # that both formats must escape:
# main.c and odd/a&b<#1>.c include odd/a&b<#1>.h, so 3 files, 2 edges.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

# Debian's python3 and its packages (python3-jsonschema, ...) first
PYTHON=${CARVE_PYTHON:-/usr/bin/python3}
[ -x "$PYTHON" ] || PYTHON=python3

npm_dir=${CARVE_NPM_TOOLS:-$CARVE_SRC/build-npm}

cp -r "$CARVE_SRC/samples/shop" shop
make_repo shop >/dev/null
git -C shop add -A && git -C shop commit -qm sample
mkdir -p odd/odd
printf '#include "odd/a&b<#1>.h"\nint main(void) { return f(); }\n' >odd/main.c
printf 'int f(void);\n' >'odd/odd/a&b<#1>.h'
printf '#include "a&b<#1>.h"\nint f(void) { return 0; }\n' >'odd/odd/a&b<#1>.c'
make_repo odd >/dev/null
git -C odd add -A && git -C odd commit -qm odd

for t in "shop module" "odd file"; do
	set -- $t
	repo=$1 level=$2
	"$CARVE" graph -q --level "$level" -f json "$repo" >"$repo.json"
	expect_status "$repo: -f graphml" 0 "$CARVE" graph -q --level "$level" -f graphml "$repo"
	mv out "$repo.graphml"
	xmllint --noout "$repo.graphml" 2>err.txt
	ok $? "$repo: the GraphML is well-formed XML (xmllint)"
	sed 's/^/# /' err.txt
	"$PYTHON" - "$repo.graphml" "$repo.json" >cmp.txt 2>&1 <<'PY'
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
m = json.load(open(sys.argv[2]))['graph']
bad = []
if not g.is_directed():
    bad.append('not directed')
names = {d['name']: n for n, d in g.nodes(data=True)}
if sorted(names) != sorted(x['name'] for x in m['nodes']):
    bad.append('nodes %s, json %s' % (sorted(names), [x['name'] for x in m['nodes']]))
if g.number_of_edges() != len(m['edges']):
    bad.append('%d edges, json %d' % (g.number_of_edges(), len(m['edges'])))
for e in m['edges']:
    d = g.get_edge_data(names.get(e['from']), names.get(e['to']))
    if d is None:
        bad.append('no edge %s -> %s' % (e['from'], e['to']))
    elif d['weight'] != e['weight'] or d['cut'] != e.get('cut', False) \
            or d['kinds'] != ','.join(e['kinds']):
        bad.append('edge %s -> %s: %s, json %s' % (e['from'], e['to'], d, e))
for x in m['nodes']:
    d = g.nodes[names[x['name']]]
    if (d['code'], d['fan_in'], d['cycle']) != (x['code'], x['fan_in'], x.get('cycle', 0)):
        bad.append('node %s: %s, json %s' % (x['name'], d, x))
print('%d nodes, %d edges' % (g.number_of_nodes(), g.number_of_edges()))
print('\n'.join(bad))
sys.exit(1 if bad else 0)
PY
	ok $? "$repo: NetworkX reads the nodes, edges, weights and cuts of -f json"
	sed 's/^/# /' cmp.txt

	expect_status "$repo: -f mermaid" 0 "$CARVE" graph -q --level "$level" -f mermaid "$repo"
	mv out "$repo.mmd"
	expect_eq "$repo: one node line per node of -f json" \
		"$(jq '.graph.nodes | length' "$repo.json")" \
		"$(grep -c '^    n[0-9]*\["' "$repo.mmd")"
	expect_eq "$repo: one arrow per edge, cuts dashed" \
		"$(jq '[.graph.edges | length, ([.[] | select(.cut)] | length)] | join(" ")' -r "$repo.json")" \
		"$(grep -c '^    n[0-9]* -\(-\|\.-\)>|' "$repo.mmd") $(grep -c '^    n[0-9]* -\.->|' "$repo.mmd")"
done
check "shop: the cycles' members are in class cycle" \
	grep -q '^    class n[0-9][0-9n,]* cycle$' shop.mmd
grep_q "odd: names escaped as entity codes" \
	'n1\["odd/a#amp;b#lt;#35;1#gt;.c"\]' odd.mmd
grep_q "odd: names escaped in XML" '>odd/a&amp;b&lt;#1&gt;.h<' odd.graphml
expect_status "-o graph.graphml picks graphml" 0 "$CARVE" graph -q -o by-ext.graphml shop
check "the extension picks graphml" cmp by-ext.graphml shop.graphml

if [ -f "$npm_dir/node_modules/mermaid/package.json" ] && command -v node >/dev/null; then
	printf 'flowchart LR\n    n0 -->|1 n1\n' >bad.mmd
	node "$npm_dir/mermaid-parse.mjs" shop.mmd odd.mmd >parse.txt 2>&1
	ok $? "mermaid parses both flowcharts"
	sed 's/^/# /' parse.txt
	node "$npm_dir/mermaid-parse.mjs" bad.mmd >parse.txt 2>&1
	ok $((! $?)) "mermaid rejects a broken flowchart (the parser is real)"
else
	echo "ok $((test_count + 1)) # SKIP mermaid is not installed (scripts/install-npm-tools)"
	test_count=$((test_count + 1))
fi

done_testing
