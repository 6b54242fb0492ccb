#!/bin/sh
# carve init on the shapes that broke it: a bare file name in the root's
# context beside the same name in a subfolder (every command must accept
# what init writes), a history with code moving from legacy/ to
# services/ (declared, with the day it began), and histories without a
# move (a growing folder named legacy, a one-commit rename): only
# suggested, and carve burndown then stops. The target follows the main
# back-end language, not the browser's.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

# commit_at REPO DATE MESSAGE: everything, dated DATE 12:00 UTC
commit_at() {
	git -C "$1" add -A
	GIT_AUTHOR_DATE="$2 12:00:00 +0000" GIT_COMMITTER_DATE="$2 12:00:00 +0000" \
		git -C "$1" commit -qm "$3"
}
# lines FILE N PREFIX: N distinct code lines (no comment, no blank)
lines() {
	mkdir -p "$(dirname "$1")"
	awk -v n="$2" -v p="$3" 'BEGIN { for (i = 1; i <= n; i++) printf "%s\n", p i }' >"$1"
}
# gofile FILE N: a Go file of N code lines (a package line and N - 1)
gofile() {
	mkdir -p "$(dirname "$1")"
	{ echo "package $(basename "$(dirname "$1")")"
	  awk -v n="$2" 'BEGIN { for (i = 2; i <= n; i++) printf "var v%d = %d\n", i, i }'
	} >"$1"
}
# json_of FILE: carve.json without its comment lines, for jq
json_of() {
	grep -v '^[[:space:]]*//' "$1"
}

# --- 1. a bare name at the root and the same name in subfolders -------
make_repo bare
gofile bare/main.go 20
gofile bare/cmd/tool/main.go 30
gofile bare/cmd/admin/main.go 25
printf 'FROM scratch\n' >bare/Dockerfile
mkdir -p bare/.devcontainer
printf 'FROM golang\n' >bare/.devcontainer/Dockerfile
printf '# bare\n' >bare/README.md
printf '# tool\n' >bare/cmd/tool/README.md
for p in orders users billing; do
	gofile "bare/internal/$p/$p.go" 40
done
# a browser client larger than the Go code: it does not decide the target
lines bare/web/src/app.ts 400 'export const a'
commit_at bare 2024-03-06 "a Go server and its web client"

# the glob itself: a bare name is any directory's, "/name" the root's
printf '{ "contexts": { "root": ["main.go"], "tool": ["cmd/**"] } }\n' >overlap.json
expect_status "a bare name overlaps the subfolder's file" 128 \
	"$CARVE" check -c overlap.json bare
grep_q "says which file both match" "both match 'cmd/.*/main.go'" err
printf '{ "contexts": { "root": ["/main.go"], "tool": ["cmd/**"] } }\n' >anchored.json
expect_status "an anchored name does not" 0 "$CARVE" check -c anchored.json bare

expect_status "init" 0 "$CARVE" init bare
json_of bare/carve.json >bare.json
check "what init writes is JSON once its comments are gone" jq -e . bare.json
# every glob naming a single root file is anchored: no bare "main.go",
# "Dockerfile" or "README.md" that would claim cmd/tool/main.go,
# .devcontainer/Dockerfile or cmd/tool/README.md too
expect_eq "no bare file name among the context globs" "" \
	"$(jq -r '.contexts[][] | select(test("/") | not)' bare.json)"
expect_eq "root files are anchored, when a context names them" "" \
	"$(jq -r '.contexts[][] | select(startswith("/")) | select(test("^/[^/]+$") | not)' bare.json)"
for cmd in scan graph history seams check estimate roadmap data api; do
	expect_status "carve $cmd accepts what init wrote" 0 "$CARVE" "$cmd" -q bare
done
expect_status "carve report accepts it" 0 "$CARVE" report -q -o bare.html bare
grep_q "Go, not TypeScript: the back end decides" \
	'"target": { "language": "go" }' bare/carve.json
check "no TypeScript target" sh -c "! grep -q '\"language\": \"typescript\"' bare/carve.json"
# one commit, nothing moving: no migration declared, no start
expect_eq "no legacy or new declared" "null null" \
	"$(jq -r '[(.legacy | tostring), (.new | tostring)] | join(" ")' bare.json)"
expect_eq "no plan.start" null "$(jq -r '.plan.start' bare.json)"
grep_q "plan.start left as a comment" '^    // "start": "YYYY-MM-DD"' bare/carve.json
expect_status "burndown without a declared migration" 1 \
	"$CARVE" burndown -o bd.txt bare
grep_q "burndown says so" "no migration declared" err
test ! -e bd.txt
ok $? "burndown wrote nothing"

# --- 2. code moving from legacy/ to services/ over ten weeks ----------
# legacy/{orders,users,billing}.py, 300 lines each; from 2024-02-07 on,
# every week moves 60 lines of one module to services/<module>/main.go
# (orders, then users): legacy falls 900 -> 540 in six steps, services
# grows 0 -> 360 + 2 package lines. Nothing else changes.
make_repo mig
for m in orders users billing; do lines "mig/legacy/$m.py" 300 "${m}_"; done
gofile mig/gateway/main.go 10
commit_at mig 2024-01-03 "the monolith"
commit_at_week() { commit_at mig "$(date -u -d "2024-01-03 +$(( $1 * 7 )) days" +%Y-%m-%d)" "$2"; }
left_orders=300 left_users=300 moved_orders=0 moved_users=0
w=5
for m in orders orders orders users users users; do
	eval "left=\$left_$m moved=\$moved_$m"
	left=$((left - 60)) moved=$((moved + 60))
	eval "left_$m=$left moved_$m=$moved"
	lines "mig/legacy/$m.py" "$left" "${m}_"
	gofile "mig/services/$m/main.go" $((moved + 1))
	commit_at_week $w "$m: 60 lines to Go"
	w=$((w + 2))
done
# 2024-01-03 + 35 days: the first services code
first_new=$(date -u -d "2024-01-03 +35 days" +%Y-%m-%d)
expect_status "init of a migration under way" 0 "$CARVE" init mig
json_of mig/carve.json >mig.json
expect_eq "legacy declared from the move" '["legacy/**"]' "$(jq -c .legacy mig.json)"
expect_eq "new declared from the move" '["services/**"]' "$(jq -c .new mig.json)"
expect_eq "plan.start: the day code began moving ($first_new)" \
	"$first_new" "$(jq -r .plan.start mig.json)"
grep_q "the evidence in a comment" 'code leaving legacy for services' mig/carve.json
grep_q "the target is the new side's language" '"target": { "language": "go" }' mig/carve.json
grep_q "the pair is legacy's language to new's" '"python->go"' mig/carve.json
for cmd in scan seams check estimate roadmap; do
	expect_status "carve $cmd accepts it" 0 "$CARVE" "$cmd" -q mig
done
expect_status "carve report accepts it" 0 "$CARVE" report -q -o mig.html mig
expect_status "burndown with the declared migration" 0 \
	"$CARVE" burndown -q -f csv --no-plan mig
# HEAD: legacy 180 + 180 + 300 = 660 by wc -l, services 181 + 181 = 362
legacy=$(cat mig/legacy/*.py | wc -l)
new=$(cat mig/services/*/main.go | wc -l)
expect_eq "legacy at HEAD (wc -l)" "$legacy" "$(tail -1 out | cut -d, -f5)"
expect_eq "new at HEAD (wc -l)" "$new" "$(tail -1 out | cut -d, -f6)"
expect_eq "share migrated: new / (legacy + new)" \
	"$(awk "BEGIN { printf \"%.4f\", $new / ($legacy + $new) }")" \
	"$(tail -1 out | cut -d, -f12 | tr -d '\r')"

# --- 2b. a move that is over: legacy/ is gone ---------------------------
# carve check refuses a "legacy" that matches no file: nothing declared
git clone -q mig done
git -C done config user.name Test
git -C done config user.email test@example.com
rm -rf done/legacy
commit_at done 2024-05-01 "the monolith is gone"
expect_eq "(the removal is committed)" "" "$(git -C done status --porcelain)"
expect_status "init after the move" 0 "$CARVE" init done
json_of done/carve.json >done.json
expect_eq "no legacy declared once it is gone" null "$(jq -r .legacy done.json)"
expect_status "carve check accepts it" 0 "$CARVE" check -q done

# --- 3. no move: a growing "legacy" folder, a one-commit rename --------
# legacy/ and services/ share names but both only grow (an ordinary
# layer, as gitea's services/ beside modules/); old/pay.py and
# old/ship.py move to core/ in one commit (old/misc.py stays): a
# reorganisation, not a migration
make_repo still
for m in orders users; do
	lines "still/legacy/$m.py" 100 "${m}_"
	gofile "still/services/$m/main.go" 20
done
lines still/old/pay.py 200 'pay_'
lines still/old/ship.py 200 'ship_'
lines still/old/misc.py 50 'misc_'
commit_at still 2024-01-03 "start"
for w in 1 2 3 4 5 6 7 8; do
	d=$(date -u -d "2024-01-03 +$(( w * 14 )) days" +%Y-%m-%d)
	for m in orders users; do
		lines "still/legacy/$m.py" $((100 + w * 20)) "${m}_"
		gofile "still/services/$m/main.go" $((20 + w * 10))
	done
	if [ $w = 4 ]; then
		mkdir -p still/core
		git -C still mv old/pay.py old/ship.py core/
	fi
	commit_at still "$d" "week $w"
done
expect_status "init without a move" 0 "$CARVE" init still
json_of still/carve.json >still.json
expect_eq "no legacy or new declared" "null null" \
	"$(jq -r '[(.legacy | tostring), (.new | tostring)] | join(" ")' still.json)"
expect_eq "no plan.start" null "$(jq -r '.plan.start' still.json)"
grep_q "legacy suggested by its name, commented out (old/ too)" \
	'^  // "legacy": \[ "legacy/\*\*", "old/\*\*" \],' still/carve.json
grep_q "new suggested by its name, commented out" \
	'^  // "new": \[ "services/\*\*" \],' still/carve.json
grep_q "the comment says why" 'history shows no' still/carve.json
# 400 of old/'s 450 lines went to core/ in one commit: the closest
# candidate (pay, ship), turned down as a reorganisation
grep_q "the closest candidate and why it is no move" \
	'old/ to core/ (2 names in both), is no move:' still/carve.json
grep_q "(a reorganisation)" \
	'^  // the first lost its code in one step (a reorganisation)\.$' \
	still/carve.json
expect_status "carve report accepts it" 0 "$CARVE" report -q -o still.html still
expect_status "burndown stops" 1 "$CARVE" burndown still
grep_q "and says how to declare them" '"legacy": \[ "monolith/\*\*" \]' err

done_testing
