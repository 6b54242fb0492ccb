#!/bin/sh
# A folder that holds two libraries (tests/fixtures/seams-libraries.json,
# a model written by hand): lib/ed's editor (ed.c, display.c, input.c,
# keys.c call one another in a ring) uses its history library (hist.c,
# histexp.c, histfile.c call one another in a ring; histint.h is included
# by them alone), and the history calls nothing of the editor. Both use
# xmalloc.c. With libclang's symbol edges the history ring is a strongly
# connected group that the editor's uses: a context of its own, with its
# private header, while xmalloc stays with the editor that uses it too.
# hist.h tests a macro ed.c defines (libclang puts that use on hist.c, a
# dependency of the history on the editor that is not one): left out,
# or the two rings would be one. From the #includes alone the folder
# stays whole.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

model="$CARVE_SRC/tests/fixtures/seams-libraries.json"
ctx_of() {
	jq -r --arg f "$1" '.contexts[] |
		select([.files[] |
		if type == "string" then . else .path end] | index($f)) | .name' out
}
expect_status "seams of the model" 0 "$CARVE" seams -q -f json "$model"
hist=$(ctx_of lib/ed/hist.c) ed=$(ctx_of lib/ed/ed.c)
check "the history apart from the editor" test "$hist" != "$ed"
for f in lib/ed/histexp.c lib/ed/histfile.c lib/ed/hist.h lib/ed/histint.h; do
	expect_eq "$f with the history" "$hist" "$(ctx_of $f)"
done
for f in lib/ed/display.c lib/ed/input.c lib/ed/keys.c lib/ed/edpriv.h \
	lib/ed/xmalloc.c; do
	expect_eq "$f with the editor" "$ed" "$(ctx_of $f)"
done
expect_eq "app/main.c apart" "" \
	"$(ctx_of app/main.c | grep -Fx -e "$ed" -e "$hist")"

jq '.edges |= map(select(.kind != "symbol"))' "$model" >includes.json
expect_status "seams from the #includes alone" 0 \
	"$CARVE" seams -q -f json includes.json
expect_eq "one context for the folder" "$(ctx_of lib/ed/ed.c)" \
	"$(ctx_of lib/ed/hist.c)"

done_testing
