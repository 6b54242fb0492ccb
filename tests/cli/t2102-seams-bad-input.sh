#!/bin/sh
# carve seams on awkward input: no edges, one file, one big cycle,
# declared contexts that overlap or match nothing, K larger than the
# number of files, and bad options and compare files.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

file() { printf '{ "path": "%s", "status": "counted", "language": "Python", "module": "%s", "code": 10 }' "$1" "${1%/*}"; }
edge() { printf '{ "from": "%s", "to": "%s", "kind": "import", "weight": 1 }' "$1" "$2"; }
model() { printf '{ "schema": "carve/1", "repo": { "root": "/demo" }, "files": [ %s ], "edges": [ %s ] }\n' "$1" "$2"; }

# no edges: the folders alone; without them, nothing links
model "$(file a/1.py), $(file a/2.py), $(file a/3.py), $(file b/1.py), $(file b/2.py), $(file b/3.py)" "" >noedges.json
expect_status "no edges" 0 "$CARVE" seams -f csv noedges.json
grep_q "folders make the contexts" "^b/2.py,b.$" out
expect_status "no edges, no folders" 0 "$CARVE" seams -f csv --no-folders noedges.json
grep_q "nothing links: unlinked" "^a/1.py,unlinked" out
expect_status "no edges, no folders, min-size 1" 0 "$CARVE" seams -f csv --no-folders --min-size 1 noedges.json
expect_eq "every file alone" "6" "$(tail -n +2 out | cut -d, -f2 | sort -u | wc -l | tr -d ' ')"

# a single file
model "$(file only.py)" "" >one.json
expect_status "a single file" 0 "$CARVE" seams -f json one.json
expect_eq "one context" "1" "$(jq '.contexts | length' out)"
expect_status "a single file, --compare" 0 "$CARVE" seams --contexts 3 one.json
grep_q "K over the files is lowered" "aiming for 1" err

# everything one cycle across four directories
model "$(file p/1.py), $(file q/1.py), $(file r/1.py), $(file s/1.py)" \
	"$(edge p/1.py q/1.py), $(edge q/1.py r/1.py), $(edge r/1.py s/1.py), $(edge s/1.py p/1.py)" >ring.json
expect_status "one cycle" 0 "$CARVE" seams --no-folders --min-size 1 --resolution 4 ring.json
expect_status "one cycle, one context" 0 "$CARVE" seams -f json --no-folders ring.json
expect_eq "the ring stays whole" "1" "$(jq '.contexts | length' out)"
expect_eq "no context cycle inside one context" "0" "$(jq '.seams.cycles | length' out)"

# declared contexts (carve.json through -c with a model)
echo '{ "contexts": { "left": ["a/**"], "right": ["b/1.py"] } }' >pin.json
expect_status "declared contexts" 0 "$CARVE" seams -f csv -c pin.json --no-folders noedges.json
grep_q "declared files in their context" "^a/3.py,left" out
grep_q "a declared file alone" "^b/1.py,right" out
echo '{ "contexts": { "left": ["a/**"], "right": ["a/1.py"] } }' >overlap.json
expect_status "overlapping contexts" 128 "$CARVE" seams -c overlap.json noedges.json
grep_q "both are named" "contexts 'left' and 'right' overlap: both match 'a/1.py'" err
echo '{ "contexts": { "left": ["a/**"], "void": ["z/**"] } }' >empty.json
expect_status "a context matching nothing" 128 "$CARVE" seams -c empty.json noedges.json
grep_q "the empty one is named" "context 'void' matches no counted file" err
echo '{ "contexts": { "left": "a/**" } }' >notarray.json
expect_status "a context that is no array" 128 "$CARVE" seams -c notarray.json noedges.json

# bad options
expect_status "unknown signal" 129 "$CARVE" seams --weights gravity=1 noedges.json
grep_q "names the signal" "unknown signal 'gravity'" err
expect_status "bad weight" 129 "$CARVE" seams --weights static=x noedges.json
expect_status "bad --min-size" 129 "$CARVE" seams --min-size lots noedges.json
expect_status "sizes in two units" 129 "$CARVE" seams --min-size 2 --max-size 900loc noedges.json
expect_status "bad --hub-share" 129 "$CARVE" seams --hub-share 0 noedges.json
expect_status "bad format" 129 "$CARVE" seams -f png noedges.json

# compare files
expect_status "missing compare file" 128 "$CARVE" seams --compare nowhere.rsf noedges.json
printf 'contain A a/1.py\ncontain B\n' >short.rsf
expect_status "a short RSF line" 128 "$CARVE" seams --compare short.rsf noedges.json
grep_q "the line is named" "short.rsf' at line 2" err
printf 'contain A elsewhere.py\n' >none.rsf
expect_status "a compare file naming no scanned file" 0 "$CARVE" seams --compare none.rsf noedges.json
grep_q "coverage zero" "0 of them counted by the scan (0.0%)" out
echo '[1, 2]' >bad.json
expect_status "JSON that is not an object" 128 "$CARVE" seams --compare bad.json noedges.json

done_testing
