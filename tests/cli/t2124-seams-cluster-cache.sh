#!/bin/sh
# The cluster cache (.git/carve/seams-cluster/): a second carve seams
# reads the communities instead of clustering again (CARVE_TRACE_SEAMS
# says so) and prints the same bytes; every option that shapes the
# clustering, carve.json's contexts and a changed dependency make
# another entry, each giving what a run without any cache gives; a
# damaged, truncated or crafted entry is a miss with a warning that
# changes nothing; nothing is written outside the cache folder.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

cp -r "$CARVE_SRC/samples/shop" repo
make_repo repo >/dev/null
git -C repo add -A && git -C repo commit -qm sample
CARVE_TRACE_SEAMS=1
export CARVE_TRACE_SEAMS
cache=repo/.git/carve/seams-cluster
touch marker
sleep 1 # the marker older than anything carve writes

run() { "$CARVE" seams -f json "$@" repo 2>trace; }
trace() { grep -o 'clusters [a-z]*' trace; }
entries() { find "$cache" -type f | wc -l | tr -d ' '; }

run >first.json
expect_eq "a first run clusters and writes the communities" \
	"clusters written" "$(trace)"
expect_eq "one entry" "1" "$(entries)"
run >second.json
expect_eq "a second run reads them" "clusters read" "$(trace)"
check "the same bytes" cmp first.json second.json
"$CARVE" estimate -f json repo >/dev/null 2>trace
expect_eq "carve estimate reads the same entry" "clusters read" \
	"$(trace)"

# each of these shapes the clustering: a miss, then a hit, and the
# result of a run without any cache
n=1
for opt in "--seed 2" "--resolution 2" "--runs 3" "--min-size 1" \
	"--contexts 3" "--no-folders" "--weights static=2" \
	"--hub-share 100"; do
	# shellcheck disable=SC2086
	run $opt >miss.json
	expect_eq "$opt: clustered again" "clusters written" "$(trace)"
	n=$((n + 1))
	# shellcheck disable=SC2086
	run $opt >hit.json
	expect_eq "$opt: then read" "clusters read" "$(trace)"
	mv "$cache" aside
	# shellcheck disable=SC2086
	run $opt >truth.json
	rm -rf "$cache"
	mv aside "$cache"
	check "$opt: the miss gives what no cache gives" cmp miss.json truth.json
	check "$opt: and so does the hit" cmp hit.json truth.json
done
expect_eq "only the eight newest entries are kept" "8" "$(entries)"
run >again.json
# the defaults' entry was the oldest of nine: pruned
expect_eq "the pruned defaults clustered again" "clusters written" \
	"$(trace)"
check "to the same bytes" cmp again.json first.json

# carve.json's declared contexts pin nodes: another problem
cp "$CARVE_SRC/tests/fixtures/check-shop.json" repo/carve.json
run >declared.json
expect_eq "declared contexts: clustered again" "clusters written" \
	"$(trace)"
expect_eq "and the declared context is there" "orders" \
	"$(jq -r '.contexts[] | select(.name == "orders") | .name' declared.json)"
run >declared2.json
expect_eq "then read" "clusters read" "$(trace)"
check "the same bytes" cmp declared.json declared2.json
rm repo/carve.json

# a new dependency changes the graph
printf 'from shop.payments import refunds\n' >>repo/shop/search/engine.py
git -C repo commit -qam "search uses payments"
run >changed.json
expect_eq "a changed dependency: clustered again" "clusters written" \
	"$(trace)"
mv "$cache" aside
run >changed-truth.json
rm -rf "$cache"
mv aside "$cache"
check "as without a cache" cmp changed.json changed-truth.json

# damaged entries: a warning, the same result, the entry written again
file=$(ls -t "$cache"/* | head -1)
size=$(wc -c <"$file")
cp "$file" good
damage_middle "$file"
run >damaged.json
expect_eq "a damaged entry is a miss" "clusters written" "$(trace)"
grep_q "with a warning naming it" \
	"ignoring the damaged cluster cache '.*seams-cluster/" trace
check "the same result" cmp damaged.json changed.json
check "and the entry is whole again" cmp "$file" good
head -c $((size - 30)) good >"$file"
run >truncated.json
grep_q "a truncated entry: a warning" "ignoring the damaged cluster cache" \
	trace
check "the same result" cmp truncated.json changed.json
# a crafted entry with a valid seal: the first node in community 7
python3 - "$file" good <<'EOF'
import sys
data = bytearray(open(sys.argv[2], "rb").read()[:-20])
hdr = data.index(b"\n") + 1
data[hdr + 20 + 24] = 7
open(sys.argv[1], "wb").write(bytes(data))
EOF
reseal "$file"
run >crafted.json
grep_q "a crafted entry: out of range" \
	"ignoring the cluster cache '.*': a record is out of range" trace
check "the same result" cmp crafted.json changed.json
rm -f "$file"
mkdir "$file"
run >dir.json
expect_eq "a folder in the entry's place: clustered, not read" \
	"clusters written" "$(trace)"
check "the same result" cmp dir.json changed.json
rmdir "$file"

# a symlink in the cache folder's place is not followed
mkdir elsewhere
mv "$cache" aside
ln -s "$TEST_DIR/elsewhere" "$cache"
run >symlink.json
grep_q "a symlinked cache folder: a warning" \
	"cannot write the cluster cache in '.*seams-cluster': not a folder" trace
check "the same result" cmp symlink.json changed.json
expect_eq "and nothing written through it" "" "$(ls elsewhere)"
rm "$cache"
mv aside "$cache"

# written nowhere else: not in the tree, not beside the cache folder
expect_eq "nothing new in the work tree (but the file changed above)" "" \
	"$(find repo -newer marker ! -path 'repo/.git/*' -type f \
		! -path repo/shop/search/engine.py)"
expect_eq "nor in .git outside carve's folder" "" \
	"$(find repo/.git -newer marker -type f ! -path 'repo/.git/carve/*' \
		! -path 'repo/.git/objects/*' ! -path 'repo/.git/logs/*' \
		! -name index ! -name ORIG_HEAD ! -name COMMIT_EDITMSG \
		! -path 'repo/.git/refs/*')"
expect_eq "and only entries in the cache folder" "" \
	"$(find "$cache" -newer marker ! -type d | grep -v '/[0-9a-f]\{40\}$')"
"$CARVE" scan -q -f json -o model.json repo
"$CARVE" seams -f json model.json >/dev/null 2>trace
expect_eq "a model file's seams: no cache to read or write" \
	"clusters computed" "$(trace)"
done_testing
