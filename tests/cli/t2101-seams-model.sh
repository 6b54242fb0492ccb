#!/bin/sh
# carve seams on a model written by hand: directories a, b, c of three
# files, each a cycle of 3-reference imports, plus a/x1 -> b/y1 (2),
# b/y2 -> a/x2 (1), c/z1 -> b/y3 (1), and u/log.py used from a, b and c.
# Worked out by hand: log.py is used from all 3 other modules that import
# anything, so it is the shared kernel; a, b and c are the contexts; a
# and b form a cycle whose lightest cut is b -> a (1); c depends on b
# and on nothing else but the kernel, and nothing depends on it, so it
# is extracted first.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

file() { printf '{ "path": "%s", "status": "counted", "language": "Python", "module": "%s", "code": %s }' "$1" "${1%/*}" "$2"; }
edge() { printf '{ "from": "%s", "to": "%s", "kind": "import", "weight": %s }' "$1" "$2" "$3"; }
cat >model.json <<JSON
{ "schema": "carve/1", "repo": { "root": "/demo" },
  "files": [ $(file a/x1.py 10), $(file a/x2.py 20), $(file a/x3.py 30),
             $(file b/y1.py 10), $(file b/y2.py 20), $(file b/y3.py 30),
             $(file c/z1.py 10), $(file c/z2.py 20), $(file c/z3.py 30),
             $(file u/log.py 5) ],
  "edges": [ $(edge a/x1.py a/x2.py 3), $(edge a/x2.py a/x3.py 3), $(edge a/x3.py a/x1.py 3),
             $(edge b/y1.py b/y2.py 3), $(edge b/y2.py b/y3.py 3), $(edge b/y3.py b/y1.py 3),
             $(edge c/z1.py c/z2.py 3), $(edge c/z2.py c/z3.py 3), $(edge c/z3.py c/z1.py 3),
             $(edge a/x1.py b/y1.py 2), $(edge b/y2.py a/x2.py 1), $(edge c/z1.py b/y3.py 1),
             $(edge a/x1.py u/log.py 1), $(edge b/y1.py u/log.py 1), $(edge c/z1.py u/log.py 1) ] }
JSON

expect_status "seams of a model" 0 "$CARVE" seams model.json
grep_q "three contexts and the kernel" "3 contexts over 10 files (10 units), shared kernel of 1 file$" out
grep_q "the hub is the kernel" "files: u/log.py" out
grep_q "a and b form a cycle" "^1\. 2 contexts: a b" out
grep_q "the lightest edge is the cut" "^     b -> a (1)" out
grep_q "c is extracted first" "^   1  c " out
grep_q "no history is said" "no history: static graph and folders only" out
grep_q "the seam of a lists the import" "b                 2      1  b/y1.py (2)" out

"$CARVE" seams -f csv model.json >c.csv
expect_eq "csv: one row per file" "11" "$(wc -l <c.csv | tr -d ' ')"
grep_q "csv: log.py in the kernel" "^u/log.py,shared-kernel" c.csv
grep_q "csv: z2 in c" "^c/z2.py,c" c.csv

"$CARVE" seams -f json model.json >s.json
check "json is valid" jq -e . s.json
expect_eq "json: contexts" "shared-kernel a b c" \
	"$(jq -r '[.contexts[].name] | join(" ")' s.json)"
expect_eq "json: scan part kept" "10" "$(jq '.files | length' s.json)"
expect_eq "json: ranking" "c a b" "$(jq -r '.seams.ranking | join(" ")' s.json)"
expect_eq "json: the cut" "b>a" \
	"$(jq -r '.seams.cycles[0].cuts[] | "\(.from)>\(.to)"' s.json)"
expect_eq "json: change needs history" "null" \
	"$(jq -r '.contexts[] | select(.name == "c") | .scores.change' s.json)"
expect_eq "json: seam of a into b" "2 b/y1.py" \
	"$(jq -r '.contexts[] | select(.name == "a") | .seam.out[] | select(.context == "b") | "\(.refs) \(.imports[0].path)"' s.json)"
"$CARVE" seams -f json model.json >s2.json
check "same input, same bytes" cmp s.json s2.json

expect_status "dot" 0 "$CARVE" seams -f dot model.json
grep_q "DOT is a digraph" "^digraph" out
grep_q "the cut is dashed" "style=dashed" out
expect_status "svg" 0 "$CARVE" seams -f svg -o s.svg model.json
grep_q "SVG is an SVG" "</svg>" s.svg

# the weights: no folders, no kernel, and a wanted count
expect_status "--no-folders" 0 "$CARVE" seams -f csv --no-folders model.json
grep_q "dependencies alone find a" "^a/x3.py,a" out
expect_status "--hub-share 100: no kernel" 0 "$CARVE" seams --hub-share 100 model.json
check "no kernel" sh -c '! grep -q shared-kernel out'
expect_status "--contexts 1" 0 "$CARVE" seams -f json --no-folders --contexts 1 model.json
expect_eq "one context and the kernel" "2" "$(jq '.contexts | length' out)"
expect_status "--weights" 0 "$CARVE" seams --weights static=2,folders=0.5 model.json
grep_q "weights are assumptions" "static=2, folders=0.5" out

# sizes: contexts of 60 code lines are under 70loc and merge; over
# --max-size 2 they are split again
expect_status "--min-size in code lines" 0 "$CARVE" seams -f json --min-size 70loc model.json
expect_eq "a, b and c merge" "2" "$(jq '.contexts | length' out)"
expect_status "--max-size" 0 "$CARVE" seams -f json --min-size 1 --max-size 2 model.json
expect_eq "no context over 2 files" "0" \
	"$(jq '[.contexts[] | select((.files | length) > 2)] | length' out)"

# comparing: RSF with a file the scan does not have (coverage)
{
	for f in a/x1 a/x2 a/x3; do echo "contain A $f.py"; done
	for f in b/y1 b/y2 b/y3; do echo "contain B $f.py"; done
	for f in c/z1 c/z2 c/z3; do echo "contain C $f.py"; done
	echo "contain U u/log.py"
	echo "contain A ghost.py"
} >arch.rsf
expect_status "--compare RSF" 0 "$CARVE" seams --compare arch.rsf model.json
grep_q "coverage" "11 files in 4 contexts; 10 of them counted by the scan (90.9%)" out
grep_q "the missing file is named" "not counted by the scan: ghost.py" out
# by hand: B's sizes 1, 3, 3, 3 give max mno 10 - 3 = 7; singletons
# need 6 joins (MoJoFM 1/7), one cluster 7 moves (0)
grep_q "MoJoFM of carve and baselines" "^MoJoFM  *100.00  *100.00  *0.00  *14.29$" out
grep_q "mno" "^mno  *0  *0  *7  *6$" out
echo '{ "A": ["a/x1.py", "a/x2.py", "a/x3.py", "b/y1.py", "b/y2.py", "b/y3.py"], "C": ["c/z1.py", "c/z2.py", "c/z3.py", "u/log.py"] }' >arch.json
expect_status "--compare JSON" 0 "$CARVE" seams -f json --compare arch.json model.json
expect_eq "json comparison" "2 10" \
	"$(jq -r '.seams.comparison | "\(.contexts) \(.common)"' out)"
expect_status "--compare a carve model" 0 "$CARVE" seams --no-folders --compare s.json model.json
grep_q "a model compares too" "^MoJoFM " out

# Declared contexts with the folder signal: only a/** is declared. The
# directories b and c are nodes of the folder signal with no files of
# their own; they must not count as declared by a's context (they did:
# a directory's node took the context of the first unit's file, so every
# directory was pulled into the first declared context).
echo '{ "contexts": { "first": ["a/**"] } }' >pin-a.json
expect_status "one declared context" 0 "$CARVE" seams -f csv -c pin-a.json model.json
grep_q "a is the declared context" "^a/x2.py,first" out
check "b stays out of it" sh -c '! grep -q "^b/y[123].py,first" out'
check "c stays out of it" sh -c '! grep -q "^c/z[123].py,first" out'

done_testing
