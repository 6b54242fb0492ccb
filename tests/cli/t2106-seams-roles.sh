#!/bin/sh
# Only code is clustered; views, docs, CI, translations and the like
# follow it (issue 19). A model written by hand, worked out by hand:
# - app/dcim and app/ipam each hold models.py and views.py importing each
#   other, and a forms/ and an api/ folder with a.py importing models.py;
#   a third app, app/tenancy, has the same shape, so forms/ and api/ are
#   layers (three sibling folders) and each app stays one context: no
#   context holds two apps' forms.
# - templates/dcim/device.html mirrors app/dcim: it joins dcim's context,
#   though no edge links it.
# - docs/index.md, .github/workflows/ci.yml, README.md and Makefile sit
#   with no code: the platform group, never ranked, named "platform".
# - app/dcim/locale/de.yml (a catalog) sits under app/dcim: it joins
#   dcim, and is outweighed by its code, so it stays there.
# - app/ipam/CargoRepository.py and app/tenancy/CargoController.py lead
#   with one domain term ("cargo"): tied across apps, but their folders
#   pull harder, so they stay in their apps.
# - app/intl/x.py and y.py (200 code lines) sit beside a catalog of
#   1,900 lines (under ten times theirs, so not the platform): their
#   context is code, not translations (what is not
#   code follows the code, never names its context).
# - tools/gen.py, lint.py and fmt.py (600 code lines, importing each
#   other and dcim): the team's tooling, its own context, not ranked.
# - app/tiny/x.py and y.py (2 code lines, under 1% of the code) import
#   each other only: a fragment, not ranked.
# - app/iata/codes.py and app/iata/lookup.py (1,500 code lines, no branch)
#   are a data table: not ranked, whatever their seam.
# - app/dcim/tests/test_views.py imports ipam twice and dcim once: inside
#   the dcim app, it joins dcim.
# - tests/ipam/test_models.py (a test tree of its own) imports dcim twice:
#   it is named after app/ipam/models.py and joins ipam.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

file() { printf '{ "path": "%s", "status": "counted", "language": "%s", "module": "%s", "code": %s, "complexity": %s }' "$1" "$2" "${1%/*}" "$3" "${4:-20}"; }
edge() { printf '{ "from": "%s", "to": "%s", "kind": "import", "weight": %s }' "$1" "$2" "$3"; }
files= edges=
for app in dcim ipam tenancy; do
	a=app/$app
	files="$files $(file $a/models.py Python 300), $(file $a/views.py Python 200),"
	files="$files $(file $a/forms/a.py Python 100), $(file $a/api/a.py Python 100),"
	edges="$edges $(edge $a/views.py $a/models.py 3), $(edge $a/models.py $a/views.py 1),"
	edges="$edges $(edge $a/forms/a.py $a/models.py 2), $(edge $a/api/a.py $a/models.py 2),"
done
cat >model.json <<JSON
{ "schema": "carve/1", "repo": { "root": "/demo" },
  "files": [ $files
             $(file app/ipam/CargoRepository.py Python 50),
             $(file app/tenancy/CargoController.py Python 50),
             $(file app/tiny/x.py Python 1), $(file app/tiny/y.py Python 1),
             $(file app/iata/codes.py Python 1400 0), $(file app/iata/lookup.py Python 100 1),
             $(file templates/dcim/device.html HTML 40),
             $(file app/dcim/locale/de.yml YAML 400),
             $(file app/intl/x.py Python 100), $(file app/intl/y.py Python 100),
             $(file app/intl/locale/fr.yml YAML 1900),
             $(file tools/gen.py Python 200), $(file tools/lint.py Python 200),
             $(file tools/fmt.py Python 200),
             $(file docs/index.md Markdown 90), $(file README.md Markdown 30),
             $(file .github/workflows/ci.yml YAML 20), $(file Makefile Makefile 10),
             $(file app/dcim/tests/test_views.py Python 60),
             $(file tests/ipam/test_models.py Python 60) ],
  "edges": [ $edges
             $(edge app/ipam/CargoRepository.py app/ipam/models.py 1),
             $(edge app/tenancy/CargoController.py app/tenancy/models.py 1),
             $(edge app/tiny/x.py app/tiny/y.py 1), $(edge app/tiny/y.py app/tiny/x.py 1),
             $(edge app/intl/x.py app/intl/y.py 2), $(edge app/intl/y.py app/intl/x.py 2),
             $(edge tools/gen.py tools/lint.py 2), $(edge tools/lint.py tools/fmt.py 2),
             $(edge tools/fmt.py tools/gen.py 2), $(edge tools/gen.py app/dcim/models.py 1),
             $(edge app/iata/lookup.py app/iata/codes.py 3),
             $(edge app/dcim/tests/test_views.py app/ipam/models.py 2),
             $(edge app/dcim/tests/test_views.py app/dcim/views.py 1),
             $(edge tests/ipam/test_models.py app/dcim/models.py 2) ] }
JSON

"$CARVE" seams -q -f csv model.json >c.csv || fail "seams -f csv"
ctx() { grep "^$1," c.csv | cut -d, -f2 | tr -d "\r"; }
for app in dcim ipam tenancy; do
	expect_eq "$app: forms stay with their app" "$(ctx app/$app/models.py)" "$(ctx app/$app/forms/a.py)"
	expect_eq "$app: api stays with its app" "$(ctx app/$app/models.py)" "$(ctx app/$app/api/a.py)"
done
check "dcim and ipam apart" test "$(ctx app/dcim/models.py)" != "$(ctx app/ipam/models.py)"
check "ipam and tenancy apart" test "$(ctx app/ipam/models.py)" != "$(ctx app/tenancy/models.py)"
expect_eq "a term does not beat the folder" "$(ctx app/ipam/models.py)" "$(ctx app/ipam/CargoRepository.py)"
expect_eq "the view joins the code it mirrors" "$(ctx app/dcim/models.py)" "$(ctx templates/dcim/device.html)"
expect_eq "the catalog joins the code it sits with" "$(ctx app/dcim/models.py)" "$(ctx app/dcim/locale/de.yml)"
expect_eq "a test inside its app joins the app" "$(ctx app/dcim/models.py)" "$(ctx app/dcim/tests/test_views.py)"
expect_eq "a test of a test tree joins the file it is named after" "$(ctx app/ipam/models.py)" "$(ctx tests/ipam/test_models.py)"
for f in docs/index.md README.md .github/workflows/ci.yml Makefile; do
	expect_eq "$f: platform" "platform" "$(ctx $f)"
done
"$CARVE" seams -q -f json model.json >s.json
expect_eq "code beside 9.5 times its lines of catalogs is still code" "null" \
	"$(jq -r --arg c "$(ctx app/intl/x.py)" '.contexts[] | select(.name == $c) | .role' s.json)"
expect_eq "platform's role" "platform" \
	"$(jq -r '.contexts[] | select(.name == "platform") | .role' s.json)"
expect_eq "no context named after docs or CI" "0" \
	"$(jq '[.contexts[].name | select(test("docs|github|templates"))] | length' s.json)"
check "platform is not ranked" sh -c \
	"! jq -e '.seams.ranking | index(\"platform\")' s.json"
check "the fragment is not ranked" sh -c \
	"! jq -e --arg c '$(ctx app/tiny/x.py)' '.seams.ranking | index(\$c)' s.json"
check "the tooling is a context" test "$(ctx tools/gen.py)" != "$(ctx app/dcim/models.py)"
check "the tooling is not ranked" sh -c \
	"! jq -e --arg c '$(ctx tools/gen.py)' '.seams.ranking | index(\$c)' s.json"
check "the data table is not ranked" sh -c \
	"! jq -e --arg c '$(ctx app/iata/codes.py)' '.seams.ranking | index(\$c)' s.json"
expect_eq "the three apps and intl are ranked" "4" "$(jq '.seams.ranking | length' s.json)"
"$CARVE" seams -q model.json >t.txt
grep_q "why the first is first" "1. app/" t.txt
grep_q "fragments, data and tooling are named" "are fragments, code under one branch per 1000 lines is data, and code mostly under bin/, scripts/, tools/ or config/ is tooling and set-up: none is ranked" t.txt
grep_q "the platform says what it is" "platform (platform: docs, CI" t.txt
done_testing
