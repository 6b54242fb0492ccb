#!/bin/sh
# A repository of 100,000 files (generated: 200 modules of 500 Python
# files, each importing a file of the next module), scanned within a
# bounded time, its model read back by graph; and --max-files, the cap
# on total work, refusing it with a message that says how to go on.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

# on tmpfs when there is one: 100,000 files are slow on some disks
base=$TEST_DIR
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
	base=$(mktemp -d /dev/shm/carve-test.XXXXXX)
	trap 'rm -rf "$base"; chmod -R u+rwx "$TEST_DIR"; rm -rf "$TEST_DIR"' EXIT
fi
make_repo "$base/big"
# files written by Python, the index built from their blob ids with
# update-index --index-info (git add would stat and hash each again)
(cd "$base/big" && python3 - <<'PY'
import hashlib, os, subprocess
lines, blobs = [], {}
for d in range(200):
    os.mkdir('m%03d' % d)
    for f in range(500):
        text = 'import m%03d.f%03d\nx = %d\n' % ((d + 1) % 200, f, f % 7)
        path = 'm%03d/f%03d.py' % (d, f)
        with open(path, 'w') as fh:
            fh.write(text)
        data = text.encode()
        oid = hashlib.sha1(b'blob %d\0' % len(data) + data).hexdigest()
        blobs.setdefault(oid, path)
        lines.append('100644 %s\t%s\n' % (oid, path))
subprocess.run(['git', 'hash-object', '-w', '--stdin-paths'], check=True,
               input=''.join(p + '\n' for p in blobs.values()).encode(),
               stdout=subprocess.DEVNULL)
subprocess.run(['git', 'update-index', '--index-info'], check=True,
               input=''.join(lines).encode())
PY
)
git -C "$base/big" update-ref HEAD \
	"$(git -C "$base/big" commit-tree -m big "$(git -C "$base/big" write-tree)")"
expect_eq "the index holds 100,000 files" 100000 \
	"$(git -C "$base/big" ls-files | wc -l)"

expect_status "scan of 100,000 files" 0 \
	within 120 "$CARVE" scan -q -f json -o big.json "$base/big"
# 200 x 500 files of two code lines; each file imports one file of the
# next module: 100,000 edges, none unresolved
expect_eq "every file counted, two code lines each, one edge each" \
	"100000 200000 100000 0" \
	"$(jq -r '.totals | "\(.counted) \(.code) \(.edges) \(.unresolved)"' big.json)"
expect_status "graph of the saved model" 0 \
	within 60 "$CARVE" graph -q -f json -o graph.json big.json
expect_eq "200 modules, all on one cycle" "200 200" \
	"$(jq -r '[(.graph.nodes | length), ([.graph.nodes[] | select(.cycle == 1)] | length)] | join(" ")' graph.json)"

expect_status "--max-files 50000 refuses it" 128 \
	"$CARVE" scan -q --max-files 50000 "$base/big"
grep_q "the message gives the count, the limit and the way on" \
	"100000 files, over the limit of 50000 (raise it with carve scan --max-files N" err
done_testing
