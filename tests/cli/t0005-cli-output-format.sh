#!/bin/sh
# The output format follows -o's extension when --format is not given
# (DESIGN's own example: `carve scan -o model.json`, then `carve seams
# model.json`), and a --format that the extension contradicts is a
# usage error that names both, with nothing written.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1
cp -R "$CARVE_SRC/samples/shop" shop

expect_status "scan -o model.json" 0 "$CARVE" scan -q -o model.json shop
expect_eq "model.json is the model" "carve/1" "$(jq -r .schema model.json)"
expect_status "seams reads it back" 0 "$CARVE" seams -q model.json
grep_q "and proposes contexts" "^seams of" "$TEST_DIR/out"
expect_status "scan -o files.csv" 0 "$CARVE" scan -q -o files.csv shop
grep_q "files.csv is CSV" "^path,language," files.csv
expect_status "graph -o g.dot" 0 "$CARVE" graph -q -o g.dot model.json
grep_q "g.dot is DOT" "^digraph" g.dot
expect_status "seams -o s.svg" 0 "$CARVE" seams -q -o s.svg model.json
grep_q "s.svg is SVG" "<svg" s.svg
expect_status "seams -o S.JSON (any case)" 0 "$CARVE" seams -q -o S.JSON model.json
expect_eq "S.JSON is JSON" "carve/1" "$(jq -r .schema S.JSON)"
# an extension the command does not write keeps its default: text
expect_status "scan -o notes.md" 0 "$CARVE" scan -q -o notes.md shop
grep_q "notes.md is the text inventory" "^language  files" notes.md
expect_status "no extension: text" 0 "$CARVE" scan -q -o inventory shop
grep_q "inventory is text" "^language  files" inventory
# --format agrees with the extension, or wins where both fit
expect_status "-f json -o m.json" 0 "$CARVE" scan -q -f json -o m.json shop
expect_status "-f text -o notes.txt" 0 "$CARVE" scan -q -f text -o notes.txt shop
# a contradiction: usage error, both named, nothing written
expect_status "-f text -o model2.json" 129 "$CARVE" scan -q -f text -o model2.json shop
grep_q "the error names both" "format text and -o 'model2.json' disagree" "$TEST_DIR/err"
check "model2.json is not written" test ! -e model2.json
expect_status "-f csv -o g.svg (graph)" 129 "$CARVE" graph -q -f json -o g.svg model.json
check "g.svg is not written" test ! -e g.svg
done_testing
