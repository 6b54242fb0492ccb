#!/bin/sh
# Each command's option table (carve <command> --list-options) against its
# man page's OPTIONS (every option with its short flag, argument and
# default), against its -h text, and the usage errors the table's parser
# gives.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

check="$CARVE_SRC/tests/cli/check-options.py"
commands=$("$CARVE" help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p')
test -n "$commands"
ok $? "carve help lists the commands"

for cmd in $commands; do
	page="$CARVE_SRC/man/carve-$cmd.1"
	"$CARVE" "$cmd" --list-options >"$cmd.tab"
	ok $? "'$cmd --list-options' succeeds"
	python3 "$check" "$page" "$cmd.tab" >"$cmd.out" 2>&1
	ok $? "carve-$cmd.1 gives each option's short flag, argument and default"
	sed 's/^/# /' "$cmd.out"
	# the -h text names the same options and every default of the table
	"$CARVE" "$cmd" -h >"$cmd.help"
	n_table=$(wc -l <"$cmd.tab")
	n_help=$(grep -c '^  \(-[a-z], \|    \)--[a-z]' "$cmd.help")
	test "$n_table" -eq "$n_help"
	ok $? "'$cmd -h' shows the $n_table options of the table ($n_help)"
	missing=
	while IFS="	" read -r short long arg def; do
		[ -n "$def" ] || continue
		# the option's help: its line and the indented ones after it
		awk -v opt="$long" '
			index($0, opt) && !found { found = 1; print; next }
			found && /^  +[^ -]/ { print; next }
			found { exit }' "$cmd.help" | tr '\n' ' ' |
			grep -q "default.*$def\|$def.*default" ||
			missing="$missing $long=$def"
	done <"$cmd.tab"
	test -z "$missing"
	ok $? "'$cmd -h' shows every default of the table${missing:+:$missing}"
	test "$(awk 'length > 79' "$cmd.help" | wc -l)" -eq 0
	ok $? "'$cmd -h' stays within 79 columns"
done

# the check fails when a page and a table disagree
page="$CARVE_SRC/man/carve-api.1"
"$CARVE" api --list-options >api.tab
# the --top item left out
sed '/^\.BI \\-\\-top/,/^\.TP/{/^\.TP/!d}' "$page" >no-top.1
test "$(wc -l <no-top.1)" -lt "$(wc -l <"$page")" &&
	! grep -q '^\.BI \\-\\-top' no-top.1
ok $? "a copy of carve-api.1 without its --top item"
python3 "$check" no-top.1 api.tab >out 2>&1
test $? -eq 1 && grep -q -- '--top: not in OPTIONS' out
ok $? "an option missing from the page fails the check"
sed 's/(default 50;/(default 60;/' "$page" >top-60.1
python3 "$check" top-60.1 api.tab >out 2>&1
test $? -eq 1 && grep -q -- "--top: the page does not give its default '50'" out
ok $? "a different default in the page fails the check"
sed 's/^\.BR \\-o ", " \\-\\-output " \\fIFILE\\fR"/.BI \\-\\-output " FILE"/' \
	"$page" >no-short.1
python3 "$check" no-short.1 api.tab >out 2>&1
test $? -eq 1 && grep -q -- '--output: the page does not give its short flag -o' out
ok $? "a short flag missing from the page fails the check"
sed 's/^\.BI \\-\\-top " N"/.B \\-\\-top/' "$page" >no-arg.1
python3 "$check" no-arg.1 api.tab >out 2>&1
test $? -eq 1 && grep -q -- '--top: the page does not name its argument N' out
ok $? "an argument missing from the page fails the check"
printf '\t--frobnicate\tN\t3\n' >>api.tab
python3 "$check" "$page" api.tab >out 2>&1
test $? -eq 1 && grep -q -- '--frobnicate: not in OPTIONS' out
ok $? "an option of the table the page lacks fails the check"

# usage errors: glibc getopt's words, named after the command; exit 129
usage_error() { # EXPECTED-FIRST-LINE ARGS...
	want=$1; shift
	"$CARVE" "$@" >out 2>err
	status=$?
	test "$status" -eq 129 && test ! -s out &&
		test "$(head -n 1 err)" = "$want" &&
		grep -q "^usage: carve $1 " err
}
usage_error "carve scan: unrecognized option '--frobnicate'" scan --frobnicate
ok $? "an unknown long option: 'carve scan: ...', the help, 129"
usage_error "carve graph: invalid option -- 'Z'" graph -Z
ok $? "an unknown short option: 'carve graph: ...', 129"
usage_error "carve api: option '--top' requires an argument" api --top
ok $? "a missing argument: 'carve api: ...', 129"
usage_error "carve check: option '--update-baseline' doesn't allow an argument" \
	check --update-baseline=x
ok $? "an argument to a switch: 'carve check: ...', 129"
"$CARVE" history --top x >out 2>err
test $? -eq 129 && test "$(cat err)" = \
	"error: --top takes a whole number from 0 to 1000000, not 'x'"
ok $? "a bad value names the option and what it takes, 129"
"$CARVE" graph --level x >out 2>err
test $? -eq 129 && test "$(cat err)" = \
	"error: --level takes module or file, not 'x'"
ok $? "a word not among an option's choices lists them, 129"
"$CARVE" scan a b >out 2>err
test $? -eq 129 && grep -q '^error: scan takes one PATH, not 2$' err
ok $? "two PATHs: a usage error, 129"
"$CARVE" seams -h >out 2>err
test $? -eq 0 && test ! -s err && head -n 1 out | grep -q '^usage: carve seams '
ok $? "-h: the help on stdout, exit 0"

done_testing
