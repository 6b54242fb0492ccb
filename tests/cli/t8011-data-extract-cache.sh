#!/bin/sh
# The extraction cache (.git/carve/data-extract.cache, api-extract.cache):
# a second carve data or api takes each plain file's tables and path
# literals from the cache instead of reading it (CARVE_TRACE_EXTRACT
# counts hits and new records) and prints the same bytes; a new or
# changed file is read again; an option that does not shape extraction
# still hits and gives what no cache gives; a damaged, truncated or
# crafted file is a miss with a warning that changes nothing; a symlink
# is not followed; a model file writes nothing; nothing is written
# outside the cache folder.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

cp -r "$CARVE_SRC/samples/shop" repo
make_repo repo >/dev/null
git -C repo add -A && git -C repo commit -qm sample
CARVE_TRACE_EXTRACT=1
export CARVE_TRACE_EXTRACT
cache=repo/.git/carve
touch marker
sleep 1 # the marker older than anything carve writes

data() { "$CARVE" data -f json "$@" repo 2>trace; }
api() { "$CARVE" api -f json "$@" repo 2>trace; }
hits() {
	sed -n "s/^extract-trace: $1 \([0-9]*\) hits, \([0-9]*\) new.*/\1 \2/p" \
		trace
}
# the result of a run without any extraction cache
truth() {
	mkdir aside
	mv "$cache"/*-extract.cache aside/
	"$CARVE" "$@" repo 2>/dev/null
	rm -f "$cache"/*-extract.cache
	mv aside/* "$cache"/
	rmdir aside
}

data >first.json
first=$(hits data)
new=${first#0 }
expect_eq "a first run reads every file" "0" "${first% *}"
check "and keeps some records" test "$new" -gt 0
check "in data-extract.cache" test -f "$cache/data-extract.cache"
data >second.json
expect_eq "a second run takes them from the cache" "$new 0" "$(hits data)"
check "the same bytes" cmp first.json second.json
truth data -f json >truth.json
check "as without a cache" cmp first.json truth.json
expect_eq "the sample's SQL and models are there" "orders_order" \
	"$(jq -r '.data.tables[] | select(.name == "orders_order") | .name' \
		first.json)"

api >api1.json
anew=$(hits api)
anew=${anew#0 }
check "carve api keeps its own records" test "$anew" -gt 0
api >api2.json
expect_eq "and takes them on a second run" "$anew 0" "$(hits api)"
check "the same bytes" cmp api1.json api2.json
truth api -f json >api-truth.json
check "as without a cache" cmp api1.json api-truth.json
"$CARVE" report -q -o report.html repo 2>trace
expect_eq "carve report reads both" "$new 0
$anew 0" "$(hits data; hits api)"
"$CARVE" estimate -f json repo >/dev/null 2>trace
expect_eq "carve estimate reads the data records" "$new 0" "$(hits data)"

# an option that does not shape extraction: a hit, as without a cache
data --with-tests >with-tests.json
expect_eq "--with-tests: still a hit" "$new 0" "$(hits data)"
truth data -f json --with-tests >with-tests-truth.json
check "and what no cache gives" cmp with-tests.json with-tests-truth.json
check "which is another answer" sh -c "! cmp -s with-tests.json first.json"

# carve.json's exclude shapes which files are read: the excluded files'
# records dropped (the file rewritten), the rest hit, as without a cache
n_orders=$(git -C repo ls-files 'shop/orders/*.py' | wc -l | tr -d ' ')
printf '{"exclude": ["shop/orders/**"]}\n' >repo/carve.json
data >excluded.json
expect_eq "excluding shop/orders: its files not read, the rest hit" \
	"$((new - n_orders)) 0" "$(hits data)"
expect_eq "no table of shop/orders/ read" "" \
	"$(jq -r '.data.tables[].files[].path' excluded.json | grep '^shop/orders/')"
truth data -f json >excluded-truth.json
check "as without a cache" cmp excluded.json excluded-truth.json
rm repo/carve.json
data >back.json
expect_eq "back without it: those files read again" \
	"$((new - n_orders)) $n_orders" "$(hits data)"
check "the first answer again" cmp back.json first.json


mkdir -p repo/db
printf 'CREATE TABLE extra_things (id int);\n' >repo/db/extra.sql
git -C repo add db && git -C repo commit -qm "extra table"
data >added.json
expect_eq "a new file is read, the rest hit" "$new 1" "$(hits data)"
expect_eq "its table is there" "extra_things" \
	"$(jq -r '.data.tables[] | select(.name == "extra_things") | .name' \
		added.json)"
printf 'CREATE TABLE more_things (id int);\n' >repo/db/extra.sql
data >changed.json
expect_eq "a changed file (not committed) is read again" "$new 1" \
	"$(hits data)"
expect_eq "its new table is there, the old one gone" "more_things" \
	"$(jq -r '.data.tables[] | select(.name | test("_things$")) | .name' \
		changed.json)"
truth data -f json >changed-truth.json
check "as without a cache" cmp changed.json changed-truth.json
data >changed2.json
expect_eq "then a hit" "$((new + 1)) 0" "$(hits data)"
check "the same bytes" cmp changed.json changed2.json

# damaged files: a warning, the same result, the file written again
file=$cache/data-extract.cache
size=$(wc -c <"$file")
cp "$file" good
damage_middle "$file"
data >damaged.json
grep_q "a damaged file: a warning naming it" \
	"ignoring the damaged extraction cache '.*data-extract.cache'" trace
expect_eq "every file read again" "0 $((new + 1))" "$(hits data)"
check "the same result" cmp damaged.json changed.json
check "and the file is whole again" cmp "$file" good
head -c $((size - 30)) good >"$file"
data >truncated.json
grep_q "a truncated file: a warning" "ignoring the damaged extraction cache" \
	trace
check "the same result" cmp truncated.json changed.json
# crafted files with a valid seal: a record's length past the end, then
# an access of kind 9
python3 - "$file" good <<'EOF'
import sys
data = bytearray(open(sys.argv[2], "rb").read()[:-20])
at = data.index(b"\n") + 1
at = data.index(b"\0", at) + 1
data[at + 3] = 0x7f
open(sys.argv[1], "wb").write(bytes(data))
EOF
reseal "$file"
data >crafted.json
grep_q "a record out of range: a warning" \
	"ignoring the extraction cache '.*': a record is out of range" trace
check "the same result" cmp crafted.json changed.json
python3 - "$file" good <<'EOF'
import struct, sys
data = bytearray(open(sys.argv[2], "rb").read()[:-20])
at = data.index(b"\n") + 1
# the first record with an access: its kind made 9
while True:
    nul = data.index(b"\0", at) + 1
    n = struct.unpack_from("<I", data, nul)[0]
    p = nul + 4
    if struct.unpack_from("<I", data, p)[0]:
        q = p + 4
        for _ in range(2):  # table, model
            k = struct.unpack_from("<I", data, q)[0]
            q += 4 + (0 if k == 0xffffffff else k)
        data[q] = 9
        break
    at = p + n
open(sys.argv[1], "wb").write(bytes(data))
EOF
reseal "$file"
data >kind.json
grep_q "an access of no kind: a warning" \
	"ignoring damaged records of the extraction cache" trace
check "the same result" cmp kind.json changed.json
data >kind2.json
expect_eq "and the record was written again" "$((new + 1)) 0" "$(hits data)"
rm -f "$file"
mkdir "$file"
data >dir.json
grep_q "a folder in the file's place: a warning" "not a regular file" trace
check "the same result" cmp dir.json changed.json
rmdir "$file"

# a symlink in the file's place is neither read nor followed
cp good elsewhere
ln -s "$TEST_DIR/elsewhere" "$file"
data >symlink.json
grep_q "a symlinked file: a warning" "not a regular file" trace
check "the same result" cmp symlink.json changed.json
check "the file it names untouched" cmp elsewhere good
rm -f "$file"

# written nowhere else: not in the tree, not beside the cache folder
expect_eq "nothing new in the work tree (but the files changed above)" "" \
	"$(find repo -newer marker ! -path 'repo/.git/*' -type f \
		! -path repo/db/extra.sql)"
expect_eq "nor in .git outside carve's folder" "" \
	"$(find repo/.git -newer marker -type f ! -path 'repo/.git/carve/*' \
		! -path 'repo/.git/objects/*' ! -path 'repo/.git/logs/*' \
		! -name index ! -name ORIG_HEAD ! -name COMMIT_EDITMSG \
		! -path 'repo/.git/refs/*')"
"$CARVE" scan -q -f json -o model.json repo
rm -f "$cache"/*-extract.cache
"$CARVE" data -f json model.json >model-data.json 2>trace
expect_eq "a model file's data: no cache read or written" "" "$(hits data)"
expect_eq "nothing in the cache folder" "" \
	"$(ls "$cache" | grep extract)"
done_testing
