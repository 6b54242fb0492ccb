#!/bin/sh
# One person under two names with one email is one author (netbox:
# "Jeremy Stretch" and "jeremystretch"), whatever the case of the email;
# two people who share a no-reply email stay two; .mailmap still applies.
# Expected authors worked out by hand from the commits below.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1
make_repo repo
commit() { # NAME EMAIL FILE
	echo "$3 by $1" >>"repo/$3"
	git -C repo add -A
	GIT_AUTHOR_NAME=$1 GIT_AUTHOR_EMAIL=$2 GIT_COMMITTER_NAME=$1 \
		GIT_COMMITTER_EMAIL=$2 git -C repo commit -q -m "$3"
}
commit "Jeremy Stretch" jeremy@example.com a.py
commit jeremystretch Jeremy@Example.com b.py
commit jeremystretch jeremy@example.com a.py
commit "Ann Lee" noreply@github.com c.py
commit "Bo Chan" noreply@github.com d.py
commit "Cy Old" cy@old.example.com e.py
commit "Cy New" cy@new.example.com f.py
printf 'Cy New <cy@new.example.com> Cy Old <cy@old.example.com>\n' >repo/.mailmap
expect_status "history -f json" 0 "$CARVE" history -q -f json repo
jq -r '.history.authors[].name' "$TEST_DIR/out" | sort >names
expect_eq "four authors" "Ann Lee
Bo Chan
Cy New
Jeremy Stretch" "$(cat names)"
expect_eq "Jeremy's three commits are one author's" "3" \
	"$(jq '[.history.authors[] | select(.name == "Jeremy Stretch")][0].commits' "$TEST_DIR/out")"
done_testing
