#!/bin/sh
# Each man page documents exactly the options of `carve <command> -h`, and
# its EXAMPLES run successfully on the bundled sample.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

long_options() { grep -o -e '--[a-z][a-z-]*' | sort -u; }

for page in "$CARVE_SRC"/man/carve-*.1; do
	cmd=$(basename "$page" .1)
	cmd=${cmd#carve-}
	"$CARVE" "$cmd" -h | long_options >help.txt
	# man pages escape hyphens: \-\-format
	sed 's/\\-/-/g' "$page" | sed -n '/^\.SH OPTIONS/,/^\.SH /p' |
		long_options >man.txt
	if cmp -s help.txt man.txt; then
		ok 0 "carve-$cmd.1 and '$cmd -h' list the same options"
	else
		ok 1 "carve-$cmd.1 and '$cmd -h' list the same options"
		diff help.txt man.txt | sed 's/^/# /'
	fi
	test -s help.txt
	ok $? "'$cmd -h' lists some options"
done

# every command of `carve help` has its page, and carve.1 names it
for cmd in $("$CARVE" help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p'); do
	test -f "$CARVE_SRC/man/carve-$cmd.1"
	ok $? "'$cmd' has man/carve-$cmd.1"
	grep -q "carve\\\\-$cmd (1)" "$CARVE_SRC/man/carve.1"
	ok $? "carve.1 refers to carve-$cmd(1)"
done

# run every EXAMPLES command of every page in a copy of the sample
cp -r "$CARVE_SRC/samples/shop" shop
make_repo shop >/dev/null
git -C shop add -A && git -C shop commit -qm sample
# carve-estimate(1) runs the calibration cases from samples/ (untracked here)
cp -r "$CARVE_SRC/samples/cases" shop/cases
for page in "$CARVE_SRC"/man/*.1; do
	sed -n '/^\.SH EXAMPLES/,/^\.SH /p' "$page" |
		sed -n '/^\.EX/,/^\.EE/p' | grep '^carve ' | sed 's/\\-/-/g' |
	while IFS= read -r line; do
		echo "$line" >>examples.txt
	done
done
test -s examples.txt
ok $? "the man pages have examples"
# carve burndown needs a declared migration (it stops without one): its
# examples run on the migration sample, whose carve.json declares it
"$CARVE_SRC/samples/make-migration-history" mig >/dev/null 2>&1
while IFS= read -r line; do
	dir=shop
	case $line in "carve burndown"*) dir=mig ;; esac
	(cd $dir && eval "\"\$CARVE\" ${line#carve }" >/dev/null 2>"$TEST_DIR/err")
	ok $? "example runs: $line"
done <examples.txt

# carve.json(5) names every key config_load() reads: the rows of
# src/model/config.c's top_keys and the plan keys of src/model/plan.c
page5=$(sed -e 's/\\-/-/g' -e 's/\\f[BIR]//g' "$CARVE_SRC/man/carve.json.5" | grep '^\.B')
keys=$(grep -o '{ "[$a-z_]*", load_[a-z]* }' "$CARVE_SRC/src/model/config.c" |
	sed 's/{ "\([^"]*\)".*/\1/')
test "$(echo "$keys" | wc -l)" -ge 12
ok $? "the key table of config.c is found ($(echo "$keys" | wc -l) keys)"
plan_keys=$(sed -n '/plan_keys\[\] = {/,/};/p' "$CARVE_SRC/src/model/plan.c" |
	grep -o '"[a-z0-9_]*"' | tr -d '"')
for k in $keys $plan_keys; do
	echo "$page5" | grep -q -w -F -e "$k"
	ok $? "carve.json(5) documents '$k'"
done

# every page renders without a groff warning (a line starting with a
# period is read as a macro; lintian reports those in the Debian package)
for page in "$CARVE_SRC"/man/*.[15]; do
	LC_ALL=C groff -ww -man -Tutf8 "$page" 2>warn.txt >/dev/null
	test ! -s warn.txt
	ok $? "$(basename "$page") renders without groff warnings"
	sed 's/^/# /' warn.txt
done

done_testing