#!/bin/sh
# A model file read without -c takes the carve.json of the repository it
# was scanned from, found at its recorded root (issue 23). By hand: the
# repository declares a context "billing" of app/a.py and app/b.py; the
# model of it, read by carve seams, proposes a context named billing;
# with the carve.json gone, no context has that name; with -c another
# file, that one counts; a malformed carve.json at the root is an error
# that names it.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

mkdir -p repo/app repo/lib
printf 'from app import b\n' >repo/app/a.py
printf 'X = 1\n' >repo/app/b.py
printf 'from app import a\n' >repo/lib/c.py
printf 'from lib import c\n' >repo/lib/d.py
printf '{ "contexts": { "billing": ["app/**"] } }\n' >repo/carve.json
make_repo repo >/dev/null
git -C repo add -A && git -C repo commit -qm x

expect_status "scan to a model" 0 "$CARVE" scan -q -f json -o model.json repo
expect_status "seams of the model" 0 "$CARVE" seams -q -f csv model.json
expect_eq "the repository's carve.json is read" "billing" \
	"$(grep '^app/a.py,' out | cut -d, -f2 | tr -d '\r')"
mv repo/carve.json other.json
expect_status "seams of the model, no carve.json" 0 "$CARVE" seams -q -f csv model.json
check "without it, no billing context" sh -c "! grep -q ',billing' out"
expect_status "-c names another file" 0 "$CARVE" seams -q -f csv -c other.json model.json
expect_eq "that one counts" "billing" "$(grep '^app/a.py,' out | cut -d, -f2 | tr -d '\r')"
printf '{ "contexts": ' >repo/carve.json
expect_status "a malformed carve.json at the root" 128 "$CARVE" seams -q model.json
grep_q "the error names it" "repo/carve.json" err
done_testing
