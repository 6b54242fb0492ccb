# Shared by the hostile-input tests (t9xxx): the list of every command
# and output format that reads a repository, a runner that drives each of
# them over a tree and checks that the output is safe to open, and a
# snapshot of a repository to prove that nothing in it changed.
#
# A new command or format is one more line in HOSTILE_RUNS.

# "COMMAND FORMAT [OPTION...]", one run per line.
HOSTILE_RUNS='scan text
scan json
scan csv
graph text
graph json
graph dot
graph svg
graph svg --level file
graph png
history text
history json
history csv
seams text
seams json
seams csv
seams dot
seams svg
check text
check json
estimate text
estimate json
estimate csv
roadmap text
roadmap json
roadmap csv
roadmap mermaid
roadmap dot
roadmap svg
burndown text
burndown json
burndown csv
burndown svg
data text
data json
data csv
data dot
api text
api json
api csv
api dot
report html'

# Commands that read a model JSON instead of a tree ("COMMAND FORMAT").
HOSTILE_MODEL_RUNS='graph json
seams json
check json
merge json'

# valid_output FORMAT FILE: the output is safe to open as its format says
# (an independent parser for each: jq, xmllint, Python's csv module).
valid_output() {
	case $1 in
	json) jq -e . "$2" >/dev/null 2>&1 ;;
	svg) xmllint --noout --nonet "$2" 2>/dev/null ;;
	png) [ "$(head -c 4 "$2" | tail -c 3)" = PNG ] ;;
	# a file name never becomes markup (t9001's '<script>alert(1)...')
	html) ! grep -q '<script>alert' "$2" &&
		python3 "$CARVE_SRC/tests/cli/check-text.py" html "$2" ;;
	*) python3 "$CARVE_SRC/tests/cli/check-text.py" "$1" "$2" ;;
	esac
}

# hostile_opts COMMAND: the options a run of COMMAND needs on a tree
# without carve.json. carve burndown stops (exit 1) without a declared
# migration; a file outside the tree declares every path legacy.
hostile_opts() {
	[ "$1" = burndown ] || return 0
	[ -f "$TEST_DIR/.burndown.json" ] ||
		printf '{ "legacy": ["**"] }\n' >"$TEST_DIR/.burndown.json"
	printf '%s\n' "-c $TEST_DIR/.burndown.json"
}

# every_run LABEL DIR [OPTION...]: runs each of HOSTILE_RUNS on DIR, under
# a timeout, with -q; one TAP line per run: the exit status is 0 (1 is
# allowed for check's findings), nothing crashed, and valid_output holds.
every_run() {
	_label=$1 _dir=$2
	shift 2
	_n=0
	while read -r _cmd _fmt _opts; do
		_n=$((_n + 1))
		_out="$TEST_DIR/run$_n.$_fmt"
		# shellcheck disable=SC2086
		within 60 "$CARVE" "$_cmd" -q -f "$_fmt" $_opts \
			$(hostile_opts "$_cmd") "$@" \
			-o "$_out" "$_dir" 2>"$TEST_DIR/run.err"
		_rc=$?
		_ok=1
		case $_rc in 0) ;; 1) [ "$_cmd" = check ] || _ok=0 ;; *) _ok=0 ;; esac
		[ $_ok = 1 ] && ! valid_output "$_fmt" "$_out" && _ok=0
		grep -qE 'Sanitizer|runtime error|BUG' "$TEST_DIR/run.err" && _ok=0
		ok $((1 - _ok)) "$_label: carve $_cmd -f $_fmt $_opts"
		[ $_ok = 1 ] || { echo "#   exit $_rc"; sed 's/^/#   /' "$TEST_DIR/run.err" | head -5; }
	done <<EOF_RUNS
$HOSTILE_RUNS
EOF_RUNS
}

# snapshot REPO: everything a command could change in a repository but
# its cache (.git/carve): work tree files with their mtimes and modes,
# the index, refs, HEAD, config, and every file under .git.
snapshot() {
	(
		cd "$1" &&
		# (.git's own mtime changes when the cache directory is made)
		find . -path ./.git/carve -prune -o -path ./.git \
			-printf '%p %y %m\n' -o -printf '%p %y %m %s %T@\n' |
			LC_ALL=C sort &&
		git --no-optional-locks status --porcelain=v1 --ignored \
			--untracked-files=all &&
		git for-each-ref --format='%(refname) %(objectname)' &&
		git rev-parse HEAD &&
		cksum .git/index .git/config .git/HEAD
	) 2>&1
}
