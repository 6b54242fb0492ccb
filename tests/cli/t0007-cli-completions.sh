#!/bin/sh
# Shell completions generated from carve's option tables
# (completions/generate): bash's completion function run as bash runs it
# (COMP_WORDS), fish's by fish itself (complete -C), zsh's parsed by zsh
# and registered by compinit. Each command's options (--list-options)
# and formats (-f's words) must all be offered; nothing else is.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

python3 "$CARVE_SRC/completions/generate" "$CARVE" out >gen.txt 2>&1
ok $? "completions/generate writes the three files"
sed 's/^/# /' gen.txt
test -s out/carve.bash && test -s out/_carve && test -s out/carve.fish
ok $? "carve.bash, _carve and carve.fish are not empty"

# bash: the words _carve offers for a command line ending in CUR
bash_complete() { # WORD...: the last word is the one completed
	bash -c '. out/carve.bash; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_carve; printf "%s\n" "${COMPREPLY[@]}"' bash "$@" | sort
}
commands=$("$CARVE" help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p')
expect_eq "bash: 'carve sc' completes scan" "scan" "$(bash_complete carve sc)"
expect_eq "bash: 'carve help che' completes check" "check" "$(bash_complete carve help che)"
expect_eq "bash: check -f offers the formats, sarif included" \
	"github
json
sarif
text" "$(bash_complete carve check -f '')"
expect_eq "bash: --format=gr completes in the same word" \
	"--format=graphml" "$(bash_complete carve graph --format=gr)"
expect_eq "bash: --export offers the tools" \
	"dependency-cruiser
import-linter
tach" "$(bash_complete carve check --export '')"
mkdir -p dirs/cache-a dirs/cache-b && : >dirs/file
expect_eq "bash: a DIR argument offers directories only" \
	"dirs/cache-a
dirs/cache-b" "$(bash_complete carve scan --cache-dir dirs/c)"
expect_eq "bash: a FILE argument offers files" "dirs/file" \
	"$(bash_complete carve check --baseline dirs/f)"
expect_eq "bash: a number offers nothing" "" "$(bash_complete carve scan --top '')"

missing=
for cmd in $commands; do
	want=$("$CARVE" "$cmd" --list-options | cut -f1,2 | tr '\t' '\n' |
		sed '/^$/d' | sort)
	got=$(bash_complete carve "$cmd" - | sed '/^-$/d')
	got2=$(bash_complete carve "$cmd" --)
	[ "$want" = "$got" ] || missing="$missing $cmd"
	[ "$(echo "$want" | grep -- '^--')" = "$got2" ] || missing="$missing $cmd(--)"
	fmts=$("$CARVE" "$cmd" --list-words | sed -n 's/^--format\t//p' | tr ' ' '\n' | sort)
	[ -z "$fmts" ] || [ "$fmts" = "$(bash_complete carve "$cmd" --format '')" ] ||
		missing="$missing $cmd(-f)"
done
expect_eq "bash: every command's options and formats, from its table" "" "$missing"

if command -v fish >/dev/null; then
	fish_complete() {
		fish --no-config -c "source out/carve.fish; complete -C '$1'" |
			cut -f1 | sort
	}
	fish -n out/carve.fish
	ok $? "fish parses carve.fish"
	expect_eq "fish: 'carve gra' completes graph" "graph" "$(fish_complete 'carve gra')"
	expect_eq "fish: scan -f offers scan's formats" "$("$CARVE" scan --list-words |
		sed -n 's/^--format\t//p' | tr ' ' '\n' | sort)" \
		"$(fish_complete 'carve scan -f ')"
	expect_eq "fish: graph --lev completes --level" "--level" "$(fish_complete 'carve graph --lev')"
else
	for i in 1 2 3 4; do
		test_count=$((test_count + 1))
		echo "ok $test_count # SKIP fish is not installed"
	done
fi

if command -v zsh >/dev/null; then
	zsh -n out/_carve
	ok $? "zsh parses _carve"
	expect_eq "zsh: compinit registers _carve for carve" "_carve" \
		"$(zsh -f -c 'fpath=(out $fpath); autoload -U compinit
			compinit -u -d compdump; print -r -- ${_comps[carve]}')"
	n=$(grep -c "^	[a-z][a-z]*)$" out/_carve)
	expect_eq "zsh: a branch per command and help" \
		"$(($(echo "$commands" | wc -l) + 1))" "$n"
else
	for i in 1 2 3; do
		test_count=$((test_count + 1))
		echo "ok $test_count # SKIP zsh is not installed"
	done
fi

done_testing
