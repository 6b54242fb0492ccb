#!/bin/sh
# The smaller findings of issue 22 (12): a carve.json that is a
# directory, dates past year 9999, Git LFS pointer files. (A temporary
# file left by a killed cache write: t9013.)
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo repo
mkdir -p repo/a repo/b
for i in 1 2 3 4 5 6 7 8 9 10; do
	{ echo 'import b.x'; seq 1 400 | sed 's/^/x = /'; } >repo/a/m$i.py
done
echo 'y = 1' >repo/b/x.py
# the pointer git-lfs writes for a 12345-byte file (spec/v1)
printf 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n' >repo/a/weights.py
git -C repo add -A && git -C repo commit -qm init

mkdir repo/carve.json
expect_status "carve.json is a directory" 128 "$CARVE" scan -q repo
grep_q "the message says so" "carve.json': a directory, not a JSON file" err
rmdir repo/carve.json

expect_status "scan" 0 "$CARVE" scan -q -f json -o out.json repo
expect_eq "the LFS pointer is no code: excluded as such" "excluded 0" \
	"$(jq -r '.files[] | select(.path == "a/weights.py") |
		"\(.status) \(.code)"' out.json)"
grep_q "its reason names Git LFS" "Git LFS pointer" out.json

# a plan that ends after 9999-12-31: 4,000 lines for one engineer
cat >repo/carve.json <<'EOF2'
{ "contexts": { "a": ["a/**"], "b": ["b/**"] },
  "plan": { "start": "9999-06-01",
            "capacity": [ { "from": "9999-06-01", "engineers": 1 } ] } }
EOF2
git -C repo add -A && git -C repo commit -qm plan
expect_status "roadmap past year 9999" 0 \
	"$CARVE" roadmap -q -f json -o road.json repo
expect_eq "every date and month is whole (+YYYYY-MM-DD after 9999)" "" \
	"$(jq -r '.. | strings | select(test("^[+]?[0-9]{4,}-[0-9]")) |
		select(test("^([0-9]{4}|[+][0-9]{5,})-[0-9]{2}(-[0-9]{2}(T[0-9:]+Z)?)?$") | not)' road.json)"
expect_eq "and some are past 9999" "true" \
	"$(jq '[.. | strings | select(test("^[+]1[0-9]{4}-"))] | length > 0' road.json)"

echo "1..$test_count"
[ "$test_failed" -eq 0 ]
