#!/bin/sh
# A context over 25% of the code is split when its pieces cut across its
# folders (vertical slices), kept whole when they would be its layers
# (issue 19). Two models worked out by hand:
# - zerver/{lib,views,actions}/{stream,user,message,realm}.py: each
#   topic's view imports its action three times, each action its lib
#   twice, and each lib the user lib once: the app is 12 of 15 files, so
#   Leiden's first cut is the app; split, its pieces are the topics across
#   the three folders (the file names, repeated only in layer folders,
#   are domain terms): stream's view, action and lib together, apart from
#   user's. A small app beside it (tools/) stays as it is.
# - dcim/{forms,api,tables}/{a,b,c,d,e}.py: each folder's files import
#   each other in a ring, and dcim/forms/a.py imports dcim/api/a.py,
#   dcim/api/a.py dcim/tables/a.py once; ipam and tenancy have one file
#   in each of those folders, so forms/, api/ and tables/ are layers of
#   three apps and each app is one folder. dcim is 15 of 24 files: split,
#   its pieces would be its three folders (its layers): kept whole, and
#   the output says so.
# - big/m00.py .. m29.py in a ring of imports (30 of 33 files): split, it
#   falls into pairs, crumbs rather than parts: kept whole.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

file() { printf '{ "path": "%s", "status": "counted", "language": "Python", "module": "%s", "code": %s, "complexity": 20 }' "$1" "${1%/*}" "${2:-100}"; }
edge() { printf '{ "from": "%s", "to": "%s", "kind": "import", "weight": %s }' "$1" "$2" "$3"; }

files= edges=
for t in stream user message realm; do
	files="$files $(file zerver/lib/$t.py), $(file zerver/views/$t.py), $(file zerver/actions/$t.py),"
	edges="$edges $(edge zerver/views/$t.py zerver/actions/$t.py 3), $(edge zerver/actions/$t.py zerver/lib/$t.py 2),"
	[ $t != user ] && edges="$edges $(edge zerver/lib/$t.py zerver/lib/user.py 1),"
done
cat >zulip.json <<JSON
{ "schema": "carve/1", "repo": { "root": "/demo" },
  "files": [ $files $(file tools/a.py), $(file tools/b.py), $(file tools/c.py) ],
  "edges": [ $edges $(edge tools/a.py tools/b.py 1), $(edge tools/b.py tools/c.py 1) ] }
JSON
"$CARVE" seams -q --no-history --hub-share 100 -f csv zulip.json >z.csv || fail "seams zulip.json"
ctx() { grep "^$1," "$2" | cut -d, -f2 | tr -d "\r"; }
for t in stream message realm; do
	expect_eq "$t: view and action together" "$(ctx zerver/views/$t.py z.csv)" "$(ctx zerver/actions/$t.py z.csv)"
	expect_eq "$t: action and lib together" "$(ctx zerver/actions/$t.py z.csv)" "$(ctx zerver/lib/$t.py z.csv)"
done
check "stream and user apart" test "$(ctx zerver/views/stream.py z.csv)" != "$(ctx zerver/views/user.py z.csv)"
check "stream and message apart" test "$(ctx zerver/views/stream.py z.csv)" != "$(ctx zerver/views/message.py z.csv)"
expect_eq "the small app whole" "$(ctx tools/a.py z.csv)" "$(ctx tools/c.py z.csv)"

files= edges=
for l in forms api tables; do
	prev=e
	for f in a b c d e; do
		files="$files $(file dcim/$l/$f.py),"
		edges="$edges $(edge dcim/$l/$f.py dcim/$l/$prev.py 2),"
		prev=$f
	done
done
for app in ipam tenancy; do
	files="$files $(file $app/forms/a.py), $(file $app/api/a.py), $(file $app/tables/a.py),"
	edges="$edges $(edge $app/forms/a.py $app/api/a.py 1), $(edge $app/api/a.py $app/tables/a.py 1),"
done
cat >netbox.json <<JSON
{ "schema": "carve/1", "repo": { "root": "/demo" },
  "files": [ $files $(file tools/a.py), $(file tools/b.py), $(file tools/c.py) ],
  "edges": [ $edges $(edge dcim/forms/a.py dcim/api/a.py 1), $(edge dcim/api/a.py dcim/tables/a.py 1),
             $(edge tools/a.py tools/b.py 1), $(edge tools/b.py tools/c.py 1) ] }
JSON
"$CARVE" seams -q --no-history --hub-share 100 -f csv netbox.json >n.csv || fail "seams netbox.json"
for l in forms api tables; do
	for f in b c d e; do
		expect_eq "dcim/$l/$f.py: the app kept whole" "$(ctx dcim/forms/a.py n.csv)" "$(ctx dcim/$l/$f.py n.csv)"
	done
done
"$CARVE" seams -q --no-history --hub-share 100 netbox.json >n.txt
grep_q "the output says why" "1 context over 25% of the code kept whole" n.txt
grep_q "and names the layers" "follow its layer folders" n.txt

# big/m00.py .. m29.py import each other in a ring: split, it falls into
# pairs (crumbs, not parts): kept whole
files= edges=
for i in $(seq 0 29); do
	a=$(printf 'big/m%02d.py' "$i") b=$(printf 'big/m%02d.py' $(( (i + 1) % 30 )))
	files="$files $(file "$a"),"
	edges="$edges $(edge "$a" "$b" 1),"
done
cat >ring.json <<JSON
{ "schema": "carve/1", "repo": { "root": "/demo" },
  "files": [ $files $(file tools/a.py), $(file tools/b.py), $(file tools/c.py) ],
  "edges": [ $edges $(edge tools/a.py tools/b.py 1), $(edge tools/b.py tools/c.py 1) ] }
JSON
"$CARVE" seams -q --no-history --hub-share 100 -f csv ring.json >r.csv || fail "seams ring.json"
expect_eq "a ring is not cut into pairs" 1 "$(grep '^big/' r.csv | cut -d, -f2 | sort -u | wc -l | tr -d ' ')"
done_testing
