#!/bin/sh
# burndown's dependency samples are cached (.git/carve/burndown-deps.cache):
# a rerun gives the same series from the cache (a forged record is
# believed), carve.json or a resolver's file in the work tree changing
# makes them counted again, and a torn or damaged cache changes nothing.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

"$CARVE_SRC/samples/make-migration-history" mig >/dev/null 2>&1
cache=mig/.git/carve/burndown-deps.cache
"$CARVE" burndown -q -f csv --no-cache mig >truth.csv
check "--no-cache writes no dependency cache" test ! -e "$cache"
"$CARVE" burndown -q -f csv mig >first.csv
check "the same series with a cache" cmp first.csv truth.csv
check "a first run writes the dependency cache" test -s "$cache"
# one line per distinct sample tree with counts, after the header
points=$(tail -n +2 first.csv | cut -d, -f13 | grep -c .)
lines=$(($(wc -l <"$cache") - 1))
check "a record per sample with dependencies ($points at most $lines)" \
	test "$lines" -ge 1 -a "$lines" -le "$points"
"$CARVE" burndown -q -f csv mig >second.csv
check "a second run: the same bytes" cmp second.csv truth.csv

# forged counts are believed: the cache is read, not recomputed
sed -i '2,$s/ -\{0,1\}[0-9]* -\{0,1\}[0-9]*$/ 77 66/' "$cache"
"$CARVE" burndown -q -f csv mig | tail -1 | tr -d '\r' >forged
expect_eq "the forged counts at HEAD" "77,66" \
	"$(cut -d, -f13,14 forged)"
cp mig/carve.json carve.json.saved
printf ' \n' >>mig/carve.json
"$CARVE" burndown -q -f csv mig >changed.csv
check "carve.json changed: counted again" cmp changed.csv truth.csv
cp carve.json.saved mig/carve.json
sed -i '2,$s/ -\{0,1\}[0-9]* -\{0,1\}[0-9]*$/ 77 66/' "$cache"
printf '{}\n' >mig/package.json
"$CARVE" burndown -q -f csv mig | tail -1 | tr -d '\r' >pkg
check "an untracked package.json no sample holds: still from the cache" \
	test "$(cut -d, -f13,14 pkg)" = "77,66"
rm mig/package.json

"$CARVE" burndown -q -f csv --no-cache mig >truth.csv
rm "$cache"
"$CARVE" burndown -q -f csv mig >/dev/null
head -c 100 "$cache" >torn && cp torn "$cache"
"$CARVE" burndown -q -f csv mig >out.csv
check "a torn cache changes nothing" cmp out.csv truth.csv
head -c 300 /dev/urandom >"$cache"
"$CARVE" burndown -q -f csv mig >out.csv
check "random bytes change nothing" cmp out.csv truth.csv
printf 'carve-burndown-deps 1 %s\n%040d -5 0\n' \
	"$(cat "$CARVE_SRC/VERSION")" 0 >"$cache"
"$CARVE" burndown -q -f csv mig >out.csv
check "a count out of range is not read" cmp out.csv truth.csv

done_testing
