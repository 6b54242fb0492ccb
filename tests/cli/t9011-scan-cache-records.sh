#!/bin/sh
# Every cache record is range-checked when read (issue 22, finding 4): a
# poisoned scan.cache, clang.cache, deps.cache, history.cache or
# blobs.cache (a shared CI cache) is a miss with one warning, never a
# crash or a wrong count. The results must equal those of a run without
# the cache.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo repo
mkdir repo/pkg
printf 'import pkg.b\nimport requests\n' >repo/pkg/a.py
printf 'x = 1\n' >repo/pkg/b.py
printf '#include "h.h"\nint main(void) { return f(); }\n' >repo/m.c
printf 'static inline int f(void) { return 0; }\n' >repo/h.h
git -C repo add -A && git -C repo commit -qm init
printf 'y = 2\n' >>repo/pkg/b.py
git -C repo commit -qam two

# poison FILE PYTHON: rewrites the cache file's records in place; the
# code sees `recs` (the records after the header line, split on NUL) and
# returns the new list
poison() {
	python3 - "$1" "$2" <<'PY'
import sys
path, code = sys.argv[1], sys.argv[2]
data = open(path, 'rb').read()
nl = data.index(b'\n') + 1
head, body = data[:nl], data[nl:]
recs = body.split(b'\0')
env = {'recs': recs}
exec(code, env)
open(path, 'wb').write(head + b'\0'.join(env['recs']))
PY
}

"$CARVE" scan -q --no-cache -f json -o fresh.json repo
"$CARVE" scan -q -f json -o warm.json repo
# the dependency kind of a.py's first statement: 99999 (kinds go to 5)
poison repo/.git/carve/scan.cache '
recs = [r if not r.endswith(b"pkg/a.py") else
	b"\t".join(f if i != 11 else b"99999" + f[1:] for i, f in
		enumerate(r.split(b"\t"))) for r in recs]'
expect_status "a dependency kind out of range: no crash" 0 \
	"$CARVE" scan -f json -o kind.json repo
expect_eq "one warning names the scan cache" "1" \
	"$(grep -c "damaged record.*scan.cache" err)"
expect_eq "the same model as without the cache" \
	"$(jq -c '.files, .edges, .externals' fresh.json)" \
	"$(jq -c '.files, .edges, .externals' kind.json)"

# status 8 (FILE_SPECIAL: never cached) and counts that do not add up
"$CARVE" scan -q -f json -o warm.json repo
poison repo/.git/carve/scan.cache '
def bad(r):
	f = r.split(b"\t")
	if r.endswith(b"pkg/b.py"): f[2] = b"8"
	if r.endswith(b"m.c"): f[7] = b"999999"
	return b"\t".join(f)
recs = [bad(r) for r in recs]'
expect_status "a status and counts out of range: no crash" 0 \
	"$CARVE" scan -f json -o status.json repo
expect_eq "the same files and counts as without the cache" \
	"$(jq -c '.files' fresh.json)" "$(jq -c '.files' status.json)"

# deps.cache: an external package used by more files than the scan has
"$CARVE" scan -q -f json -o warm.json repo
poison repo/.git/carve/deps.cache '
recs = [r.replace(b"external\t1\t1\t", b"external\t1000\t1000\t") for r in recs]'
expect_status "a resolution record out of range" 0 \
	"$CARVE" scan -f json -o ext.json repo
expect_eq "externals counted as without the cache" \
	"$(jq -c '.externals' fresh.json)" "$(jq -c '.externals' ext.json)"
grep_q "the resolution cache's warning" "resolution cache" err

# clang.cache: a unit whose status is 7 (statuses go to 2)
"$CARVE" scan -q --clang=on -f json -o cfresh.json --no-cache repo
"$CARVE" scan -q --clang=on -f json -o cwarm.json repo
poison repo/.git/carve/clang.cache '
recs = [r[:43] + b"7" + r[44:] if r.startswith(b"@\t") else r for r in recs]'
expect_status "a libclang unit status out of range" 0 \
	"$CARVE" scan --clang=on -f json -o cstat.json repo
expect_eq "units parsed, failed and crashed add up as without the cache" \
	"$(jq -r '.clang | "\(.units) \(.parsed + .failed + .crashed)"' cfresh.json)" \
	"$(jq -r '.clang | "\(.units) \(.parsed + .failed + .crashed)"' cstat.json)"
grep_q "the libclang cache's warning" "damaged record of the libclang cache" err

# history.cache: added lines of "-1" (read as 4294967295 before)
"$CARVE" history -q -f json -o hfresh.json --no-cache repo
"$CARVE" history -q -f json -o hwarm.json repo
poison repo/.git/carve/history.cache '
out = []
for r in recs:
	out.append(b"-1" + r[1:] if r[:1].isdigit() and r.count(b" ") == 4 else r)
recs = out'
# the summary made from the cache would be read instead of the cache
rm -r repo/.git/carve/history-summary
expect_status "a history record out of range" 0 \
	"$CARVE" history -f json -o hbad.json repo
expect_eq "churn as without the cache" \
	"$(jq -c '[.history.files[]? // empty] | map(.churn // .added)' hfresh.json)" \
	"$(jq -c '[.history.files[]? // empty] | map(.churn // .added)' hbad.json)"
grep_q "the history cache's warning" "history cache" err

echo "1..$test_count"
[ "$test_failed" -eq 0 ]
