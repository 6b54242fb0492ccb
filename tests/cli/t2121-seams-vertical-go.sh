#!/bin/sh
# A Go forge in layers (tests/fixtures/seams-gomvc, shaped like gitea)
# is cut into vertical contexts (issue 19): models/<domain> and
# services/<domain> for five domains (issues/issue, pull, release, wiki,
# repo/repository), and routers/web/repo and routers/api/v1/repo each
# holding the handlers of all five side by side (issue.go,
# issue_label.go, pull.go, pull_review.go, release.go, ...), each handler
# importing its domain's model and service. A folder name found under
# folders named for layers (models/pull, services/pull) is a domain,
# not a layer; routers/web/repo, whose files lead with the terms of
# those domains, is a layer across them, and each handler goes with the
# domain its name leads with, issue.go included (found in
# routers/web/repo, routers/api/v1/repo and services/issue: a domain's
# name in several layers, not a copy).
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

cp -R "$CARVE_SRC/tests/fixtures/seams-gomvc" forge
"$CARVE" seams -q --no-history -f csv forge >c.csv || fail "seams -f csv"
ctx() { grep "^$1," c.csv | cut -d, -f2 | tr -d "\r"; }

for d in issues:issue:issue:issue_label pull:pull:pull:pull_review \
	 release:release:release:release_attachment \
	 wiki:wiki:wiki:wiki_revision; do
	IFS=: read -r m s h1 h2 <<EOT
$d
EOT
	c=$(ctx models/$m/$(ls forge/models/$m | head -1))
	for f in forge/models/$m/*.go forge/services/$s/*.go; do
		expect_eq "${f#forge/} in $m's context" "$c" "$(ctx ${f#forge/})"
	done
	for r in routers/web/repo routers/api/v1/repo; do
		expect_eq "$r/$h1.go in $m's context" "$c" "$(ctx $r/$h1.go)"
		expect_eq "$r/$h2.go in $m's context" "$c" "$(ctx $r/$h2.go)"
	done
	case $c in
	*$s) ok 0 "$m: its context is named for it ($c)" ;;
	*) ok 1 "$m: its context is named for it ($c)" ;;
	esac
done
c=$(ctx models/repo/branch.go)
for f in services/repository/repository.go services/repository/branch.go \
	 routers/web/repo/repo.go routers/api/v1/repo/branch.go; do
	expect_eq "$f in repo's context" "$c" "$(ctx $f)"
done
n=$(for f in forge/routers/web/repo/*.go; do ctx "${f#forge/}"; done | sort -u | wc -l)
expect_eq "routers/web/repo's handlers in five contexts" 5 "$((n))"
check "no context named for a router folder" \
	sh -c "! cut -d, -f2 c.csv | grep -q '^routers/\\(web\\|api/v1\\)'"
done_testing
