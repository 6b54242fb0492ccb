#!/bin/sh
# carve graph on a model written by hand: modules a, b, c, d with
# a->b (5), b->c (3), c->a (1), d->a (2). Worked out by hand: one cycle
# {a, b, c}, broken by cutting its lightest edge c->a; a has fan-in 2
# (c, d) and fan-out 1 (b).
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

file() { printf '{ "path": "%s", "status": "counted", "language": "Python", "module": "%s", "code": %s }' "$1" "$2" "$3"; }
edge() { printf '{ "from": "%s", "to": "%s", "kind": "import", "weight": %s }' "$1" "$2" "$3"; }
cat >model.json <<JSON
{ "schema": "carve/1", "repo": { "root": "/demo" },
  "files": [ $(file a/x.py a 10), $(file b/y.py b 20), $(file c/z.py c 30),
             $(file d/w.py d 40) ],
  "edges": [ $(edge a/x.py b/y.py 5), $(edge b/y.py c/z.py 3),
             $(edge c/z.py a/x.py 1), $(edge d/w.py a/x.py 2) ] }
JSON

expect_status "graph of a model" 0 "$CARVE" graph model.json
grep_q "counts nodes, edges, references and cycles" \
	"4 nodes, 4 edges (11 references), 1 cycles" out
grep_q "the cycle has three modules" "^1\. 3 modules: a b c" out
grep_q "the lightest edge is the cut" "^     c -> a (1)" out

"$CARVE" graph -f json model.json >g.json
check "graph JSON is valid" jq -e . g.json
expect_eq "fan-in and fan-out of a" "2 1" \
	"$(jq -r '.graph.nodes[] | select(.name == "a") | "\(.fan_in) \(.fan_out)"' g.json)"
expect_eq "d is on no cycle" "null" \
	"$(jq -r '.graph.nodes[] | select(.name == "d") | .cycle' g.json)"
expect_eq "the cut edge is marked" "c>a" \
	"$(jq -r '.graph.edges[] | select(.cut) | "\(.from)>\(.to)"' g.json)"
expect_eq "instability of a is 1/3" "0.3333" \
	"$(jq -r '.graph.nodes[] | select(.name == "a") | .instability' g.json)"

"$CARVE" graph -f json --focus d --depth 1 model.json >f.json
expect_eq "--focus d --depth 1 keeps d and a" "a d" \
	"$(jq -r '[.graph.nodes[].name] | join(" ")' f.json)"
"$CARVE" graph -f json --focus d --depth 2 model.json >f.json
expect_eq "--depth 2 reaches b and c" "4" "$(jq '.graph.nodes | length' f.json)"
"$CARVE" graph -f json --cycles model.json >f.json
expect_eq "--cycles keeps the cycle" "a b c" \
	"$(jq -r '[.graph.nodes[].name] | join(" ")' f.json)"
"$CARVE" graph -f json --min-weight 3 model.json >f.json
expect_eq "--min-weight 3 keeps a->b and b->c" "a>b b>c" \
	"$(jq -r '[.graph.edges[] | "\(.from)>\(.to)"] | join(" ")' f.json)"
"$CARVE" graph -f json --exclude d model.json >f.json
expect_eq "--exclude d" "3" "$(jq '.graph.nodes | length' f.json)"

# drawings: DOT from cgraph, SVG and PNG from gvc
expect_status "dot" 0 "$CARVE" graph -f dot model.json
grep_q "DOT is a digraph" "^digraph" out
grep_q "the cut is dashed" "style=dashed" out
expect_status "svg" 0 "$CARVE" graph -f svg -o g.svg model.json
grep_q "SVG is an SVG" "</svg>" g.svg
expect_status "png" 0 "$CARVE" graph -f png -o g.png model.json
expect_eq "PNG has the PNG signature" "89504e47" "$(head -c 4 g.png | od -An -tx1 | tr -d ' \n')"
expect_status "too many nodes collapse" 0 "$CARVE" graph -f dot --max-nodes 2 model.json
grep_q "the collapse is announced" "more than --max-nodes 2" err

# names with quotes and markup stay inside their strings
sed 's/"module": "d"/"module": "d\\"<b>"/' model.json >odd.json
"$CARVE" graph -f svg odd.json >odd.svg
check "markup in a name is escaped in SVG" sh -c '! grep -q "d\"<b>" odd.svg && grep -q "&lt;b&gt;" odd.svg'
"$CARVE" graph -f dot odd.json >odd.dot
grep_q "quotes in a name are escaped in DOT" 'd\\"<b>' odd.dot

# bad input
sed 's|carve/1|carve/2|' model.json >newer.json
expect_status "a newer schema is refused" 128 "$CARVE" graph newer.json
grep_q "the schema is named" "schema 'carve/2'" err
echo '{ "hello": 1 }' >other.json
expect_status "not a model" 128 "$CARVE" graph other.json
grep_q "says it is not a model" "is not a carve model" err
printf '{ "schema": "carve/1",\n  "files": [ }' >broken.json
expect_status "malformed model" 128 "$CARVE" graph broken.json
grep_q "line and column" "broken.json' at line 2" err
expect_status "--focus on nothing" 128 "$CARVE" graph --focus nowhere model.json
grep_q "focus names nothing" "'nowhere' names no module" err
expect_status "bad --level" 129 "$CARVE" graph --level galaxy model.json

done_testing
