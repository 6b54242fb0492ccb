#!/bin/sh
# carve never touches the tree it reads: every command and format of
# HOSTILE_RUNS (and every command reading a model) runs on a repository
# with history, untracked and ignored files, a stash and a stale index
# entry; afterwards every file's mtime, mode and size, git status, the
# index, the refs, HEAD and the config are as they were. Only the cache
# directory (.git/carve) may be new.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1
. "$CARVE_SRC/tests/cli/lib-hostile.sh"

"$CARVE_SRC/samples/make-shop-history" "$CARVE_SRC/samples/shop" r >/dev/null 2>&1
printf 'scratch\n' >r/untracked.py
printf '*.log\n' >r/.gitignore
printf 'log\n' >r/ignored.log
# a stash, and a tracked file changed in the work tree (stale index stat)
printf '# local change\n' >>r/manage.py
git -C r stash -q
printf '# another change\n' >>r/manage.py
touch -d '2001-01-01 00:00:00' r/setup.cfg
git -C r --no-optional-locks status >/dev/null
snapshot r >before

every_run "read-only" r
n=0
while read -r cmd fmt; do
	n=$((n + 1))
	"$CARVE" scan -q -f json -o model$n.json r
	"$CARVE" "$cmd" -q -f "$fmt" -o m$n.out model$n.json
	ok $? "from a model: carve $cmd -f $fmt"
done <<EOF_RUNS
$HOSTILE_MODEL_RUNS
EOF_RUNS
# (valgrind found merge writing an uninitialised "stdlib" flag)
ext() { jq -c '[.externals[] | [.name, (.stdlib // false)]] | sort' "$1"; }
expect_eq "merge keeps which externals are standard libraries" \
	"$(ext model1.json)" "$(ext m4.out)"
"$CARVE" scan -q --untracked -f json -o untracked.json r
ok $? "carve scan --untracked"

snapshot r >after
if cmp -s before after; then
	ok 0 "nothing in the repository changed"
else
	ok 1 "nothing in the repository changed"
	diff before after | head -20 | sed 's/^/# /'
fi
check "the cache is all carve wrote, under .git/carve" test -d r/.git/carve
expect_eq "the stash is still there" 1 "$(git -C r stash list | wc -l)"
expect_eq "the local change is still there" "# another change" \
	"$(tail -1 r/manage.py)"

# with the cache directory read-only carve still runs: the cache is
# only an optimisation (root ignores permissions: only for others)
if [ "$(id -u)" != 0 ]; then
	chmod -R a-w r/.git/carve
	snapshot r >before
	every_run "read-only cache" r
	snapshot r >after
	check "nothing changed with a read-only cache" cmp before after
	chmod -R u+w r/.git/carve
fi
done_testing
