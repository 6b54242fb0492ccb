#!/bin/sh
# Every command's -f json on the samples, validated against the model's
# JSON Schema (docs/carve-model.schema.json, schema "carve/1",
# documented in man/carve-model.5) by python3-jsonschema: scan, graph,
# history, seams, check, estimate, roadmap, burndown, data, api and
# merge, on shop with its history, cprog, the migration sample and the
# Khan case. The validator must also reject models that break the
# schema, so a schema that accepts anything fails here.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

# Debian's python3 and its packages (python3-jsonschema, ...) first
PYTHON=${CARVE_PYTHON:-/usr/bin/python3}
[ -x "$PYTHON" ] || PYTHON=python3

if ! "$PYTHON" -c 'import jsonschema' 2>/dev/null; then
	echo "1..0 # SKIP python3-jsonschema is not installed"
	exit 0
fi
schema="${CARVE_MODEL_SCHEMA:-$CARVE_SRC/docs/carve-model.schema.json}"
validate() { "$PYTHON" "$CARVE_SRC/tests/cli/validate-json.py" "$schema" "$@"; }

"$CARVE_SRC/samples/make-shop-history" "$CARVE_SRC/samples/shop" shop >/dev/null 2>&1
cat >shop/carve.json <<'EOF2'
{
  "contexts": { "orders": ["shop/orders/**"], "payments": ["shop/payments/**"],
                "utils": ["shop/utils/**"] },
  "rules": [ { "from": "orders", "to": "payments", "allow": false },
             { "cycles": false } ]
}
EOF2
"$CARVE_SRC/samples/make-migration-history" mig >/dev/null 2>&1
cp -r "$CARVE_SRC/samples/cprog" cprog
make_repo cprog >/dev/null
git -C cprog add -A && git -C cprog commit -qm cprog

mkdir models
for cmd in scan graph history seams estimate roadmap data api; do
	"$CARVE" "$cmd" -q -f json -o "models/shop-$cmd.json" shop 2>"$cmd.err"
	ok $? "shop: $cmd -f json"
done
"$CARVE" check -q -f json -o models/shop-check.json shop 2>check.err
expect_eq "shop: check -f json (violations: exit 1)" 1 $?
"$CARVE" scan -q --shard 1/2 -f json -o shard1.json shop &&
	"$CARVE" scan -q --shard 2/2 -f json -o shard2.json shop &&
	"$CARVE" merge -q -f json -o models/shop-merge.json shard1.json shard2.json
ok $? "shop: merge -f json of two shards"
for cmd in scan graph seams; do
	"$CARVE" "$cmd" -q -f json -o "models/cprog-$cmd.json" cprog 2>"$cmd.err"
	ok $? "cprog: $cmd -f json"
done
"$CARVE" burndown -q -f json -o models/mig-burndown.json mig
ok $? "migration sample: burndown -f json"
"$CARVE" estimate -q --target go --sizes "$CARVE_SRC/samples/cases/khan.json" \
	-f json -o models/khan-estimate.json
ok $? "Khan case: estimate -f json"

n=$(ls models | wc -l)
validate models/*.json >val.txt 2>&1
ok $? "the $n models validate against docs/carve-model.schema.json"
sed 's/^/# /' val.txt | head -20
expect_eq "every model says schema carve/1" "$n" \
	"$(cat models/*.json | jq -s '[.[] | select(.schema == "carve/1")] | length')"

# models that break the schema are rejected, with the place named
jq 'del(.files[0].path)' models/shop-scan.json >bad1.json
jq '.edges[0].kind = "telepathy"' models/shop-scan.json >bad2.json
jq '.schema = "carve/2"' models/shop-scan.json >bad3.json
jq '.files[0].code = -1' models/shop-scan.json >bad4.json
for b in 1 2 3 4; do
	validate bad$b.json >val$b.txt 2>&1
	expect_eq "a broken model $b is rejected" 1 $?
done
grep_q "a missing path is named" "files/0: 'path' is a required property" val1.txt
grep_q "an unknown edge kind is named" "edges/0/kind" val2.txt

done_testing
