#!/bin/sh
# carve scan says when it cannot see: a language it reads, with at least
# 20 code files (tests and migrations aside) and under one dependency
# per 10 of them, or 75% of them linked to no file, gets a warning on
# stderr naming the likely cause, a "blind spots" section in the text
# output and a "blind spot" assumption in the model.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

# 25 Rails models whose constants name no file of the repository
# (ApplicationRecord, Part: made elsewhere), no require
make_repo rails
mkdir -p rails/app/models rails/spec
for i in $(seq 1 25); do
	printf 'class M%s < ApplicationRecord\n  has_many :parts\nend\n' \
		$i >rails/app/models/m$i.rb
done
git -C rails add -A && git -C rails commit -qm init

expect_status "scan a Rails app" 0 "$CARVE" scan --no-cache rails
grep_q "a warning on stderr with the count and the cause" \
	"warning: carve cannot see into 25 Ruby files (tests aside), 0 dependencies, 25 files linked to none: constants name no file Zeitwerk would load" \
	err
grep_q "a blind spots section in the text" "^blind spots" out
grep_q "its line" "^  25 Ruby files (tests aside), 0 dependencies" out
expect_status "json, quiet" 0 "$CARVE" scan -q --no-cache -f json rails
expect_eq "quiet: nothing on stderr" "" "$(cat err)"
expect_eq "the model's assumption" \
	"25 Ruby files (tests aside), 0 dependencies, 25 files linked to none: constants name no file Zeitwerk would load: autoload paths or inflections carve does not read, or classes made at run time scan" \
	"$(jq -r '.assumptions[] | select(.name == "blind spot") |
		"\(.value) \(.source)"' out)"
expect_status "without dependencies nothing is judged" 0 \
	"$CARVE" scan --no-cache --no-deps rails
expect_eq "no warning with --no-deps" "" "$(cat err)"

# tests do not count: 5 models are too few to judge, 30 specs aside
git -C rails rm -q 'app/models/m1[0-9].rb' 'app/models/m2*.rb' \
	'app/models/m7.rb' 'app/models/m8.rb' 'app/models/m9.rb'
for i in $(seq 1 30); do
	printf "describe 'x' do\nend\n" >rails/spec/m${i}_spec.rb
done
git -C rails add -A && git -C rails commit -qm specs
expect_status "5 models and 30 specs" 0 "$CARVE" scan --no-cache rails
expect_eq "too few code files: no warning" "" "$(cat err)"

# 24 Python modules in a chain and one alone: linked, no warning
make_repo py
mkdir -p py/shop
: >py/shop/__init__.py
for i in $(seq 1 24); do
	printf 'from shop import m%s\n' $((i + 1)) >py/shop/m$i.py
done
printf 'x = 1\n' >py/shop/m25.py
git -C py add -A && git -C py commit -qm init
expect_status "scan linked Python" 0 "$CARVE" scan --no-cache py
expect_eq "no warning when files link" "" "$(cat err)"
grep_q "no blind spots section" "^assumptions:" out
expect_eq "and no section" 0 "$(grep -c '^blind spots' out)"

done_testing
