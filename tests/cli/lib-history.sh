# A fixture repository for the carve history tests, built commit by
# commit with fixed dates and authors, so that every figure the tests
# expect can be worked out by hand (or asked of git itself).
#
#   make_history_repo DIR
#
# History (dates in 2024, one commit a day at noon UTC unless said):
#   01-01 Ann     add app/core/a.py (10 lines), app/web/b.py (5),
#                 README.md (3), logo.png (binary), .mailmap,
#                 .gitattributes (*.dat binary), data.dat (text, 2 lines)
#   01-02..01-07  a.py and b.py changed together, six times: Bob with
#                 his old address (01-02, 01-04, 01-06; the .mailmap maps
#                 "bob <bob@old.example.com>" to Bob Builder), Bob
#                 Builder (01-03, 01-05), Ann (01-07)
#   01-08, 01-09  Ann changes a.py alone, twice
#   01-10 Ann     logo.png changed (binary), data.dat changed (binary by
#                 attribute, text by content)
#   01-11 Ann     app/web/b.py moved to app/web/views.py, one line changed
#   01-12 Ann     a.py made executable (mode change only)
#   01-13 Ann     notes.txt added, its last line without a newline
#   01-14 Ann     notes.txt's last line changed, still without newline
#   01-15 Ann     link.md, a symbolic link to README.md
#   01-16 Bob B.  gen/f01.txt .. gen/f35.txt added: 35 files in one commit
#   01-17 Carol   on branch feature: docs/guide.md added
#   01-18 Ann     on main: README.md changed
#   01-19 Ann     feature merged (a merge commit, no fast-forward)
#   01-20 Ann     gen/f01.txt deleted
#   01-21 José    (name in ISO-8859-1, the commit says so) changes a.py
#   01-22 Bad\377Name (not UTF-8, and no encoding header) changes
#                 README.md
#
# non-merge commits: 21 (22 commits with the merge)

commit_as() {
	# commit_as REPO "Name" email DAY MESSAGE [git commit options]
	_repo=$1 _name=$2 _email=$3 _day=$4 _msg=$5
	shift 5
	GIT_AUTHOR_NAME=$_name GIT_AUTHOR_EMAIL=$_email \
	GIT_COMMITTER_NAME=$_name GIT_COMMITTER_EMAIL=$_email \
	GIT_AUTHOR_DATE="2024-01-$_day 12:00:00 +0000" \
	GIT_COMMITTER_DATE="2024-01-$_day 12:00:00 +0000" \
		git -C "$_repo" commit -q --allow-empty-message -m "$_msg" "$@"
}

lines() {
	# lines N PREFIX: N numbered lines
	_i=1
	while [ "$_i" -le "$1" ]; do
		echo "$2 $_i"
		_i=$((_i + 1))
	done
}

make_history_repo() {
	r=$1
	make_repo "$r" >/dev/null
	git -C "$r" checkout -q -b main
	mkdir -p "$r/app/core" "$r/app/web"
	lines 10 'x = "a"' >"$r/app/core/a.py"
	lines 5 'y = "b"' >"$r/app/web/b.py"
	printf '# demo\n\ntext\n' >"$r/README.md"
	printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$r/logo.png"
	printf 'Bob Builder <bob@example.com> bob <bob@old.example.com>\n' \
		>"$r/.mailmap"
	printf '*.dat binary\n' >"$r/.gitattributes"
	printf 'one\ntwo\n' >"$r/data.dat"
	git -C "$r" add -A
	commit_as "$r" Ann ann@example.com 01 "initial version"

	for day in 02 03 04 05 06 07; do
		echo "a changed on $day" >>"$r/app/core/a.py"
		echo "b changed on $day" >>"$r/app/web/b.py"
		git -C "$r" add -A
		case $day in
		02 | 04 | 06) commit_as "$r" bob bob@old.example.com "$day" \
				"PAY-1 pay with cards" ;;
		03 | 05) commit_as "$r" "Bob Builder" bob@example.com "$day" \
				"PAY-2 refunds" ;;
		*) commit_as "$r" Ann ann@example.com "$day" "PAY-1 fix" ;;
		esac
	done
	for day in 08 09; do
		sed -i '1d' "$r/app/core/a.py"
		echo "a alone on $day" >>"$r/app/core/a.py"
		git -C "$r" add -A
		commit_as "$r" Ann ann@example.com "$day" "a alone"
	done

	printf '\211PNG\r\n\032\n\000\000\000\rIHDR2' >"$r/logo.png"
	printf 'one\nTWO\nthree\n' >"$r/data.dat"
	git -C "$r" add -A
	commit_as "$r" Ann ann@example.com 10 "new logo, new data"

	git -C "$r" mv app/web/b.py app/web/views.py
	sed -i 's/^y = "b" 1$/y = "views" 1/' "$r/app/web/views.py"
	git -C "$r" add -A
	commit_as "$r" Ann ann@example.com 11 "b.py is views.py"

	chmod +x "$r/app/core/a.py"
	git -C "$r" add -A
	commit_as "$r" Ann ann@example.com 12 "a.py runs"

	printf 'first\nlast' >"$r/notes.txt"
	git -C "$r" add -A
	commit_as "$r" Ann ann@example.com 13 "notes"
	printf 'first\nLAST' >"$r/notes.txt"
	git -C "$r" add -A
	commit_as "$r" Ann ann@example.com 14 "notes again"

	ln -s README.md "$r/link.md"
	git -C "$r" add -A
	commit_as "$r" Ann ann@example.com 15 "a link"

	mkdir -p "$r/gen"
	for n in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 \
		 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35; do
		echo "file $n" >"$r/gen/f$n.txt"
	done
	git -C "$r" add -A
	commit_as "$r" "Bob Builder" bob@example.com 16 "35 files at once"

	git -C "$r" checkout -q -b feature
	mkdir -p "$r/docs"
	printf 'guide\n' >"$r/docs/guide.md"
	git -C "$r" add -A
	commit_as "$r" Carol carol@web.example.com 17 "a guide"
	git -C "$r" checkout -q main
	printf '# demo\n\nmore text\n' >"$r/README.md"
	git -C "$r" add -A
	commit_as "$r" Ann ann@example.com 18 "readme"
	GIT_AUTHOR_DATE="2024-01-19 12:00:00 +0000" \
	GIT_COMMITTER_DATE="2024-01-19 12:00:00 +0000" \
		git -C "$r" merge -q --no-ff -m "merge feature" feature

	git -C "$r" rm -q gen/f01.txt
	commit_as "$r" Ann ann@example.com 20 "one less"

	echo "by jose" >>"$r/app/core/a.py"
	git -C "$r" add -A
	git -C "$r" config i18n.commitEncoding ISO-8859-1
	commit_as "$r" "$(printf 'Jos\351')" jose@example.com 21 "PAY-2 more"
	git -C "$r" config --unset i18n.commitEncoding

	# git commit would re-encode a name that is not UTF-8 as Latin-1:
	# write the commit object by hand
	echo "bad" >>"$r/README.md"
	git -C "$r" add -A
	printf 'tree %s\nparent %s\nauthor Bad\377Name <bad@example.com> %s\ncommitter Bad\377Name <bad@example.com> %s\n\nbad name\n' \
		"$(git -C "$r" write-tree)" "$(git -C "$r" rev-parse HEAD)" \
		"1705924800 +0000" "1705924800 +0000" |
		git -C "$r" hash-object -t commit -w --stdin >"$r.bad"
	git -C "$r" update-ref refs/heads/main "$(cat "$r.bad")"
	rm -f "$r.bad"
}
