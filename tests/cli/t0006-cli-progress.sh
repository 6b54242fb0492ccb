#!/bin/sh
# Progress: on a terminal, a line for every step that takes more than a
# second (CARVE_PROGRESS_DELAY shortens the second here), nothing for
# quicker steps, nothing with -q, nothing when stderr is not a terminal.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1
. "$CARVE_SRC/tests/cli/lib-history.sh"

make_history_repo repo
if ! command -v script >/dev/null 2>&1; then
	ok "skip: no script(1) for a terminal"
	done_testing
	exit 0
fi
# stderr on a terminal (script's), stdout to a file
tty() { script -qec "$1 >/dev/null" /dev/null | tr '\r' '\n' >tty.out; }

"$CARVE" seams -q repo >/dev/null # the caches
tty "'$CARVE' seams repo"
check "quick steps: no progress on the terminal" \
	sh -c '! grep -q "[a-z]: " tty.out'
tty "CARVE_PROGRESS_DELAY=0 '$CARVE' seams repo"
grep_q "a step over the delay has its line" "seams: .*done\." tty.out
grep_q "the history too" "history: .*done\." tty.out
grep_q "and the scan's counting line" "scan: .*files" tty.out
tty "CARVE_PROGRESS_DELAY=0 '$CARVE' seams -q repo"
check "-q: nothing" sh -c '! grep -q "[a-z]" tty.out'
CARVE_PROGRESS_DELAY=0 "$CARVE" seams repo >/dev/null 2>err
check "stderr not a terminal: nothing" sh -c '! grep -q "done\." err'

done_testing
